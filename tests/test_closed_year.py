"""Closing a year: the store's one guard, close / reopen / a new year, the CLI, and the TUI refusing at once."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from ubtui import cli, i18n
from ubtui.domain.lessons import LessonEvent
from ubtui.domain.records import Record
from ubtui.errors import UserError
from ubtui.store import Store
from ubtui.store.errors import ClosedYear
from ubtui.store.repos import Repository
from ubtui.store.years import archive, close_year, reopen_year, retention, start_year

from conftest import DEMO_DAY


@dataclasses.dataclass
class YearReport(Record):
    """A record of a table the guard has never heard of (as yearend's `year_reports`)."""

    year_id: str = ""
    text: str = ""


def _closed(store: Store):
    return next(y for y in store.sorted_years() if y.closed)


def test_the_guard_refuses_every_change_to_a_closed_year_and_writes_nothing(demo_store: Store, demo_path):
    last = _closed(demo_store)
    before = demo_path.read_bytes()
    session = demo_store.sessions.in_year(last.id)[0]
    plan = demo_store.plans.of_year(last.id)[0]
    item = demo_store.plans.items_of(plan)[0]
    with pytest.raises(ClosedYear) as refused:  # a save
        demo_store.sessions.save(dataclasses.replace(session, place="Башка жер"))
    assert last.label in str(refused.value) and "жабык" in str(refused.value)
    with pytest.raises(ClosedYear):  # a delete, through the parent's year (a plan item has no year_id)
        demo_store.plans.items.delete(item.id)
    with pytest.raises(ClosedYear):  # a new record put into it
        demo_store.lessons.save(LessonEvent(association_id=plan.association_id, year_id=last.id, kind="open_lesson",
                                            date=dt.date(2025, 3, 3)))
    with pytest.raises(ClosedYear):  # any table with a year_id, even one added later
        Repository(demo_store.school, "year_reports", YearReport).save(YearReport(year_id=last.id, text="Талдоо"))
    with pytest.raises(ClosedYear):  # the year itself: its dates, and deleting it
        demo_store.years.save(dataclasses.replace(last, end=dt.date(2025, 6, 1)))
    with pytest.raises(ClosedYear):
        demo_store.years.delete(last.id)
    teacher = demo_store.sorted_teachers()[0]
    with pytest.raises(ClosedYear):  # a batch: all or nothing, the allowed part is not written either
        with demo_store.batch():
            demo_store.save_teacher(dataclasses.replace(teacher, phone="0555 000 000"))
            demo_store.plans.save_item(dataclasses.replace(item, note="аткарылды"))
    assert demo_path.read_bytes() == before
    assert demo_store.teachers.get(teacher.id).phone == teacher.phone
    # The open year is not touched by it, nor are the school's teachers.
    demo_store.save_teacher(dataclasses.replace(teacher, phone="0555 000 000"))
    current = demo_store.current_year(DEMO_DAY)
    with pytest.raises(UserError):  # closing is not a plain save: the names must be kept first
        demo_store.years.save(dataclasses.replace(current, closed=True))


def test_close_keeps_the_names_reopen_opens_and_a_new_year_carries_the_plans(demo_store: Store):
    current = demo_store.current_year(DEMO_DAY)
    session = demo_store.sessions.in_year(current.id)[0]
    assert not session.names
    closed = close_year(demo_store, current.id)
    assert closed.closed and demo_store.sessions.get(session.id).names  # names frozen as they are today
    assert [r.year.label for r in archive(demo_store)] == ["2025-2026", "2024-2025"]  # the newest first
    with pytest.raises(ClosedYear):
        demo_store.sessions.save(demo_store.sessions.get(session.id))
    with pytest.raises(UserError):
        close_year(demo_store, current.id)
    assert demo_store.undo() is not None  # closing is one change, undone at once
    assert not demo_store.years.get(current.id).closed
    close_year(demo_store, current.id)
    reopened = reopen_year(demo_store, current.id)
    assert not reopened.closed
    demo_store.sessions.save(dataclasses.replace(demo_store.sessions.get(session.id), place="Китепкана"))
    made = start_year(demo_store, None, DEMO_DAY)
    assert made.year.label == "2026-2027" and len(made.year.quarters) == 4
    assert made.plans == len(demo_store.associations.all()) == made.associations
    copied = demo_store.plans.of_year(made.year.id)
    assert copied and all(i.status == "planned" for p in copied for i in demo_store.plans.items_of(p))
    kept = retention(made.year)
    assert (kept.at_school_until, kept.archived_until, kept.leaves_school, kept.destroy_from) == (2030, 2040, 2031, 2041)


def _run(*argv: str) -> int:
    return cli.main(list(argv))


def test_cli_close_and_reopen(demo_path, capsys, monkeypatch):
    db = str(demo_path)
    before = demo_path.read_bytes()
    monkeypatch.setattr("sys.stdin.isatty", lambda: False, raising=False)
    assert _run("--db", db, "year", "close", "2025-2026") == 1  # nobody to ask, no --yes: nothing changes
    out = capsys.readouterr()
    assert "--yes" in out.err and "Өткөрүлгөн отурумдар" in out.out  # what is incomplete was shown
    assert demo_path.read_bytes() == before
    assert _run("--db", db, "year", "close", "2099-2100", "--yes") == 1
    assert "2099-2100" in capsys.readouterr().err
    assert _run("--db", db, "--lang", "ru", "year", "close", "2025-2026", "--yes") == 0
    assert "закрыт" in capsys.readouterr().out
    with Store.open(demo_path, read_only=True) as store:
        assert store.find_year("2025-2026").closed
    assert _run("--db", db, "year", "list") == 0
    listed = capsys.readouterr().out
    assert "2025-2026" in listed and "2029" in listed and "2039" in listed  # 2024-2025: 3 years, then 10 more
    assert _run("--db", db, "year", "reopen", "2025-2026", "--yes") == 0
    with Store.open(demo_path, read_only=True) as store:
        assert not store.find_year("2025-2026").closed
    with pytest.raises(SystemExit) as usage:
        _run("--db", db, "year", "shut", "2025-2026")
    assert usage.value.code == 2
    assert _run("--db", db, "year", "new") == 0
    assert "2026-2027" in capsys.readouterr().out


def test_cli_asks_and_no_means_no(demo_path, capsys):
    from ubtui.year_cli import run_year

    args = cli.build_parser().parse_args(["year", "close", "2025-2026"])

    assert run_year(args, demo_path, ask=lambda _q: "жок") == 1
    with Store.open(demo_path, read_only=True) as store:
        assert not store.find_year("2025-2026").closed
    assert run_year(args, demo_path, ask=lambda _q: "ооба") == 0
    with Store.open(demo_path, read_only=True) as store:
        assert store.find_year("2025-2026").closed


# --- the TUI -------------------------------------------------------------------------------------------------


async def test_a_closed_year_refuses_every_edit_at_once_and_reopens(demo_store: Store, demo_path, monkeypatch):
    from textual.widgets import TabbedContent

    from ubtui.app import UbtuiApp
    from ubtui.screens.plan import PlanScreen
    from ubtui.screens.sessions import SessionsScreen
    from ubtui.screens.settings import SettingsScreen

    i18n.set_language("ky")
    last = _closed(demo_store)
    before = demo_path.read_bytes()
    messages: list[str] = []
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    monkeypatch.setattr(app, "notify", lambda message, **_k: messages.append(message))
    async with app.run_test(size=(80, 24)) as pilot:
        app.year = last
        app.context_changed()
        await pilot.pause()
        assert "архив" in app.sub_title
        for area, keys, screen in (("f4", ["f2", "enter", "delete"], SessionsScreen),
                                   ("f5", ["n", "d", "a", "c"], PlanScreen)):
            await pilot.press(area)
            await pilot.pause()
            for pressed in keys:
                messages.clear()
                await pilot.press(pressed)
                await pilot.pause()
                assert isinstance(app.screen, screen), pressed  # no form, no question opened
                assert messages and last.label in messages[-1], pressed
            await pilot.press("escape")
            await pilot.pause()
        assert demo_path.read_bytes() == before  # byte-identical
        # Settings → Academic years: r reopens, after asking.
        await pilot.press("f9")
        await pilot.pause()
        app.screen.query_one(TabbedContent).active = "tab-years"
        await pilot.pause()
        table = app.screen.query_one("#years")
        table.focus()
        table.move_cursor(row=table.get_row_index(last.id))
        await pilot.press("r")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)  # the question
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
    assert not demo_store.years.get(last.id).closed
