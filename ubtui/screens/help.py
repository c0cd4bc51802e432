"""F1: the keys of this screen, of every screen and of the focused field — each key once —
and a few words on how ubtui works."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ubtui.i18n import N_, _
from ubtui.widgets.keys import key, key_label, readable

# Group titles, in the order shown.
SCREEN, EVERYWHERE, FIELD = N_("On this screen"), N_("On every screen"), N_("In the list or field")


@dataclass(frozen=True)
class KeyGroup:
    title: str  # msgid
    keys: list[tuple[str, str]]  # (keys as on the keyboard, what they do)


def key_groups(screen) -> list[KeyGroup]:
    """The active keys of `screen`, grouped by where they are bound; one line per action."""
    from textual.app import App
    from textual.screen import Screen

    lines: dict[str, dict[tuple[str, str], list[str]]] = {SCREEN: {}, EVERYWHERE: {}, FIELD: {}}
    for pressed, active in screen.active_bindings.items():
        binding = active.binding
        if not binding.description or not readable(binding) or not active.enabled:
            continue
        if not pressed.isascii() and len(pressed) == 1:  # the Cyrillic-layout twin of a letter key
            continue
        group = EVERYWHERE if isinstance(active.node, App) else SCREEN if isinstance(active.node, Screen) else FIELD
        shown = key_label(pressed)
        entry = lines[group].setdefault((binding.action, binding.description), [])
        if shown not in entry:
            entry.append(shown)
    return [
        KeyGroup(title, [(", ".join(keys), description) for (_action, description), keys in found.items()])
        for title, found in lines.items()
        if found
    ]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [key("escape,f1,q,й", "dismiss", N_("Close"))]

    def __init__(self, groups: list[KeyGroup]) -> None:
        super().__init__()
        self.groups = groups

    def compose(self) -> ComposeResult:
        text = Text()
        app = self.app
        if app.store.read_only:  # the header's short mark, in full
            text.append(app.read_only_reason() + "\n\n", style="bold")
        width = max([len(keys) for group in self.groups for keys, _d in group.keys] + [8]) + 2
        for group in self.groups:
            text.append(_(group.title) + "\n", style="bold")
            for keys, description in group.keys:
                text.append(f"  {keys:<{width}}{description}\n")
            text.append("\n")
        text.append(_("How it works") + "\n", style="bold")
        for line in (
            _("Everything is saved at once in one file; a backup is made each day in the backups folder."),
            _("Letter keys also work in the Cyrillic layout. Esc goes back, Tab moves between fields."),
            _("F7 chooses the academic year, F8 the methodical association, from any screen."),
        ):
            text.append(line + "\n")
        with Vertical(classes="dialog help"):
            yield Static(_("Help") + "  (Esc)", classes="title", markup=False)
            with VerticalScroll():
                yield Static(text)
