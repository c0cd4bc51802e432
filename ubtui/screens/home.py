"""The home screen: the school, the chosen year and association (or all), what needs attention.

Each line is a rule of `domain.attention`; Enter on it opens the screen where it is fixed,
already filtered (the app's `open_attention`).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from ubtui.i18n import N_, _
from ubtui.screens.reloading import FillsWhenBack
from ubtui.store.overview import overview
from ubtui.widgets.cells import Table
from ubtui.widgets.keys import key

# A cell's leading spaces are dropped, so a plain figure gets a dot to keep the labels aligned.
LEVEL_MARKS = {"ok": "+", "warning": "!", "error": "!!", "info": "·"}


class HomeScreen(FillsWhenBack, Screen[None]):
    AUTO_FOCUS = "#figures"
    BINDINGS = [
        key("f7", "app.pick_year", N_("Year")),
        key("f8", "app.pick_association", N_("Association")),
        key("u,г", "copy_to_usb", N_("To USB"), show=False),
        key("y,н", "year_report", N_("Year report")),
    ]

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Vertical(id="home"):
            yield Static("", id="school")
            yield Static("", id="context")
            with Horizontal(id="home-body"):
                table = Table(id="figures", cursor_type="row", zebra_stripes=True)
                yield table
                with Vertical(id="areas-box"):
                    yield Static(_("Go to"), classes="box-title")
                    yield OptionList(id="areas")
        yield Footer()

    def on_mount(self) -> None:
        areas = self.query_one("#areas", OptionList)
        for area in self.app.areas():
            # The "Go to" box shows the areas' keys; the footer keeps room for the rest.
            self._bindings.bind(area.key, f"app.open_area('{area.id}')", area.label(), key_display=area.key_label, show=False)
            label = area.key_label
            if area.letters:  # F11/F12 are taken by some terminals: a letter opens it from here too
                self._bindings.bind(area.letters, f"app.open_area('{area.id}')", area.label(), show=False)
                label += "/" + area.letters.split(",")[0]
            areas.add_option(Option(_escape(f"{area.label()}  ({label})"), id=area.id))
        self.refresh_bindings()
        # Filled before the first frame (the first frame is then the whole screen, not an empty
        # table redrawn a moment later); again only when back from another screen (FillsWhenBack).
        self.refresh_view()

    def reload(self) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        app = self.app
        settings = app.store.settings()
        place = ", ".join(p for p in (settings.village, settings.district, settings.region) if p)
        self.query_one("#school", Static).update(f"[b]{_escape(settings.school_title())}[/b]\n{_escape(place)}")
        year = app.year
        association = None if app.whole_school else app.association
        year_text = year.label if year else _("no academic year")
        quarter = year.quarter_of(app.today) if year else None
        if quarter:
            year_text += " · " + _("quarter {n}").format(n=quarter)
        self.query_one("#context", Static).update(
            _("Academic year: {year}   (F7)").format(year=_escape(year_text))
            + "\n"
            + _("Association: {name}   (F8)").format(name=_escape(
                association.name if association else (_("all (the whole school)") if app.whole_school else "—")))
            + "   " + _("Enter on a line: where it is fixed")
        )
        self._figures = overview(app.store, year, association, app.today)
        self._fill_figures()

    def on_resize(self) -> None:
        if hasattr(self, "_figures") and self._widths() != getattr(self, "_filled_widths", None):
            self._fill_figures()  # only for another width: the same columns again would redraw for nothing

    def _inside(self) -> tuple[int, int]:
        """The table's width and height inside its border; before the first layout, as it will be."""
        inside = self.query_one("#figures", DataTable).content_region  # without a border (plain mode draws one)
        if inside.width:
            return inside.width, inside.height
        # Not laid out yet: the screen less #home's padding (2), the areas box with its margin (22)
        # and the table's own border and padding (plain mode draws a border); the height less the
        # header, the school and context lines and the footer (7) and the same.
        gutter = self.query_one("#figures", DataTable).styles.gutter
        return (max(0, self.app.size.width - 24 - gutter.width),
                max(0, self.app.size.height - 7 - gutter.height))

    def _widths(self) -> tuple[int, int]:
        """(label, value) column widths: values are never cut; a long label gives way and wraps."""
        rows = self._rows()
        value_width = max([len(_("Figure"))] + [len(value) for _label, value in rows])
        width, height = self._inside()
        room = (width or 55) - value_width - 4  # one cell of padding on each side of each column
        if height and len(rows) + 5 > height:  # a vertical scrollbar may come: leave it its columns
            room -= self.query_one("#figures", DataTable).styles.scrollbar_size_vertical or 2
        return max(12, min(room, max([len(label) for label, _value in rows] + [10]))), value_width

    def _rows(self) -> list[tuple[str, str]]:
        return [(f"{LEVEL_MARKS.get(f.level, '·'):<2} {f.label}", f.value) for f in self._figures]

    def _fill_figures(self) -> None:
        """Values are never cut; a long label gives way (its column takes what is left) and wraps."""
        table = self.query_one("#figures", DataTable)
        rows = self._rows()
        label_width, value_width = self._filled_widths = self._widths()
        cursor = table.cursor_row
        with self.app.batch_update():
            table.clear(columns=True)
            table.add_column(_("What"), key="label", width=label_width)
            table.add_column(_("Figure"), key="value", width=value_width)
            for index, (label, value) in enumerate(rows):
                table.add_row(label, value, key=str(index), height=None)  # a long label wraps
            if rows:
                table.move_cursor(row=min(cursor, len(rows) - 1), animate=False)

    @on(DataTable.RowSelected, "#figures")
    def _open_line(self, event: DataTable.RowSelected) -> None:
        self.app.open_attention(self._figures[int(str(event.row_key.value))])

    def action_copy_to_usb(self) -> None:
        """The school's packet onto a stick (the file on disk: what was saved is what goes)."""
        from ubtui.screens.usb import CopyToUsbScreen

        self.app.push_screen(CopyToUsbScreen(self.app.store.path))

    def action_year_report(self) -> None:
        """The year-end analysis of the chosen association and year: its draft, conclusions, tasks."""
        from ubtui.app import load_screen

        if self.app.year is None:
            self.notify(_("There is no academic year in the school file yet: add one in Settings."), severity="warning")
            return
        self.app.push_screen(load_screen("ubtui.screens.year_report:YearReportScreen")())

    @on(OptionList.OptionSelected, "#areas")
    def _open_area(self, event: OptionList.OptionSelected) -> None:
        self.app.open_area(event.option.id or "")


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)
