"""A small reader for gettext `.po` catalogs (the subset translators' tools write)."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Entry:
    msgid: str
    msgid_plural: str | None = None
    msgstr: list[str] = field(default_factory=list)
    fuzzy: bool = False


def _unquote(text: str) -> str:
    # A .po string literal uses C escapes, which Python's literal syntax also reads.
    return ast.literal_eval(text)


def read_po(path: Path) -> list[Entry]:
    """Parse one `.po` file into entries; the header entry (empty msgid) is skipped."""
    entries: list[Entry] = []
    current: Entry | None = None
    target: str | None = None
    index = 0
    fuzzy = False

    def finish() -> None:
        nonlocal current
        if current is not None and current.msgid:
            entries.append(current)
        current = None

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            finish()
            fuzzy = False
            continue
        if line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
            continue
        if line.startswith("#"):
            continue
        if line.startswith("msgid_plural "):
            assert current is not None
            current.msgid_plural = _unquote(line[13:])
            target = "msgid_plural"
        elif line.startswith("msgid "):
            finish()
            current = Entry(msgid=_unquote(line[6:]), fuzzy=fuzzy)
            fuzzy = False
            target = "msgid"
        elif line.startswith("msgstr["):
            assert current is not None
            close = line.index("]")
            index = int(line[7:close])
            while len(current.msgstr) <= index:
                current.msgstr.append("")
            current.msgstr[index] = _unquote(line[close + 1 :].strip())
            target = "msgstr"
        elif line.startswith("msgstr "):
            assert current is not None
            current.msgstr = [_unquote(line[7:])]
            index = 0
            target = "msgstr"
        elif line.startswith('"') and current is not None:
            text = _unquote(line)
            if target == "msgid":
                current.msgid += text
            elif target == "msgid_plural":
                current.msgid_plural = (current.msgid_plural or "") + text
            elif target == "msgstr":
                current.msgstr[index] += text
    finish()
    return entries
