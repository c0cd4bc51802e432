"""`python -m bench make-school --scale N PATH`: a school file of N times the demo school.

Copy 1 is the demo school itself (today's years, as `ubtui demo` writes it).  Every further
copy is another part of a bigger and older school: its own associations (names numbered), its
own teachers, courses, sessions, plans, mentorships and lesson events under new ids, and its own
two academic years, earlier ones (copy k lies 2·(k-1) years back: the dates of its year-bound
records move with it, so session numbers never repeat within an association and year).  The
settings stay one record.  The file is sealed as ubtui seals it and checked to be sound, so
`ubtui check PATH` accepts it; every benchmark that needs a big school takes it from here.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import re
import uuid
from pathlib import Path
from typing import Any

SHARED = ("meta", "settings")
NAMED = {"associations": "name", "teachers": "full_name"}
# A teacher's own dates (birth, the start of work) stay: an older copy has other teachers, not older ones.
PERSONAL = ("teachers",)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LABEL = re.compile(r"(\d{4})-(\d{4})")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scale", type=int, default=10, metavar="N", help="times the demo school (default 10)")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                        help="the demo's today (default: today)")
    parser.add_argument("path", type=Path, metavar="PATH", help="the school file to write (must not exist)")


def _earlier(text: str, years: int) -> str:
    if _DATE.fullmatch(text):
        day = dt.date.fromisoformat(text)
        try:
            return day.replace(year=day.year - years).isoformat()
        except ValueError:  # 29 February
            return day.replace(year=day.year - years, day=28).isoformat()
    match = _LABEL.fullmatch(text)
    if match and int(match[2]) == int(match[1]) + 1:
        return f"{int(match[1]) - years}-{int(match[2]) - years}"
    return text


def _renewed(value: Any, ids: dict[str, str], years: int) -> Any:
    """A record with every id replaced (in values and in keys, e.g. the names of a closed year)
    and, when `years`, every date and year label that many years earlier."""
    if isinstance(value, str):
        if value in ids:
            return ids[value]
        return _earlier(value, years) if years else value
    if isinstance(value, list):
        return [_renewed(v, ids, years) for v in value]
    if isinstance(value, dict):
        return {ids.get(k, k): _renewed(v, ids, years) for k, v in value.items()}
    return value


def scaled_document(document: dict[str, Any], scale: int) -> dict[str, Any]:
    """The demo document with copies 2..scale of everything but meta and settings added."""
    result = {name: dict(table) for name, table in document.items()}
    own_ids = {r["id"] for name, table in document.items() if name not in SHARED for r in table.values()}
    span = max(1, len(document.get("years", {})))
    for number in range(2, scale + 1):
        ids = {old: str(uuid.uuid4()) for old in own_ids}
        back = span * (number - 1)
        for name, table in document.items():
            if name in SHARED:
                continue
            next_key = max((int(k) for k in result[name]), default=0) + 1
            for record in table.values():
                twin = _renewed(copy.deepcopy(record), ids, 0 if name in PERSONAL else back)
                twin["created_at"], twin["updated_at"] = record.get("created_at", ""), record.get("updated_at", "")
                field = NAMED.get(name)
                if field and isinstance(twin.get(field), str) and twin[field]:
                    twin[field] = f"{twin[field]} {number}"
                result[name][str(next_key)] = twin
                next_key += 1
    return result


def make_school(path: Path, scale: int, today: dt.date | None = None) -> dict[str, int]:
    """Write the school of `scale` times the demo to `path` (sealed, sound); the records per table."""
    import tempfile

    from ubtui.demo import write_demo
    from ubtui.store import schoolfile
    from ubtui.store.jsonio import atomic_write
    from ubtui.store.soundness import find_problems, summary

    path = Path(path)
    if path.exists():
        raise SystemExit(f"make-school: {path} already exists")
    with tempfile.TemporaryDirectory(prefix="ubtui-bench-school-") as folder:
        document = schoolfile.read(write_demo(Path(folder) / "demo.json", today or dt.date.today()))
    document = scaled_document(document, max(1, scale))
    problems = find_problems(document)
    if problems:
        raise SystemExit(f"make-school: the scaled school is not sound: {summary(problems)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, schoolfile.render(document))
    return {name: len(table) for name, table in document.items() if name != "meta"}


def run(args: argparse.Namespace) -> int:
    counts = make_school(args.path, args.scale, args.today)
    size = args.path.stat().st_size
    tables = ", ".join(f"{name} {count}" for name, count in sorted(counts.items()))
    print(f"make-school: {args.path}: the demo school x{args.scale}, {sum(counts.values())} records ({tables}), "
          f"{size / 2**20:.1f} MiB, sealed and sound")
    return 0
