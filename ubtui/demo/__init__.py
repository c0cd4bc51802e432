"""The demo school, built by code so that it is the same every time for a given day."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from pathlib import Path

from ubtui.domain.associations import Association, Member
from ubtui.domain.settings import Settings, deputy_from_line
from ubtui.domain.years import default_year, year_label_for
from ubtui.errors import UserError
from ubtui.i18n import _
from ubtui.store import Store

SEED = 20250830


class _Ids:
    """uuid4-shaped ids from a seeded generator: the same demo gives the same ids."""

    def __init__(self, seed: int) -> None:
        self._random = random.Random(seed)

    def __call__(self) -> str:
        return str(uuid.UUID(int=self._random.getrandbits(128), version=4))


def fill(store: Store, today: dt.date) -> None:
    """Write the demo school into an empty store, in one write."""
    from ubtui.demo import people, staff

    ids = _Ids(SEED)
    current_first = int(year_label_for(today)[:4])
    with store.batch():
        settings = Settings(id=ids(), **people.SCHOOL)
        settings.deputies = [deputy_from_line(f"{name}; {position}") for name, position in people.DEPUTIES]
        store.save_settings(settings)
        for first in (current_first - 1, current_first):  # last year is closed at the end, once it is filled
            year = default_year(first)
            year.id = ids()
            store.years.save(year)
        # Association ids first, in the order they always had; then teachers and courses.
        associations = [
            Association(id=ids(), name=name, area=area, head=members[0], secretary=members[1])
            for name, area, members in people.ASSOCIATIONS
        ]
        association_of = {
            member: association.id
            for association, (_name, _area, members) in zip(associations, people.ASSOCIATIONS)
            for member in members
        }
        teachers, courses = staff.teachers_and_courses(today, ids, association_of)
        teacher_id = {t.full_name: t.id for t in teachers}
        for association, (_name, _area, members) in zip(associations, people.ASSOCIATIONS):
            association.members = [Member(name=m, teacher_id=teacher_id.get(m, "")) for m in members]
            store.associations.save(association)
        for teacher in teachers:
            store.teachers.save(teacher)
        for course in courses:
            store.courses.save(course)
        from ubtui.demo.plans import fill_plans

        fill_plans(store, ids, today, associations)
        from ubtui.demo import sessions as demo_sessions

        demo_sessions.fill(store, today, ids)
        from ubtui.demo import mentoring as demo_mentoring

        demo_mentoring.fill(store, today, ids)
        from ubtui.store.years import close_year

        for year in store.years.all():  # last year was closed with its names kept
            if year.label != year_label_for(today):
                close_year(store, year.id)


def _cache_key(today: dt.date) -> str:
    """What the demo depends on: the day, the app version and schema, the demo code itself."""
    from ubtui import __version__
    from ubtui.store.migrations import SCHEMA

    here = Path(__file__).parent
    stamp = max(int(p.stat().st_mtime) for p in here.glob("*.py"))
    return f"demo-{__version__}-s{SCHEMA}-{today.isoformat()}-{stamp}.json"


def fresh_demo(path: Path, today: dt.date | None = None) -> Path:
    """Like `write_demo`, but reuses today's demo built earlier (kept in the user cache folder).

    The copy gets a new file_id and is sealed anew (the checksum covers `meta`).
    `ubtui --demo` starts noticeably faster this way on old machines.
    """
    from platformdirs import user_cache_dir

    from ubtui.domain.records import new_id
    from ubtui.store.jsonio import atomic_write, keep
    from ubtui.store.schoolfile import parse, raw_body, raw_seal

    today = today or dt.date.today()
    cached = Path(user_cache_dir("ubtui", appauthor=False)) / _cache_key(today)
    try:
        data = cached.read_bytes()
        document = parse(data)
        old_id = document["meta"]["1"]["file_id"].encode()
    except Exception:  # no cache yet, or a damaged one: build it again
        write_demo(path, today)
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(cached, Path(path).read_bytes())
        except OSError:
            pass
        return path
    if data.count(old_id) != 1 or Path(path).exists():
        return write_demo(path, today)
    file_id = new_id()
    copy = data.replace(old_id, file_id.encode())
    meta = document["meta"]["1"]
    old_seal = meta["sha256"].encode()
    meta["file_id"] = file_id  # the document of the copy, sealed over the copy's own bytes
    body = raw_body(document, copy)
    if copy.count(old_seal) != 1 or body is None:
        return write_demo(path, today)
    meta["sha256"] = raw_seal(document, body)
    copy = copy.replace(old_seal, meta["sha256"].encode())
    atomic_write(Path(path), copy)
    keep(copy, document)  # the store opens this very file next: it need not parse it again
    return path


def write_demo(path: Path, today: dt.date | None = None) -> Path:
    """A fresh demo school at `path` (with a new file_id); refuses to overwrite."""
    path = Path(path)
    if path.exists():
        raise UserError(_("{path} already exists; ubtui will not write over it.").format(path=path))
    store = Store.open(path)
    try:
        fill(store, today or dt.date.today())
    finally:
        store.close()
    return path
