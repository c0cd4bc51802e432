"""List cells that never cut a value into another meaning: a cut shows "…"."""

from __future__ import annotations


def fit(text: str, width: int) -> str:
    """`text` on one line, at most `width` characters, "…" where it was cut."""
    line = " ".join(str(text).split())
    return line if len(line) <= width else line[: max(width - 1, 0)].rstrip() + "…"
