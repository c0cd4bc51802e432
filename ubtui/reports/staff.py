"""The teachers' information bank (seed 001 §6.9–6.10): landscape PDF and report table."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ubtui.domain.associations import Association
from ubtui.domain.composition import (
    AGE_BANDS,
    EXPERIENCE_BANDS,
    NO_AWARD,
    UNKNOWN,
    Composition,
    band_key,
    category_expired,
    composition,
)
from ubtui.domain.courses import STATUS_ORDER, Course, status_label
from ubtui.domain.settings import Rules
from ubtui.domain.teachers import (
    AWARD_LEVELS,
    CATEGORIES,
    EDUCATION_LEVELS,
    Teacher,
    award_level_label,
    award_text,
    category_label,
    education_label,
)
from ubtui.i18n import _, format_number, ngettext
from ubtui.reports import Options
from ubtui.reports.scope import Scope, resolve
from ubtui.reports.tables import TextTable
from ubtui.store import Store


@dataclass
class StaffGroup:
    association: Association | None  # None: teachers with no association
    teachers: list[Teacher]

    def title(self) -> str:
        if self.association is None:
            return _("Teachers without an association")
        return _("Association: {name}").format(name=self.association.name)


def _on_staff(teacher: Teacher, scope: Scope) -> bool:
    """Working at the scope's day: active, or left only after it (a past year's bank)."""
    return teacher.active or (teacher.left_on is not None and teacher.left_on > scope.at)


def staff_groups(store: Store, scope: Scope) -> list[StaffGroup]:
    """The teachers of the scope, grouped by association in the associations' order."""
    teachers = [t for t in store.sorted_teachers(include_inactive=True) if _on_staff(t, scope)]
    if scope.teacher is not None:
        teachers = [t for t in teachers if t.id == scope.teacher.id] or [scope.teacher]
    associations = store.sorted_associations()
    if scope.association is not None:
        associations = [scope.association]
        teachers = [t for t in teachers if t.association_id == scope.association.id]
    groups = [StaffGroup(a, [t for t in teachers if t.association_id == a.id]) for a in associations]
    if scope.association is None:
        known = {a.id for a in associations}
        groups.append(StaffGroup(None, [t for t in teachers if t.association_id not in known]))
    return [g for g in groups if g.teachers] or groups[:1]


# --- cell texts (shared by the PDF and the table) ----------------------------------------------


def birth_year(teacher: Teacher) -> str:
    return str(teacher.birth_date.year) if teacher.birth_date else ""


def education_text(teacher: Teacher) -> str:
    parts = [education_label(teacher.education), teacher.institution.strip()]
    if teacher.graduation_year:
        parts.append(str(teacher.graduation_year))
    return ", ".join(p for p in parts if p)


def hours_text(value: float | None) -> str:
    return _("{n} h").format(n=format_number(value)) if value is not None else ""


def teaching_text(teacher: Teacher) -> str:
    """Subjects, then classes and weekly load, one per line."""
    lines = [teacher.subjects_text()]
    if teacher.classes.strip():
        lines.append(_("classes: {classes}").format(classes=teacher.classes.strip()))
    if teacher.weekly_load is not None:
        lines.append(_("load: {hours}").format(hours=hours_text(teacher.weekly_load)))
    return "\n".join(line for line in lines if line)


def experience_text(teacher: Teacher, scope: Scope) -> str:
    """`25 / 22` (total / pedagogical years); a young teacher is marked."""
    total = teacher.total_experience(scope.at)
    teaching = teacher.pedagogical_experience(scope.at)
    text = f"{'' if total is None else total} / {'' if teaching is None else teaching}"
    if teacher.is_young(scope.at, scope.settings.rules):
        text += "\n" + _("young teacher")
    return text if (total is not None or teaching is not None) else ""


def category_text(teacher: Teacher, at: dt.date | None = None) -> str:
    """The category, the day it was given, until when; an expired one says so."""
    text = category_label(teacher.category)
    if teacher.category != "none" and teacher.category_date:
        text += f"\n{teacher.category_date.strftime('%d.%m.%Y')}"
    if teacher.category != "none" and teacher.category_expires:
        text += "\n" + _("until {date}").format(date=teacher.category_expires.strftime("%d.%m.%Y"))
        if at is not None and category_expired(teacher, at):
            text += "\n" + _("expired")
    return text


def awards_text(teacher: Teacher, separator: str = "\n") -> str:
    return separator.join(award_text(a) for a in teacher.awards if a.title.strip())


def composition_text(teachers: list[Teacher], scope: Scope) -> str:
    """The group's numbers (seed 001 §6.9: the quantitative and qualitative make-up)."""
    rules: Rules = scope.settings.rules
    count = len(teachers)
    higher = sum(1 for t in teachers if t.education == "higher")
    young = sum(1 for t in teachers if t.is_young(scope.at, rules))
    categories = ", ".join(
        f"{category_label(code, short=True)} — {sum(1 for t in teachers if t.category == code)}"
        for code in ("highest", "first", "second", "none")
    )
    ages = [a for a in (t.age(scope.at) for t in teachers) if a is not None]
    parts = [
        ngettext("{n} teacher", "{n} teachers", count).format(n=count),
        _("higher education: {n}").format(n=higher),
        _("categories: {list}").format(list=categories),
        _("young teachers: {n}").format(n=young),
    ]
    if ages:
        parts.append(_("average age: {age}").format(age=format_number(sum(ages) / len(ages))))
    return _("Total: {parts}.").format(parts="; ".join(parts))


# --- the report table --------------------------------------------------------------------------


def staff_table(store: Store, options: Options) -> TextTable:
    """One row per teacher on the staff; `text_columns` are the ones a terminal shows."""
    scope = resolve(store, options)
    names = {a.id: a.name for a in store.associations.all()}
    headers = [
        _("No."), _("Association"), _("Full name"), _("Phone"), _("Birth year"), _("Age"), _("Education"),
        _("Institution"), _("Graduation year"), _("Specialty"), _("Subjects"), _("Classes"), _("Weekly load"),
        _("Total experience"), _("Teaching experience"), _("Young teacher"), _("Category"), _("Category date"),
        _("Awards"), _("Self-education topic"),
    ]
    rows = []
    number = 0
    for group in staff_groups(store, scope):
        for teacher in group.teachers:
            number += 1
            total, teaching, age = (teacher.total_experience(scope.at), teacher.pedagogical_experience(scope.at),
                                    teacher.age(scope.at))
            rows.append([
                str(number),
                names.get(teacher.association_id, ""),
                teacher.full_name,
                teacher.phone,
                birth_year(teacher),
                "" if age is None else str(age),
                education_label(teacher.education),
                teacher.institution,
                str(teacher.graduation_year or ""),
                teacher.specialty,
                teacher.subjects_text(),
                teacher.classes,
                "" if teacher.weekly_load is None else format_number(teacher.weekly_load),
                "" if total is None else str(total),
                "" if teaching is None else str(teaching),
                _("yes") if teacher.is_young(scope.at, scope.settings.rules) else "",
                category_label(teacher.category),
                teacher.category_date.strftime("%d.%m.%Y") if teacher.category_date else "",
                awards_text(teacher, "; "),
                teacher.self_education_topic,
            ])
    return TextTable(_title(scope), headers, rows, text_columns=[0, 2, 4, 6, 10, 13, 14, 16])


def _title(scope: Scope) -> str:
    parts = [_("Information on the teachers"), scope.year_text()]
    if scope.association is not None:
        parts.append(scope.association.name)
    return " — ".join(p for p in parts if p)


# --- the PDF -------------------------------------------------------------------------------------

# № | name | birth year | education | specialty | teaching | experience | category | awards | topic
_WEIGHTS = (7, 36, 11, 40, 27, 33, 17, 24, 35, 37)


@dataclass
class StaffSheet:
    """Everything the printed bank shows, read from the store (plain data: a worker thread may render it)."""

    scope: Scope
    groups: list[StaffGroup]
    courses: dict[str, list[Course]] = field(default_factory=dict)  # teacher id → courses

    def composition(self, teachers: list[Teacher]) -> Composition:
        return composition(teachers, self.scope.at, self.scope.settings.rules, self.courses)


def staff_sheet(store: Store, options: Options) -> StaffSheet:
    scope = resolve(store, options)
    courses: dict[str, list[Course]] = {}
    for course in store.courses.all():
        courses.setdefault(course.teacher_id, []).append(course)
    return StaffSheet(scope, staff_groups(store, scope), courses)


def staff_pdf(store: Store, options: Options) -> bytes:
    """The information bank as a landscape A4 table per association, with its numbers."""
    return render_staff_pdf(staff_sheet(store, options))


def bank_title(scope: Scope) -> str:
    """Seed 003's term, for one association or for the school's associations."""
    if scope.association is not None:
        return _("Information bank on the teachers of the methodical association «{name}»: "
                 "their quantitative and qualitative composition").format(name=scope.association.name)
    return _("Information bank on the teachers of the methodical associations: "
             "their quantitative and qualitative composition")


def composition_rows(comp: Composition) -> list[tuple[str, list[tuple[str, int]]]]:
    """The composition as (indicator, [(column, count), …]) rows, in print order; an empty
    "not known" column is left out."""

    def years(key: str) -> str:
        return _("{band} years").format(band=key.replace("<", "< ").replace("-", "–").replace("+", " +"))

    def known(pairs: list[tuple[str, int]], unknown: int) -> list[tuple[str, int]]:
        return pairs + ([(_("not known"), unknown)] if unknown else [])

    experience = [(years(band_key(b)), comp.experience[band_key(b)]) for b in EXPERIENCE_BANDS]
    def age_text(band: tuple[int | None, int | None]) -> str:  # ages are whole years: 30–39
        low, high = band
        key = band_key(band) if low is None or high is None else f"{low}-{high - 1}"
        return years(key)

    ages = [(age_text(b), comp.ages[band_key(b)]) for b in AGE_BANDS]
    return [
        (_("Education"), [(education_label(c), comp.education.get(c, 0)) for c in EDUCATION_LEVELS]),
        (_("Qualification category"),
         [(category_label(c), comp.categories.get(c, 0)) for c in CATEGORIES]
         + [(_("of them expired"), comp.expired_categories)]),
        (_("Teaching experience"), known(experience, comp.experience[UNKNOWN])),
        (_("Age"), known(ages, comp.ages[UNKNOWN])),
        (_("Young teachers"), [(_("total"), comp.total), (_("young teachers"), comp.young)]),
        (_("Awards (highest level)"),
         [(award_level_label(c), comp.awards.get(c, 0)) for c in AWARD_LEVELS] + [(_("no award"), comp.awards[NO_AWARD])]),
        (_("Qualification courses"), [(status_label(c), comp.courses.get(c, 0)) for c in STATUS_ORDER]),
    ]


def composition_story(title: str, comp: Composition, width: float, st) -> list:  # type: ignore[no-untyped-def]
    """A heading and one small table per indicator (columns: its bands), kept together."""
    from reportlab.lib import colors
    from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

    from ubtui.reports import pdf

    label_width = 48 * pdf.MM
    parts: list = [pdf.para(title, st.heading)]
    for label, pairs in composition_rows(comp):
        column = (width - label_width) / max(len(pairs), 1)
        column = min(column, 34 * pdf.MM)
        data = [
            [pdf.para(label, st.header_cell)] + [pdf.para(name, st.header_cell) for name, _n in pairs],
            [""] + [pdf.para(str(n), st.cell_center) for _name, n in pairs],
        ]
        table = Table(data, colWidths=[label_width] + [column] * len(pairs), hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), pdf.SANS, st.cell.fontSize),
            ("SPAN", (0, 0), (0, 1)),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#555555")),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#F0F0F0")),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]))
        parts += [table, Spacer(1, 2.5 * pdf.MM)]
    return [KeepTogether(parts)]


def render_staff_pdf(sheet: StaffSheet) -> bytes:
    """The PDF of a sheet already read from the store (no store access here)."""
    from ubtui.reports import pdf

    scope = sheet.scope
    page = pdf.Page(landscape=True)
    st = pdf.styles(9)
    headers = [
        _("No."),
        _("Full name, phone"),
        _("Birth year"),
        _("Education, institution, year of graduation"),
        _("Specialty (diploma)"),
        _("Subjects, classes, load"),
        _("Experience: total / teaching"),
        _("Qualification category"),
        _("Awards, titles"),
        _("Self-education topic"),
    ]
    school = scope.settings.school_title()
    title = bank_title(scope)
    story = [
        pdf.para(school, st.subtitle),
        pdf.para(title, st.title),
        pdf.para(scope.subtitle(), st.subtitle),
    ]
    everyone: list[Teacher] = []
    for group in sheet.groups:
        story.extend(pdf.section(group.title(), st))
        if group.association is not None and group.association.head.strip():
            story.append(pdf.para(_("Head: {name}").format(name=group.association.head.strip()), st.small))
        rows = []
        for number, teacher in enumerate(group.teachers, 1):
            rows.append([
                str(number),
                pdf.para_lines([(teacher.full_name, "b"), (teacher.position, None), (teacher.phone, None)], st.cell),
                birth_year(teacher),
                education_text(teacher),
                teacher.specialty,
                teaching_text(teacher),
                experience_text(teacher, scope),
                category_text(teacher, scope.at),
                awards_text(teacher),
                teacher.self_education_topic,
            ])
        if rows:
            everyone += group.teachers
            story.append(pdf.table(headers, rows, _WEIGHTS, page.width, center_columns=(0, 2, 6)))
            story.extend(composition_story(
                _("Composition: {name}").format(name=group.association.name) if group.association is not None
                else _("Composition: teachers without an association"),
                sheet.composition(group.teachers), page.width, st,
            ))
        else:
            story.append(pdf.para(_("No teachers are recorded yet."), st.body))
    if scope.association is None and len([g for g in sheet.groups if g.teachers]) > 1:
        story.extend(composition_story(_("Composition of the school's teachers"), sheet.composition(everyone),
                                       page.width, st))
    return page.render(story, title=title, footer=pdf.footer_text(school, _("Information bank on the teachers")))
