"""The year-end analysis of the chosen association (or, with none chosen, of the whole school):
the draft made from the figures, the head's conclusions and next year's tasks, edited and saved
(F2) with the year, and printed (p) with the figures and charts.

Thin: the figures and the draft come from `domain.year_report` through the store; the PDF from
`reports.year_report`.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane, Tabs, TextArea

from ubtui.domain.year_report import AnalysisTexts, draft_text, school_draft_text
from ubtui.errors import UserError
from ubtui.i18n import N_, _
from ubtui.screens.confirm import ConfirmScreen
from ubtui.screens.editing import edits
from ubtui.screens.printing import PrintsPdf, printer_binding
from ubtui.widgets.keys import key

FIELDS = ("draft", "conclusions", "tasks")


class YearReportScreen(PrintsPdf, Screen[None]):
    CSS = """
    #analysis-info { height: 2; padding: 0 1; }
    #analysis-tabs { height: 1fr; }
    #analysis-tabs ContentSwitcher { height: 1fr; }
    #analysis-tabs TabPane { height: 1fr; padding: 0; }
    #analysis-tabs TextArea { height: 1fr; }
    """
    BINDINGS = [
        key("escape", "back", N_("Back")),
        key("f2", "save", N_("Save")),
        key("p,з", "print", N_("Print")),
        key("g,п", "regenerate", N_("Draft from the figures"), show=False),
        printer_binding(show=False),
    ]
    AUTO_FOCUS = "#analysis-tabs Tabs"

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Vertical():
            yield Static("", id="analysis-info", markup=False)
            with TabbedContent(id="analysis-tabs"):
                with TabPane(_("Analysis"), id="tab-draft"):
                    yield TextArea("", id="draft", soft_wrap=True)
                with TabPane(_("Conclusions"), id="tab-conclusions"):
                    yield TextArea("", id="conclusions", soft_wrap=True)
                with TabPane(_("Tasks for the next year"), id="tab-tasks"):
                    yield TextArea("", id="tasks", soft_wrap=True)
        yield Footer()

    def on_mount(self) -> None:
        app = self.app
        self.year = app.year
        self.association = app.association
        self._saved: tuple[str, str, str] = ("", "", "")
        if self.year is None:
            self.notify(_("There is no academic year in the school file yet: add one in Settings."), severity="warning")
            return
        self.reload()

    # --- the texts --------------------------------------------------------------------------------

    def generated_draft(self) -> str:
        """The draft made from the year's figures now (the whole school's with no association chosen)."""
        from ubtui.reports.scope import as_of

        store = self.app.store
        at = as_of(self.year, self.app.today)
        if self.association is None:
            return school_draft_text(store.year_reports.school_figures(self.year, None, at), self.year)
        return draft_text(store.year_reports.figures(self.year, self.association, at))

    def reload(self) -> None:
        store = self.app.store
        saved = store.year_reports.of(self.year.id, self.association.id if self.association else None)
        texts = (saved.draft, saved.conclusions, saved.tasks) if saved is not None else ("", "", "")
        generated = not texts[0].strip()
        shown = (self.generated_draft() if generated else texts[0], texts[1], texts[2])
        for name, text in zip(FIELDS, shown):
            area = self.query_one(f"#{name}", TextArea)
            area.load_text(text)
            area.read_only = store.read_only or self.year.closed
        self._saved = shown if not generated else ("", texts[1], texts[2])
        self._generated = shown[0] if generated else None
        who = self.association.name if self.association else _("the whole school")
        state = _("the draft made from the figures, not saved yet") if generated else _("saved")
        if self.year.closed:
            state = _("the year is closed (archive): read only")
        self.query_one("#analysis-info", Static).update(
            _("Year-end analysis: {year} · {name}").format(year=self.year.label, name=who) + "\n" + state)

    def typed(self) -> tuple[str, str, str]:
        return tuple(self.query_one(f"#{name}", TextArea).text for name in FIELDS)  # type: ignore[return-value]

    def has_unsaved_changes(self) -> bool:
        if getattr(self, "year", None) is None:
            return False
        typed = self.typed()
        draft = "" if self._generated is not None and typed[0] == self._generated else typed[0]
        return (draft, typed[1], typed[2]) != self._saved

    # --- actions -----------------------------------------------------------------------------------

    @edits
    def action_save(self) -> None:
        if self.save_for_quit():
            self.notify(_("The analysis is saved."))

    def save_for_quit(self) -> bool:
        if self.year is None:
            return True
        draft, conclusions, tasks = self.typed()
        try:
            self.app.store.year_reports.save(self.year.id, self.association.id if self.association else None,
                                             draft=draft, conclusions=conclusions, tasks=tasks)
        except UserError as error:
            self.notify(str(error), severity="error", timeout=8)
            return False
        self.reload()
        return True

    def action_regenerate(self) -> None:
        """Put the draft made from today's figures in the first tab (saved only with F2)."""
        if self.year is None or self.query_one("#draft", TextArea).read_only:
            return
        self.query_one("#draft", TextArea).load_text(self.generated_draft())
        self.query_one(TabbedContent).active = "tab-draft"
        self.notify(_("The draft is made anew from the figures; F2 saves it."))

    def action_print(self) -> None:
        """The PDF with the texts as they are on the screen (saved or not)."""
        if self.year is None:
            return
        from ubtui.reports import Options, default_file_name
        from ubtui.reports.year_report import render_year_report_pdf, year_report_book

        store = self.app.store
        options = Options(year=self.year.id, association=self.association.id if self.association else "all",
                          today=self.app.today)
        try:
            book = year_report_book(store, options)
        except UserError as error:
            self.notify(str(error), severity="error")
            return
        draft, conclusions, tasks = self.typed()
        texts = AnalysisTexts(draft, conclusions, tasks, generated=False)
        if self.association is None:
            book.school_texts = texts
        else:
            book.texts[self.association.id] = texts
        self.print_pdf(lambda: render_year_report_pdf(book), default_file_name("year-report", store, options))

    def action_back(self) -> None:
        if isinstance(self.focused, TextArea):  # Esc leaves the text first (then p prints, Esc goes back)
            self.query_one("#analysis-tabs Tabs", Tabs).focus()
            return
        if not self.has_unsaved_changes():
            self.app.pop_screen()
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.app.pop_screen()

        self.app.push_screen(ConfirmScreen(_("The analysis was changed but not saved (F2). Leave without saving?"),
                                           yes=_("Leave")), answered)
