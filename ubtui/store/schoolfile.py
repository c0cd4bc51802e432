"""The school file: one TinyDB JSON document with a checked `meta` table.

Every write goes through `SchoolStorage.write`: a daily backup first, then the
meta table (generation, checksum) is brought up to date and the whole document
is written atomically.  A file that fails to parse or to match its checksum is
never written over.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from pathlib import Path
from typing import Any, Callable, Iterator

from tinydb import TinyDB
from tinydb.storages import Storage

from ubtui import __version__
from ubtui.i18n import _
from ubtui.store import backups, migrations, soundness, undo
from ubtui.store.errors import DamagedFile, ForeignFile, NewerSchema, ReadOnly, SaveFailed
from ubtui.store.jsonio import BadJSON, DirSyncFailed, atomic_write, canonical, loads_strict, sha256_text
from ubtui.store.lock import InstanceLock, describe_holder
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
    """The canonical JSON of every table but `meta`: what the checksum covers."""
    return canonical({name: table for name, table in document.items() if name != META})


def render(document: Document) -> bytes:
    """Bring meta up to date (generation +1, checksum) and return the file's bytes."""
    return render_with_body(document)[0]


def render_with_body(document: Document) -> tuple[bytes, str]:
    """As `render`, with the canonical JSON of the tables it wrote (what undo keeps)."""
    body = body_text(document)
    meta = meta_of(document)
    meta["generation"] = int(meta.get("generation", 0)) + 1
    meta["sha256"] = sha256_text(body)
    meta["app_version"] = __version__
    meta["updated_at"] = utc_now()
    head = '{"meta":' + canonical(document[META])
    text = head + ("}" if body == "{}" else "," + body[1:])
    return (text + "\n").encode("utf-8"), body


def verify(document: Any, *, allow_newer: bool = False, checksum: bool = True) -> dict[str, Any]:
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
        if name != META and not all(isinstance(doc.get("id"), str) for doc in table.values()):
            raise DamagedFile(_("a record in table “{name}” has no id").format(name=str(name)[:40]))
    if checksum and meta.get("sha256") != sha256_text(body_text(document)):
        raise DamagedFile(_("the checksum does not match: the file was changed outside ubtui or damaged"))
    return meta


def parse(data: bytes, *, allow_newer: bool = False) -> Document:
    """Bytes → a verified document; raises a translated DamagedFile / ForeignFile / NewerSchema."""
    try:
        document = loads_strict(data)
    except BadJSON as error:
        raise DamagedFile(str(error)) from None
    verify(document, allow_newer=allow_newer)
    return document


def read(path: Path) -> Document:
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise DamagedFile(_("cannot read the file: {error}").format(error=error.strerror or error)) from None
    return parse(data)


def newest_good_backup(path: Path) -> Path | None:
    for backup in backups.list_backups(path):
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
    backup = None if isinstance(error, NewerSchema) else newest_good_backup(path)
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
        self.school._write(data)

    def close(self) -> None:
        pass


class School:
    """An open school file: the TinyDB database, its lock and its state."""

    def __init__(self, path: Path, document: Document, *, read_only: bool, lock: InstanceLock | None, holder: str = "") -> None:
        self.path = Path(path)
        self._document = document
        self.read_only = read_only
        self.holder = holder
        self._lock = lock
        self._batch_depth = 0
        self._dirty = False
        self._backed_up_on: dt.date | None = None
        self.problems: list = []  # soundness.Problem: what is wrong in the content (then read-only)
        self.today: Callable[[], dt.date] = dt.date.today
        self.history = undo.History()
        self._state = undo.pack(body_text(document))  # the tables as last read or written: what an undo goes back to
        self._label: str | None = None  # what the pending change is, for the undo list
        self._unrecorded = False
        self.db = TinyDB(storage=lambda: SchoolStorage(self))

    # --- opening -------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False, wait_for_lock: bool = False) -> "School":
        """Open (or start, if missing) a school file; see the module docstring for the rules.

        Without the lock (another ubtui writes the file) it opens read-only and
        `holder` says who has it.
        """
        path = Path(path)
        lock: InstanceLock | None = None
        holder = ""
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
            lock = InstanceLock(path)
            if not lock.acquire():
                read_only, lock = True, None
                holder = describe_holder(path) or "?"
        try:
            if path.exists():
                try:
                    document = parse(path.read_bytes(), allow_newer=False)
                except (DamagedFile, ForeignFile, NewerSchema) as error:
                    raise _damaged(path, error) from None
                except OSError as error:
                    raise DamagedFile(_("cannot read the file: {error}").format(error=error.strerror or error), path=path) from None
            else:
                document = new_document()
            school = cls(path, document, read_only=read_only, lock=lock, holder=holder)
            if path.exists():
                school._check_content()
            if path.exists() and migrations.schema_of(document) < migrations.SCHEMA and not school.problems:
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
            raise SaveFailed(
                _("Could not save ({error}). Nothing was lost: the file is as it was before the change.").format(
                    error=error.strerror or error
                )
            ) from None
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
            self._write(self._document)
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

    def _check_writable(self) -> None:
        if self.read_only:
            if self.problems:
                raise ReadOnly(self.unsound_message())
            if self.holder:
                raise ReadOnly(_("The file is open read-only: another ubtui is writing it ({holder}).").format(holder=self.holder))
            raise ReadOnly(_("The file is open read-only."))

    def _write(self, document: Document, *, record: bool = True) -> None:
        if self.read_only:
            self._reload()
            self._check_writable()
        self._document = document
        if self._batch_depth:
            self._dirty = True
            return
        try:
            today = self.today()
            if self._backed_up_on != today:
                backups.make_backup(self.path, today)
                self._backed_up_on = today
            data, body = render_with_body(document)
            before = self._state
            try:
                atomic_write(self.path, data)
            except DirSyncFailed as error:  # the new file is in place; only its folder entry may not be on disk yet
                self._reload()
                raise SaveFailed(
                    _("The change was written, but the disk did not confirm it ({error}); save again to be sure.").format(
                        error=error.strerror or error
                    )
                ) from None
        except OSError as error:
            self._reload()
            raise SaveFailed(
                _("Could not save ({error}). Nothing was lost: the file is as it was before the change.").format(
                    error=error.strerror or error
                )
            ) from None
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

    def _reload(self) -> None:
        """Forget changes that did not reach the disk."""
        if self.problems:  # an unsound file is never written: back to what it showed
            self._document = soundness.readable_copy(self._unsound_source)
        elif self.path.exists():
            self._document = migrations.migrate(read(self.path))
        else:  # never written: back to empty, keeping the identity
            fresh = new_document()
            fresh[META]["1"].update({k: self.meta[k] for k in ("file_id", "created_at")})
            self._document = fresh
        for table in self.db._tables.values():
            table.clear_cache()
        self._state = undo.pack(body_text(self._document))
