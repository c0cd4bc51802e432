"""The year-end analysis, the folder checklist and the folder bundle (issue 12, seed 000 §5.3,
seed 001 §6.1–6.16): the figures are the home screen's rules, the PDFs carry them as numbers
and charts, the draft is made from them, and the head's edits are saved with the year."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

from conftest import DEMO_DAY
from ubtui import cli, i18n
from ubtui.domain.associations import Association
from ubtui.domain.compliance import association_compliance, courses_overdue
from ubtui.domain.courses import Course
from ubtui.domain.lessons import LessonEvent
from ubtui.domain.mentoring import Mentorship
from ubtui.domain.plans import Plan, PlanItem, completion, completion_by_section
from ubtui.domain.sessions import AgendaItem, Decision, Session, year_figures
from ubtui.domain.settings import Rules
from ubtui.domain.teachers import Award, Teacher
from ubtui.domain.year_report import draft_text, sessions_by_quarter, year_report
from ubtui.domain.years import default_year
from ubtui.reports import Options, build_pdf
from ubtui.reports.pdf_join import page_count

YEAR = default_year(2025)
AT = dt.date(2026, 5, 29)
RULES = Rules()


def crafted():
    """One association's year: 3 sessions held (one a seminar, one in the winter break), a draft,
    5 decisions (2 done, 1 overdue), a plan of 6 items in two sections, a young teacher without
    a mentor, a teacher who left (not counted), courses, lessons and an award of the year."""
    association = Association(name="Башталгыч класстар")
    other = Association(name="Тилдер")

    def teacher(name: str, category: str, start: int, **extra) -> Teacher:
        return Teacher(full_name=name, category=category, pedagogical_start=dt.date(start, 9, 1),
                       association_id=association.id, **extra)

    asanova = teacher("Асанова Гүлнара", "highest", 1995, awards=[Award("Мектептик Ардак грамота", "school", 2026),
                                                                  Award("Эски грамота", "district", 2019)])
    bekova = teacher("Бекова Айгүл", "first", 2010)
    young = teacher("Талантбек кызы Айпери", "none", 2024)
    young2 = teacher("Жээнбек уулу Нурлан", "none", 2024)
    left = teacher("Кетти Мугалим", "second", 2000, active=False)
    stranger = Teacher(full_name="Башка Бирикмеден", association_id=other.id, pedagogical_start=dt.date(2000, 9, 1))
    teachers = [asanova, bekova, young, young2, left, stranger]

    def session(number: int, day: dt.date, status: str = "held", kind: str = "regular", decisions=()) -> Session:
        return Session(association_id=association.id, year_id=YEAR.id, number=number, date=day, status=status, kind=kind,
                       agenda=[AgendaItem(title=f"Маселе {number} жөнүндө", decisions=list(decisions))])

    sessions = [
        session(1, dt.date(2025, 8, 28), decisions=[Decision(text="a", status="done"), Decision(text="b", status="done")]),
        session(2, dt.date(2026, 1, 5), decisions=[Decision(text="c", due=dt.date(2026, 2, 1))]),  # the winter break
        session(3, dt.date(2026, 3, 10), kind="seminar", decisions=[Decision(text="d"), Decision(text="e", status="not_done")]),
        session(4, dt.date(2026, 5, 20), status="draft"),
        Session(association_id=other.id, year_id=YEAR.id, number=1, date=dt.date(2025, 9, 2), status="held"),
    ]
    plan = Plan(association_id=association.id, year_id=YEAR.id, theme="Функционалдык сабаттуулук",
                approved_by="Директор", approved_on=dt.date(2025, 9, 2))
    items = [PlanItem(plan_id=plan.id, section="I", content=f"I-{n}", status=s)
             for n, s in enumerate(("done", "done", "partly", "planned"))]
    items += [PlanItem(plan_id=plan.id, section="IV", content=f"IV-{n}", status=s) for n, s in enumerate(("done", "not_done"))]
    courses = [
        Course(teacher_id=asanova.id, title="Функционалдык сабаттуулук", start=dt.date(2025, 10, 1), end=dt.date(2025, 10, 10),
               hours=72),
        Course(teacher_id=bekova.id, title="Инклюзия", start=dt.date(2026, 2, 1), end=dt.date(2026, 2, 3), hours=18),
        Course(teacher_id=bekova.id, title="Эски курс", start=dt.date(2015, 1, 1), end=dt.date(2015, 1, 10), hours=72),
    ]
    pairs = [Mentorship(mentor_id=asanova.id, young_id=young.id, association_id=association.id,
                        start=dt.date(2025, 9, 1), end=dt.date(2026, 5, 29), report="Жакшы иштеди")]
    events = [
        LessonEvent(association_id=association.id, year_id=YEAR.id, kind="open_lesson", teacher_id=bekova.id,
                    date=dt.date(2025, 11, 12), status="held"),
        LessonEvent(association_id=association.id, year_id=YEAR.id, kind="open_lesson", teacher_id=young.id,
                    date=dt.date(2026, 6, 1), status="planned"),
        LessonEvent(association_id=association.id, year_id=YEAR.id, kind="mutual_visit", teacher_id=young.id,
                    date=dt.date(2025, 12, 1), status="held"),
    ]
    return dict(association=association, teachers=teachers, sessions=sessions, plan=plan, items=items, courses=courses,
                pairs=pairs, events=events, young=young, young2=young2, left=left, bekova=bekova)


def _report(data):
    return year_report(data["association"], YEAR, sessions=data["sessions"], plan=data["plan"], plan_items=data["items"],
                       teachers=data["teachers"], courses=data["courses"], mentorships=data["pairs"],
                       lesson_events=data["events"], rules=RULES, at=AT)


def test_the_report_figures_are_the_rules_results_on_crafted_data():
    data = crafted()
    report = _report(data)
    own = [s for s in data["sessions"] if s.association_id == data["association"].id]
    rule = association_compliance(data["association"], YEAR, sessions=data["sessions"], plan=data["plan"],
                                  plan_items=data["items"], teachers=data["teachers"], courses=data["courses"],
                                  mentorships=data["pairs"], lesson_events=data["events"], rules=RULES, today=AT)
    # One rule, one place: the home screen's figures, and the rules' own functions.
    assert report.compliance == rule
    assert report.figures.held == year_figures(own, RULES, AT).held == 3
    assert (report.figures.required, report.figures.seminars, report.figures.drafts) == (4, 1, 1)
    assert report.plan == completion(data["items"], YEAR, AT)
    assert [c for _t, c in report.sections] == [c for _s, c in completion_by_section(data["plan"], data["items"], YEAR, AT)]
    assert [(c.total, c.done, c.partly) for _t, c in report.sections] == [(4, 2, 1), (2, 1, 0)]
    # Members: the one who left and the other association's teacher do not count.
    assert report.members.total == rule.teachers == 4
    assert report.members.categories == {"highest": 1, "first": 1, "second": 0, "none": 2}
    assert report.young_names == ("Жээнбек уулу Нурлан", "Талантбек кызы Айпери")
    assert report.young_without_mentor_names == ("Жээнбек уулу Нурлан",) and rule.young_without_mentor == 1
    assert sessions_by_quarter(own, YEAR) == report.sessions_by_quarter == (1, 0, 2, 0)  # 28 Aug counts in the 1st, 5 Jan (a break) in the 3rd
    assert (report.decisions, report.decisions_done, report.decisions_overdue) == (5, 2, 1)
    assert (report.open_lessons_held, report.open_lessons_waiting, report.visits_held) == (1, 1, 1)
    assert report.course_hours == 90 and report.teachers_on_courses == 2
    members = [t for t in data["teachers"] if t.active and t.association_id == data["association"].id]
    assert report.overdue_names == tuple(sorted(t.full_name for t in courses_overdue(members, data["courses"], AT, RULES)))
    assert len(report.overdue_names) == rule.courses_overdue
    assert (report.pairs, report.pairs_with_report) == (1, 1)
    assert [(a.teacher, a.title) for a in report.awards] == [("Асанова Гүлнара", "Мектептик Ардак грамота")]


def test_the_draft_says_the_figures_in_sentences_in_both_languages():
    report = _report(crafted())
    text = draft_text(report)
    assert "Окуу жылында 3 отурум өткөрүлдү (талап боюнча 4)." in text
    assert "1 отурум жетишпейт." in text
    assert "Иш планынын 6 иш-чарасынын 3 аткарылды (50%)." in text
    assert "Насаатчысы жок жаш мугалимдер: Жээнбек уулу Нурлан." in text
    i18n.set_language("ru")
    text = draft_text(report)
    assert "За учебный год проведено 3 заседания (по положению — 4)." in text
    assert "Из 6 пунктов плана работы выполнено 3 (50 %)." in text
    assert "2 учителя прошли курсы повышения квалификации (всего 90 ч)." in text


# --- the PDFs, on the demo school -----------------------------------------------------------------------


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _contents(data: bytes) -> list[str]:
    return [page.get_contents().get_data().decode("latin-1") for page in PdfReader(io.BytesIO(data)).pages]


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_the_year_report_pdf_has_the_rules_figures_and_the_charts(demo_store, language):
    i18n.set_language(language)
    year = demo_store.current_year(DEMO_DAY)
    association = demo_store.chosen_association()
    data = build_pdf("year-report", demo_store, Options(year=year.label, association=association.id, today=DEMO_DAY))
    report = demo_store.year_reports.figures(year, association, DEMO_DAY)
    text = " ".join(_text(data).split())
    f = report.figures
    title = {"ky": "усулдук бирикмесинин", "ru": "Анализ работы методического объединения"}[language]
    assert title in text
    assert f"{f.held} / {f.required}" in text  # sessions held of the rule, in the quarter chart's table
    assert report.plan.text().replace("\xa0", " ") in text.replace("\xa0", " ")
    for _title, done in report.sections:
        assert f" {done.total} {done.done} {done.partly} " in text  # the section table beside the chart
    for category, n in report.members.categories.items():
        assert f"{n}" in text
    assert {"ky": "Окуу жылында", "ru": "За учебный год проведено"}[language] in text  # the generated draft
    pages = _contents(data)
    chart_bars = sum(len(re.findall(r"\.62 \.62 \.62 rg\n0 0 0 RG\n\.6 w\n0 J\n0 j\n\[\] 0 d\nn [\d. ]+ re B\*", p))
                     for p in pages)
    assert chart_bars == sum(1 for n in report.members.categories.values() if n) + sum(1 for n in report.sessions_by_quarter if n)
    assert any(".35 .35 .35 rg" in p and " re B*" in p for p in pages)  # plan sections: done parts in dark grey
    fonts = {str(font) for page in PdfReader(io.BytesIO(data)).pages for font in page["/Resources"]["/Font"].values()}
    assert fonts and not any("Helvetica" in str(f.get_object()) for page in PdfReader(io.BytesIO(data)).pages
                             for f in page["/Resources"]["/Font"].values())


def test_the_whole_school_report_starts_with_the_summary(demo_store):
    year = demo_store.current_year(DEMO_DAY)
    data = build_pdf("year-report", demo_store, Options(year=year.label, association="all", today=DEMO_DAY))
    first = " ".join(PdfReader(io.BytesIO(data)).pages[0].extract_text().split())
    assert "Бирикмелер боюнча жыйынтык" in first and "Бүт мектеп" in first
    reports = demo_store.year_reports.school_figures(year, None, DEMO_DAY)
    held = sum(r.figures.held for r in reports)
    assert f"{held} / {sum(r.figures.required for r in reports)}" in first
    text = _text(data)
    for report in reports:
        assert report.association.name in " ".join(text.split())


def test_the_checklist_lists_the_sixteen_documents_and_the_settings_numbers(demo_store):
    settings = demo_store.settings()
    settings.order_opening = "№ 45, 28.08.2025"
    demo_store.save_settings(settings)
    data = build_pdf("checklist", demo_store, Options(today=DEMO_DAY))
    text = _text(data)
    lines = {line.split()[0] for line in text.splitlines() if line.strip()}
    assert {f"6.{n}" for n in range(1, 17)} <= lines
    flat = " ".join(text.split())
    assert "№ 45, 28.08.2025" in flat
    assert "иш планы — бекитилген" in flat


def test_the_folder_bundle_holds_every_document_with_a_contents_page(demo_store):
    data = build_pdf("folder", demo_store, Options(today=DEMO_DAY))
    reader = PdfReader(io.BytesIO(data))
    contents = " ".join(reader.pages[0].extract_text().split())
    text = " ".join(_text(data).split())
    for title in ("Усулдук бирикменин папкасынын документтери", "Иш планы", "Мугалимдер жөнүндө маалымат банкы",
                  "Мугалимдердин квалификациясын жогорулатуу курстары", "ПРОТОКОЛУ", "Жылдык талдоо"):
        assert title in text, title
    assert "УБ отурумдарынын протоколдору" in contents
    # The contents' page numbers point at each document's first page.
    numbers = [int(n) for n in re.findall(r" (\d+) (?=\d+\.\d|IV|$)", contents)]
    assert numbers and numbers[0] == 2 and numbers == sorted(numbers)
    assert page_count(data) == len(reader.pages) > 10


def test_report_year_and_checklist_as_text_and_csv(demo_path, capsysbinary):
    code = cli.main(["--db", str(demo_path), "report", "year", "--association", "all", "--format", "csv"])
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert code == 0 and out.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    assert rows[0] == ["Бирикме", "Бөлүгү", "Көрсөткүч", "Маани"]
    assert len({r[0] for r in rows[1:]}) == 3  # every association of the demo school
    assert any(r[2] == "Өткөрүлгөн ачык сабактар" and r[3].isdigit() for r in rows)
    code = cli.main(["--db", str(demo_path), "report", "checklist", "--format", "text"])
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert code == 0 and "6.16" in out and "│" in out


def test_a_year_report_record_naming_no_year_is_not_sound():
    from ubtui.store.soundness import find_problems

    problems = find_problems({"meta": {"1": {"schema": 3}}, "year_reports": {"1": {"id": "a", "year_id": "nope"}}})
    assert [(p.table, p.field) for p in problems] == [("year_reports", "year_id")]


# --- the screen ---------------------------------------------------------------------------------------


async def test_the_head_edits_and_saves_the_analysis(demo_store, monkeypatch, tmp_path):
    from textual.widgets import TextArea

    from ubtui.app import UbtuiApp
    from ubtui.screens.year_report import YearReportScreen

    monkeypatch.setenv("UBTUI_PDF_DIR", str(tmp_path / "pdf"))
    monkeypatch.setenv("UBTUI_NO_VIEWER", "1")
    app = UbtuiApp(demo_store, language_forced="ky", today=DEMO_DAY)
    year, association = demo_store.current_year(DEMO_DAY), demo_store.chosen_association()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, YearReportScreen)
        draft = screen.query_one("#draft", TextArea)
        assert "отурум өткөрүлдү (талап боюнча" in draft.text  # never a blank page
        assert demo_store.year_reports.of(year.id, association.id) is None
        screen.query_one("#analysis-tabs").active = "tab-conclusions"
        await pilot.pause()
        screen.query_one("#conclusions", TextArea).focus()
        await pilot.press(*"Plan aткарылды")
        await pilot.press("f2")
        await pilot.pause()
        saved = demo_store.year_reports.of(year.id, association.id)
        assert saved is not None and saved.conclusions == "Plan aткарылды"
        assert saved.draft == draft.text and "отурум өткөрүлдү" in saved.draft
        await pilot.press("escape")  # leaves the text first
        await pilot.press("p")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        printed = list((tmp_path / "pdf").glob("year-report_*.pdf"))
        assert printed and "Plan aткарылды" in _text(printed[0].read_bytes())


def test_the_whole_school_bundle_holds_each_association_folder(demo_store):
    data = build_pdf("folder", demo_store, Options(association="all", today=DEMO_DAY))
    contents = " ".join(PdfReader(io.BytesIO(data)).pages[0].extract_text().split())
    for association in demo_store.sorted_associations():
        assert association.name in contents
    assert contents.count("Иш планы: усулдук тема") == 3 and "кирген жок: Мектептин файлында «all»" not in contents


def test_a_closed_year_keeps_its_analysis(demo_store):
    from ubtui.errors import UserError

    year, association = demo_store.current_year(DEMO_DAY), demo_store.chosen_association()
    demo_store.year_reports.save(year.id, association.id, draft="Долбоор", conclusions="", tasks="")
    from ubtui.store.years import close_year

    year = close_year(demo_store, year.id)
    before = demo_store.path.read_bytes()
    with pytest.raises(UserError):  # ours, or the store's closed-year guard
        demo_store.year_reports.save(year.id, association.id, draft="Башка", conclusions="", tasks="")
    assert demo_store.path.read_bytes() == before
    assert demo_store.year_reports.of(year.id, association.id).draft == "Долбоор"
    data = build_pdf("year-report", demo_store, Options(year=year.label, association=association.id, today=DEMO_DAY))
    assert "Долбоор" in _text(data)  # the saved text prints, not the generated draft
