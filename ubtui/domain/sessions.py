"""Sessions (отурум) of an association and what their protocols hold.

A session has a number per association and academic year (№1, №2 …) that is
given once and kept; attendance lists every member, present unless marked
absent with a reason; each agenda item has what was heard, who spoke, the
decisions (токтом) with who is responsible and by when, and an optional vote.
Decisions are followed until done.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from ubtui.domain.associations import Member
from ubtui.domain.people import Person, PersonLike, display_name, is_empty
from ubtui.domain.records import Record, new_id
from ubtui.domain.settings import Rules
from ubtui.domain.validation import Problems
from ubtui.domain.years import AcademicYear
from ubtui.i18n import N_, _

# Stored codes → labels (translated where shown).
KINDS = {
    "regular": N_("regular"),
    "extraordinary": N_("extraordinary"),
    "seminar": N_("practical seminar"),
}
STATUSES = {"draft": N_("draft"), "held": N_("held")}
DECISION_STATUSES = {"open": N_("in progress"), "done": N_("done"), "not_done": N_("not done")}

NAME_MAX = 200
TITLE_MAX = 500
TEXT_MAX = 100_000  # a long report typed from notes still fits
VOTE_MAX = 10_000


@dataclass
class Attendance:
    """One member at one session, by teacher id (a teacher who left stays in old protocols:
    teachers named in sessions are never deleted); `guest` only for a name no teacher matched."""

    teacher_id: str = ""
    guest: str = ""
    present: bool = True
    reason: str = ""  # why absent


@dataclass
class Guest:
    """An invited person (free text)."""

    name: str = ""
    position: str = ""

    def text(self) -> str:
        return ", ".join(p for p in (self.name.strip(), self.position.strip()) if p)


@dataclass
class Speaker:
    """Who spoke on an item (a teacher by id, or an outside guest by name) and what they said."""

    teacher_id: str = ""
    guest: str = ""
    text: str = ""


@dataclass
class Vote:
    in_favour: int = 0
    against: int = 0
    abstained: int = 0


@dataclass
class Decision:
    """A resolution (токтом): what, who is responsible, by when; tracked until done."""

    id: str = field(default_factory=new_id)
    text: str = ""
    responsible: list[Person] = field(default_factory=list)
    due: dt.date | None = None
    status: str = "open"
    done_on: dt.date | None = None

    def is_overdue(self, today: dt.date) -> bool:
        """Open with its due date already past."""
        return self.status == "open" and self.due is not None and self.due < today


@dataclass
class AgendaItem:
    """One question of the agenda (“… жөнүндө”)."""

    id: str = field(default_factory=new_id)
    title: str = ""
    rapporteur: Person = field(default_factory=Person)
    heard: str = ""
    speakers: list[Speaker] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    vote: Vote | None = None


@dataclass
class Session(Record):
    """A session of one association in one academic year."""

    association_id: str = ""
    year_id: str = ""
    number: int = 0  # 0: not numbered yet (the store gives the next free number)
    date: dt.date | None = None
    place: str = ""
    kind: str = "regular"
    status: str = "draft"
    chair: Person = field(default_factory=Person)
    secretary: Person = field(default_factory=Person)
    attendance: list[Attendance] = field(default_factory=list)
    guests: list[Guest] = field(default_factory=list)
    agenda: list[AgendaItem] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # frozen when its year was closed: teacher id → name

    def present(self) -> list[Attendance]:
        return [a for a in self.attendance if a.present]

    def absent(self) -> list[Attendance]:
        return [a for a in self.attendance if not a.present]

    def decision_count(self) -> int:
        return sum(len(item.decisions) for item in self.agenda)

    def teacher_ids(self) -> set[str]:
        """Every teacher the session names (attendance, chair, secretary, rapporteurs, speakers,
        decisions' responsibles)."""
        refs: list[PersonLike] = [self.chair, self.secretary, *self.attendance]
        for item in self.agenda:
            refs.append(item.rapporteur)
            refs.extend(item.speakers)
            for decision in item.decisions:
                refs.extend(decision.responsible)
        return {r.teacher_id for r in refs if r.teacher_id}


def kind_label(code: str) -> str:
    return _(KINDS.get(code, code))


def status_label(code: str) -> str:
    return _(STATUSES.get(code, code))


def decision_status_label(code: str) -> str:
    return _(DECISION_STATUSES.get(code, code))


# --- attendance -----------------------------------------------------------------------------


def default_attendance(members: Iterable[Member]) -> list[Attendance]:
    """Every member, present: the user marks only who was absent (a member with no teacher
    record yet is listed by name)."""
    return [
        Attendance(teacher_id=m.teacher_id) if m.teacher_id else Attendance(guest=m.name.strip())
        for m in members
        if m.teacher_id or m.name.strip()
    ]


def merge_attendance(attendance: list[Attendance], members: Iterable[Member]) -> list[Attendance]:
    """The attendance with members who joined since added (present); nobody is removed."""
    merged = list(attendance)
    known_ids = {a.teacher_id for a in attendance if a.teacher_id}
    known_names = {a.guest.strip().casefold() for a in attendance if not a.teacher_id}
    for entry in default_attendance(members):
        if (entry.teacher_id and entry.teacher_id in known_ids) or (
            not entry.teacher_id and entry.guest.casefold() in known_names
        ):
            continue
        merged.append(entry)
    return merged


# --- completeness and the year's figures --------------------------------------------------------


def missing_parts(session: Session, teachers_by_id: Mapping[str, Any] | None = None) -> list[str]:
    """What the protocol still lacks (translated); empty means complete.

    Complete = attendance (with a reason for each absence), at least one agenda
    item, a decision on every item, a chair and a secretary (seed 001 §5.5).
    `teachers_by_id` (id → Teacher or name) names the absent members in the message.
    """
    missing: list[str] = []
    if session.date is None:
        missing.append(_("date"))
    if is_empty(session.chair):
        missing.append(_("chair"))
    if is_empty(session.secretary):
        missing.append(_("secretary"))
    if not session.attendance:
        missing.append(_("attendance"))
    else:
        without = [display_name(a, teachers_by_id or {}, session.names)
                   for a in session.absent() if not a.reason.strip()]
        if without:
            missing.append(_("reason of absence: {names}").format(names=", ".join(without)))
    if not session.agenda:
        missing.append(_("agenda"))
    untitled = [str(n) for n, item in enumerate(session.agenda, 1) if not item.title.strip()]
    if untitled:
        missing.append(_("title of item {numbers}").format(numbers=", ".join(untitled)))
    undecided = [str(n) for n, item in enumerate(session.agenda, 1) if not any(d.text.strip() for d in item.decisions)]
    if undecided:
        missing.append(_("decision on item {numbers}").format(numbers=", ".join(undecided)))
    return missing


def is_complete(session: Session) -> bool:
    return not missing_parts(session)


@dataclass(frozen=True)
class YearFigures:
    """Sessions and seminars held against the yearly minimum, and decisions past due."""

    held: int
    required: int
    seminars: int
    seminars_required: int
    drafts: int
    incomplete: int
    overdue: int
    open: int

    @property
    def sessions_ok(self) -> bool:
        return self.held >= self.required

    @property
    def seminars_ok(self) -> bool:
        return self.seminars >= self.seminars_required


def year_figures(sessions: Iterable[Session], rules: Rules, today: dt.date) -> YearFigures:
    """Count one association's year: a practical seminar held counts as a session and as a seminar."""
    sessions = list(sessions)
    held = [s for s in sessions if s.status == "held"]
    decisions = [d for s in sessions for item in s.agenda for d in item.decisions]
    return YearFigures(
        held=len(held),
        required=rules.sessions_per_year,
        seminars=sum(1 for s in held if s.kind == "seminar"),
        seminars_required=rules.seminars_per_year,
        drafts=sum(1 for s in sessions if s.status == "draft"),
        incomplete=sum(1 for s in held if not is_complete(s)),
        overdue=sum(1 for d in decisions if d.is_overdue(today)),
        open=sum(1 for d in decisions if d.status == "open"),
    )


def decision_state(decision: Decision, today: dt.date) -> str:
    """`overdue`, or the stored status (`open`, `done`, `not_done`)."""
    return "overdue" if decision.is_overdue(today) else decision.status


# --- numbering --------------------------------------------------------------------------------------


def next_number(sessions: Iterable[Session]) -> int:
    """The number a new session gets: one past the highest (numbers are never reused by themselves)."""
    return max((s.number for s in sessions), default=0) + 1


def renumbered(sessions: Iterable[Session]) -> list[tuple[Session, int]]:
    """(session, new number) for sessions in date order (undated last, then by old number)."""
    ordered = sorted(sessions, key=lambda s: (s.date is None, s.date or dt.date.max, s.number, s.created_at))
    return [(s, n) for n, s in enumerate(ordered, 1)]


# --- the typical cycle of a year (glossary: №1 late August … №5 May) ----------------------------

TYPICAL_AGENDA: dict[int, tuple[str, ...]] = {
    1: (
        N_("On the analysis of the association's work in the last academic year"),
        N_("On approving the association's work plan for the new academic year"),
        N_("On the teachers' self-education topics"),
        N_("On assigning mentors to young teachers"),
        N_("On the schedules of open lessons and qualification courses"),
    ),
    2: (
        N_("On the results of the first quarter"),
        N_("On the results of the school round of subject olympiads"),
        N_("On the work with young teachers"),
    ),
    3: (
        N_("On the results of the first half-year"),
        N_("On the fulfilment of the curricula in the first half-year"),
        N_("On preparing the subject week"),
    ),
    4: (
        N_("On the results of the third quarter"),
        N_("On the results of the subject week and the open lessons"),
        N_("On the teachers' work on their self-education topics"),
    ),
    5: (
        N_("On the results of the academic year"),
        N_("On the association's report on the year's work"),
        N_("On the mentors' reports"),
        N_("On the tasks for the next academic year"),
    ),
}


def typical_agenda(number: int, rapporteur: Person | None = None) -> list[AgendaItem]:
    """The usual items of session №`number` (translated now; the user edits them freely);
    `rapporteur` (usually the head) reports on the first."""
    titles = TYPICAL_AGENDA.get(number, ())
    return [
        AgendaItem(title=_(title), rapporteur=Person(rapporteur.teacher_id, rapporteur.guest) if rapporteur and index == 0
                   else Person())
        for index, title in enumerate(titles)
    ]


def typical_date(number: int, year: AcademicYear) -> dt.date:
    """When session №`number` is usually held: №1 late August, №2 the end of the first quarter,
    №3 January, №4 March, №5 May (from the year's quarters where they are set)."""
    first = year.start.year
    quarters = {q.number: q for q in year.quarters}
    if number <= 1:
        return dt.date(first, 8, 28)
    if number == 2:
        return quarters[1].end if 1 in quarters else dt.date(first, 10, 31)
    if number == 3:
        return quarters[3].start + dt.timedelta(days=2) if 3 in quarters else dt.date(first + 1, 1, 14)
    if number == 4:
        return quarters[3].end if 3 in quarters else dt.date(first + 1, 3, 20)
    return min(year.end, dt.date(first + 1, 5, 25))


# --- names ------------------------------------------------------------------------------------------

_PATRONYMIC_WORDS = {"кызы", "уулу", "kyzy", "uulu"}


def short_name(full_name: str) -> str:
    """`Жумабаева Гүлзат Эркиновна` → `Жумабаева Г.Э.`; `Талантбек кызы Айпери` → `Талантбек кызы А.`."""
    words = full_name.split()
    if len(words) < 2:
        return full_name.strip()
    head = 2 if len(words) > 2 and words[1].casefold() in _PATRONYMIC_WORDS else 1
    initials = "".join(w[0].upper() + "." for w in words[head:] if w[0].isalpha())
    return " ".join(words[:head]) + (" " + initials if initials else "")


# --- validation --------------------------------------------------------------------------------------


def _check_text(problems: Problems, name: str, value: str, limit: int, what: str, **names: object) -> None:
    """`what` is an untranslated label (N_), translated and filled with `names` only when the text
    is too long: a sound session costs no lookups (the district checks ~1,500 of them a school)."""
    if len(value) > limit:
        label = _(what).format(**names) if names else _(what)
        problems.add(name, _("{what} is too long (at most {n} characters).").format(what=label, n=limit))


def validate_session(session: Session, others: list[Session], year: AcademicYear | None = None) -> Problems:
    """Shape and rules of one session; `others` are the stored sessions (for the unique number)."""
    problems = Problems()
    if not session.association_id:
        problems.add("association_id", _("The session needs an association."))
    if not session.year_id:
        problems.add("year_id", _("The session needs an academic year."))
    if not isinstance(session.number, int) or isinstance(session.number, bool) or not 1 <= session.number <= 999:
        problems.add("number", _("The session number must be a whole number from 1 to 999."))
    elif any(
        o.id != session.id and o.association_id == session.association_id and o.year_id == session.year_id
        and o.number == session.number
        for o in others
    ):
        problems.add("number", _("Session №{n} already exists in this academic year.").format(n=session.number))
    if session.kind not in KINDS:
        problems.add("kind", _("Unknown kind of session."))
    if session.status not in STATUSES:
        problems.add("status", _("Unknown status."))
    if session.status == "held" and session.date is None:
        problems.add("date", _("A session that was held needs its date."))
    if year is not None and session.date is not None and not year.contains(session.date):
        problems.add("date", _("The date is not in the academic year {label}.").format(label=year.label))
    _check_text(problems, "place", session.place, NAME_MAX, N_("The place"))
    _check_text(problems, "chair", session.chair.guest, NAME_MAX, N_("The chair's name"))
    _check_text(problems, "secretary", session.secretary.guest, NAME_MAX, N_("The secretary's name"))
    for entry in session.attendance:
        if is_empty(entry):
            problems.add("attendance", _("Every line of the attendance needs a name."))
            break
        _check_text(problems, "attendance", entry.guest, NAME_MAX, N_("A name in the attendance"))
        _check_text(problems, "attendance", entry.reason, NAME_MAX, N_("The reason of absence"))
    for guest in session.guests:
        _check_text(problems, "guests", guest.text(), NAME_MAX * 2, N_("An invited guest"))
    for n, item in enumerate(session.agenda, 1):
        where = f"item-{n}"
        _check_text(problems, where, item.title, TITLE_MAX, N_("The title of item {n}"), n=n)
        _check_text(problems, where, item.rapporteur.guest, NAME_MAX, N_("The rapporteur of item {n}"), n=n)
        _check_text(problems, where, item.heard, TEXT_MAX, N_("What was heard on item {n}"), n=n)
        for speaker in item.speakers:
            if speaker.text.strip() and is_empty(speaker):
                problems.add(where, _("Item {n}: write who spoke.").format(n=n))
            _check_text(problems, where, speaker.guest, NAME_MAX, N_("A speaker's name on item {n}"), n=n)
            _check_text(problems, where, speaker.text, TEXT_MAX, N_("A speech on item {n}"), n=n)
        for m, decision in enumerate(item.decisions, 1):
            label = f"{n}.{m}"
            if not decision.text.strip() and (any(not is_empty(r) for r in decision.responsible) or decision.due is not None):
                problems.add(where, _("Decision {label}: write what was decided.").format(label=label))
            if decision.status not in DECISION_STATUSES:
                problems.add(where, _("Decision {label}: unknown status.").format(label=label))
            _check_text(problems, where, decision.text, TEXT_MAX, N_("Decision {label}"), label=label)
            for person in decision.responsible:
                _check_text(problems, where, person.guest, NAME_MAX, N_("Responsible for {label}"), label=label)
        if item.vote is not None:
            numbers = (item.vote.in_favour, item.vote.against, item.vote.abstained)
            if not all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= VOTE_MAX for v in numbers):
                problems.add(where, _("Item {n}: the vote must be whole numbers, 0 or more.").format(n=n))
    return problems
