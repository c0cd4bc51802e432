"""One activity of a mentoring pair's plan: what, when, done."""

from __future__ import annotations

import dataclasses

from textual.app import ComposeResult
from textual.widgets import Checkbox, Input

from ubtui.domain.mentoring import MentorPlanItem, validate_plan_item
from ubtui.domain.validation import Problems
from ubtui.i18n import _
from ubtui.screens.form import FormScreen
from ubtui.widgets.fields import Field


class MentorPlanItemForm(FormScreen[MentorPlanItem]):
    """Returns the item; the caller saves it into the pair."""

    def __init__(self, item: MentorPlanItem) -> None:
        super().__init__()
        self.item = item
        self.form_title = _("Plan item of the pair")

    def compose_fields(self) -> ComposeResult:
        i = self.item
        yield Field(_("Activity"), Input(i.activity, id="activity"), name="activity", required=True)
        yield Field(_("When"), Input(i.when, placeholder=_("e.g. October, every month"), id="when"), name="when")
        yield Field(_("Done"), Checkbox(_("done"), i.done, id="done"), name="done")

    def build(self) -> tuple[MentorPlanItem, Problems]:
        item = dataclasses.replace(
            self.item,
            activity=self.query_one("#activity", Input).value.strip(),
            when=self.query_one("#when", Input).value.strip(),
            done=self.query_one("#done", Checkbox).value,
        )
        return item, validate_plan_item(item)
