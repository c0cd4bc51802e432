"""The demo school: built by code, the same for a given day, and a fast fresh copy for --demo."""

from __future__ import annotations

import json

import pytest

from ubtui.demo import fresh_demo, write_demo
from ubtui.store import Store
from ubtui.store.check import check_file

from conftest import DEMO_DAY


def body(path):
    document = json.loads(path.read_text(encoding="utf-8"))
    document.pop("meta")
    for table in document.values():
        for record in table.values():
            record.pop("created_at", None)
            record.pop("updated_at", None)
    return document


def test_same_day_same_demo(tmp_path):
    first = write_demo(tmp_path / "a.json", today=DEMO_DAY)
    second = write_demo(tmp_path / "b.json", today=DEMO_DAY)
    assert body(first) == body(second)
    ids = [json.loads(p.read_text())["meta"]["1"]["file_id"] for p in (first, second)]
    assert ids[0] != ids[1]


def test_write_demo_refuses_to_overwrite(tmp_path):
    path = write_demo(tmp_path / "a.json", today=DEMO_DAY)
    before = path.read_bytes()
    with pytest.raises(Exception):
        write_demo(path, today=DEMO_DAY)
    assert path.read_bytes() == before


def test_fresh_demo_from_the_cache_is_a_valid_new_school(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    built = fresh_demo(tmp_path / "one.json", today=DEMO_DAY)  # builds and caches
    cached = list((tmp_path / "cache").rglob("demo-*.json"))
    assert len(cached) == 1
    copy = fresh_demo(tmp_path / "two.json", today=DEMO_DAY)  # copies from the cache
    assert check_file(copy).startswith(check_file(built)[:10])
    assert body(copy) == body(built)
    metas = [json.loads(p.read_text())["meta"]["1"] for p in (built, copy)]
    assert metas[0]["file_id"] != metas[1]["file_id"]
    with Store.open(copy) as store:  # writable and whole
        assert len(store.sorted_teachers()) == len(Store.open(built, read_only=True).sorted_teachers())


def test_a_damaged_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    fresh_demo(tmp_path / "one.json", today=DEMO_DAY)
    (cached,) = list((tmp_path / "cache").rglob("demo-*.json"))
    cached.write_bytes(cached.read_bytes()[:100])
    copy = fresh_demo(tmp_path / "two.json", today=DEMO_DAY)
    check_file(copy)  # raises if bad
    assert body(copy) == body(tmp_path / "one.json")


def test_fixture_matches_the_builder(tmp_path):
    """fixtures/demo_school.json is a generated copy: regenerate with `python -m ubtui.demo`."""
    from pathlib import Path

    fixture = Path(__file__).parent.parent / "fixtures" / "demo_school.json"
    fresh = write_demo(tmp_path / "demo.json", today=DEMO_DAY)
    assert body(fixture) == body(fresh)
    check_file(fixture)


def test_delete_association_or_year_with_records_is_refused(demo_store):
    from ubtui.errors import UserError

    association = demo_store.sorted_associations()[0]
    year = demo_store.current_year(DEMO_DAY)
    generation = demo_store.school.meta["generation"]
    for remove, key, name in (
        (demo_store.delete_association, association.id, association.name),
        (demo_store.delete_year, year.id, year.label),
    ):
        with pytest.raises(UserError) as caught:
            remove(key)
        assert name in str(caught.value)
    assert demo_store.school.meta["generation"] == generation
    assert demo_store.associations.find(association.id) is not None


def test_delete_empty_association_keeps_its_teachers(demo_store):
    from ubtui.domain.associations import Association

    empty = demo_store.associations.save(Association(name="Жаңы"))
    teacher = demo_store.sorted_teachers()[0]
    demo_store.save_association(empty, [teacher.id])
    assert demo_store.teachers.get(teacher.id).association_id == empty.id
    demo_store.delete_association(empty.id)
    assert demo_store.associations.find(empty.id) is None
    assert demo_store.teachers.get(teacher.id).association_id == ""
