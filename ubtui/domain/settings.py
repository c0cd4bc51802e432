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


# Positions stored as roles, so that each document writes them in its own language.
DIRECTOR = "director"
ROLES = {
    DIRECTOR: N_("School director"),
    "deputy_teaching": N_("Deputy director for teaching and upbringing work"),
    "deputy_methodical": N_("Deputy director for scientific and methodical work"),
    "deputy_upbringing": N_("Deputy director for upbringing work"),
}


def role_label(role: str) -> str:
    """The role's name in the language now chosen ("" for an unknown role)."""
    return _(ROLES[role]) if role in ROLES else ""


def role_from_text(text: str) -> str:
    """The role a typed position names, in either language or as its code; "" when none does."""
    from ubtui.i18n import LANGUAGES, catalog

    key = " ".join(text.split()).casefold()
    if not key:
        return ""
    for role, msgid in ROLES.items():
        names = {role, msgid.casefold()}
        for language in LANGUAGES:
            names.update(form.casefold() for form in catalog(language).get(msgid, []))
        if key in names:
            return role
    return ""


@dataclass
class Deputy:
    name: str = ""
    position: str = ""  # as typed, when it names no role
    role: str = ""

    def position_text(self) -> str:
        """The position in the language now chosen: the role's name, else the typed text."""
        return role_label(self.role or role_from_text(self.position)) or self.position.strip()


def deputy_from_line(line: str) -> Deputy:
    """`name; position` as the settings form takes it; a position naming a role is stored as the role."""
    name, _sep, position = line.partition(";")
    role = role_from_text(position)
    return Deputy(name.strip(), "" if role else position.strip(), role)


@dataclass
class Settings(Record):
    """One per school file."""

    school_name: str = ""  # as the school writes it: "Токтогул Сатылганов атындагы №12 орто мектеби"
    school_genitive_override: str = ""  # override of the derived "…мектебинин"
    school_name_ru: str = ""  # optional: the name Russian documents print
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
    # The folder's papers ubtui does not make (seed 001 §6.1–6.3): their number and date, as typed.
    order_opening: str = ""
    order_head: str = ""
    regulation: str = ""

    def school_title(self, language: str | None = None) -> str:
        """The school as the school writes it: `Токтогул Сатылганов атындагы №12 орто мектеби`.

        The number is written in where the name has none (after "атындагы", else first);
        Russian documents print the Russian name when there is one.
        """
        from ubtui.i18n import get_language

        if (language or get_language()) == "ru" and self.school_name_ru.strip():
            return " ".join(self.school_name_ru.split())
        return _with_number(" ".join(self.school_name.split()), self.school_number.strip())

    def school_genitive(self) -> str:
        """`…орто мектебинин` (Kyrgyz: "…мектебинин директору"), or the override of the settings."""
        from ubtui.domain.names import genitive

        override = " ".join(self.school_genitive_override.split())
        return override or genitive(self.school_title("ky"))

    def director_position(self) -> str:
        """`Токтогул … мектебинин директору` / `Директор школы`: the director's line of an approval block."""
        from ubtui.i18n import get_language

        if get_language() == "ky" and self.school_name.strip():
            return _("director of {school_genitive}").format(school_genitive=self.school_genitive())
        return role_label(DIRECTOR)

    def position_of(self, name: str) -> str:
        """The position of a person the settings know (the director, a deputy), translated; else ""."""
        key = " ".join(name.split()).casefold()
        if not key:
            return ""
        if key == " ".join(self.director.split()).casefold():
            return self.director_position()
        for deputy in self.deputies:
            if key == " ".join(deputy.name.split()).casefold():
                return deputy.position_text()
        return ""

    def place_text(self, language: str | None = None) -> str:
        """`Кара-Булак айылы, Кемин району, Чүй облусу` / `с. Кара-Булак, Кемин р-н, Чүй обл.`."""
        from ubtui.i18n import get_language

        parts = [(self.village, "айылы", "с. {}", ""), (self.district, "району", "", " р-н"),
                 (self.region, "облусу", "", " обл.")]
        russian = (language or get_language()) == "ru"
        out = []
        for value, ky_word, ru_prefix, ru_suffix in parts:
            value = " ".join(value.split())
            if not value:
                continue
            bare = value[: -len(ky_word)].strip() if value.casefold().endswith(ky_word) else value
            if russian:
                out.append(ru_prefix.format(bare) if ru_prefix else bare + ru_suffix)
            else:
                out.append(value if bare != value else f"{value} {ky_word}")
        return ", ".join(out)


def _with_number(name: str, number: str) -> str:
    if not number or "№" in name:
        return name
    mark = "атындагы "
    at = name.casefold().find(mark)
    if at >= 0:
        cut = at + len(mark)
        return f"{name[:cut]}№{number} {name[cut:]}"
    return f"№{number} {name}".strip()


# The school's own fields, as forms show them: (name, label msgid, required).
SCHOOL_FIELDS = [
    ("school_name", N_("School name"), True),
    ("school_number", N_("School number"), False),
    ("village", N_("Village"), False),
    ("district", N_("District"), False),
    ("region", N_("Region"), False),
    ("director", N_("Director"), False),
]

# The folder checklist's orders and regulation (seed 001 §6.1–6.3): "No. 45, 28.08.2025".
FOLDER_FIELDS = [
    ("order_opening", N_("Folder 6.1: order opening the associations (No., date)"), False),
    ("order_head", N_("Folder 6.2: order appointing the heads (No., date)"), False),
    ("regulation", N_("Folder 6.3: regulation on the association (approved: No., date)"), False),
]

# Shown in Settings → School only (the first-run form stays short).
SCHOOL_NAME_FIELDS = [
    ("school_genitive_override", N_("Name in the genitive (…мектебинин), if the derived one is wrong"), False),
    ("school_name_ru", N_("School name in Russian (optional)"), False),
    *FOLDER_FIELDS,
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
    for name in ("school_name", "school_genitive_override", "school_name_ru", *(f for f, _l, _r in FOLDER_FIELDS)):
        if len(getattr(settings, name)) > 200:
            problems.add(name, _("The name is too long (at most 200 characters)."))
    for name, (low, high) in RULE_LIMITS.items():
        value = getattr(settings.rules, name)
        if not isinstance(value, int) or not low <= value <= high:
            problems.add(name, _("Enter a whole number from {low} to {high}.").format(low=low, high=high))
    return problems
