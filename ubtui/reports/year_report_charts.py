"""The year report's charts, drawn with ReportLab graphics and readable on a black-and-white printer:
grey levels and hatching (never colour alone), the number written on every bar, and a table of
the same numbers beside each chart (`chart_with_table`).

ReportLab is imported inside the functions, so importing this module is cheap.
"""

from __future__ import annotations

from typing import Any, Sequence

from ubtui.reports import pdf

BAR_GREY = 0.62  # a single series: one mid grey, black outline
DONE_GREY = 0.35  # plan items done: dark grey
AXIS_GREY = 0.3
LABEL_SIZE = 8.5


def _font() -> str:
    pdf.register_fonts()
    return pdf.SANS


def _drawing(kind, width: float, height: float):  # noqa: ANN001
    """A Drawing whose initial font is PT Sans (else ReportLab's renderer names Helvetica in the page)."""
    drawing = kind(width, height)
    drawing.initialFontName = _font()  # read by ReportLab's renderer as the state it starts from
    drawing.initialFontSize = LABEL_SIZE
    return drawing


def hatch(x: float, y: float, w: float, h: float, *, step: float = 3.2, width: float = 0.6) -> list[Any]:
    """Diagonal lines (45°) filling the rectangle exactly: the mark of "partly" on any printer."""
    from reportlab.graphics.shapes import Line
    from reportlab.lib.colors import black

    lines = []
    offset = -h
    while offset < w:
        start, end = max(0.0, -offset), min(h, w - offset)
        if start < end:
            lines.append(Line(x + offset + start, y + start, x + offset + end, y + end, strokeColor=black,
                              strokeWidth=width))
        offset += step
    return lines


def bar_chart(items: Sequence[tuple[str, int]], width: float, height: float, *, caption: str = "") -> Any:
    """Vertical bars, one per (label, count), the count written above each bar, labels below."""
    from reportlab.graphics.shapes import Drawing, Line, Rect, String
    from reportlab.lib.colors import Color, black

    font = _font()
    drawing = _drawing(Drawing, width, height)
    bottom, top_room, left = 16.0, 14.0 + (12.0 if caption else 0.0), 6.0
    plot_h = height - bottom - top_room
    biggest = max([n for _label, n in items] + [1])
    slot = (width - left * 2) / max(len(items), 1)
    bar_w = min(slot * 0.6, 34.0)
    axis = Color(AXIS_GREY, AXIS_GREY, AXIS_GREY)
    drawing.add(Line(left, bottom, width - left, bottom, strokeColor=axis, strokeWidth=0.8))
    for index, (label, count) in enumerate(items):
        x = left + slot * index + (slot - bar_w) / 2
        bar_h = plot_h * count / biggest
        if count:
            drawing.add(Rect(x, bottom, bar_w, bar_h, fillColor=Color(BAR_GREY, BAR_GREY, BAR_GREY),
                             strokeColor=black, strokeWidth=0.6))
        drawing.add(String(x + bar_w / 2, bottom + bar_h + 3, str(count), fontName=font + "-Bold", fontSize=LABEL_SIZE + 0.5,
                           textAnchor="middle"))
        drawing.add(String(x + bar_w / 2, bottom - 11, pdf.printable(label), fontName=font, fontSize=LABEL_SIZE,
                           textAnchor="middle"))
    if caption:
        drawing.add(String(left, height - 10, pdf.printable(caption), fontName=font, fontSize=LABEL_SIZE))
    return drawing


def completion_chart(rows: Sequence[tuple[str, int, int, int]], width: float, *, legend: Sequence[str]) -> Any:
    """Horizontal bars, one per (label, done, partly, total): done dark grey, partly hatched, the rest
    white; each part's number written on it, the share done after the bar; a legend below.
    `legend` names the three parts (done, partly, not done or open)."""
    from reportlab.graphics.shapes import Drawing, Rect, String
    from reportlab.lib.colors import Color, black, white

    font = _font()
    row_h, gap, label_w, right_room = 13.0, 7.0, 24.0, 34.0
    legend_h = 16.0
    height = legend_h + len(rows) * (row_h + gap) + 4
    drawing = _drawing(Drawing, width, height)
    bar_room = width - label_w - right_room
    dark = Color(DONE_GREY, DONE_GREY, DONE_GREY)
    for index, (label, done, partly, total) in enumerate(rows):
        y = height - (index + 1) * (row_h + gap)
        drawing.add(String(0, y + 3.5, pdf.printable(label), fontName=font + "-Bold", fontSize=LABEL_SIZE + 0.5))
        x = label_w
        drawing.add(Rect(x, y, bar_room, row_h, fillColor=white, strokeColor=black, strokeWidth=0.6))
        if total:
            done_w = bar_room * done / total
            partly_w = bar_room * partly / total
            if done_w:
                drawing.add(Rect(x, y, done_w, row_h, fillColor=dark, strokeColor=black, strokeWidth=0.6))
                if done_w > 12:
                    drawing.add(String(x + done_w / 2, y + 3.5, str(done), fontName=font + "-Bold", fontSize=LABEL_SIZE,
                                       fillColor=white, textAnchor="middle"))
            if partly_w:
                for line in hatch(x + done_w, y, partly_w, row_h):
                    drawing.add(line)
                drawing.add(Rect(x + done_w, y, partly_w, row_h, fillColor=None, strokeColor=black, strokeWidth=0.6))
            rest = total - done - partly
            rest_w = bar_room - done_w - partly_w
            if rest and rest_w > 12:
                drawing.add(String(x + done_w + partly_w + rest_w / 2, y + 3.5, str(rest), fontName=font,
                                   fontSize=LABEL_SIZE, textAnchor="middle"))
        share = f"{round(100 * done / total)}%" if total else "—"
        drawing.add(String(width - right_room + 4, y + 3.5, share, fontName=font + "-Bold", fontSize=LABEL_SIZE + 0.5))
    # The legend: the same fills, each with its word.
    x = 0.0
    for kind, text in zip(("done", "partly", "rest"), legend):
        if kind == "done":
            drawing.add(Rect(x, 3, 10, 8, fillColor=dark, strokeColor=black, strokeWidth=0.6))
        elif kind == "partly":
            for line in hatch(x, 3, 10, 8, step=2.6):
                drawing.add(line)
            drawing.add(Rect(x, 3, 10, 8, fillColor=None, strokeColor=black, strokeWidth=0.6))
        else:
            drawing.add(Rect(x, 3, 10, 8, fillColor=white, strokeColor=black, strokeWidth=0.6))
        shown = pdf.printable(text)
        drawing.add(String(x + 13, 4, shown, fontName=font, fontSize=LABEL_SIZE))
        from reportlab.pdfbase.pdfmetrics import stringWidth

        x += 13 + stringWidth(shown, font, LABEL_SIZE) + 10
    return drawing


def chart_with_table(chart: Any, numbers: Any, width: float, *, chart_share: float = 0.5) -> Any:
    """The chart on the left, its numbers' table on the right, kept on one page."""
    from reportlab.platypus import Table, TableStyle

    left = width * chart_share
    layout = Table([[chart, numbers]], colWidths=[left, width - left], hAlign="LEFT")
    layout.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), pdf.SANS, 9),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, 0), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
    ]))
    return layout
