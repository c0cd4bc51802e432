"""The school file against people, USB sticks and old computers (issue 9, the file-system half).

Links to a stick, another program changing the file while ubtui has it open, outputs aimed
at the school file, doc ids spelt twice, a hand-edited meta, a clock set back to 2000,
modes, read-only files and folders, and the operating system's errors.
"""

from __future__ import annotations

import builtins
import copy
import datetime as dt
import errno
import io
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from ubtui import cli, i18n
from ubtui.domain.associations import Association
from ubtui.domain.settings import Settings
from ubtui.i18n import _
from ubtui.store import DamagedFile, FileProblem, ReadOnly, Store, backups, jsonio
from ubtui.store.check import check_file
from ubtui.store.errors import FileChangedOutside
from ubtui.store.oserrors import PathProblem, describe_os_error
from ubtui.store.outputs import ProtectedOutput, refuse_protected_output
from ubtui.store.schoolfile import body_text, render, seal_text
from ubtui.store.jsonio import sha256_text

from conftest import DEMO_DAY

POSIX = os.name == "posix"
ROOT = POSIX and os.geteuid() == 0
needs_symlinks = pytest.mark.skipif(not POSIX, reason="symbolic links need POSIX here")


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err and "internal error" not in err
    return lines[0]


def new_school(path: Path, name: str = "«Ала-Тоо» орто мектеби") -> Path:
    with Store.open(path) as store:
        store.school.today = lambda: DEMO_DAY
        store.save_settings(Settings(school_name=name))
        store.associations.save(Association(name="Тилдер"))
    return path


def generation(path: Path) -> int:
    return json.loads(path.read_bytes())["meta"]["1"]["generation"]


def no_english(message: str, error_number: int) -> None:
    assert os.strerror(error_number) not in message, message


# --- 1. links ------------------------------------------------------------------------------------


@needs_symlinks
def test_a_link_writes_the_target_and_stays_a_link(tmp_path):
    stick = tmp_path / "usb" / "school.json"
    stick.parent.mkdir()
    new_school(stick)
    home = tmp_path / "home"
    home.mkdir()
    link = home / "ubtui.json"
    link.symlink_to(stick)
    before = generation(stick)

    with Store.open(link) as through_link:
        assert through_link.path == stick.resolve()
        assert not through_link.read_only
        # One writer between link and target: the lock is the real file's.
        with Store.open(stick) as direct:
            assert direct.read_only and direct.school.holder
            with pytest.raises(ReadOnly):
                direct.associations.save(Association(name="Экинчи жазуучу"))
        through_link.associations.save(Association(name="Математика"))
        # …and the other way round: a second link to the same file is not a second writer.
        other = home / "again.json"
        other.symlink_to(stick)
        with Store.open(other) as second:
            assert second.read_only

    assert link.is_symlink() and os.readlink(link) == str(stick)
    assert generation(stick) == before + 1
    with Store.open(stick, read_only=True) as reread:
        assert {a.name for a in reread.associations.all()} == {"Тилдер", "Математика"}
    # The lock, the owner and the backups live beside the real file, on the stick.
    assert not (home / "ubtui.json.lock").exists()
    assert not (home / "backups").exists()


@needs_symlinks
@pytest.mark.parametrize("kind", ["dangling", "loop"])
def test_a_broken_link_is_an_error_not_a_new_school(tmp_path, capsys, kind, monkeypatch):
    link = tmp_path / "ubtui.json"
    if kind == "dangling":
        link.symlink_to(tmp_path / "usb" / "school.json")  # the stick is not plugged in
    else:
        (tmp_path / "b.json").symlink_to(link)
        link.symlink_to(tmp_path / "b.json")
    with pytest.raises(PathProblem) as caught:
        Store.open(link)
    assert str(link) in str(caught.value)
    assert not (tmp_path / "usb").exists()

    # The TUI never reaches the first-run form: one line, exit 1.
    monkeypatch.setenv("UBTUI_EXIT_WHEN_READY", "1")
    for lang in ("ky", "ru"):
        code, out, err = run_cli(capsys, "--lang", lang, "--db", str(link))
        assert code == 1
        line = one_line(err)
        assert str(link) in line
    assert not (tmp_path / "usb").exists()
    assert link.is_symlink()
    code, out, err = run_cli(capsys, "--db", str(link), "report", "staff")
    assert code == 1 and str(link) in one_line(err)


# --- 2. changed outside while open -------------------------------------------------------------


def replace_outside(path: Path, data: bytes) -> None:
    """What a copy from a stick or a sync tool does: a new file in the old one's place."""
    other = path.with_name("incoming.part")
    other.write_bytes(data)
    os.replace(other, path)


def test_a_file_changed_outside_is_not_written_over(tmp_path):
    path = new_school(tmp_path / "school.json")
    os.chmod(path, 0o640)
    store = Store.open(path)
    store.school.today = lambda: DEMO_DAY
    store.associations.save(Association(name="Башталгыч класстар"))

    outside = tmp_path / "other.json"
    new_school(outside, name="Сырттан келген көчүрмө")
    incoming = outside.read_bytes()
    replace_outside(path, incoming)

    with pytest.raises(FileChangedOutside) as caught:
        store.associations.save(Association(name="Табигый илимдер"))
    message = str(caught.value)
    assert "\n" not in message and str(path) in message
    assert path.read_bytes() == incoming  # nothing written over what the other program put there

    side = caught.value.side_file
    assert side is not None and side.parent == path.parent
    assert re.fullmatch(r"school\.unsaved-\d{8}-\d{6}\.json", side.name)
    assert str(side) in message
    check_file(side)  # a sealed school file of its own
    kept = json.loads(side.read_bytes())
    assert "Табигый илимдер" in {a["name"] for a in kept["associations"].values()}
    assert stat.S_IMODE(os.stat(side).st_mode) & ~0o640 == 0  # no more readable than the file

    # Read-only until reopened, and the reason is there for the header.
    assert store.read_only
    assert store.school.read_only_reason
    with pytest.raises(ReadOnly) as again:
        store.associations.save(Association(name="Дагы бир"))
    assert str(again.value) == store.school.read_only_reason
    assert path.read_bytes() == incoming
    assert {a.name for a in store.associations.all()} == {"Тилдер", "Башталгыч класстар"}  # as last saved
    store.close()


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_the_outside_change_message_is_translated(tmp_path, lang):
    path = new_school(tmp_path / "school.json")
    with Store.open(path) as store:
        data = path.read_bytes()
        replace_outside(path, data.replace("Тилдер".encode(), "Тилдэр".encode()))
        i18n.set_language(lang)
        with pytest.raises(FileChangedOutside) as caught:
            store.associations.save(Association(name="Жаңы"))
        text = str(caught.value)
        assert "changed by another program" not in text
        assert str(caught.value.side_file) in text


def test_the_same_bytes_copied_back_are_no_change(tmp_path):
    """A copy of the very bytes ubtui wrote (new inode, new time) is not an outside change."""
    path = new_school(tmp_path / "school.json")
    with Store.open(path) as store:
        store.school.today = lambda: DEMO_DAY
        replace_outside(path, path.read_bytes())
        os.utime(path, ns=(1, 1))
        store.associations.save(Association(name="Математика"))
        assert not store.read_only
    assert list(tmp_path.glob("*.unsaved-*")) == []


def test_a_file_deleted_outside_is_not_written_again(tmp_path):
    path = new_school(tmp_path / "school.json")
    with Store.open(path) as store:
        path.unlink()
        with pytest.raises(FileChangedOutside):
            store.associations.save(Association(name="Математика"))
    assert not path.exists()
    assert len(list(tmp_path.glob("school.unsaved-*.json"))) == 1


def test_a_file_made_outside_before_the_first_save_is_kept(tmp_path):
    path = tmp_path / "new.json"
    with Store.open(path) as store:
        new_school(tmp_path / "other.json")
        replace_outside(path, (tmp_path / "other.json").read_bytes())
        before = path.read_bytes()
        with pytest.raises(FileChangedOutside):
            store.save_settings(Settings(school_name="Биринчи"))
    assert path.read_bytes() == before


async def test_the_tui_says_so_and_stays_up(tmp_path):
    from textual.widgets import Input

    from ubtui.app import UbtuiApp
    from ubtui.screens.form import FormScreen

    path = new_school(tmp_path / "school.json")
    store = Store.open(path)
    store.school.today = lambda: DEMO_DAY
    app = UbtuiApp(store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        replace_outside(path, path.read_bytes().replace("Тилдер".encode(), "Тилдэр".encode()))
        incoming = path.read_bytes()
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        field = app.screen.query_one("#full_name", Input)
        field.focus()
        field.insert_text_at_cursor("Асанова Айгүл")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert app.is_running
        assert store.read_only
        messages = [n.message for n in app._notifications]
        assert store.school.read_only_reason in messages
        assert _("READ-ONLY") in app.title  # the lasting mark in the header
    store.close()
    assert path.read_bytes() == incoming
    sides = list(tmp_path.glob("school.unsaved-*.json"))
    assert len(sides) == 1 and "Асанова Айгүл" in sides[0].read_text(encoding="utf-8")


# --- 3. outputs that would replace the school file ----------------------------------------------


def test_print_onto_the_school_file_is_refused(tmp_path, capsys, monkeypatch):
    school = new_school(tmp_path / "s.json")
    before = school.read_bytes()
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(capsys, "--db", "s.json", "print", "staff", "-o", "s.json")
    assert code == 1 and out == ""
    assert "s.json" in one_line(err)
    assert school.read_bytes() == before


def test_every_protected_output_is_refused(tmp_path, capsys):
    school = new_school(tmp_path / "s.json")
    (tmp_path / "backups").mkdir(exist_ok=True)
    targets = [
        school.with_name("s.json.lock"),
        school.with_name("s.json.owner"),
        tmp_path / "backups" / "staff.pdf",
        tmp_path / "s.unsaved-20261201-101010.json",
    ]
    if POSIX:
        (tmp_path / "link.pdf").symlink_to(school)
        os.link(school, tmp_path / "hard.pdf")
        targets += [tmp_path / "link.pdf", tmp_path / "hard.pdf"]
    before = school.read_bytes()
    for target in targets:
        with pytest.raises(ProtectedOutput):
            refuse_protected_output(target, school)
        code, out, err = run_cli(capsys, "--db", str(school), "print", "staff", "-o", str(target))
        assert code == 1, target
        one_line(err)
    assert school.read_bytes() == before
    refuse_protected_output(tmp_path / "staff.pdf", school)  # an ordinary file is fine
    code, out, err = run_cli(capsys, "--db", str(school), "print", "staff", "-o", str(tmp_path / "staff.pdf"))
    assert code == 0 and (tmp_path / "staff.pdf").read_bytes().startswith(b"%PDF")


def test_report_appended_to_the_school_file_is_refused(tmp_path):
    school = new_school(tmp_path / "s.json")
    before = school.read_bytes()
    with open(school, "ab") as out:
        result = subprocess.run(
            [sys.executable, "-m", "ubtui", "--db", str(school), "report", "staff"],
            stdout=out, stderr=subprocess.PIPE, env=dict(os.environ, PYTHONIOENCODING="utf-8"), timeout=120,
        )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr.decode("utf-8")
    assert school.read_bytes() == before


def test_a_folder_as_the_school_file_says_so(tmp_path, capsys):
    folder = tmp_path / "school.json"
    folder.mkdir()
    for command in (["print", "staff", "-o", str(tmp_path / "x.pdf")], ["report", "staff"]):
        code, out, err = run_cli(capsys, "--db", str(folder), *command)
        assert code == 1
        assert one_line(err) == "ubtui: " + _("{path} is a folder, not a school file.").format(path=folder)


# --- 4. doc ids ------------------------------------------------------------------------------------


def sealed(document: dict) -> bytes:
    return render(copy.deepcopy(document))


def base_document(tmp_path: Path) -> dict:
    path = new_school(tmp_path / "base.json")
    return json.loads(path.read_bytes())


@pytest.mark.parametrize("case", ["same_number", "leading_zero", "duplicate_id"])
def test_doc_ids_are_canonical_and_ids_unique(tmp_path, capsys, case):
    document = base_document(tmp_path)
    table = document["associations"]
    (key, record), = table.items()
    twin = dict(record, name="Экинчи")
    if case == "same_number":
        table["0" + key] = dict(twin, id="8d1d4c1e-0000-4000-8000-000000000001")
    elif case == "leading_zero":
        table.clear()
        table["0" + key] = record
    else:
        table[str(int(key) + 1)] = twin  # the same id in two records
    path = tmp_path / "school.json"
    path.write_bytes(sealed(document))
    before = path.read_bytes()

    code, out, err = run_cli(capsys, "check", str(path))
    assert code == 1 and out == ""
    assert "associations" in one_line(err)
    if case == "duplicate_id":  # the content check (store/soundness.py): it opens read-only, named
        with Store.open(path) as store:
            assert store.read_only and "associations" in store.school.read_only_reason
    else:  # two spellings of one doc id: TinyDB itself would lose a record, so it does not open
        with pytest.raises(DamagedFile) as caught:
            Store.open(path)
        assert "associations" in str(caught.value).splitlines()[0]
    assert path.read_bytes() == before


# --- 5. the seal covers meta ------------------------------------------------------------------------


@pytest.mark.parametrize(("field", "value"), [("generation", 999), ("file_id", "5f0b8d0e-1111-4111-8111-111111111111")])
def test_a_hand_edited_meta_fails_the_checksum(tmp_path, capsys, field, value):
    path = new_school(tmp_path / "school.json")
    document = json.loads(path.read_bytes())
    document["meta"]["1"][field] = value
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    code, out, err = run_cli(capsys, "check", str(path))
    assert code == 1
    one_line(err)
    with pytest.raises(DamagedFile):
        Store.open(path)


def test_an_old_seal_still_opens_and_the_next_save_writes_the_new_one(tmp_path, capsys):
    path = new_school(tmp_path / "school.json")
    document = json.loads(path.read_bytes())
    document["meta"]["1"]["sha256"] = sha256_text(body_text(document))  # as ubtui sealed files before
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    code, out, err = run_cli(capsys, "check", str(path))
    assert code == 0, err
    with Store.open(path) as store:
        store.school.today = lambda: DEMO_DAY
        store.associations.save(Association(name="Математика"))
    written = json.loads(path.read_bytes())
    assert written["meta"]["1"]["sha256"] == sha256_text(seal_text(written))
    assert written["meta"]["1"]["sha256"] != sha256_text(body_text(written))


# --- 6. backups by generation -----------------------------------------------------------------------


def test_a_clock_set_back_still_offers_the_newest_backup(tmp_path, capsys):
    path = tmp_path / "school.json"
    store = Store.open(path)
    days = [dt.date(2026, 11, 20) + dt.timedelta(days=n) for n in range(3)]
    days += [dt.date(2000, 1, 1) + dt.timedelta(days=n) for n in range(9)]  # the CMOS battery died
    for number, day in enumerate(days):
        store.school.today = lambda day=day: day
        store.associations.save(Association(name=f"Бирикме {number}"))
    store.close()
    found = backups.list_backups(path)
    newest = max(found, key=lambda b: b.generation)
    assert newest.day.year == 2000  # dated 2000, yet it holds the newest data
    assert found[0] == newest
    assert any(b.day.year == 2026 for b in found)

    path.write_bytes(path.read_bytes()[:-40])  # then the file is damaged
    with pytest.raises(DamagedFile) as caught:
        Store.open(path)
    assert caught.value.backup == newest.path
    assert newest.name in str(caught.value)
    code, out, err = run_cli(capsys, "--db", str(path), "backup", "list")
    assert code == 0
    assert out.splitlines()[2].startswith(newest.name)  # newest first, under the header


def test_backup_list_shows_generation_and_marks_damaged_and_foreign(tmp_path, capsys):
    path = new_school(tmp_path / "school.json")
    with Store.open(path) as store:
        store.school.today = lambda: DEMO_DAY + dt.timedelta(days=1)
        store.associations.save(Association(name="Математика"))
    folder = tmp_path / "backups"
    (folder / "school_2025-01-01.json").write_bytes(b'{"meta": {"1": {"generation": 5')
    other = new_school(tmp_path / "other.json", name="Башка мектеп")
    (folder / "school_2025-01-02.json").write_bytes(other.read_bytes())
    code, out, err = run_cli(capsys, "--db", str(path), "backup", "list")
    assert code == 0 and err == ""
    rows = {line.split()[0]: line for line in out.splitlines()[2:]}
    daily = f"school_{DEMO_DAY + dt.timedelta(days=1)}.json"
    assert _("Generation") in out.splitlines()[0]
    assert _("good") in rows[daily] and f" {generation(folder / daily)} " in rows[daily]
    assert _("DAMAGED") in rows["school_2025-01-01.json"]
    assert _("OTHER SCHOOL FILE") in rows["school_2025-01-02.json"]

    before = path.read_bytes()
    code, out, err = run_cli(capsys, "--db", str(path), "backup", "restore", "school_2025-01-02.json")
    assert code == 1 and "--force" in one_line(err)
    assert path.read_bytes() == before
    code, out, err = run_cli(capsys, "--db", str(path), "backup", "restore", "school_2025-01-02.json", "--force")
    assert code == 0, err
    assert path.read_bytes() == other.read_bytes()


# --- 7. modes -------------------------------------------------------------------------------------------


@pytest.mark.skipif(not POSIX, reason="POSIX modes")
def test_the_mode_is_kept_and_backups_are_no_more_readable(tmp_path):
    path = new_school(tmp_path / "school.json")
    os.chmod(path, 0o600)
    with Store.open(path) as store:
        store.school.today = lambda: DEMO_DAY + dt.timedelta(days=1)
        store.associations.save(Association(name="Математика"))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    made = list((tmp_path / "backups").iterdir())
    assert made and all(stat.S_IMODE(os.stat(p).st_mode) & 0o077 == 0 for p in made)


def test_a_read_only_file_opens_read_only_and_says_why(tmp_path):
    path = new_school(tmp_path / "school.json")
    os.chmod(path, 0o444)
    before = path.read_bytes()
    with Store.open(path) as store:  # also as root, who could write it: the mark is honoured
        assert store.read_only
        assert str(path) in store.school.read_only_reason
        with pytest.raises(ReadOnly) as caught:
            store.associations.save(Association(name="Математика"))
        assert str(caught.value) == store.school.read_only_reason
    assert path.read_bytes() == before
    os.chmod(path, 0o644)


def test_no_write_permission_from_os_access_is_honoured(tmp_path, monkeypatch):
    """What a normal account sees for a file of another user (root passes os.access itself)."""
    path = new_school(tmp_path / "school.json")
    real_access = os.access

    def access(target, mode, *args, **kwargs):
        if Path(target) == path and mode & os.W_OK:
            return False
        return real_access(target, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    before = path.read_bytes()
    with Store.open(path) as store:
        assert store.read_only and str(path) in store.school.read_only_reason
        with pytest.raises(ReadOnly):
            store.associations.save(Association(name="Математика"))
    assert path.read_bytes() == before


# --- 8. read-only folder, OS errors ---------------------------------------------------------------------


def _refuse_folder_writes(monkeypatch, folder: Path) -> None:
    real_access = os.access

    def access(target, mode, *args, **kwargs):
        if Path(target) == folder and mode & os.W_OK:
            return False
        return real_access(target, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)


def test_a_read_only_folder_opens_read_only_with_a_clear_line(tmp_path, monkeypatch, capsys):
    path = new_school(tmp_path / "school.json")
    _refuse_folder_writes(monkeypatch, tmp_path)
    with Store.open(path) as store:
        assert store.read_only
        assert str(tmp_path) in store.school.read_only_reason
    monkeypatch.setenv("UBTUI_EXIT_WHEN_READY", "1")
    code, out, err = run_cli(capsys, "--db", str(path))
    assert code == 0, err


def test_a_lock_that_cannot_be_made_opens_read_only(tmp_path, monkeypatch, capsys):
    """The lock file cannot be made in a folder the user may not write (as a normal account): PermissionError."""
    from ubtui.store.lock import FileLock

    path = new_school(tmp_path / "school.json")
    before = path.read_bytes()

    def refuse(self, *args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path) + ".lock")

    monkeypatch.setattr(FileLock, "acquire", refuse)
    for lang in ("ky", "ru"):
        i18n.set_language(lang)
        with Store.open(path) as store:
            assert store.read_only
            reason = store.school.read_only_reason
            assert str(path) + ".lock" in reason
            no_english(reason, errno.EACCES)
            with pytest.raises(ReadOnly):
                store.associations.save(Association(name="Математика"))
    assert path.read_bytes() == before
    i18n.set_language("ky")
    code, out, err = run_cli(capsys, "--db", str(path), "report", "staff")
    assert code == 0, err


@pytest.mark.skipif(not POSIX or ROOT, reason="root writes into a 0555 folder; the tests above stand in for it")
def test_a_real_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = new_school(folder / "school.json")
    os.chmod(folder, 0o555)
    try:
        with Store.open(path) as store:
            assert store.read_only and str(folder) in store.school.read_only_reason
    finally:
        os.chmod(folder, 0o755)


OS_ERRORS = [errno.ENOENT, errno.EACCES, errno.EISDIR, errno.ENOSPC, errno.EROFS, errno.ELOOP, errno.ENOTDIR, errno.EIO]


@pytest.mark.parametrize("lang", ["ky", "ru"])
@pytest.mark.parametrize("number", OS_ERRORS)
def test_every_os_error_is_a_translated_sentence_with_the_path(lang, number):
    i18n.set_language(lang)
    where = Path("/media/usb/мектеп.json")
    sentence = describe_os_error(OSError(number, os.strerror(number)), where)
    assert str(where) in sentence
    no_english(sentence, number)
    fallback = _("The system refused to use {path} (code {code}).").format(path=where, code=errno.errorcode[number])
    assert sentence != fallback
    others = {describe_os_error(OSError(n, ""), where) for n in OS_ERRORS}
    assert len(others) == len(OS_ERRORS)  # each error its own sentence


@pytest.mark.parametrize("number", [errno.EACCES, errno.EIO])
def test_an_unreadable_file_names_the_path(tmp_path, capsys, monkeypatch, number):
    path = new_school(tmp_path / "school.json")
    real_open = builtins.open

    def fake_open(file, mode="r", *args, **kwargs):
        if Path(str(file)) == path and "r" in mode:
            raise OSError(number, os.strerror(number), str(file))
        return real_open(file, mode, *args, **kwargs)

    real_read_bytes = Path.read_bytes

    def fake_read_bytes(self):
        if self == path:
            raise OSError(number, os.strerror(number), str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(io, "open", fake_open)
    # Python 3.10's pathlib binds io.open at import, so Path.read_bytes would pass the fake by.
    monkeypatch.setattr(Path, "read_bytes", fake_read_bytes)
    i18n.set_language("ru")
    with pytest.raises(FileProblem) as caught:
        Store.open(path)
    assert str(path) in str(caught.value)
    no_english(str(caught.value), number)
    code, out, err = run_cli(capsys, "--lang", "ru", "check", str(path))
    assert code == 1 and str(path) in one_line(err)
    no_english(err, number)


def test_disk_full_on_save_is_a_translated_sentence(tmp_path, monkeypatch):
    path = new_school(tmp_path / "school.json")
    store = Store.open(path)
    store.school.today = lambda: DEMO_DAY
    real_open = builtins.open

    def full(file, mode="r", *args, **kwargs):
        if str(file).endswith(".tmp") and "w" in mode:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(jsonio, "open", full, raising=False)
    i18n.set_language("ru")
    before = path.read_bytes()
    with pytest.raises(Exception) as caught:
        store.associations.save(Association(name="Математика"))
    assert str(path) in str(caught.value)
    no_english(str(caught.value), errno.ENOSPC)
    assert path.read_bytes() == before
    store.close()


# --- 9. owner, backups/ folder, stale .tmp ------------------------------------------------------------


def test_the_owner_file_is_never_left_empty(tmp_path, monkeypatch):
    path = new_school(tmp_path / "school.json")
    owner = path.with_name("school.json.owner")
    owner.write_text('{"pid": 1, "host": "old", "user": "x"}', encoding="utf-8")  # left by a killed ubtui
    real_open = builtins.open

    class Full(io.BytesIO):
        def __init__(self, handle):
            super().__init__()
            self._handle = handle

        def write(self, data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def fileno(self):
            return self._handle.fileno()

        def __exit__(self, *exc):
            self._handle.close()

    def fake_open(file, mode="r", *args, **kwargs):
        handle = real_open(file, mode, *args, **kwargs)
        if ".owner" in str(file) and ("w" in mode or "a" in mode):
            return Full(handle)
        return handle

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(io, "open", fake_open)
    monkeypatch.setattr(jsonio, "open", fake_open, raising=False)
    with Store.open(path) as store:
        assert not store.read_only
        assert owner.read_bytes() != b""
    assert not owner.exists() or json.loads(owner.read_text(encoding="utf-8"))


def test_a_new_backups_folder_is_synced(tmp_path, monkeypatch):
    path = new_school(tmp_path / "school.json")
    synced: list[Path] = []
    real = backups.fsync_dir

    def record(folder):
        synced.append(Path(folder))
        real(folder)

    monkeypatch.setattr(backups, "fsync_dir", record)
    backups.make_backup(path, DEMO_DAY)
    assert synced and synced[0] == tmp_path


def test_a_stale_tmp_is_removed_at_open_only_by_the_lock_holder(tmp_path):
    path = new_school(tmp_path / "school.json")
    tmp = path.with_name("school.json.tmp")
    with Store.open(path) as first:
        assert not first.read_only
        tmp.write_bytes(b'{"meta": half a save')
        with Store.open(path) as second:  # read-only: it may not touch the writer's files
            assert second.read_only
            assert tmp.exists()
    assert tmp.exists()
    with Store.open(path):
        assert not tmp.exists()


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_ctrl_c_says_one_line_and_leaves_the_file(tmp_path, monkeypatch, capsys, lang):
    """Ctrl+C (here in the middle of a write) ends with exit 130 and one line in the user's
    language, no traceback; the file is as it was (every write is atomic)."""
    path = new_school(tmp_path / "school.json")
    before = path.read_bytes()

    def interrupted(*args, **kwargs):  # noqa: ANN002, ANN003
        raise KeyboardInterrupt

    from ubtui.store import restore

    backups.make_backup(path, dt.date.today() - dt.timedelta(days=3))
    monkeypatch.setattr(restore, "atomic_write", interrupted)
    name = backups.list_backups(path)[0].name
    code, out, err = run_cli(capsys, "--db", str(path), "--lang", lang, "backup", "restore", name)
    assert code == 130
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err and "Ctrl+C" in err
    assert ("прервано" in err) == (lang == "ru") and ("токтотулду" in err) == (lang == "ky")
    assert path.read_bytes() == before
