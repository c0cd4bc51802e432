"""Mentoring pairs and lesson events: rules on crafted records, the store, PDFs and the CLI."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from ubtui import cli
from ubtui.domain.lessons import (
    CANCELLED, HELD, MOVED, PLANNED, Analysis, LessonEvent, Observer, moved, seminars_held, teacher_counts,
    validate_event, without_open_lesson,
)
from ubtui.domain.mentoring import (
    FINISHED, LogEntry, Mentorship, pairs_without_report, quiet_pairs, validate_mentorship, young_without_mentor,
)
from ubtui.domain.sessions import Session
from ubtui.domain.settings import Rules
from ubtui.domain.teachers import Teacher
from ubtui.domain.validation import ValidationError
from ubtui.domain.years import default_year
from ubtui.store import Store

from conftest import DEMO_DAY

YEAR = default_year(2025)
RULES = Rules()


def teacher(name: str, years_teaching: float, **extra) -> Teacher:
    start = DEMO_DAY - dt.timedelta(days=int(years_teaching * 365.25))
    return Teacher(full_name=name, pedagogical_start=start, **extra)


# --- rules on crafted data --------------------------------------------------------------------------


def test_young_teacher_without_a_mentor_and_a_finished_pair():
    young, other, old = teacher("Үсөнова Б.", 1), teacher("Асанова Г.", 2), teacher("Жумабаева Г.", 20)
    finished = Mentorship(mentor_id=old.id, young_id=young.id, status=FINISHED, report="Жыл бою иштедик.")
    active = Mentorship(mentor_id=old.id, young_id=other.id, start=YEAR.start)
    # A finished pair stays in history but does not count as a mentor.
    assert young_without_mentor([young, other, old], [finished, active], DEMO_DAY, RULES) == [young]
    # An "active" pair whose period ended is no mentor either.
    ended = Mentorship(mentor_id=old.id, young_id=young.id, start=YEAR.start, end=DEMO_DAY - dt.timedelta(days=1))
    assert young in young_without_mentor([young], [ended], DEMO_DAY, RULES)
    assert young_without_mentor([young], [Mentorship(mentor_id=old.id, young_id=young.id)], DEMO_DAY, RULES) == []


def test_a_pair_has_two_people_and_a_young_teacher_one_active_mentor():
    a, b = teacher("А", 1), teacher("Б", 10)
    same = validate_mentorship(Mentorship(mentor_id=a.id, young_id=a.id), [])
    assert "young_id" in same.by_field
    first = Mentorship(mentor_id=b.id, young_id=a.id)
    second = Mentorship(mentor_id=teacher("В", 9).id, young_id=a.id)
    assert "young_id" in validate_mentorship(second, [first]).by_field
    second.status = FINISHED
    assert not validate_mentorship(second, [first])


def test_quiet_pairs_and_reports_at_year_end():
    fresh = Mentorship(mentor_id="m", young_id="y1", start=YEAR.start, log=[LogEntry(date=DEMO_DAY - dt.timedelta(days=10))])
    quiet = Mentorship(mentor_id="m", young_id="y2", start=YEAR.start, log=[LogEntry(date=DEMO_DAY - dt.timedelta(days=31))])
    empty = Mentorship(mentor_id="m", young_id="y3", start=DEMO_DAY - dt.timedelta(days=5))
    assert quiet_pairs([fresh, quiet, empty], DEMO_DAY) == [quiet]
    reported = Mentorship(mentor_id="m", young_id="y4", start=YEAR.start, report="Отчет")
    assert pairs_without_report([fresh, reported], YEAR, DEMO_DAY) == []  # November: not asked yet
    assert pairs_without_report([fresh, reported], YEAR, YEAR.end - dt.timedelta(days=5)) == [fresh]


def test_the_seminar_rule_is_met_by_a_session_or_by_seminar_lessons():
    day = dt.date(2026, 2, 25)
    lesson = LessonEvent(kind="seminar_lesson", teacher_id="t", date=day, topic="Оюн ыкмалары", status=HELD)
    planned = LessonEvent(kind="seminar_lesson", teacher_id="t", date=day + dt.timedelta(days=7), topic="x")
    session = Session(kind="seminar", status="held", date=day)
    assert seminars_held([], [planned]) == 0
    assert seminars_held([], [lesson]) == 1
    assert seminars_held([session], []) == 1
    assert seminars_held([session], [lesson, lesson]) == 1  # the seminar with its open lessons counts once
    regular = Session(kind="regular", status="held", date=day)
    assert seminars_held([regular], [LessonEvent(kind="open_lesson", date=day, status=HELD)]) == 0


def test_a_moved_event_keeps_its_first_date_and_counts_as_planned():
    a, b = teacher("Асанова Г.", 20), teacher("Бекмуратова А.", 20)
    event = LessonEvent(kind="open_lesson", teacher_id=a.id, date=dt.date(2025, 11, 5), topic="Бөлүү")
    once = moved(event, dt.date(2025, 11, 26))
    twice = moved(once, dt.date(2026, 4, 10))
    assert (once.status, once.first_date, once.date) == (MOVED, dt.date(2025, 11, 5), dt.date(2025, 11, 26))
    assert twice.first_date == dt.date(2025, 11, 5)
    assert not validate_event(once)
    # Moved past the third quarter it no longer covers the teacher; moved within it, it does.
    assert without_open_lesson([a, b], [once], YEAR) == [b]
    assert without_open_lesson([a, b], [twice], YEAR) == [a, b]
    counts = {c.teacher.id: c for c in teacher_counts([a, b], [once])}
    assert (counts[a.id].open_planned, counts[a.id].open_held) == (1, 0)


def test_counts_of_visits_and_validation_of_an_event():
    a, b = teacher("Асанова", 20), teacher("Бекмуратова", 20)
    visit = LessonEvent(kind="mutual_visit", teacher_id=a.id, date=DEMO_DAY, topic="x", status=HELD,
                        observers=[Observer(teacher_id=b.id)])
    counts = {c.teacher.id: c for c in teacher_counts([a, b], [visit])}
    assert (counts[a.id].visited, counts[b.id].visits_made) == (1, 1)
    bad = LessonEvent(kind="open_lesson", teacher_id=a.id, date=None, topic="", status=CANCELLED,
                      observers=[Observer(teacher_id=a.id)])
    problems = validate_event(bad).by_field
    assert {"date", "topic", "reason", "observers"} <= set(problems)


# --- the store ------------------------------------------------------------------------------------------


def test_a_teacher_in_a_pair_or_an_event_is_marked_as_left(empty_store: Store):
    from ubtui.domain.associations import Association

    store = empty_store
    association = store.associations.save(Association(name="Башталгыч"))
    mentor = store.save_teacher(Teacher(full_name="Асанова Гүлнара", association_id=association.id))
    young = store.save_teacher(Teacher(full_name="Талантбек кызы Айпери", association_id=association.id))
    guest = store.save_teacher(Teacher(full_name="Бекмуратова Айнура", association_id=association.id))
    pair = store.mentoring.save(Mentorship(mentor_id=mentor.id, young_id=young.id))
    assert store.mentoring.get(pair.id).association_id == association.id
    year = store.years.save(default_year(2025))
    store.lessons.save(LessonEvent(association_id=association.id, year_id=year.id, teacher_id=guest.id,
                                   date=DEMO_DAY, topic="Жомок"))
    for person in (mentor, young, guest):
        assert store.delete_or_retire(person.id, DEMO_DAY) is False
        assert store.teachers.get(person.id).active is False
    with pytest.raises(ValidationError):
        store.mentoring.save(Mentorship(mentor_id="nobody", young_id=young.id, status=FINISHED))


def test_the_demo_has_three_pairs_and_a_year_of_events(demo_store: Store):
    pairs = demo_store.mentoring.all()
    assert len(pairs) == 3 and sum(1 for p in pairs if p.status == FINISHED) == 1
    assert len(quiet_pairs(pairs, DEMO_DAY)) == 1
    year = demo_store.current_year(DEMO_DAY)
    events = demo_store.lessons.of(None, year.id)
    kinds = {e.kind for e in events}
    assert {"open_lesson", "mutual_visit", "week", "creative_report", "seminar_lesson"} <= kinds
    assert any(e.status == HELD and e.analysis.recommendations for e in events)
    assert any(e.status == MOVED for e in events) and any(e.status == CANCELLED for e in events)
    week = demo_store.lessons.weeks(None, year.id)[0]
    assert len(demo_store.lessons.week_events(week)) == 3


def test_held_with_analysis_and_closed_year(demo_store: Store):
    year = demo_store.current_year(DEMO_DAY)
    event = next(e for e in demo_store.lessons.of(None, year.id) if e.status == PLANNED and e.kind == "open_lesson")
    saved = demo_store.lessons.mark_held(event.id, Analysis(strengths="Жакшы", rating="5"))
    assert demo_store.lessons.get(event.id).status == HELD and saved.analysis.rating == "5"
    old = next(e for e in demo_store.lessons.all() if e.year_id != year.id)
    from ubtui.errors import UserError

    with pytest.raises(UserError):
        demo_store.lessons.cancel(old.id, "себеп")


# --- PDFs and the CLI ------------------------------------------------------------------------------


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def run(argv, capsys):
    code = cli.main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("language,words", [("ky", ["Насаатчы", "Жаш мугалим", "УБ жетекчиси"]),
                                            ("ru", ["Наставник", "Молодой учитель", "Руководитель"])])
def test_print_mentoring(demo_path, tmp_path, capsys, language, words):
    target = tmp_path / "m.pdf"
    code, _out, err = run(["--db", str(demo_path), "--lang", language, "print", "mentoring", "--association", "all",
                           "-o", str(target)], capsys)
    assert code == 0, err
    text = " ".join(pdf_text(target.read_bytes()).split())
    for name in ("Асанова Гүлнара Мамытовна", "Талантбек кызы Айпери", "Жээнбеков Нурсултан Маратович"):
        assert name in text
    assert "Эргешова" not in text  # last year's finished pair is not an active one
    assert "Календардык-тематикалык план бирге каралды" in text
    for word in words:
        assert word.casefold() in text.casefold()
    code, _out, _err = run(["--db", str(demo_path), "print", "mentoring", "--teacher", "Нурланова", "-o", str(target)], capsys)
    assert code == 0 and "Жыйынтык" in pdf_text(target.read_bytes())


@pytest.mark.parametrize("language,title", [("ky", "графиги"), ("ru", "График")])
def test_print_the_schedule_and_a_visit_sheet(demo_path, tmp_path, capsys, language, title):
    target = tmp_path / "s.pdf"
    code, _out, err = run(["--db", str(demo_path), "--lang", language, "print", "lessons", "--year", "2025-2026",
                           "-o", str(target)], capsys)
    assert code == 0, err
    text = " ".join(pdf_text(target.read_bytes()).split())
    assert title in text and "Жомоктун түрлөрү" in text and "15.10.2025" in text and "Бекмуратова Айнура" in text
    code, csv, _err = run(["--db", str(demo_path), "report", "lessons", "--format", "csv"], capsys)
    assert code == 0 and csv.startswith("\ufeff")
    row = next(line for line in csv.splitlines() if "Жомоктун түрлөрү" in line)
    event_id = row.split(",")[0]
    code, _out, err = run(["--db", str(demo_path), "--lang", language, "print", "lessons", "--event", event_id,
                           "-o", str(target)], capsys)
    assert code == 0, err
    sheet = " ".join(pdf_text(target.read_bytes()).split())
    observer, teacher_word = ("Катышкан", "Мугалим") if language == "ky" else ("Посетивший урок", "Учитель")
    assert observer in sheet and teacher_word in sheet and "/Г.Э. Жумабаева/" in sheet and "/А.С. Бекмуратова/" in sheet


def test_report_mentoring_ids_and_bad_ids(demo_path, capsys):
    code, csv, _err = run(["--db", str(demo_path), "report", "mentoring", "--association", "all", "--format", "csv"], capsys)
    assert code == 0
    rows = csv.splitlines()[1:]
    assert len(rows) == 2  # this year's pairs; last year's finished one is in 2024-2025
    code, last, _err = run(["--db", str(demo_path), "report", "mentoring", "--association", "all", "--year", "2024-2025",
                            "--format", "csv"], capsys)
    assert code == 0 and "Эргешова" in last and len(last.splitlines()) == 2
    pair_id = rows[0].split(",")[0]
    code, text, _err = run(["--db", str(demo_path), "report", "mentoring", "--teacher", pair_id], capsys)
    assert code == 0 and text.count("\n") > 3
    code, _out, err = run(["--db", str(demo_path), "print", "lessons", "--event", "no-such-id"], capsys)
    assert code == 1 and "no-such-id" in err and len(err.strip().splitlines()) == 1
