"""Choosing the academic year or the association, from any screen."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ubtui.i18n import N_
from ubtui.widgets.keys import key


class PickScreen(ModalScreen[str | None]):
    """A list of (id, text); returns the chosen id, or None on Esc."""

    BINDINGS = [key("escape", "dismiss(None)", N_("Cancel"))]
    AUTO_FOCUS = "OptionList"

    def __init__(self, title: str, choices: list[tuple[str, str]], current: str | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog picker"):
            yield Static(self.title_text, classes="title", markup=False)
            yield OptionList(*(Option(Text(text), id=key) for key, text in self.choices))

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        for index, (key, _text) in enumerate(self.choices):
            if key == self.current:
                options.highlighted = index

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
