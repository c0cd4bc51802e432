"""`ubtui district report [--format text|csv|pdf]`: who submitted, and each school's compliance
per association with totals — the same figures as the schools' home screens."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ubtui.district.db import DistrictDB
from ubtui.district.views import ComplianceRow, district_compliance, missing_schools, school_title, sorted_schools
from ubtui.domain.plans import LATE, MISSING, NOT_YET, ON_TIME, UNAPPROVED_LATE
from ubtui.i18n import _, format_date, format_percent
from ubtui.reports.tables import TextTable


@dataclass
class DistrictReport:
    submitted: TextTable
    missing: TextTable
    compliance: TextTable
    expected: int  # how many schools the district expects (0: no list kept)


def _when(text: str) -> str:
    try:
        return format_date(dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date(), long=False)
    except (ValueError, AttributeError):
        return text or "—"


def plan_word(state: str) -> str:
    return {
        MISSING: _("none"), NOT_YET: _("not yet"), UNAPPROVED_LATE: _("not approved"),
        LATE: _("late"), ON_TIME: _("in time"),
    }.get(state, state)


def _row(row: ComplianceRow) -> list[str]:
    f = row.figures
    if f is None:
        return [row.school, row.association, "—", "—", "—", "—", "—", "—", "—"]
    done = f.plan
    return [
        row.school, row.association, row.year,
        f"{f.sessions.held}/{f.sessions.required}",
        f"{f.sessions.seminars}/{f.sessions.seminars_required}",
        plan_word(f.plan_state),
        format_percent(done.ratio or 0.0) if done is not None and done.total else "—",
        str(f.courses_overdue),
        str(f.young_without_mentor),
    ]


def build_report(db: DistrictDB, today: dt.date) -> DistrictReport:
    schools = sorted_schools(db)
    submitted = TextTable(
        _("Packets received"),
        [_("School"), _("Village"), _("Exported"), _("Imported"), _("Generation"), _("Records")],
        [[school_title(r), r["village"], _when(r["exported_at"]), _when(r["imported_at"]), str(r["generation"]),
          str(r["records"])] for r in schools],
    )
    absent = missing_schools(db)
    missing = TextTable(
        _("Expected schools without a packet"), [_("Number"), _("School")], [[n, name] for n, name in absent]
    )
    rows = district_compliance(db, today)
    body = [_row(r) for r in rows]
    counted = [r.figures for r in rows if r.figures is not None]
    if counted:
        total_done = sum(f.plan.done for f in counted if f.plan is not None)
        total_items = sum(f.plan.total for f in counted if f.plan is not None)
        body.append([
            _("Total"), _("{n} associations").format(n=len(rows)), "",
            f"{sum(f.sessions.held for f in counted)}/{sum(f.sessions.required for f in counted)}",
            f"{sum(f.sessions.seminars for f in counted)}/{sum(f.sessions.seminars_required for f in counted)}",
            _("{n} in time").format(n=sum(1 for f in counted if f.plan_in_time)),
            format_percent(total_done / total_items) if total_items else "—",
            str(sum(f.courses_overdue for f in counted)),
            str(sum(f.young_without_mentor for f in counted)),
        ])
    compliance = TextTable(
        _("Compliance by school and association"),
        [_("School"), _("Association"), _("Year"), _("Sessions"), _("Seminar"), _("Plan approved"),
         _("Plan done"), _("Courses overdue"), _("Young without mentor")],
        body,
    )
    return DistrictReport(submitted, missing, compliance, len(db.expected()))


def report_text(report: DistrictReport) -> str:
    from ubtui.reports.tables import render_text

    parts = [render_text(report.submitted)]
    if report.expected:
        parts.append(render_text(report.missing) if report.missing.rows else report.missing.title + ": " + _("none") + "\n")
    parts.append(render_text(report.compliance, max_width=24))
    return "\n".join(parts)


def report_csv(report: DistrictReport) -> str:
    """The compliance table (one row per school and association, then the totals) as CSV."""
    from ubtui.reports.tables import render_csv

    return render_csv(report.compliance)


def report_pdf(report: DistrictReport, today: dt.date) -> bytes:
    """The district summary in the documents' common style (A4 landscape)."""
    from ubtui.reports.pdf import Page, para, section, styles, table

    page = Page(landscape=True)
    st = styles()
    title = _("District summary of the methodical associations")
    story = [para(title, st.title), para(_("as of {date}").format(date=format_date(today)), st.subtitle)]
    story += section(report.submitted.title, st)
    story.append(table(report.submitted.headers, report.submitted.rows, [4, 2, 1.3, 1.3, 1, 1], page.width))
    if report.expected:
        story += section(report.missing.title, st)
        if report.missing.rows:
            story.append(table(report.missing.headers, report.missing.rows, [1, 6], page.width))
        else:
            story.append(para(_("none"), st.body))
    story += section(report.compliance.title, st)
    story.append(table(report.compliance.headers, report.compliance.rows, [4, 3, 1.4, 1, 1, 1.2, 1, 1, 1],
                       page.width, center_columns=range(2, 9),
                       bold_cells=[(len(report.compliance.rows) - 1, c) for c in range(9)] if report.compliance.rows else ()))
    return page.render(story, title=title, footer=title)
