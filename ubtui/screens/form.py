"""The base of every modal form: fields, validation beside each field, save and cancel."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Select, SelectionList, Static, TextArea

from ubtui.domain.validation import Problems, ValidationError
from ubtui.errors import UserError
from ubtui.i18n import N_, _, ngettext
from ubtui.screens.confirm import ConfirmScreen
from ubtui.widgets.fields import Field
from ubtui.widgets.focus import FieldScroll, no_scroller_stops
from ubtui.widgets.keys import key

T = TypeVar("T")


class FormScreen(ModalScreen[T], Generic[T]):
    """Subclasses give `form_title`, `compose_fields()` and `build()`; `store_save()` persists."""

    BINDINGS = [
        key("f2,ctrl+s", "save", N_("Save")),
        key("escape", "cancel", N_("Cancel")),
    ]
    form_title = ""

    def __init__(self) -> None:
        super().__init__()
        self._dirty = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form"):
            yield Static(self.form_title, classes="title", markup=False)
            with FieldScroll(classes="fields"):
                yield from self.compose_fields()
            yield Static("", id="form-message", classes="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(_("Save") + " [F2]", id="save", variant="primary")
                yield Button(_("Cancel") + " [Esc]", id="cancel")

    def on_mount(self) -> None:
        no_scroller_stops(self)
        # Filling the fields fires Changed events; only what the user types counts.
        self.call_after_refresh(self._reset_dirty)

    def _reset_dirty(self) -> None:
        self._dirty = False

    def compose_fields(self) -> ComposeResult:
        raise NotImplementedError

    def build(self) -> tuple[Any, Problems]:
        """The record made from the fields, and what is wrong with them."""
        raise NotImplementedError

    def store_save(self, record: Any) -> Any:
        """Persist the record; the default hands it back to the caller unsaved."""
        return record

    def has_unsaved_changes(self) -> bool:
        """Asked by the app before it quits."""
        return self._dirty

    def warnings(self, record: Any) -> list[str]:
        """Doubts to confirm before saving (e.g. a likely duplicate); empty by default."""
        return []

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    @on(SelectionList.SelectedChanged)
    def _changed(self) -> None:
        self._dirty = True

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        record, problems = self.check()
        if problems:
            self._show(problems)
            return
        doubts = self.warnings(record)
        if not doubts:
            self._save(record)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._save(record)

        self.app.push_screen(ConfirmScreen("\n".join(doubts), yes=_("Save")), answered)

    def check(self) -> tuple[Any, Problems]:
        """The record and every problem of the form at once: each field's own check (a date that
        does not exist, a number out of range) and the record's rules for the other fields."""
        problems = Problems()
        for field in self.query(Field):
            field.clear_error()
            control = field.control
            if isinstance(control, Input) and control.validators:
                result = control.validate(control.value)
                if result is not None and not result.is_valid:
                    problems.add(field.field_name, result.failure_descriptions[0])
        try:
            record, rules = self.build()
        except ValueError:  # a field that cannot be read at all; its own check said why
            if not problems:
                raise
            return None, problems
        for name, messages in rules.by_field.items():
            if name not in problems.by_field:  # a field with its own problem says that one only
                for message in messages:
                    problems.add(name, message)
        return record, problems

    def save_for_quit(self) -> bool:
        """Save for "save and quit": True when saved (a failed check stays and shows the problems)."""
        record, problems = self.check()
        if problems:
            self._show(problems)
            return False
        try:
            saved = self.store_save(record)
        except ValidationError as error:
            self._show(error.problems)
            return False
        except UserError as error:
            self.query_one("#form-message", Static).update(str(error))
            return False
        self._dirty = False
        if type(self).store_save is FormScreen.store_save:
            self.dismiss(saved)  # the caller stores it
        return True

    def _save(self, record: Any) -> None:
        try:
            saved = self.store_save(record)
        except ValidationError as error:
            self._show(error.problems)
        except UserError as error:
            self.query_one("#form-message", Static).update(str(error))
        else:
            self.dismiss(saved)

    def _show(self, problems: Problems) -> None:
        fields = {f.field_name: f for f in self.query(Field)}
        unplaced = []
        first = None
        for name, messages in problems.by_field.items():
            if name in fields:
                fields[name].show_error(" ".join(messages))
            else:
                unplaced.extend(messages)
        # The first problem in the order of the form takes the focus.
        first = next((f for f in fields.values() if f.field_name in problems.by_field), None)
        count = sum(1 for name in problems.by_field if name in fields)
        marked = ngettext("Please correct the marked field.", "Please correct the {n} marked fields.", count).format(n=count)
        self.query_one("#form-message", Static).update(" ".join([*unplaced, marked] if count else unplaced))
        if first is not None:
            first.control.focus()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if not self._dirty:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen(_("Throw away the changes in this form?"), yes=_("Throw away")), answered)
