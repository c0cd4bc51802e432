"""A failure at every step of a write leaves the school file exactly old (or exactly new).

Each step of `atomic_write` (write, flush, fsync, os.replace, fsync of the folder) is made
to fail in turn; afterwards the file on disk, the store's memory and the user's message
must agree.  Also: batches are all-or-nothing, Windows' busy-file PermissionError is
retried, text of any kind round-trips, stock TinyDB reads what we write, and every write
is one generation with a matching checksum.
"""

from __future__ import annotations

import builtins
import datetime as dt
import errno
import hashlib
import json
import os
import stat
from pathlib import Path

import pytest

from ubtui import i18n
from ubtui.domain.associations import Association, Member
from ubtui.domain.settings import Settings
from ubtui.domain.validation import ValidationError
from ubtui.errors import UserError
from ubtui.i18n import _
from ubtui.store import ReadOnly, SaveFailed, Store, jsonio
from ubtui.store.check import check_file
from ubtui.store.oserrors import describe_os_error

COULD_NOT_SAVE = "Could not save: {reason} Nothing was lost: the file is as it was before the change."
NOT_CONFIRMED = "The change was written, but the disk did not confirm it ({error}); save again to be sure."
STEPS = ["write", "flush", "fsync", "replace", "dir_fsync"]
FAILURE_ERRNO = {"write": errno.ENOSPC, "flush": errno.EIO, "fsync": errno.EIO, "replace": errno.EIO, "dir_fsync": errno.EIO}


@pytest.fixture(autouse=True)
def _kyrgyz():
    i18n.set_language("ky")
    yield
    i18n.set_language("ky")


@pytest.fixture
def store(tmp_path):
    """A school file with settings and two associations, already backed up today."""
    opened = Store.open(tmp_path / "school.json")
    with opened.batch():
        opened.save_settings(Settings(school_name="«Ала-Тоо» орто мектеби", village="Көк-Жар"))
        opened.associations.save(Association(name="Башталгыч класстар", members=[Member("Үсөнов Мелис")]))
        opened.associations.save(Association(name="Тилдер", area="кыргыз тили, орус тили"))
    yield opened
    opened.close()


# --- helpers -------------------------------------------------------------------------


class _FailingFile:
    """A real file whose write (after half the bytes reach it) or flush fails."""

    def __init__(self, handle, step: str) -> None:
        self._handle = handle
        self._step = step

    def write(self, data: bytes) -> int:
        if self._step == "write":
            self._handle.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return self._handle.write(data)

    def flush(self) -> None:
        if self._step == "flush":
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        self._handle.flush()

    def fileno(self) -> int:
        return self._handle.fileno()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self._handle.close()


def inject(monkeypatch, step: str, target: Path, error: BaseException | None = None) -> list[str]:
    """Make `step` of writing `target` fail; returns a log of the failures that happened."""
    failures: list[str] = []
    tmp = target.with_name(target.name + ".tmp")
    if step in ("write", "flush"):

        def fake_open(file, mode="r", *args, **kwargs):
            handle = builtins.open(file, mode, *args, **kwargs)
            if Path(file) == tmp:
                failures.append(step)
                return _FailingFile(handle, step)
            return handle

        monkeypatch.setattr(jsonio, "open", fake_open, raising=False)
    elif step in ("fsync", "dir_fsync"):
        real_fsync = os.fsync

        def fake_fsync(fd: int) -> None:
            is_dir = stat.S_ISDIR(os.fstat(fd).st_mode)
            if is_dir == (step == "dir_fsync"):
                failures.append(step)
                raise error or OSError(errno.EIO, os.strerror(errno.EIO))
            real_fsync(fd)

        monkeypatch.setattr(os, "fsync", fake_fsync)
    elif step == "replace":

        def fake_replace(source, destination) -> None:
            failures.append(step)
            raise error or OSError(errno.EIO, os.strerror(errno.EIO))

        monkeypatch.setattr(os, "replace", fake_replace)
    else:
        raise AssertionError(step)
    return failures


def disk_document(path: Path) -> dict:
    return json.loads(path.read_bytes().decode("utf-8-sig"))


def assert_memory_matches_disk(store: Store) -> None:
    """What the store shows is what the file holds (nothing half-applied in memory)."""
    disk = disk_document(store.path)
    assert store.school.document() == disk
    assert sorted(a.name for a in store.associations.all()) == sorted(
        record["name"] for record in disk.get("associations", {}).values()
    )
    settings = list(disk.get("settings", {}).values())
    assert store.settings().school_name == (settings[0]["school_name"] if settings else "")


def leftovers(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.tmp"))


def change(store: Store, kind: str) -> None:
    """One edit of each shape TinyDB makes: a new record, an in-place update, a removal."""
    if kind == "insert":
        store.associations.save(Association(name="Жаңы бирикме ң ө ү"))
    elif kind == "update":
        association = store.find_association("Тилдер")
        association.name = "Тилдер жана адабият (өзгөртүлдү)"
        association.members.append(Member("Өмүрбекова Гүлнара"))
        store.associations.save(association)
    elif kind == "delete":
        store.associations.delete(store.find_association("Тилдер").id)
    else:
        raise AssertionError(kind)


# --- 1. failure injection at every step ----------------------------------------------------


@pytest.mark.parametrize("kind", ["insert", "update", "delete"])
@pytest.mark.parametrize("step", STEPS)
def test_failure_at_each_step_leaves_old_or_new_file(store, monkeypatch, tmp_path, step, kind):
    before = store.path.read_bytes()
    generation = disk_document(store.path)["meta"]["1"]["generation"]
    failures = inject(monkeypatch, step, store.path)

    with pytest.raises(SaveFailed) as caught:
        change(store, kind)

    assert failures == [step]
    assert isinstance(caught.value, UserError)
    strerror = os.strerror(FAILURE_ERRNO[step])
    assert strerror not in caught.value.args[0]  # the system's English stays out of the message
    if step == "dir_fsync":
        # The rename happened: the file is exactly the new state, one generation on.
        reason = describe_os_error(OSError(FAILURE_ERRNO[step], strerror), store.path.parent).rstrip(".")
        assert caught.value.args[0] == _(NOT_CONFIRMED).format(error=reason)
        assert store.path.read_bytes() != before
        assert disk_document(store.path)["meta"]["1"]["generation"] == generation + 1
        check_file(store.path)
    else:
        reason = describe_os_error(OSError(FAILURE_ERRNO[step], strerror), store.path)
        assert caught.value.args[0] == _(COULD_NOT_SAVE).format(reason=reason)
        assert store.path.read_bytes() == before
    assert leftovers(tmp_path) == []
    assert_memory_matches_disk(store)

    # The store is still usable: once the disk behaves, the same edit saves as one generation.
    monkeypatch.undo()
    on_disk = disk_document(store.path)["meta"]["1"]["generation"]
    if step != "dir_fsync":
        change(store, kind)
        assert disk_document(store.path)["meta"]["1"]["generation"] == on_disk + 1
    assert_memory_matches_disk(store)


def test_dir_sync_message_is_translated(store, monkeypatch):
    i18n.set_language("ru")
    inject(monkeypatch, "dir_fsync", store.path)
    with pytest.raises(SaveFailed) as caught:
        change(store, "insert")
    message = str(caught.value)
    reason = describe_os_error(OSError(errno.EIO, ""), store.path.parent).rstrip(".")
    assert message == _(NOT_CONFIRMED).format(error=reason)
    assert os.strerror(errno.EIO) not in message
    assert "диск не подтвердил" in message  # the Russian catalog has this one


def test_interrupt_during_fsync_keeps_old_file(store, monkeypatch, tmp_path):
    before = store.path.read_bytes()
    inject(monkeypatch, "fsync", store.path, error=KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        change(store, "update")
    assert store.path.read_bytes() == before
    assert leftovers(tmp_path) == []
    assert_memory_matches_disk(store)


def test_failed_first_write_leaves_no_file(tmp_path, monkeypatch):
    path = tmp_path / "new.json"
    with Store.open(path) as fresh:
        file_id = fresh.school.meta["file_id"]
        inject(monkeypatch, "replace", path)
        with pytest.raises(SaveFailed):
            fresh.associations.save(Association(name="Биринчи"))
        assert not path.exists()
        assert leftovers(tmp_path) == []
        assert fresh.associations.all() == []
        monkeypatch.undo()
        fresh.associations.save(Association(name="Биринчи"))
    document = disk_document(path)
    assert document["meta"]["1"]["file_id"] == file_id  # the identity survived the failure
    assert document["meta"]["1"]["generation"] == 1


def test_failed_daily_backup_stops_the_write(store, monkeypatch, tmp_path):
    """The day's first write copies the old file first; if that copy fails, nothing is written."""
    before = store.path.read_bytes()
    store.school.today = lambda: dt.date.today() + dt.timedelta(days=1)
    backup_folder = tmp_path / "backups"
    real_open = builtins.open

    def fake_open(file, mode="r", *args, **kwargs):
        if Path(file).parent == backup_folder and "w" in mode:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(jsonio, "open", fake_open, raising=False)
    with pytest.raises(SaveFailed):
        change(store, "insert")
    assert store.path.read_bytes() == before
    assert leftovers(tmp_path) == []
    assert_memory_matches_disk(store)
    monkeypatch.undo()
    change(store, "insert")
    assert [p.read_bytes() for p in backup_folder.glob("*.json")].count(before) == 1


# --- batches -----------------------------------------------------------------------------------


def test_failed_batch_write_leaves_nothing_half_written(store, monkeypatch, tmp_path):
    before = store.path.read_bytes()
    inject(monkeypatch, "replace", store.path)
    with pytest.raises(SaveFailed):
        with store.batch():
            store.associations.save(Association(name="Математика жана табигый илимдер"))
            store.associations.save(Association(name="Дене тарбия"))
            settings = store.settings()
            settings.school_name = "Жаңы ат"
            store.save_settings(settings)
            change(store, "delete")
    assert store.path.read_bytes() == before
    assert leftovers(tmp_path) == []
    assert_memory_matches_disk(store)
    assert store.find_association("Дене тарбия") is None
    assert store.find_association("Тилдер") is not None


def test_error_inside_batch_discards_the_whole_batch(store):
    before = store.path.read_bytes()
    with pytest.raises(ValidationError):
        with store.batch():
            store.associations.save(Association(name="Дене тарбия"))
            with store.batch():  # nested: only the outer batch writes
                change(store, "update")
            store.associations.save(Association(name="Башталгыч класстар"))  # a duplicate name
    assert store.path.read_bytes() == before
    assert_memory_matches_disk(store)
    assert store.find_association("Дене тарбия") is None


def test_batch_is_one_write(store):
    generation = disk_document(store.path)["meta"]["1"]["generation"]
    with store.batch():
        for number in range(5):
            store.associations.save(Association(name=f"Бирикме №{number}"))
        with store.batch():
            change(store, "update")
        assert disk_document(store.path)["meta"]["1"]["generation"] == generation  # not yet
    assert disk_document(store.path)["meta"]["1"]["generation"] == generation + 1
    assert_memory_matches_disk(store)


# --- Windows: the target is busy for a moment ---------------------------------------------------


def _busy_replace(monkeypatch, busy_times: int) -> tuple[list[tuple], list[float]]:
    calls: list[tuple] = []
    sleeps: list[float] = []
    real_replace = os.replace

    def flaky(source, destination) -> None:
        calls.append((source, destination))
        if len(calls) <= busy_times:
            raise PermissionError(errno.EACCES, "Access is denied")
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", flaky)
    monkeypatch.setattr(jsonio.time, "sleep", sleeps.append)
    return calls, sleeps


def test_replace_retries_while_windows_says_busy(store, monkeypatch, tmp_path):
    generation = disk_document(store.path)["meta"]["1"]["generation"]
    calls, sleeps = _busy_replace(monkeypatch, busy_times=2)
    change(store, "insert")
    assert len(calls) == 3 and len(sleeps) == 2
    assert store.find_association("Жаңы бирикме ң ө ү") is not None
    assert disk_document(store.path)["meta"]["1"]["generation"] == generation + 1
    assert leftovers(tmp_path) == []
    assert_memory_matches_disk(store)


def test_replace_gives_up_when_always_busy(store, monkeypatch, tmp_path):
    before = store.path.read_bytes()
    calls, sleeps = _busy_replace(monkeypatch, busy_times=10**6)
    with pytest.raises(SaveFailed):
        change(store, "insert")
    assert len(calls) == 10 and len(sleeps) == 9
    assert store.path.read_bytes() == before
    assert leftovers(tmp_path) == []
    assert_memory_matches_disk(store)


def test_replace_with_retry_alone(tmp_path, monkeypatch):
    source, target = tmp_path / "a", tmp_path / "b"
    source.write_bytes(b"new")
    target.write_bytes(b"old")
    calls, _sleeps = _busy_replace(monkeypatch, busy_times=2)
    jsonio.replace_with_retry(source, target)
    assert target.read_bytes() == b"new" and not source.exists()
    assert len(calls) == 3


# --- 7. what goes in comes out ----------------------------------------------------------------------

MARKUP = [
    "<b>Ала-Тоо</b> & «Ысык-Көл» <script>alert(1)</script>",
    "[bold red]Башталгыч[/] класстар {name} %s \\n \\u0000",
    'кавычки "двойные" и \'одинарные\', бэкслэш \\ и табуляция\tв тексте',
    "строка\nс переводом\r\nстрок",
    "&amp; &lt; &#1187; ]]> <!-- -->",
]


def test_markup_round_trips(store):
    ids = []
    with store.batch():
        for text in MARKUP:
            ids.append(store.associations.save(Association(name=text, area=text, members=[Member(text)])).id)
    path = store.path
    store.close()
    with Store.open(path) as reopened:
        for record_id, text in zip(ids, MARKUP):
            association = reopened.associations.get(record_id)
            assert (association.name, association.area, association.members[0].name) == (text, text, text)
    check_file(path)


def test_long_unicode_round_trips(store):
    letters = "ңөүҢӨҮ кыргыз тили ёЁ й" + "й" + "👩‍🏫🇰🇬" + "\u0301" + "\u00a0" + "ئۇيغۇر" + "漢字" + "\U0001d11e"
    text = (letters * 5000)[:100_000]
    saved = store.associations.save(Association(name="Узун", area=text))
    path = store.path
    store.close()
    with Store.open(path) as reopened:
        assert reopened.associations.get(saved.id).area == text
    assert text in path.read_bytes().decode("utf-8")  # written as UTF-8, not \u escapes
    check_file(path)


def test_stock_tinydb_reads_what_the_store_wrote(store):
    from tinydb import TinyDB

    before = store.path.read_bytes()
    file_id = store.school.meta["file_id"]
    store.close()
    db = TinyDB(store.path, encoding="utf-8")
    try:
        assert db.table("meta").get(doc_id=1)["file_id"] == file_id
        names = sorted(doc["name"] for doc in db.table("associations").all())
        assert names == ["Башталгыч класстар", "Тилдер"]
        assert db.table("settings").all()[0]["school_name"] == "«Ала-Тоо» орто мектеби"
    finally:
        db.close()
    assert store.path.read_bytes() == before


def _independent_checksum(document: dict) -> str:
    """The seal covers everything but the seal itself (meta too)."""
    body = json.loads(json.dumps(document))
    del body["meta"]["1"]["sha256"]
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_generation_and_checksum_on_every_write(store):
    edits = [
        lambda: change(store, "insert"),
        lambda: change(store, "update"),
        lambda: store.save_settings(Settings(school_name="№5 орто мектеп")),
        lambda: change(store, "delete"),
        lambda: store.associations.save_many([Association(name="А"), Association(name="Б")]),
    ]
    document = disk_document(store.path)
    for edit in edits:
        edit()
        newer = disk_document(store.path)
        assert newer["meta"]["1"]["generation"] == document["meta"]["1"]["generation"] + 1
        assert newer["meta"]["1"]["sha256"] == _independent_checksum(newer)
        assert newer["meta"]["1"]["file_id"] == document["meta"]["1"]["file_id"]
        document = newer


def test_closed_store_refuses_to_write(store):
    """After close the lock is gone, so a save would be a second writer: it is refused."""
    before = store.path.read_bytes()
    store.close()
    with pytest.raises(ReadOnly):
        change(store, "insert")
    assert store.path.read_bytes() == before
