"""Text tables for the terminal (tabulate) and CSV for spreadsheets (UTF-8 with BOM)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

BOM = "\ufeff"
TEXT_COLUMN_WIDTH = 32  # long cells wrap in the terminal instead of making the table endless


@dataclass
class TextTable:
    """One report as plain rows: what `ubtui report KIND` prints and a spreadsheet reads."""

    title: str
    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)
    text_columns: list[int] | None = None  # the columns a terminal shows (None: all); CSV has all


def render_text(table: TextTable, *, max_width: int = TEXT_COLUMN_WIDTH) -> str:
    """A `tabulate` grid with the title above it; long cells wrap at `max_width`."""
    from tabulate import tabulate

    columns = table.text_columns if table.text_columns is not None else range(len(table.headers))
    rows = [[_one_line(row[c]) for c in columns] for row in table.rows]
    body = tabulate(
        rows,
        headers=[table.headers[c] for c in columns],
        tablefmt="simple_grid",
        maxcolwidths=max_width,
        disable_numparse=True,
    ) if rows else ""
    return f"{table.title}\n\n{body}".rstrip() + "\n"



def render_csv(table: TextTable) -> str:
    """CSV text beginning with a BOM (spreadsheets then read it as UTF-8); cells keep their line breaks."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(table.headers)
    writer.writerows(table.rows)
    return BOM + out.getvalue()


def _one_line(cell: str) -> str:
    return " ".join(str(cell).split())
