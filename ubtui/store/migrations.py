"""Schema migrations: pure `dict → dict` steps over the whole school document.

`STEPS[n]` turns a schema-n document into a schema-(n+1) one.  They run after a
backup and before TinyDB opens the file; they must not touch the `meta` table's
identity fields (`file_id`).
"""

from __future__ import annotations

import copy
import re
import uuid
from datetime import datetime, timezone
from typing import Any, Callable

# Matching a typed name to a teacher is a rule of the domain (no record shape): steps may use it.
from ubtui.domain.people import NameMatcher

SCHEMA = 3

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


def _people_by_reference(document: Document) -> Document:
    """2 → 3: sessions named people as text; now a teacher is named by id (DESIGN §3).

    `chair`, `secretary` and a rapporteur become `{teacher_id, guest}`; an attendance line and
    a speaker get `teacher_id` + `guest` instead of `name`; a decision's `responsible` becomes a
    list of them (a text listing several, split at commas, matched part by part). A name is
    matched to the one teacher it means (spaces and case aside; `Жээнтева З.Э.` and
    `З.Э. Жээнтева` forms too); a name that matches nobody, or several, stays as a guest, as
    typed. An attendance line linked to a teacher missing from the file keeps its link (the
    soundness check names it) and its name. The sessions of a closed year keep the names they were closed with (`names`).
    """
    result = copy.deepcopy(document)
    teachers = [t for t in (result.get("teachers") or {}).values() if isinstance(t, dict) and isinstance(t.get("id"), str)]
    full_names = {t["id"]: " ".join(str(t.get("full_name", "")).split()) for t in teachers}
    matcher = NameMatcher(full_names.items())
    closed = {y.get("id") for y in (result.get("years") or {}).values() if isinstance(y, dict) and y.get("closed")}

    def person(text: Any, teacher_id: Any = "") -> dict[str, str]:
        text = " ".join(str(text or "").split())
        if isinstance(teacher_id, str) and teacher_id:
            # A link to a teacher not in the file stays as it was (the soundness check names it),
            # with the name it had, so nothing is lost.
            return {"teacher_id": teacher_id, "guest": "" if teacher_id in full_names else text}
        found = matcher.match(text)
        return {"teacher_id": found, "guest": ""} if found else {"teacher_id": "", "guest": text}

    def people(text: Any) -> list[dict[str, str]]:
        text = " ".join(str(text or "").split())
        if not text:
            return []
        if matcher.match(text):
            return [person(text)]
        return [person(part) for part in re.split(r"[,;]", text) if part.strip()]

    for session in (result.get("sessions") or {}).values():
        if not isinstance(session, dict):
            continue
        recorded: dict[str, str] = {}  # teacher id → the name as the protocol had it
        for key in ("chair", "secretary"):
            if not isinstance(session.get(key), dict):
                session[key] = person(session.get(key, ""))
        lines = []
        for line in session.get("attendance") or []:
            if not isinstance(line, dict):
                continue
            who = person(line.get("name", ""), line.get("teacher_id", ""))
            if who["teacher_id"] in full_names and str(line.get("name", "")).strip():
                recorded.setdefault(who["teacher_id"], " ".join(str(line["name"]).split()))
            rest = {k: v for k, v in line.items() if k not in ("name", "teacher_id", "guest")}
            lines.append({**who, **rest})
        session["attendance"] = lines
        for item in session.get("agenda") or []:
            if not isinstance(item, dict):
                continue
            if not isinstance(item.get("rapporteur"), dict):
                item["rapporteur"] = person(item.get("rapporteur", ""))
            item["speakers"] = [
                {**person(s.get("name", "")), "text": s.get("text", "")}
                for s in item.get("speakers") or [] if isinstance(s, dict)
            ]
            for decision in item.get("decisions") or []:
                if isinstance(decision, dict) and not isinstance(decision.get("responsible"), list):
                    decision["responsible"] = people(decision.get("responsible", ""))
        if session.get("year_id") in closed:
            named = {line["teacher_id"] for line in lines if line["teacher_id"] in full_names}
            named |= {session[k]["teacher_id"] for k in ("chair", "secretary") if session[k]["teacher_id"]}
            for item in session.get("agenda") or []:
                if isinstance(item, dict):
                    refs = [item["rapporteur"], *item["speakers"]]
                    refs += [r for d in item.get("decisions") or [] if isinstance(d, dict) for r in d["responsible"]]
                    named |= {r["teacher_id"] for r in refs if r["teacher_id"]}
            session["names"] = {t: recorded.get(t, full_names[t]) for t in sorted(named & set(full_names))}
    for plan in (result.get("plans") or {}).values():
        if isinstance(plan, dict) and plan.get("year_id") in closed:
            named = {
                t for i in (result.get("plan_items") or {}).values()
                if isinstance(i, dict) and i.get("plan_id") == plan.get("id")
                for t in i.get("teacher_ids") or [] if t in full_names
            }
            plan["names"] = {t: full_names[t] for t in sorted(named)}
    return result


STEPS: dict[int, Callable[[Document], Document]] = {1: _members_to_teachers, 2: _people_by_reference}
