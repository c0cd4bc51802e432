"""Folders where a USB stick is likely mounted (for the "copy to USB" screen)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def removable_drives() -> list[Path]:
    """Linux: `/media/*/*` and `/run/media/*/*`; Windows: the removable drive letters."""
    if sys.platform.startswith("win"):
        return _windows_removable()
    found: list[Path] = []
    for base in (Path("/media"), Path("/run/media")):
        try:
            users = [p for p in base.iterdir() if p.is_dir()]
        except OSError:
            continue
        for user in users:
            try:
                found.extend(p for p in sorted(user.iterdir()) if p.is_dir() and os.access(p, os.W_OK))
            except OSError:
                continue
    return found


def _windows_removable() -> list[Path]:
    import ctypes
    import string

    DRIVE_REMOVABLE = 2
    found = []
    mask = ctypes.windll.kernel32.GetLogicalDrives()  # type: ignore[attr-defined]
    for index, letter in enumerate(string.ascii_uppercase):
        if mask & (1 << index):
            root = f"{letter}:\\"
            if ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)) == DRIVE_REMOVABLE:  # type: ignore[attr-defined]
                found.append(Path(root))
    return found
