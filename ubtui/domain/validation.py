"""Validation problems, collected per field so a form can show them beside it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Problems:
    """Translated messages keyed by field name; empty means valid."""

    by_field: dict[str, list[str]] = field(default_factory=dict)

    def add(self, name: str, message: str) -> None:
        self.by_field.setdefault(name, []).append(message)

    def __bool__(self) -> bool:
        return bool(self.by_field)

    def first(self) -> str:
        for messages in self.by_field.values():
            return messages[0]
        return ""


class ValidationError(ValueError):
    """Raised by the store when a record does not pass its rules."""

    def __init__(self, problems: Problems) -> None:
        super().__init__(problems.first())
        self.problems = problems
