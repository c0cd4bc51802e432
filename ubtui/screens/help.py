"""F1: the keys and a few words on how ubtui works."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ubtui.i18n import N_, _
from ubtui.widgets.keys import key


class HelpScreen(ModalScreen[None]):
    BINDINGS = [key("escape,f1,q,й", "dismiss", N_("Close"))]

    def __init__(self, screen_keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.screen_keys = screen_keys

    def compose(self) -> ComposeResult:
        lines = [f"[b]{_('Keys')}[/b]"]
        for key, description in self.screen_keys:
            lines.append(f"  {key:<12} {description}")
        lines += [
            "",
            f"[b]{_('How it works')}[/b]",
            _("Everything is saved at once in one file; a backup is made each day in the backups folder."),
            _("Letter keys also work in the Cyrillic layout. Esc goes back, Tab moves between fields."),
            _("F7 chooses the academic year, F8 the methodical association, from any screen."),
        ]
        with Vertical(classes="dialog help"):
            yield Static(_("Help") + "  [Esc]", classes="title")
            with VerticalScroll():
                yield Static("\n".join(lines), markup=True)
