"""Key bindings shown as a person reads them (F2, Esc, Del), with Cyrillic-layout twins."""

from __future__ import annotations

from textual.binding import Binding

_NAMES = {"escape": "Esc", "delete": "Del", "enter": "Enter", "insert": "Ins", "space": "Space", "slash": "/"}


def key(keys: str, action: str, description: str = "", **options: object) -> Binding:
    """A Binding whose footer label is the first key, written as on the keyboard."""
    first = keys.split(",")[0].strip()
    display = _NAMES.get(first) or (first.upper() if first.startswith("f") and first[1:].isdigit() else first)
    return Binding(keys, action, description, key_display=display, **options)  # type: ignore[arg-type]
