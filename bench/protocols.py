"""Protocols: the year's protocols PDF of the demo school vs bare ReportLab setting the same text (DESIGN.md §9).

The ubtui side is what `ubtui print protocols --year Y --association A` does once the school
file is open: read the sessions, build the title page, each protocol on a new page (the
standard form, user text escaped, page X / Y, the contents drawn at the end), for every
association of the demo school, using last year's complete book of five protocols.

The baseline sets the same words with the same fonts in the plainest way ReportLab offers:
every paragraph the protocols print (taken from ubtui's own story before the clock starts:
the same text, PT Serif, the same sizes, alignment and indents), one after another, a
PageBreak before each protocol, `SimpleDocTemplate.build` with the default canvas and
settings — and, as ubtui does, page streams compressed but not ASCII85-encoded (both sides
alike: ReportLab's pure-Python ASCII85 encoder alone would be a tenth of the time).  What the
ratio measures is what ubtui adds: reading the sessions, escaping user
text, the form's structure (date and place, signature lines kept with the text, headings
kept with what follows), page X / Y, the contents drawn on the title page.  Fonts are
registered before either side runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import median, result_line, verdict

BUDGET = 1.5


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--runs", type=int, default=9, metavar="N", help="timed runs of each side (default 9)")
    parser.add_argument("--warmup", type=int, default=2, metavar="N", help="untimed runs of each side first (default 2)")


def baseline_paragraphs(book: Any) -> list[list[tuple[str, Any, Any]]]:
    """Per page-break-separated part (the title page, then each protocol), the paragraphs the protocol
    PDF sets: (text as ReportLab holds it, its style, its bullet).  Taken from ubtui's own story, so
    that both sides set exactly the same words in the same styles; made before the clock starts."""
    from reportlab.platypus import Paragraph

    from ubtui.reports import protocol

    styles = protocol._styles()
    Start, Contents, SheetsSpace = protocol._flowables()
    layout = protocol._Layout(total=len(book.sessions))

    def paragraphs(flowables: list[Any]) -> list[tuple[str, Any, Any]]:
        found = []
        for flowable in flowables:
            if isinstance(flowable, Paragraph):
                found.append((flowable.text, flowable.style, flowable.bulletText))
            elif hasattr(flowable, "_content"):  # KeepTogether
                found += paragraphs(flowable._content)
            elif hasattr(flowable, "_cellvalues"):  # Table
                found += paragraphs([cell for row in flowable._cellvalues for cell in row])
        return found

    cover = paragraphs(protocol._cover_story(book, layout, styles, Contents, SheetsSpace))
    cover += [(protocol._escape(protocol.contents_line(s)), styles.body, None) for s in book.sessions]
    return [cover] + [paragraphs(protocol._session_story(book, s, styles)) for s in book.sessions]


def bare_pdf(parts: list[list[tuple[str, Any, Any]]]) -> bytes:
    """The baseline: the same paragraphs, the same fonts and styles, page breaks between parts, nothing else."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    from ubtui.reports.pdf import MM, SERIF

    story: list[Any] = []
    for index, part in enumerate(parts):
        if index:
            story.append(PageBreak())
        story += [Paragraph(text, style, bulletText=bullet) for text, style, bullet in part]
    from reportlab import rl_config

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=20 * MM, rightMargin=10 * MM, topMargin=12 * MM,
                            bottomMargin=15 * MM, initialFontName=SERIF)
    ascii85 = rl_config.useA85
    rl_config.useA85 = 0  # as ubtui saves its PDFs (reports/pdf.py): compressed, not ASCII85-encoded
    try:
        doc.build(story)
    finally:
        rl_config.useA85 = ascii85
    return buffer.getvalue()


def run(args: argparse.Namespace) -> int:
    from ubtui.demo import write_demo
    from ubtui.reports import Options
    from ubtui.reports.pdf import register_fonts
    from ubtui.reports.protocol import book_for, protocols_pdf
    from ubtui.store import Store

    runs, warmup = max(1, args.runs), max(0, args.warmup)
    folder = Path(tempfile.mkdtemp(prefix="ubtui-bench-protocols-"))
    try:
        store = Store.open(write_demo(folder / "school.json", dt.date.today()), read_only=True)
        try:
            year = store.sorted_years()[0]  # last year: the complete book of five protocols
            associations = store.sorted_associations()
            options = [Options(year=year.label, association=a.id) for a in associations]
            texts = [baseline_paragraphs(book_for(store, option, whole_year=True)) for option in options]
            register_fonts()

            def ours() -> list[bytes]:
                return [protocols_pdf(store, option) for option in options]

            def bare() -> list[bytes]:
                return [bare_pdf(book) for book in texts]

            for _ in range(warmup):
                ours()
                bare()
            our_times: list[float] = []
            bare_times: list[float] = []
            for index in range(runs):
                for side in (("ours", "bare") if index % 2 == 0 else ("bare", "ours")):
                    start = time.perf_counter()
                    produced = ours() if side == "ours" else bare()
                    (our_times if side == "ours" else bare_times).append(time.perf_counter() - start)
                    if side == "ours":
                        our_sizes = [len(data) for data in produced]
                    else:
                        bare_sizes = [len(data) for data in produced]
            sessions = sum(len(store.sessions.of(a.id, year.id)) for a in associations)
            pages = _pages(ours())
        finally:
            store.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    ratio = median(our_times) / median(bare_times)
    print(
        "protocols: the year's protocols PDF of each demo association (ubtui print protocols) vs bare ReportLab "
        f"setting the same text with the same fonts, both without ASCII85; {runs} of each, alternated, after {warmup} warm-up(s)"
    )
    print(f"  data: {year.label}, {len(associations)} associations, {sessions} protocols, {pages} pages; "
          f"PDFs {sum(our_sizes) / 1024:.0f} KiB (bare {sum(bare_sizes) / 1024:.0f} KiB)")
    print(f"  ubtui protocols_pdf       median {median(our_times) * 1000:8.1f} ms  "
          f"(min {min(our_times) * 1000:.1f}, max {max(our_times) * 1000:.1f})")
    print(f"  bare ReportLab            median {median(bare_times) * 1000:8.1f} ms  "
          f"(min {min(bare_times) * 1000:.1f}, max {max(bare_times) * 1000:.1f})")
    print(f"  ratio {ratio:.2f}x, budget <= {BUDGET:.2f}x: {verdict(ratio, BUDGET)}")
    print(result_line("protocols", ratio, BUDGET))
    return 0


def _pages(pdfs: list[bytes]) -> int:
    import re

    return sum(len(re.findall(rb"/Type /Page\b(?!s)", data)) for data in pdfs)
