"""Sessions: numbering, completeness, default attendance, overdue decisions, and the store's rules."""

from __future__ import annotations

import datetime as dt

import pytest

from ubtui.domain.associations import Member
from ubtui.domain.people import Person
from ubtui.domain.sessions import (
    AgendaItem,
    Attendance,
    Decision,
    Session,
    decision_state,
    default_attendance,
    merge_attendance,
    missing_parts,
    next_number,
    renumbered,
    short_name,
    typical_agenda,
    typical_date,
    validate_session,
    year_figures,
)
from ubtui.domain.settings import Rules
from ubtui.domain.validation import ValidationError
from ubtui.domain.years import default_year
from ubtui.store import Store
from ubtui.store.sessions import ClosedYear

from conftest import DEMO_DAY

YEAR = default_year(2025)


def complete_session(**changes) -> Session:
    session = Session(
        association_id="a", year_id=YEAR.id, number=1, date=dt.date(2025, 8, 28), chair=Person("t0"),
        secretary=Person(guest="Бекмуратова А.С."), status="held",
        attendance=[Attendance("t1"), Attendance(guest="Жапарова Роза", present=False, reason="оорусу боюнча")],
        agenda=[AgendaItem(title="Иш планын бекитүү жөнүндө", decisions=[Decision(text="Иш планы бекитилсин.")])],
    )
    for name, value in changes.items():
        setattr(session, name, value)
    return session


# --- attendance ---------------------------------------------------------------------------------


def test_default_attendance_lists_every_member_present_with_name_and_teacher_id():
    members = [Member("Асанова Гүлнара", "t1"), Member("Жапарова Роза", ""), Member("  ", "t3")]
    attendance = default_attendance(members)
    assert [(a.teacher_id, a.guest, a.present, a.reason) for a in attendance] == [
        ("t1", "", True, ""),
        ("", "Жапарова Роза", True, ""),
        ("t3", "", True, ""),
    ]


def test_merge_attendance_adds_new_members_and_keeps_who_left():
    attendance = [Attendance("t1", present=False, reason="курста"), Attendance("t9"), Attendance(guest="Конок Мугалим")]
    merged = merge_attendance(attendance, [Member("Асанова Гүлнара", "t1"), Member("Жаңы Мугалим", "t2"),
                                           Member("Конок Мугалим", "")])
    assert [(a.teacher_id, a.guest, a.present, a.reason) for a in merged] == [
        ("t1", "", False, "курста"),
        ("t9", "", True, ""),
        ("", "Конок Мугалим", True, ""),
        ("t2", "", True, ""),
    ]


# --- completeness ----------------------------------------------------------------------------------


def test_a_complete_protocol_lacks_nothing():
    assert missing_parts(complete_session()) == []


@pytest.mark.parametrize(
    "changes, expected",
    [
        ({"chair": Person(guest=" ")}, "төрага"),
        ({"secretary": Person()}, "катчы"),
        ({"attendance": []}, "катышуучулардын тизмеси"),
        ({"agenda": []}, "күн тартиби"),
        ({"date": None}, "күнү"),
    ],
)
def test_completeness_names_what_is_missing(changes, expected):
    assert missing_parts(complete_session(**changes)) == [expected]


def test_completeness_names_the_items_without_a_decision_and_absences_without_a_reason():
    session = complete_session()
    session.agenda.append(AgendaItem(title="Олимпиада жөнүндө", decisions=[Decision(text="  ")]))
    session.agenda.append(AgendaItem(title="Жумалык жөнүндө"))
    session.attendance.append(Attendance("t7", present=False))
    assert missing_parts(session, {"t7": "Үсөнова Бермет"}) == [
        "катышпаганынын себеби: Үсөнова Бермет",
        "2, 3-маселе боюнча токтом",
    ]


# --- numbering ------------------------------------------------------------------------------------------


def test_next_number_is_one_past_the_highest_and_never_fills_a_gap():
    assert next_number([]) == 1
    sessions = [Session(number=1), Session(number=3)]
    assert next_number(sessions) == 4


def test_renumbering_follows_the_dates_with_undated_last():
    a = Session(number=1, date=dt.date(2025, 10, 31))
    b = Session(number=2, date=dt.date(2025, 8, 28))
    c = Session(number=5, date=None)
    assert [(s.number, n) for s, n in renumbered([a, b, c])] == [(2, 1), (1, 2), (5, 3)]


def test_store_numbers_per_association_and_year_and_keeps_numbers_after_a_delete(demo_store: Store):
    first, second = demo_store.sorted_associations()[:2]
    year = demo_store.current_year(DEMO_DAY)
    assert [s.number for s in demo_store.sessions.of(first.id, year.id)] == [1, 2]
    new = demo_store.sessions.save(demo_store.sessions.new(first, year, DEMO_DAY))
    assert new.number == 3
    other = demo_store.sessions.save(demo_store.sessions.new(second, year, DEMO_DAY))
    assert other.number == 3  # numbering is per association
    two = demo_store.sessions.by_number(first.id, year.id, 2)
    demo_store.sessions.delete(two.id)
    assert [s.number for s in demo_store.sessions.of(first.id, year.id)] == [1, 3]  # stable
    assert demo_store.sessions.next_number(first.id, year.id) == 4
    demo_store.sessions.renumber(first.id, year.id)  # only on request
    assert [s.number for s in demo_store.sessions.of(first.id, year.id)] == [1, 2]
    reopened = Store.open(demo_store.path, read_only=True)
    try:
        assert [s.number for s in reopened.sessions.of(first.id, year.id)] == [1, 2]
    finally:
        reopened.close()


def test_two_sessions_cannot_share_a_number(demo_store: Store):
    association = demo_store.sorted_associations()[0]
    year = demo_store.current_year(DEMO_DAY)
    session = demo_store.sessions.new(association, year, DEMO_DAY)
    session.number = 2
    with pytest.raises(ValidationError) as raised:
        demo_store.sessions.save(session)
    assert "number" in raised.value.problems.by_field


def test_a_session_date_must_lie_in_its_academic_year():
    session = complete_session(date=dt.date(2026, 8, 30))
    assert "date" in validate_session(session, [], YEAR).by_field
    assert not validate_session(complete_session(date=dt.date(2025, 8, 28)), [], YEAR)  # late August is №1's


def test_a_closed_year_refuses_changes(demo_store: Store):
    association = demo_store.sorted_associations()[0]
    last = next(y for y in demo_store.sorted_years() if y.closed)
    session = demo_store.sessions.of(association.id, last.id)[0]
    session.place = "башка жер"
    with pytest.raises(ClosedYear):
        demo_store.sessions.save(session)
    with pytest.raises(ClosedYear):
        demo_store.sessions.delete(session.id)


# --- decisions and the year's figures -----------------------------------------------------------------------


def test_an_open_decision_past_its_due_date_is_overdue():
    today = dt.date(2025, 11, 20)
    assert decision_state(Decision(text="x", due=dt.date(2025, 11, 19)), today) == "overdue"
    assert decision_state(Decision(text="x", due=today), today) == "open"
    assert decision_state(Decision(text="x", due=None), today) == "open"
    assert decision_state(Decision(text="x", due=dt.date(2025, 9, 1), status="done"), today) == "done"
    assert decision_state(Decision(text="x", due=dt.date(2025, 9, 1), status="not_done"), today) == "not_done"


def test_year_figures_count_held_sessions_seminars_and_overdue_decisions():
    rules = Rules(sessions_per_year=4, seminars_per_year=1)
    today = dt.date(2025, 11, 20)
    held = complete_session()
    held.agenda[0].decisions = [Decision(text="a", due=dt.date(2025, 10, 1)), Decision(text="b", due=dt.date(2025, 12, 1))]
    seminar = complete_session(kind="seminar", number=2)
    draft = complete_session(status="draft", number=3)
    figures = year_figures([held, seminar, draft], rules, today)
    assert (figures.held, figures.required, figures.sessions_ok) == (2, 4, False)
    assert (figures.seminars, figures.seminars_ok) == (1, True)
    assert (figures.drafts, figures.overdue, figures.open) == (1, 1, 4)


def test_marking_a_decision_done_is_stored(demo_store: Store):
    association = demo_store.sorted_associations()[0]
    year = demo_store.current_year(DEMO_DAY)
    row = next(r for r in demo_store.sessions.decisions(association.id, year.id) if decision_state(r.decision, DEMO_DAY) == "overdue")
    before = demo_store.sessions.figures(association.id, year.id, DEMO_DAY).overdue
    demo_store.sessions.set_decision_status(row.session.id, row.decision.id, "done", DEMO_DAY)
    stored = demo_store.sessions.get(row.session.id)
    decision = next(d for item in stored.agenda for d in item.decisions if d.id == row.decision.id)
    assert (decision.status, decision.done_on) == ("done", DEMO_DAY)
    assert demo_store.sessions.figures(association.id, year.id, DEMO_DAY).overdue == before - 1


def test_the_home_screen_figures(demo_store: Store):
    from ubtui.store.overview import overview

    association = demo_store.sorted_associations()[0]
    year = demo_store.current_year(DEMO_DAY)
    figures = {f.label: (f.value, f.level) for f in overview(demo_store, year, association, DEMO_DAY)}
    assert figures["Өткөрүлгөн отурумдар"] == ("2 / 4", "warning")
    assert figures["Өткөрүлгөн практикалык семинарлар"] == ("0 / 1", "warning")
    assert figures["Мөөнөтү өткөн токтомдор"][1] == "warning"


# --- a new session, names, the typical cycle ----------------------------------------------------------------


def test_a_new_session_starts_from_the_typical_agenda_of_its_place(demo_store: Store):
    association = demo_store.sorted_associations()[0]
    year = demo_store.current_year(DEMO_DAY)
    session = demo_store.sessions.new(association, year, DEMO_DAY)
    assert session.number == 3 and session.status == "draft"
    assert session.date == DEMO_DAY
    assert [i.title for i in session.agenda] == [i.title for i in typical_agenda(3)]
    assert session.agenda[0].title == "Биринчи жарым жылдыктын жыйынтыгы жөнүндө"
    people = demo_store.teachers_by_id()
    assert people[session.chair.teacher_id].full_name == association.head  # the head's name, found as a teacher
    assert people[session.secretary.teacher_id].full_name == association.secretary
    assert session.agenda[0].rapporteur == session.chair
    assert [a.teacher_id for a in session.attendance] == [m.teacher_id for m in association.members]
    assert all(a.present for a in session.attendance)


def test_typical_dates_follow_the_cycle():
    assert typical_date(1, YEAR) == dt.date(2025, 8, 28)
    assert typical_date(2, YEAR) == dt.date(2025, 10, 31)
    assert typical_date(3, YEAR).month == 1 and typical_date(4, YEAR).month == 3 and typical_date(5, YEAR).month == 5


def test_short_names_for_the_signature_lines():
    assert short_name("Жумабаева Гүлзат Эркиновна") == "Жумабаева Г.Э."
    assert short_name("Талантбек кызы Айпери") == "Талантбек кызы А."
    assert short_name("Асанова") == "Асанова"


# --- teachers named in protocols stay ------------------------------------------------------------------------


def test_a_teacher_named_in_a_protocol_is_kept_as_left(demo_store: Store):
    association = demo_store.sorted_associations()[0]
    member = next(m for m in association.members if m.teacher_id)
    assert any("№1" in where for where in demo_store.teacher_references(member.teacher_id))
    assert demo_store.delete_or_retire(member.teacher_id, DEMO_DAY) is False
    year = demo_store.current_year(DEMO_DAY)
    session = demo_store.sessions.by_number(association.id, year.id, 1)
    assert member.teacher_id in [a.teacher_id for a in session.attendance]  # the old protocol keeps them
    assert demo_store.teachers.get(member.teacher_id).active is False


# --- the demo ---------------------------------------------------------------------------------------------------


def test_demo_has_last_years_five_complete_sessions_and_this_years_first_two(demo_store: Store):
    last, current = demo_store.sorted_years()
    for association in demo_store.sorted_associations():
        old = demo_store.sessions.of(association.id, last.id)
        assert [s.number for s in old] == [1, 2, 3, 4, 5]
        assert all(s.status == "held" and not missing_parts(s) for s in old)
        assert any(s.kind == "seminar" for s in old)
        new = demo_store.sessions.of(association.id, current.id)
        assert [s.number for s in new] == [1, 2]
        states = [decision_state(r.decision, DEMO_DAY) for r in demo_store.sessions.decisions(association.id, current.id)]
        assert {"done", "open", "overdue"} <= set(states)
        assert all(session.agenda[0].speakers for session in new)


def test_the_sessions_core_modules_never_load_textual_or_reportlab():
    import subprocess
    import sys

    code = (
        "import sys, ubtui.domain.sessions, ubtui.store.sessions, ubtui.reports.protocol, ubtui.demo.sessions;"
        "bad = [m for m in sys.modules if m.startswith(('textual', 'reportlab'))]; print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
