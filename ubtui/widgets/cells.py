"""List cells that never change meaning: user text is never markup, and a cut shows "…".

Every list of the TUI is a `Table` (a DataTable whose string cells and column labels become
plain `Text` that ends in "…" where the column cuts it). `cut()` does the same for a line
of text of a known width (labels beside a list, one-line summaries).
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.widgets import DataTable

ELLIPSIS = "…"


def cut(text: str, width: int) -> str:
    """`text` if it fits in `width` cells, else its start and "…" (never a shorter word that reads whole)."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1).rstrip() + ELLIPSIS


def cell(value: Any, *, wrap: bool = False) -> Any:
    """A cell as shown: text is plain (no markup) and ends in "…" where the column is too narrow
    (or, with `wrap`, goes on to the next line of a row that grows)."""
    if isinstance(value, Text):
        text = value.copy()
    elif isinstance(value, str):
        text = Text(value)
    else:
        return value
    text.overflow = "fold" if wrap else "ellipsis"
    text.no_wrap = not wrap
    text.end = ""
    return text


class Table(DataTable):  # type: ignore[type-arg]
    """The lists' DataTable: every cell and label through `cell()`."""

    def add_column(self, label: Any, *, width: int | None = None, key: str | None = None, default: Any = None) -> Any:
        return super().add_column(cell(label), width=width, key=key, default=default)

    def add_row(self, *cells: Any, height: int | None = 1, key: str | None = None, label: Any = None) -> Any:
        """A row of one line (cut with "…"), or with `height=None` as many as its cells need (wrapped)."""
        wrap = height != 1
        return super().add_row(*(cell(c, wrap=wrap) for c in cells), height=height, key=key, label=label)

    def update_cell(self, row_key: Any, column_key: Any, value: Any, *, update_width: bool = False) -> None:
        super().update_cell(row_key, column_key, cell(value), update_width=update_width)

    def update_cell_at(self, coordinate: Any, value: Any, *, update_width: bool = False) -> None:
        super().update_cell_at(coordinate, cell(value), update_width=update_width)
