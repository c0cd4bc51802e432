"""A yes/no question, asked before anything is deleted or thrown away."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ubtui.i18n import N_, _
from ubtui.widgets.keys import key


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = [
        key("y,н,enter", "answer(True)", N_("Yes"), show=False),
        key("escape,n,т", "answer(False)", N_("No"), show=False),
    ]
    AUTO_FOCUS = "#no"

    def __init__(self, question: str, yes: str | None = None) -> None:
        super().__init__()
        self.question = question
        self.yes = yes or _("Yes")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="question", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(self.yes, id="yes", variant="error")
                yield Button(_("No"), id="no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)
