"""Is a school file's content sound?  Every record read through the domain (DESIGN §2).

A file that parses and matches its checksum may still hold what ubtui never writes:
a date `2025-02-31`, a name that is a number, two records with one id, a course of a
teacher who is not in the file.  `find_problems` reads every record of every known
table with the domain's own readers and validators and lists what is wrong, so that
opening can go read-only and `ubtui check` can say which table, record and field.

Other areas add their tables with `register_table`, best at the end of this module
(so that `ubtui check`, which imports only the file layer, knows them too); registering
a table again replaces its spec (e.g. new reference extractors).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Callable, Hashable, Iterable, NamedTuple, Sequence

from ubtui.domain.associations import Association, validate_association
from ubtui.domain.courses import Course, validate_course
from ubtui.domain.plans import Plan, PlanItem, validate_item, validate_plan
from ubtui.domain.records import Record, reader, shape_problems
from ubtui.domain.sessions import Session, validate_session
from ubtui.domain.settings import Settings, validate_settings
from ubtui.domain.teachers import Teacher, validate_teacher
from ubtui.domain.validation import Problems
from ubtui.domain.years import AcademicYear, validate_year
from ubtui.i18n import _, ngettext
from ubtui.store import migrations
from ubtui.store.errors import FileProblem
from ubtui.store.jsonio import collector_paused

META = "meta"
VALUE_SHOWN = 40  # characters of a wrong value shown in the one line
# Rules about "today" (a birth date in the future) are a form's business: an old PC whose
# clock fell back to 2000 must still open its file, so stored records are checked as of the far future.
FAR_FUTURE = dt.date.max


class _Absent:
    """The value of a field the record does not have (JSON has no word for it; null would mislead)."""

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Any = _Absent()


@dataclass(frozen=True)
class Problem:
    """One wrong thing in a school file: where it is, what is there (`ABSENT`: nothing), and why it is wrong."""

    table: str
    record_id: str
    field: str
    value: object
    reason: str

    def line(self) -> str:
        """One translated line naming table, record, field and value (long values shortened)."""
        fields = {"table": _shorten(self.table), "record": _shorten(self.record_id), "field": _shorten(self.field),
                  "reason": self.reason, "value": shown_value(self.value)}
        if not self.record_id:  # the table as a whole (e.g. two settings records)
            return _("table “{table}”: {reason} (value: {value})").format(**fields)
        if not self.field:
            return _("table “{table}”, record {record}: {reason}").format(**fields)
        if self.value is ABSENT:
            return _("table “{table}”, record {record}, field “{field}”: {reason}").format(**fields)
        return _("table “{table}”, record {record}, field “{field}”: {reason} (value: {value})").format(**fields)


class Reference(NamedTuple):
    """A record's field that names a record of another table by id.  A table's `references`
    may yield plain `(field, table, record_id)` tuples too; a field inside a list is best given
    as a template and its numbers, `("attendance[{}].teacher_id", 3)` (see `field_name`)."""

    field: str | tuple
    table: str
    record_id: str


Validator = Callable[[Any, Sequence[Any]], Problems]
References = Callable[[Any], Iterable[tuple]]  # of Reference, or plain (field, table, record_id)
Peers = Callable[[Any], Hashable]
# `peers` of a validator that never looks at the other records of its table.
NO_PEERS: Any = "no peers"


@dataclass(frozen=True)
class TableSpec:
    """How the records of one table are read and checked.

    `validate(record, others)` is the domain's validator (others: every record of the
    table, the record itself included); `references(record)` lists the ids it names;
    `required` are fields that must be present in the stored record; `max_records`
    caps the count (the settings are one record).  `peers(record)`, when given, is a key
    that two records share whenever the validator could find them in conflict (the same
    number in the same association and year): each record is then validated against the
    records of its key only, which is what the rule would look at anyway — a table of n
    records costs n, not n²; `NO_PEERS` for a validator that ignores the others.
    """

    name: str
    record: type[Record]
    validate: Validator | None = None
    references: References | None = None
    required: tuple[str, ...] = ()
    max_records: int | None = None
    peers: Peers | None = None


TABLES: dict[str, TableSpec] = {}


def register_table(
    name: str,
    record: type[Record],
    validate: Validator | None = None,
    references: References | None = None,
    *,
    required: Sequence[str] = (),
    max_records: int | None = None,
    peers: Peers | None = None,
) -> TableSpec:
    """Make `find_problems` read table `name` as `record`s (registering again replaces the spec)."""
    spec = TableSpec(name, record, validate, references, tuple(required), max_records, peers)
    TABLES[name] = spec
    return spec


class UnsoundFile(FileProblem):
    """The file parses and matches its checksum, but its content is wrong; it is left untouched."""

    def __init__(self, message: str, problems: Sequence[Problem], path=None, backup=None) -> None:  # noqa: ANN001
        super().__init__(message, path=path, backup=backup)
        self.problems = list(problems)


# --- the check ------------------------------------------------------------------------------------


def find_problems(document: dict[str, Any]) -> list[Problem]:
    """Every problem of the records in a parsed school document, table by table (empty: sound).

    An older schema is brought up to date in a copy first (the file is never changed).
    Tables nobody registered are left alone.  Never raises for any content.
    """
    with collector_paused():  # a record read makes no cycles; a big file's heap need not be walked for it
        return _find_problems(document)


def _find_problems(document: dict[str, Any]) -> list[Problem]:
    try:
        if migrations.schema_of(document) < migrations.SCHEMA:
            document = migrations.migrate(document)
    except Exception:  # a step met content it cannot read
        return [Problem(META, "1", "schema", _meta_value(document, "schema"), _("the file cannot be upgraded to this ubtui"))]
    # One table's records at a time (a big file's records all made at once would be its peak of
    # memory at start): the ids every reference may name first, then each table read, validated
    # and its references followed.  The problems keep their order: every reading problem first.
    problems: list[Problem] = []
    later: list[Problem] = []
    ids = {name: _ids_of(table) for name in TABLES if isinstance(table := document.get(name, {}), dict)}
    for name, spec in TABLES.items():
        table = document.get(name, {})
        if not isinstance(table, dict):
            problems.append(Problem(name, "", "", table, _("the table is not an object")))
            continue
        rows, _seen = _read_table(spec, table, problems)
        later.extend(_validated(spec, rows))
        if spec.references is not None:
            later.extend(_dangling(spec, rows, ids))
        del rows
    return problems + later


def _ids_of(table: dict[str, Any]) -> set[str]:
    """The ids `_read_table` finds in a table: of every record that is an object with an id."""
    found = set()
    for data in table.values():
        if isinstance(data, dict):
            record_id = data.get("id")
            if isinstance(record_id, str) and record_id.strip():
                found.add(record_id)
    return found


def summary(problems: Sequence[Problem]) -> str:
    """The first problem's line, with how many others there are."""
    if not problems:
        return ""
    line = problems[0].line()
    others = len(problems) - 1
    if others:
        line += " " + ngettext("(and {n} more problem)", "(and {n} more problems)", others).format(n=others)
    return line


def unsound(problems: Sequence[Problem], path=None, backup=None) -> UnsoundFile:  # noqa: ANN001
    """The error to raise for an unsound file: the summary line, the problems kept."""
    return UnsoundFile(_("the content of the file is not sound: {line}").format(line=summary(problems)), problems,
                       path=path, backup=backup)


def check_document(document: dict[str, Any]) -> None:
    """Raise UnsoundFile when the document has any problem."""
    problems = find_problems(document)
    if problems:
        raise unsound(problems)


def readable_copy(document: dict[str, Any]) -> dict[str, Any]:
    """The document (brought up to date) as a read-only view of an unsound file can show it:
    a field that breaks a rule shows its default (a course period of 10⁶ years would stop
    the course screen), a record that still does not read or pass is left out.  The view is
    never written."""
    try:
        document = migrations.migrate(document)
    except Exception:  # noqa: BLE001 — shown as it is; the known tables below are still cleaned
        pass
    view = json.loads(json.dumps(document, ensure_ascii=False))
    for name, spec in TABLES.items():
        table = view.get(name)
        if not isinstance(table, dict):
            view.pop(name, None)
            continue
        good, _ids = _read_table(spec, table, [])
        problems = _validated(spec, good)
        if problems:
            good = _with_defaults(spec, good, {(p.record_id, p.field) for p in problems})
        keep = {id(data) for data, _record in good}
        view[name] = {key: data for key, data in table.items() if id(data) in keep}
    return view


def _with_defaults(spec: TableSpec, rows: list[tuple[dict[str, Any], Record]], wrong: set[tuple[str, str]]):
    """The rows with each wrong field (top level, or one level down as in `rules`) set to its
    default in place; those that still do not pass are left out."""
    defaults = spec.record().to_dict()
    mended: list[tuple[dict[str, Any], Record]] = []
    for data, record in rows:
        for record_id, name in wrong:
            if record_id != record.id:
                continue
            if name in data and name in defaults and name != "id":
                data[name] = copy.deepcopy(defaults[name])
            for key, inner in data.items():
                if isinstance(inner, dict) and isinstance(defaults.get(key), dict) and name in inner and name in defaults[key]:
                    inner[name] = copy.deepcopy(defaults[key][name])
        try:
            mended.append((data, spec.record.from_dict(data)))
        except Exception:  # noqa: BLE001
            continue
    still = {p.record_id for p in _validated(spec, mended)}
    return [(data, record) for data, record in mended if record.id not in still]


# --- reading ---------------------------------------------------------------------------------------


def _read_table(spec: TableSpec, table: dict[str, Any], problems: list[Problem]):
    """The records that read cleanly (with their stored form) and every id of the table."""
    good: list[tuple[dict[str, Any], Record]] = []
    seen: set[str] = set()
    read = reader(spec.record)  # the record when its shape is right (else None: the slow path says why)
    required = frozenset(spec.required)
    for key in sorted(table, key=_doc_order):
        data = table[key]
        if not isinstance(data, dict):
            problems.append(Problem(spec.name, str(key), "", data, _("the record is not an object")))
            continue
        record_id = data.get("id")
        if not isinstance(record_id, str) or not record_id.strip():
            problems.append(Problem(spec.name, str(key), "id", record_id, _("the record has no id")))
            continue
        if record_id in seen:
            problems.append(Problem(spec.name, record_id, "id", record_id, _("another record of the table has the same id")))
            continue
        seen.add(record_id)
        if data.keys() >= required:
            record = read(data)
            if record is not None:
                good.append((data, record))
                continue
        found = [Problem(spec.name, record_id, name, ABSENT, _("is missing")) for name in spec.required if name not in data]
        found += [Problem(spec.name, record_id, f, v, reason) for f, v, reason in shape_problems(spec.record, data)]
        if found:
            problems.extend(found)
            continue
        try:
            good.append((data, spec.record.from_dict(data)))
        except Exception as error:  # a reader the shape check did not foresee: still one line, no crash
            problems.append(Problem(spec.name, record_id, "", None, _("the record cannot be read ({error})").format(error=error)))
    if spec.max_records is not None and len(table) > spec.max_records:
        problems.append(Problem(spec.name, "", "", len(table), ngettext(
            "the table may hold at most {n} record", "the table may hold at most {n} records", spec.max_records
        ).format(n=spec.max_records)))
    return good, seen


def _doc_order(key: str) -> tuple[int, str]:
    return (len(key), key)


def _validated(spec: TableSpec, rows: list[tuple[dict[str, Any], Record]]) -> list[Problem]:
    if spec.validate is None:
        return []
    everyone = [record for _data, record in rows]
    groups: dict[Hashable, list[Record]] = {}
    if spec.peers is not None and spec.peers is not NO_PEERS:
        for record in everyone:
            groups.setdefault(_peer_key(spec, record), []).append(record)
    found: list[Problem] = []
    for data, record in rows:
        if spec.peers is None:
            others: Sequence[Record] = everyone
        elif spec.peers is NO_PEERS:
            others = ()
        else:
            others = groups[_peer_key(spec, record)]
        try:
            result = spec.validate(record, others)
        except Exception as error:  # noqa: BLE001 — a validator tripping on odd content is a problem of the file
            found.append(Problem(spec.name, record.id, "", None, _("the record cannot be read ({error})").format(error=error)))
            continue
        for name, messages in result.by_field.items():
            value = _stored_value(data, name)
            for message in messages:
                found.append(Problem(spec.name, record.id, name, value, message))
    return found


def _peer_key(spec: TableSpec, record: Record) -> Hashable:
    try:
        return spec.peers(record)  # type: ignore[misc]
    except Exception:  # noqa: BLE001 — odd content: the record is compared with its odd kind only
        return (_Absent, id(record))


def _stored_value(data: dict[str, Any], name: str) -> object:
    """The stored value a validator's field name points at (top level, or inside e.g. `rules`)."""
    if name in data:
        return data[name]
    for inner in data.values():
        if isinstance(inner, dict) and name in inner:
            return inner[name]
    return ABSENT


_NONE: frozenset[str] = frozenset()


def _dangling(spec: TableSpec, rows: list[tuple[dict[str, Any], Record]], ids: dict[str, set[str]]) -> list[Problem]:
    found: list[Problem] = []
    for _data, record in rows:
        try:
            references = list(spec.references(record))  # type: ignore[misc]
        except Exception as error:  # noqa: BLE001
            found.append(Problem(spec.name, record.id, "", None, _("the record cannot be read ({error})").format(error=error)))
            continue
        for field, table, record_id in references:
            if record_id and record_id not in ids.get(table, _NONE):
                found.append(Problem(spec.name, record.id, field_name(field), record_id,
                                     _("names a record that is not in table “{table}”").format(table=table)))
    return found


# --- showing ---------------------------------------------------------------------------------------


def _shorten(text: str, limit: int = VALUE_SHOWN) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shown_value(value: object) -> str:
    """A stored value as the line shows it: JSON (strings quoted), shortened."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return _shorten(text)


def _meta_value(document: Any, name: str) -> object:
    try:
        return document[META]["1"].get(name)
    except Exception:  # noqa: BLE001
        return None


# --- the tables of the school file -----------------------------------------------------------------


def field_name(field: str | tuple) -> str:
    """A reference's field as a problem names it: the name, or a template and its numbers
    (`("agenda[{}].speakers[{}].teacher_id", 2, 1)`), filled in only when a problem is found:
    a school's ~8,000 references are each checked, and almost never named."""
    return field if isinstance(field, str) else field[0].format(*field[1:])


def _association_refs(association: Association) -> Iterable[tuple]:
    for index, member in enumerate(association.members, 1):
        yield ("members[{}].teacher_id", index), "teachers", member.teacher_id


def _session_refs(session: Session) -> Iterable[tuple]:
    yield "association_id", "associations", session.association_id
    yield "year_id", "years", session.year_id
    yield "chair.teacher_id", "teachers", session.chair.teacher_id
    yield "secretary.teacher_id", "teachers", session.secretary.teacher_id
    for index, entry in enumerate(session.attendance, 1):
        yield ("attendance[{}].teacher_id", index), "teachers", entry.teacher_id
    for n, item in enumerate(session.agenda, 1):
        yield ("agenda[{}].rapporteur.teacher_id", n), "teachers", item.rapporteur.teacher_id
        for index, speaker in enumerate(item.speakers, 1):
            yield ("agenda[{}].speakers[{}].teacher_id", n, index), "teachers", speaker.teacher_id
        for m, decision in enumerate(item.decisions, 1):
            for index, person in enumerate(decision.responsible, 1):
                yield ("agenda[{}].decisions[{}].responsible[{}].teacher_id", n, m, index), "teachers", person.teacher_id


def _plan_refs(plan: Plan) -> Iterable[tuple]:
    yield "association_id", "associations", plan.association_id
    yield "year_id", "years", plan.year_id


def _plan_item_refs(item: PlanItem) -> Iterable[tuple]:
    yield "plan_id", "plans", item.plan_id
    for index, teacher_id in enumerate(item.teacher_ids, 1):
        yield ("teacher_ids[{}]", index), "teachers", teacher_id


# The peers are the records each validator's uniqueness rule compares (see the validators).
register_table("settings", Settings, lambda s, _others: validate_settings(s), required=("school_name",), max_records=1,
               peers=NO_PEERS)
register_table("years", AcademicYear, validate_year, required=("label", "start", "end"), peers=lambda y: y.label)
register_table("associations", Association, validate_association, _association_refs, required=("name",),
               peers=lambda a: a.name.strip().casefold())
register_table(
    "teachers", Teacher, lambda t, others: validate_teacher(t, list(others), today=FAR_FUTURE),
    lambda t: [("association_id", "associations", t.association_id)], required=("full_name",), peers=NO_PEERS,
)
register_table("courses", Course, lambda c, _others: validate_course(c), lambda c: [("teacher_id", "teachers", c.teacher_id)],
               required=("teacher_id", "title", "end"), peers=NO_PEERS)
register_table("sessions", Session, lambda s, others: validate_session(s, list(others)), _session_refs,
               required=("association_id", "year_id", "number"), peers=lambda s: (s.association_id, s.year_id, s.number))
register_table("plans", Plan, lambda p, others: validate_plan(p, list(others)), _plan_refs,
               required=("association_id", "year_id"), peers=lambda p: (p.association_id, p.year_id))
register_table("plan_items", PlanItem, lambda i, _others: validate_item(i), _plan_item_refs,
               required=("plan_id", "section", "content"), peers=NO_PEERS)


# --- mentoring and lesson events ------------------------------------------------------------------


def _mentorship_refs(pair: Any) -> Iterable[tuple]:
    yield "mentor_id", "teachers", pair.mentor_id
    yield "young_id", "teachers", pair.young_id
    yield "association_id", "associations", pair.association_id


def _lesson_event_refs(event: Any) -> Iterable[tuple]:
    yield "association_id", "associations", event.association_id
    yield "year_id", "years", event.year_id
    yield "teacher_id", "teachers", event.teacher_id
    yield "week_id", "lesson_events", event.week_id
    for index, observer in enumerate(event.observers, 1):
        yield ("observers[{}].teacher_id", index), "teachers", observer.teacher_id


def _register_lessons_and_mentoring() -> None:
    from ubtui.domain.lessons import LessonEvent, validate_event
    from ubtui.domain.mentoring import Mentorship, validate_mentorship

    register_table("mentorships", Mentorship, lambda p, others: validate_mentorship(p, others), _mentorship_refs,
                   required=("mentor_id", "young_id"), peers=lambda p: p.young_id)
    register_table("lesson_events", LessonEvent, lambda e, others: validate_event(e, others), _lesson_event_refs,
                   required=("kind", "date"), peers=NO_PEERS)


_register_lessons_and_mentoring()


def _register_year_reports() -> None:
    from ubtui.domain.year_report import YearAnalysis, validate_analysis

    register_table(
        "year_reports", YearAnalysis, lambda a, others: validate_analysis(a, others),
        lambda a: [("year_id", "years", a.year_id), ("association_id", "associations", a.association_id)],
        required=("year_id",),
    )


_register_year_reports()

__all__ = [
    "ABSENT", "FAR_FUTURE", "NO_PEERS", "Problem", "Reference", "TABLES", "TableSpec", "UnsoundFile", "check_document", "find_problems",
    "readable_copy", "register_table", "shown_value", "summary", "unsound",
]
