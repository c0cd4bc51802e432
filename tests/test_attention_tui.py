"""The home screen: Enter on an attention line opens the screen where it is fixed, filtered."""

from __future__ import annotations

from ubtui import i18n
from ubtui.app import UbtuiApp
from ubtui.domain.plans import OVERDUE
from ubtui.store import Store

from conftest import DEMO_DAY


async def _enter_on(pilot, app, label: str):
    screen = app.screen
    index = next(n for n, f in enumerate(screen._figures) if f.label == label)
    table = screen.query_one("#figures")
    table.focus()
    table.move_cursor(row=index)
    await pilot.press("enter")
    await pilot.pause()
    return app.screen


async def test_enter_on_a_line_opens_its_screen_filtered(demo_store: Store):
    from ubtui.screens.courses import CoursesScreen
    from ubtui.screens.plan import PlanScreen
    from ubtui.screens.sessions import SessionsScreen
    from ubtui.screens.sessions_decisions import DecisionsScreen
    from ubtui.screens.teachers import TeachersScreen

    i18n.set_language("ky")
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.focused is app.screen.query_one("#figures")  # the lines have the cursor
        screen = await _enter_on(pilot, app, i18n._("Teachers overdue for courses"))
        assert isinstance(screen, TeachersScreen) and screen.only_overdue
        shown = {str(k.value) for k in screen.query_one("#teachers").rows}
        overdue = {t.id for t, s in demo_store.course_statuses(DEMO_DAY, association_id=app.association.id)
                   if s.state in ("overdue", "never")}
        assert shown == overdue and shown  # exactly those the line counts
        await pilot.press("escape")
        await pilot.pause()
        screen = await _enter_on(pilot, app, "Мөөнөтү өткөн иш-чаралар")
        assert isinstance(screen, PlanScreen) and screen.query_one("#filter-status").value == OVERDUE
        await pilot.press("escape")
        await pilot.pause()
        screen = await _enter_on(pilot, app, "Мөөнөтү өткөн токтомдор")
        assert isinstance(screen, DecisionsScreen) and screen.filter == "overdue" and screen.rows
        await pilot.press("escape")
        await pilot.pause()
        screen = await _enter_on(pilot, app, i18n._("Teachers due for courses within 12 months"))
        assert isinstance(screen, CoursesScreen) and screen.only_due
        await pilot.press("escape")
        await pilot.pause()
        # The whole school (F8 → all): a line opens the first association behind.
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("home", "enter")
        await pilot.pause()
        assert app.whole_school
        line = next(f for f in app.screen._figures if f.label == "Өткөрүлгөн отурумдар")
        assert line.association_id
        screen = await _enter_on(pilot, app, "Өткөрүлгөн отурумдар")
        assert isinstance(screen, SessionsScreen) and app.association.id == line.association_id


async def test_a_screen_class_made_after_start_shows_its_keys_translated(demo_store: Store):
    """Screens opened from a home line are imported late; their footer must not be English."""
    from textual.binding import Binding
    from textual.screen import Screen
    from textual.widgets import Footer

    i18n.set_language("ky")
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()

        class LateScreen(Screen):  # made after the app translated every class it knew
            BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

            def compose(self):
                yield Footer()

        app.push_screen(LateScreen())
        await pilot.pause()
        shown = {b.description for _key, b in app.screen._bindings if b.key == "escape"}
        assert shown == {i18n._("Back")} and shown != {"Back"}
