"""Where the TUI puts a printed PDF, and opening it with the system's viewer when there is one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def pdf_folder() -> Path:
    """`UBTUI_PDF_DIR`, else `ubtui` in the user's documents folder."""
    env = os.environ.get("UBTUI_PDF_DIR")
    if env:
        return Path(env)
    from platformdirs import user_documents_dir

    return Path(user_documents_dir()) / "ubtui"


def free_name(folder: Path, name: str) -> Path:
    """`name` in `folder`, or `stem (2).pdf` … when a file of that name exists (an open PDF is locked on Windows)."""
    target = folder / name
    stem, suffix = target.stem, target.suffix
    number = 2
    while target.exists():
        target = folder / f"{stem} ({number}){suffix}"
        number += 1
    return target


def open_with_viewer(path: Path) -> bool:
    """Open the file with the system's viewer; False when there is none (a text console)."""
    if os.environ.get("UBTUI_NO_VIEWER") == "1":
        return False
    try:
        if sys.platform.startswith("win"):
            os.startfile(str(path))  # type: ignore[attr-defined]
            return True
        if sys.platform == "darwin":
            opener = shutil.which("open")
        else:
            if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
                return False
            opener = shutil.which("xdg-open")
        if opener is None:
            return False
        subprocess.Popen(  # noqa: S603 (a fixed program and our own file)
            [opener, str(path)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        return True
    except OSError:
        return False
