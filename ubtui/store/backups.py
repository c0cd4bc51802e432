"""Backups beside the school file: one a day (14 kept) and one a month (kept).

They are ordered by the generation written inside them (then by their time on disk), not by
the date in their name: an old PC whose clock fell back to 2000 names its backups 2000-…,
yet they hold the newest data.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ubtui.domain.dates import parse_iso_date
from ubtui.store.jsonio import BadJSON, atomic_write, file_mode, fsync_dir, loads_strict

KEEP_DAILY = 14
_NAME = re.compile(r"^(?P<stem>.+)_(?P<day>\d{4}-\d{2}-\d{2})(?P<extra>(_[0-9a-z-]+)?)\.json$")
_PEEK = 64 * 1024


@dataclass(frozen=True)
class Backup:
    path: Path
    day: dt.date
    kind: str  # "" for the daily copy, else why it was made (restore, schema1, …)
    generation: int | None = None  # None: the meta table could not be read
    file_id: str | None = None
    mtime_ns: int = 0

    @property
    def name(self) -> str:
        return self.path.name

    def order(self) -> tuple[int, int, str]:
        """Newest first when sorted in reverse: generation, then time on disk."""
        return (-1 if self.generation is None else self.generation, self.mtime_ns, self.name)


def backup_dir(path: Path) -> Path:
    return Path(path).parent / "backups"


def peek_meta(path: Path) -> dict | None:
    """The meta record of a school file, read from its beginning (ubtui writes `meta` first);
    the whole file only when it was written by something else. None when it cannot be read."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_PEEK)
            text = head.decode("utf-8-sig", errors="ignore")
            meta = None
            if text.startswith('{"meta":'):
                try:
                    table, _end = json.JSONDecoder().raw_decode(text, len('{"meta":'))
                    meta = table.get("1") if isinstance(table, dict) else None
                except ValueError:
                    meta = None
            if meta is None:
                document = loads_strict(head + handle.read())
                meta = document.get("meta", {}).get("1") if isinstance(document, dict) else None
    except (OSError, BadJSON, AttributeError):
        return None
    return meta if isinstance(meta, dict) else None


def describe(item: Path, match: re.Match[str], day: dt.date) -> Backup:
    meta = peek_meta(item) or {}
    generation = meta.get("generation")
    if not isinstance(generation, int) or isinstance(generation, bool):
        generation = None
    file_id = meta.get("file_id") if isinstance(meta.get("file_id"), str) else None
    try:
        mtime = item.stat().st_mtime_ns
    except OSError:
        mtime = 0
    return Backup(item, day, match["extra"].lstrip("_"), generation, file_id, mtime)


def list_backups(path: Path) -> list[Backup]:
    """This school file's backups, newest first (by generation, then time on disk)."""
    folder = backup_dir(path)
    if not folder.is_dir():
        return []
    found = []
    for item in folder.iterdir():
        match = _NAME.match(item.name)
        if not match or match["stem"] != Path(path).stem:
            continue
        try:
            day = parse_iso_date(match["day"])
        except ValueError:
            continue
        found.append(describe(item, match, day))
    return sorted(found, key=Backup.order, reverse=True)


def make_backup(path: Path, day: dt.date, kind: str = "") -> Path | None:
    """Copy the file into backups/ (atomically); the daily copy is made once a day.

    The copy gets the file's own mode: a backup is never readable by more people."""
    from ubtui.store.outputs import refuse_protected_output

    path = Path(path)
    if not path.exists():
        return None
    folder = backup_dir(path)
    if not folder.is_dir():
        folder.mkdir(exist_ok=True)
        fsync_dir(folder.parent)  # the new folder's entry is on disk before anything goes in it
    extra = f"_{kind}" if kind else ""
    target = folder / f"{path.stem}_{day.isoformat()}{extra}.json"
    if kind == "" and target.exists():
        return None
    if kind:
        counter = 1
        while target.exists():
            counter += 1
            target = folder / f"{path.stem}_{day.isoformat()}{extra}-{counter}.json"
    refuse_protected_output(target, path, backup=True)
    mode = file_mode(path)
    atomic_write(target, path.read_bytes(), mode=None if mode is None else mode & 0o666)
    prune(path)
    return target


def prune(path: Path) -> list[Path]:
    """Keep the backups of the 14 newest days and the newest of every month; delete the rest.

    "Newest" follows the generation inside the backups, so a clock set back cannot make
    the newest data look old."""
    backups = list_backups(path)  # newest first
    days: list[dt.date] = []
    for backup in backups:
        if backup.day not in days:
            days.append(backup.day)
    if all(b.generation is None for b in backups):  # nothing to order by but the names
        days.sort(reverse=True)
    newest_days = set(days[:KEEP_DAILY])
    keep = {b.path for b in backups if b.day in newest_days}
    months: set[tuple[int, int]] = set()
    for backup in sorted(backups, key=lambda b: (b.generation is not None, b.generation or 0, b.day), reverse=True):
        month = (backup.day.year, backup.day.month)
        if month not in months:
            months.add(month)
            keep.add(backup.path)
    removed = []
    for backup in backups:
        if backup.path not in keep:
            try:
                os.unlink(backup.path)
            except FileNotFoundError:
                pass
            removed.append(backup.path)
    return removed


def describe_for_list(path: Path, found: list[Backup]) -> list[tuple[Backup, str, str, str]]:
    """For `backup list`: each backup with its generation, size and state (good, damaged, or of
    another school file), as translated text."""
    from ubtui.i18n import _
    from ubtui.store.errors import FileProblem
    from ubtui.store.schoolfile import parse

    current = (peek_meta(path) or {}).get("file_id")
    rows = []
    for backup in found:
        try:
            data = backup.path.read_bytes()
            size = f"{len(data) // 1024 + 1} KB"
            document = parse(data, allow_newer=True)
        except OSError:
            rows.append((backup, "?", "?", _("cannot be read")))
            continue
        except FileProblem:
            rows.append((backup, "?" if backup.generation is None else str(backup.generation), size, _("DAMAGED")))
            continue
        file_id = document["meta"]["1"].get("file_id")
        state = _("good") if not isinstance(current, str) or file_id == current else _("OTHER SCHOOL FILE")
        rows.append((backup, str(document["meta"]["1"].get("generation", 0)), size, state))
    return rows
