"""The district's commands (DESIGN §8) and `ubtui export` / `ubtui check PACKET|DISTRICT.sqlite`.

`ubtui district [--district-db PATH]` starts the district TUI (imported only then).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ubtui.errors import UserError
from ubtui.i18n import _, ngettext
from ubtui.store.oserrors import describe_os_error

SQLITE_MAGIC = b"SQLite format 3\x00"


def add_district_parser(commands: argparse._SubParsersAction) -> None:
    district = commands.add_parser("district", help=_("the district: import the schools' packets, report, export"))
    district.add_argument("--district-db", metavar=_("PATH"),
                          help=_("the district database (default: district.sqlite beside the school file's default place)"))
    actions = district.add_subparsers(dest="district_command", metavar=_("ACTION"))
    importing = actions.add_parser("import", help=_("import packets or school files (files or folders)"))
    importing.add_argument("paths", nargs="+", metavar=_("FILE|DIR"))
    importing.add_argument("--dry-run", action="store_true", help=_("only say what each file would do"))
    report = actions.add_parser("report", help=_("who submitted, and each school's compliance"))
    report.add_argument("--format", choices=("text", "csv", "pdf"), default="text", help=_("text (default), csv or pdf"))
    report.add_argument("-o", "--output", metavar=_("FILE"), help=_("write to FILE (a PDF needs one, else district-report.pdf)"))
    export = actions.add_parser("export", help=_("the newest verified packet of every school, for the region"))
    export.add_argument("dir", metavar=_("DIR"))
    expect = actions.add_parser("expect", help=_("set the list of schools the district expects (lines: NUMBER; NAME)"))
    expect.add_argument("file", metavar=_("FILE"))


def district_path(args: argparse.Namespace) -> Path:
    from ubtui.district.db import default_district_path

    return Path(args.district_db) if getattr(args, "district_db", None) else default_district_path()


def _write_out(text: str) -> None:
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:  # a console code page without ң ө ү
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()


def run_district(args: argparse.Namespace) -> int:
    from ubtui.district.db import DistrictDB

    path = district_path(args)
    command = args.district_command
    if command is None:
        from ubtui.screens.district import run_district_tui

        return run_district_tui(path, plain=bool(getattr(args, "plain", False)))
    if command == "import":
        return _import(path, [Path(p) for p in args.paths], args.dry_run)
    if command == "expect":
        from ubtui.district.views import parse_expected

        try:
            text = Path(args.file).read_bytes().decode("utf-8-sig")
        except OSError as error:
            raise UserError(describe_os_error(error, args.file)) from None
        except UnicodeDecodeError:
            raise UserError(_("{path}: the file is not UTF-8 text").format(path=args.file)) from None
        schools = parse_expected(text)
        with DistrictDB(path, writable=True) as db:
            db.set_expected(schools)
        print(ngettext("The district expects {n} school.", "The district expects {n} schools.", len(schools)).format(n=len(schools)))
        return 0
    if command == "export":
        from ubtui.district.importer import export_district

        folder = Path(args.dir)
        with DistrictDB(path) as db:
            written = export_district(db, folder)
        for item in written:
            print(item)
        print(ngettext("{n} packet written and verified.", "{n} packets written and verified.", len(written)).format(n=len(written)))
        return 0
    return _report(path, args)


def _import(path: Path, paths: list[Path], dry_run: bool) -> int:
    from ubtui.district.db import DistrictDB
    from ubtui.district.importer import run_import

    missing = [p for p in paths if not p.exists()]
    if missing:
        raise UserError(_("There is no file or folder {path}.").format(path=missing[0]))
    progress = None
    if sys.stderr.isatty():
        def progress(done: int, total: int, _verdict) -> None:  # noqa: ANN001
            sys.stderr.write(f"\r[{'#' * (30 * done // total):<30}] {done}/{total}")
            if done == total:
                sys.stderr.write("\r" + " " * 50 + "\r")
            sys.stderr.flush()
    with DistrictDB(path, writable=True) as db:
        verdicts = run_import(db, paths, dry_run=dry_run, progress=progress)
    refused = [v for v in verdicts if v.verdict in ("refused", "older", "conflict")]
    for verdict in verdicts:
        if verdict not in refused:
            _write_out(verdict.line() + "\n")
    for verdict in refused:  # what went wrong, one line each, where errors go
        print("ubtui: " + verdict.line(), file=sys.stderr)
    accepted = sum(1 for v in verdicts if v.accepted)
    if len(refused) < len(verdicts):
        if dry_run:
            summary = _("Dry run: nothing was changed; {n} of {total} files would be applied.")
        else:
            summary = _("{n} of {total} files applied in one step to {path}.")
        _write_out(summary.format(n=accepted, total=len(verdicts), path=path) + "\n")
    return 1 if refused else 0


def _report(path: Path, args: argparse.Namespace) -> int:
    from ubtui.district.db import DistrictDB
    from ubtui.district.report import build_report, report_csv, report_pdf, report_text
    from ubtui.store.jsonio import atomic_write

    today = dt.date.today()
    with DistrictDB(path) as db:
        report = build_report(db, today)
    if args.format == "pdf":
        data = report_pdf(report, today)
        target = Path(args.output or "district-report.pdf")
    else:
        text = report_text(report) if args.format == "text" else report_csv(report)
        if not args.output:
            if args.format == "csv":
                sys.stdout.flush()
                sys.stdout.buffer.write(text.encode("utf-8"))
                sys.stdout.buffer.flush()
            else:
                _write_out(text)
            return 0
        data, target = text.encode("utf-8"), Path(args.output)
    if target.is_dir():
        target = target / "district-report.pdf"
    try:
        atomic_write(target, data)
    except OSError as error:
        raise UserError(_("Cannot write the report: {reason}").format(reason=describe_os_error(error, target))) from None
    print(target.resolve())
    return 0


# --- the school side --------------------------------------------------------------------------


def export_school(school_path: Path, folder: Path, *, full: bool) -> tuple[Path, int]:
    """`ubtui export DIR`: the packet of a sound school file, written and verified; (path, size)."""
    from ubtui.store import schoolfile
    from ubtui.store.errors import FileProblem
    from ubtui.store.packet import _unsound, soundness_problems, write_packet

    if not school_path.is_file():
        raise UserError(_("There is no school file at {path}.").format(path=school_path))
    if not folder.is_dir():
        raise UserError(_("{path} is not a folder.").format(path=folder))
    try:
        document = schoolfile.read(school_path)
        lines = soundness_problems(document)
        if lines:
            raise _unsound(lines)
    except FileProblem as error:
        raise UserError(_("{path}: {reason}. No packet was written.").format(path=school_path, reason=error)) from None
    try:
        from ubtui.store.outputs import refuse_protected_output
    except ImportError:  # the output guard is not in this build yet
        refuse_protected_output = None
    if refuse_protected_output is not None:
        refuse_protected_output(folder / "x.ubtui.json", school_path)
    try:
        target = write_packet(document, folder, full=full)
    except FileProblem as error:
        raise UserError(str(error)) from None
    except OSError as error:
        raise UserError(_("The packet could not be written: {error}").format(error=describe_os_error(error, folder))) from None
    return target, target.stat().st_size


def check_other(path: Path) -> str | None:
    """`ubtui check` on a packet or a district database: its verdict line (raises UserError);
    None when the file is neither (a school file, checked as before)."""
    try:
        with open(path, "rb") as handle:
            start = handle.read(64)
    except OSError:
        return None
    if start.startswith(SQLITE_MAGIC):
        return check_district(path)
    from ubtui.store.errors import FileProblem
    from ubtui.store.packet import check_packet, is_packet

    if not is_packet(start):
        return None
    try:
        return check_packet(path)
    except FileProblem as error:
        raise UserError(f"{path}: {error}") from None


def check_district(path: Path) -> str:
    from ubtui.district.db import DistrictDB

    import sqlite3

    with DistrictDB(path) as db:
        try:
            verdict = db.integrity()
            schools, records = db.counts()
        except sqlite3.DatabaseError as error:
            verdict, schools, records = str(error), 0, 0
    if verdict != "ok":
        raise UserError(_("{path}: the district database is damaged ({error}).").format(path=path, error=verdict))
    return _("OK: district database, {schools} schools, {records} records, integrity check ok").format(
        schools=schools, records=records
    )
