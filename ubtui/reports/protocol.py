"""The protocol of a session (DESIGN.md §4.1) and the year's protocols for the folder.

Two steps, so that a screen can read the school file on its own thread and lay
the PDF out in a worker: `protocol_book()` copies what the pages need out of the
store; `render_protocols()` turns that into PDF bytes and touches nothing else.

The year's book has a title page whose contents list the page each protocol
starts on: the pages are held back until the end (the shared page X / Y canvas),
so the contents are drawn onto the title page once every page number is known,
in one layout pass.  A draft carries a ДОЛБООР / ЧЕРНОВИК mark on each of its pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable

from ubtui.domain.associations import Association
from ubtui.domain.people import PersonLike, display_name
from ubtui.domain.sessions import AgendaItem, Session
from ubtui.domain.settings import Settings
from ubtui.domain.years import AcademicYear
from ubtui.errors import UserError
from ubtui.i18n import _, format_date
from ubtui.reports import Options
from ubtui.reports.scope import pick_association, pick_year
from ubtui.reports.tables import TextTable
from ubtui.store import Store

Progress = Callable[[int, int], None]  # (protocols laid out, protocols in all)


@dataclass
class ProtocolBook:
    """Everything the pages print, read from the store beforehand (safe to hand to a worker)."""

    settings: Settings
    association: Association
    year: AcademicYear
    sessions: list[Session]
    title_page: bool = False
    people: dict[str, str] = field(default_factory=dict)  # teacher id → full name, as of today

    def name(self, session: Session, ref: PersonLike) -> str:
        """A person of `session` as printed: its frozen name (closed year), today's, or the guest's."""
        return display_name(ref, self.people, session.names)


# --- reading ---------------------------------------------------------------------------------


def _scope(store: Store, options: Options) -> tuple[Association, AcademicYear]:
    year = pick_year(store, options)
    if year is None:
        raise UserError(_("There is no academic year in the school file yet."))
    if options.association:
        association = pick_association(store, options.association)
    else:
        association = store.chosen_association()
        if association is None:
            raise UserError(_("There is no methodical association in the school file yet."))
    return association, year


def protocol_book(
    store: Store, association: Association, year: AcademicYear, sessions: list[Session] | None = None,
    *, title_page: bool | None = None,
) -> ProtocolBook:
    """The book of `sessions` (default: every session of the association in the year, by number)."""
    chosen = store.sessions.of(association.id, year.id) if sessions is None else list(sessions)
    return ProtocolBook(
        settings=store.settings(),
        association=association,
        year=year,
        sessions=chosen,
        title_page=(sessions is None) if title_page is None else title_page,
        people={t.id: t.full_name for t in store.teachers.all()},
    )


def book_for(store: Store, options: Options, *, whole_year: bool) -> ProtocolBook:
    """The book a print command asks for: one session (`--session N`) or the whole year."""
    association, year = _scope(store, options)
    sessions = store.sessions.of(association.id, year.id)
    if whole_year:
        if not sessions:
            raise UserError(
                _("«{name}» has no sessions recorded in {year}.").format(name=association.name, year=year.label)
            )
        return protocol_book(store, association, year, title_page=True)
    numbers = ", ".join(str(s.number) for s in sessions) or "—"
    if options.session is None:
        raise UserError(_("Say which session to print: --session N (recorded: {numbers}).").format(numbers=numbers))
    chosen = [s for s in sessions if s.number == options.session]
    if not chosen:
        raise UserError(
            _("There is no session №{n} of «{name}» in {year} (recorded: {numbers}).").format(
                n=options.session, name=association.name, year=year.label, numbers=numbers
            )
        )
    return protocol_book(store, association, year, chosen, title_page=False)


def protocol_pdf(store: Store, options: Options) -> bytes:
    """`ubtui print protocol --session N`: one session's protocol."""
    return render_protocols(book_for(store, options, whole_year=False))


def protocols_pdf(store: Store, options: Options) -> bytes:
    """`ubtui print protocols`: the year's protocols with a title page and contents."""
    return render_protocols(book_for(store, options, whole_year=True))


def protocol_file_name(store: Store, options: Options, *, whole_year: bool) -> str:
    """`protocol-2_2025-2026.pdf` / `protocols_2025-2026.pdf`."""
    _association, year = _scope(store, options)
    if whole_year:
        return f"protocols_{year.label}.pdf"
    return f"protocol-{options.session or 0}_{year.label}.pdf"


def protocols_table(store: Store, options: Options) -> TextTable:
    """`ubtui report protocols`: the year's sessions, what each protocol holds or lacks."""
    from ubtui.domain.sessions import kind_label, missing_parts, status_label

    association, year = _scope(store, options)
    headers = [_("No."), _("Date"), _("Kind"), _("Status"), _("Present"), _("Absent"), _("Items"), _("Decisions"),
               _("Protocol")]
    rows = []
    people = store.teachers_by_id()
    for s in store.sessions.of(association.id, year.id):
        missing = missing_parts(s, people)
        rows.append([
            str(s.number), format_date(s.date, long=False), kind_label(s.kind), status_label(s.status),
            str(len(s.present())), str(len(s.absent())), str(len(s.agenda)), str(s.decision_count()),
            _("complete") if not missing else _("missing: {what}").format(what="; ".join(missing)),
        ])
    title = _("Sessions of «{name}», {year}").format(name=association.name, year=year.label)
    return TextTable(title, headers, rows)


# --- the texts of the form ------------------------------------------------------------------------


def title_text(association: Association, session: Session) -> str:
    return _("Protocol №{number} of the session of the methodical association «{name}»").format(
        number=session.number, name=association.name
    )


def kind_text(session: Session) -> str:
    return {
        "extraordinary": _("(extraordinary session)"),
        "seminar": _("(practical seminar)"),
    }.get(session.kind, "")


def decision_tail(decision: Any, name: Callable[[PersonLike], str]) -> str:
    """`(responsible: …, due: …)`, or nothing; `name` names a person. Russian says
    "ответственный" for one person."""
    from ubtui.domain.names import names_count
    from ubtui.i18n import ngettext

    parts = []
    names = [n for n in (name(r) for r in decision.responsible) if n]
    who = ", ".join(names)
    if who:
        count = len(names) if len(names) > 1 else names_count(who)  # one guest field may list several
        parts.append(ngettext("responsible (one): {who}", "responsible (several): {who}", count).format(who=who))
    if decision.due is not None:
        parts.append(_("due: {date}").format(date=format_date(decision.due)))
    return f" ({', '.join(parts)})" if parts else ""


def vote_text(item: AgendaItem) -> str:
    vote = item.vote
    assert vote is not None
    return _("in favour — {a}, against — {b}, abstained — {c}").format(a=vote.in_favour, b=vote.against, c=vote.abstained)


def _lines(text: str) -> list[str]:
    """Paragraphs of typed text: one per line, blank lines dropped (the spacing is the style's)."""
    return [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if line.strip()]


# --- styles ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Styles:
    school: Any
    title: Any
    kind: Any
    body: Any
    right: Any
    text: Any  # justified running text
    label: Any
    item: Any
    indented: Any
    listed: Any
    decision: Any
    sign: Any
    cover_title: Any
    cover_year: Any
    cover_small: Any


@lru_cache(maxsize=1)
def _styles() -> _Styles:
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT

    from ubtui.reports import pdf
    from ubtui.reports.pdf import SERIF

    # Left-aligned (no hyphenation for Kyrgyz: justified lines would gape); numbers at the text's size;
    # no paragraph leaves a single line at the top or the foot of a page.
    TA_JUSTIFY = TA_LEFT  # noqa: N806

    def style(name: str, font: str = SERIF, size: float = 11.5, **extra: Any) -> Any:
        return pdf.style(name, font, size, **extra)

    return _Styles(
        school=style("pr-school", size=11, alignment=TA_CENTER),
        title=style("pr-title", SERIF + "-Bold", 13, alignment=TA_CENTER, spaceBefore=6, spaceAfter=2),
        kind=style("pr-kind", SERIF, 11, alignment=TA_CENTER),
        body=style("pr-body", spaceAfter=2),
        right=style("pr-right", spaceAfter=2, alignment=TA_RIGHT),
        text=style("pr-text", alignment=TA_JUSTIFY, firstLineIndent=18, spaceAfter=2),
        label=style("pr-label", SERIF + "-Bold", spaceBefore=6, spaceAfter=2),
        item=style("pr-item", SERIF + "-Bold", spaceBefore=10, spaceAfter=3),
        indented=style("pr-indented", alignment=TA_JUSTIFY, leftIndent=18, spaceAfter=2),
        listed=style("pr-listed", leftIndent=30, bulletIndent=4, spaceAfter=1),
        decision=style("pr-decision", alignment=TA_JUSTIFY, leftIndent=30, bulletIndent=4, spaceAfter=3),
        sign=style("pr-sign", size=11.5),
        cover_title=style("pr-cover-title", SERIF + "-Bold", 17, alignment=TA_CENTER, spaceBefore=40, spaceAfter=10),
        cover_year=style("pr-cover-year", SERIF, 14, alignment=TA_CENTER, spaceAfter=30),
        cover_small=style("pr-cover-small", SERIF, 11.5, alignment=TA_CENTER),
    )


def _escape(text: str) -> str:
    """`pdf.escape`, with a fast way for the usual text whose every character the fonts have."""
    from ubtui.reports.pdf import escape, register_fonts

    covered = register_fonts()
    if covered.issuperset(map(ord, text)):
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return escape(text)  # line breaks, tabs, characters the fonts lack


def _keep_room(lines: int = 3) -> Any:
    """A heading never ends a page: a new page unless `lines` more lines fit under it.

    (Cheaper than keepWithNext, which lays the next paragraph out twice.)"""
    from reportlab.platypus import CondPageBreak

    return CondPageBreak(lines * 15 + 12)


def _p(text: str, style: Any, *, bullet: str | None = None) -> Any:
    """A paragraph of our own markup around already escaped user text."""
    from reportlab.platypus import Paragraph

    return Paragraph(text, style, bulletText=bullet)


# --- the flowables that tell the canvas where things are ---------------------------------------------


@dataclass
class _Layout:
    """What the layout learns for the canvas: where each protocol starts, where the contents go."""

    total: int
    progress: Progress | None = None
    starts: dict[int, int] = field(default_factory=dict)  # protocol index → its first page
    contents_at: tuple[int, float, float, float] | None = None  # page, x, y (top), width
    sheets_at: tuple[int, float, float] | None = None  # page, x, y of the cover's "number of sheets"


def _flowables() -> tuple[type, type]:
    from reportlab.platypus import Flowable

    class Start(Flowable):
        """Zero-size: notes the page a protocol starts on, and reports progress."""

        def __init__(self, layout: _Layout, index: int) -> None:
            super().__init__()
            self.layout, self.index = layout, index

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            return 0, 0

        def draw(self) -> None:
            self.layout.starts[self.index] = self.canv.getPageNumber()
            if self.layout.progress is not None:
                self.layout.progress(self.index + 1, self.layout.total)

    class ContentsSpace(Flowable):
        """Keeps room for the contents, drawn once the page numbers are known."""

        def __init__(self, layout: _Layout, rows: int, leading: float) -> None:
            super().__init__()
            self.layout, self.rows, self.leading = layout, rows, leading

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self.width = available_width
            return available_width, self.rows * self.leading

        def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802 (ReportLab's name)
            self.layout.contents_at = (canvas.getPageNumber(), x, y + self.rows * self.leading, self.width)

        def draw(self) -> None:
            pass

    class SheetsSpace(Flowable):
        """A line kept for "Number of sheets: N", written once the last page is known."""

        def __init__(self, layout: _Layout, leading: float) -> None:
            super().__init__()
            self.layout, self.leading = layout, leading

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            return available_width, self.leading + 2

        def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802 (ReportLab's name)
            self.layout.sheets_at = (canvas.getPageNumber(), x, y + 3)

        def draw(self) -> None:
            pass

    return Start, ContentsSpace, SheetsSpace


# --- the story ---------------------------------------------------------------------------------------


def _session_story(book: ProtocolBook, session: Session, st: _Styles) -> list[Any]:
    from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

    from ubtui.reports.pdf import MM, SERIF

    e = _escape
    settings = book.settings
    story: list[Any] = []
    if settings.school_title():
        story.append(_p(e(settings.school_title()), st.school))
    if settings.place_text():
        story.append(_p(e(settings.place_text()), st.school))
    story.append(_p(e(title_text(book.association, session)), st.title))
    if kind_text(session):
        story.append(_p(e(kind_text(session)), st.kind))
    from ubtui.reports.pdf import Page, clip_text

    width = Page().width
    place = clip_text(session.place, width * 0.6, st.right.fontSize, st.right.leading, 120)
    date_place = Table(
        [[_p(e(format_date(session.date)) if session.date else "____________", st.body),
          _p(e(place), st.right)]],
        colWidths=[width * 0.4, width * 0.6],
    )
    date_place.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), SERIF, 11),  # else empty cells name Helvetica
                                    ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                    ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [Spacer(1, 2 * MM), date_place, Spacer(1, 3 * MM)]

    def labelled(label: str, value: str) -> Any:
        return _p(f"<b>{e(label)}</b> {e(value)}", st.body)

    def name(ref: PersonLike) -> str:
        return book.name(session, ref)

    chair, secretary = name(session.chair), name(session.secretary)
    story.append(labelled(_("Chair:"), chair))
    story.append(labelled(_("Secretary:"), secretary))
    present, absent = session.present(), session.absent()
    present_names = ", ".join(name(a) for a in present)
    story.append(labelled(_("Present:"), f"{len(present)}" + (f" — {present_names}" if present else "")))
    if absent:
        absent_names = "; ".join(f"{name(a)} ({a.reason.strip() or '…'})" for a in absent)
        story.append(labelled(_("Absent:"), f"{len(absent)} — {absent_names}"))
    else:
        story.append(labelled(_("Absent:"), _("none")))
    if session.guests:
        story.append(labelled(_("Invited:"), "; ".join(g.text() for g in session.guests if g.text())))

    story += [_keep_room(), _p(e(_("AGENDA:")), st.label)]
    for n, item in enumerate(session.agenda, 1):
        line = item.title.strip()
        if name(item.rapporteur):
            line += " " + _("(rapporteur: {name})").format(name=name(item.rapporteur))
        story.append(_p(e(line), st.listed, bullet=f"{n}."))

    draft = session.status != "held"
    for n, item in enumerate(session.agenda, 1):
        story.extend(_item_story(n, item, st, name, draft=draft))
    if draft and not session.agenda:
        story.append(_ruled(4))

    from ubtui.reports.pdf import signature_line

    signatures = KeepTogether([
        signature_line(_("Chair of the session"), chair, width=width, size=11.5),
        Spacer(1, 3 * MM),
        signature_line(_("Secretary of the session"), secretary, width=width, size=11.5),
    ])
    # The signatures never stand alone on a page: the last lines of the protocol go with them.
    last = [story.pop()] if len(story) > 1 else []
    story.append(KeepTogether(last + [Spacer(1, 6 * MM), signatures]))
    return story


def _ruled(count: int) -> Any:
    """Lines to write on by hand, where a draft's part is still empty."""
    from ubtui.reports.pdf import Page, ruled_lines

    return ruled_lines(count, Page().width)


def _item_story(n: int, item: AgendaItem, st: _Styles, name: Callable[[PersonLike], str], *, draft: bool = False) -> list[Any]:
    e = _escape

    story: list[Any] = [_keep_room(4), _p(e(f"{n}. {item.title.strip()}"), st.item)]
    heard = _lines(item.heard)
    lead = f"<b>{e(_('HEARD:'))}</b> "
    if name(item.rapporteur):
        lead += e(name(item.rapporteur)) + (" — " if heard else "")
    story.append(_p(lead + (e(heard[0]) if heard else ""), st.text))
    story.extend(_p(e(line), st.text) for line in heard[1:])
    if draft and not heard:
        story.append(_ruled(4))
    if draft and not item.speakers:
        story += [_keep_room(), _p(e(_("SPOKE:")), st.label), _ruled(3)]
    if item.speakers:
        story += [_keep_room(), _p(e(_("SPOKE:")), st.label)]
        for speaker in item.speakers:
            said = _lines(speaker.text)
            head = f"<b>{e(name(speaker))}:</b> " + (e(said[0]) if said else "")
            story.append(_p(head, st.indented))
            story.extend(_p(e(line), st.indented) for line in said[1:])
    decisions = [d for d in item.decisions if d.text.strip()]
    story += [_keep_room(), _p(e(_("RESOLVED:")), st.label)]
    if not decisions:
        story.append(_ruled(3) if draft else _p("…", st.indented))
    for m, decision in enumerate(decisions, 1):
        said = _lines(decision.text)
        text = "<br/>".join(e(line) for line in said) + e(decision_tail(decision, name))
        story.append(_p(text, st.decision, bullet=f"{n}.{m}."))
    if item.vote is not None:
        story.append(_p(f"<b>{e(_('Vote:'))}</b> {e(vote_text(item))}", st.indented))
    return story


def _cover_story(book: ProtocolBook, layout: _Layout, st: _Styles, Contents: type,  # noqa: N803
                 SheetsSpace: type) -> list[Any]:  # noqa: N803
    from reportlab.platypus import PageBreak, Spacer

    from ubtui.reports.pdf import MM

    e = _escape

    settings = book.settings
    place = settings.place_text()
    story: list[Any] = [Spacer(1, 10 * MM)]
    if settings.school_title():
        story.append(_p(e(settings.school_title()), st.cover_small))
    if place:
        story.append(_p(e(place), st.cover_small))
    story.append(_p(e(_("Protocols of the sessions of the methodical association «{name}»").format(
        name=book.association.name)), st.cover_title))
    story.append(_p(e(_("{label} academic year").format(label=book.year.label)), st.cover_year))
    if book.association.head.strip():
        story.append(_p(e(_("Head of the association: {name}").format(name=book.association.head.strip())), st.body))
    started, ended = book_dates(book)
    story.append(_p(e(_("Started: {date}").format(date=started)), st.body))
    story.append(_p(e(_("Ended: {date}").format(date=ended)), st.body))
    story.append(SheetsSpace(layout, st.body.leading))
    story.append(_p(e(storage_note()), st.body))
    story.append(_p(e(_("Contents")), st.label))
    story.append(Contents(layout, len(book.sessions), 16))
    story.append(PageBreak())
    return story


def book_dates(book: ProtocolBook) -> tuple[str, str]:
    """The book's first and last session dates; the end left blank while the year is open."""
    blank = "«___» ____________ 20___"
    dates = [s.date for s in book.sessions if s.date is not None]
    started = format_date(min(dates)) if dates else blank
    ended = format_date(max(dates)) if dates and book.year.closed else blank
    return started, ended


def storage_note() -> str:
    """Seed 001 §5.8: how long the book is kept."""
    return _("Kept at the school for 3 years, then in the archive for 10 years.")


def contents_line(session: Session) -> str:
    parts = [_("Protocol №{n}").format(n=session.number)]
    if session.date is not None:
        parts.append(format_date(session.date))
    kind = kind_text(session)
    if kind:
        parts.append(kind.strip("()"))
    if session.status != "held":
        parts.append(_("draft"))
    return " — ".join(parts)


# --- rendering -----------------------------------------------------------------------------------------


def render_protocols(book: ProtocolBook, progress: Progress | None = None) -> bytes:
    """The PDF of the book: each protocol from a new page, page X / Y, drafts marked."""
    import io

    from reportlab.platypus import PageBreak, SimpleDocTemplate

    from ubtui.reports import pdf

    st = _styles()
    layout = _Layout(total=len(book.sessions), progress=progress)
    Start, Contents, SheetsSpace = _flowables()
    story: list[Any] = []
    if book.title_page:
        story += _cover_story(book, layout, st, Contents, SheetsSpace)
    for index, session in enumerate(book.sessions):
        if index:
            story.append(PageBreak())
        story.append(Start(layout, index))
        story += _session_story(book, session, st)
    if not book.sessions:
        story.append(_p(_escape(_("No sessions are recorded yet.")), st.body))

    page = pdf.Page()
    footer = pdf.footer_text(book.settings.school_title(), f"«{book.association.name}» · {book.year.label}")
    drafts = {i for i, s in enumerate(book.sessions) if s.status != "held"}
    canvas_class = _protocol_canvas(footer, page.left, book, layout, drafts)
    buffer = io.BytesIO()
    title = _("Protocols of the sessions of the methodical association «{name}»").format(name=book.association.name)
    if len(book.sessions) == 1 and not book.title_page:
        title = title_text(book.association, book.sessions[0])
    doc = SimpleDocTemplate(
        buffer, pagesize=page.size, leftMargin=page.left, rightMargin=page.right, topMargin=page.top,
        bottomMargin=page.bottom, title=pdf.printable(title), author="ubtui", creator="ubtui",
        initialFontName=pdf.SERIF, initialFontSize=9, initialLeading=11,
    )
    doc.build(story, canvasmaker=canvas_class)
    return buffer.getvalue()


def _protocol_canvas(footer: str, left: float, book: ProtocolBook, layout: _Layout, drafts: set[int]) -> type:
    """A canvas that holds its pages back until the end, then gives each its page X / Y (as
    every document does), the contents on the title page and the draft mark on a draft's pages."""
    from ubtui.reports import pdf
    from ubtui.reports.pdf import MM, SERIF, printable, shown_page

    def owner(page: int) -> int | None:
        found = None
        for index, start in sorted(layout.starts.items(), key=lambda kv: kv[1]):
            if start <= page:
                found = index
        return found

    class ProtocolCanvas(pdf.counting_canvas(footer, left, font=SERIF, right=pdf.Page().right)):  # two faces: a smaller, faster file
        def decorate(self, number: int, total: int) -> None:
            if layout.contents_at is not None and layout.contents_at[0] == number:
                self._contents()
            if layout.sheets_at is not None and layout.sheets_at[0] == number:
                _page, x, y = layout.sheets_at
                self.saveState()
                self.setFont(SERIF, 11.5)
                self.drawString(x, y, printable(_("Number of sheets: {n}").format(n=total)))
                self.restoreState()
            index = owner(number)
            if index is not None and index in drafts:
                self._draft_mark()

        def _contents(self) -> None:
            from reportlab.pdfbase.pdfmetrics import stringWidth

            assert layout.contents_at is not None
            _page, x, y, width = layout.contents_at
            size = 11.5
            self.saveState()
            self.setFont(SERIF, size)
            for index, session in enumerate(book.sessions):
                y -= 16
                text = printable(contents_line(session))
                start = layout.starts.get(index)
                page_text = "" if start is None else str(shown_page(start))  # through the folder bundle too
                right = x + width
                page_width = stringWidth(page_text, SERIF, size)
                room = width - page_width - 12
                while stringWidth(text, SERIF, size) > room and len(text) > 4:
                    text = text[:-2] + "…"
                self.drawString(x, y + 4, text)
                dots_from = x + stringWidth(text, SERIF, size) + 4
                dot = stringWidth(" .", SERIF, size)
                gap = stringWidth("  ", SERIF, size)
                count = max(0, int((right - dots_from - page_width - gap) / dot))
                self.drawRightString(right, y + 4, " ." * count + "  " + page_text)
            self.restoreState()

        def _draft_mark(self) -> None:
            width, height = self._pagesize
            word = printable(_("DRAFT"))
            self.saveState()
            self.setFillColorRGB(0.75, 0.1, 0.1)
            self.setFillAlpha(0.13)
            self.setFont(SERIF + "-Bold", 84)
            self.translate(width / 2, height / 2)
            self.rotate(50)
            self.drawCentredString(0, -28, word)
            self.restoreState()
            self.saveState()
            self.setFillColorRGB(0.75, 0.1, 0.1)
            self.setStrokeColorRGB(0.75, 0.1, 0.1)
            self.setFont(SERIF + "-Bold", 11)
            label_width = self.stringWidth(word, SERIF + "-Bold", 11) + 10
            self.rect(width - pdf.Page().right - label_width, height - 10.5 * MM, label_width, 15, stroke=1, fill=0)
            self.drawCentredString(width - pdf.Page().right - label_width / 2, height - 10.5 * MM + 4, word)
            self.restoreState()

    return ProtocolCanvas


__all__ = [
    "ProtocolBook", "book_for", "protocol_book", "protocol_pdf", "protocols_pdf", "protocols_table",
    "render_protocols",
]
