"""The form of an academic year: its label, dates and four quarters."""

from __future__ import annotations

import dataclasses
import datetime as dt

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input

from ubtui.domain.validation import Problems
from ubtui.domain.years import AcademicYear, Quarter, default_year, year_label_for
from ubtui.i18n import _
from ubtui.screens.form import FormScreen
from ubtui.store import Store
from ubtui.widgets.fields import Field, date_input, read_date


class YearForm(FormScreen[AcademicYear]):
    def __init__(self, store: Store, year: AcademicYear | None = None, today: dt.date | None = None) -> None:
        super().__init__()
        self.store = store
        if year is None:
            latest = max((y.start.year for y in store.years.all()), default=None)
            year = default_year(latest + 1 if latest else int(year_label_for(today or dt.date.today())[:4]))
            self.is_new = True
        else:
            self.is_new = False
        self.year = year
        self.form_title = _("New academic year") if self.is_new else _("Academic year {label}").format(label=year.label)

    def compose_fields(self) -> ComposeResult:
        y = self.year
        yield Field(_("Academic year"), Input(y.label, placeholder="2025-2026", id="label"), name="label", required=True)
        with Horizontal(classes="row"):
            yield Field(_("Start"), date_input(y.start, required=True, id="start"), name="start", required=True)
            yield Field(_("End"), date_input(y.end, required=True, id="end"), name="end", required=True)
        quarters = {q.number: q for q in y.quarters}
        for number in range(1, 5):
            q = quarters.get(number)
            with Horizontal(classes="row"):
                yield Field(
                    _("Quarter {n}: start").format(n=number),
                    date_input(q.start if q else None, id=f"q{number}-start"),
                    name=f"q{number}",
                )
                yield Field(
                    _("Quarter {n}: end").format(n=number),
                    date_input(q.end if q else None, id=f"q{number}-end"),
                    name=f"q{number}-end",
                )

    def build(self) -> tuple[AcademicYear, Problems]:
        quarters = []
        for number in range(1, 5):
            start = read_date(self.query_one(f"#q{number}-start", Input))
            end = read_date(self.query_one(f"#q{number}-end", Input))
            if start and end:
                quarters.append(Quarter(number, start, end))
        year = dataclasses.replace(
            self.year,
            label=self.query_one("#label", Input).value.strip(),
            start=read_date(self.query_one("#start", Input)),
            end=read_date(self.query_one("#end", Input)),
            quarters=quarters,
        )
        return year, self.store.years.validate(year)

    def store_save(self, record: AcademicYear) -> AcademicYear:
        return self.store.years.save(record)

