"""Choosing a person: a teacher of the school (Kyrgyz order), or an outside guest typed by name."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Select

from ubtui.domain.people import Person
from ubtui.i18n import _

GUEST = "=guest"  # the option that opens the free-text name (never a teacher id: those are uuids)


class PersonField(Horizontal):
    """One line: a Select of teachers (type a letter to jump) with "Outside guest…" last; for a
    guest, a name field beside it. `person` is what is chosen."""

    DEFAULT_CSS = """
    PersonField { height: 1; width: 1fr; }
    PersonField > Select { width: 1fr; }
    PersonField > Input { width: 1fr; height: 1; border: none; padding: 0 1; display: none; }
    PersonField.-guest > Input { display: block; }
    """

    def __init__(self, person: Person, choices: list[tuple[str, str]], *, classes: str = "", id: str | None = None) -> None:
        """`choices`: (name, teacher id) in the order shown (the caller sorts them)."""
        super().__init__(classes=("person " + classes).strip(), id=id)
        self._person = person
        self._choices = choices

    def compose(self) -> ComposeResult:
        known = {teacher_id for _name, teacher_id in self._choices}
        options = list(self._choices)
        if self._person.teacher_id and self._person.teacher_id not in known:
            options.append(("?", self._person.teacher_id))  # not in the file any more: kept as it was
        options.append((_("Outside guest…"), GUEST))
        if self._person.teacher_id:
            value: str | object = self._person.teacher_id
        elif self._person.guest.strip():
            value = GUEST
        else:
            value = Select.NULL
        yield Select(options, value=value, allow_blank=True, prompt="—", compact=True, type_to_search=True,
                     classes="person-choice")
        yield Input(self._person.guest, placeholder=_("the guest's name"), classes="person-guest")

    def on_mount(self) -> None:
        self.set_class(self._chosen() == GUEST, "-guest")

    def _chosen(self) -> str:
        value = self.query_one(".person-choice", Select).value
        return "" if value is Select.NULL or value is None else str(value)

    @on(Select.Changed, ".person-choice")
    def _changed(self, event: Select.Changed) -> None:
        guest = self._chosen() == GUEST
        self.set_class(guest, "-guest")
        focused = self.screen.focused
        if guest and focused is not None and self in focused.ancestors_with_self:  # chosen by the user, not filled
            self.call_after_refresh(self.query_one(".person-guest", Input).focus)

    @property
    def person(self) -> Person:
        chosen = self._chosen()
        if chosen == GUEST:
            return Person.of_guest(self.query_one(".person-guest", Input).value)
        return Person.of_teacher(chosen) if chosen else Person()

    def choose(self, person: Person) -> None:
        """Set what is chosen (tests and callers filling the form)."""
        select = self.query_one(".person-choice", Select)
        if person.teacher_id:
            select.value = person.teacher_id
        elif person.guest.strip():
            select.value = GUEST
            self.query_one(".person-guest", Input).value = person.guest
        else:
            select.clear()
        self.set_class(self._chosen() == GUEST, "-guest")
