"""Marking an event held: the day it was held and the analysis (strengths, weaknesses, recommendations, rating)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, TextArea

from ubtui.domain.lessons import Analysis, LessonEvent, held, validate_analysis
from ubtui.domain.validation import Problems
from ubtui.i18n import _
from ubtui.screens.form import FormScreen
from ubtui.store import Store
from ubtui.widgets.fields import Field, date_input, read_date


class HeldForm(FormScreen[LessonEvent]):
    def __init__(self, store: Store, event: LessonEvent) -> None:
        super().__init__()
        self.store = store
        self.event = event
        self.form_title = _("Held: {topic}").format(topic=event.topic)

    def compose_fields(self) -> ComposeResult:
        a = self.event.analysis
        yield Field(_("Held on"), date_input(self.event.date, required=True, id="date"), name="date", required=True)
        yield Field(_("Strengths"), TextArea(a.strengths, id="strengths", soft_wrap=True), name="strengths")
        yield Field(_("Weaknesses"), TextArea(a.weaknesses, id="weaknesses", soft_wrap=True), name="weaknesses")
        yield Field(_("Recommendations"), TextArea(a.recommendations, id="recommendations", soft_wrap=True), name="recommendations")
        yield Field(_("Rating"), Input(a.rating, placeholder=_("on the school's scale, e.g. 5"), id="rating"), name="rating")

    def build(self) -> tuple[LessonEvent, Problems]:
        analysis = Analysis(
            strengths=self.query_one("#strengths", TextArea).text.strip(),
            weaknesses=self.query_one("#weaknesses", TextArea).text.strip(),
            recommendations=self.query_one("#recommendations", TextArea).text.strip(),
            rating=self.query_one("#rating", Input).value.strip(),
        )
        event = held(self.event, analysis, read_date(self.query_one("#date", Input)))
        problems = validate_analysis(analysis)
        if not problems:
            problems = self.store.lessons.repo.validate(event)
        return event, problems

    def store_save(self, record: LessonEvent) -> LessonEvent:
        return self.store.lessons.save(record)
