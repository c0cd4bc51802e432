"""Every list screen fills its table once when it opens and again when it comes back from a
screen above it (which may have changed the file, the year or the association)."""

from __future__ import annotations

from ubtui.app import UbtuiApp
from ubtui.screens.courses import CoursesScreen
from ubtui.screens.lessons import LessonsScreen
from ubtui.screens.mentoring import MentoringScreen
from ubtui.screens.plan import PlanScreen
from ubtui.screens.sessions import SessionsScreen
from ubtui.screens.teachers import TeachersScreen

from conftest import DEMO_DAY

LISTS = {"f3": TeachersScreen, "f4": SessionsScreen, "f5": PlanScreen, "f6": CoursesScreen, "f11": MentoringScreen,
         "f12": LessonsScreen}


async def test_each_list_fills_once_on_opening_and_again_when_back(demo_store, monkeypatch):
    fills: list[str] = []
    for screen in LISTS.values():
        original = screen.reload
        monkeypatch.setattr(screen, "reload", lambda self, *a, _o=original, **k: (fills.append(type(self).__name__),
                                                                                    _o(self, *a, **k))[1])
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        for key, screen in LISTS.items():
            fills.clear()
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            assert isinstance(app.screen, screen)
            assert fills == [screen.__name__], key
            await pilot.press("f1")  # the help, a screen above the list
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, screen)
            assert fills == [screen.__name__] * 2, key
            app.pop_screen()
            await pilot.pause()


async def test_the_home_figures_are_filled_once_before_the_first_frame_and_again_when_back(demo_store, monkeypatch):
    """The home screen filled its table on mount with the widths it will have once laid out (normal
    and plain, where the table has a border): the first frame is the whole screen, not an empty table
    filled and then drawn twice more (on "resumed" and on the first resize)."""
    from ubtui.screens.home import HomeScreen

    fills: list[tuple[int, int]] = []
    original = HomeScreen._fill_figures
    monkeypatch.setattr(HomeScreen, "_fill_figures", lambda self: (fills.append(self._widths()), original(self))[1])
    for plain in (False, True):
        fills.clear()
        app = UbtuiApp(demo_store, today=DEMO_DAY, plain=plain)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            home = app.screen
            assert isinstance(home, HomeScreen)
            table = home.query_one("#figures")
            assert table.row_count > 5 and table.content_region.width > 0
            assert len(fills) == 1, (plain, fills)  # on mount only: its guess of the width was right
            assert fills[0] == home._widths(), plain  # the same widths the laid-out table gives
            await pilot.press("f1")  # the help above it, then back: filled again (the file may have changed)
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen) and len(fills) == 2, plain
            await pilot.resize_terminal(100, 30)
            await pilot.pause()
            assert len(fills) == 3 and fills[-1] == home._widths(), plain  # a new width: columns again
