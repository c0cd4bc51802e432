"""The form of a methodical association: name, area, head, secretary, members."""

from __future__ import annotations

import dataclasses

from textual.app import ComposeResult
from textual.widgets import Input, TextArea

from ubtui.domain.associations import Association, Member
from ubtui.domain.validation import Problems
from ubtui.i18n import _
from ubtui.screens.form import FormScreen
from ubtui.store import Store
from ubtui.widgets.fields import Field


class AssociationForm(FormScreen[Association]):
    def __init__(self, store: Store, association: Association | None = None) -> None:
        super().__init__()
        self.store = store
        self.association = association or Association()
        self.form_title = (
            _("New methodical association") if association is None else _("Methodical association")
        )

    def compose_fields(self) -> ComposeResult:
        a = self.association
        yield Field(_("Name"), Input(a.name, id="name"), name="name", required=True)
        yield Field(_("Area and subjects"), Input(a.area, id="area"), name="area")
        yield Field(_("Head"), Input(a.head, id="head"), name="head")
        yield Field(_("Secretary"), Input(a.secretary, id="secretary"), name="secretary")
        members = TextArea("\n".join(m.name for m in a.members), id="members", soft_wrap=True)
        yield Field(_("Members (one per line)"), members, name="members")

    def build(self) -> tuple[Association, Problems]:
        known = {m.name.strip(): m for m in self.association.members}
        names = [line.strip() for line in self.query_one("#members", TextArea).text.splitlines() if line.strip()]
        association = dataclasses.replace(
            self.association,
            name=self.query_one("#name", Input).value.strip(),
            area=self.query_one("#area", Input).value.strip(),
            head=self.query_one("#head", Input).value.strip(),
            secretary=self.query_one("#secretary", Input).value.strip(),
            members=[known.get(name) or Member(name=name) for name in names],
        )
        return association, self.store.associations.validate(association)

    def store_save(self, record: Association) -> Association:
        return self.store.associations.save(record)
