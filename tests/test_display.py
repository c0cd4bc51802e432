"""What a person sees on every screen (tests/screen_tour.py), in ky and ru at 80×24:

- plain mode draws only characters of the console font CyrAsia-Terminus16, chosen marks in text;
- no English word but key names;
- no list cell or label cut without "…" (a cut never reads as another word);
- user text is never markup (`[/]x` as a name does not crash a screen, and shows as typed).
"""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len
from textual.widgets import DataTable

from ubtui import i18n
from ubtui.app import UbtuiApp
from ubtui.store import Store
from ubtui.widgets.cells import cut
from ubtui.widgets.plain import FONT_CHARS, glyph_filter, plain_wanted

from conftest import DEMO_DAY
from screen_tour import STOPS, font_chars, screen_text

# Latin words a Kyrgyz or Russian screen may show: key names, names (ubtui, Linux, Windows), Roman
# numerals (category II, plan section IV), PDF.
KEY_WORDS = {"Ctrl", "Shift", "Alt", "Esc", "Del", "Ins", "Enter", "Tab", "Space", "Home", "End", "PgUp", "PgDn",
             "Backspace", "ubtui", "PDF", "USB", "II", "III", "IV", "Linux", "Windows"}
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")


def _latin_words(text: str) -> set[str]:
    found = set()
    for word in LATIN_WORD.findall(text):
        if word in KEY_WORDS or len(word) == 1 or re.fullmatch(r"F\d{1,2}", word):
            continue
        found.add(word)
    return found


def _row_tops(table: DataTable) -> list[tuple[int, int]]:
    """(y, height) of each row inside the table's content, before scrolling."""
    y = table.header_height if table.show_header else 0
    tops = []
    for row in table.ordered_rows:
        tops.append((y, row.height))
        y += row.height
    return tops


def cut_cells(app, lines: list[str]) -> list[str]:
    """Every visible cell (and column label) of every list whose screen text is its value cut
    without "…", or a wrapped value that lost words."""
    problems = []
    for table in app.screen.query(DataTable):
        if not table.display or table.region.width == 0 or table.scroll_x:
            continue
        region = table.scrollable_content_region
        right = region.x + region.width
        x = region.x
        columns = list(table.ordered_columns)
        lefts = []
        for column in columns:
            lefts.append(x + table.cell_padding)
            x += column.get_render_width(table)

        def shown(left: int, width: int, y: int) -> str:
            if not region.y <= y < region.y + region.height or left >= right:
                return ""
            return lines[y][left:min(left + width, right)].rstrip()

        def check(full: str, seen: str, where: str) -> None:
            full = " ".join(full.split())
            if seen == full or (seen.endswith("…") and full.startswith(seen[:-1].rstrip())):
                return
            problems.append(f"{where}: {seen!r} shown for {full!r}")

        for index, column in enumerate(columns):
            width = column.get_render_width(table) - 2 * table.cell_padding
            if table.show_header and lefts[index] < right:
                check(str(column.label), shown(lefts[index], width, region.y), f"#{table.id} label")
        for row_index, (top, height) in enumerate(_row_tops(table)):
            y = region.y + top - int(table.scroll_y)
            if y < region.y + (table.header_height if table.show_header else 0) or y + height > region.y + region.height:
                continue
            cells = table.get_row_at(row_index)
            for index, value in enumerate(cells):
                if lefts[index] >= right:
                    problems.append(f"#{table.id} row {row_index}: column {index} is off the screen")
                    continue
                width = columns[index].get_render_width(table) - 2 * table.cell_padding
                seen = " ".join(shown(lefts[index], width, y + k) for k in range(height)).strip()
                full = str(value)
                if height > 1:  # a wrapped cell: every word is there
                    if seen.split() != full.split():
                        problems.append(f"#{table.id} row {row_index}: {seen!r} wrapped from {full!r}")
                else:
                    check(full, " ".join(seen.split()), f"#{table.id} row {row_index}")
    return problems


def _store(kind, demo_path, tmp_path) -> Store:
    store = Store.open(demo_path if kind == "demo" else tmp_path / f"new-{kind}.json")
    store.school.today = lambda: DEMO_DAY
    return store


async def _tour(make_app, stops):
    """Visit `stops` in one app per kind of store (a new app costs more than a stop): each stop's
    keys from where its parent left the app (the home screen for a stop without one), the
    screens opened since then closed first. Yields (stop, text, screen name, cut cells, glyphs
    without a planned stand-in drawn at this stop)."""
    for kind in ("demo", "empty"):
        chosen = [stop for stop in stops if stop.store == kind]
        if not chosen:
            continue
        app = make_app(kind)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            reached = {"": (app.screen, len(app.screen_stack))}  # stop → (its screen, the stack's depth)
            shown = {"": screen_text(app)}  # stop → what it showed
            for stop in chosen:
                assert stop.parent in reached, f"{stop.name}: its parent {stop.parent!r} comes later or not at all"
                screen, depth = reached[stop.parent]
                while len(app.screen_stack) > depth:
                    app.pop_screen()
                    await pilot.pause()
                assert app.screen is screen, f"{stop.name}: could not go back to {stop.parent or 'the first screen'}"
                glyphs = glyph_filter(app)
                drawn = set(glyphs.unplanned) if glyphs else set()
                await stop.steps(pilot)
                text = screen_text(app)
                unplanned = set(glyphs.unplanned) - drawn if glyphs else set()
                assert stop.name in ("home", "first run") or text != shown[stop.parent], f"{stop.name}: its keys changed nothing"
                shown[stop.name] = text
                yield stop, text, type(app.screen).__name__, cut_cells(app, text.splitlines()), unplanned
                reached[stop.name] = (app.screen, len(app.screen_stack))
        app.store.close()


def test_the_font_table_in_the_code_is_the_font_file():
    assert FONT_CHARS == font_chars()
    assert {"ң", "ө", "ү", "Ң", "Ө", "Ү", "…", "─", "│"} <= FONT_CHARS
    assert not {"≡", "▏", "▔", "🔎", "▊"} & FONT_CHARS


@pytest.mark.parametrize(
    "environ, os_name, flag, setting, wanted",
    [
        ({"TERM": "linux"}, "posix", False, False, True),
        ({"TERM": "xterm-256color"}, "posix", False, False, False),
        ({"TERM": "xterm-256color"}, "posix", True, False, True),
        ({"TERM": "xterm-256color"}, "posix", False, True, True),
        ({}, "nt", False, False, True),  # the old Windows console
        ({"WT_SESSION": "1"}, "nt", False, False, False),  # Windows Terminal
    ],
)
def test_when_plain_mode_is_on(environ, os_name, flag, setting, wanted):
    assert plain_wanted(flag=flag, setting=setting, environ=environ, os_name=os_name) is wanted


async def test_every_screen_in_plain_mode(demo_path, tmp_path):
    """Kyrgyz, plain mode (the Russian screens get the word and cut checks in the markup tour)."""
    language = "ky"
    font = font_chars() | {"\n"}
    problems: list[str] = []
    seen_marks = set()
    i18n.set_language(language)

    def make_app(kind):
        return UbtuiApp(_store(kind, demo_path, tmp_path), language_forced=language, today=DEMO_DAY, plain=True)

    async for stop, text, screen, cuts, unplanned in _tour(make_app, STOPS):
        outside = sorted(set(text) - font)
        if outside:
            problems.append(f"{stop.name}: characters outside the console font {outside}")
        if unplanned:
            problems.append(f"{stop.name}: glyphs without a planned stand-in {sorted(unplanned)}")
        if words := _latin_words(text):
            problems.append(f"{stop.name}: English words {sorted(words)}")
        problems += [f"{stop.name}: {p}" for p in cuts]
        seen_marks |= {m for m in ("[x]", "[ ]", "(*)", "( )") if m in text}
        assert screen != "HomeScreen" or stop.name == "home", f"{stop.name} did not open"
    assert not problems, "\n".join(problems)
    assert seen_marks == {"[x]", "[ ]", "(*)", "( )"}  # chosen and unchosen differ by text


def test_cut_says_it_cut():
    assert cut("курстан өткөн эмес", 13) == "курстан өтkө…".replace("k", "к")
    assert cut("курстан өткөн эмес", 18) == "курстан өткөн эмес"
    assert cut_len_ok("Төлөгөнова Чолпон", 8)


def cut_len_ok(text: str, width: int) -> bool:
    shown = cut(text, width)
    return cell_len(shown) <= width and shown.endswith("…")


async def test_the_cell_check_can_fail(demo_store):
    """A value cut by the screen's edge, without "…", is found (the checker is not blind)."""
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        table = app.screen.query_one("#teachers", DataTable)
        DataTable.add_row(table, "курстан өткөн эмес " * 5, "", "", "", "", key="extra")  # a raw cell: no "…"
        await pilot.pause()
        problems = cut_cells(app, screen_text(app).splitlines())
    assert any("курстан өткөн эмес" in p for p in problems)


# --- markup ----------------------------------------------------------------------------------------

NASTY = " [b] [/] [link=x] & <b>"


def _nasty_demo(path) -> None:
    """Every human text of the demo (anything with a Cyrillic letter) gets markup-like text added."""
    store = Store.open(path)
    store.school.today = lambda: DEMO_DAY
    db = store.school.db

    def spoil(value):
        if isinstance(value, str):
            return value + NASTY if not value.isascii() else value
        if isinstance(value, list):
            return [spoil(v) for v in value]
        if isinstance(value, dict):
            return {k: (v if k in ("id", "created_at", "updated_at") else spoil(v)) for k, v in value.items()}
        return value

    with store.batch():
        for name in db.tables():
            table = db.table(name)
            for doc in table.all():
                table.update(spoil(dict(doc)), doc_ids=[doc.doc_id])
        store.school._dirty = True
    store.close()


async def test_user_text_is_never_markup(demo_path, tmp_path):
    """Every screen on a demo whose texts all carry markup-like text, outside plain mode (where
    Rich would read markup), in Russian: nothing crashes, the text shows as typed, no list cuts it
    without "…", no English word but key names (the plain tour checks the Kyrgyz screens)."""
    language = "ru"
    _nasty_demo(demo_path)
    probe = Store.open(demo_path, read_only=True)
    assert not probe.school.problems
    assert any(NASTY in t.full_name for t in probe.teachers.all())
    assert any(NASTY in a.name for a in probe.associations.all())
    probe.close()
    shown_as_typed, problems = [], []
    i18n.set_language(language)

    def make_app(kind):
        return UbtuiApp(_store(kind, demo_path, tmp_path), language_forced=language, today=DEMO_DAY)

    async for stop, text, _screen, cuts, _glyphs in _tour(make_app, [s for s in STOPS if s.store == "demo"]):
        if "[/]" in text or "[link=x]" in text:
            shown_as_typed.append(stop.name)
        # the markup-like text (whole or cut with "…") is the user's, not a word of the screen
        if words := {w for w in _latin_words(text) if not "link".startswith(w)}:
            problems.append(f"{stop.name}: English words {sorted(words)}")
        problems += [f"{stop.name}: {p}" for p in cuts]
    assert not problems, "\n".join(problems)
    assert {"teachers", "teacher detail", "sessions", "plan", "settings, associations"} <= set(shown_as_typed)


async def test_a_notification_with_a_name_is_not_markup(demo_path):
    _nasty_demo(demo_path)
    store = Store.open(demo_path)
    teacher = store.sorted_teachers()[0]
    app = UbtuiApp(store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        app.screen.notify(i18n.gettext("Delete {name} with all their courses?").format(name=teacher.full_name))
        await pilot.pause()
        await pilot.pause()
        assert "[link=x]" in screen_text(app)
    store.close()
