"""The teachers' information bank (seed 001 §6.9–6.10): landscape PDF and report table."""

from __future__ import annotations

from dataclasses import dataclass

from ubtui.domain.associations import Association
from ubtui.domain.settings import Rules
from ubtui.domain.teachers import Teacher, award_text, category_label, education_label
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


def category_text(teacher: Teacher) -> str:
    text = category_label(teacher.category)
    if teacher.category != "none" and teacher.category_date:
        text += f"\n{teacher.category_date.strftime('%d.%m.%Y')}"
        if teacher.category_expires:
            text += "\n" + _("until {date}").format(date=teacher.category_expires.strftime("%d.%m.%Y"))
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


def staff_sheet(store: Store, options: Options) -> StaffSheet:
    scope = resolve(store, options)
    return StaffSheet(scope, staff_groups(store, scope))


def staff_pdf(store: Store, options: Options) -> bytes:
    """The information bank as a landscape A4 table per association, with its numbers."""
    return render_staff_pdf(staff_sheet(store, options))


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
    story = [
        pdf.para(scope.settings.school_title(), st.subtitle),
        pdf.para(_("Information on the teachers of the methodical associations"), st.title),
        pdf.para(scope.subtitle(), st.subtitle),
    ]
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
                category_text(teacher),
                awards_text(teacher),
                teacher.self_education_topic,
            ])
        if rows:
            story.append(pdf.table(headers, rows, _WEIGHTS, page.width, center_columns=(0, 2, 6)))
            story.append(pdf.para(composition_text(group.teachers, scope), st.small))
        else:
            story.append(pdf.para(_("No teachers are recorded yet."), st.body))
    return page.render(story, title=_("Information on the teachers"), footer=scope.settings.school_title())

