"""The store the app and the CLI use: an open school file plus its repositories."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Callable

from ubtui.domain.associations import Association, Member, validate_association
from ubtui.domain.courses import Course, CourseStatus, course_status, validate_course
from ubtui.domain.people import NameMatcher
from ubtui.domain.settings import Settings, validate_settings
from ubtui.domain.collation import name_key
from ubtui.domain.year_names import freeze_year_names
from ubtui.domain.teachers import Teacher, teacher_warnings, validate_teacher
from ubtui.domain.validation import Problems, ValidationError
from ubtui.domain.years import AcademicYear, pick_current, validate_year
from ubtui.store.repos import Repository, cut
from ubtui.errors import UserError
from ubtui.i18n import _, ngettext
from ubtui.store.schoolfile import School
from ubtui.store.sessions import Sessions, session_teacher_references
from ubtui.store.plans import Plans, plan_teacher_references
from ubtui.store.mentoring import Mentoring, mentoring_teacher_references
from ubtui.store.lessons import Lessons, lesson_teacher_references
from ubtui.store.year_reports import YearReports
from ubtui.store.years import ClosedYearGuard

# Where a teacher is named in other records, as translated phrases ("session №2 of 2025-2026").
# Each later area (sessions, mentoring, lessons) appends its own check; a teacher named
# anywhere is never deleted, only marked as left.
TeacherReferences = Callable[["Store", str], list[str]]
TEACHER_REFERENCES: list[TeacherReferences] = [
    plan_teacher_references, session_teacher_references, mentoring_teacher_references, lesson_teacher_references,
]


CHOICES = ("last_association_id", "language")  # settings that are a choice, not a change


def _keep_choices(tables: dict, current: dict) -> dict:
    """The restored tables with the current choices in their settings record."""
    now = next(iter((current.get("settings") or {}).values()), None)
    for record in (tables.get("settings") or {}).values():
        if now is not None:
            record.update({name: now[name] for name in CHOICES if name in now})
    return tables


class TeacherInUse(UserError):
    """The teacher is named in other records; mark them as left instead."""


class Store:
    """Typed access to one school file. Touch it from one thread only."""

    def __init__(self, school: School) -> None:
        self.school = school
        # One guard for every table: nothing that belongs to a closed year is changed (store/years.py).
        self.closed_years = ClosedYearGuard(school)
        school.guards.append(self.closed_years)
        self._settings = Repository(school, "settings", Settings, describe=lambda _s: _("the settings"))
        self.years: Repository[AcademicYear] = Repository(
            school, "years", AcademicYear, validate_year, lambda y: _("academic year {label}").format(label=y.label)
        )
        self.associations: Repository[Association] = Repository(
            school, "associations", Association, validate_association,
            lambda a: _("association «{name}»").format(name=cut(a.name)),
        )
        self.teachers: Repository[Teacher] = Repository(
            school, "teachers", Teacher, validate_teacher, lambda t: _("teacher {name}").format(name=cut(t.full_name))
        )
        self.courses: Repository[Course] = Repository(
            school, "courses", Course, self._validate_course, lambda c: _("course «{title}»").format(title=cut(c.title))
        )
        self.sessions = Sessions(self)
        self.plans = Plans(self)
        self.mentoring = Mentoring(self)
        self.lessons = Lessons(self)
        self.year_reports = YearReports(self)

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False) -> "Store":
        return cls(School.open(path, read_only=read_only))

    def close(self) -> None:
        self.school.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def path(self) -> Path:
        return self.school.path

    @property
    def read_only(self) -> bool:
        return self.school.read_only

    # --- undo ------------------------------------------------------------------------

    def undo(self) -> str | None:
        """Undo the last change of this run: the state before it is written back as a new
        generation (atomic and backed up like any write). Returns what was undone, or None.
        The choices (association last chosen, language) stay as they are now."""
        return self.school.undo(_keep_choices)

    def redo(self) -> str | None:
        """Apply again what the last undo took back; None when there is nothing to redo."""
        return self.school.redo(_keep_choices)

    def remember_choice(self, *, association_id: str | None = None, language: str | None = None) -> None:
        """Remember the association chosen or the language in the settings; not a change to undo."""
        settings = self.settings()
        if association_id is not None:
            settings.last_association_id = association_id
        if language is not None:
            settings.language = language
        with self.school.not_undoable():
            self.save_settings(settings)

    @property
    def can_undo(self) -> bool:
        return self.school.history.can_undo

    @property
    def can_redo(self) -> bool:
        return self.school.history.can_redo

    def batch(self):
        return self.school.batch()

    # --- settings --------------------------------------------------------------

    def settings(self) -> Settings:
        found = self._settings.all()
        return found[0] if found else Settings()

    def is_set_up(self) -> bool:
        """A school file is set up once its settings name the school."""
        return bool(self._settings.all())

    def save_settings(self, settings: Settings) -> Settings:
        problems = validate_settings(settings)
        if problems:
            raise ValidationError(problems)
        current = self._settings.all()
        if current:
            settings.id = current[0].id
        return self._settings.save(settings)

    # --- years and associations -----------------------------------------------------

    def sorted_years(self) -> list[AcademicYear]:
        return sorted(self.years.all(), key=lambda y: y.start)

    def current_year(self, today: dt.date | None = None) -> AcademicYear | None:
        return pick_current(self.years.all(), today or dt.date.today())

    def find_year(self, label_or_id: str) -> AcademicYear | None:
        for year in self.years.all():
            if label_or_id in (year.label, year.id):
                return year
        return None

    def sorted_associations(self) -> list[Association]:
        return sorted(self.associations.all(), key=lambda a: name_key(a.name))

    def find_association(self, name_or_id: str) -> Association | None:
        """By id, exact name, or a unique case-insensitive part of the name."""
        items = self.associations.all()
        for item in items:
            if name_or_id in (item.id, item.name):
                return item
        needle = name_or_id.casefold()
        matches = [a for a in items if needle in a.name.casefold()]
        return matches[0] if len(matches) == 1 else None

    def chosen_association(self) -> Association | None:
        """The association last chosen in the TUI, else the first."""
        settings = self.settings()
        items = self.sorted_associations()
        for item in items:
            if item.id == settings.last_association_id:
                return item
        return items[0] if items else None

    def save_association(self, association: Association, member_ids: list[str] | None = None) -> Association:
        """Save an association in one write; with `member_ids`, exactly those teachers become its
        members (a teacher moves from their old association, one left out loses it)."""
        with self.school.label(_("{what} saved").format(what=self.associations.what(association))), self.batch():
            saved = self.associations.save(association)
            if member_ids is not None:
                chosen = set(member_ids)
                for teacher in self.teachers.all():
                    if teacher.id in chosen and teacher.association_id != saved.id:
                        self.save_teacher(dataclasses.replace(teacher, association_id=saved.id))
                    elif teacher.id not in chosen and teacher.association_id == saved.id:
                        self.save_teacher(dataclasses.replace(teacher, association_id=""))
        return self.associations.get(saved.id)

    def _dependent_records(self, field: str, value: str) -> str:
        """What sessions and plans hang on an association or a year, as a translated phrase."""
        sessions = sum(1 for x in self.sessions.all() if getattr(x, field) == value)
        plans = sum(1 for x in self.plans.plans.all() if getattr(x, field) == value)
        analyses = sum(1 for x in self.year_reports.all() if getattr(x, field) == value)
        parts = []
        if sessions:
            parts.append(ngettext("{n} session", "{n} sessions", sessions).format(n=sessions))
        if plans:
            parts.append(ngettext("{n} work plan", "{n} work plans", plans).format(n=plans))
        if analyses:
            parts.append(ngettext("{n} year-end analysis", "{n} year-end analyses", analyses).format(n=analyses))
        return ", ".join(parts)

    def delete_association(self, association_id: str) -> None:
        """Delete an association that has no sessions or plans; its teachers stay, without one."""
        association = self.associations.get(association_id)
        if found := self._dependent_records("association_id", association_id):
            raise UserError(
                _("«{name}» cannot be deleted: it has {what}, which would be lost.").format(name=association.name, what=found)
            )
        with self.school.label(_("{what} deleted").format(what=self.associations.what(association))), self.batch():
            for teacher in self.teachers.all():
                if teacher.association_id == association_id:
                    self.save_teacher(dataclasses.replace(teacher, association_id=""))
            self.associations.delete(association_id)

    def delete_year(self, year_id: str) -> None:
        """Delete an academic year that has no sessions or plans."""
        year = self.years.get(year_id)
        if found := self._dependent_records("year_id", year_id):
            raise UserError(_("{label} cannot be deleted: it has {what}, which would be lost.").format(label=year.label, what=found))
        self.years.delete(year_id)

    # --- teachers ------------------------------------------------------------------------

    def sorted_teachers(self, *, include_inactive: bool = False) -> list[Teacher]:
        """Teachers by name; those who left only when asked for."""
        items = [t for t in self.teachers.all() if include_inactive or t.active]
        return sorted(items, key=lambda t: name_key(t.full_name))

    def teachers_of(self, association_id: str, *, include_inactive: bool = False) -> list[Teacher]:
        """The teachers whose association is `association_id` ('' for those without one), by name."""
        return [t for t in self.sorted_teachers(include_inactive=include_inactive) if t.association_id == association_id]

    def find_teacher(self, name_or_id: str) -> Teacher | None:
        """By id, exact name, or a unique case-insensitive part of the name."""
        items = self.teachers.all()
        for item in items:
            if name_or_id in (item.id, item.full_name):
                return item
        needle = " ".join(name_or_id.split()).casefold()
        matches = [t for t in items if needle and needle in " ".join(t.full_name.split()).casefold()]
        return matches[0] if len(matches) == 1 else None

    def teachers_by_id(self) -> dict[str, Teacher]:
        """Every teacher (those who left too) by id: what names a person in a session or plan."""
        return {t.id: t for t in self.teachers.all()}

    def name_matcher(self) -> NameMatcher:
        """Finds the teacher a typed name means (an association's head, an old text)."""
        return NameMatcher((t.id, t.full_name) for t in self.teachers.all())

    def freeze_year_names(self, year_id: str) -> int:
        """Keep the names the year's sessions and plans print with today, whatever later renames
        do (called when a year is closed); one write. Returns how many records changed."""
        sessions, plans = freeze_year_names(
            self.sessions.in_year(year_id), self.plans.of_year(year_id), self.plans.items.all(), self.teachers_by_id()
        )
        if sessions or plans:
            year = self.years.find(year_id)
            with self.school.label(_("the names of {label} kept").format(label=year.label if year else "?")), self.batch():
                for session in sessions:
                    self.sessions.repo.save(session)
                for plan in plans:
                    self.plans.plans.save(plan)
        return len(sessions) + len(plans)

    def members_of(self, association: Association) -> list[Teacher]:
        """The teacher records the association's members link to, in the members' order."""
        by_id = {t.id: t for t in self.teachers.all()}
        return [by_id[m.teacher_id] for m in association.members if m.teacher_id in by_id]

    def teacher_warnings(self, teacher: Teacher) -> list[str]:
        """What a form shows before saving (a likely duplicate); the save is still allowed."""
        return teacher_warnings(teacher, self.teachers.all())

    def save_teacher(self, teacher: Teacher) -> Teacher:
        """Save a teacher and keep the associations' member lists in step, in one write.

        An active teacher is a member of their association (linked by id, named as the
        record is); moving to another association removes them from the old one; a
        teacher who left is removed from every member list (old records keep the id).
        """
        with self.batch():
            before = self.teachers.find(teacher.id)
            saved = self.teachers.save(teacher)
            self._sync_membership(saved, before)
        return saved

    def _sync_membership(self, teacher: Teacher, before: Teacher | None) -> None:
        name_key = teacher.full_name.strip().casefold()
        for association in self.associations.all():
            members = [Member(m.name, m.teacher_id) for m in association.members]
            linked = [m for m in members if m.teacher_id == teacher.id]
            moved_away = before is not None and before.association_id == association.id != teacher.association_id
            if linked and (not teacher.active or moved_away):
                members = [m for m in members if m.teacher_id != teacher.id]
            elif linked:
                for member in linked:
                    member.name = teacher.full_name
            elif teacher.active and teacher.association_id == association.id:
                by_name = [m for m in members if not m.teacher_id and m.name.strip().casefold() == name_key]
                if by_name:  # a member typed by name before the record existed
                    by_name[0].name, by_name[0].teacher_id = teacher.full_name, teacher.id
                else:
                    members.append(Member(name=teacher.full_name, teacher_id=teacher.id))
            if members != association.members:
                association.members = members
                self.associations.save(association)

    def teacher_references(self, teacher_id: str) -> list[str]:
        """Where the teacher is named in other records (empty: safe to delete)."""
        found: list[str] = []
        for check in TEACHER_REFERENCES:
            found.extend(check(self, teacher_id))
        return found

    def delete_teacher(self, teacher_id: str) -> None:
        """Delete a teacher with their courses and membership; refused if named elsewhere."""
        references = self.teacher_references(teacher_id)
        if references:
            raise TeacherInUse(
                _("The teacher cannot be deleted: named in {where}. Mark them as left instead.").format(
                    where="; ".join(references[:3]) + ("…" if len(references) > 3 else "")
                )
            )
        teacher = self.teachers.get(teacher_id)
        with self.school.label(_("{what} deleted").format(what=self.teachers.what(teacher))), self.batch():
            for course in self.courses_of(teacher_id):
                self.courses.delete(course.id)
            for association in self.associations.all():
                kept = [m for m in association.members if m.teacher_id != teacher_id]
                if len(kept) != len(association.members):
                    association.members = kept
                    self.associations.save(association)
            self.teachers.delete(teacher_id)

    def retire_teacher(self, teacher_id: str, day: dt.date | None = None) -> Teacher:
        """Mark a teacher as left on `day`: kept in old records, gone from lists and member lists."""
        teacher = self.teachers.get(teacher_id)
        teacher.active = False
        teacher.left_on = day or self.school.today()
        with self.school.label(_("{what} marked as left").format(what=self.teachers.what(teacher))):
            return self.save_teacher(teacher)

    def delete_or_retire(self, teacher_id: str, day: dt.date | None = None) -> bool:
        """Delete the teacher if nothing names them, else mark them as left; True when deleted."""
        if self.teacher_references(teacher_id):
            self.retire_teacher(teacher_id, day)
            return False
        self.delete_teacher(teacher_id)
        return True

    # --- courses ------------------------------------------------------------------------------

    def _validate_course(self, course: Course, others: list[Course]) -> Problems:
        problems = validate_course(course, others)
        if course.teacher_id and self.teachers.find(course.teacher_id) is None:
            problems.add("teacher_id", _("The teacher of this course is not in the school file."))
        return problems

    def courses_of(self, teacher_id: str) -> list[Course]:
        """A teacher's courses, the newest first."""
        items = [c for c in self.courses.all() if c.teacher_id == teacher_id]
        return sorted(items, key=lambda c: (c.end or c.start or dt.date.min, c.start or dt.date.min), reverse=True)

    def course_status_of(self, teacher: Teacher, today: dt.date | None = None) -> CourseStatus:
        return course_status(self.courses_of(teacher.id), today or self.school.today(), self.settings().rules,
                             teacher.pedagogical_start)

    def course_statuses(
        self,
        today: dt.date | None = None,
        *,
        association_id: str | None = None,
        include_inactive: bool = False,
    ) -> list[tuple[Teacher, CourseStatus]]:
        """Every teacher's course status, the most urgent first ("who is due")."""
        today = today or self.school.today()
        rules = self.settings().rules
        by_teacher: dict[str, list[Course]] = {}
        for course in self.courses.all():
            by_teacher.setdefault(course.teacher_id, []).append(course)
        pairs = [
            (teacher, course_status(by_teacher.get(teacher.id, []), today, rules, teacher.pedagogical_start))
            for teacher in self.sorted_teachers(include_inactive=include_inactive)
            if association_id is None or teacher.association_id == association_id
        ]
        return sorted(pairs, key=lambda pair: pair[1].urgency())
