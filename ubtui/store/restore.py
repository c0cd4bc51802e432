"""Restoring a backup over the school file (the current file is backed up first)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ubtui.i18n import _
from ubtui.store import backups, soundness
from ubtui.store.errors import DamagedFile, FileProblem, ForeignBackup, ReadOnly
from ubtui.store.jsonio import atomic_write
from ubtui.store.lock import InstanceLock, describe_holder
from ubtui.store.oserrors import describe_os_error, resolve_school_path
from ubtui.store.schoolfile import META, parse


def restore_backup(path: Path, name: str, today: dt.date | None = None, *, force: bool = False) -> Path | None:
    """Put backup `name` in place of the school file; return the backup made of the current file.

    A backup of another school file (another `file_id`) is refused unless `force`."""
    path = resolve_school_path(path)
    candidates = {b.name: b for b in backups.list_backups(path)}
    backup = candidates.get(name) or candidates.get(name + ".json")
    if backup is None:
        raise FileProblem(_("There is no backup named {name}. See: ubtui backup list").format(name=name))
    try:
        data = backup.path.read_bytes()
    except OSError as error:
        raise DamagedFile(describe_os_error(error, backup.path)) from None
    try:
        document = parse(data)
        soundness.check_document(document)
    except FileProblem as error:
        raise DamagedFile(_("The backup {name} cannot be used: {reason}.").format(name=name, reason=error)) from None
    current = (backups.peek_meta(path) or {}).get("file_id")
    if not force and isinstance(current, str) and document[META]["1"]["file_id"] != current:
        raise ForeignBackup(
            _("The backup {name} belongs to another school file, not to {path}. To put it in place anyway: ubtui backup restore {name} --force").format(
                name=backup.name, path=path
            )
        )
    lock = InstanceLock(path)
    try:
        got = lock.acquire()
    except OSError as error:
        raise ReadOnly(describe_os_error(error, path.with_name(path.name + ".lock"))) from None
    if not got:
        raise ReadOnly(
            _("Another ubtui is writing the file ({holder}); close it first.").format(holder=describe_holder(path) or "?")
        )
    try:
        saved = backups.make_backup(path, today or dt.date.today(), kind="before-restore")
        atomic_write(path, data)
        return saved
    except OSError as error:
        raise DamagedFile(
            _("Could not restore the backup: {reason} The school file is as it was.").format(
                reason=describe_os_error(error, path)
            )
        ) from None
    finally:
        lock.release()
