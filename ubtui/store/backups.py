"""Backups beside the school file: one a day (14 kept) and one a month (kept)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ubtui.domain.dates import parse_iso_date
from ubtui.store.jsonio import atomic_write

KEEP_DAILY = 14
_NAME = re.compile(r"^(?P<stem>.+)_(?P<day>\d{4}-\d{2}-\d{2})(?P<extra>(_[0-9a-z-]+)?)\.json$")


@dataclass(frozen=True)
class Backup:
    path: Path
    day: dt.date
    kind: str  # "" for the daily copy, else why it was made (restore, schema1, …)

    @property
    def name(self) -> str:
        return self.path.name


def backup_dir(path: Path) -> Path:
    return Path(path).parent / "backups"


def list_backups(path: Path) -> list[Backup]:
    """This school file's backups, newest first."""
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
        found.append(Backup(item, day, match["extra"].lstrip("_")))
    return sorted(found, key=lambda b: (b.day, b.path.stat().st_mtime, b.name), reverse=True)


def make_backup(path: Path, day: dt.date, kind: str = "") -> Path | None:
    """Copy the file into backups/ (atomically); the daily copy is made once a day."""
    path = Path(path)
    if not path.exists():
        return None
    folder = backup_dir(path)
    folder.mkdir(exist_ok=True)
    extra = f"_{kind}" if kind else ""
    target = folder / f"{path.stem}_{day.isoformat()}{extra}.json"
    if kind == "" and target.exists():
        return None
    if kind:
        counter = 1
        while target.exists():
            counter += 1
            target = folder / f"{path.stem}_{day.isoformat()}{extra}-{counter}.json"
    atomic_write(target, path.read_bytes())
    prune(path)
    return target


def prune(path: Path) -> list[Path]:
    """Keep the backups of the 14 newest days and the newest of every month; delete the rest."""
    backups = list_backups(path)
    days = sorted({b.day for b in backups}, reverse=True)[:KEEP_DAILY]
    keep = {b.path for b in backups if b.day in days}
    months: set[tuple[int, int]] = set()
    for backup in backups:  # newest first
        month = (backup.day.year, backup.day.month)
        if month not in months:
            months.add(month)
            keep.add(backup.path)
    removed = []
    for backup in backups:
        if backup.path not in keep:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed
