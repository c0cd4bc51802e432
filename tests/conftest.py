"""Shared fixtures: a demo school on a fixed day, the language reset after each test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ubtui import i18n

# A Thursday in the second quarter of 2025-2026: the demo and the screens depend on "today".
DEMO_DAY = dt.date(2025, 11, 20)


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    """Kyrgyz; no test reaches the user's own school file; an internal error that would reach
    the CLI's crash log fails the test instead."""
    import traceback

    from ubtui import cli

    monkeypatch.setenv("UBTUI_DB", str(tmp_path / "default-unused.json"))

    def crash() -> None:
        raise AssertionError("internal error reached the CLI:\n" + traceback.format_exc())

    monkeypatch.setattr(cli, "_log_crash", crash)
    i18n.set_language("ky")
    yield
    i18n.set_language("ky")


@pytest.fixture
def no_crash_log():
    """Kept for the tests that name it: `_isolated` already does this for every test."""


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    from ubtui.demo import write_demo

    return write_demo(tmp_path / "school.json", today=DEMO_DAY)


@pytest.fixture
def demo_store(demo_path: Path):
    from ubtui.store import Store

    store = Store.open(demo_path)
    store.school.today = lambda: DEMO_DAY
    yield store
    store.close()


@pytest.fixture
def empty_store(tmp_path: Path):
    from ubtui.store import Store

    store = Store.open(tmp_path / "new.json")
    store.school.today = lambda: DEMO_DAY
    yield store
    store.close()


def pytest_report_header(config):
    """Out-of-date compiled translations make many tests fail in odd ways: say so first."""
    from ubtui.i18n.compile import COMMAND, problems

    found = problems()
    if found:
        return [f"WARNING: the compiled translations are out of date ({'; '.join(found)}): run `{COMMAND}`"]
    return []
