"""`ubtui check FILE [--accept]`: a verdict on a school file, and sealing an outside edit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ubtui.i18n import _, ngettext
from ubtui.store import backups, soundness
from ubtui.store.errors import DamagedFile, ReadOnly
from ubtui.store.jsonio import BadJSON, atomic_write, loads_strict
from ubtui.store.lock import InstanceLock, describe_holder
from ubtui.store.oserrors import describe_os_error
from ubtui.store.schoolfile import META, newest_good_backup, parse, render, verify


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise DamagedFile(describe_os_error(error, path).rstrip(".")) from None


def check_file(path: Path) -> str:
    """A one-line summary of a good school file; raises a FileProblem (UnsoundFile too) otherwise."""
    path = Path(path)
    data = _read_bytes(path)
    document = parse(data)
    problems = soundness.find_problems(document)
    if problems:
        raise unsound_file(path, problems)
    return _summary(document, data)


def unsound_file(path: Path, problems: list[soundness.Problem]) -> soundness.UnsoundFile:
    """The one line for an unsound file, with the newest good backup when there is one."""
    error = soundness.unsound(problems, path=path, backup=newest_good_backup(path))
    if error.backup is None:
        return error
    message = f"{error}. " + _("The file was not changed. The newest good backup is {name}: ubtui backup restore {name}").format(
        name=error.backup.name)
    return soundness.UnsoundFile(message, problems, path=path, backup=error.backup)


def _summary(document: dict, data: bytes) -> str:
    meta = document[META]["1"]
    settings = next(iter(document.get("settings", {}).values()), {})
    records = sum(len(table) for name, table in document.items() if name != META)
    school = settings.get("school_name") or _("(school not named yet)")
    summary = _("OK: school file «{school}», schema {schema}, generation {generation}").format(
        school=school, schema=meta["schema"], generation=meta.get("generation", 0)
    )
    summary += ", " + ngettext("{n} record", "{n} records", records).format(n=records)
    summary += ", " + _("checksum matches")
    if data.startswith(b"\xef\xbb\xbf"):
        summary += " " + _("(it begins with a byte-order mark, which the next save removes)")
    return summary


def accept_file(path: Path, today: dt.date | None = None) -> str:
    """Seal anew a file that was changed outside ubtui on purpose (its checksum no longer matches).

    Everything but the checksum is checked as `check_file` does, and the content must be
    sound; then the file as it was is copied to backups/ and written again with a new
    checksum and generation.  Anything wrong raises a FileProblem and the file is left
    byte for byte as it was.  A file whose checksum matches is only checked.
    """
    path = Path(path)
    data = _read_bytes(path)
    try:
        document = loads_strict(data)
    except BadJSON as error:
        raise DamagedFile(str(error)) from None
    verify(document, checksum=False)
    soundness.check_document(document)
    try:
        parse(data)
    except DamagedFile:
        pass  # the checksum does not match: this is what --accept is for
    else:
        return _summary(document, data) + "; " + _("nothing to accept")
    lock = InstanceLock(path)
    if not lock.acquire():
        raise ReadOnly(
            _("Another ubtui is writing the file ({holder}); close it first.").format(holder=describe_holder(path) or "?")
        )
    try:
        if _read_bytes(path) != data:
            raise DamagedFile(_("the file changed while it was being checked; run the command again"))
        try:
            saved = backups.make_backup(path, today or dt.date.today(), kind="before-accept")
            atomic_write(path, render(document))
        except OSError as error:
            raise DamagedFile(_("Could not save ({error}). Nothing was lost: the file is as it was before the change.").format(
                error=describe_os_error(error, path).rstrip("."))) from None
    finally:
        lock.release()
    message = _("Accepted: {path} is sealed anew (generation {generation}).").format(
        path=path, generation=document[META]["1"]["generation"])
    if saved is not None:
        message += " " + _("The file as it was is kept as {name}.").format(name=saved.name)
    return message
