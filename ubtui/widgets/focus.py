"""Focus that is always where a person expects it: on a field they can see.

Screens with tabs bind Ctrl+PgDn / Ctrl+PgUp at the screen with priority (so they work from
a table, a text area or deep inside a tall pane) and, after every tab switch, put the focus
on the first field of the tab now shown — never on the tab bar or on a field of a hidden tab.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import ScrollableContainer, VerticalScroll
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.widget import Widget
from textual.widgets import TabbedContent, Tabs

from ubtui.i18n import N_


def tab_bindings() -> list[Binding]:
    """Ctrl+PgDn / Ctrl+PgUp for a screen with tabs (priority: no widget swallows them)."""
    return [
        Binding("ctrl+pagedown", "next_tab", N_("Next tab"), key_display="^PgDn", show=False, priority=True),
        Binding("ctrl+pageup", "previous_tab", N_("Previous tab"), key_display="^PgUp", show=False, priority=True),
    ]


class FieldScroll(VerticalScroll, can_focus=False):
    """A scrolling column of fields that is no focus stop itself (it scrolls to the focused field)."""


def no_scroller_stops(root: Widget) -> None:
    """Scrolling containers take no focus: a stop there shows nothing, and typing goes nowhere.
    (They still scroll to the field that has the focus.)"""
    for widget in root.query(ScrollableContainer):
        if not isinstance(widget, ScrollView):  # tables, text areas and lists keep their focus
            widget.can_focus = False


def first_field(screen: Screen, container: Widget) -> Widget | None:
    """The first widget of `container` that takes focus and is shown (the tab bar excepted)."""
    for widget in screen.focus_chain:
        if isinstance(widget, Tabs) or isinstance(widget, ScrollableContainer) and not isinstance(widget, ScrollView):
            continue
        if container in widget.ancestors:
            return widget
    return None


def focus_first_field(screen: Screen, tabs: TabbedContent) -> Widget | None:
    """Focus the first field of the shown tab; returns it (None when the tab has none)."""
    if not tabs.active:
        return None
    pane = tabs.get_pane(tabs.active)
    widget = first_field(screen, pane)
    if widget is not None:
        widget.focus(scroll_visible=True)
    return widget


def next_tab_id(tabs: TabbedContent, step: int, ids: list[str] | None = None) -> str | None:
    """The tab `step_tab` would show (None when there is none)."""
    ids = ids or [pane.id or "" for pane in tabs.query("TabPane") if pane.parent is not None and pane.id]
    ids = [i for i in ids if i]
    if not ids:
        return None
    index = ids.index(tabs.active) if tabs.active in ids else 0
    return ids[(index + step) % len(ids)]


def step_tab(tabs: TabbedContent, step: int, ids: list[str] | None = None) -> None:
    """Show the next (step 1) or previous (step -1) tab, going round."""
    target = next_tab_id(tabs, step, ids)
    if target is not None:
        tabs.active = target
