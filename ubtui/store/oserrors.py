"""What the operating system said, as one translated sentence with the path; and the real path.

Every OS error that reaches a user goes through `describe_os_error`, so no English text
from the system (`strerror`) appears inside a Kyrgyz or Russian message.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from ubtui.i18n import _
from ubtui.store.errors import FileProblem


class PathProblem(FileProblem):
    """The path cannot be used: it is missing, a folder, a broken link, not allowed…"""


def describe_os_error(error: BaseException, path: Path | str | None = None) -> str:
    """One translated sentence for an OSError (ends with a full stop; names the path)."""
    where = str(path if path is not None else (getattr(error, "filename", None) or "?"))
    code = getattr(error, "errno", None)
    if isinstance(error, FileNotFoundError) or code == errno.ENOENT:
        return _("{path} does not exist.").format(path=where)
    if isinstance(error, IsADirectoryError) or code == errno.EISDIR:
        return _("{path} is a folder, not a file.").format(path=where)
    if isinstance(error, NotADirectoryError) or code == errno.ENOTDIR:
        return _("{path}: a part of this path is a file, not a folder.").format(path=where)
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return _("There is no space left on the disk for {path}.").format(path=where)
    if code == errno.EROFS:
        return _("{path} is on a disk that can only be read (a locked USB stick or a CD?).").format(path=where)
    if code == errno.ELOOP or isinstance(error, RuntimeError):
        return _("{path} is a link that leads round in a loop to itself.").format(path=where)
    if isinstance(error, PermissionError) or code in (errno.EACCES, errno.EPERM):
        return _("You have no permission to use {path}.").format(path=where)
    if code == errno.ENAMETOOLONG:
        return _("The name {path} is too long for this disk.").format(path=where)
    if code == errno.EIO:
        return _("The disk reported a fault while using {path} (is the USB stick still in?).").format(path=where)
    name = errno.errorcode.get(code, str(code)) if isinstance(code, int) else type(error).__name__
    return _("The system refused to use {path} (code {code}).").format(path=where, code=name)


def resolve_school_path(path: Path | str) -> Path:
    """The real file behind `path` (symlinks followed). A link whose target is missing, or a
    loop of links, is a PathProblem: never taken for a new, empty school file."""
    path = Path(path).absolute()
    try:
        real = path.resolve(strict=True)
    except FileNotFoundError:
        if os.path.islink(path):
            target = os.readlink(path)
            raise PathProblem(
                _("{path} is a link to {target}, which does not exist (is the USB stick plugged in?).").format(
                    path=path, target=target
                ),
                path=path,
            ) from None
        # A new file: its folders may still contain links; only the last part is missing.
        try:
            real = path.resolve(strict=False)
        except (OSError, RuntimeError) as error:
            raise PathProblem(describe_os_error(error, path), path=path) from None
        return real
    except (OSError, RuntimeError) as error:  # RuntimeError: a link loop on Python < 3.13
        raise PathProblem(describe_os_error(error, path), path=path) from None
    if real.is_dir():
        raise PathProblem(_("{path} is a folder, not a school file.").format(path=path), path=path)
    return real
