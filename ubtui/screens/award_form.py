"""An award of a teacher: one of the common ones, or any title."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Select

from ubtui.domain.teachers import Award, award_choices, award_level_choices
from ubtui.domain.validation import Problems
from ubtui.i18n import _
from ubtui.screens.form import FormScreen
from ubtui.widgets.fields import Field, choice, int_input, read_int


class AwardForm(FormScreen[Award]):
    """Returns the award; the caller adds it to the teacher and saves."""

    def __init__(self, award: Award | None = None) -> None:
        super().__init__()
        self.award = award or Award()
        self.form_title = _("New award") if award is None else _("Award")

    def compose_fields(self) -> ComposeResult:
        common = [(title, f"{index}") for index, (title, _level) in enumerate(award_choices())]
        yield Field(
            _("Common awards"),
            Select(common, prompt=_("Choose to fill in the title"), id="common"),
            name="common",
        )
        yield Field(_("Title"), Input(self.award.title, id="title"), name="title", required=True)
        yield Field(_("Level"), choice(award_level_choices(), self.award.level, id="level"), name="level")
        yield Field(_("Year"), int_input(self.award.year, 1950, 2100, id="year"), name="year")

    @on(Select.Changed, "#common")
    def _common_chosen(self, event: Select.Changed) -> None:
        if event.value is Select.BLANK:
            return
        title, level = award_choices()[int(str(event.value))]
        self.query_one("#title", Input).value = title
        self.query_one("#level", Select).value = level

    def build(self) -> tuple[Award, Problems]:
        award = Award(
            title=self.query_one("#title", Input).value.strip(),
            level=str(self.query_one("#level", Select).value),
            year=read_int(self.query_one("#year", Input)),
        )
        problems = Problems()
        if not award.title:
            problems.add("title", _("The title is required."))
        return award, problems
