"""The sessions of a school file: storage, numbering, decisions and the year's figures.

`Store.sessions` is a `Sessions`; screens and documents ask it, never the table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ubtui.domain.associations import Association, Member
from ubtui.domain.people import Person, display_name
from ubtui.domain.teachers import name_key
from ubtui.domain.sessions import (
    Decision,
    Session,
    YearFigures,
    default_attendance,
    next_number,
    renumbered,
    short_name,
    typical_agenda,
    typical_date,
    validate_session,
    year_figures,
)
from ubtui.domain.validation import Problems, ValidationError
from ubtui.domain.years import AcademicYear
from ubtui.i18n import _, ngettext
from ubtui.store.errors import ClosedYear  # raised by the store's one guard (store/years.py)
from ubtui.store.repos import NotFound, Repository

if TYPE_CHECKING:
    from ubtui.store.store import Store


@dataclass(frozen=True)
class DecisionRow:
    """One decision with where it was taken, for the list of a year's decisions."""

    session: Session
    item_number: int
    decision_number: int
    item_title: str
    decision: Decision
    responsible: str = ""  # who, as short names (`Жумабаева Г.Э.`) or the guest's text

    @property
    def label(self) -> str:
        """`1.2`: item 1, decision 2, as the protocol numbers it."""
        return f"{self.item_number}.{self.decision_number}"


class Sessions:
    """Sessions of every association; numbers are per association and academic year."""

    def __init__(self, store: "Store") -> None:
        self._store = store
        self.repo: Repository[Session] = Repository(store.school, "sessions", Session, self._validate,
                                                    lambda s: _("session №{n}").format(n=s.number))

    # --- reading -------------------------------------------------------------------------

    def all(self) -> list[Session]:
        return self.repo.all()

    def get(self, session_id: str) -> Session:
        return self.repo.get(session_id)

    def find(self, session_id: str) -> Session | None:
        return self.repo.find(session_id)

    def of(self, association_id: str, year_id: str) -> list[Session]:
        """One association's sessions in one year, by number."""
        # Chosen by their stored fields before any record is made ("" is the records' default).
        items = self.repo.where(lambda d: d.get("association_id", "") == association_id and d.get("year_id", "") == year_id)
        return sorted(items, key=lambda s: s.number)

    def in_year(self, year_id: str) -> list[Session]:
        """Every association's sessions in the year."""
        return sorted(self.repo.where(lambda d: d.get("year_id", "") == year_id), key=lambda s: (s.association_id, s.number))

    def by_number(self, association_id: str, year_id: str, number: int) -> Session | None:
        for session in self.of(association_id, year_id):
            if session.number == number:
                return session
        return None

    def next_number(self, association_id: str, year_id: str) -> int:
        return next_number(self.of(association_id, year_id))

    def figures(self, association_id: str, year_id: str, today: dt.date) -> YearFigures:
        """Held against the yearly minimum (Settings.rules), seminars, decisions past due."""
        return year_figures(self.of(association_id, year_id), self._store.settings().rules, today)

    def decisions(self, association_id: str | None, year_id: str) -> list[DecisionRow]:
        """Every decision of the year's sessions (of one association, or all), in protocol order."""
        sessions = self.in_year(year_id) if association_id is None else self.of(association_id, year_id)
        rows = []
        people = {t.id: t.full_name for t in self._store.teachers.all()}
        for session in sessions:
            for n, item in enumerate(session.agenda, 1):
                for m, decision in enumerate(item.decisions, 1):
                    who = ", ".join(
                        short_name(display_name(r, people, session.names)) if r.teacher_id else r.guest.strip()
                        for r in decision.responsible
                    )
                    rows.append(DecisionRow(session, n, m, item.title, decision, who))
        return rows

    def people_for(self, session: Session) -> tuple[list[tuple[str, str]], dict[str, str]]:
        """What the session editor offers and shows: (name, id) of the active teachers and of
        anyone the session names, in Kyrgyz order; and id → name of every teacher (frozen names
        of a closed year first)."""
        teachers = self._store.teachers.all()
        names = {t.id: t.full_name for t in teachers}
        names.update(session.names)
        named = session.teacher_ids()
        chosen = [t for t in teachers if t.active or t.id in named]
        offered = sorted(((names[t.id], t.id) for t in chosen), key=lambda pair: name_key(pair[0]))
        return offered, names

    # --- a new session --------------------------------------------------------------------------

    def new(self, association: Association, year: AcademicYear, today: dt.date, *, typical: bool = True) -> Session:
        """An unsaved draft: the next number, every member present, the head in the chair, the
        secretary, the school's village, and (if asked) the typical agenda of its place in the year."""
        number = self.next_number(association.id, year.id)
        settings = self._store.settings()
        members = [Member(m.name, m.teacher_id) for m in association.members]
        matcher = self._store.name_matcher()
        head = matcher.person(association.head) if association.head.strip() else Person()
        secretary = matcher.person(association.secretary) if association.secretary.strip() else Person()
        return Session(
            association_id=association.id,
            year_id=year.id,
            number=number,
            date=today if year.contains(today) else typical_date(number, year),
            place=settings.village,
            chair=head,
            secretary=secretary,
            attendance=default_attendance(members),
            agenda=typical_agenda(number, head) if typical else [],
        )

    # --- writing -----------------------------------------------------------------------------------

    def _year(self, year_id: str) -> AcademicYear | None:
        return self._store.years.find(year_id)

    def _validate(self, session: Session, others: list[Session]) -> Problems:
        # The unique number is the only rule that looks at other sessions: those of its association and year.
        peers = self.of(session.association_id, session.year_id)
        problems = validate_session(session, peers, self._year(session.year_id))
        if session.year_id and self._year(session.year_id) is None:
            problems.add("year_id", _("The academic year of this session is not in the school file."))
        if session.association_id and self._store.associations.find(session.association_id) is None:
            problems.add("association_id", _("The association of this session is not in the school file."))
        named = session.teacher_ids()
        if named and not named <= self._store.teachers.ids():
            problems.add("teacher_id", _("A teacher named in this session is not in the school file."))
        return problems

    def save(self, session: Session) -> Session:
        """Insert or update; a session without a number gets the next free one. Raises
        ValidationError (per field) or ClosedYear."""
        if session.number <= 0:
            session.number = self.next_number(session.association_id, session.year_id)
        return self.repo.save(session)

    def delete(self, session_id: str) -> None:
        """Delete one session; the others keep their numbers (renumber is a separate action)."""
        session = self.repo.get(session_id)
        self.repo.delete(session_id)

    def renumber(self, association_id: str, year_id: str) -> list[Session]:
        """Number the year's sessions 1, 2, … in date order, in one write; returns them."""
        pairs = renumbered(self.of(association_id, year_id))
        changed = [(s, n) for s, n in pairs if s.number != n]
        if changed:
            with self._store.school.label(_("sessions renumbered")), self._store.batch():
                # Through numbers no session has, so the unique-number rule holds at every step.
                top = max(s.number for s, _n in pairs) + len(pairs)
                for offset, (session, _n) in enumerate(changed, 1):
                    session.number = top + offset
                    self.repo.save(session)
                for session, number in changed:
                    session.number = number
                    self.repo.save(session)
        return self.of(association_id, year_id)

    def set_decision_status(self, session_id: str, decision_id: str, status: str, day: dt.date) -> Session:
        """Mark a decision done / not done / open again (`day` is when it was done)."""
        session = self.repo.get(session_id)
        for item in session.agenda:
            for decision in item.decisions:
                if decision.id == decision_id:
                    decision.status = status
                    decision.done_on = day if status == "done" else None
                    return self.repo.save(session)
        raise NotFound(decision_id)


# --- a teacher named in a protocol is never deleted (only marked as left) ---------------------------


def session_teacher_references(store: "Store", teacher_id: str) -> list[str]:
    years = {y.id: y.label for y in store.years.all()}
    associations = {a.id: a.name for a in store.associations.all()}
    found = []
    for session in store.sessions.all():
        if teacher_id in session.teacher_ids():
            found.append(
                _("session №{n} of «{association}», {year}").format(
                    n=session.number, association=associations.get(session.association_id, "?"),
                    year=years.get(session.year_id, "?"),
                )
            )
    return found


__all__ = ["ClosedYear", "DecisionRow", "Sessions", "ValidationError", "session_teacher_references"]

