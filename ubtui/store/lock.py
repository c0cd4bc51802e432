"""One writer per school file: an instance lock beside it, and who holds it."""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import socket
from pathlib import Path

from filelock import FileLock, Timeout

from ubtui.store.jsonio import atomic_write


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _owner_path(path: Path) -> Path:
    return path.with_name(path.name + ".owner")


class InstanceLock:
    """Held for as long as a ubtui writes the file; released when the process ends."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = FileLock(str(lock_path(self.path)), timeout=0)

    def acquire(self) -> bool:
        """Take the lock if nobody holds it; False if another ubtui does.

        An OSError (a read-only folder or disk, no permission) goes to the caller: the
        file is then opened read-only with a sentence saying why.
        """
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            return False
        try:
            user = getpass.getuser()
        except Exception:  # no user name on some Windows set-ups
            user = ""
        owner = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "user": user,
            "since": dt.datetime.now().isoformat(timespec="minutes"),
        }
        try:  # whole or not at all: a half-written owner file would name nobody
            atomic_write(_owner_path(self.path), json.dumps(owner).encode("utf-8"))
        except OSError:
            pass
        return True

    def release(self) -> None:
        if self._lock.is_locked:
            try:
                _owner_path(self.path).unlink()
            except OSError:
                pass
            self._lock.release()

    @property
    def held(self) -> bool:
        return self._lock.is_locked


def describe_holder(path: Path) -> str:
    """`user@host (pid 123) since 2026-11-22T10:15`, or '' when unknown."""
    try:
        owner = json.loads(_owner_path(Path(path)).read_text(encoding="utf-8"))
        who = f"{owner.get('user') or '?'}@{owner.get('host') or '?'}"
        return f"{who} (pid {owner.get('pid')}) {owner.get('since', '').replace('T', ' ')}"
    except (OSError, ValueError, AttributeError):
        return ""
