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


def call(*path: str, action: str) -> Steps:
    """Press `path`, then run a screen action (for modals whose key depends on the focus)."""

    async def run(pilot) -> None:
        for name in path:
            await pilot.press(name)
            await pilot.pause()
        await pilot.app.screen.run_action(action)
        await pilot.pause()
        await still(pilot)

    return run


async def _leave_modal(pilot) -> None:
    from ubtui.screens.sessions_modals import LeaveScreen

    await pilot.press("f4", "enter")
    await pilot.pause()
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


STOPS: list[Stop] = [
    Stop("home", keys()),
    Stop("help", keys("f1")),
    Stop("command palette", keys("ctrl+p")),
    Stop("year picker", keys("f7")),
    Stop("association picker", keys("f8")),
    Stop("teachers", keys("f3")),
    Stop("teachers, whole school", keys("f3", "a")),
    Stop("teachers help", keys("f3", "f1")),
    Stop("teacher form", keys("f3", "f2")),
    Stop("teacher form, edit", keys("f3", "e")),
    Stop("teacher detail", keys("f3", "enter")),
    Stop("course form", keys("f3", "enter", "f2")),
    Stop("award form", keys("f3", "enter", "w")),
    Stop("delete teacher", keys("f3", "delete")),
    Stop("courses", keys("f6")),
    Stop("courses, only due", keys("f6", "d")),
    Stop("sessions", keys("f4")),
    Stop("session editor", keys("f4", "enter")),
    Stop("session attendance", tab("f4 enter", "tab-attendance", "#attendance")),
    Stop("absence reason", tab("f4 enter", "tab-attendance", "#attendance", "enter")),
    Stop("session agenda item", keys("f4", "down", "enter", "ctrl+pagedown", "ctrl+pagedown")),
    Stop("session editor help", keys("f4", "enter", "f1")),
    Stop("leave the editor", _leave_modal),
    Stop("delete session", keys("f4", "delete")),
    Stop("decisions", keys("f4", "d")),
    Stop("plan", keys("f5")),
    Stop("plan item form", keys("f5", "f2")),
    Stop("plan item edit", call("f5", "down", action="edit_item")),
    Stop("plan fulfilment", call("f5", "down", action="fulfilment")),
    Stop("plan done note", call("f5", "down", action="mark_done")),
    Stop("plan theme", call("f5", action="edit_head")),
    Stop("plan approval", call("f5", action="approval")),
    Stop("plan start", call("f5", action="start_plan")),
    Stop("plan delete item", call("f5", "down", action="delete_item")),
    Stop("mentoring", keys("f11")),
    Stop("mentoring, whole school", keys("f11", "a")),
    Stop("mentoring pair form", keys("f11", "f2")),
    Stop("mentoring log entry", keys("f11", "l")),
    Stop("mentoring pair", keys("f11", "enter")),
    Stop("mentoring plan item", keys("f11", "enter", "t")),
    Stop("lessons", keys("f12")),
    Stop("lesson form", keys("f12", "f2")),
    Stop("lesson held", keys("f12", "h")),
    Stop("lesson move", keys("f12", "m")),
    Stop("lesson cancel", keys("f12", "x")),
    Stop("lesson counts", keys("f12", "c")),
    Stop("subject weeks", keys("f12", "w")),
    Stop("settings, school", keys("f9")),
    Stop("settings, rules", tab("f9", "tab-rules")),
    Stop("settings, years", tab("f9", "tab-years", "#years")),
    Stop("year form", tab("f9", "tab-years", "#years", "enter")),
    Stop("close the year", tab("f9", "tab-years", "#years", "c")),
    Stop("archive", tab("f9", "tab-years", "#years", "v")),
    Stop("settings, associations", tab("f9", "tab-associations", "#associations")),
    Stop("association form", tab("f9", "tab-associations", "#associations", "enter")),
    Stop("delete association", tab("f9", "tab-associations", "#associations", "delete")),
    Stop("settings, language", tab("f9", "tab-language")),
    Stop("first run", keys(), store="empty"),
]


def stop_names() -> list[str]:
    return [s.name for s in STOPS]
