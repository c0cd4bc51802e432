"""Small questions the sessions screens ask: why someone was absent, whether to save on leaving."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Static

from ubtui.i18n import N_, _
from ubtui.widgets.keys import key

# Usual reasons, offered as completions (the user may write any other).
REASONS = (
    N_("ill"),
    N_("on a qualification course"),
    N_("on a business trip"),
    N_("on leave"),
    N_("for family reasons"),
)


class ReasonScreen(ModalScreen[str | None]):
    """Why a member was absent; Enter keeps the text (may be empty), Esc keeps them present."""

    BINDINGS = [key("escape", "cancel", N_("Cancel"))]
    AUTO_FOCUS = "#reason"

    def __init__(self, name: str, reason: str = "") -> None:
        super().__init__()
        self.member_name = name
        self.reason = reason

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog reason"):
            yield Static(_("Why was {name} absent?").format(name=self.member_name), classes="question", markup=False)
            yield Input(
                self.reason,
                placeholder=_("the reason, e.g. ill"),
                suggester=SuggestFromList([_(r) for r in REASONS], case_sensitive=False),
                id="reason",
            )
            yield Static(_("Enter: save · →: take the suggestion · Esc: cancel"), classes="hint")

    @on(Input.Submitted, "#reason")
    def _done(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class LeaveScreen(ModalScreen[str]):
    """Unsaved text: save it, throw it away, or stay. Returns "save", "discard" or "stay"."""

    BINDINGS = [
        key("escape", "answer('stay')", N_("Stay")),
        key("f2,ctrl+s", "answer('save')", N_("Save")),
    ]
    AUTO_FOCUS = "#save"

    def __init__(self, question: str | None = None, *, save: str | None = None, discard: str | None = None) -> None:
        super().__init__()
        self.question = question or _("The session has changes that are not saved. Save them?")
        self.save_label = save or _("Save")
        self.discard_label = discard or _("Do not save")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="question", markup=False)
            with Horizontal(classes="buttons"):
                # Content, not markup: "[F2]" is a key to show, not a tag.
                yield Button(Content(self.save_label + " [F2]"), id="save", variant="primary")
                yield Button(Content(self.discard_label), id="discard", variant="error")
                yield Button(Content(_("Stay") + " [Esc]"), id="stay")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "stay")

    def action_answer(self, answer: str) -> None:
        self.dismiss(answer)


class QuitScreen(LeaveScreen):
    """F10 with typed text not saved: save and quit, quit without saving, or stay."""

    def __init__(self) -> None:
        super().__init__(
            _("Some typed text is not saved yet."),
            save=_("Save and quit"),
            discard=_("Quit without saving"),
        )
