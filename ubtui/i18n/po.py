"""Reading gettext `.po` catalogs for the developer tools (compile, extract, tests).

The reading itself is Babel's (`babel.messages.pofile`); this module only turns its messages
into the small `Entry` records the tools compare.  ubtui never reads `.po` files at run time:
it loads the compiled `.mo` files with the standard library's `gettext`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Entry:
    msgid: str
    msgid_plural: str | None = None
    msgstr: list[str] = field(default_factory=list)
    fuzzy: bool = False


@dataclass
class PoFile:
    entries: list[Entry]
    headers: dict[str, str]


def read_po_file(path: Path) -> PoFile:
    """The entries (header left out, obsolete `#~` ones too) and the header fields of one file."""
    import warnings

    from babel.messages.pofile import read_po as babel_read_po

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Babel's own notes on odd files; the tests say what is wrong
        with open(path, "rb") as stream:
            catalog = babel_read_po(stream, abort_invalid=False)
    entries: list[Entry] = []
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, (tuple, list)):
            msgid, plural = message.id[0], message.id[1]
            forms = list(message.string) if isinstance(message.string, (tuple, list)) else [message.string]
        else:
            msgid, plural = message.id, None
            forms = [message.string or ""]
        entries.append(Entry(msgid, plural, [form or "" for form in forms], message.fuzzy))
    headers = {str(name): str(value) for name, value in catalog.mime_headers}
    raw_plural = _raw_header_field(path, "Plural-Forms")
    if raw_plural is not None:
        headers["Plural-Forms"] = raw_plural
    return PoFile(entries, headers)


def read_po(path: Path) -> list[Entry]:
    """The entries of one `.po` file (the header entry is left out)."""
    return read_po_file(path).entries


def _raw_header_field(path: Path, name: str) -> str | None:
    """A header field exactly as the file writes it (Babel rewrites Plural-Forms in its own spacing)."""
    import ast
    import re

    text = path.read_text(encoding="utf-8")
    match = re.search(r'^msgid ""\nmsgstr ((?:".*"\n?)+)', text, re.MULTILINE)
    if not match:
        return None
    value = "".join(ast.literal_eval(line) for line in match.group(1).splitlines())
    for line in value.splitlines():
        key, _, rest = line.partition(":")
        if key.strip().lower() == name.lower():
            return rest.strip()
    return None
