"""The school file: one TinyDB JSON document with a checked `meta` table.

Every write goes through `SchoolStorage.write`: a daily backup first, then the
meta table (generation, checksum) is brought up to date and the whole document
is written atomically.  A file that fails to parse or to match its checksum is
never written over.

The path is resolved first (a link to a USB stick writes the stick's file, and the
lock is taken beside it), and before each write the file on disk must still be the
one this store last read or wrote: if another program changed it, nothing is
written, the pending document goes to a side file, and the school turns read-only.
"""

from __future__ import annotations

import contextlib
import hashlib
import datetime as dt
import json
import os
import stat
from pathlib import Path
from typing import Any, Callable, Iterator

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from ubtui import __version__
from ubtui.i18n import _
from ubtui.store import backups, migrations, soundness, undo
from ubtui.store.errors import DamagedFile, FileChangedOutside, ForeignFile, NewerSchema, ReadOnly, SaveFailed
from ubtui.store.jsonio import BadJSON, DirSyncFailed, atomic_write, canonical, file_mode, loads_strict, sha256_text
from ubtui.store.lock import InstanceLock, describe_holder, lock_path
from ubtui.store.oserrors import describe_os_error, resolve_school_path
from ubtui.domain.records import new_id, utc_now

FORMAT = "ubtui"
META = "meta"
Document = dict[str, Any]


def new_document() -> Document:
    """An empty school document (not yet written anywhere)."""
    meta = {
        "format": FORMAT,
        "schema": migrations.SCHEMA,
        "file_id": new_id(),
        "app_version": __version__,
        "generation": 0,
        "created_at": utc_now(),
    }
    return {META: {"1": meta}}


def meta_of(document: Document) -> dict[str, Any]:
    return document[META]["1"]


def body_text(document: Document) -> str:
    """The canonical JSON of every table but `meta`: what the old seal covered (still read)."""
    return canonical({name: table for name, table in document.items() if name != META})


def seal_text(document: Document) -> str:
    """The canonical JSON of the whole document but meta's `sha256`: what the checksum covers,
    so that a hand-edited `generation` or `file_id` is found too."""
    return canonical({**document, META: _unsealed_meta(document)})


def seal_matches(document: Document, data: bytes | None = None) -> bool:
    """The checksum covers the whole document; files sealed before it did (body only) still open.

    With the file's bytes, the seal is first taken over them as they are (`raw_body`): a file
    ubtui wrote holds the canonical text already, so nothing is rendered again."""
    found = meta_of(document).get("sha256")
    body = raw_body(document, data) if data is not None else None
    if body is not None and found in _raw_seals(document, body):
        return True
    return found in (sha256_text(seal_text(document)), sha256_text(body_text(document)))


def _unsealed_meta(document: Document) -> dict[str, Any]:
    meta_table = {key: dict(value) if isinstance(value, dict) else value for key, value in document[META].items()}
    if isinstance(meta_table.get("1"), dict):
        meta_table["1"].pop("sha256", None)
    return meta_table


def raw_body(document: Document, data: bytes) -> bytes | None:
    """The tables but `meta` as the file holds them, when it is laid out as ubtui writes it
    (`{"meta":…,` then the other tables, in order); else None.  One copy of the file's tables is
    made (its slices are views): at 100× the demo each copy is ~36 MB at every open."""
    inner = _raw_inner(document, data)
    return None if inner is None else b"{" + inner


def _raw_inner(document: Document, data: bytes) -> memoryview | bytes | None:
    """`raw_body` without its first `{`, as a view of `data` (no copy)."""
    head = ('{"meta":' + canonical(document[META])).encode("utf-8")
    if not data.startswith(head):
        return None
    end = len(data)
    while end > len(head) and data[end - 1] in b" \t\r\n":
        end -= 1
    rest = memoryview(data)[len(head):end]
    if rest == b"}":
        return b"}"
    if len(rest) < 2 or rest[0] != ord(",") or rest[-1] != ord("}"):
        return None
    return rest[1:]


def _raw_seals(document: Document, body: bytes) -> tuple[str, str]:
    """The checksums of the seal text and of the body, made from the body's bytes: the seal text
    is the body with `"meta":…` (without its checksum) put in its place among the sorted tables."""
    meta = ('"meta":' + canonical(_unsealed_meta(document))).encode("utf-8")
    later = sorted(name for name in document if name != META and name > META)
    view = memoryview(body)  # the parts below are views of the body, not copies of it
    if body == b"{}":
        parts = [b"{", meta, b"}"]
    elif not later:
        parts = [view[:-1], b",", meta, b"}"]
    else:
        key = json.dumps(later[0], ensure_ascii=False).encode("utf-8") + b":"
        at = 1 if body.startswith(b"{" + key) else body.find(b"," + key)
        if at < 0:
            return ("", "")
        parts = [b"{", meta, b",", view[1:]] if at == 1 else [view[:at], b",", meta, view[at:]]
    seal = hashlib.sha256()
    for part in parts:
        seal.update(part)
    return seal.hexdigest(), hashlib.sha256(body).hexdigest()


def raw_seal(document: Document, body: bytes) -> str:
    """The checksum of a document whose tables but meta are `body` (the file's own bytes)."""
    return _raw_seals(document, body)[0]


def render(document: Document) -> bytes:
    """Bring meta up to date (generation +1, checksum) and return the file's bytes."""
    return render_with_body(document)[0]


def render_with_body(document: Document, pieces: dict[str, bytes] | None = None,
                     changed: set[str] | None = None) -> tuple[bytes, bytes]:
    """As `render`, with the canonical JSON of the tables it wrote (what undo keeps), as UTF-8.

    Each table is rendered once: the file's text and the seal text (the same tables with
    `meta` in its sorted place, without its checksum) are put together from the same pieces.
    `pieces` (a table's name → its `"name":{…}` bytes, from the last render) is brought up to date
    and used: only the tables in `changed` (all when None) and those without a piece are rendered
    again. A save of one session at 100× the demo renders the sessions, not the plan items too."""
    meta = meta_of(document)
    meta["generation"] = int(meta.get("generation", 0)) + 1
    meta["app_version"] = __version__
    meta["updated_at"] = utc_now()
    if pieces is None:
        pieces = {}
    names = sorted(name for name in document if name != META)
    for name in names:
        if changed is None or name in changed or name not in pieces:
            pieces[name] = (json.dumps(name, ensure_ascii=False) + ":" + canonical(document[name])).encode("utf-8")
    for gone in [name for name in pieces if name not in document]:
        del pieces[gone]
    parts = [pieces[name] for name in names]
    before_meta = sum(1 for name in names if name < META)  # the seal text has meta in its sorted place
    unsealed = ('"meta":' + canonical(_unsealed_meta(document))).encode("utf-8")
    seal = hashlib.sha256(b"{")
    for number, part in enumerate(parts[:before_meta] + [unsealed] + parts[before_meta:]):
        if number:
            seal.update(b",")
        seal.update(part)
    seal.update(b"}")
    meta["sha256"] = seal.hexdigest()
    inner = b",".join(parts)
    head = ('{"meta":' + canonical(document[META])).encode("utf-8")
    data = b"".join((head, b"," if parts else b"", inner, b"}\n"))
    return data, b"{" + inner + b"}"


def verify(document: Any, *, allow_newer: bool = False, checksum: bool = True, data: bytes | None = None) -> dict[str, Any]:
    """Check that a parsed document is a school file with a matching checksum; return its meta.

    `checksum=False` checks all but the checksum (`check --accept` seals it anew)."""
    if not isinstance(document, dict) or not isinstance(document.get(META), dict):
        raise ForeignFile(_("this is not a ubtui school file (no meta table)"))
    meta = document[META].get("1")
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise ForeignFile(_("this is not a ubtui school file (format is not “ubtui”)"))
    schema = meta.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise ForeignFile(_("the file's schema number is missing or wrong"))
    if schema > migrations.SCHEMA and not allow_newer:
        raise NewerSchema(
            _("the file was written by a newer ubtui (schema {found}, this one reads up to {known}); update ubtui").format(
                found=schema, known=migrations.SCHEMA
            )
        )
    if not isinstance(meta.get("file_id"), str) or not meta["file_id"]:
        raise ForeignFile(_("the file has no file_id"))
    generation = meta.get("generation", 0)
    if not isinstance(generation, int) or isinstance(generation, bool) or generation < 0:
        raise DamagedFile(_("table “{name}” is damaged").format(name=META))
    for name, table in document.items():
        if not isinstance(table, dict) or not all(isinstance(doc, dict) for doc in table.values()):
            raise DamagedFile(_("table “{name}” is damaged").format(name=str(name)[:40]))
        # TinyDB turns every key into an int doc_id: anything else breaks it on the first read.
        if not all(key.isascii() and key.isdigit() for key in table):
            raise DamagedFile(_("table “{name}” is damaged").format(name=str(name)[:40]))
        verify_doc_ids(str(name), table)
        if name != META and not all(isinstance(doc.get("id"), str) for doc in table.values()):
            raise DamagedFile(_("a record in table “{name}” has no id").format(name=str(name)[:40]))
    if checksum and not seal_matches(document, data):
        raise DamagedFile(_("the checksum does not match: the file was changed outside ubtui or damaged"))
    return meta


def verify_doc_ids(name: str, table: dict[str, Any]) -> None:
    """TinyDB's record numbers are written as TinyDB writes them (`"1"`, never `"01"`): two
    spellings of one number would make TinyDB keep one record and drop the other."""
    seen: dict[int, str] = {}
    for key in table:
        number = int(key)
        if number in seen:
            raise DamagedFile(
                _("table “{name}”: the record numbers “{first}” and “{second}” are the same number, and one record would be lost").format(
                    name=name[:40], first=seen[number][:20], second=key[:20]
                )
            )
        seen[number] = key
        if key != str(number) or number < 1:
            raise DamagedFile(
                _("table “{name}”: the record number “{key}” is not written as TinyDB writes it").format(
                    name=name[:40], key=key[:20]
                )
            )


def parse(data: bytes, *, allow_newer: bool = False) -> Document:
    """Bytes → a verified document; raises a translated DamagedFile / ForeignFile / NewerSchema."""
    try:
        document = loads_strict(data)
    except BadJSON as error:
        raise DamagedFile(str(error)) from None
    verify(document, allow_newer=allow_newer, data=data)
    return document


def read(path: Path) -> Document:
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise DamagedFile(describe_os_error(error, path).rstrip(".")) from None
    return parse(data)


def newest_good_backup(path: Path, file_id: str | None = None) -> Path | None:
    """The sound backup with the highest generation (of `file_id`, when it is known)."""
    for backup in backups.list_backups(path):
        if file_id is not None and backup.file_id != file_id:
            continue
        try:
            document = read(backup.path)
        except (DamagedFile, ForeignFile, NewerSchema):
            continue
        if soundness.find_problems(document):  # sealed, but not sound: no better than the file itself
            continue
        return backup.path
    return None


def _damaged(path: Path, error: Exception) -> DamagedFile:
    # A file from a newer ubtui is not damaged: a backup would throw away what it wrote.
    file_id = (backups.peek_meta(path) or {}).get("file_id")
    file_id = file_id if isinstance(file_id, str) else None
    backup = None if isinstance(error, NewerSchema) else newest_good_backup(path, file_id)
    message = _("{path}: {reason}.").format(path=path, reason=error)
    if backup is not None:
        message += " " + _("The file was not changed. The newest good backup is {name}: ubtui backup restore {name}").format(
            name=backup.name
        )
    else:
        message += " " + _("The file was not changed.")
    cls = type(error) if isinstance(error, (DamagedFile, ForeignFile, NewerSchema)) else DamagedFile
    return cls(message, path=path, backup=backup)


class SchoolStorage(Storage):
    """A TinyDB storage that keeps the document in memory and writes it atomically."""

    def __init__(self, school: "School") -> None:
        self.school = school

    def read(self) -> Document:
        return self.school._document

    def write(self, data: Document) -> None:
        self.school._write(data, tracked=data is self.school._document)


class TrackedTable(Table):
    """A TinyDB table that says which table of the document it changes before it writes: the
    save then renders that table again and takes the others' text from the last save."""

    def _update_table(self, updater: Callable[[dict[int, Any]], None]) -> None:
        storage = self._storage
        if isinstance(storage, SchoolStorage):
            storage.school._changed.add(self.name)
        super()._update_table(updater)

    def close(self) -> None:
        pass


class School:
    """An open school file: the TinyDB database, its lock and its state.

    `path` is the real file (links followed); `given_path` is what the user named.
    """

    def __init__(
        self,
        path: Path,
        document: Document,
        *,
        read_only: bool,
        lock: InstanceLock | None,
        holder: str = "",
        read_only_reason: str = "",
        synced: bytes | None = None,
        stamp: tuple[int, ...] | None = None,
        given_path: Path | None = None,
    ) -> None:
        self.path = Path(path)
        self.given_path = Path(given_path or path)
        self._document = document
        self.read_only = read_only
        self.holder = holder
        self._read_only_reason = read_only_reason
        self._lock = lock
        self._batch_depth = 0
        self._dirty = False
        self._backed_up_on: dt.date | None = None
        self.problems: list = []  # soundness.Problem: what is wrong in the content (then read-only)
        self._synced = synced  # the bytes this store last read from or wrote to the file
        self._stamp = stamp  # (size, mtime_ns, inode, device) of the file after that
        self.today: Callable[[], dt.date] = dt.date.today
        self.read_only_listeners: list[Callable[[str], None]] = []
        self.history = undo.History()
        # The tables as last read or written: what an undo goes back to (the file's own text when it has it).
        # Taken from the file's bytes when first needed (the first write, an undo): not a second
        # copy of the file's tables in memory from the start (~36 MB at 100× the demo).
        inner = _raw_inner(document, synced) if synced is not None else None
        self._state_inner = inner
        self._state_bytes = undo.pack(body_text(document)) if inner is None else None
        self._label: str | None = None  # what the pending change is, for the undo list
        self._unrecorded = False
        # Checks every save and delete passes through first (the store's closed-year guard):
        # guard(table, the stored dict before or None, the record after or None) raises to refuse.
        self.guards: list[Callable[[str, Any, Any], None]] = []
        # Each table's text as last written (`render_with_body`), and the tables changed since, as
        # TinyDB said while changing them: a document that comes any other way is rendered whole.
        self._pieces: dict[str, bytes] = {}
        self._changed: set[str] = set()
        self.db = TinyDB(storage=lambda: SchoolStorage(self))
        self.db.table_class = TrackedTable

    @property
    def _state(self) -> bytes:
        """The tables as last read or written (canonical JSON, UTF-8): what an undo goes back to."""
        if self._state_bytes is None:
            self._state_bytes = b"{" + self._state_inner
            self._state_inner = None
        return self._state_bytes

    @_state.setter
    def _state(self, value: bytes) -> None:
        self._state_bytes, self._state_inner = value, None

    # --- opening -------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False, wait_for_lock: bool = False) -> "School":
        """Open (or start, if missing) a school file; see the module docstring for the rules.

        Without the lock (another ubtui writes the file) it opens read-only and
        `holder` says who has it; so it does when the file or its folder cannot be
        written, and `read_only_reason` says why.
        """
        given = Path(path)
        path = resolve_school_path(given)
        lock: InstanceLock | None = None
        holder = ""
        reason = _("The file is open read-only.") if read_only else ""
        if not read_only:
            if not path.parent.is_dir():
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as error:
                    raise DamagedFile(describe_os_error(error, path.parent), path=path) from None
            reason = _why_not_writable(path)
            if reason:
                read_only = True
        if not read_only:
            lock = InstanceLock(path)
            try:
                got = lock.acquire()
            except OSError as error:  # a read-only folder or disk, no permission
                got, lock = False, None
                reason = _("{why} ubtui cannot make its lock file there, so the file is open read-only.").format(
                    why=describe_os_error(error, lock_path(path))
                )
            if not got:
                read_only = True
                if lock is not None:
                    lock = None
                    holder = describe_holder(path) or "?"
                    reason = _("The file is open read-only: another ubtui is writing it ({holder}).").format(holder=holder)
        try:
            if lock is not None:
                _remove_stale_tmp(path)
            data, stamp = _read_with_stamp(path)
            if data is not None:
                try:
                    document = parse(data, allow_newer=False)
                except (DamagedFile, ForeignFile, NewerSchema) as error:
                    raise _damaged(path, error) from None
            else:
                document = new_document()
            school = cls(
                path,
                document,
                read_only=read_only,
                lock=lock,
                holder=holder,
                read_only_reason=reason,
                synced=data,
                stamp=stamp,
                given_path=given,
            )
            if data is not None:
                school._check_content()
            if data is not None and migrations.schema_of(document) < migrations.SCHEMA and not school.problems:
                school._migrate()
            return school
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    def _check_content(self) -> None:
        """An unsound file (DESIGN §2) stays as it is: read-only, showing only the records that read."""
        self.problems = soundness.find_problems(self._document)
        if self.problems:
            self._unsound_source = self._document
            self._document = soundness.readable_copy(self._document)
            self.read_only = True
            self._read_only_reason = self.unsound_message()
            if self._lock is not None:  # nothing will be written: another ubtui (or check --accept) may
                self._lock.release()
                self._lock = None

    def _migrate(self) -> None:
        if self.read_only:  # reading needs no write: only the copy in memory is brought up to date
            self._document = migrations.migrate(self._document)
            return
        old = migrations.schema_of(self._document)
        try:
            backups.make_backup(self.path, self.today(), kind=f"schema{old}")
        except OSError as error:  # no backup, no migration: the file stays as it is
            raise SaveFailed(_not_saved(error, self.path)) from None
        self._document = migrations.migrate(self._document)
        self._write(self._document, record=False)  # an upgrade is not a change to undo

    def close(self) -> None:
        self.db.close()
        self.read_only = True  # without the lock, a later save would be a second writer
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> "School":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- state -----------------------------------------------------------------

    @property
    def meta(self) -> dict[str, Any]:
        return meta_of(self._document)

    @property
    def exists(self) -> bool:
        return self.path.exists()

    @property
    def read_only_reason(self) -> str:
        """Why the file is read-only, as one translated sentence ('' when it can be written)."""
        if not self.read_only:
            return ""
        return self._read_only_reason or _("The file is open read-only.")

    def make_read_only(self, reason: str) -> None:
        """No more writes in this run; `reason` is what the user is told (the header shows it)."""
        self.read_only = True
        self._read_only_reason = reason
        for listener in list(self.read_only_listeners):
            listener(reason)

    def document(self) -> Document:
        """The whole document as plain data (a deep copy, safe to change)."""
        return json.loads(canonical(self._document))

    # --- writing ----------------------------------------------------------------

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group many changes into one write (all or nothing on disk)."""
        self._check_writable()
        self._batch_depth += 1
        try:
            yield
        except BaseException:
            self._batch_depth -= 1
            if self._batch_depth == 0:
                self._label = None
                if self._dirty:
                    self._dirty = False
                    self._reload()
            raise
        self._batch_depth -= 1
        if self._batch_depth == 0 and self._dirty:
            self._dirty = False
            self._write(self._document, tracked=True)  # what changed in it was said as it changed
        if self._batch_depth == 0:
            self._label = None

    @contextlib.contextmanager
    def label(self, description: str) -> Iterator[None]:
        """Name the change made inside (translated: "teacher Асанова saved") for the undo list;
        the outermost name wins, so a store method names the whole of what it does."""
        mine = self._label is None
        if mine:
            self._label = description
        try:
            yield
        finally:
            if mine and self._batch_depth == 0:
                self._label = None

    @contextlib.contextmanager
    def not_undoable(self) -> Iterator[None]:
        """A write that is a choice, not a change (the association chosen, the language): kept
        out of the undo list, so Ctrl+Z undoes what the user changed, not what they looked at."""
        self._unrecorded = True
        try:
            yield
        finally:
            self._unrecorded = False

    def undo(self, keep: Callable[[Document, Document], Document] | None = None) -> str | None:
        """Write the state before the last change back (a new generation); returns what was
        undone, or None when there is nothing to undo in this run. `keep(tables, current)`
        may carry what is not undone (the choices) from the current tables into the restored ones."""
        return self._step(self.history.undo, self.history.redo, keep)

    def redo(self, keep: Callable[[Document, Document], Document] | None = None) -> str | None:
        """Apply again what the last undo took back; returns what was redone, or None."""
        return self._step(self.history.redo, self.history.undo, keep)

    def _step(self, source: list[undo.Step], target: list[undo.Step],
              keep: Callable[[Document, Document], Document] | None) -> str | None:
        self._check_writable()
        if self._batch_depth or not source:
            return None
        step = source.pop()
        current = self._state
        try:
            tables = undo.unpack(step.state)
            if keep is not None:
                tables = keep(tables, undo.unpack(current))
            self._write({META: self._document[META], **tables}, record=False)
        except BaseException:
            source.append(step)
            raise
        finally:
            self._forget_table_caches()
        target.append(undo.Step(step.description, current))
        return step.description

    def _forget_table_caches(self) -> None:
        for table in self.db._tables.values():
            table.clear_cache()
            table._next_id = None  # the restored state may hold other doc ids

    def guard_change(self, table: str, before: Any, after: Any) -> None:
        """Ask every guard whether this change may be made (each raises to refuse it)."""
        for guard in self.guards:
            guard(table, before, after)

    def _check_writable(self) -> None:
        if self.read_only:
            raise ReadOnly(self.read_only_reason)

    def _write(self, document: Document, *, record: bool = True, tracked: bool = False) -> None:
        """Write `document` (a new generation). `tracked`: it is the document in memory, changed
        only through TinyDB's tables since the last write (which said which); else every table
        is rendered again."""
        if not tracked or document is not self._document:
            self._pieces.clear()
        if self.read_only:
            self._reload()
            self._check_writable()
        self._document = document
        if self._batch_depth:
            self._dirty = True
            return
        try:
            self._refuse_if_changed_outside(document)
            today = self.today()
            if self._backed_up_on != today:
                backups.make_backup(self.path, today)
                self._backed_up_on = today
            data, body = render_with_body(document, self._pieces, self._changed)
            self._changed = set()
            before = self._state
            try:
                atomic_write(self.path, data)
            except DirSyncFailed as error:  # the new file is in place; only its folder entry may not be on disk yet
                self._remember(data)
                self._reload()
                raise SaveFailed(
                    _("The change was written, but the disk did not confirm it ({error}); save again to be sure.").format(
                        error=describe_os_error(error, self.path.parent).rstrip(".")
                    )
                ) from None
            self._remember(data)
        except OSError as error:
            self._reload()
            raise SaveFailed(_not_saved(error, self.path)) from None
        except SaveFailed:
            raise
        except BaseException:
            self._reload()
            raise
        self._state = undo.pack(body)
        if record and not self._unrecorded and self._state != before:
            self.history.record(self._label or _("a change"), before)
        self._label = None

    def unsound_message(self) -> str:
        """One line: the file is read-only because of what is wrong in it (empty when sound)."""
        if not self.problems:
            return ""
        return _("The file is open read-only: its content is not sound. {line}").format(line=soundness.summary(self.problems))

    def _remember(self, data: bytes) -> None:
        """What the file now holds, and how it looks on disk (to find outside changes)."""
        self._synced = data
        self._stamp = _stamp_of(os.stat(self.path))

    def _unchanged_on_disk(self) -> bool:
        """Is the file still what this store last read or wrote? Size, time and inode first,
        the content's hash only when those differ (a copy of the same bytes is no change)."""
        try:
            found = os.stat(self.path)
        except FileNotFoundError:
            return self._synced is None
        if self._synced is None:  # a file appeared where there was none
            return False
        stamp = _stamp_of(found)
        if stamp == self._stamp:
            return True
        if found.st_size != len(self._synced):
            return False
        if _sha256(self.path.read_bytes()) != _sha256(self._synced):
            return False
        self._stamp = stamp
        return True

    def _refuse_if_changed_outside(self, document: Document) -> None:
        if self._unchanged_on_disk():
            return
        side: Path | None = None
        kept = ""
        try:
            side = _keep_aside(self.path, document, self._stamp)
        except OSError as error:
            kept = describe_os_error(error, self.path.parent)
        if side is not None:
            message = _(
                "{path} was changed by another program while ubtui had it open. Nothing was written over it; "
                "your change is kept in {side}. Close ubtui and open the file again."
            ).format(path=self.path, side=side)
        else:
            message = _(
                "{path} was changed by another program while ubtui had it open. Nothing was written over it; "
                "your change could not be kept aside either ({why}). Close ubtui and open the file again."
            ).format(path=self.path, why=kept.rstrip("."))
        self._reload()
        self.make_read_only(_("The file was changed by another program: close ubtui and open it again."))
        raise FileChangedOutside(message, side_file=side)

    def _reload(self) -> None:
        """Forget changes that did not reach the disk: back to what was last read or written."""
        if self.problems:  # an unsound file is never written: back to what it showed
            self._document = soundness.readable_copy(self._unsound_source)
        elif self._synced is not None:
            self._document = migrations.migrate(parse(self._synced, allow_newer=False))
        else:  # never written: back to empty, keeping the identity
            fresh = new_document()
            fresh[META]["1"].update({k: self.meta[k] for k in ("file_id", "created_at")})
            self._document = fresh
        for table in self.db._tables.values():
            table.clear_cache()
        self._pieces.clear()
        self._changed = set()
        self._state = undo.pack(body_text(self._document))


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _stamp_of(found: os.stat_result) -> tuple[int, ...]:
    return (found.st_size, found.st_mtime_ns, found.st_ino, found.st_dev, stat.S_IMODE(found.st_mode))


def _read_with_stamp(path: Path) -> tuple[bytes | None, tuple[int, ...] | None]:
    """The file's bytes and its stamp, taken from one open handle; (None, None) when it is missing."""
    try:
        with open(path, "rb") as handle:
            stamp = _stamp_of(os.fstat(handle.fileno()))
            return handle.read(), stamp
    except FileNotFoundError:
        return None, None
    except OSError as error:
        raise DamagedFile(describe_os_error(error, path), path=path) from None


def _why_not_writable(path: Path) -> str:
    """'' when ubtui may write the file; else why not, as one sentence."""
    try:
        found = os.stat(path)
    except FileNotFoundError:
        found = None
    except OSError:
        found = None  # reading will say what is wrong
    if found is not None and (not os.access(path, os.W_OK) or not found.st_mode & 0o222):
        return _("{path} is marked read-only (no permission to change it), so it is open read-only.").format(path=path)
    if not os.access(path.parent, os.W_OK):
        return _("The folder {folder} cannot be written (a read-only folder or disk), so the file is open read-only.").format(
            folder=path.parent
        )
    return ""


def _remove_stale_tmp(path: Path) -> None:
    """A NAME.tmp left by a save that was cut off (only the lock holder may remove it)."""
    try:
        path.with_name(path.name + ".tmp").unlink()
    except FileNotFoundError:
        pass
    except OSError:
        pass  # the next save writes over it anyway


def side_file_name(path: Path, now: dt.datetime | None = None) -> Path:
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}.unsaved-{stamp}.json")
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = path.with_name(f"{path.stem}.unsaved-{stamp}-{counter}.json")
    return candidate


def _keep_aside(path: Path, document: Document, stamp: tuple[int, ...] | None) -> Path:
    """Write the document that could not be saved beside the file (a sealed school file of its
    own, so `ubtui check` reads it), no more readable than the file was, nor than it is now."""
    pending = json.loads(canonical(document))
    side = side_file_name(path)
    mode = 0o600 if stamp is None else stamp[4] & 0o666
    now = file_mode(path)
    if now is not None:
        mode &= now
    atomic_write(side, render(pending), mode=mode)
    return side


def _not_saved(error: OSError, path: Path) -> str:
    return _("Could not save: {reason} Nothing was lost: the file is as it was before the change.").format(
        reason=describe_os_error(error, path)
    )
