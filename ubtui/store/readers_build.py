"""`python -m ubtui.store.readers_build [--check]`: write `ubtui/domain/_readers.py`, the record
readers of every table the soundness check reads, as a module that is byte-compiled like the rest.

`domain.records.reader` makes each reader's source from the record type's fields and compiles it
(~8 ms for all of them at every start); with this module it takes the compiled one when its source
is the same (see there).  Run it after changing a record type; `--check` (and a test) says when the
module is not what it would write.
"""

from __future__ import annotations

import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "domain" / "_readers.py"

HEADER = '''"""Made by `python -m ubtui.store.readers_build` from the record types: do not edit.

Each entry: the sha256 of the reader's source (used only while it is the digest of what
`domain.records` makes now) and a function that makes the reader from its names.
"""

# fmt: off
# ruff: noqa
'''


def module_source() -> str:
    """The text of `_readers.py` for the record types the soundness check reads now."""
    from ubtui.domain import records
    from ubtui.store.soundness import TABLES

    for spec in TABLES.values():
        records.reader(spec.record)  # made (and its nested readers) into records.SOURCES
    parts = [HEADER]
    entries = []
    for number, (key, (source, names)) in enumerate(sorted(records.SOURCES.items())):
        body = "\n".join("    " + line for line in source.splitlines())
        parts.append(f"\ndef _make{number}({', '.join(names)}):\n{body}\n    return read\n")
        entries.append(f"    {key!r}: ({records.source_digest(source)!r}, _make{number}),")
    parts.append("\nREADERS = {\n" + "\n".join(entries) + "\n}\n")
    return "".join(parts)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    text = module_source()
    current = TARGET.read_text(encoding="utf-8") if TARGET.is_file() else ""
    if "--check" in argv:
        if current != text:
            print(f"{TARGET} is not what `python -m ubtui.store.readers_build` writes: run it", file=sys.stderr)
            return 1
        return 0
    if current != text:
        TARGET.write_text(text, encoding="utf-8")
        print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
