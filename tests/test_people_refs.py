"""People by reference: schema 2 → 3 on a real schema-2 file, name matching, a rename seen in
screens' data and reprinted protocols, and a closed year that keeps its names."""

from __future__ import annotations

import copy
import io
import json
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from ubtui.domain.people import NameMatcher, Person, display_name, frozen_names, name_forms
from ubtui.domain.sessions import Session
from ubtui.domain.year_names import freeze_year_names
from ubtui.reports import Options, build_pdf
from ubtui.store import Store, migrations
from ubtui.store.check import check_file

from conftest import DEMO_DAY

SCHEMA2 = Path(__file__).parent / "fixtures" / "demo_school_schema2.json"


def text_of(data: bytes) -> str:
    return " ".join(" ".join((page.extract_text() or "") for page in PdfReader(io.BytesIO(data)).pages).split())


@pytest.fixture
def old_file(tmp_path) -> Path:
    """A copy of the demo school as the code before schema 3 wrote it (names as text)."""
    path = tmp_path / "school.json"
    shutil.copyfile(SCHEMA2, path)
    return path


def old_sessions() -> list[dict]:
    return list(json.loads(SCHEMA2.read_text(encoding="utf-8"))["sessions"].values())


# --- matching ------------------------------------------------------------------------------------------


def test_name_forms_cover_surname_first_and_initials_first():
    forms = name_forms("Жээнтева Зуура Эсеновна")
    assert {"жээнтева зуура эсеновна", "жээнтева з. э.", "з. э. жээнтева", "жээнтева з.", "з. жээнтева"} == forms
    assert "талантбек кызы а." in name_forms("Талантбек кызы Айпери")


def test_the_matcher_finds_one_teacher_or_nobody():
    matcher = NameMatcher([("z", "Жээнтева Зуура Эсеновна"), ("a1", "Асанова Гүлнара Мамытовна"),
                           ("a2", "Асанова Гүлмира Маратовна")])
    assert matcher.match("  жээнтева   ЗУУРА эсеновна ") == "z"
    assert matcher.match("З.Э. Жээнтева") == "z"
    assert matcher.match("З. Э. Жээнтева") == "z"
    assert matcher.match("Жээнтева З.Э.") == "z"
    assert matcher.match("Асанова Г.М.") is None  # two teachers have these initials
    assert matcher.match("Асанова Гүлнара Мамытовна") == "a1"
    assert matcher.match("Осмонова Айгүл") is None
    assert matcher.person("Осмонова Айгүл") == Person(guest="Осмонова Айгүл")


def test_display_name_prefers_frozen_then_today_then_guest():
    teachers = {"t": "Жаңы Аты"}
    assert display_name(Person("t"), teachers) == "Жаңы Аты"
    assert display_name(Person("t"), teachers, {"t": "Эски Аты"}) == "Эски Аты"
    assert display_name(Person(guest=" Конок  "), teachers) == "Конок"
    assert display_name(Person("gone"), teachers) == "?"
    assert frozen_names(["t", "x"], teachers, {"x": "Мурунку"}) == {"x": "Мурунку", "t": "Жаңы Аты"}


# --- the migration -------------------------------------------------------------------------------------------


def test_a_schema2_file_is_backed_up_then_every_name_becomes_a_reference(old_file, tmp_path):
    original = old_file.read_bytes()
    assert json.loads(original)["meta"]["1"]["schema"] == 2
    with Store.open(old_file) as store:
        people = store.teachers_by_id()
        sessions = {s.id: s for s in store.sessions.all()}
        for old in old_sessions():
            new = sessions[old["id"]]
            names = new.names  # a closed year's names; empty for this year
            assert new.chair.teacher_id and display_name(new.chair, people, names) == old["chair"]
            assert display_name(new.secretary, people, names) == old["secretary"]
            assert [a.teacher_id for a in new.attendance] == [a["teacher_id"] for a in old["attendance"]]
            assert [display_name(a, people, names) for a in new.attendance] == [a["name"] for a in old["attendance"]]
            for old_item, item in zip(old["agenda"], new.agenda):
                assert display_name(item.rapporteur, people, names) == old_item["rapporteur"]
                assert [display_name(s, people, names) for s in item.speakers] == [s["name"] for s in old_item["speakers"]]
                assert all(s.teacher_id for s in item.speakers)
                for old_decision, decision in zip(old_item["decisions"], item.decisions):
                    (who,) = decision.responsible
                    if old_decision["responsible"] == "УБ мүчөлөрү":  # a group, no teacher: kept as typed
                        assert who == Person(guest="УБ мүчөлөрү")
                    else:  # "Бекмуратова А.С." → the one teacher it means
                        assert who.teacher_id
                        assert people[who.teacher_id].full_name.startswith(old_decision["responsible"].split()[0])
        closed = [y for y in store.years.all() if y.closed]
        assert closed and all(s.names for s in store.sessions.in_year(closed[0].id))
        assert all(not s.names for s in store.sessions.all() if s.year_id != closed[0].id)
    on_disk = json.loads(old_file.read_bytes())
    assert on_disk["meta"]["1"]["schema"] == migrations.SCHEMA == 3
    check_file(old_file)
    backups = list((tmp_path / "backups").glob("school_*_schema2*.json"))
    assert len(backups) == 1 and backups[0].read_bytes() == original


def test_the_step_is_pure_and_keeps_unmatched_names_as_guests():
    document = json.loads(SCHEMA2.read_text(encoding="utf-8"))
    teachers = {t["full_name"]: t["id"] for t in document["teachers"].values()}
    key, session = next((k, s) for k, s in document["sessions"].items() if s["agenda"])
    session["chair"] = "  г.э.  ЖУМАБАЕВА "  # initials first, odd spacing and case
    session["secretary"] = "Осмонова Айгүл Жолдошевна"  # the deputy: no teacher record
    session["attendance"][0]["teacher_id"] = "dangling-id"  # a broken link: kept (soundness names it), with its name
    item = session["agenda"][0]
    item["speakers"] = [{"name": "Райондук методист", "text": "Сөз"}]
    item["decisions"][0]["responsible"] = "Бекмуратова А.С., директор"
    before = copy.deepcopy(document)
    result = migrations.STEPS[2](document)
    assert document == before  # the input is untouched
    new = Session.from_dict(result["sessions"][key])  # today's dataclass reads what the frozen step wrote
    assert new.chair == Person(teachers["Жумабаева Гүлзат Эркиновна"])
    assert new.secretary == Person(guest="Осмонова Айгүл Жолдошевна")
    old_name = before["sessions"][key]["attendance"][0]["name"]
    assert (new.attendance[0].teacher_id, new.attendance[0].guest) == ("dangling-id", old_name)
    assert display_name(new.attendance[0], {}) == old_name
    assert (new.agenda[0].speakers[0].guest, new.agenda[0].speakers[0].text) == ("Райондук методист", "Сөз")
    assert new.agenda[0].decisions[0].responsible == [
        Person(teachers["Бекмуратова Айнура Сапарбековна"]), Person(guest="директор")
    ]
    assert "name" not in result["sessions"][key]["attendance"][0]


def test_a_closed_year_keeps_the_spelling_its_protocols_had(old_file):
    document = json.loads(old_file.read_text(encoding="utf-8"))
    closed_id = next(y["id"] for y in document["years"].values() if y["closed"])
    session = next(s for s in document["sessions"].values() if s["year_id"] == closed_id)
    line = session["attendance"][2]
    line["name"] = "Эски  Жазылышы " + line["name"]  # the spelling the protocol had (the id still links her)
    result = migrations.migrate(document)
    migrated = next(s for s in result["sessions"].values() if s["id"] == session["id"])
    assert migrated["names"][line["teacher_id"]] == " ".join(line["name"].split())


# --- a rename shows everywhere; a closed year does not change ---------------------------------------------------


def test_a_rename_reaches_this_years_protocol_but_not_a_closed_years(demo_store: Store):
    year = demo_store.current_year(DEMO_DAY)
    association = demo_store.sorted_associations()[0]
    session = demo_store.sessions.by_number(association.id, year.id, 1)
    teacher = demo_store.teachers.get(session.attendance[2].teacher_id)
    old_name = teacher.full_name
    teacher.full_name = "Төлөгөнова-Жаңы Чолпон Кубанычбековна"
    demo_store.save_teacher(teacher)
    people = demo_store.teachers_by_id()
    assert display_name(demo_store.sessions.get(session.id).attendance[2], people) == teacher.full_name
    now = text_of(build_pdf("protocol", demo_store, Options(year=year.label, association=association.name, session=1)))
    assert teacher.full_name in now and old_name not in now
    last = next(y for y in demo_store.years.all() if y.closed)
    before = text_of(build_pdf("protocol", demo_store, Options(year=last.label, association=association.name, session=1)))
    assert old_name in before and teacher.full_name not in before


def test_freezing_a_year_fills_the_names_once_and_keeps_earlier_ones(demo_store: Store):
    year = demo_store.current_year(DEMO_DAY)
    sessions = demo_store.sessions.in_year(year.id)
    plans = demo_store.plans.of_year(year.id)
    assert all(not s.names for s in sessions)
    assert demo_store.freeze_year_names(year.id) == len(sessions) + sum(
        1 for p in plans if any(i.teacher_ids for i in demo_store.plans.items_of(p))
    )
    frozen = {s.id: s.names for s in demo_store.sessions.in_year(year.id)}
    for session in demo_store.sessions.in_year(year.id):
        assert set(session.names) == session.teacher_ids()
    teacher_id = next(iter(frozen[sessions[0].id]))
    teacher = demo_store.teachers.get(teacher_id)
    teacher.full_name = "Башка Ат Койулду"
    demo_store.save_teacher(teacher)
    assert demo_store.freeze_year_names(year.id) == 0  # nothing new: the first names stay
    again = demo_store.sessions.get(sessions[0].id)
    assert again.names[teacher_id] != "Башка Ат Койулду"
    assert display_name(Person(teacher_id), demo_store.teachers_by_id(), again.names) == frozen[sessions[0].id][teacher_id]
    # The pure function returns only what changed and leaves its input alone.
    same, _plans = freeze_year_names([again], [], [], demo_store.teachers_by_id())
    assert same == []


def test_plan_responsibles_of_a_closed_year_keep_their_names(demo_store: Store):
    last = next(y for y in demo_store.years.all() if y.closed)
    plan = next(p for p in demo_store.plans.of_year(last.id) if p.names)
    teacher_id = next(iter(plan.names))
    teacher = demo_store.teachers.get(teacher_id)
    before = demo_store.plans.teacher_names(plan)[teacher_id]
    teacher.full_name = "Жаңыланган Аты Бар"
    demo_store.save_teacher(teacher)
    assert demo_store.plans.teacher_names(plan)[teacher_id] == before
    assert demo_store.plans.teacher_names()[teacher_id] == "Жаңыланган А.Б."


def test_a_teacher_named_only_as_a_speaker_is_kept_as_left(demo_store: Store):
    year = demo_store.current_year(DEMO_DAY)
    association = demo_store.sorted_associations()[0]
    session = demo_store.sessions.by_number(association.id, year.id, 1)
    from ubtui.domain.teachers import Teacher

    outsider = demo_store.save_teacher(Teacher(full_name="Сүйлөгөн Гана Мугалим"))
    session.agenda[0].speakers[0].teacher_id = outsider.id
    demo_store.sessions.save(session)
    assert demo_store.teacher_references(outsider.id)
    assert demo_store.delete_or_retire(outsider.id) is False


def test_a_session_naming_an_unknown_teacher_is_refused(demo_store: Store):
    from ubtui.domain.validation import ValidationError

    year = demo_store.current_year(DEMO_DAY)
    association = demo_store.sorted_associations()[0]
    session = demo_store.sessions.by_number(association.id, year.id, 1)
    session.chair = Person("no-such-teacher")
    with pytest.raises(ValidationError):
        demo_store.sessions.save(session)


def test_the_soundness_check_follows_every_person_of_a_session():
    from ubtui.store import soundness

    document = migrations.migrate(json.loads(SCHEMA2.read_text(encoding="utf-8")))
    assert soundness.find_problems(document) == []
    session = next(s for s in document["sessions"].values() if s["agenda"] and s["agenda"][0]["decisions"])
    session["agenda"][0]["speakers"] = [{"teacher_id": "gone-1", "guest": "", "text": "сөз"}]
    session["agenda"][0]["decisions"][0]["responsible"] = [{"teacher_id": "gone-2", "guest": ""}]
    session["secretary"] = {"teacher_id": "gone-3", "guest": ""}
    found = {(p.field, p.value) for p in soundness.find_problems(document)}
    assert ("agenda[1].speakers[1].teacher_id", "gone-1") in found
    assert ("agenda[1].decisions[1].responsible[1].teacher_id", "gone-2") in found
    assert ("secretary.teacher_id", "gone-3") in found
