"""A mentoring pair: mentor, young teacher, the director's order, period, goals, status, report."""

from __future__ import annotations

import dataclasses

from textual.app import ComposeResult
from textual.widgets import Input, Select, TextArea

from ubtui.domain.mentoring import Mentorship, status_choices
from ubtui.domain.validation import Problems
from ubtui.i18n import _
from ubtui.screens.form import FormScreen
from ubtui.store import Store
from ubtui.widgets.fields import Field, choice, date_input, read_date


def teacher_choices(store: Store, *keep: str) -> list[tuple[str, str]]:
    """Active teachers by name, plus any already chosen who has left since."""
    options = [(t.full_name, t.id) for t in store.sorted_teachers()]
    known = {tid for _n, tid in options}
    for teacher_id in keep:
        if teacher_id and teacher_id not in known:
            old = store.teachers.find(teacher_id)
            options.append((old.full_name if old else "?", teacher_id))
            known.add(teacher_id)
    return options


class MentorshipForm(FormScreen[Mentorship]):
    def __init__(self, store: Store, pair: Mentorship, *, new: bool = False) -> None:
        super().__init__()
        self.store = store
        self.pair = pair
        self.form_title = _("New mentoring pair") if new else _("Mentoring pair")

    def compose_fields(self) -> ComposeResult:
        p = self.pair
        teachers = teacher_choices(self.store, p.mentor_id, p.young_id)
        blank = [(_("(choose)"), "")]
        yield Field(_("Young teacher"), choice(blank + teachers, p.young_id, id="young_id"), name="young_id", required=True)
        yield Field(_("Mentor"), choice(blank + teachers, p.mentor_id, id="mentor_id"), name="mentor_id", required=True)
        yield Field(_("Order No."), Input(p.order_no, id="order_no"), name="order_no")
        yield Field(_("Order date"), date_input(p.order_date, id="order_date"), name="order_date")
        yield Field(_("Start"), date_input(p.start, id="start"), name="start")
        yield Field(_("End"), date_input(p.end, id="end"), name="end")
        yield Field(_("Goals"), TextArea(p.goals, id="goals", soft_wrap=True), name="goals")
        yield Field(_("Status"), choice(status_choices(), p.status, id="status"), name="status")
        yield Field(_("Final report"), TextArea(p.report, id="report", soft_wrap=True), name="report")

    def build(self) -> tuple[Mentorship, Problems]:
        pair = dataclasses.replace(
            self.pair,
            young_id=str(self.query_one("#young_id", Select).value),
            mentor_id=str(self.query_one("#mentor_id", Select).value),
            order_no=self.query_one("#order_no", Input).value.strip(),
            order_date=read_date(self.query_one("#order_date", Input)),
            start=read_date(self.query_one("#start", Input)),
            end=read_date(self.query_one("#end", Input)),
            goals=self.query_one("#goals", TextArea).text.strip(),
            status=str(self.query_one("#status", Select).value),
            report=self.query_one("#report", TextArea).text.strip(),
        )
        if pair.young_id != self.pair.young_id:  # the pair belongs to the young teacher's association
            young = self.store.teachers.find(pair.young_id)
            pair.association_id = young.association_id if young else ""
        return pair, self.store.mentoring.repo.validate(pair)

    def store_save(self, record: Mentorship) -> Mentorship:
        return self.store.mentoring.save(record)
