"""Schema migrations: backup first, then a pure dict → dict step, then one write.

The tests do not depend on today's real steps: they take a file of the current schema N
and pretend the code is at N+1 (or N+2) with made-up steps.
"""

from __future__ import annotations

import copy
import errno
import json
import os
from pathlib import Path

import pytest

from ubtui import cli, i18n
from ubtui.domain.associations import Association
from ubtui.domain.settings import Settings
from ubtui.store import NewerSchema, SaveFailed, Store, migrations
from ubtui.store.check import check_file
from ubtui.store.lock import InstanceLock

N = migrations.SCHEMA



def rename_area(document: dict) -> dict:
    """A test step N → N+1: associations' `area` becomes `subjects` (a new dict, input untouched)."""
    result = copy.deepcopy(document)
    for record in result.get("associations", {}).values():
        record["subjects"] = record.pop("area", "")
    return result


def shallow_step(document: dict) -> dict:
    """A careless but legal step: it shares `meta` (and other tables) with its input."""
    return {**document, "associations": {k: {**v, "checked": True} for k, v in document.get("associations", {}).items()}}


def upper_subjects(document: dict) -> dict:
    """A test step N+1 → N+2 that needs the first step's field."""
    result = copy.deepcopy(document)
    for record in result.get("associations", {}).values():
        record["subjects"] = record["subjects"].upper()
    return result


@pytest.fixture
def school(tmp_path) -> Path:
    """A file of the current schema N."""
    path = tmp_path / "school.json"
    with Store.open(path) as store:
        store.save_settings(Settings(school_name="Үч-Коргон орто мектеби"))
        store.associations.save(Association(name="Башталгыч класстар", area="эне тил, математика"))
        store.associations.save(Association(name="Тилдер", area="кыргыз тили, орус тили"))
    return path


@pytest.fixture
def one_step_ahead(monkeypatch):
    monkeypatch.setattr(migrations, "SCHEMA", N + 1)
    monkeypatch.setitem(migrations.STEPS, N, rename_area)


def disk(path: Path) -> dict:
    return json.loads(path.read_bytes())


def files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith((".lock", ".owner"))
    }


def test_open_backs_up_migrates_and_writes(school, tmp_path, one_step_ahead):
    original = school.read_bytes()
    old = disk(school)

    with Store.open(school) as store:
        assert store.school.meta["schema"] == N + 1
        assert sorted(a.name for a in store.associations.all()) == ["Башталгыч класстар", "Тилдер"]

    backup = tmp_path / "backups"
    schema_backups = sorted(backup.glob(f"school_*_schema{N}.json"))
    assert len(schema_backups) == 1
    assert schema_backups[0].read_bytes() == original  # byte for byte

    new = disk(school)
    assert new["meta"]["1"]["schema"] == N + 1
    assert new["meta"]["1"]["file_id"] == old["meta"]["1"]["file_id"]
    assert new["meta"]["1"]["generation"] == old["meta"]["1"]["generation"] + 1
    subjects = sorted(r["subjects"] for r in new["associations"].values())
    assert subjects == ["кыргыз тили, орус тили", "эне тил, математика"]
    assert all("area" not in r for r in new["associations"].values())
    check_file(school)  # the checksum was made over the migrated tables

    # Opening again migrates nothing more and writes nothing.
    migrated = school.read_bytes()
    with Store.open(school):
        pass
    assert school.read_bytes() == migrated
    assert len(sorted(backup.glob("*_schema*.json"))) == 1


def test_two_steps_run_in_order(school, monkeypatch):
    monkeypatch.setattr(migrations, "SCHEMA", N + 2)
    monkeypatch.setitem(migrations.STEPS, N, rename_area)
    monkeypatch.setitem(migrations.STEPS, N + 1, upper_subjects)
    with Store.open(school):
        pass
    new = disk(school)
    assert new["meta"]["1"]["schema"] == N + 2
    assert sorted(r["subjects"] for r in new["associations"].values()) == ["КЫРГЫЗ ТИЛИ, ОРУС ТИЛИ", "ЭНЕ ТИЛ, МАТЕМАТИКА"]


def test_failed_migration_write_leaves_the_file_and_the_backup(school, tmp_path, monkeypatch, one_step_ahead):
    original = school.read_bytes()

    real_replace = os.replace

    def refuse(source, destination):  # the backup may be written, the school file may not
        if Path(destination) == school:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_replace(source, destination)

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", refuse)
        with pytest.raises(SaveFailed):
            Store.open(school)
    assert school.read_bytes() == original
    assert [p.read_bytes() for p in (tmp_path / "backups").glob(f"*_schema{N}.json")] == [original]
    assert sorted(tmp_path.rglob("*.tmp")) == []
    lock = InstanceLock(school)  # the failed open let the lock go
    assert lock.acquire()
    lock.release()


def test_failed_migration_backup_stops_the_migration(school, tmp_path, one_step_ahead):
    original = school.read_bytes()
    (tmp_path / "backups").write_text("a file where the backup folder should be", encoding="utf-8")
    with pytest.raises(SaveFailed):
        Store.open(school)
    assert school.read_bytes() == original


def test_read_only_open_migrates_in_memory_only(school, tmp_path, one_step_ahead):
    before = files(tmp_path)
    with Store.open(school, read_only=True) as store:
        assert store.school.meta["schema"] == N + 1
        assert "subjects" in next(iter(store.school.document()["associations"].values()))
    assert files(tmp_path) == before


def _make_newer(path: Path, schema: int) -> bytes:
    document = disk(path)
    document["meta"]["1"]["schema"] = schema  # meta is outside the checksum
    data = (json.dumps(document, ensure_ascii=False) + "\n").encode("utf-8")
    path.write_bytes(data)
    return data


@pytest.mark.parametrize("ahead", [False, True])
def test_newer_schema_is_refused_and_left_alone(school, tmp_path, monkeypatch, capsys, ahead):
    if ahead:  # the code is at N+1 and the file at N+2
        monkeypatch.setattr(migrations, "SCHEMA", N + 1)
        monkeypatch.setitem(migrations.STEPS, N, rename_area)
    data = _make_newer(school, migrations.SCHEMA + 1)
    before = files(tmp_path)

    with pytest.raises(NewerSchema) as caught:
        Store.open(school)
    assert str(migrations.SCHEMA + 1) in str(caught.value)
    with pytest.raises(NewerSchema):
        check_file(school)
    assert cli.main(["check", str(school)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1

    assert school.read_bytes() == data
    assert files(tmp_path) == before  # no backup, no .tmp
    lock = InstanceLock(school)
    assert lock.acquire()
    lock.release()


def test_migrate_is_pure(school, monkeypatch):
    monkeypatch.setattr(migrations, "SCHEMA", N + 1)
    document = disk(school)
    original = copy.deepcopy(document)
    for step in (rename_area, shallow_step):
        monkeypatch.setitem(migrations.STEPS, N, step)
        first = migrations.migrate(document)
        assert document == original, step.__name__  # the input is untouched
        assert migrations.schema_of(first) == N + 1
        assert migrations.migrate(document) == first  # same input, same output
        assert migrations.migrate(first) == first  # already current: nothing to do
    assert migrations.migrate(document, target=N) == original
