"""Where the school file lives by default."""

from __future__ import annotations

import os
from pathlib import Path


def default_db_path() -> Path:
    """`UBTUI_DB`, else `ubtui.json` in the user data folder (platformdirs)."""
    env = os.environ.get("UBTUI_DB")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("ubtui", appauthor=False)) / "ubtui.json"


def log_dir() -> Path:
    from platformdirs import user_log_dir

    return Path(user_log_dir("ubtui", appauthor=False))
