"""One writer per file (the instance lock), and the daily backups with their CLI.

The lock is held by a real second process: within one process a file lock may be
re-entrant, which would prove nothing.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
import select
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from ubtui import cli, i18n
from ubtui.domain.associations import Association
from ubtui.domain.settings import Settings
from ubtui.i18n import _
from ubtui.store import DamagedFile, ReadOnly, Store, backups

HOLDER = """
import sys
from ubtui.store import Store
store = Store.open(sys.argv[1])
print("readonly" if store.read_only else "held", flush=True)
sys.stdin.readline()
store.close()
print("released", flush=True)
"""



def child_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(UBTUI_DB=str(tmp_path / "default-unused.json"), PYTHONIOENCODING="utf-8", XDG_STATE_HOME=str(tmp_path / "state"))
    return env


def read_line(process: subprocess.Popen, timeout: float = 30.0) -> str:
    ready, _, _ = select.select([process.stdout], [], [], timeout)
    assert ready, "the child process said nothing"
    return process.stdout.readline().strip()


@pytest.fixture
def school(tmp_path) -> Path:
    path = tmp_path / "school.json"
    with Store.open(path) as store:
        store.save_settings(Settings(school_name="«Ала-Тоо» орто мектеби"))
        store.associations.save(Association(name="Башталгыч класстар"))
    return path


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err
    return err.strip()


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (lock and owner files aside) with its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith((".lock", ".owner"))
    }


# --- 3. the lock ---------------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform.startswith("win"), reason="select() on pipes is POSIX")
def test_second_ubtui_opens_read_only_and_names_the_holder(school, tmp_path, capsys):
    before = school.read_bytes()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(school)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=child_env(tmp_path),
    )
    try:
        assert read_line(holder) == "held"
        store = Store.open(school)
        try:
            assert store.read_only is True
            assert f"pid {holder.pid}" in store.school.holder
            try:
                user = getpass.getuser()
            except Exception:
                user = "?"
            assert f"{user}@{socket.gethostname()}" in store.school.holder
            # Reading works.
            assert [a.name for a in store.associations.all()] == ["Башталгыч класстар"]
            expected = _("The file is open read-only: another ubtui is writing it ({holder}).").format(
                holder=store.school.holder
            )
            attempts = [
                lambda: store.save_settings(Settings(school_name="Башка мектеп")),
                lambda: store.associations.save(Association(name="Тилдер")),
                lambda: store.associations.delete(store.associations.all()[0].id),
                lambda: store.associations.save_many([Association(name="А")]),
            ]
            for attempt in attempts:
                with pytest.raises(ReadOnly) as caught:
                    attempt()
                assert str(caught.value) == expected
            with pytest.raises(ReadOnly):
                with store.batch():
                    pass
        finally:
            store.close()
        assert school.read_bytes() == before

        # Restoring a backup while another ubtui writes the file is refused too.
        backups.make_backup(school, dt.date.today() - dt.timedelta(days=3))
        name = backups.list_backups(school)[0].name
        code, _out, err = run_cli(capsys, "--db", str(school), "backup", "restore", name)
        assert code == 1
        assert f"pid {holder.pid}" in one_line(err)
        assert school.read_bytes() == before
    finally:
        holder.stdin.close()
        assert read_line(holder) == "released"
        holder.wait(timeout=30)

    with Store.open(school) as store:
        assert store.read_only is False
        store.associations.save(Association(name="Тилдер"))
    assert "Тилдер" in school.read_text(encoding="utf-8")


def test_a_killed_holder_leaves_no_stale_lock(school, tmp_path):
    """The lock is the operating system's: it goes with the process that held it, even one killed
    without a chance to clean up (a power cut is the same), and the next ubtui writes the file."""
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(school)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=child_env(tmp_path))
    try:
        assert read_line(holder) == "held"
        with Store.open(school) as store:
            assert store.read_only is True
    finally:
        holder.kill()
        holder.wait(timeout=30)
    assert (school.parent / (school.name + ".lock")).exists()  # the file stays; nobody holds it
    with Store.open(school) as store:
        assert store.read_only is False
        store.associations.save(Association(name="Тилдер"))


def test_the_lock_is_taken_once_and_given_back(tmp_path):
    from ubtui.store.lock import FileLock

    first, second = FileLock(tmp_path / "f.lock"), FileLock(tmp_path / "f.lock")
    assert first.acquire() and first.is_locked
    assert first.acquire()  # already held by it: still held, not taken twice
    assert not second.acquire() and not second.is_locked  # another holder (a second open file) is refused
    first.release()
    assert not first.is_locked
    first.release()  # twice is harmless
    assert second.acquire()
    second.release()


def test_explicit_read_only_open_refuses_saves(school):
    before = school.read_bytes()
    with Store.open(school, read_only=True) as store:
        assert store.read_only is True
        with pytest.raises(ReadOnly) as caught:
            store.associations.save(Association(name="Тилдер"))
        assert str(caught.value) == _("The file is open read-only.")
    assert school.read_bytes() == before


# --- 4. backups ------------------------------------------------------------------------------------

DAY0 = dt.date(2025, 1, 20)


def names_on_days(path: Path, days, kind: str = "") -> set[str]:
    extra = f"_{kind}" if kind else ""
    return {f"{path.stem}_{day.isoformat()}{extra}.json" for day in days}


def backup_names(path: Path) -> set[str]:
    return {b.name for b in backups.list_backups(path)}


def test_first_write_of_a_day_copies_the_previous_file(tmp_path):
    path = tmp_path / "school.json"
    store = Store.open(path)
    store.school.today = lambda: DAY0
    store.save_settings(Settings(school_name="Биринчи күн"))
    store.associations.save(Association(name="А"))
    assert backup_names(path) == set()  # there was no previous file to copy

    day1 = DAY0 + dt.timedelta(days=1)
    store.school.today = lambda: day1
    previous = path.read_bytes()
    store.associations.save(Association(name="Б"))
    assert backup_names(path) == names_on_days(path, [day1])
    backup = tmp_path / "backups" / f"school_{day1}.json"
    assert backup.read_bytes() == previous

    store.associations.save(Association(name="В"))  # the same day: no second copy
    assert backup_names(path) == names_on_days(path, [day1])
    assert backup.read_bytes() == previous
    store.close()

    # A later ubtui on the same day keeps the morning's copy, it does not write over it.
    store = Store.open(path)
    store.school.today = lambda: day1
    store.associations.save(Association(name="Г"))
    assert backup.read_bytes() == previous

    day2 = day1 + dt.timedelta(days=1)
    store.school.today = lambda: day2
    previous = path.read_bytes()
    store.associations.save(Association(name="Д"))
    store.close()
    assert backup_names(path) == names_on_days(path, [day1, day2])
    assert (tmp_path / "backups" / f"school_{day2}.json").read_bytes() == previous


def expected_kept(days: list[dt.date]) -> set[dt.date]:
    """The rule, written out independently: the 14 newest days and the newest day of each month."""
    newest = sorted(days, reverse=True)
    kept = set(newest[:14])
    for month in {(d.year, d.month) for d in days}:
        kept.add(max(d for d in days if (d.year, d.month) == month))
    return kept


def test_sixty_days_of_writes_keep_14_days_and_one_per_month(tmp_path):
    path = tmp_path / "school.json"
    store = Store.open(path)
    store.school.today = lambda: DAY0
    store.save_settings(Settings(school_name="Күн сайын"))
    before_day: dict[dt.date, bytes] = {}
    days = [DAY0 + dt.timedelta(days=n) for n in range(1, 61)]
    for day in days:
        store.school.today = lambda day=day: day
        before_day[day] = path.read_bytes()
        store.associations.save(Association(name=f"Бирикме {day}"))
        store.associations.save(Association(name=f"Экинчи {day}"))
    store.close()

    kept = expected_kept(days)
    assert len(kept) == 14 + 2  # January and February end outside the last 14 days
    assert backup_names(path) == names_on_days(path, kept)
    for day in kept:
        assert (tmp_path / "backups" / f"school_{day}.json").read_bytes() == before_day[day]


def test_prune_with_made_up_days(tmp_path):
    path = tmp_path / "ubtui.json"
    path.write_text("{}", encoding="utf-8")
    folder = tmp_path / "backups"
    folder.mkdir()
    days = [dt.date(2024, 11, 3) + dt.timedelta(days=3 * n) for n in range(40)]  # ~4 months, gaps
    for day in days:
        (folder / f"ubtui_{day}.json").write_text(str(day), encoding="utf-8")
    strangers = ["other-school_2024-11-03.json", "notes.txt", "ubtui_latest.json"]
    for name in strangers:
        (folder / name).write_text("x", encoding="utf-8")

    removed = backups.prune(path)

    kept = expected_kept(days)
    assert backup_names(path) == names_on_days(path, kept)
    assert {p.name for p in removed} == names_on_days(path, set(days) - kept)
    assert all((folder / name).exists() for name in strangers)
    assert backups.prune(path) == []  # pruning twice changes nothing


def test_backup_list_through_the_cli(school, capsys):
    code, out, err = run_cli(capsys, "--db", str(school), "backup", "list")
    assert code == 0 and err == ""
    assert out.strip() == _("There are no backups of {path} yet.").format(path=school)

    for days_ago in (1, 2, 40):
        backups.make_backup(school, dt.date.today() - dt.timedelta(days=days_ago))
    code, out, err = run_cli(capsys, "--db", str(school), "backup", "list")
    assert code == 0 and err == ""
    for backup in backups.list_backups(school):
        assert backup.name in out
        assert backup.day.strftime("%d.%m.%Y") in out


def test_restore_through_the_cli(school, capsys):
    old = school.read_bytes()
    backups.make_backup(school, dt.date.today() - dt.timedelta(days=2))
    name = backups.list_backups(school)[0].name
    with Store.open(school) as store:
        store.associations.save(Association(name="Кийин кошулган"))
    current = school.read_bytes()

    code, out, err = run_cli(capsys, "--db", str(school), "backup", "restore", name.removesuffix(".json"))

    assert code == 0 and err == ""
    assert school.read_bytes() == old
    saved = [b for b in backups.list_backups(school) if b.kind == "before-restore"]
    assert len(saved) == 1 and saved[0].path.read_bytes() == current
    assert saved[0].name in out
    with Store.open(school) as store:
        assert [a.name for a in store.associations.all()] == ["Башталгыч класстар"]


@pytest.mark.parametrize("lang", ["ky", "ru"])
@pytest.mark.parametrize("damage", ["truncated", "checksum", "unknown"])
def test_restore_of_a_bad_or_unknown_backup_changes_nothing(school, tmp_path, capsys, damage, lang):
    backups.make_backup(school, dt.date.today() - dt.timedelta(days=2))
    backup = backups.list_backups(school)[0]
    if damage == "truncated":
        backup.path.write_bytes(backup.path.read_bytes()[:-40])
    elif damage == "checksum":
        backup.path.write_bytes(backup.path.read_bytes().replace("Ала-Тоо".encode(), "Ала-Тоо!".encode()))
    name = "school_1999-01-01.json" if damage == "unknown" else backup.name
    before = snapshot(tmp_path)

    code, out, err = run_cli(capsys, "--lang", lang, "--db", str(school), "backup", "restore", name)

    assert code == 1 and out == ""
    line = one_line(err)
    assert name.removesuffix(".json") in line
    assert snapshot(tmp_path) == before


def test_restore_of_unknown_backup_in_a_real_process(school, tmp_path):
    before = snapshot(tmp_path)
    ubtui = Path(sys.executable).with_name("ubtui")
    command = [str(ubtui)] if ubtui.exists() else [sys.executable, "-m", "ubtui"]
    result = subprocess.run(
        command + ["--db", str(school), "backup", "restore", "no-such-backup"],
        capture_output=True, text=True, env=child_env(tmp_path), timeout=60,
    )
    assert result.returncode == 1, result.stderr
    one_line(result.stderr)
    assert result.stdout == ""
    assert snapshot(tmp_path) == before


def test_damaged_file_names_the_newest_good_backup(school, tmp_path, capsys):
    good_day = dt.date.today() - dt.timedelta(days=3)
    backups.make_backup(school, good_day)
    newer = backups.make_backup(school, dt.date.today() - dt.timedelta(days=1))
    newer.write_bytes(newer.read_bytes()[:100])  # the newest backup is damaged too
    good_name = f"school_{good_day}.json"
    school.write_bytes(school.read_bytes().replace("Башталгыч".encode(), "Башталгыч!".encode()))
    before = snapshot(tmp_path)

    with pytest.raises(DamagedFile) as caught:
        Store.open(school)
    assert caught.value.backup is not None and caught.value.backup.name == good_name
    assert f"ubtui backup restore {good_name}" in str(caught.value)
    assert snapshot(tmp_path) == before

    code, _out, _err = run_cli(capsys, "--db", str(school), "backup", "restore", good_name)
    assert code == 0
    with Store.open(school) as store:
        assert store.settings().school_name == "«Ала-Тоо» орто мектеби"
