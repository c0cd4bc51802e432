"""The work plan's rules: the regulation's template, dues, overdue at month and quarter edges,
completion, approval within 5 days, copying last year's plan."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from ubtui import i18n
from ubtui.domain.plan_template import ITEMS, ROLES, SECTION_TITLES
from ubtui.domain.plans import (
    DONE,
    LATE,
    MISSING,
    MOVED,
    NOT_DONE,
    NOT_YET,
    ON_TIME,
    PARTLY,
    PLANNED,
    SECTION_CODES,
    UNAPPROVED_LATE,
    Due,
    DueError,
    Plan,
    PlanItem,
    approval_deadline,
    approval_state,
    completion,
    completion_by_section,
    copied_items,
    deadline,
    falls_in_month,
    filter_items,
    format_due,
    is_overdue,
    ordered_sections,
    parse_due,
    section_title,
    short_name,
    template_items,
    validate_item,
    validate_plan,
)
from ubtui.domain.years import AcademicYear, Quarter, default_year

YEAR = default_year(2025)  # 1 Sep 2025 – 29 May 2026; Q1 ends 31 Oct, Q2 10 Nov – 29 Dec


def item(due: Due, status: str = PLANNED, section: str = "I", **extra) -> PlanItem:
    return PlanItem(plan_id="p", section=section, content="x", due=due, status=status, **extra)


# --- the template ----------------------------------------------------------------------------


def test_template_has_the_four_sections_in_both_languages():
    assert {entry.section for entry in ITEMS} == set(SECTION_CODES)
    for language in ("ky", "ru"):
        items = template_items("plan-1", language)
        assert [i.section for i in items] == [e.section for e in ITEMS]
        for section in SECTION_CODES:
            orders = [i.order for i in items if i.section == section]
            assert orders == list(range(1, len(orders) + 1)), section
            assert len(orders) >= 5, section
        assert all(i.content.strip() and i.roles for i in items)
    ky = template_items("p", "ky")
    ru = template_items("p", "ru")
    for kyrgyz, russian in zip(ky, ru):
        assert kyrgyz.content != russian.content
        assert not re.search("[A-Za-z]", kyrgyz.content + russian.content), "OCR noise: Latin letters"
        assert not re.search("[ңөү]", russian.content.casefold())
    assert any(re.search("[ңөү]", i.content) for i in ky)  # really Kyrgyz
    # The regulation's items, recognisable in both languages.
    assert any("Насаатчылык иштерин уюштуруу" in i.content for i in ky)
    assert any("Организация наставничества" in i.content for i in ru)
    assert ROLES["head"] == {"ky": "УБ жетекчиси", "ru": "Руководитель ШМО"}


@pytest.mark.parametrize(
    ("language", "titles"),
    [
        ("ky", ["Уюштуруу иштери", "Усулдук бирикме мүчөлөрүнүн укуктук сабаттуулугун жогорулатуу",
                "Предметтердин окутулушун көзөмөлдөө", "Усулдук иштер"]),
        ("ru", ["Организационная работа", "Повышение правовой грамотности членов ШМО",
                "Контроль за преподаванием предметов", "Методическая работа"]),
    ],
)
def test_section_titles_in_both_languages(language, titles):
    i18n.set_language(language)
    assert [section_title(code) for code in SECTION_CODES] == titles
    assert [SECTION_TITLES[code][language] for code in SECTION_CODES] == titles
    assert section_title("Предметтик жумалык") == "Предметтик жумалык"  # a custom section stays as typed


# --- dues -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", Due.whole_year()),
        ("жыл бою", Due.whole_year()),
        ("В течение года", Due.whole_year()),
        ("10", Due.in_months(10)),
        ("октябрь", Due.in_months(10)),
        ("Октябрь айы", Due.in_months(10)),
        ("мая", Due.in_months(5)),
        ("9, 1, 5", Due.in_months(9, 1, 5)),
        ("сентябрь – ноябрь", Due.in_months(9, 10, 11)),
        ("11-2", Due.in_months(11, 12, 1, 2)),
        ("Q2", Due.in_quarter(2)),
        ("2-чейрек", Due.in_quarter(2)),
        ("II чейрек", Due.in_quarter(2)),
        ("3 четверть", Due.in_quarter(3)),
        ("15.10.2025", Due.on(dt.date(2025, 10, 15))),
        ("15.10", Due.on(dt.date(2025, 10, 15))),
        ("20.01", Due.on(dt.date(2026, 1, 20))),
    ],
)
def test_parse_due(text, expected):
    assert parse_due(text, YEAR) == expected


@pytest.mark.parametrize("text", ["13", "0", "пятница", "32.10.2025", "5 чейрек"])
def test_parse_due_refuses_with_a_message(text):
    i18n.set_language("ky")
    with pytest.raises(DueError) as caught:
        parse_due(text, YEAR)
    assert str(caught.value) and "{" not in str(caught.value)


@pytest.mark.parametrize("language", ["ky", "ru"])
@pytest.mark.parametrize(
    "due",
    [Due.whole_year(), Due.in_months(10), Due.in_months(9, 1, 5), Due.in_months(11, 12, 1, 2), Due.in_quarter(4),
     Due.on(dt.date(2026, 3, 8))],
)
def test_formatted_due_reads_back(language, due):
    i18n.set_language(language)
    assert parse_due(format_due(due), YEAR) == due


def test_format_due_words():
    i18n.set_language("ky")
    assert format_due(Due.in_quarter(2)) == "II чейрек"
    assert format_due(Due.whole_year()) == "Жыл бою"
    assert format_due(Due.in_months(9, 10, 11)) == "Сентябрь–ноябрь"
    i18n.set_language("ru")
    assert format_due(Due.in_quarter(2)) == "II четверть"
    assert format_due(Due.in_months(9, 1)) == "Сентябрь, январь"


# --- overdue at month and quarter boundaries ---------------------------------------------------


def test_a_month_item_is_overdue_from_the_first_day_of_the_next_month():
    october = item(Due.in_months(10))
    assert deadline(october.due, YEAR) == dt.date(2025, 10, 31)
    assert not is_overdue(october, YEAR, dt.date(2025, 10, 31))
    assert is_overdue(october, YEAR, dt.date(2025, 11, 1))
    # Several months: the last one counts; January belongs to the year's second calendar year.
    several = item(Due.in_months(9, 1))
    assert not is_overdue(several, YEAR, dt.date(2026, 1, 31))
    assert is_overdue(several, YEAR, dt.date(2026, 2, 1))


def test_quarters_use_the_years_own_dates():
    year = default_year(2025)
    year.quarters = [
        Quarter(1, dt.date(2025, 9, 1), dt.date(2025, 11, 2)),  # a later autumn break this year
        Quarter(2, dt.date(2025, 11, 10), dt.date(2025, 12, 27)),
        Quarter(3, dt.date(2026, 1, 12), dt.date(2026, 3, 20)),
        Quarter(4, dt.date(2026, 4, 1), dt.date(2026, 5, 29)),
    ]
    first = item(Due.in_quarter(1))
    assert not is_overdue(first, year, dt.date(2025, 11, 2))
    assert is_overdue(first, year, dt.date(2025, 11, 3))
    second = item(Due.in_quarter(2))
    assert not is_overdue(second, year, dt.date(2025, 12, 27))
    assert is_overdue(second, year, dt.date(2025, 12, 28))
    # A year without quarters falls back to the usual dates.
    bare = AcademicYear(label="2025-2026", start=dt.date(2025, 9, 1), end=dt.date(2026, 5, 29))
    assert deadline(Due.in_quarter(1), bare) == dt.date(2025, 10, 31)


def test_what_counts_as_overdue():
    day = dt.date(2025, 11, 1)
    assert is_overdue(item(Due.on(dt.date(2025, 10, 31))), YEAR, day)
    assert not is_overdue(item(Due.on(dt.date(2025, 11, 1))), YEAR, day)
    assert is_overdue(item(Due.in_months(10), PARTLY), YEAR, day)
    assert not is_overdue(item(Due.in_months(10), DONE), YEAR, day)
    assert not is_overdue(item(Due.in_months(10), NOT_DONE), YEAR, day)  # an outcome, not a reminder
    moved = item(Due.in_months(10), MOVED, moved_to=Due.in_months(12))
    assert not is_overdue(moved, YEAR, day)
    assert not is_overdue(moved, YEAR, dt.date(2025, 12, 31))
    assert is_overdue(moved, YEAR, dt.date(2026, 1, 1))
    year_round = item(Due.whole_year())
    assert not is_overdue(year_round, YEAR, dt.date(2026, 5, 29))
    assert is_overdue(year_round, YEAR, dt.date(2026, 5, 30))


def test_completion_overall_by_section_and_by_quarter_end():
    items = [
        item(Due.in_months(9), DONE),
        item(Due.in_months(10), PLANNED),  # overdue after October
        item(Due.in_quarter(1), DONE, section="II"),
        item(Due.in_months(11), PARTLY, section="II"),
        item(Due.in_months(12), PLANNED, section="III"),
        item(Due.whole_year(), NOT_DONE, section="IV"),
    ]
    at = dt.date(2025, 11, 20)
    overall = completion(items, YEAR, at)
    assert (overall.total, overall.done, overall.partly, overall.not_done, overall.planned) == (6, 2, 1, 1, 2)
    assert overall.overdue == 1
    assert overall.ratio == pytest.approx(2 / 6)
    # Of what was due by the end of the first quarter (31 October): 3 items, 2 done.
    q1 = completion(items, YEAR, at, due_by=dt.date(2025, 10, 31))
    assert (q1.total, q1.done, q1.overdue) == (3, 2, 1)
    # One day before the month's end the October item is not yet due by then.
    assert completion(items, YEAR, at, due_by=dt.date(2025, 10, 30)).total == 1
    plan = Plan(id="p")
    by_section = dict(completion_by_section(plan, items, YEAR, at))
    assert list(by_section) == ["I", "II", "III", "IV"]
    assert (by_section["I"].done, by_section["I"].total) == (1, 2)
    assert by_section["IV"].ratio == 0.0
    i18n.set_language("ky")
    assert overall.text() == "2 / 6 (33%)"
    i18n.set_language("ru")
    assert overall.text() == "2 / 6 (33 %)"


def test_the_monthly_plan():
    items = {
        "october": item(Due.in_months(10)),
        "sep_jan": item(Due.in_months(9, 1)),
        "q1": item(Due.in_quarter(1)),
        "q2": item(Due.in_quarter(2)),
        "year": item(Due.whole_year()),
        "date": item(Due.on(dt.date(2025, 10, 5))),
        "moved": item(Due.in_months(9), MOVED, moved_to=Due.in_months(10)),
    }
    october = filter_items(items.values(), YEAR, dt.date(2025, 10, 1), month=10)
    names = {name for name, value in items.items() if value in october}
    assert names == {"october", "q1", "year", "date", "moved"}
    assert falls_in_month(Due.in_quarter(2), 11, YEAR) and falls_in_month(Due.in_quarter(2), 12, YEAR)
    assert not falls_in_month(Due.in_quarter(2), 10, YEAR)


def test_filters_by_status_and_responsible():
    a = item(Due.in_months(9), roles=["УБ жетекчиси"], teacher_ids=["t1"])
    b = item(Due.in_months(12), DONE, roles=["УБ мүчөлөрү"])
    day = dt.date(2025, 11, 20)
    assert filter_items([a, b], YEAR, day, status="overdue") == [a]
    assert filter_items([a, b], YEAR, day, status=DONE) == [b]
    assert filter_items([a, b], YEAR, day, responsible="t:t1") == [a]
    assert filter_items([a, b], YEAR, day, responsible="r:уб мүчөлөрү") == [b]


# --- approval (seed 000 §5.1) --------------------------------------------------------------------


def test_approval_within_five_days_of_the_year_start():
    assert approval_deadline(YEAR) == dt.date(2025, 9, 6)
    assert approval_state(None, YEAR, dt.date(2025, 9, 1)) == MISSING
    plan = Plan(association_id="a", year_id="y")
    assert approval_state(plan, YEAR, dt.date(2025, 9, 6)) == NOT_YET
    assert approval_state(plan, YEAR, dt.date(2025, 9, 7)) == UNAPPROVED_LATE
    plan.approved_by = "Абдыкадыров Бакыт Токтосунович"
    plan.approved_on = dt.date(2025, 8, 29)
    assert approval_state(plan, YEAR, dt.date(2025, 11, 20)) == ON_TIME
    plan.approved_on = dt.date(2025, 9, 6)
    assert approval_state(plan, YEAR, dt.date(2025, 11, 20)) == ON_TIME
    plan.approved_on = dt.date(2025, 9, 7)
    assert approval_state(plan, YEAR, dt.date(2025, 11, 20)) == LATE


def test_plan_validation():
    i18n.set_language("ky")
    plan = Plan(association_id="a", year_id="y", approved_on=dt.date(2025, 8, 29))
    problems = validate_plan(plan, [], YEAR)
    assert "approved_by" in problems.by_field
    other = Plan(association_id="a", year_id="y")
    assert "year_id" in validate_plan(Plan(association_id="a", year_id="y"), [other]).by_field
    far = Plan(association_id="a", year_id="y", approved_by="X", approved_on=dt.date(2027, 1, 1))
    assert "approved_on" in validate_plan(far, [], YEAR).by_field


def test_item_validation():
    i18n.set_language("ru")
    assert "content" in validate_item(PlanItem(plan_id="p", content="  "), YEAR).by_field
    moved = PlanItem(plan_id="p", content="x", status=MOVED)
    assert "moved_to" in validate_item(moved, YEAR).by_field
    outside = PlanItem(plan_id="p", content="x", due=Due.on(dt.date(2026, 9, 15)))
    assert "due" in validate_item(outside, YEAR).by_field
    planned_with_day = PlanItem(plan_id="p", content="x", done_on=dt.date(2025, 10, 1))
    assert "done_on" in validate_item(planned_with_day, YEAR).by_field
    assert not validate_item(PlanItem(plan_id="p", content="x", due=Due.in_quarter(3)), YEAR)


# --- copying last year's plan --------------------------------------------------------------------


def test_copied_items_shift_dates_and_reset_statuses():
    old = [
        item(Due.on(dt.date(2024, 10, 15)), DONE, note="Өткөрүлдү", done_on=dt.date(2024, 10, 14), order=1),
        item(Due.in_months(9, 1), PARTLY, note="жарым", done_on=dt.date(2024, 9, 20), order=2),
        item(Due.in_quarter(2), MOVED, moved_to=Due.in_months(3), order=3, teacher_ids=["t1"], roles=["УБ жетекчиси"]),
        item(Due.on(dt.date(2024, 2, 29)), NOT_DONE, order=4),
    ]
    new = copied_items(old, "new-plan", 1)
    assert [i.due for i in new] == [
        Due.on(dt.date(2025, 10, 15)), Due.in_months(9, 1), Due.in_quarter(2), Due.on(dt.date(2025, 2, 28)),
    ]
    assert all(i.status == PLANNED and i.note == "" and i.done_on is None and i.moved_to is None for i in new)
    assert all(i.plan_id == "new-plan" for i in new)
    assert {i.id for i in new}.isdisjoint({i.id for i in old})
    assert new[2].teacher_ids == ["t1"] and new[2].roles == ["УБ жетекчиси"]
    assert [i.order for i in new] == [1, 2, 3, 4]


def test_custom_sections_follow_the_regulations_four():
    plan = Plan(custom_sections=["Предметтик жумалык"])
    items = [item(Due(), section="Предметтик жумалык"), item(Due(), section="IV"), item(Due(), section="Башка")]
    assert ordered_sections(plan, items) == ["I", "II", "III", "IV", "Предметтик жумалык", "Башка"]


def test_short_names():
    assert short_name("Жумабаева Гүлзат Эркиновна") == "Жумабаева Г.Э."
    assert short_name("Талантбек кызы Айпери") == "Талантбек кызы Айпери"
    assert short_name("Иванов Пётр") == "Иванов П."
