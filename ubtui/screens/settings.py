"""Settings: the school, its rules, academic years, associations and the language."""

from __future__ import annotations

import dataclasses

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Checkbox, DataTable, Footer, Header, Input, RadioButton, RadioSet, Static, TabbedContent, TabPane, TextArea

from ubtui.domain.settings import RULE_LIMITS, SCHOOL_FIELDS, SCHOOL_NAME_FIELDS, Rules, deputy_from_line
from ubtui.domain.validation import Problems, ValidationError
from ubtui.errors import UserError
from ubtui.screens.editing import edits
from ubtui.i18n import LANGUAGE_NAMES, LANGUAGES, N_, _, format_date, ngettext
from ubtui.screens.association_form import AssociationForm
from ubtui.screens.confirm import ConfirmScreen
from ubtui.screens.year_form import YearForm
from ubtui.widgets.cells import Table
from ubtui.widgets.fields import Field, IntegerValidator
from ubtui.widgets.focus import FieldScroll, focus_first_field, no_scroller_stops, step_tab, tab_bindings
from ubtui.widgets.keys import key

MAX_SHOWN = 8  # lines of what is incomplete that the closing question shows

RULE_LABELS = {
    "course_hours": N_("Course hours required"),
    "course_period_years": N_("Course period, years"),
    "sessions_per_year": N_("Sessions per year, at least"),
    "seminars_per_year": N_("Practical seminars per year, at least"),
    "young_teacher_years": N_("A teacher counts as young for, years"),
}


class SettingsScreen(Screen[None]):
    BINDINGS = [
        key("escape", "back", N_("Back")),
        key("f2,ctrl+s", "save", N_("Save")),
        key("f2,n,т", "new", N_("New")),
        key("enter", "edit", N_("Edit"), show=False),
        key("delete", "delete", N_("Delete")),
        key("c,с", "close_year", N_("Close the year")),
        key("r,к", "reopen_year", N_("Reopen the year")),
        key("y,н", "year_from_last", N_("New year from the last")),
        key("v,м", "archive", N_("Archive")),
        *tab_bindings(),
    ]

    def compose(self) -> ComposeResult:
        settings = self.app.store.settings()
        yield Header(icon="≡")
        with TabbedContent(id="tabs"):
            with TabPane(_("School"), id="tab-school"):
                with FieldScroll():
                    for name, label, required in SCHOOL_FIELDS + SCHOOL_NAME_FIELDS:
                        # the genitive field shows, greyed, the form ubtui derives when it is left empty
                        hint = settings.school_genitive() if name == "school_genitive_override" else ""
                        control = Input(getattr(settings, name), id=name, placeholder=hint)
                        yield Field(_(label), control, name=name, required=required)
                    yield Static(_("Documents print: {title}").format(title=settings.school_title() or "—"),
                                 id="school-title-preview", classes="hint", markup=False)
                    deputies = "\n".join(f"{d.name}; {d.position_text()}" for d in settings.deputies)
                    yield Field(
                        _("Deputy directors (one per line: name; position)"),
                        TextArea(deputies, id="deputies", soft_wrap=True),
                        name="deputies",
                    )
                    yield Button(_("Save") + " [F2]", id="save-school", variant="primary")
            with TabPane(_("Rules"), id="tab-rules"):
                with FieldScroll():
                    yield Static(_("Numbers from the regulations; change them when the law changes."), classes="hint")
                    for name, label in RULE_LABELS.items():
                        low, high = RULE_LIMITS[name]
                        control = Input(str(getattr(settings.rules, name)), id=name, validators=[IntegerValidator(low, high)],
                                        validate_on=["blur", "submitted"])
                        yield Field(_(label), control, name=name)
                    yield Button(_("Save") + " [F2]", id="save-rules", variant="primary")
            with TabPane(_("Academic years"), id="tab-years"):
                with Vertical():
                    yield Static(_("F2 new · y new from the last · Enter edit · c close · r reopen · v archive"),
                                 classes="hint")
                    yield Table(id="years", cursor_type="row", zebra_stripes=True)
            with TabPane(_("Associations"), id="tab-associations"):
                with Vertical():
                    yield Static(_("F2 new · Enter edit · Del delete"), classes="hint")
                    yield Table(id="associations", cursor_type="row", zebra_stripes=True)
            with TabPane(_("Language"), id="tab-language"):
                with Vertical():
                    with RadioSet(id="language"):
                        for code in LANGUAGES:
                            yield RadioButton(LANGUAGE_NAMES[code], value=code == settings.language, id=f"lang-{code}")
                    yield Checkbox(_("Plain display: only the console font's letters, simple borders"),
                                   settings.plain_display, id="plain-display")
                    yield Static(_("For the Linux text console and old Windows consoles (there it is on anyway); "
                                   "takes effect at the next start."), classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        years = self.query_one("#years", DataTable)
        # Fixed widths that fit 80 columns: a longer name ends in "…", never off the screen.
        for key, label, width in (("label", _("Academic year"), 12), ("start", _("Start"), 10), ("end", _("End"), 10),
                                  ("closed", _("State"), 24)):
            years.add_column(label, key=key, width=width)
        associations = self.query_one("#associations", DataTable)
        for key, label, width in (("name", _("Name"), 30), ("head", _("Head"), 28), ("members", _("Members"), 9)):
            associations.add_column(label, key=key, width=width)
        self.reload_tables()
        self._saved_values = self._typed_values()
        no_scroller_stops(self)

    # --- unsaved typing in the School and Rules tabs ----------------------------------

    def _typed_values(self) -> tuple[str, ...]:
        return self._typed_part("school") + self._typed_part("rules")

    def has_unsaved_changes(self) -> bool:
        """Asked before leaving and by the app before it quits."""
        return self._typed_values() != self._saved_values

    def action_back(self) -> None:
        if not self.has_unsaved_changes():
            self.app.pop_screen()
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.app.pop_screen()

        self.app.push_screen(
            ConfirmScreen(_("The school or the rules were changed but not saved (F2). Leave without saving?"), yes=_("Leave")),
            answered,
        )

    # --- which tab ---------------------------------------------------------------

    @property
    def tab(self) -> str:
        return self.query_one("#tabs", TabbedContent).active

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save":
            return self.tab in ("tab-school", "tab-rules")
        if action in ("new", "edit", "delete"):
            return self.tab in ("tab-years", "tab-associations")
        if action in ("close_year", "reopen_year", "year_from_last", "archive"):
            return self.tab == "tab-years"
        return True

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self.refresh_bindings()
        focus_first_field(self, self.query_one("#tabs", TabbedContent))

    def action_next_tab(self) -> None:
        step_tab(self.query_one("#tabs", TabbedContent), 1)

    def action_previous_tab(self) -> None:
        step_tab(self.query_one("#tabs", TabbedContent), -1)

    # --- tables --------------------------------------------------------------------

    def reload_tables(self) -> None:
        store = self.app.store
        years = self.query_one("#years", DataTable)
        associations = self.query_one("#associations", DataTable)
        with self.app.batch_update():
            years.clear()
            for year in reversed(store.sorted_years()):
                years.add_row(
                    year.label,
                    format_date(year.start, long=False),
                    format_date(year.end, long=False),
                    _("closed") if year.closed else _("open"),
                    key=year.id,
                )
            associations.clear()
            for item in store.sorted_associations():
                associations.add_row(item.name, item.head, str(len(item.members)), key=item.id)

    def _selected(self, table_id: str) -> str | None:
        table = self.query_one(table_id, DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def _after_form(self, saved: object) -> None:
        if saved is not None:
            self.reload_tables()
            self.app.context_changed()
            self.notify(_("Saved."))

    @edits
    def action_new(self) -> None:
        store = self.app.store
        if self.tab == "tab-years":
            self.app.push_screen(YearForm(store, today=self.app.today), self._after_form)
        else:
            self.app.push_screen(AssociationForm(store), self._after_form)

    @edits
    @on(DataTable.RowSelected)
    def action_edit(self) -> None:
        store = self.app.store
        if self.tab == "tab-years" and (key := self._selected("#years")):
            year = store.years.get(key)
            if not self.app.refuse_edit(year):  # a closed year says so at once
                self.app.push_screen(YearForm(store, year), self._after_form)
        elif self.tab == "tab-associations" and (key := self._selected("#associations")):
            self.app.push_screen(AssociationForm(store, store.associations.get(key)), self._after_form)

    @edits
    def action_delete(self) -> None:
        store = self.app.store
        if self.tab == "tab-years":
            key = self._selected("#years")
            repo, remove, what = store.years, store.delete_year, _("the academic year {name}")
        else:
            key = self._selected("#associations")
            repo, remove, what = store.associations, store.delete_association, _("the association «{name}»")
        if key is None:
            return
        record = repo.get(key)
        if self.tab == "tab-years" and self.app.refuse_edit(record):
            return
        name = getattr(record, "label", None) or getattr(record, "name", "")

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                remove(key)
            except UserError as error:
                self.notify(str(error), severity="error")
                return
            self.reload_tables()
            self.app.context_changed()
            self.notify(_("Deleted."))

        self.app.push_screen(ConfirmScreen(_("Delete {what}?").format(what=what.format(name=name)), yes=_("Delete")), answered)

    # --- closing, reopening and starting a year (store/years.py) -----------------------------------

    def _selected_year(self):  # -> AcademicYear | None
        key = self._selected("#years")
        return self.app.store.years.get(key) if key else None

    @edits
    def action_close_year(self) -> None:
        from ubtui.domain.attention import incomplete
        from ubtui.store.overview import overview
        from ubtui.store.years import close_year

        year = self._selected_year()
        if year is None:
            return
        if year.closed:
            self.notify(_("The academic year {label} is already closed.").format(label=year.label), severity="warning")
            return
        app = self.app
        left = incomplete(overview(app.store, year, None, app.today))
        lines = [f"! {line.label}: {line.value}" for line in left[:MAX_SHOWN]]
        if len(left) > MAX_SHOWN:
            lines.append(_("… and {n} more (see the home screen)").format(n=len(left) - MAX_SHOWN))
        head = _("Still incomplete in {label}:").format(label=year.label) if left else _(
            "Nothing is left incomplete in {label}.").format(label=year.label)
        question = _("Close the academic year {label}? Nothing in it can be changed afterwards (it can be reopened).").format(
            label=year.label)

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                close_year(app.store, year.id)
            except UserError as error:
                self.notify(str(error), severity="error")
                return
            self.reload_tables()
            app.context_changed()
            self.notify(_("The academic year {label} is closed (archive): it is read-only; the names of its people are "
                          "kept as they are today.").format(label=year.label))

        app.push_screen(ConfirmScreen("\n".join([head, *lines, "", question]), yes=_("Close the year")), answered)

    def action_reopen_year(self) -> None:
        from ubtui.store.years import reopen_year

        year = self._selected_year()
        if year is None or self.app.refuse_edit():
            return
        if not year.closed:
            self.notify(_("The academic year {label} is not closed.").format(label=year.label), severity="warning")
            return
        app = self.app

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                reopen_year(app.store, year.id)
            except UserError as error:
                self.notify(str(error), severity="error")
                return
            self.reload_tables()
            app.context_changed()
            self.notify(_("The academic year {label} is open for changes again.").format(label=year.label))

        app.push_screen(ConfirmScreen(_("Reopen the academic year {label} for changes?").format(label=year.label),
                                      yes=_("Reopen the year")), answered)

    @edits
    def action_year_from_last(self) -> None:
        from ubtui.store.years import next_year, start_year

        app = self.app
        years = app.store.sorted_years()
        new = next_year(app.store, app.today)
        source = years[-1] if years else None
        question = _("Start the academic year {label} with the usual quarter dates?").format(label=new.label)
        if source is not None:
            question += " " + _("Each association's work plan of {source} is copied (dates a year later, statuses "
                                "reset); the associations and their members stay as they are.").format(source=source.label)

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                made = start_year(app.store, source, app.today, year=new)
            except UserError as error:
                self.notify(str(error), severity="error")
                return
            self.reload_tables()
            app.context_changed()
            self.notify(ngettext("{label} added; {n} work plan copied.", "{label} added; {n} work plans copied.",
                                 made.plans).format(label=made.year.label, n=made.plans))

        app.push_screen(ConfirmScreen(question, yes=_("Start the year")), answered)

    def action_archive(self) -> None:
        from ubtui.app import load_screen  # imported on first use, with its keys' words translated

        self.app.push_screen(load_screen("ubtui.screens.archive:ArchiveScreen")())

    # --- saving the school and the rules ----------------------------------------------------

    @edits
    @on(Button.Pressed, "#save-school")
    @on(Button.Pressed, "#save-rules")
    def action_save(self) -> None:
        if self._save_part("school" if self.tab == "tab-school" else "rules"):
            self.notify(_("Saved."))

    def _typed_part(self, part: str) -> tuple[str, ...]:
        names = [n for n, _l, _r in SCHOOL_FIELDS + SCHOOL_NAME_FIELDS] if part == "school" else list(RULE_LABELS)
        values = tuple(self.query_one(f"#{n}", Input).value for n in names)
        return (*values, self.query_one("#deputies", TextArea).text) if part == "school" else values

    def save_for_quit(self) -> bool:
        """F10 → save and quit: save the school and the rules if they were changed."""
        for part in ("school", "rules"):
            if self._typed_part(part) != self._saved_part(part) and not self._save_part(part):
                return False
        return True

    def _saved_part(self, part: str) -> tuple[str, ...]:
        count = len(SCHOOL_FIELDS) + len(SCHOOL_NAME_FIELDS) + 1  # the school's inputs and the deputies
        return self._saved_values[:count] if part == "school" else self._saved_values[count:]

    def _save_part(self, part: str) -> bool:
        """Save the School or the Rules tab; every problem is shown beside its field at once."""
        store = self.app.store
        settings = store.settings()
        problems = Problems()
        for field in self.query(Field):
            field.clear_error()
        if part == "school":
            values = {name: self.query_one(f"#{name}", Input).value.strip()
                      for name, _label, _req in SCHOOL_FIELDS + SCHOOL_NAME_FIELDS}
            # A position that names a role (in either language) is stored as the role, so it translates.
            deputies = [deputy_from_line(line) for line in self.query_one("#deputies", TextArea).text.splitlines()
                        if line.strip()]
            settings = dataclasses.replace(settings, deputies=deputies, **values)
        else:
            numbers = {}
            for name in RULE_LABELS:
                control = self.query_one(f"#{name}", Input)
                result = control.validate(control.value)
                if result is not None and not result.is_valid:
                    problems.add(name, result.failure_descriptions[0])
                else:
                    numbers[name] = int(control.value.strip())
            if not problems:
                settings = dataclasses.replace(settings, rules=Rules(**numbers))
        if not problems:
            try:
                store.save_settings(settings)
            except ValidationError as error:
                problems = error.problems
            except UserError as error:
                self.notify(str(error), severity="error")
                return False
        if problems:
            tabs = self.query_one("#tabs", TabbedContent)
            tabs.active = "tab-school" if part == "school" else "tab-rules"
            fields = {f.field_name: f for f in self.query(Field)}
            first = None
            for name, messages in problems.by_field.items():
                if name in fields:
                    fields[name].show_error(" ".join(messages))
                    first = first or fields[name]
            if first is not None:
                self.call_after_refresh(first.control.focus)
            return False
        school, rules = self._saved_part("school"), self._saved_part("rules")
        typed = self._typed_part(part)
        self._saved_values = (typed + rules) if part == "school" else (school + typed)
        self.query_one("#school-title-preview", Static).update(
            _("Documents print: {title}").format(title=store.settings().school_title() or "—"))
        self.app.context_changed()
        return True

    # --- language -------------------------------------------------------------------------------

    @on(Checkbox.Changed, "#plain-display")
    def _plain_chosen(self, event: Checkbox.Changed) -> None:
        store = self.app.store
        settings = store.settings()
        if settings.plain_display == event.value:
            return
        if self.app.refuse_edit():
            return
        settings.plain_display = event.value
        try:
            store.save_settings(settings)
        except UserError as error:
            self.notify(str(error), severity="error")
            return
        self.notify(_("Saved: from the next start."))

    @on(RadioSet.Changed, "#language")
    def _language_chosen(self, event: RadioSet.Changed) -> None:
        code = (event.pressed.id or "").removeprefix("lang-")
        if code in LANGUAGES:
            self.app.switch_language(code)

