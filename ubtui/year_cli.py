"""`ubtui year close|reopen|new|list`: closing a year into the archive, reopening it, starting the next.

Closing and reopening ask first (`--yes` answers for a script); without a terminal to ask
and without `--yes` they refuse and change nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Callable

from ubtui.errors import UserError
from ubtui.i18n import _, format_date, ngettext

YES_WORDS = {"y", "yes", "о", "ооба", "д", "да"}


def add_year_parser(commands: argparse._SubParsersAction) -> None:
    year = commands.add_parser("year", help=_("close an academic year into the archive, reopen it, start the next one"))
    actions = year.add_subparsers(dest="year_command", metavar=_("ACTION"), required=True)
    close = actions.add_parser("close", help=_("close YEAR: it becomes read-only (archive); the names are kept as they are"))
    reopen = actions.add_parser("reopen", help=_("open a closed YEAR for changes again"))
    for sub in (close, reopen):
        sub.add_argument("year", metavar=_("YEAR"), help=_("the academic year, e.g. 2025-2026"))
        sub.add_argument("--yes", action="store_true", help=_("do not ask (for scripts)"))
    new = actions.add_parser("new", help=_("start the next academic year from the last one (quarters, plans)"))
    new.add_argument("--from", dest="source", metavar=_("YEAR"), help=_("the year to start from (default: the latest)"))
    actions.add_parser("list", help=_("the academic years, and how long a closed year's documents are kept"))


def _out(text: str) -> None:
    try:
        sys.stdout.write(text + "\n")
    except UnicodeEncodeError:  # a console code page without ң ө ү
        sys.stdout.flush()
        sys.stdout.buffer.write((text + "\n").encode("utf-8"))
    sys.stdout.flush()


def _ask(question: str, ask: Callable[[str], str] | None) -> bool:
    """Yes only when the user says so; without a terminal there is nobody to ask."""
    if ask is None:
        if not sys.stdin.isatty():
            raise UserError(_("Nothing was changed: there is no terminal to ask; add --yes to confirm."))
        ask = input
    try:
        answer = ask(question + " " + _("[y/N]") + " ")
    except EOFError:
        answer = ""
    return answer.strip().casefold() in YES_WORDS


def run_year(args: argparse.Namespace, db_path: Path, ask: Callable[[str], str] | None = None) -> int:
    from ubtui.store import Store
    from ubtui.store.oserrors import resolve_school_path
    from ubtui.store.years import find_year

    path = resolve_school_path(db_path)
    if not path.is_file():
        raise UserError(_("There is no school file at {path}.").format(path=path))
    command = args.year_command
    with Store.open(path, read_only=command == "list") as store:
        if store.school.problems:
            from ubtui.store.check import unsound_file

            raise UserError(f"{path}: {unsound_file(path, store.school.problems)}")
        if command != "list" and store.read_only:
            raise UserError(store.school.read_only_reason)
        today = store.school.today()
        if command == "list":
            return _list(store)
        if command == "new":
            return _new(store, find_year(store, args.source) if args.source else None, today)
        year = find_year(store, args.year)
        if command == "close":
            return _close(store, year, today, None if args.yes else ask, args.yes)
        return _reopen(store, year, None if args.yes else ask, args.yes)


def _close(store, year, today: dt.date, ask, yes: bool) -> int:  # noqa: ANN001
    from ubtui.domain.attention import incomplete
    from ubtui.store.overview import overview
    from ubtui.store.years import close_year

    if year.closed:
        raise UserError(_("The academic year {label} is already closed.").format(label=year.label))
    left = incomplete(overview(store, year, None, today))
    if left:
        _out(_("Still incomplete in {label}:").format(label=year.label))
        for line in left:
            _out(f"  ! {line.label}: {line.value}")
    else:
        _out(_("Nothing is left incomplete in {label}.").format(label=year.label))
    question = _("Close the academic year {label}? Nothing in it can be changed afterwards (it can be reopened).").format(
        label=year.label)
    if not yes and not _ask(question, ask):
        _out(_("Nothing was changed."))
        return 1
    close_year(store, year.id)
    _out(_("The academic year {label} is closed (archive): it is read-only; the names of its people are kept as they "
           "are today.").format(label=year.label))
    return 0


def _reopen(store, year, ask, yes: bool) -> int:  # noqa: ANN001
    from ubtui.store.years import reopen_year

    if not year.closed:
        raise UserError(_("The academic year {label} is not closed.").format(label=year.label))
    question = _("Reopen the academic year {label} for changes?").format(label=year.label)
    if not yes and not _ask(question, ask):
        _out(_("Nothing was changed."))
        return 1
    reopen_year(store, year.id)
    _out(_("The academic year {label} is open for changes again.").format(label=year.label))
    return 0


def _new(store, source, today: dt.date) -> int:  # noqa: ANN001
    from ubtui.store.years import start_year

    made = start_year(store, source, today)
    year = made.year
    _out(_("The academic year {label} was added: {start} – {end}, {n} quarters.").format(
        label=year.label, start=format_date(year.start, long=False), end=format_date(year.end, long=False),
        n=len(year.quarters)))
    _out(ngettext("{n} work plan was copied from last year (dates a year later, statuses reset).",
                  "{n} work plans were copied from last year (dates a year later, statuses reset).", made.plans).format(
        n=made.plans))
    return 0


def _list(store) -> int:  # noqa: ANN001
    from tabulate import tabulate

    from ubtui.store.years import retention

    rows = []
    for year in reversed(store.sorted_years()):
        if year.closed:
            kept = retention(year)
            rows.append((year.label, _("closed (archive)"), kept.at_school_until, kept.archived_until))
        else:
            rows.append((year.label, _("open"), "", ""))
    headers = [_("Academic year"), _("State"), _("At the school until"), _("Protocols, plans, analyses archived until")]
    _out(tabulate(rows, headers=headers))
    return 0
