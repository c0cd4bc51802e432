"""Sealed files with wrong content (fixtures/unsound/): check names the field, everything else
opens them read-only without a traceback, and nothing writes them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ubtui import cli
from ubtui.app import UbtuiApp
from ubtui.domain.associations import Association
from ubtui.store import FileProblem, ReadOnly, Store
from ubtui.store.check import check_file
from ubtui.store.lock import InstanceLock
from ubtui.store.soundness import UnsoundFile, find_problems
from ubtui.store.schoolfile import parse

from conftest import DEMO_DAY
from test_check_bad_files import GEN, one_line, run_check

NAMES = sorted(GEN.UNSOUND)
EVERY_SCREEN = {"year_start_impossible.json", "session_dangling.json", "attendance_dangling.json",
                "plan_item_dangling.json", "course_of_deleted_teacher.json", "duplicate_ids.json", "date_word.json"}


def sample(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / "school"
    folder.mkdir(exist_ok=True)
    path = folder / name
    shutil.copyfile(GEN.UNSOUND_DIR / name, path)
    return path


def test_fixtures_match_their_generator():
    assert GEN.differences(GEN.UNSOUND_DIR, GEN.UNSOUND) == [], "run: python fixtures/make_bad_files.py"


def test_the_corpus_differs_from_a_sound_file_only_where_it_says(tmp_path):
    # The pieces the samples are made of are sound on their own: each sample fails for its one reason.
    sound = {
        "teachers": {"1": GEN._teacher()},
        "courses": {"1": GEN._course()},
        "sessions": {"1": GEN._session()},
        "plans": {"1": GEN._plan()},
        "plan_items": {"1": GEN._plan_item()},
    }
    path = tmp_path / "sound.json"
    path.write_bytes(GEN._school(**sound)())
    assert "Ала-Тоо" in check_file(path)


@pytest.mark.parametrize("name", NAMES)
def test_every_sample_is_sealed_but_not_sound(name):
    document = parse((GEN.UNSOUND_DIR / name).read_bytes())  # the checksum matches
    problems = find_problems(document)
    expected = GEN.UNSOUND[name]
    assert (problems[0].table, problems[0].record_id, problems[0].field) == (expected.table, expected.record_id, expected.field)


@pytest.mark.parametrize("name", NAMES)
def test_check_exits_1_naming_the_field(tmp_path, capsys, name):
    path = sample(tmp_path, name)
    before = path.read_bytes()
    expected = GEN.UNSOUND[name]

    code, out, err = run_check(capsys, "check", str(path))

    assert code == 1 and out == ""
    line = one_line(err)
    assert line.startswith(f"ubtui: {path}: ")
    assert f"“{expected.table}”" in line and expected.record_id in line
    assert f"“{expected.field}”" in line if expected.field else "2" in line.rsplit(": ", 1)[-1]
    assert path.read_bytes() == before
    with pytest.raises(UnsoundFile):
        check_file(path)


@pytest.mark.parametrize("name", NAMES)
def test_store_opens_read_only_and_never_writes(tmp_path, name):
    path = sample(tmp_path, name)
    before = path.read_bytes()
    stamp = path.stat().st_mtime_ns

    with Store.open(path) as store:
        assert store.read_only and store.school.problems
        message = store.school.unsound_message()
        assert GEN.UNSOUND[name].field in message and "\n" not in message
        # Everything the screens read still reads (the wrong records left out of the view).
        store.settings(), store.sorted_teachers(include_inactive=True), store.sorted_years(), store.sorted_associations()
        store.sessions.all(), store.plans.plans.all(), store.plans.items.all(), store.course_statuses(DEMO_DAY)
        with pytest.raises(ReadOnly) as caught:
            store.associations.save(Association(name="Тилдер"))
        assert str(caught.value) == message
        lock = InstanceLock(path)  # an unsound file holds no lock: check --accept or a restore may run
        assert lock.acquire()
        lock.release()

    assert path.read_bytes() == before and path.stat().st_mtime_ns == stamp
    assert not (path.parent / "backups").exists()


@pytest.mark.parametrize("command", [["print", "staff"], ["report", "courses"], ["report", "protocols"]])
@pytest.mark.parametrize("name", ["year_start_impossible.json", "date_compact_text.json", "course_of_deleted_teacher.json"])
def test_print_and_report_refuse_in_one_line(tmp_path, capsys, monkeypatch, name, command):
    path = sample(tmp_path, name)
    before = path.read_bytes()
    monkeypatch.chdir(tmp_path)

    code, out, err = run_check(capsys, "--db", str(path), *command)

    assert code == 1 and out == ""
    line = one_line(err)
    assert GEN.UNSOUND[name].field in line
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.pdf"))


@pytest.mark.parametrize("name", NAMES)
async def test_the_tui_opens_read_only_and_says_why(tmp_path, name):
    path = sample(tmp_path, name)
    before = path.read_bytes()
    store = cli._open_for_tui(path)  # stdin is no terminal here: no recovery question, straight on read-only
    try:
        app = UbtuiApp(store, today=DEMO_DAY)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            messages = [n.message for n in app._notifications]
            assert store.school.unsound_message() in messages
            assert store.read_only
            # Every main screen draws (on the samples whose wrong record those screens would meet).
            for key in ("f3", "f4", "f5", "f6", "f7", "f8", "f9") if name in EVERY_SCREEN else ():
                await pilot.press(key)
                await pilot.pause()
                await pilot.press("escape")
                await pilot.pause()
    finally:
        store.close()
    assert path.read_bytes() == before


def test_the_newest_good_backup_is_offered_and_restored(tmp_path, monkeypatch):
    from ubtui.screens import recovery
    from ubtui.store import backups

    path = sample(tmp_path, "year_start_impossible.json")
    good = GEN.good_bytes()
    (path.parent / "backups").mkdir()
    (path.parent / "backups" / f"{path.stem}_2025-11-01.json").write_bytes(good)
    unsound_backup = path.parent / "backups" / f"{path.stem}_2025-11-02.json"
    unsound_backup.write_bytes(path.read_bytes())  # newer, sealed, but no better than the file
    asked = []

    def answer(self):
        asked.append((self.problem, self.backup_name))
        return True

    monkeypatch.setattr(cli, "_interactive", lambda: True)
    monkeypatch.setattr(recovery.RecoveryApp, "run", answer)
    store = cli._open_for_tui(path)
    try:
        assert not store.read_only and store.sorted_years()[0].label == "2025-2026"
    finally:
        store.close()
    assert asked and "start" in asked[0][0] and asked[0][1] == f"{path.stem}_2025-11-01.json"
    assert parse(path.read_bytes())["meta"]["1"]["generation"] >= 3
    assert any(b.kind == "before-restore" for b in backups.list_backups(path))


def test_a_declined_backup_leaves_the_file_read_only(tmp_path, monkeypatch):
    from ubtui.screens import recovery

    path = sample(tmp_path, "awards_numbers.json")
    before = path.read_bytes()
    (path.parent / "backups").mkdir()
    (path.parent / "backups" / f"{path.stem}_2025-11-01.json").write_bytes(GEN.good_bytes())
    monkeypatch.setattr(cli, "_interactive", lambda: True)
    monkeypatch.setattr(recovery.RecoveryApp, "run", lambda self: False)
    store = cli._open_for_tui(path)
    try:
        assert store.read_only and store.school.problems
    finally:
        store.close()
    assert path.read_bytes() == before


@pytest.mark.parametrize("command", [["check", "{path}"], ["--db", "{path}", "report", "staff"]])
def test_check_and_report_name_the_newest_good_backup(tmp_path, capsys, command):
    path = sample(tmp_path, "full_name_null.json")
    (path.parent / "backups").mkdir()
    good = path.parent / "backups" / f"{path.stem}_2025-10-01.json"
    good.write_bytes(GEN.good_bytes())
    (path.parent / "backups" / f"{path.stem}_2025-10-02.json").write_bytes(path.read_bytes())  # newer, unsound

    code, out, err = run_check(capsys, *(part.format(path=path) for part in command))

    assert code == 1 and out == ""
    line = one_line(err)
    assert "full_name" in line and f"ubtui backup restore {good.name}" in line


def test_restore_refuses_an_unsound_backup(tmp_path, capsys):
    path = tmp_path / "school.json"
    path.write_bytes(GEN.good_bytes())
    (tmp_path / "backups").mkdir()
    bad = tmp_path / "backups" / "school_2025-11-01.json"
    bad.write_bytes((GEN.UNSOUND_DIR / "date_word.json").read_bytes())
    before = path.read_bytes()

    code, out, err = run_check(capsys, "--db", str(path), "backup", "restore", bad.name)

    assert code == 1
    assert "date" in one_line(err)
    assert path.read_bytes() == before


# --- any change of any value: a verdict, never a crash ----------------------------------------------

STRANGE = [None, "", "вчера", "2025-02-31", "20250101", 0, -1, 10**6, 2.5, True, [], [1, 2], {}, {"x": 1}, "x" * 3000]


def _leaves(value, path=()):
    """Every place in a document a value can be changed (dict keys and list positions)."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield path + (key,)
            yield from _leaves(inner, path + (key,))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield path + (index,)
            yield from _leaves(inner, path + (index,))


def _sound_school() -> dict:
    document = GEN.good_document()
    document.update(teachers={"1": GEN._teacher()}, courses={"1": GEN._course()},
                    sessions={"1": GEN._session(agenda=[{"id": "i1", "title": "Жыйынтыктар жөнүндө", "heard": "",
                                                          "speakers": [{"name": "Үсөнов Мелис", "text": "…"}],
                                                          "decisions": [{"id": "d1", "text": "Кабыл алынсын",
                                                                         "due": "2025-10-30", "status": "open"}],
                                                          "vote": {"in_favour": 3, "against": 0, "abstained": 0}}])},
                    plans={"1": GEN._plan()}, plan_items={"1": GEN._plan_item()})
    document["years"]["1"]["quarters"] = [{"number": 1, "start": "2025-09-01", "end": "2025-10-31"}]
    return document


def test_any_changed_value_gets_a_verdict_and_the_store_still_reads(tmp_path):
    import copy
    import random

    from ubtui import reports
    from ubtui.errors import UserError

    base = _sound_school()
    assert find_problems(base) == []
    places = [p for p in _leaves(base) if p[0] != "meta" and len(p) > 2]
    noise = random.Random(20251201)
    path = tmp_path / "school.json"
    unsound = 0
    for round_ in range(150):
        document = copy.deepcopy(base)
        where = noise.choice(places)
        holder = document
        for step in where[:-1]:
            holder = holder[step]
        holder[where[-1]] = copy.deepcopy(noise.choice(STRANGE))
        path.write_bytes(GEN.to_bytes(GEN.with_checksum(document)))
        try:
            problems = find_problems(parse(path.read_bytes()))
        except FileProblem:  # an id changed: the file layer refuses it outright (the structure is not a school file's)
            with pytest.raises(FileProblem):
                Store.open(path)
            continue
        unsound += bool(problems)
        with Store.open(path) as store:
            assert store.read_only == bool(problems), (where, problems)
            store.settings(), store.sorted_teachers(include_inactive=True), store.sorted_years()
            store.sorted_associations(), store.course_statuses(DEMO_DAY)
            store.sessions.all(), store.plans.plans.all(), store.plans.items.all()
            # A sound file prints (a clear refusal at most); the read-only view of an unsound one,
            # which the CLI refuses to print, still holds nothing a report trips over.
            for kind in reports.table_kinds():
                try:
                    reports.build_table(kind, store, reports.Options(association="all", year="2025-2026"))
                except UserError:
                    pass
    assert 0 < unsound < 150  # both kinds of outcome were met
