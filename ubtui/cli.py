"""The command line: `ubtui [--db PATH] [--lang ky|ru] [COMMAND …]` (DESIGN.md §8).

The language is chosen before anything is printed; the TUI is imported only
when it is started.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Sequence

from ubtui import i18n
from ubtui.errors import UserError
from ubtui.i18n import _

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def _translate_argparse() -> None:
    # argparse looks its own words up through module-level gettext functions.
    argparse._ = i18n.gettext  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]


def _pre_scan_language(argv: Sequence[str]) -> str | None:
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def _remembered_language(argv: Sequence[str]) -> str | None:
    """The language saved in the school file's settings, if the file can be read."""
    db: str | None = None
    for index, arg in enumerate(argv):
        if arg == "--db" and index + 1 < len(argv):
            db = argv[index + 1]
        elif arg.startswith("--db="):
            db = arg.split("=", 1)[1]
    from ubtui.paths import default_db_path

    path = Path(db) if db else default_db_path()
    try:
        from ubtui.store.jsonio import loads_strict_kept

        document = loads_strict_kept(path.read_bytes())  # kept for the store: the file is parsed once
        settings = next(iter(document.get("settings", {}).values()))
        language = settings.get("language")
        return language if language in i18n.LANGUAGES else None
    except Exception:  # unreadable or new file: the default language will do
        return None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ubtui",
        description=_("Records of a school's methodical associations."),
    )
    parser.add_argument("--db", metavar=_("PATH"), help=_("the school file (default: UBTUI_DB or the user data folder)"))
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help=_("language: ky (Kyrgyz) or ru (Russian)"))
    from ubtui import __version__

    parser.add_argument("--version", action="version", version=f"ubtui {__version__}", help=_("show the version and exit"))
    parser.add_argument("--demo", action="store_true", help=_("open a fresh temporary copy of the demo school"))
    parser.add_argument("--plain", action="store_true",
                        help=_("plain display for a text console: only the console font's characters, ASCII borders"))
    commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"))

    demo = commands.add_parser("demo", help=_("write a fresh copy of the demo school to PATH"))
    demo.add_argument("path", metavar=_("PATH"))

    export = commands.add_parser("export", help=_("write the school's packet for the district (a USB stick) into DIR"))
    export.add_argument("dir", metavar=_("DIR"))
    export.add_argument("--full", action="store_true", help=_("include phone numbers, birth dates and notes"))

    check = commands.add_parser("check", help=_("validate a school file"))
    check.add_argument("file", metavar=_("FILE"))
    check.add_argument("--accept", action="store_true",
                       help=_("seal anew a file changed outside ubtui on purpose (after checking it; a backup is kept)"))

    backup = commands.add_parser("backup", help=_("list or restore backups of the school file"))
    backup_commands = backup.add_subparsers(dest="backup_command", metavar=_("ACTION"), required=True)
    backup_commands.add_parser("list", help=_("list the backups"))
    restore = backup_commands.add_parser("restore", help=_("put a backup in place of the school file"))
    restore.add_argument("name", metavar=_("NAME"))
    restore.add_argument("--force", action="store_true", help=_("restore even a backup of another school file"))
    _add_document_parsers(commands)
    from ubtui.year_cli import add_year_parser

    add_year_parser(commands)
    from ubtui.district.cli import add_district_parser

    add_district_parser(commands)
    return parser


def _add_document_parsers(commands: argparse._SubParsersAction) -> None:
    """`print KIND … [-o FILE]` and `report KIND [--format text|csv]` (DESIGN §8)."""
    from ubtui import reports

    printing = commands.add_parser("print", help=_("print a document to a PDF file"))
    printing.add_argument("kind", choices=reports.document_kinds(), metavar=_("KIND"),
                          help=", ".join(reports.document_kinds()))
    report = commands.add_parser("report", help=_("show a report as a text table or CSV"))
    report.add_argument("kind", choices=reports.table_kinds(), metavar=_("KIND"), help=", ".join(reports.table_kinds()))
    report.add_argument("--format", choices=("text", "csv"), default="text", help=_("text (default) or csv"))
    for sub in (printing, report):
        sub.add_argument("--year", metavar=_("YEAR"), help=_("academic year, e.g. 2025-2026 (default: the current one)"))
        sub.add_argument("--association", metavar=_("NAME_OR_ID"), help=_("the methodical association"))
        sub.add_argument("--session", type=int, metavar="N", help=_("session number"))
        sub.add_argument("--teacher", metavar=_("NAME_OR_ID"), help=_("one teacher"))
        sub.add_argument("--month", type=int, choices=range(1, 13), metavar=_("MONTH"), help=_("month, 1-12"))
        sub.add_argument("--event", metavar="ID", help=_("one lesson event, by its id (the first column of report lessons)"))
    printing.add_argument("--clean", action="store_true",
                          help=_("the plan: a clean copy to sign, without the fulfilment column"))
    printing.add_argument("-o", "--output", metavar=_("FILE"), help=_("the PDF file (default: named after the document, in the current folder)"))


def _db_path(args: argparse.Namespace) -> Path:
    from ubtui.paths import default_db_path

    return Path(args.db) if args.db else default_db_path()


def cmd_demo(args: argparse.Namespace) -> int:
    from ubtui.demo import write_demo

    path = write_demo(Path(args.path))
    print(_("The demo school was written to {path}").format(path=path))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from ubtui.store.check import accept_file, check_file
    from ubtui.store.errors import FileProblem

    from ubtui.district.cli import check_other

    if (verdict := check_other(Path(args.file))) is not None:  # a packet or a district database
        print(verdict)
        return EXIT_OK
    try:
        print(accept_file(Path(args.file)) if args.accept else check_file(Path(args.file)))
    except FileProblem as error:
        raise UserError(f"{args.file}: {error}") from None
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from tabulate import tabulate

    from ubtui.store import backups
    from ubtui.store.restore import restore_backup

    from ubtui.store.oserrors import resolve_school_path

    path = resolve_school_path(_db_path(args))
    if args.backup_command == "list":
        found = backups.list_backups(path)
        if not found:
            print(_("There are no backups of {path} yet.").format(path=path))
            return EXIT_OK
        rows = [
            (b.name, i18n.format_date(b.day, long=False), state, generation, size)
            for b, generation, size, state in backups.describe_for_list(path, found)
        ]
        _print_text(tabulate(rows, headers=[_("Name"), _("Date"), _("State"), _("Generation"), _("Size")]) + "\n")
        return EXIT_OK
    saved = restore_backup(path, args.name, force=args.force)
    print(_("Restored {name} into {path}.").format(name=args.name, path=path))
    if saved is not None:
        print(_("The file as it was is kept as {name}.").format(name=saved.name))
    return EXIT_OK


def cmd_tui(args: argparse.Namespace) -> int:
    if args.demo:
        from ubtui.store.jsonio import forget_kept

        forget_kept()  # the language came from the user's own file; the demo is another one
        from ubtui.demo import fresh_demo

        folder = Path(tempfile.mkdtemp(prefix="ubtui-demo-"))
        try:
            return _run_tui(fresh_demo(folder / "demo.json"), language_forced=args.lang, plain=args.plain)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return _run_tui(_db_path(args), language_forced=args.lang, plain=args.plain)


def _interactive() -> bool:
    return sys.stdin.isatty() and os.environ.get("UBTUI_EXIT_WHEN_READY") != "1"


def _open_for_tui(path: Path, plain: bool = False):
    """Open the school file; if it is damaged or not sound and a good backup exists, offer to restore it.

    An unsound file whose backup is declined (or that has none) opens read-only."""
    from ubtui.store import FileProblem, Store

    try:
        store = Store.open(path)
    except FileProblem as error:
        if error.backup is None or not sys.stdin.isatty() or os.environ.get("UBTUI_EXIT_WHEN_READY") == "1":
            raise
        from ubtui.screens.recovery import RecoveryApp

        if not RecoveryApp(str(error), error.backup.name, plain=plain).run():
            raise
        from ubtui.store.errors import ForeignBackup
        from ubtui.store.restore import restore_backup

        try:
            restore_backup(path, error.backup.name)
        except ForeignBackup as foreign:  # ask once more: it holds another school's records
            if not RecoveryApp(str(foreign), error.backup.name).run():
                raise
            restore_backup(path, error.backup.name, force=True)
        return Store.open(path)
    if store.school.problems and _interactive():
        from ubtui.store.schoolfile import newest_good_backup

        backup = newest_good_backup(path, store.school.meta.get("file_id"))  # this school's own backups only
        if backup is not None:
            from ubtui.screens.recovery import RecoveryApp

            if RecoveryApp(store.school.unsound_message(), backup.name, plain=plain).run():
                from ubtui.store.restore import restore_backup

                store.close()
                restore_backup(path, backup.name)
                return Store.open(path)
    return store


def _run_tui(path: Path, language_forced: str | None, plain: bool = False) -> int:
    store = _open_for_tui(path, plain)
    import gc

    gc.freeze()  # what was loaded stays: the collector need not walk the whole school file again and again
    try:
        from ubtui.app import UbtuiApp

        app = UbtuiApp(store, language_forced=language_forced, plain=plain)
        app.run()
        return app.return_code or EXIT_OK
    finally:
        store.close()


def _document_options(args: argparse.Namespace):  # -> reports.Options
    from ubtui.reports import Options

    return Options(year=args.year, association=args.association, session=args.session, teacher=args.teacher,
                   month=args.month, event=args.event, clean=getattr(args, "clean", False))


def _open_for_reading(args: argparse.Namespace):  # -> Store
    """The school file, read-only: printing never writes it."""
    from ubtui.store import Store

    from ubtui.store.oserrors import resolve_school_path

    path = resolve_school_path(_db_path(args))  # a broken link or a folder: said so
    if not path.is_file():
        raise UserError(_("There is no school file at {path}.").format(path=path))
    store = Store.open(path, read_only=True)
    if store.school.problems:  # a document from records the domain cannot read would be wrong
        from ubtui.store.check import unsound_file

        store.close()
        raise UserError(f"{path}: {unsound_file(path, store.school.problems)}")
    return store


def cmd_print(args: argparse.Namespace) -> int:
    from ubtui import reports
    from ubtui.store.jsonio import atomic_write
    from ubtui.store.oserrors import describe_os_error
    from ubtui.store.outputs import refuse_protected_output

    options = _document_options(args)
    if args.kind in reports.STANDALONE:  # no school file needed (the first-steps guide)
        name = reports.FILE_STEMS[args.kind] + ".pdf"
        target = Path(args.output) if args.output else Path(name)
        target = target / name if target.is_dir() else target
        refuse_protected_output(target, _db_path(args))
        data = reports.build_pdf(args.kind, None, options)  # type: ignore[arg-type]
    else:
        with _open_for_reading(args) as store:
            target = Path(args.output) if args.output else Path(reports.default_file_name(args.kind, store, options))
            if target.is_dir():
                target = target / reports.default_file_name(args.kind, store, options)
            refuse_protected_output(target, store.path)  # before any work: the school file stays as it is
            data = reports.build_pdf(args.kind, store, options)
    try:
        atomic_write(target, data)
    except OSError as error:
        raise UserError(_("Cannot write the PDF: {reason}").format(reason=describe_os_error(error, target))) from None
    print(target.resolve())
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from ubtui import reports
    from ubtui.reports.tables import render_csv, render_text

    with _open_for_reading(args) as store:
        _refuse_stdout_onto(store.path)
        table = reports.build_table(args.kind, store, _document_options(args))
    if args.format == "csv":
        sys.stdout.flush()
        sys.stdout.buffer.write(render_csv(table).encode("utf-8"))
        sys.stdout.buffer.flush()
        return EXIT_OK
    text = render_text(table)
    try:
        text.encode(sys.stdout.encoding or "utf-8")
    except (UnicodeEncodeError, LookupError):  # a code page without ң ө ү: UTF-8 bytes, as the file has them
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    sys.stdout.flush()
    return EXIT_OK


def _refuse_stdout_onto(school: Path) -> None:
    """`ubtui report … >> school.json`: the shell opened the school file as the output."""
    from ubtui.store.outputs import ProtectedOutput, companions

    try:
        out = os.fstat(sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real stream (tests, pythonw)
        return
    for protected in [school, *companions(school)]:
        try:
            found = os.stat(protected)
        except OSError:
            continue
        if (found.st_dev, found.st_ino) == (out.st_dev, out.st_ino):
            raise ProtectedOutput(_("The output goes into {path}, which belongs to the school file: choose another file.").format(path=protected))


def _print_text(text: str) -> None:
    """Text for the console: UTF-8 bytes when its code page lacks a letter."""
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()


def cmd_export(args: argparse.Namespace) -> int:
    from ubtui.district.cli import export_school

    path, size = export_school(_db_path(args), Path(args.dir), full=args.full)
    print(_("The packet was written and verified: {path} ({size} KB). The stick may be removed.").format(
        path=path, size=max(1, size // 1024)))
    return EXIT_OK


def cmd_year(args: argparse.Namespace) -> int:
    from ubtui.year_cli import run_year

    return run_year(args, _db_path(args))


def cmd_district(args: argparse.Namespace) -> int:
    from ubtui.district.cli import run_district

    return run_district(args)


COMMANDS = {"year": cmd_year, "export": cmd_export, "district": cmd_district, "demo": cmd_demo, "check": cmd_check, "backup": cmd_backup, "print": cmd_print, "report": cmd_report}


def _log_crash() -> Path | None:
    try:
        from ubtui.paths import log_dir

        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        log = folder / "crash.log"
        with open(log, "a", encoding="utf-8") as handle:
            traceback.print_exc(file=handle)
        return log
    except Exception:
        return None


def _safe_console() -> None:
    """What the console's code page cannot show (ң ө ү in cp1251 or cp866) is printed as `?`
    instead of ending in a traceback.  Windows consoles already get UTF-8 from Python; a pipe
    or a redirect keeps its code page, which the reader of that output expects."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        reconfigure = getattr(stream, "reconfigure", None)
        if encoding in ("utf8", "utf8sig") or reconfigure is None:
            continue
        try:
            reconfigure(errors="replace")
        except (ValueError, OSError):  # a stream that cannot change: leave it
            pass


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _safe_console()
    language = _pre_scan_language(argv) or _remembered_language(argv) or i18n.DEFAULT_LANGUAGE
    i18n.set_language(language if language in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE)
    _translate_argparse()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        handler = COMMANDS.get(args.command or "", cmd_tui)
        return handler(args)
    except UserError as error:
        print(f"ubtui: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:  # every write is atomic (a district import one transaction): nothing is half done
        print(_("ubtui: interrupted (Ctrl+C); the file being written was left as it was."), file=sys.stderr)
        return 130
    except Exception as error:  # the last net: one line on screen, the details in the log
        log = _log_crash()
        where = _(" (details: {log})").format(log=log) if log else ""
        print(_("ubtui: internal error: {error}").format(error=error) + where, file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
