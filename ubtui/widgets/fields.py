"""A form field: a label, the input, and the message of what is wrong with it."""

from __future__ import annotations

import datetime as dt

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from ubtui.domain.dates import TypedDateError, parse_typed_date
from ubtui.i18n import _, format_date


class Field(Vertical):
    """Label and input on one line, the message of what is wrong below it (hidden until then)."""

    DEFAULT_CSS = """
    Field { height: auto; }
    Field > Horizontal { height: auto; }
    Field > Horizontal > Label { width: 24; color: $text-muted; }
    Field > Horizontal > Input { width: 1fr; height: 1; border: none; padding: 0 1; background: $boost; }
    Field > Horizontal > Input:focus { background: $primary 30%; border: none; }
    Field > Horizontal > Input.-invalid { background: $error 20%; border: none; }
    Field > Horizontal > Input.-invalid:focus { background: $error 30%; border: none; }
    Field > Horizontal > TextArea { width: 1fr; height: 4; border: none; padding: 0 1; background: $boost; }
    Field > Horizontal > TextArea:focus { background: $primary 20%; border: none; }
    Field > Horizontal > Select { width: 1fr; height: auto; }
    Field > Horizontal > Select > SelectCurrent { border: none; height: 1; padding: 0 1; background: $boost; }
    Field > Horizontal > Select:focus > SelectCurrent { background: $primary 30%; }
    Field > Horizontal > Checkbox { border: none; height: 1; padding: 0; background: $boost; }
    Field > Horizontal > Checkbox:focus { background: $primary 30%; }
    Field > Horizontal > SelectionList { width: 1fr; height: 8; border: none; padding: 0; background: $boost; }
    Field > .error { color: $error; height: auto; padding-left: 24; display: none; }
    Field > .error.-shown { display: block; }
    """

    def __init__(self, label: str, control: Widget, *, name: str, required: bool = False) -> None:
        super().__init__(id=f"field-{name}")
        self.field_name = name
        self.label = label + (" *" if required else "")
        self.control = control

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Label(self.label, markup=False)
            yield self.control
        yield Static("", classes="error", markup=False)

    def show_error(self, message: str) -> None:
        error = self.query_one(".error", Static)
        error.update(message)
        error.set_class(bool(message), "-shown")
        self.set_class(bool(message), "-problem")

    def on_input_blurred(self, event: Input.Blurred) -> None:
        """Leaving a field says at once what is wrong with it (or that it is now right)."""
        result = event.validation_result
        if result is None:
            return
        self.show_error("" if result.is_valid else result.failure_descriptions[0])

    def clear_error(self) -> None:
        self.show_error("")


class DateValidator(Validator):
    """Accepts `14.09.2025`, `14.9.2025` or `2025-09-14`; empty is allowed unless required.

    The failure says exactly what is wrong (the domain's `parse_typed_date` knows)."""

    def __init__(self, required: bool = False) -> None:
        super().__init__()
        self.required = required

    def validate(self, value: str) -> ValidationResult:
        if not value.strip():
            return self.failure(_("Enter a date, e.g. 30.08.2025.")) if self.required else self.success()
        try:
            parse_typed_date(value)
        except TypedDateError as error:
            return self.failure(str(error))
        return self.success()


class DateInput(Input):
    """A plain one-line input for a date: what is typed always shows; it is checked on leaving and on save."""


def date_problem(widget: Input) -> str:
    """What is wrong with the typed date ("" when it is a date or empty)."""
    try:
        read_date(widget, strict=True)
    except TypedDateError as error:
        return str(error)
    return ""


class IntegerValidator(Validator):
    def __init__(self, low: int, high: int) -> None:
        super().__init__()
        self.low, self.high = low, high

    def validate(self, value: str) -> ValidationResult:
        try:
            number = int(value.strip())
        except ValueError:
            return self.failure(_("Enter a whole number."))
        if not self.low <= number <= self.high:
            return self.failure(_("Enter a whole number from {low} to {high}.").format(low=self.low, high=self.high))
        return self.success()


def date_input(value: dt.date | None, *, required: bool = False, id: str | None = None) -> DateInput:
    return DateInput(
        format_date(value, long=False),
        placeholder=_("dd.mm.yyyy"),
        validators=[DateValidator(required)],
        validate_on=["blur", "submitted"],  # not while typing: a half-typed date is not an error yet
        id=id,
    )


def read_date(widget: Input, *, strict: bool = False) -> dt.date | None:
    """The typed date, None when empty.  A text that is not a date reads as None (the field's
    validator reports it beside the field) unless `strict`, which raises TypedDateError."""
    text = widget.value.strip()
    if not text:
        return None
    try:
        return parse_typed_date(text)
    except TypedDateError:
        if strict:
            raise
        return None


def choice(options: list[tuple[str, str]], value: str, *, id: str) -> Select[str]:
    """A Select of (label, code) pairs with a translated prompt and no blank."""
    return Select(plain_options(options), value=value, allow_blank=False, prompt=_("Select"), id=id)


def plain_options(options: list[tuple[Any, str]]) -> list[tuple[Any, str]]:
    """(label, value) pairs whose labels are plain text: a name such as `[/]x` is shown as typed."""
    return [(Text(label) if isinstance(label, str) else label, value) for label, value in options]


def int_input(value: int | None, low: int, high: int, *, id: str) -> Input:
    """An optional whole number (empty is allowed)."""
    return Input("" if value is None else str(value), validators=[OptionalInteger(low, high)],
                 validate_on=["blur", "submitted"], id=id)


class OptionalInteger(IntegerValidator):
    def validate(self, value: str) -> ValidationResult:
        return self.success() if not value.strip() else super().validate(value)


def read_int(widget: Input) -> int | None:
    """The typed whole number; None when empty or not a number (the field's validator says why)."""
    text = widget.value.strip()
    try:
        return int(text) if text else None
    except ValueError:
        return None
