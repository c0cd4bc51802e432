"""One writer per school file: an instance lock beside it, and who holds it.

The lock is the operating system's own on `FILE.lock` (flock on Linux and macOS, a byte-range
lock through msvcrt on Windows): it goes with the process, so a crash or a power cut leaves
no stale lock, only the file. Written here rather than taken from filelock: the two calls used
did not need a dependency on the stick (and its import took ~18 ms by itself, though most of
that is standard modules Textual loads anyway).
"""

from __future__ import annotations

import datetime as dt
import errno
import getpass
import json
import os
import socket
from pathlib import Path

from ubtui.store.jsonio import atomic_write

if os.name == "nt":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as error:
            if error.errno in (errno.EACCES, errno.EDEADLK):  # another process holds it
                return False
            raise
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            if error.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):  # another process holds it
                return False
            raise
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class FileLock:
    """An exclusive, non-blocking lock on one file; `acquire` says whether it was taken.

    An OSError that is not "someone holds it" (a read-only folder or disk, no permission) goes
    to the caller."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        self._fd: int | None = None

    @property
    def is_locked(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        if self._fd is not None:
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            taken = _try_lock(fd)
        except BaseException:
            os.close(fd)
            raise
        if not taken:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        except OSError:  # closing the file lets the lock go all the same
            pass
        os.close(fd)


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _owner_path(path: Path) -> Path:
    return path.with_name(path.name + ".owner")


class InstanceLock:
    """Held for as long as a ubtui writes the file; released when the process ends."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = FileLock(lock_path(self.path))

    def acquire(self) -> bool:
        """Take the lock if nobody holds it; False if another ubtui does.

        An OSError (a read-only folder or disk, no permission) goes to the caller: the
        file is then opened read-only with a sentence saying why.
        """
        if not self._lock.acquire():
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
