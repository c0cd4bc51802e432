"""`ubtui district`: the schools, each school's compliance, teachers overdue, and the import
(dry-run verdicts shown before anything is applied). The data comes from `ubtui.district`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual import on, work
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Header, Input, ProgressBar, Static
from textual.worker import Worker, WorkerState

from ubtui.district.db import DistrictDB
from ubtui.district.drives import removable_drives
from ubtui.district.importer import Verdict, run_import, verdict_word
from ubtui.errors import UserError
from ubtui.district.report import plan_word
from ubtui.district.views import compliance_rows, load_school, overdue_teachers, school_title, sorted_schools
from ubtui.i18n import N_, _
from ubtui.store.oserrors import describe_os_error
from ubtui.widgets.keys import key


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _day(text: str) -> str:
    return (text or "—")[:10]


FILE_SHOWN = 30  # characters of a file's name in the verdicts table: its verdict stays in view at 80 columns
STAMP = len("20261203-0539")  # the end of a packet's name: when it was exported


def short_name(name: str, limit: int = FILE_SHOWN) -> str:
    """A file's name as the verdicts table shows it: without `.ubtui.json`, a long one cut in the
    middle, so its start (the school) and its end (the export's date and time) stay."""
    for suffix in (".ubtui.json", ".json"):
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    if len(name) <= limit:
        return name
    return name[: limit - STAMP - 1] + "…" + name[-STAMP:]


class SchoolsScreen(Screen[None]):
    AUTO_FOCUS = "#schools"
    BINDINGS = [
        key("f2,i,ш", "app.open_import", N_("Import")),
        key("f3", "compliance", N_("Compliance")),
        key("f4,o,щ", "app.open_overdue", N_("Courses overdue")),
    ]

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static("", id="district-summary")
        yield Static(_("No school has been imported yet: F2 imports the packets from a USB stick or a folder."),
                     id="schools-empty")
        yield DataTable(id="schools", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_screen_resume(self) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        db: DistrictDB = self.app.db  # type: ignore[attr-defined]
        verdicts = dict(db.conn.execute(
            "SELECT file_id, verdict FROM import_log WHERE n IN (SELECT max(n) FROM import_log GROUP BY file_id)"
        ).fetchall())
        table = self.query_one("#schools", DataTable)
        schools, records = db.summary()
        self.query_one("#district-summary", Static).update(
            _escape(_("{schools} schools, {records} records — {path}").format(schools=schools, records=records, path=db.path))
        )
        self.query_one("#schools-empty", Static).display = schools == 0
        with self.app.batch_update():
            table.clear(columns=True)
            # The school's long name last: the short columns stay in view at 80 columns.
            table.add_columns(_("Number"), _("Exported"), _("Generation"), _("Last import"), _("School"))
            for row in sorted_schools(db):
                table.add_row(row["number"], _day(row["exported_at"]), str(row["generation"]),
                              verdict_word(verdicts.get(row["file_id"], "")), row["name"], key=row["file_id"])

    @on(DataTable.RowSelected, "#schools")
    def _selected(self) -> None:
        self.action_compliance()

    def action_compliance(self) -> None:
        table = self.query_one("#schools", DataTable)
        if table.row_count:
            file_id = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            self.app.push_screen(ComplianceScreen(str(file_id)))


def row_line(lines: list[str], row: int) -> str:
    """What a detail line under a table says of its highlighted row (lines[row], or nothing)."""
    return lines[row] if 0 <= row < len(lines) else ""


def two_lines(label: str) -> str:
    """A column's label on two lines, split at the blank that leaves the shorter longest line."""
    words = label.split()
    if len(words) < 2:
        return label
    splits = [(" ".join(words[:n]), " ".join(words[n:])) for n in range(1, len(words))]
    return "\n".join(min(splits, key=lambda pair: max(len(pair[0]), len(pair[1]))))


class ComplianceScreen(Screen[None]):
    AUTO_FOCUS = "#compliance"
    BINDINGS = [key("escape", "app.pop_screen", N_("Back"))]
    DEFAULT_CSS = "#compliance-detail { height: 1; color: $text-muted; }"

    def __init__(self, file_id: str) -> None:
        super().__init__()
        self.file_id = file_id
        self._associations: list[str] = []

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static("", id="compliance-school")
        yield DataTable(id="compliance", cursor_type="row", zebra_stripes=True, header_height=2)
        yield Static("", id="compliance-detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        db: DistrictDB = self.app.db  # type: ignore[attr-defined]
        row = db.school(self.file_id)
        if row is None:
            return
        school = load_school(db, row, today=self.app.today)  # type: ignore[attr-defined]
        self.query_one("#compliance-school", Static).update(_escape(school_title(row)))
        table = self.query_one("#compliance", DataTable)
        # The figures first under labels on two lines, the association's long name last: all
        # the figures stay in view at 80 columns, and the highlighted row's name is said in full below.
        table.add_columns(*(two_lines(label) for label in (
            _("Sessions"), _("Seminar"), _("Plan approved"), _("Courses overdue"), _("Young without mentor"),
            _("Association"))))
        for item in compliance_rows(school, self.app.today):  # type: ignore[attr-defined]
            self._associations.append(item.association)
            f = item.figures
            if f is None:
                table.add_row("—", "—", "—", "—", "—", item.association)
                continue
            table.add_row(f"{f.sessions.held}/{f.sessions.required}",
                          f"{f.sessions.seminars}/{f.sessions.seminars_required}", plan_word(f.plan_state),
                          str(f.courses_overdue), str(f.young_without_mentor), item.association)

    @on(DataTable.RowHighlighted, "#compliance")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.query_one("#compliance-detail", Static).update(row_line(self._associations, event.cursor_row))


class OverdueScreen(Screen[None]):
    AUTO_FOCUS = "#overdue"
    BINDINGS = [key("escape", "app.pop_screen", N_("Back"))]
    DEFAULT_CSS = "#overdue-detail { height: 1; color: $text-muted; }"

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(_("Teachers overdue for courses across the district"))
        yield DataTable(id="overdue", cursor_type="row", zebra_stripes=True)
        yield Static("", id="overdue-detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#overdue", DataTable)
        table.add_columns(_("Teacher"), _("Association"), _("School"))  # the school's long name last
        self._schools: list[str] = []
        for item in overdue_teachers(self.app.db, self.app.today):  # type: ignore[attr-defined]
            table.add_row(item.teacher, item.association, item.school)
            self._schools.append(item.school)

    @on(DataTable.RowHighlighted, "#overdue")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The highlighted teacher's school in full (the last column is cut at 80 columns)."""
        self.query_one("#overdue-detail", Static).update(row_line(self._schools, event.cursor_row))


class ImportScreen(Screen[None]):
    """Type files or folders; Check shows the verdicts (a dry run); Apply imports them in one step."""

    AUTO_FOCUS = "#import-paths"
    BINDINGS = [key("escape", "app.pop_screen", N_("Back"))]
    DEFAULT_CSS = """
    #import-box { height: 1fr; }
    #import-buttons { height: auto; }
    #import-verdicts { height: 1fr; }
    #import-detail { height: auto; max-height: 3; color: $text-muted; }
    #import-progress { visibility: hidden; }
    """

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Vertical(id="import-box"):
            drives = removable_drives()
            yield Static(_("Files or folders of packets (separate several with ;):"))
            if drives:
                yield Static(_escape(_("USB drives found: {drives}").format(drives="; ".join(map(str, drives)))),
                             id="import-drives")
            yield Input("; ".join(map(str, drives)), placeholder=_("e.g. /media/user/STICK"), id="import-paths")
            with Horizontal(id="import-buttons"):
                yield Button(_("Check"), variant="primary", id="import-check")
                yield Button(_("Apply"), variant="warning", id="import-apply", disabled=True)
            yield ProgressBar(id="import-progress", show_eta=False)
            yield Static("", id="import-status")
            yield DataTable(id="import-verdicts", cursor_type="row", zebra_stripes=True)
            yield Static("", id="import-detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#import-verdicts", DataTable).add_columns(_("File"), _("Verdict"))  # the long one last
        self._checked: list[Path] = []
        self._lines: list[str] = []

    @on(DataTable.RowHighlighted, "#import-verdicts")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The highlighted file's whole line under the table (its name is cut short in it)."""
        self.query_one("#import-detail", Static).update(row_line(self._lines, event.cursor_row))

    def _paths(self) -> list[Path]:
        text = self.query_one("#import-paths", Input).value
        return [Path(p.strip()) for p in text.split(";") if p.strip()]

    @on(Input.Submitted, "#import-paths")
    @on(Button.Pressed, "#import-check")
    def _check(self) -> None:
        paths = self._paths()
        missing = [p for p in paths if not p.exists()]
        status = self.query_one("#import-status", Static)
        if not paths or missing:
            status.update(_escape(_("There is no file or folder {path}.").format(path=missing[0] if missing else "")))
            return
        self._checked = paths
        self.query_one("#import-apply", Button).disabled = True
        status.update(_("Checking…"))
        self._run(paths, True)

    @on(Button.Pressed, "#import-apply")
    def _apply(self) -> None:
        if self._checked and self._checked == self._paths():
            self.query_one("#import-apply", Button).disabled = True
            self.query_one("#import-status", Static).update(_("Importing…"))
            self._run(self._checked, False)

    @work(thread=True, exclusive=True, exit_on_error=False, group="import")
    def _run(self, paths: list[Path], dry_run: bool) -> tuple[bool, list[Verdict]]:
        def progress(done: int, total: int, _verdict: Verdict) -> None:
            self.app.call_from_thread(self._progress, done, total)

        return dry_run, run_import(self.app.db, paths, dry_run=dry_run, progress=progress)  # type: ignore[attr-defined]

    def _progress(self, done: int, total: int) -> None:
        bar = self.query_one("#import-progress", ProgressBar)
        bar.styles.visibility = "visible"  # hidden until there is something to show (it would spin, waiting)
        bar.update(total=total, progress=done)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "import" or event.state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        status = self.query_one("#import-status", Static)
        if event.state == WorkerState.ERROR:
            status.update(_escape(failure_line(event.worker.error)))
            return
        dry_run, verdicts = event.worker.result
        table = self.query_one("#import-verdicts", DataTable)
        table.clear()
        self._lines = [verdict.line() for verdict in verdicts]
        for verdict, line in zip(verdicts, self._lines):
            table.add_row(short_name(verdict.path.name), line.split(": ", 1)[1])
        accepted = sum(1 for v in verdicts if v.accepted)
        if dry_run:
            status.update(_("Dry run: nothing was changed; {n} of {total} files would be applied.").format(
                n=accepted, total=len(verdicts)))
            self.query_one("#import-apply", Button).disabled = accepted == 0
        else:
            status.update(_escape(_("{n} of {total} files applied in one step to {path}.").format(
                n=accepted, total=len(verdicts), path=self.app.db.path)))  # type: ignore[attr-defined]


def failure_line(error: BaseException | None) -> str:
    """Why an import stopped, in the user's words (it was rolled back: nothing changed)."""
    if isinstance(error, UserError):
        return str(error)
    reason = describe_os_error(error).rstrip(".") if isinstance(error, OSError) else str(error) or type(error).__name__
    return _("The import stopped: {error}. Nothing was changed.").format(error=reason)


class DistrictApp(App[int]):
    TITLE = "ubtui"
    # A long table scrolls inside itself: the lines above it (the school, the counts) stay in view.
    CSS = "#schools, #compliance, #overdue { height: 1fr; }"
    BINDINGS = [
        key("f10,ctrl+q", "quit", N_("Quit"), priority=True),
        key("ctrl+p", "command_palette", N_("palette"), show=False, priority=True),  # its label translated too
    ]

    def __init__(self, db: DistrictDB, today: dt.date | None = None, *, plain: bool = False) -> None:
        from ubtui.widgets.plain import plain_wanted, use_plain
        from ubtui.widgets.textual_i18n import retranslate_bindings

        retranslate_bindings()  # the keys in the footer and the palette in the user's language
        # Plain mode as in the school's app (DESIGN §7): TERM=linux, an old Windows console, --plain.
        self.plain = plain_wanted(flag=plain)
        super().__init__(ansi_color=self.plain or None)
        if self.plain:
            use_plain(self)
        self.db = db
        self.today = today or dt.date.today()

    def on_mount(self) -> None:
        self.sub_title = _("District")
        if self.plain:
            self.theme = "ansi-dark"
        self.push_screen(SchoolsScreen())
        import os

        if os.environ.get("UBTUI_EXIT_WHEN_READY") == "1":
            self.call_after_refresh(self.exit, 0)

    def action_open_import(self) -> None:
        self.push_screen(ImportScreen())

    def action_open_overdue(self) -> None:
        self.push_screen(OverdueScreen())


def run_district_tui(path: Path, *, plain: bool = False) -> int:
    with DistrictDB(path, writable=True) as db:
        app = DistrictApp(db, plain=plain)
        app.run()
        return app.return_code or 0
