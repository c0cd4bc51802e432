"""Key bindings shown as a person reads them (F2, Esc, Del, Ctrl+PgDn, ↑), with Cyrillic-layout twins."""

from __future__ import annotations

from textual.binding import Binding

# Textual's key names → the words printed on a keyboard (and in the help, F1).
_NAMES = {
    "escape": "Esc", "delete": "Del", "enter": "Enter", "insert": "Ins", "space": "Space", "slash": "/",
    "pagedown": "PgDn", "pageup": "PgUp", "page_down": "PgDn", "page_up": "PgUp", "home": "Home", "end": "End",
    "up": "↑", "down": "↓", "left": "←", "right": "→", "tab": "Tab", "backspace": "Backspace",
    "question_mark": "?", "full_stop": ".", "comma": ",", "minus": "-", "plus": "+", "equals_sign": "=",
}
_MODIFIERS = {"ctrl": "Ctrl", "shift": "Shift", "alt": "Alt", "meta": "Alt"}


def key_label(key: str) -> str:
    """`ctrl+pagedown` → `Ctrl+PgDn`, `delete` → `Del`, `up` → `↑`, `f2` → `F2`, `n` → `n`."""
    *modifiers, name = key.split("+") if key != "+" else ["+"]
    if name.startswith("f") and name[1:].isdigit():
        shown = name.upper()
    else:
        shown = _NAMES.get(name, name.upper() if len(name) == 1 and modifiers else name)
    return "+".join([_MODIFIERS.get(m, m.capitalize()) for m in modifiers] + [shown])


def readable(binding: Binding) -> bool:
    """A binding a person can press: not the Mac's Super (Cmd) twins of Ctrl keys."""
    return "super+" not in binding.key


def key(keys: str, action: str, description: str = "", **options: object) -> Binding:
    """A Binding whose footer label is the first key, written as on the keyboard."""
    first = keys.split(",")[0].strip()
    options.setdefault("key_display", key_label(first))
    return Binding(keys, action, description, **options)  # type: ignore[arg-type]
