"""Restoring a backup over the school file (the current file is backed up first)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ubtui.i18n import _
from ubtui.store import backups, soundness
from ubtui.store.errors import DamagedFile, FileProblem, ReadOnly
from ubtui.store.jsonio import atomic_write
from ubtui.store.lock import InstanceLock, describe_holder
from ubtui.store.schoolfile import parse


def restore_backup(path: Path, name: str, today: dt.date | None = None) -> Path | None:
    """Put backup `name` in place of the school file; return the backup made of the current file."""
    path = Path(path)
    candidates = {b.name: b for b in backups.list_backups(path)}
    backup = candidates.get(name) or candidates.get(name + ".json")
    if backup is None:
        raise FileProblem(_("There is no backup named {name}. See: ubtui backup list").format(name=name))
    data = backup.path.read_bytes()
    try:
        soundness.check_document(parse(data))
    except FileProblem as error:
        raise DamagedFile(_("The backup {name} cannot be used: {reason}.").format(name=name, reason=error)) from None
    lock = InstanceLock(path)
    if not lock.acquire():
        raise ReadOnly(
            _("Another ubtui is writing the file ({holder}); close it first.").format(holder=describe_holder(path) or "?")
        )
    try:
        saved = backups.make_backup(path, today or dt.date.today(), kind="before-restore")
        atomic_write(path, data)
        return saved
    finally:
        lock.release()
