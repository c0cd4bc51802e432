"""Every main screen and modal of the TUI, reached as a person would (keys from the home screen).

`STOPS` is the list the display tests walk (plain-mode glyphs, English words, cut cells,
markup). A new screen is one more `Stop`: a name and the keys (or a few calls) that open it
from the home screen. `screen_text(app)` is the screen as plain lines, as a person sees it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Awaitable, Callable

from rich.console import Console
from textual.widgets import DataTable, Input, TabbedContent, TextArea

FONT_FILE = Path(__file__).resolve().parent.parent / "fixtures" / "console-font" / "CyrAsia-Terminus16.txt"


def font_chars(path: Path = FONT_FILE) -> set[str]:
    """The characters of the console font, read off its table (`U+XXXX<tab>char` lines)."""
    chars = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("U+"):
            chars.add(chr(int(line[2:].split("\t", 1)[0], 16)))
    return chars


def screen_text(app) -> str:
    """What the terminal shows now, as text: one line a row."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True, color_system="truecolor",
                      record=True, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text(styles=False)


async def still(pilot) -> None:
    for widget in pilot.app.screen.query("Input, TextArea"):
        if isinstance(widget, (Input, TextArea)):
            widget.cursor_blink = False
    await pilot.pause()
    await pilot.pause()


Steps = Callable[[object], Awaitable[None]]


@dataclass(frozen=True)
class Stop:
    name: str
    steps: Steps
    store: str = "demo"  # "demo", or "empty" for the first run
    parent: str = ""  # the stop whose screen this one starts from ("": the home screen)


def keys(*names: str) -> Steps:
    async def run(pilot) -> None:
        for name in names:
            await pilot.press(name)
            await pilot.pause()
        await still(pilot)

    return run


def tab(path: str, tab_id: str, *then: str) -> Steps:
    """Press the keys of `path` (space-separated), show one tab of the TabbedContent, then
    press `then` (a `#id` focuses that widget)."""

    async def run(pilot) -> None:
        for name in path.split():
            await pilot.press(name)
            await pilot.pause()
        pilot.app.screen.query_one(TabbedContent).active = tab_id
        await pilot.pause()
        for name in then:
            if name.startswith("#"):
                pilot.app.screen.query_one(name).focus()
            else:
                await pilot.press(name)
            await pilot.pause()
        await still(pilot)

    return run


def call(*path: str, action: str, row: int | None = None) -> Steps:
    """Put the focused list's cursor on `row` (when given), press `path`, then run a screen
    action (for modals whose key depends on the focus)."""

    async def run(pilot) -> None:
        if row is not None:
            table = pilot.app.focused
            assert isinstance(table, DataTable), f"the focus is on {table!r}, not a list"
            table.move_cursor(row=row)
            await pilot.pause()
        for name in path:
            await pilot.press(name)
            await pilot.pause()
        await pilot.app.screen.run_action(action)
        await pilot.pause()
        await still(pilot)

    return run


async def _leave_modal(pilot) -> None:
    from ubtui.screens.sessions_modals import LeaveScreen

    pilot.app.push_screen(LeaveScreen())
    await still(pilot)


async def _table_focused(pilot, key: str, table: str, *then: str) -> None:
    await pilot.press(key)
    await pilot.pause()
    pilot.app.screen.query_one(table, DataTable).focus()
    for name in then:
        await pilot.press(name)
        await pilot.pause()
    await still(pilot)


# A stop with a `parent` starts where that stop left the app (its screen and modals, the cursor
# where its keys put it): a screen opened once serves the stops inside it, as a person would go
# on from there (opening the session editor or the settings costs more than a stop).  A stop
# without one starts on the home screen.  Parents come first; a stop that changes what its
# parent shows for the ones after it (a filter key) is the last of its family or a root.
STOPS: list[Stop] = [
    Stop("home", keys()),
    Stop("help", keys("f1")),
    Stop("command palette", keys("ctrl+p")),
    Stop("year picker", keys("f7")),
    Stop("association picker", keys("f8")),
    Stop("teachers", keys("f3")),
    Stop("teachers help", keys("f1"), parent="teachers"),
    Stop("teacher form", keys("f2"), parent="teachers"),
    Stop("teacher form, edit", keys("e"), parent="teachers"),
    Stop("delete teacher", keys("delete"), parent="teachers"),
    Stop("teacher detail", keys("enter"), parent="teachers"),
    Stop("course form", keys("f2"), parent="teacher detail"),
    Stop("award form", keys("w"), parent="teacher detail"),
    Stop("teachers, whole school", keys("a"), parent="teachers"),
    Stop("courses", keys("f6")),
    Stop("courses, only due", keys("d"), parent="courses"),
    Stop("sessions", keys("f4")),
    Stop("delete session", keys("delete"), parent="sessions"),
    Stop("decisions", keys("d"), parent="sessions"),
    Stop("session editor", keys("enter"), parent="sessions"),
    Stop("session editor help", keys("f1"), parent="session editor"),
    Stop("leave the editor", _leave_modal, parent="session editor"),
    Stop("session attendance", tab("", "tab-attendance", "#attendance"), parent="session editor"),
    Stop("absence reason", keys("enter"), parent="session attendance"),
    Stop("session agenda item", keys("down", "enter", "ctrl+pagedown", "ctrl+pagedown"), parent="sessions"),
    Stop("plan", keys("f5")),
    Stop("plan item form", keys("f2"), parent="plan"),
    Stop("plan item edit", call(action="edit_item", row=1), parent="plan"),
    Stop("plan fulfilment", call(action="fulfilment", row=1), parent="plan"),
    Stop("plan done note", call(action="mark_done", row=1), parent="plan"),
    Stop("plan theme", call(action="edit_head", row=0), parent="plan"),
    Stop("plan approval", call(action="approval", row=0), parent="plan"),
    Stop("plan start", call(action="start_plan", row=0), parent="plan"),
    Stop("plan delete item", call(action="delete_item", row=1), parent="plan"),
    Stop("mentoring", keys("f11")),
    Stop("mentoring pair form", keys("f2"), parent="mentoring"),
    Stop("mentoring log entry", keys("l"), parent="mentoring"),
    Stop("mentoring pair", keys("enter"), parent="mentoring"),
    Stop("mentoring plan item", keys("t"), parent="mentoring pair"),
    Stop("mentoring, whole school", keys("a"), parent="mentoring"),
    Stop("lessons", keys("f12")),
    Stop("lesson form", keys("f2"), parent="lessons"),
    Stop("lesson held", keys("h"), parent="lessons"),
    Stop("lesson move", keys("m"), parent="lessons"),
    Stop("lesson cancel", keys("x"), parent="lessons"),
    Stop("lesson counts", keys("c"), parent="lessons"),
    Stop("subject weeks", keys("w"), parent="lessons"),
    Stop("year report", keys("y")),
    Stop("year report, conclusions", tab("", "tab-conclusions"), parent="year report"),
    Stop("settings, school", keys("f9")),
    Stop("settings, rules", tab("", "tab-rules"), parent="settings, school"),
    Stop("settings, years", tab("", "tab-years", "#years"), parent="settings, school"),
    Stop("year form", tab("", "tab-years", "#years", "enter"), parent="settings, school"),
    Stop("close the year", tab("", "tab-years", "#years", "c"), parent="settings, school"),
    Stop("archive", tab("", "tab-years", "#years", "v"), parent="settings, school"),
    Stop("settings, associations", tab("", "tab-associations", "#associations"), parent="settings, school"),
    Stop("association form", tab("", "tab-associations", "#associations", "enter"), parent="settings, school"),
    Stop("delete association", tab("", "tab-associations", "#associations", "delete"), parent="settings, school"),
    Stop("settings, language", tab("", "tab-language"), parent="settings, school"),
    Stop("year report, whole school", keys("f8", "home", "enter", "y")),  # last: the whole school stays chosen
    Stop("first run", keys(), store="empty"),
]


def stop_names() -> list[str]:
    return [s.name for s in STOPS]
