"""Schema migrations: pure `dict → dict` steps over the whole school document.

`STEPS[n]` turns a schema-n document into a schema-(n+1) one.  They run after a
backup and before TinyDB opens the file; they must not touch the `meta` table's
identity fields (`file_id`).
"""

from __future__ import annotations

from typing import Any, Callable

SCHEMA = 1

Document = dict[str, Any]
STEPS: dict[int, Callable[[Document], Document]] = {}


def schema_of(document: Document) -> int:
    meta = (document.get("meta") or {}).get("1") or {}
    return int(meta.get("schema", 0))


def migrate(document: Document, target: int | None = None) -> Document:
    """Apply the steps from the document's schema up to `target` (default: the current)."""
    target = SCHEMA if target is None else target
    version = schema_of(document)
    while version < target:
        step = STEPS[version]
        document = step(document)
        version += 1
        # New dicts, not setdefault: a step may share `meta` with its input, which must stay as it was.
        meta = {**((document.get("meta") or {}).get("1") or {}), "schema": version}
        document = {**document, "meta": {**(document.get("meta") or {}), "1": meta}}
    return document
