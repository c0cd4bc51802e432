"""The baseline of the start-up budget: a bare Textual app with a Header, a DataTable of
50 rows and a Footer.  With UBTUI_EXIT_WHEN_READY=1 it exits as soon as its first screen
is drawn, exactly as `ubtui` does (call_after_refresh(exit) in on_mount).

Run by hand (`python bench/bare_app.py`) it stays open; quit with ctrl+q.
"""

from __future__ import annotations

import os

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header

ROWS = 50
TITLE = "bare Textual app"


class BareApp(App[int]):
    TITLE = TITLE

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("No", "Name", "Subject", "Hours")
        for number in range(1, ROWS + 1):
            table.add_row(str(number), f"Teacher {number}", f"Subject {number % 7}", str(72 + number), key=str(number))
        if os.environ.get("UBTUI_EXIT_WHEN_READY") == "1":
            self.call_after_refresh(self.exit, 0)


if __name__ == "__main__":
    app = BareApp()
    app.run()
    raise SystemExit(app.return_code or 0)
