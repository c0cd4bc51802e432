"""The year's work plan (иш планы) of an association: theme, goal, tasks, items by section.

Seeds 001/003 give the plan's sections I–IV; seed 000 §5.1 says the director
approves it within 5 days of the planning period's start.  An item is due on a
date, in one or several months, in a quarter, or throughout the year; whether it
is overdue, and how much of the plan is done, is derived here, never stored.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from ubtui.domain.records import Record
from ubtui.domain.validation import Problems
from ubtui.domain.years import AcademicYear, Quarter, default_year, year_label_for
from ubtui.i18n import N_, _

# --- sections ----------------------------------------------------------------------------------

SECTION_CODES = ("I", "II", "III", "IV")
SECTION_TITLES = {
    "I": N_("Organisational work"),
    "II": N_("Raising the members' legal literacy"),
    "III": N_("Monitoring how the subjects are taught"),
    "IV": N_("Methodical work"),
}
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")


def roman(number: int) -> str:
    return _ROMAN[number - 1] if 1 <= number <= len(_ROMAN) else str(number)


def is_standard_section(section: str) -> bool:
    return section in SECTION_CODES


def section_title(section: str) -> str:
    """The title shown for a section: the translated standard title, or the custom title as typed."""
    return _(SECTION_TITLES[section]) if section in SECTION_TITLES else section


# --- statuses ----------------------------------------------------------------------------------

PLANNED, DONE, PARTLY, NOT_DONE, MOVED = "planned", "done", "partly", "not_done", "moved"
STATUSES = (PLANNED, DONE, PARTLY, NOT_DONE, MOVED)
STATUS_LABELS = {
    PLANNED: N_("planned"),
    DONE: N_("done"),
    PARTLY: N_("partly done"),
    NOT_DONE: N_("not done"),
    MOVED: N_("moved"),
}
# Statuses whose work is still owed: past their due they are overdue.  "Not done" is an
# outcome the head recorded, so it is counted as such, not chased as overdue.
OPEN_STATUSES = frozenset({PLANNED, PARTLY, MOVED})

# --- due ---------------------------------------------------------------------------------------

DATE, MONTHS, QUARTER, YEAR = "date", "months", "quarter", "year"
SCHOOL_MONTHS = (8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6)  # August (planning) to June


@dataclass
class Due:
    """When an item is due: a date, one or several calendar months, a quarter, or the whole year."""

    kind: str = YEAR
    date: dt.date | None = None
    months: list[int] = field(default_factory=list)
    quarter: int | None = None

    @classmethod
    def on(cls, day: dt.date) -> "Due":
        return cls(DATE, date=day)

    @classmethod
    def in_months(cls, *months: int) -> "Due":
        return cls(MONTHS, months=sort_months(months))

    @classmethod
    def in_quarter(cls, number: int) -> "Due":
        return cls(QUARTER, quarter=number)

    @classmethod
    def whole_year(cls) -> "Due":
        return cls(YEAR)


def month_order(month: int) -> int:
    """Position of a calendar month in the school year (July first, June last)."""
    return (month - 7) % 12


def sort_months(months: Iterable[int]) -> list[int]:
    return sorted(set(months), key=month_order)


def _first_calendar_year(year: AcademicYear) -> int:
    label = year.label.split("-")[0]
    return int(label) if label.isdigit() and len(label) == 4 else year.start.year


def month_start(month: int, year: AcademicYear) -> dt.date:
    """The first day of a calendar month inside the academic year (July–December: the first year)."""
    first = _first_calendar_year(year)
    return dt.date(first if month >= 7 else first + 1, month, 1)


def month_end(month: int, year: AcademicYear) -> dt.date:
    start = month_start(month, year)
    return start.replace(day=calendar.monthrange(start.year, start.month)[1])


def quarters_of(year: AcademicYear) -> list[Quarter]:
    """The year's quarters; the usual dates where the year has none set."""
    return year.quarters or default_year(_first_calendar_year(year)).quarters


def quarter_dates(number: int, year: AcademicYear) -> tuple[dt.date, dt.date]:
    for quarter in quarters_of(year):
        if quarter.number == number:
            return quarter.start, quarter.end
    fallback = {q.number: q for q in default_year(_first_calendar_year(year)).quarters}[number]
    return fallback.start, fallback.end


def due_start(due: Due, year: AcademicYear) -> dt.date:
    """The first day the item's work falls on."""
    if due.kind == DATE and due.date is not None:
        return due.date
    if due.kind == MONTHS and due.months:
        return month_start(sort_months(due.months)[0], year)
    if due.kind == QUARTER and due.quarter:
        return quarter_dates(due.quarter, year)[0]
    return year.start


def deadline(due: Due, year: AcademicYear) -> dt.date:
    """The last day by which the item should be done: the date, the last month's last day,
    the quarter's last day (the year's own quarter dates), or the year's end."""
    if due.kind == DATE and due.date is not None:
        return due.date
    if due.kind == MONTHS and due.months:
        return month_end(sort_months(due.months)[-1], year)
    if due.kind == QUARTER and due.quarter:
        return quarter_dates(due.quarter, year)[1]
    return year.end


def falls_in_month(due: Due, month: int, year: AcademicYear) -> bool:
    """Whether the item belongs to the monthly plan of `month` (seed 001 §6.8).

    A date or a listed month belongs to that month; a quarter to every month it
    overlaps; "throughout the year" to every month.
    """
    if due.kind == DATE and due.date is not None:
        return due.date.month == month
    if due.kind == MONTHS:
        return month in due.months
    if due.kind == QUARTER and due.quarter:
        start, end = quarter_dates(due.quarter, year)
        return start <= month_end(month, year) and end >= month_start(month, year)
    return True


def month_label(month: int) -> str:
    from ubtui.i18n import month_name

    name = month_name(month)
    return name[:1].upper() + name[1:]


def format_due(due: Due | None) -> str:
    """`15.10.2025`, `Октябрь`, `Сентябрь, январь`, `II чейрек`, `Жыл бою` (only the first word capitalised)."""
    if due is None:
        return ""
    if due.kind == DATE and due.date is not None:
        return due.date.strftime("%d.%m.%Y")
    if due.kind == MONTHS and due.months:
        text = ", ".join(_month_runs(sort_months(due.months))).lower()
        return text[:1].upper() + text[1:]
    if due.kind == QUARTER and due.quarter:
        return _("Quarter {n}").format(n=roman(due.quarter))
    return _("Throughout the year")


def _month_runs(months: list[int]) -> list[str]:
    """Month names, three or more in a row written as a span (`Ноябрь–Февраль`)."""
    runs: list[list[int]] = []
    for month in months:
        if runs and month_order(month) == month_order(runs[-1][-1]) + 1:
            runs[-1].append(month)
        else:
            runs.append([month])
    parts: list[str] = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{month_label(run[0])}–{month_label(run[-1])}")
        else:
            parts.extend(month_label(m) for m in run)
    return parts


class DueError(ValueError):
    """The text of a due is not understood; `str()` is the translated message."""


# The first letters of month names in Russian, Kyrgyz (same names) and English.
_MONTH_PREFIXES = {
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "май": 5, "мая": 5, "июн": 6, "июл": 7, "авг": 8,
    "сен": 9, "окт": 10, "ноя": 11, "дек": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_YEAR_WORDS = ("жыл бою", "жыл ичинде", "жылы бою", "в течение года", "в течении года", "throughout",
               "whole year", "all year", "year", "постоянно", "туруктуу", "жыл", "год")
_QUARTER_WORD = r"(?:q|ч|чейр|чейрек|четв|четверть|quarter|кв|квартал)\.?"
_QUARTER_NUMBER = r"([1-4]|iv|i{1,3}|і{1,3}|іv)"


@functools.cache
def _quarter_patterns() -> tuple[re.Pattern[str], ...]:
    """Compiled when a due is first read (~5 ms: not at every start, for the few who type one)."""
    return (
        re.compile(rf"{_QUARTER_NUMBER}\s*(?:-?\s*(?:я|й|и|чи)\b)?\s*[-–]?\s*{_QUARTER_WORD}"),
        re.compile(rf"{_QUARTER_WORD}\s*[-–]?\s*{_QUARTER_NUMBER}"),
    )

_ROMAN_VALUES = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _quarter_number(text: str) -> int:
    text = text.replace("і", "i")  # a Cyrillic і typed for the Roman numeral
    return int(text) if text.isdigit() else _ROMAN_VALUES[text]


def _month_of(token: str) -> int | None:
    if token.isdigit():
        number = int(token)
        return number if 1 <= number <= 12 else None
    return _MONTH_PREFIXES.get(token[:3])


def _due_help() -> str:
    return _("Write a date (15.10.2025), a month (10 or October), months (9, 1, 5), "
             "a quarter (Q2) or leave it empty for the whole year.")


def parse_due(text: str, year: AcademicYear | None = None) -> Due:
    """Read what a person types in the due field, in Kyrgyz, Russian or digits.

    `15.10.2025`, `15.10` (with `year`), `10`, `октябрь`, `9, 1, 5`, `9-11`, `сентябрь–ноябрь`,
    `Q2`, `2-чейрек`, `II четверть`, `жыл бою`, `` (empty: throughout the year).
    Raises DueError with a translated message.
    """
    from ubtui.i18n import parse_date

    raw = " ".join(text.split())
    folded = raw.casefold().rstrip(".")
    if not folded or any(word in folded for word in _YEAR_WORDS):
        return Due.whole_year()
    for pattern in _quarter_patterns():
        match = pattern.fullmatch(folded)
        if match:
            return Due.in_quarter(_quarter_number(match.group(1)))
    if re.fullmatch(r"\d{1,4}[.\-/]\d{1,2}[.\-/]\d{1,4}", raw):
        try:
            day = parse_date(raw.replace("/", "."))
        except ValueError:
            raise DueError(_("{text} is not a date; write it as 15.10.2025.").format(text=raw)) from None
        return Due.on(day)
    short = re.fullmatch(r"(\d{1,2})\.(\d{1,2})", raw)
    if short:
        if year is None:
            raise DueError(_("Write the date with its year, e.g. 15.10.2025."))
        day_number, month = int(short.group(1)), int(short.group(2))
        try:
            first = month_start(month, year)
            return Due.on(first.replace(day=day_number))
        except ValueError:
            raise DueError(_("{text} is not a date; write it as 15.10.2025.").format(text=raw)) from None
    months: list[int] = []
    spaced = re.sub(r"\s*[–—-]\s*", "-", folded)
    for token in re.split(r"[,;/\s]+", spaced):
        if not token or token.startswith(("ай", "месяц", "month")) or token in ("и", "жана", "and"):
            continue
        ends = token.split("-")
        found = [_month_of(end) for end in ends if end]
        if not found or any(m is None for m in found) or len(found) > 2:
            raise DueError(_due_help())
        if len(found) == 2:
            first_month, last_month = found[0], found[1]
            assert first_month is not None and last_month is not None
            span = (month_order(last_month) - month_order(first_month)) % 12
            months.extend((first_month - 1 + step) % 12 + 1 for step in range(span + 1))
        else:
            months.append(found[0])  # type: ignore[arg-type]
    if not months:
        raise DueError(_due_help())
    return Due.in_months(*months)


# --- records -----------------------------------------------------------------------------------


@dataclass
class Plan(Record):
    """An association's work plan for one academic year (seed 001 §6.6–6.7)."""

    association_id: str = ""
    year_id: str = ""
    theme: str = ""
    goal: str = ""
    tasks: list[str] = field(default_factory=list)
    approved_by: str = ""
    approved_position: str = ""
    approved_on: dt.date | None = None
    agreed_by: str = ""
    agreed_position: str = ""
    agreed_on: dt.date | None = None
    custom_sections: list[str] = field(default_factory=list)  # titles of sections beyond I–IV, in order
    language: str = ""  # the language of the template it started from ("" when typed)
    names: dict[str, str] = field(default_factory=dict)  # frozen when its year was closed: teacher id → name

    @property
    def approved(self) -> bool:
        return self.approved_on is not None and bool(self.approved_by.strip())


@dataclass
class PlanItem(Record):
    """One line of the plan: what, by when, who, and how it went."""

    plan_id: str = ""
    section: str = "I"  # I–IV, or the title of a custom section
    order: int = 0
    content: str = ""
    due: Due = field(default_factory=Due)
    teacher_ids: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)  # free roles: "УБ жетекчиси", "Насаатчылар"
    status: str = PLANNED
    moved_to: Due | None = None
    note: str = ""  # how it was fulfilled (аткарылышы)
    done_on: dt.date | None = None

    def effective_due(self) -> Due:
        """The due that counts: the new one when the item was moved."""
        return self.moved_to if self.status == MOVED and self.moved_to is not None else self.due


# --- rules -------------------------------------------------------------------------------------


def is_overdue(item: PlanItem, year: AcademicYear, today: dt.date) -> bool:
    """Due passed (the day after the deadline) and the work is still owed."""
    return item.status in OPEN_STATUSES and today > deadline(item.effective_due(), year)


def status_label(status: str) -> str:
    return _(STATUS_LABELS.get(status, status))


def status_text(item: PlanItem) -> str:
    """The status as the plan's last column writes it (`жылдырылды: Декабрь`)."""
    if item.status == MOVED and item.moved_to is not None:
        return _("moved to {due}").format(due=format_due(item.moved_to))
    return status_label(item.status)


OVERDUE = "overdue"  # a status filter: open items past their due


def responsible_key_teacher(teacher_id: str) -> str:
    return "t:" + teacher_id


def responsible_key_role(role: str) -> str:
    return "r:" + role.strip().casefold()


def responsible_keys(item: PlanItem) -> set[str]:
    """The keys the responsible filter matches: `t:<teacher id>` and `r:<role, casefolded>`."""
    return {responsible_key_teacher(t) for t in item.teacher_ids} | {responsible_key_role(r) for r in item.roles}


def filter_items(
    items: Iterable[PlanItem],
    year: AcademicYear,
    today: dt.date,
    *,
    month: int | None = None,
    status: str | None = None,
    responsible: str | None = None,
) -> list[PlanItem]:
    """The items of the monthly plan (`month`), of a status (or OVERDUE), of one responsible key."""
    result = []
    for item in items:
        if month is not None and not falls_in_month(item.effective_due(), month, year):
            continue
        if status == OVERDUE:
            if not is_overdue(item, year, today):
                continue
        elif status is not None and item.status != status:
            continue
        if responsible is not None and responsible not in responsible_keys(item):
            continue
        result.append(item)
    return result


@dataclass(frozen=True)
class Completion:
    """How much of (a part of) the plan is done."""

    total: int = 0
    done: int = 0
    partly: int = 0
    not_done: int = 0
    moved: int = 0
    planned: int = 0
    overdue: int = 0

    @property
    def ratio(self) -> float | None:
        """Done items over all items (partly done ones are shown apart, not counted)."""
        return self.done / self.total if self.total else None

    def text(self) -> str:
        """`12 / 40 (30%)`."""
        from ubtui.i18n import format_percent

        if not self.total:
            return "0 / 0"
        return f"{self.done} / {self.total} ({format_percent(self.ratio or 0.0)})"


def completion(
    items: Iterable[PlanItem], year: AcademicYear, today: dt.date, *, due_by: dt.date | None = None
) -> Completion:
    """Counts by status and overdue; with `due_by`, only the items due by that day count
    ("of what was due by the end of the first quarter, how much is done")."""
    counts = dict.fromkeys(STATUSES, 0)
    total = overdue = 0
    for item in items:
        if due_by is not None and deadline(item.effective_due(), year) > due_by:
            continue
        total += 1
        counts[item.status if item.status in counts else PLANNED] += 1
        overdue += is_overdue(item, year, today)
    return Completion(total, counts[DONE], counts[PARTLY], counts[NOT_DONE], counts[MOVED], counts[PLANNED], overdue)


def ordered_sections(plan: Plan, items: Iterable[PlanItem]) -> list[str]:
    """I–IV, then the plan's custom sections in their order, then any other section items name."""
    present = {item.section for item in items}
    result = list(SECTION_CODES)
    for section in plan.custom_sections:
        if section not in result:
            result.append(section)
    result.extend(sorted(s for s in present if s not in result))
    return result


def section_number(section: str, sections: Sequence[str]) -> str:
    """The Roman number of a section in the plan (custom sections continue after IV)."""
    return roman(sections.index(section) + 1) if section in sections else ""


def sort_items(plan: Plan, items: Iterable[PlanItem]) -> list[PlanItem]:
    """Items by section (the plan's order), then by their order within the section."""
    items = list(items)
    sections = ordered_sections(plan, items)
    return sorted(items, key=lambda i: (sections.index(i.section), i.order, i.created_at))


def completion_by_section(
    plan: Plan, items: Iterable[PlanItem], year: AcademicYear, today: dt.date
) -> list[tuple[str, Completion]]:
    """Completion of each section that has items, in the plan's order."""
    items = list(items)
    return [
        (section, completion([i for i in items if i.section == section], year, today))
        for section in ordered_sections(plan, items)
        if any(i.section == section for i in items)
    ]


# --- approval (seed 000 §5.1) --------------------------------------------------------------------

APPROVAL_DAYS = 5
MISSING, NOT_YET, UNAPPROVED_LATE, LATE, ON_TIME = "missing", "not_yet", "unapproved_late", "late", "on_time"


def approval_deadline(year: AcademicYear) -> dt.date:
    """The director approves the plan no later than 5 days after the year (the planned period) starts."""
    return year.start + dt.timedelta(days=APPROVAL_DAYS)


def approval_state(plan: Plan | None, year: AcademicYear, today: dt.date) -> str:
    """missing / not_yet (still in time) / unapproved_late / late (approved after the deadline) / on_time."""
    if plan is None:
        return MISSING
    due = approval_deadline(year)
    if not plan.approved:
        return UNAPPROVED_LATE if today > due else NOT_YET
    assert plan.approved_on is not None
    return LATE if plan.approved_on > due else ON_TIME


# --- validation ----------------------------------------------------------------------------------

TEXT_MAX = 2000
LINE_MAX = 300


def validate_plan(plan: Plan, others: list[Plan], year: AcademicYear | None = None) -> Problems:
    """One plan per association and year; an approval names who and when."""
    problems = Problems()
    if not plan.association_id:
        problems.add("association_id", _("The plan must belong to an association."))
    if not plan.year_id:
        problems.add("year_id", _("The plan must belong to an academic year."))
    if any(o.id != plan.id and o.association_id == plan.association_id and o.year_id == plan.year_id for o in others):
        problems.add("year_id", _("This association already has a plan for this year."))
    for name in ("theme", "goal"):
        if len(getattr(plan, name)) > TEXT_MAX:
            problems.add(name, _("The text is too long (at most {n} characters).").format(n=TEXT_MAX))
    if any(len(task) > TEXT_MAX for task in plan.tasks):
        problems.add("tasks", _("The text is too long (at most {n} characters).").format(n=TEXT_MAX))
    for name in ("approved_by", "approved_position", "agreed_by", "agreed_position"):
        if len(getattr(plan, name)) > LINE_MAX:
            problems.add(name, _("The text is too long (at most {n} characters).").format(n=LINE_MAX))
    if plan.approved_on is not None and not plan.approved_by.strip():
        problems.add("approved_by", _("Write who approved the plan."))
    if plan.approved_by.strip() and plan.approved_on is None:
        problems.add("approved_on", _("Write the date of the approval."))
    if plan.agreed_on is not None and not plan.agreed_by.strip():
        problems.add("agreed_by", _("Write with whom the plan was agreed."))
    if year is not None:
        for name in ("approved_on", "agreed_on"):
            day = getattr(plan, name)
            if day is not None and not (year.start - dt.timedelta(days=92) <= day <= year.end):
                problems.add(name, _("The date must fall within the academic year {label} or the summer before it.")
                             .format(label=year.label))
    seen: set[str] = set()
    for section in plan.custom_sections:
        key = section.strip().casefold()
        if not key or key in seen or section in SECTION_CODES:
            problems.add("custom_sections", _("Section titles must be filled in and different."))
            break
        seen.add(key)
    return problems


def _validate_due(due: Due, year: AcademicYear | None, name: str, problems: Problems) -> None:
    if due.kind not in (DATE, MONTHS, QUARTER, YEAR):
        problems.add(name, _due_help())
    elif due.kind == DATE:
        if due.date is None:
            problems.add(name, _due_help())
        elif year is not None and year_label_for(due.date) != year.label:
            problems.add(name, _("The date must fall within the academic year {label}.").format(label=year.label))
    elif due.kind == MONTHS and (not due.months or any(not 1 <= m <= 12 for m in due.months)):
        problems.add(name, _due_help())
    elif due.kind == QUARTER and due.quarter not in (1, 2, 3, 4):
        problems.add(name, _due_help())


def validate_item(item: PlanItem, year: AcademicYear | None = None) -> Problems:
    """Content is required; the due and the new due of a moved item must be readable and in the year."""
    problems = Problems()
    if not item.plan_id:
        problems.add("plan_id", _("The item must belong to a plan."))
    content = item.content.strip()
    if not content:
        problems.add("content", _("Write what is to be done."))
    elif len(item.content) > TEXT_MAX:
        problems.add("content", _("The text is too long (at most {n} characters).").format(n=TEXT_MAX))
    if not item.section.strip():
        problems.add("section", _("Choose the section."))
    elif len(item.section) > LINE_MAX:
        problems.add("section", _("The text is too long (at most {n} characters).").format(n=LINE_MAX))
    if item.status not in STATUSES:
        problems.add("status", _("Choose the status."))
    _validate_due(item.due, year, "due", problems)
    if item.status == MOVED:
        if item.moved_to is None:
            problems.add("moved_to", _("Write when the moved item is now due."))
        else:
            _validate_due(item.moved_to, year, "moved_to", problems)
    if len(item.note) > TEXT_MAX:
        problems.add("note", _("The text is too long (at most {n} characters).").format(n=TEXT_MAX))
    if any(len(role) > LINE_MAX for role in item.roles):
        problems.add("roles", _("The text is too long (at most {n} characters).").format(n=LINE_MAX))
    if item.done_on is not None and item.status not in (DONE, PARTLY):
        problems.add("done_on", _("Only a done or partly done item has a date done."))
    return problems


# --- starting a plan ------------------------------------------------------------------------------


def template_items(plan_id: str, language: str) -> list[PlanItem]:
    """The regulation's items (seeds 001/003, sections I–IV) as new items of a plan."""
    from ubtui.domain.plan_template import ITEMS, role_text

    items: list[PlanItem] = []
    counters: dict[str, int] = {}
    for entry in ITEMS:
        counters[entry.section] = counters.get(entry.section, 0) + 1
        due = Due.in_months(*entry.months) if entry.months else Due.whole_year()
        items.append(
            PlanItem(
                plan_id=plan_id,
                section=entry.section,
                order=counters[entry.section],
                content=entry.text(language),
                due=due,
                roles=[role_text(role, language) for role in entry.roles],
            )
        )
    return items


def template_plan(association_id: str, year_id: str, language: str) -> Plan:
    """A new plan with the template's goal and tasks (the theme is the school's, left empty)."""
    from ubtui.domain.plan_template import GOAL, TASKS

    code = "ru" if language == "ru" else "ky"
    return Plan(association_id=association_id, year_id=year_id, goal=GOAL[code], tasks=list(TASKS[code]), language=code)


def shift_due(due: Due | None, years: int) -> Due | None:
    """The same due `years` later: a date moves, months and quarters stay as they are."""
    if due is None:
        return None
    if due.kind == DATE and due.date is not None:
        try:
            day = due.date.replace(year=due.date.year + years)
        except ValueError:  # 29 February
            day = due.date.replace(year=due.date.year + years, day=28)
        return Due.on(day)
    return Due(due.kind, None, list(due.months), due.quarter)


def copied_plan(source: Plan, year_id: str) -> Plan:
    """Last year's plan as the start of a new one: theme, goal, tasks and sections kept, approval cleared."""
    return Plan(
        association_id=source.association_id,
        year_id=year_id,
        theme=source.theme,
        goal=source.goal,
        tasks=list(source.tasks),
        custom_sections=list(source.custom_sections),
        language=source.language,
    )


def copied_items(items: Iterable[PlanItem], plan_id: str, years: int) -> list[PlanItem]:
    """Items for the new plan: dates shifted by `years`, statuses reset to planned, notes cleared.

    A moved item starts at its original due (the move was last year's decision).
    """
    return [
        PlanItem(
            plan_id=plan_id,
            section=item.section,
            order=item.order,
            content=item.content,
            due=shift_due(item.due, years) or Due(),
            teacher_ids=list(item.teacher_ids),
            roles=list(item.roles),
        )
        for item in items
    ]


def years_between(older: AcademicYear, newer: AcademicYear) -> int:
    return _first_calendar_year(newer) - _first_calendar_year(older)


# --- people ----------------------------------------------------------------------------------------


def short_name(full_name: str) -> str:
    """`Жумабаева Гүлзат Эркиновна` → `Жумабаева Г.Э.`; names without a patronymic stay whole."""
    parts = full_name.split()
    if any(part.casefold() in ("кызы", "уулу") for part in parts):
        return " ".join(parts)
    if len(parts) == 3:
        return f"{parts[0]} {parts[1][:1]}.{parts[2][:1]}."
    if len(parts) == 2 and parts[1][:1].isupper():
        return f"{parts[0]} {parts[1][:1]}."
    return full_name.strip()


def split_roles(text: str) -> list[str]:
    """Roles typed in one field, separated by commas or semicolons."""
    return [part.strip() for part in re.split(r"[,;\n]", text) if part.strip()]
