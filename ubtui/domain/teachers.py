"""Teachers (мугалимдер): the information bank of seed 001 §6.9–6.10.

Age, experience and the young-teacher flag are derived at a date, never stored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ubtui.domain.collation import name_key  # noqa: F401  (re-exported: the one Kyrgyz sort key)
from ubtui.domain.records import Record
from ubtui.domain.settings import Rules
from ubtui.domain.validation import Problems
from ubtui.i18n import N_, _

# Stored codes → labels shown (translated where shown).
CATEGORIES = {
    "highest": N_("highest"),
    "first": N_("first (I)"),
    "second": N_("second (II)"),
    "none": N_("no category"),
}
CATEGORY_SHORT = {"highest": N_("highest"), "first": "I", "second": "II", "none": N_("none")}

EDUCATION_LEVELS = {
    "higher": N_("higher"),
    "incomplete_higher": N_("incomplete higher"),
    "secondary_vocational": N_("secondary vocational"),
}

AWARD_LEVELS = {
    "state": N_("state"),
    "ministry": N_("ministry"),
    "region": N_("region"),
    "district": N_("district"),
    "school": N_("school"),
}

# The common awards (glossary), as (title, level); the title is stored as text once chosen.
_COMMON_AWARDS = (
    (N_("Honoured Worker of Education of the Kyrgyz Republic"), "state"),
    (N_("People's Teacher of the Kyrgyz Republic"), "state"),
    (N_("Certificate of Honour of the Kyrgyz Republic"), "state"),
    (N_("“Excellent Worker of Education” badge"), "ministry"),
    (N_("Certificate of Honour of the Ministry of Education"), "ministry"),
    (N_("Regional certificate of honour"), "region"),
    (N_("District certificate of honour"), "district"),
    (N_("School certificate of honour"), "school"),
)

NAME_MAX = 120
LOAD_MAX = 60
# Longer than this is surely a slip, and would not fit its column in the printed bank.
TEXT_LIMITS = {"phone": 40, "institution": 300, "specialty": 200, "classes": 200, "position": 200,
               "self_education_topic": 300}


@dataclass
class Award:
    """A state title, badge or certificate of honour (сыйлык, наам)."""

    title: str = ""
    level: str = "school"
    year: int | None = None


@dataclass
class Teacher(Record):
    """A teacher of the school; one who leaves is kept (`active=False`) for old records."""

    full_name: str = ""
    birth_date: dt.date | None = None
    phone: str = ""
    education: str = "higher"
    institution: str = ""
    graduation_year: int | None = None
    specialty: str = ""
    subjects: list[str] = field(default_factory=list)
    classes: str = ""
    weekly_load: float | None = None
    total_start: dt.date | None = None
    pedagogical_start: dt.date | None = None
    category: str = "none"
    category_date: dt.date | None = None
    category_expires: dt.date | None = None
    awards: list[Award] = field(default_factory=list)
    self_education_topic: str = ""
    position: str = ""
    association_id: str = ""
    active: bool = True
    left_on: dt.date | None = None
    notes: str = ""

    def age(self, at: dt.date) -> int | None:
        """Full years of age at `at`; None when the birth date is not known."""
        return full_years(self.birth_date, at)

    def total_experience(self, at: dt.date) -> int | None:
        """Full years since the start of work (жалпы стаж)."""
        return full_years(self.total_start, at)

    def pedagogical_experience(self, at: dt.date) -> int | None:
        """Full years since the start of teaching (педагогикалык стаж)."""
        return full_years(self.pedagogical_start, at)

    def is_young(self, at: dt.date, rules: Rules) -> bool:
        """A young teacher (жаш мугалим): pedagogical experience below `rules.young_teacher_years`.

        Unknown start of teaching counts as not young (nothing to base it on).
        """
        years = self.pedagogical_experience(at)
        return years is not None and years < rules.young_teacher_years

    def subjects_text(self) -> str:
        return ", ".join(s for s in self.subjects if s)


# --- dates ---------------------------------------------------------------------------------


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day `years` later (29 February → 28 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later or earlier, clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def full_years(start: dt.date | None, at: dt.date) -> int | None:
    """Whole years from `start` to `at` (an anniversary completes a year); None if unknown."""
    if start is None:
        return None
    years = at.year - start.year - ((at.month, at.day) < (start.month, start.day))
    return max(years, 0)


# --- labels and choices ------------------------------------------------------------------


def category_label(code: str, *, short: bool = False) -> str:
    table = CATEGORY_SHORT if short else CATEGORIES
    return _(table.get(code, code))


def education_label(code: str) -> str:
    return _(EDUCATION_LEVELS.get(code, code))


def award_level_label(code: str) -> str:
    return _(AWARD_LEVELS.get(code, code))


def category_choices() -> list[tuple[str, str]]:
    """(label, code) pairs for a Select, in the language now chosen."""
    return [(_(label), code) for code, label in CATEGORIES.items()]


def education_choices() -> list[tuple[str, str]]:
    return [(_(label), code) for code, label in EDUCATION_LEVELS.items()]


def award_level_choices() -> list[tuple[str, str]]:
    return [(_(label), code) for code, label in AWARD_LEVELS.items()]


def award_choices() -> list[tuple[str, str]]:
    """The common awards as (translated title, level code); a form may still take any title."""
    return [(_(title), level) for title, level in _COMMON_AWARDS]


def award_text(award: Award) -> str:
    """`Title (2019)` as printed in the information bank."""
    title = award.title.strip()
    return f"{title} ({award.year})" if award.year else title


def split_list(text: str) -> list[str]:
    """`математика, физика` → ['математика', 'физика'] (commas or semicolons, blanks dropped)."""
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


# --- validation ---------------------------------------------------------------------------------


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


_PHONE_CHARS = set("0123456789+-() ")


def validate_teacher(teacher: Teacher, others: list[Teacher], today: dt.date | None = None) -> Problems:
    """What must be fixed before a teacher is saved (translated, per field).

    A possible duplicate is only a warning: see `teacher_warnings`.
    """
    today = today or dt.date.today()
    problems = Problems()
    name = teacher.full_name.strip()
    if not name:
        problems.add("full_name", _("The teacher's full name is required."))
    elif len(name) > NAME_MAX:
        problems.add("full_name", _("The name is too long (at most {n} characters).").format(n=NAME_MAX))
    if teacher.birth_date is not None:
        if teacher.birth_date > today:
            problems.add("birth_date", _("The birth date is in the future."))
        elif full_years(teacher.birth_date, today) < 15:  # type: ignore[operator]
            problems.add("birth_date", _("The birth date makes the teacher younger than 15."))
        elif teacher.birth_date.year < 1900:
            problems.add("birth_date", _("The birth date is too far in the past."))
    if teacher.phone and not set(teacher.phone) <= _PHONE_CHARS:
        problems.add("phone", _("A phone number may have only digits, spaces and + - ( )."))
    if teacher.education not in EDUCATION_LEVELS:
        problems.add("education", _("Choose the level of education from the list."))
    if teacher.graduation_year is not None:
        low = teacher.birth_date.year + 14 if teacher.birth_date else 1920
        if not low <= teacher.graduation_year <= today.year:
            problems.add(
                "graduation_year",
                _("Enter a graduation year from {low} to {high}.").format(low=low, high=today.year),
            )
    if teacher.weekly_load is not None and not 0 <= teacher.weekly_load <= LOAD_MAX:
        problems.add("weekly_load", _("The weekly load must be from 0 to {n} hours.").format(n=LOAD_MAX))
    for name_, start in (("total_start", teacher.total_start), ("pedagogical_start", teacher.pedagogical_start)):
        if start is None:
            continue
        if start > today:
            problems.add(name_, _("The start of experience is in the future."))
        elif teacher.birth_date is not None and start < add_years(teacher.birth_date, 14):
            problems.add(name_, _("The start of experience is before the teacher was 14."))
    if teacher.total_start and teacher.pedagogical_start and teacher.pedagogical_start < teacher.total_start:
        problems.add("pedagogical_start", _("Teaching cannot start before the total experience starts."))
    if teacher.category not in CATEGORIES:
        problems.add("category", _("Choose the qualification category from the list."))
    if teacher.category_date is not None and teacher.category_date > today:
        problems.add("category_date", _("The date of the category is in the future."))
    if teacher.category_date and teacher.category_expires and teacher.category_expires <= teacher.category_date:
        problems.add("category_expires", _("The category must expire after it was given."))
    for number, award in enumerate(teacher.awards, 1):
        if not award.title.strip():
            problems.add("awards", _("Award {n}: the title is required.").format(n=number))
        if award.level not in AWARD_LEVELS:
            problems.add("awards", _("Award {n}: choose the level from the list.").format(n=number))
        if award.year is not None and not 1950 <= award.year <= today.year:
            problems.add("awards", _("Award {n}: enter a year from 1950 to {high}.").format(n=number, high=today.year))
    for name_, limit in TEXT_LIMITS.items():
        if len(getattr(teacher, name_)) > limit:
            problems.add(name_, _("The text is too long (at most {n} characters).").format(n=limit))
    if len(", ".join(teacher.subjects)) > TEXT_LIMITS["classes"]:
        problems.add("subjects", _("The text is too long (at most {n} characters).").format(n=TEXT_LIMITS["classes"]))
    if not teacher.active and teacher.left_on is not None and teacher.left_on > today:
        problems.add("left_on", _("The date of leaving is in the future."))
    return problems


def find_duplicate(teacher: Teacher, others: list[Teacher]) -> Teacher | None:
    """Another teacher with the same name and birth date (a likely double entry)."""
    key = _name_key(teacher.full_name)
    for other in others:
        if other.id != teacher.id and _name_key(other.full_name) == key and other.birth_date == teacher.birth_date:
            return other
    return None


def teacher_warnings(teacher: Teacher, others: list[Teacher]) -> list[str]:
    """Things a form shows before saving that do not stop the save."""
    warnings = []
    if find_duplicate(teacher, others) is not None:
        warnings.append(_("A teacher with the same name and birth date is already recorded. Save anyway?"))
    return warnings
