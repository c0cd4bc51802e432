"""People named in records: a teacher by id, or an outside guest by name (DESIGN §3).

A record never copies a teacher's name: it keeps the id, and the name is looked up
when it is shown or printed, so a typo fixed in the teacher's record shows everywhere.
A closed year keeps the names it was closed with in a frozen `names` map
(teacher id → name) on each session and plan, used when present.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Protocol

from ubtui.i18n import _


class PersonLike(Protocol):
    teacher_id: str
    guest: str


@dataclass
class Person:
    """Who: `teacher_id` for a teacher of the school, else `guest` (free text, e.g. a deputy
    director, a district methodist, or a group such as "УБ мүчөлөрү")."""

    teacher_id: str = ""
    guest: str = ""

    @classmethod
    def of_teacher(cls, teacher_id: str) -> "Person":
        return cls(teacher_id=teacher_id)

    @classmethod
    def of_guest(cls, name: str) -> "Person":
        return cls(guest=" ".join(name.split()))

    def is_empty(self) -> bool:
        return not self.teacher_id and not self.guest.strip()


def is_empty(ref: PersonLike) -> bool:
    return not ref.teacher_id and not ref.guest.strip()


def _name_of(value: Any) -> str:
    return value if isinstance(value, str) else getattr(value, "full_name", "")


def display_name(ref: PersonLike, teachers_by_id: Mapping[str, Any], frozen: Mapping[str, str] | None = None) -> str:
    """The name to show or print for `ref`: the frozen name of a closed year when there is one,
    else the teacher's current full name (`teachers_by_id` maps id → Teacher or → name), else
    the guest's name. A teacher missing from the file shows by the name the record kept, or "?"."""
    if ref.teacher_id:
        if frozen and ref.teacher_id in frozen:
            return frozen[ref.teacher_id]
        found = teachers_by_id.get(ref.teacher_id)
        if found is not None:
            return _name_of(found).strip()
        return ref.guest.strip() or "?"  # a link to a teacher not in the file: the name it had, if any
    return ref.guest.strip()


def display_names(refs: Iterable[PersonLike], teachers_by_id: Mapping[str, Any], frozen: Mapping[str, str] | None = None,
                  separator: str = ", ") -> str:
    return separator.join(n for n in (display_name(r, teachers_by_id, frozen) for r in refs) if n)


def describe(ref: PersonLike, teachers_by_id: Mapping[str, Any], frozen: Mapping[str, str] | None = None) -> str:
    """As `display_name`, with a guest marked as one ("Осмонова А. (guest)") for pickers."""
    name = display_name(ref, teachers_by_id, frozen)
    if not ref.teacher_id and name:
        return _("{name} (guest)").format(name=name)
    return name


# --- matching typed names to teachers (used by the schema migration and by old text) -----------

_PATRONYMIC_WORDS = {"кызы", "уулу", "kyzy", "uulu"}


def normalise(name: str) -> str:
    """Spaces and case aside; an initial's dot always followed by one space."""
    return " ".join(name.replace(".", ". ").split()).casefold()


def name_forms(full_name: str) -> set[str]:
    """The ways a name is written in protocols, normalised: the full name, `Жээнтева З.Э.`,
    `З.Э. Жээнтева`, `Жээнтева З.` and `З. Жээнтева` (for `Талантбек кызы Айпери`:
    `Талантбек кызы А.` and `А. Талантбек кызы`)."""
    words = full_name.split()
    forms = {normalise(full_name)} if words else set()
    if len(words) < 2:
        return forms
    head = 2 if len(words) > 2 and words[1].casefold() in _PATRONYMIC_WORDS else 1
    surname = " ".join(words[:head])
    initials = [w[0] + "." for w in words[head:] if w[:1].isalpha()]
    for count in {len(initials), 1}:
        if count and initials:
            part = "".join(initials[:count])
            forms.add(normalise(f"{surname} {part}"))
            forms.add(normalise(f"{part} {surname}"))
    return forms


class NameMatcher:
    """Finds the one teacher a typed name means; an ambiguous or unknown name matches nobody."""

    def __init__(self, teachers: Iterable[tuple[str, str]]) -> None:
        """`teachers`: (id, full name) pairs."""
        full: dict[str, set[str]] = {}
        short: dict[str, set[str]] = {}
        for teacher_id, name in teachers:
            key = normalise(name)
            full.setdefault(key, set()).add(teacher_id)
            for form in name_forms(name) - {key}:
                short.setdefault(form, set()).add(teacher_id)
        self._full = full
        self._short = short

    def match(self, text: str) -> str | None:
        key = normalise(text)
        if not key:
            return None
        for table in (self._full, self._short):  # a full name wins over someone else's short form
            ids = table.get(key)
            if ids:
                return next(iter(ids)) if len(ids) == 1 else None
        return None

    def person(self, text: str) -> Person:
        """A teacher when the name matches one, else a guest with the text as typed."""
        teacher_id = self.match(text)
        return Person.of_teacher(teacher_id) if teacher_id else Person.of_guest(text)


# --- a closed year's names ------------------------------------------------------------------------


def frozen_names(teacher_ids: Iterable[str], teachers_by_id: Mapping[str, Any],
                 already: Mapping[str, str] | None = None) -> dict[str, str]:
    """id → name for every id given, keeping names frozen before (a year closed, reopened, closed)."""
    names = dict(already or {})
    for teacher_id in teacher_ids:
        if teacher_id and teacher_id not in names and teacher_id in teachers_by_id:
            names[teacher_id] = _name_of(teachers_by_id[teacher_id]).strip()
    return names
