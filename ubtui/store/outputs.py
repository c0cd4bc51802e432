"""Nothing ubtui writes (a PDF, an export, a backup) may land on the school file or its companions."""

from __future__ import annotations

import os
import re
from pathlib import Path

from ubtui.errors import UserError
from ubtui.i18n import _


class ProtectedOutput(UserError):
    """The chosen output is the school file, its lock, owner or side file, or a backup."""


def _real(path: Path) -> Path:
    try:
        return Path(path).absolute().resolve(strict=False)
    except (OSError, RuntimeError):  # a link loop: compared by name only
        return Path(os.path.abspath(path))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)  # hard links and links of links
    except OSError:
        return False


def companions(school: Path) -> list[Path]:
    """The files ubtui keeps beside the school file (lock, owner, temporary)."""
    return [school.with_name(school.name + suffix) for suffix in (".lock", ".owner", ".tmp", ".owner.tmp")]


def side_file_pattern(school: Path) -> re.Pattern[str]:
    """`NAME.unsaved-YYYYMMDD-HHMMSS[-N].json`: a change that could not be saved."""
    return re.compile(re.escape(school.stem) + r"\.unsaved-\d{8}-\d{6}(-\d+)?\.json(\.tmp)?")


def refuse_protected_output(output: Path, school_file: Path, *, backup: bool = False) -> None:
    """Raise ProtectedOutput when writing `output` would replace the school file (also through a
    link or a hard link), its lock or owner file, a side file, or anything in its `backups/`.

    `backup=True` is for the backups themselves: they may go into `backups/`.
    """
    out, school = _real(Path(output)), _real(Path(school_file))
    problem = ""
    if out == school or _same_file(out, school):
        problem = _("{output} is the school file itself: choose another file name.")
    elif any(out == c or _same_file(out, c) for c in companions(school)):
        problem = _("{output} belongs to the school file {school} (its lock or working copy): choose another file name.")
    elif out.parent == school.parent and side_file_pattern(school).fullmatch(out.name):
        problem = _("{output} holds a change of the school file that could not be saved: choose another file name.")
    elif not backup:
        folder = school.parent / "backups"
        if out == folder or folder in out.parents:
            problem = _("{output} is in the backups folder of the school file: choose a file outside it.")
    if problem:
        raise ProtectedOutput(problem.format(output=output, school=school_file))
