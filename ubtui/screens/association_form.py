"""The form of a methodical association: name, area, head, secretary, and its members."""

from __future__ import annotations

import dataclasses

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, SelectionList

from ubtui.domain.associations import Association
from ubtui.domain.validation import Problems
from ubtui.i18n import _
from ubtui.screens.form import FormScreen
from ubtui.store import Store
from ubtui.widgets.fields import Field


class AssociationForm(FormScreen[Association]):
    """Members are chosen from the teachers (Space marks one); a teacher belongs to one association."""

    def __init__(self, store: Store, association: Association | None = None) -> None:
        super().__init__()
        self.store = store
        self.association = association or Association()
        self.form_title = _("New methodical association") if association is None else _("Methodical association")

    def compose_fields(self) -> ComposeResult:
        a = self.association
        yield Field(_("Name"), Input(a.name, id="name"), name="name", required=True)
        yield Field(_("Area and subjects"), Input(a.area, id="area"), name="area")
        yield Field(_("Head"), Input(a.head, id="head"), name="head")
        yield Field(_("Secretary"), Input(a.secretary, id="secretary"), name="secretary")
        names = {x.id: x.name for x in self.store.associations.all()}
        choices = []
        for teacher in self.store.sorted_teachers():
            other = names.get(teacher.association_id) if teacher.association_id != a.id else None
            label = teacher.full_name + (f"  ({other})" if other else "")
            choices.append((Text(label), teacher.id, teacher.association_id == a.id and bool(a.id)))
        yield Field(_("Members (Space marks)"), SelectionList[str](*choices, id="members"), name="members")

    def build(self) -> tuple[Association, Problems]:
        association = dataclasses.replace(
            self.association,
            name=self.query_one("#name", Input).value.strip(),
            area=self.query_one("#area", Input).value.strip(),
            head=self.query_one("#head", Input).value.strip(),
            secretary=self.query_one("#secretary", Input).value.strip(),
        )
        return association, self.store.associations.validate(association)

    def store_save(self, record: Association) -> Association:
        members = list(self.query_one("#members", SelectionList).selected)
        return self.store.save_association(record, members)
