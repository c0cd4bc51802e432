"""The base every printed document shares: fonts, styles, safe paragraphs, tables, pages.

A document module (staff, courses, protocol, plan, …) builds a list of flowables
with `para()` and `table()` and hands it to `Page.render()`.  Everything here
uses PT Serif / PT Sans from the fontpkg packages, embedded as TrueType: they
have ң ө ү, and no text may fall back to Helvetica (which has none of them).

ReportLab is imported inside the functions, so importing this module is cheap.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import io
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence

from ubtui.errors import UserError
from ubtui.i18n import _

SERIF = "PTSerif"
SANS = "PTSans"
_FAMILIES = (("PT Serif", SERIF, "fontpkg_pt_serif", "PT_Serif"), ("PT Sans", SANS, "fontpkg_pt_sans", "PT_Sans"))
_FACES = (("", 400, "normal", "Regular"), ("-Bold", 700, "normal", "Bold"), ("-Italic", 400, "italic", "Italic"),
          ("-BoldItalic", 700, "italic", "BoldItalic"))

MM = 72 / 25.4  # points in a millimetre
# Characters users type that the fonts lack, and what prints instead.
_STAND_INS = {"✓": "+", "✔": "+", "✗": "x", "✘": "x", "•": "·", "\t": " "}


def _font_file(family: str, package: str, stem: str, weight: int, style: str, face: str) -> str:
    try:
        import fontpkg

        return str(fontpkg.path(family, weight, style))
    except Exception:  # an older fontpkg: the files are in the family's own package
        import importlib

        try:
            root = importlib.import_module(package).ROOT
        except Exception:
            raise UserError(_("The fonts PT Serif and PT Sans are not installed; reinstall ubtui.")) from None
        return str(root / "files" / f"{stem}-Web-{face}.ttf")


@lru_cache(maxsize=1)
def register_fonts() -> frozenset[int]:
    """Register PT Serif and PT Sans (4 faces each, with <b>/<i> mapping) once.

    Returns the code points both families can print.
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    covered: set[int] | None = None
    for family, base, package, stem in _FAMILIES:
        for suffix, weight, style, face in _FACES:
            path = _font_file(family, package, stem, weight, style, face)
            try:
                font = TTFont(base + suffix, path)
            except Exception as error:
                raise UserError(
                    _("The font file {path} cannot be read ({error}); reinstall ubtui.").format(path=path, error=error)
                ) from None
            pdfmetrics.registerFont(font)
            if suffix == "":
                codes = set(font.face.charToGlyph)
                covered = codes if covered is None else covered & codes
        pdfmetrics.registerFontFamily(
            base, normal=base, bold=base + "-Bold", italic=base + "-Italic", boldItalic=base + "-BoldItalic"
        )
    return frozenset(covered or ())


def printable(text: str) -> str:
    """`text` with characters the fonts lack replaced (✓ → +, anything else → ?)."""
    covered = register_fonts()
    out = []
    for char in text:
        if ord(char) in covered or char == "\n":
            out.append(char)
        else:
            out.append(_STAND_INS.get(char, "?"))
    return "".join(out)


def escape(text: str) -> str:
    """User text made safe for a Paragraph: markup characters escaped, line breaks kept."""
    text = printable(str(text))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "<br/>".join(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def para(text: str, style: Any, *, markup: str | None = None) -> Any:
    """A Paragraph of user text, printed literally (`<b>` and `&` stay as typed).

    `markup` wraps the escaped text in a tag of ours (`"b"`, `"i"`).
    """
    from reportlab.platypus import Paragraph

    body = escape(text)
    if markup:
        body = f"<{markup}>{body}</{markup}>"
    return Paragraph(body, style)


def para_lines(lines: Sequence[tuple[str, str | None]], style: Any) -> Any:
    """One Paragraph of several lines, each `(text, tag or None)`: a bold name and a small phone."""
    from reportlab.platypus import Paragraph

    parts = []
    for text, tag in lines:
        if not text:
            continue
        body = escape(text)
        parts.append(f"<{tag}>{body}</{tag}>" if tag else body)
    return Paragraph("<br/>".join(parts), style)


def date_text(day: dt.date | None, *, long: bool = True) -> str:
    """A date as documents write it (`30-август 2025-ж.` / `30 августа 2025 г.`)."""
    from ubtui.i18n import format_date

    return format_date(day, long=long)


# --- styles --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of the documents; every one names a PT font."""

    title: Any
    subtitle: Any
    heading: Any  # kept with the flowable after it
    section: Any  # the same look, not tied to what follows (see `section()`)
    body: Any
    small: Any
    cell: Any
    cell_center: Any
    header_cell: Any
    signature: Any


@lru_cache(maxsize=8)
def styles(size: float = 9.0) -> Styles:
    """The styles at a base size: body a point above it (≥ 10 pt), table cells never under 9 pt.

    Text is left-aligned: justified text without hyphenation leaves wide gaps, and no
    allowed dependency hyphenates Kyrgyz.  A paragraph never leaves one line alone at
    the top of a page (no widows) nor at its bottom (no orphans).
    """
    from reportlab.lib.enums import TA_CENTER, TA_LEFT

    register_fonts()
    cell = max(size - 1, CELL_MIN)
    return Styles(
        title=style("ub-title", SERIF + "-Bold", size + 4, alignment=TA_CENTER, spaceAfter=2, keepWithNext=1),
        subtitle=style("ub-subtitle", SERIF, size + 1, alignment=TA_CENTER, spaceAfter=8),
        heading=style("ub-heading", SERIF + "-Bold", size + 2, spaceBefore=8, spaceAfter=4, keepWithNext=1),
        section=style("ub-section", SERIF + "-Bold", size + 2, spaceBefore=8, spaceAfter=4),
        body=style("ub-body", SERIF, max(size + 1, 10), alignment=TA_LEFT, spaceAfter=3),
        small=style("ub-small", SANS, max(size - 1, CELL_MIN), spaceBefore=2, spaceAfter=2),
        cell=style("ub-cell", SANS, cell),
        cell_center=style("ub-cell-center", SANS, cell, alignment=TA_CENTER),
        header_cell=style("ub-header-cell", SANS + "-Bold", cell, alignment=TA_CENTER),
        signature=style("ub-signature", SERIF, max(size + 1, 10), spaceBefore=14),
    )


CELL_MIN = 9.0  # an old laser printer's smallest legible size


def style(name: str, font: str, points: float, **extra: Any) -> Any:
    """A ParagraphStyle in a PT font whose numbers ("1.", "1.1.") are the size of its text."""
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    extra.setdefault("allowWidows", 0)
    extra.setdefault("allowOrphans", 0)
    return ParagraphStyle(
        name, fontName=font, fontSize=points, leading=round(points * 1.25, 1), bulletFontName=font,
        bulletFontSize=points, **extra
    )


def section(title: str, st: Styles, *, room: float = 110.0) -> list[Any]:
    """A heading over a long table: a new page first when less than `room` points are left.

    (keepWithNext would tie the heading to the whole table and push both to the next page.)
    """
    from reportlab.platypus import CondPageBreak

    return [CondPageBreak(room), para(title, st.section)]


# --- tables -----------------------------------------------------------------------------------

Cell = Any  # str (user text, escaped here) or a ready flowable


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    weights: Sequence[float],
    width: float,
    *,
    size: float = 9.0,
    center_columns: Sequence[int] = (),
    bold_cells: Sequence[tuple[int, int]] = (),
    max_cell_height: float = 240.0,
) -> Any:
    """A grid table whose header row repeats on every page; cells wrap; columns fill `width`.

    `weights` are relative column widths (scaled to the page); strings are escaped
    into Paragraphs; `bold_cells` are (row, column) indexes into `rows`.  A text
    that would make its row taller than `max_cell_height` points is cut with "…"
    (a row taller than the page cannot be laid out at all).
    """
    from reportlab.lib import colors
    from reportlab.platypus import LongTable, TableStyle

    if len(weights) != len(headers):
        raise ValueError("one weight per column")
    st = styles(size)
    cell_size = st.cell.fontSize
    widths = fit_widths(headers, weights, width, cell_size)
    centered = set(center_columns)
    bold = set(bold_cells)


    def cell(value: Cell, column: int, row: int) -> Any:
        if not isinstance(value, str):
            return value
        return cell_para(value, st.cell_center if column in centered else st.cell, widths[column],
                         max_height=max_cell_height, markup="b" if (row, column) in bold else None)

    data = [[para(h, st.header_cell) for h in headers]]
    data += [[cell(v, c, r) for c, v in enumerate(row)] for r, row in enumerate(rows)]
    result = LongTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    result.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SANS, cell_size),
                ("FONT", (0, 0), (-1, 0), SANS + "-Bold", cell_size),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#555555")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E4E4E4")),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                ("VALIGN", (0, 1), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return result


def cut_mark() -> str:
    """What ends a text cut to fit its cell: `… (кыскартылды)` / `… (сокращено)`."""
    return _("… (cut)")


def clip_text(text: str, width: float, size: float, leading: float, height: float) -> str:
    """`text` cut with `cut_mark()` where it would fill more than `height` points of a cell `width` wide.

    The estimate is generous (0.62 em a letter, each line break starting a line), so a
    cell never grows taller than a page, which ReportLab cannot lay out.
    """
    per_line = max(int((width - 6) / (size * 0.62)), 1)
    budget = max(int(height / leading), 2)
    mark = cut_mark()
    used = 0
    lines = text.split("\n")
    for index, line in enumerate(lines):
        need = max(-(-len(line) // per_line), 1)
        if used + need > budget:
            room = max(budget - used, 1) * per_line - len(mark) - 1
            kept = lines[:index] + ([line[: max(room, 1)].rstrip()] if used < budget else [])
            return "\n".join(kept).rstrip() + mark
        used += need
    return text


_clip = clip_text  # the older name


def cell_para(text: str, style: Any, width: float, *, max_height: float = 240.0, markup: str | None = None,
              padding: float = 6.0) -> Any:
    """A Paragraph of user text for a table cell `width` points wide (`padding` left and right
    together), cut with `cut_mark()` where it would be taller than `max_height` points.

    The height is measured by laying the paragraph out, so no cell outgrows a page (which
    ReportLab cannot lay out); the cut keeps as much of the text as fits.
    """
    text = str(text)
    room = max(width - padding, 10.0)

    def height(candidate: str) -> float:
        return para(candidate, style, markup=markup).wrap(room, 1e7)[1]

    if len(text) < 40 or height(text) <= max_height:
        return para(text, style, markup=markup)
    mark = cut_mark()
    low, high = 0, len(text)
    while low < high:  # the longest start of the text that fits with the mark
        middle = (low + high + 1) // 2
        if height(text[:middle].rstrip() + mark) <= max_height:
            low = middle
        else:
            high = middle - 1
    return para(text[:low].rstrip() + mark, style, markup=markup)


def fit_widths(headers: Sequence[str], weights: Sequence[float], width: float, size: float) -> list[float]:
    """Column widths in proportion to `weights`, widened where a header word would break.

    What a narrow column gains is taken from the others in proportion to their slack,
    so the table still fills `width` exactly.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register_fonts()
    total = float(sum(weights))
    widths = [width * w / total for w in weights]
    padding = 7.0  # left + right cell padding, and a hair to spare
    needed = [
        max((stringWidth(printable(word), SANS + "-Bold", size) for word in str(h).split()), default=0.0) + padding
        for h in headers
    ]
    for _round in range(3):
        short = sum(max(n - w, 0.0) for n, w in zip(needed, widths))
        slack = [max(w - n, 0.0) for n, w in zip(needed, widths)]
        spare = sum(slack)
        if short <= 0 or spare <= 0:
            break
        take = min(short, spare)
        widths = [
            max(w, n) if n > w else w - take * s / spare
            for w, n, s in zip(widths, needed, slack)
        ]
    return widths


# --- pages ----------------------------------------------------------------------------------------


# While a document is laid out as part of a bundle (the folder): (pages before it, the bundle's pages).
_BUNDLE_PAGES: contextvars.ContextVar[tuple[int, int] | None] = contextvars.ContextVar("ubtui_bundle_pages", default=None)


@contextlib.contextmanager
def numbered_in_bundle(before: int, total: int):  # -> Iterator[None]
    """Documents laid out inside this block number their pages through a bundle: the footer of
    their page 1 says `before + 1 / total` (the folder bundle joins them into one PDF)."""
    token = _BUNDLE_PAGES.set((before, total))
    try:
        yield
    finally:
        _BUNDLE_PAGES.reset(token)


def shown_page(number: int) -> int:
    """Page `number` of a document as its footer numbers it (inside a bundle: counted through the bundle)."""
    bundle = _BUNDLE_PAGES.get()
    return number + bundle[0] if bundle is not None else number


def counting_canvas(footer: str, left: float, *, font: str | None = None, right: float | None = None) -> Any:
    """A canvas class that holds its pages back until the end, so each can say "X / Y".

    Subclass it and override `decorate(number, total)` to draw more on each finished page
    (the protocol book's contents and draft mark do).
    """
    from reportlab.pdfgen.canvas import Canvas

    right = RIGHT if right is None else right

    class CountingCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held_pages)
            for number, state in enumerate(self._held_pages, 1):
                self.__dict__.update(state)
                self.decorate(number, total)
                self._footer(number, total)
                Canvas.showPage(self)
            # Page streams compressed but not ASCII85-encoded: a quarter smaller, and ReportLab's
            # pure-Python encoder is a tenth of the time.  (A global switch, read while saving.)
            from reportlab import rl_config

            ascii85 = rl_config.useA85
            rl_config.useA85 = 0
            try:
                Canvas.save(self)
            finally:
                rl_config.useA85 = ascii85

        def decorate(self, number: int, total: int) -> None:
            """Draw more on page `number` of `total` before its footer; nothing by default."""

        def _footer(self, number: int, total: int) -> None:
            bundle = _BUNDLE_PAGES.get()
            if bundle is not None:
                number, total = number + bundle[0], bundle[1]
            draw_footer(self, footer, left, self._pagesize[0] - right, number, total, font=font)

    return CountingCanvas


def footer_text(school: str, document: str) -> str:
    """The left part of every page's footer: `school · document` (the page number goes right)."""
    return " · ".join(part for part in (" ".join(school.split()), " ".join(document.split())) if part)


def draw_footer(canvas: Any, footer: str, left: float, right: float, number: int, total: int,
                *, font: str | None = None) -> None:
    """The footer every document shares: `school · document` on the left, `page X / Y` on the right,
    both in the bottom margin; a footer too long for the line is cut with "…"."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    face, size = font or SANS, 8.5
    page_text = printable(_("page {number} / {total}").format(number=number, total=total))
    room = right - left - stringWidth(page_text, face, size) - 12
    text = printable(footer)
    if stringWidth(text, face, size) > room:
        while text and stringWidth(text + "…", face, size) > room:
            text = text[:-1]
        text = text.rstrip() + "…"
    canvas.saveState()
    canvas.setFont(face, size)
    canvas.setFillGray(0.25)
    canvas.setStrokeGray(0.6)
    canvas.setLineWidth(0.4)
    y = FOOTER_Y
    canvas.line(left, y + size + 1.5, right, y + size + 1.5)
    if text:
        canvas.drawString(left, y, text)
    canvas.drawRightString(right, y, page_text)
    canvas.restoreState()


LEFT = 25 * MM  # the binding edge of a hole-punched folder
RIGHT = 12 * MM
TOP = 15 * MM
BOTTOM = 18 * MM  # the footer sits inside it
FOOTER_Y = 9 * MM


def signature_line(label: str, full_name: str, *, width: float, size: float = 11.0, font: str | None = None) -> Any:
    """`Төрага ____________ /З.Э. Жээнтева/`: a label, a line to sign on, the name as documents write it.

    The one signature style of every document (initials first, `ubtui.domain.names.signature_name`);
    an unknown name leaves a line to write it on.  Long labels and names wrap in their columns.
    """
    from reportlab.platypus import Table, TableStyle

    from ubtui.domain.names import signature_name

    face = font or SERIF
    st = style(f"ub-sign-{face}-{size}", face, size)
    name = signature_name(full_name) if full_name.strip() else "____________"
    label_width = min(max(width * 0.3, 40 * MM), 70 * MM)
    line_width = 42 * MM
    cells = [[cell_para(label, st, label_width, max_height=60), "",
              cell_para(f"/{name}/", st, width - label_width - line_width, max_height=60)]]
    table = Table(cells, colWidths=[label_width, line_width, width - label_width - line_width], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), face, size),  # else the empty cell names Helvetica
        ("LINEBELOW", (1, 0), (1, 0), 0.6, "#000000"),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("LEFTPADDING", (2, 0), (2, 0), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]))
    return table


def ruled_lines(count: int, width: float, *, gap: float = 8 * MM) -> Any:
    """`count` ruled lines to write on by hand (a draft protocol's empty parts)."""
    from reportlab.platypus import Flowable

    class Ruled(Flowable):
        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self.width = min(width, available_width)
            return self.width, count * gap

        def draw(self) -> None:
            self.canv.saveState()
            self.canv.setStrokeGray(0.45)
            self.canv.setLineWidth(0.5)
            for index in range(count):
                y = (count - index - 1) * gap + 1
                self.canv.line(0, y, self.width, y)
            self.canv.restoreState()

    return Ruled()


@dataclass(frozen=True)
class Page:
    """A4 portrait or landscape with the margins of the school folder's documents."""

    landscape: bool = False
    left: float = LEFT
    right: float = RIGHT
    top: float = TOP
    bottom: float = BOTTOM

    @property
    def size(self) -> tuple[float, float]:
        from reportlab.lib.pagesizes import A4

        width, height = A4
        return (height, width) if self.landscape else (width, height)

    @property
    def width(self) -> float:
        """The width a table may take."""
        return self.size[0] - self.left - self.right

    def render(self, story: list[Any], *, title: str = "", footer: str = "") -> bytes:
        """Lay the flowables out and return the PDF's bytes, every page with the footer and "X / Y".

        `footer` is `footer_text(school, document)`."""
        from reportlab.platypus import SimpleDocTemplate

        register_fonts()
        buffer = io.BytesIO()
        doc = SimpleDocTemplate(
            buffer,
            pagesize=self.size,
            leftMargin=self.left,
            rightMargin=self.right,
            topMargin=self.top,
            bottomMargin=self.bottom,
            title=printable(title),
            author="ubtui",
            creator="ubtui",
            initialFontName=SANS,  # else each page's preamble names Helvetica
            initialFontSize=9,
            initialLeading=11,
        )
        doc.build(story, canvasmaker=counting_canvas(footer, self.left, right=self.right))
        return buffer.getvalue()
