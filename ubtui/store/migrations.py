"""Schema migrations: pure `dict → dict` steps over the whole school document.

`STEPS[n]` turns a schema-n document into a schema-(n+1) one.  They run after a
backup and before TinyDB opens the file; they must not touch the `meta` table's
identity fields (`file_id`).
"""

from __future__ import annotations

import copy
import uuid
from datetime import datetime, timezone
from typing import Any, Callable

SCHEMA = 2

Document = dict[str, Any]


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


# --- the steps (frozen: they describe old files, so they never import today's dataclasses) ---


def _members_to_teachers(document: Document) -> Document:
    """1 → 2: association members were names; each becomes (or links to) a teacher record.

    A member with no `teacher_id` is linked to the teacher of the same name (spaces and
    case aside), made if there is none yet, with the member's association as theirs
    (the first one when a name is listed in several).
    """
    result = copy.deepcopy(document)
    teachers = result.setdefault("teachers", {})
    by_name = {
        " ".join(str(t.get("full_name", "")).split()).casefold(): t["id"]
        for t in teachers.values()
        if isinstance(t, dict) and isinstance(t.get("id"), str)
    }
    next_key = max((int(k) for k in teachers if str(k).isdigit()), default=0) + 1
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    associations = result.get("associations") or {}
    for key in sorted(associations, key=lambda k: (len(k), k)):
        association = associations[key]
        members = association.get("members") or []
        changed = False
        for index, member in enumerate(members):
            if isinstance(member, str):  # tolerate a bare name
                member = members[index] = {"name": member, "teacher_id": ""}
                changed = True
            if not isinstance(member, dict) or member.get("teacher_id"):
                continue
            name = " ".join(str(member.get("name", "")).split())
            if not name:
                continue
            if name.casefold() not in by_name:
                teacher_id = str(uuid.uuid4())
                teachers[str(next_key)] = {
                    "id": teacher_id,
                    "created_at": now,
                    "updated_at": now,
                    "full_name": name,
                    "association_id": association.get("id", ""),
                    "active": True,
                }
                next_key += 1
                by_name[name.casefold()] = teacher_id
            member["teacher_id"] = by_name[name.casefold()]
            changed = True
        if changed:
            association["updated_at"] = now
    return result


STEPS: dict[int, Callable[[Document], Document]] = {1: _members_to_teachers}
