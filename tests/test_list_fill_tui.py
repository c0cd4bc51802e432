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
