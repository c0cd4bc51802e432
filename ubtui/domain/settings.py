"""The school's settings and the rules the regulations set (editable)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ubtui.domain.records import Record
from ubtui.domain.validation import Problems
from ubtui.i18n import N_, _


@dataclass
class Rules:
    """Numbers from the regulations; settings because laws change (seed 004, 2023 law)."""

    course_hours: int = 72
    course_period_years: int = 5
    sessions_per_year: int = 4
    seminars_per_year: int = 1
    young_teacher_years: int = 3


@dataclass
class Deputy:
    name: str = ""
    position: str = ""


@dataclass
class Settings(Record):
    """One per school file."""

    school_name: str = ""
    school_number: str = ""
    village: str = ""
    district: str = ""
    region: str = ""
    director: str = ""
    deputies: list[Deputy] = field(default_factory=list)
    rules: Rules = field(default_factory=Rules)
    language: str = "ky"
    last_association_id: str = ""
    plain_display: bool = False  # plain mode (DESIGN §7) even where the terminal would not need it

    def school_title(self) -> str:
        """The school as documents name it: `№5 «Ала-Тоо» орто мектеби`."""
        number = f"№{self.school_number} " if self.school_number else ""
        return f"{number}{self.school_name}".strip()


# The school's own fields, as forms show them: (name, label msgid, required).
SCHOOL_FIELDS = [
    ("school_name", N_("School name"), True),
    ("school_number", N_("School number"), False),
    ("village", N_("Village"), False),
    ("district", N_("District"), False),
    ("region", N_("Region"), False),
    ("director", N_("Director"), False),
]

RULE_LIMITS = {
    "course_hours": (1, 2000),
    "course_period_years": (1, 20),
    "sessions_per_year": (1, 20),
    "seminars_per_year": (0, 20),
    "young_teacher_years": (1, 10),
}


def validate_settings(settings: Settings) -> Problems:
    """What is wrong with the settings, as translated messages per field."""
    problems = Problems()
    if not settings.school_name.strip():
        problems.add("school_name", _("The school's name is required."))
    if len(settings.school_name) > 200:
        problems.add("school_name", _("The name is too long (at most 200 characters)."))
    for name, (low, high) in RULE_LIMITS.items():
        value = getattr(settings.rules, name)
        if not isinstance(value, int) or not low <= value <= high:
            problems.add(name, _("Enter a whole number from {low} to {high}.").format(low=low, high=high))
    return problems
