"""Methodical associations (усулдук бирикме, УБ) of a school."""

from __future__ import annotations

from dataclasses import dataclass, field

from ubtui.domain.records import Record
from ubtui.domain.validation import Problems
from ubtui.i18n import _


@dataclass
class Member:
    """A member by name; `teacher_id` links the full teacher record once there is one."""

    name: str = ""
    teacher_id: str = ""


@dataclass
class Association(Record):
    name: str = ""
    area: str = ""
    head: str = ""
    secretary: str = ""
    members: list[Member] = field(default_factory=list)


def validate_association(association: Association, others: list[Association]) -> Problems:
    """A name is required and unique within the school."""
    problems = Problems()
    name = association.name.strip()
    if not name:
        problems.add("name", _("The association's name is required."))
    elif any(o.name.strip().casefold() == name.casefold() and o.id != association.id for o in others):
        problems.add("name", _("An association with this name already exists."))
    seen: set[str] = set()
    for member in association.members:
        key = member.name.strip().casefold()
        if key and key in seen:
            problems.add("members", _("{name} is listed twice.").format(name=member.name.strip()))
        seen.add(key)
    return problems
