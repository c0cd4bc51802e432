"""The district's database: one SQLite file, one partition of records per school file (`file_id`).

WAL mode and `synchronous=FULL`, so a cut power leaves the last committed import; a schema
version (`PRAGMA user_version`) with migrations; one writer at a time, through the same
instance lock as a school file. Accepted packets are kept beside it under `packets/`,
named by their sha256.

A partition is one row per table of the school (`school_tables`): the table's records as the
JSON object of the packet, `{DOC_ID: RECORD, …}`, the very text the packet holds, and their
count.  A table is what every reader takes whole (a school's compliance reads its sessions,
plans and courses), and SQLite can still reach one record (`json_each(body)`).  Schema 1 kept
a row per record: an import of 100 schools then spent ~1.5 s of its ~5 s in SQLite's rows
and index, and wrote a third more; one row per table writes the packets' bytes as they came.
"""

from __future__ import annotations

import itertools
import os
import json
import sqlite3
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ubtui.errors import UserError
from ubtui.i18n import _
from ubtui.store.jsonio import fsync_dir
from ubtui.store.lock import InstanceLock, describe_holder

SCHEMA = 2
PAGE_SIZE = 16384
PART = ".part"
SUFFIX = ".ubtui.json"


def _records_into_tables(conn: sqlite3.Connection) -> None:
    """Schema 1 → 2: a row per record becomes a row per table, its records in doc-id order as a
    packet writes them (so a school imported again from the same packet compares unchanged)."""
    conn.execute(
        "CREATE TABLE school_tables (file_id TEXT NOT NULL, tbl TEXT NOT NULL, records INTEGER NOT NULL,"
        " body TEXT NOT NULL, PRIMARY KEY (file_id, tbl))"
    )
    rows = conn.execute("SELECT file_id, tbl, doc_id, body FROM records ORDER BY file_id, tbl, doc_id")
    key, members = None, []

    def table_done() -> None:
        if key is not None:
            conn.execute("INSERT INTO school_tables (file_id, tbl, records, body) VALUES (?, ?, ?, ?)",
                         (*key, len(members), "{" + ",".join(members) + "}"))

    for file_id, table, doc_id, body in rows:
        if (file_id, table) != key:
            table_done()
            key, members = (file_id, table), []
        members.append(json.dumps(doc_id, ensure_ascii=False) + ":" + body)
    table_done()
    conn.execute("DROP TABLE records")


# MIGRATIONS[n] turns a version-n database into a version-(n+1) one: SQL statements, or a
# function of the connection, run inside the migration's transaction.
MIGRATIONS: list[str | Callable[[sqlite3.Connection], None]] = [
    """
    CREATE TABLE schools (
        file_id TEXT PRIMARY KEY,
        name TEXT NOT NULL DEFAULT '',
        number TEXT NOT NULL DEFAULT '',
        village TEXT NOT NULL DEFAULT '',
        district TEXT NOT NULL DEFAULT '',
        region TEXT NOT NULL DEFAULT '',
        schema INTEGER NOT NULL,
        generation INTEGER NOT NULL,
        exported_at TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        public_sha256 TEXT NOT NULL,
        full INTEGER NOT NULL,
        kind TEXT NOT NULL,
        records INTEGER NOT NULL
    );
    CREATE TABLE records (
        file_id TEXT NOT NULL,
        tbl TEXT NOT NULL,
        id TEXT NOT NULL,
        doc_id TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (file_id, tbl, id)
    );
    CREATE TABLE import_log (
        n INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        file TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        file_id TEXT NOT NULL,
        generation INTEGER NOT NULL,
        verdict TEXT NOT NULL,
        added INTEGER NOT NULL DEFAULT 0,
        changed INTEGER NOT NULL DEFAULT 0,
        removed INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE expected (
        n INTEGER PRIMARY KEY,
        number TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL DEFAULT ''
    );
    """,
    _records_into_tables,
]


def _holds(text: str, records: int) -> bool:
    """Whether a table's text is the JSON object of `records` records."""
    try:
        value = json.loads(text)
    except ValueError:
        return False
    return isinstance(value, dict) and len(value) == records


class DistrictError(UserError):
    """The district database cannot be used as asked (one translated line)."""


def default_district_path() -> Path:
    """`district.sqlite` beside the school file's default place."""
    from ubtui.paths import default_db_path

    return default_db_path().parent / "district.sqlite"


def packets_dir(path: Path) -> Path:
    return Path(path).parent / "packets"


class DistrictDB:
    """An open district database. `writable` ones hold the instance lock."""

    def __init__(self, path: Path, *, writable: bool = False) -> None:
        self.path = Path(path).resolve() if Path(path).exists() else Path(path).absolute()
        self._lock: InstanceLock | None = None
        if writable:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._lock = InstanceLock(self.path)
            if not self._lock.acquire():
                holder = describe_holder(self.path) or "?"
                raise DistrictError(
                    _("The district database {path} is being written by another ubtui ({holder}); try again when it is done.").format(
                        path=self.path, holder=holder
                    )
                )
        elif not self.path.exists():
            raise DistrictError(_("There is no district database at {path} yet: import packets first.").format(path=self.path))
        try:
            self.conn = self._connect(writable)
        except sqlite3.DatabaseError as error:
            self._release()
            raise DistrictError(_("{path} is not a usable district database: {error}").format(path=self.path, error=error)) from None
        except BaseException:
            self._release()
            raise

    def _connect(self, writable: bool) -> sqlite3.Connection:
        uri = self.path.as_uri() + ("" if writable else "?mode=ro")
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout = 5000")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA:
            conn.close()
            raise DistrictError(
                _("{path} was written by a newer ubtui (district schema {found}, this one knows {known}); update ubtui").format(
                    path=self.path, found=version, known=SCHEMA
                )
            )
        if writable:
            if version == 0:  # a new database: its tables are big texts, which 16 KiB pages hold in fewer pieces
                conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # (an import of 100 schools measured ~0.3 s less than with 4 KiB)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            if version < SCHEMA:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    for step in MIGRATIONS[version:]:
                        if callable(step):
                            step(conn)
                            continue
                        for statement in step.split(";"):
                            if statement.strip():
                                conn.execute(statement)
                    conn.execute(f"PRAGMA user_version = {SCHEMA}")
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
                if 0 < version < 2:  # schema 1's rows were dropped: the file gives their room back (~1.3 s at 100 schools)
                    conn.execute("VACUUM")
            self._finish_packets(conn)
        elif version < SCHEMA:  # written by an older ubtui: brought up to date once (that takes the lock), then read
            conn.close()
            DistrictDB(self.path, writable=True).close()
            return self._connect(writable)
        return conn

    def _finish_packets(self, conn: sqlite3.Connection) -> None:
        """After a crash between the commit and the renames: keep the packets the database took, drop the rest."""
        folder = packets_dir(self.path)
        if not folder.is_dir():
            return
        known = {row[0] for row in conn.execute("SELECT sha256 FROM import_log")}
        for part in folder.glob("*" + PART):
            sha = part.name.split(".", 1)[0]
            target = kept_name(part)
            try:
                if sha in known and not target.exists():
                    os.replace(part, target)
                else:
                    part.unlink()
            except OSError:
                pass

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def close(self) -> None:
        try:
            self.conn.close()
        finally:
            self._release()

    def __enter__(self) -> "DistrictDB":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reading ------------------------------------------------------------------------------

    def integrity(self) -> str:
        """`ok`, or the first complaint: SQLite's own, or a table whose text is not the JSON
        object of as many records as it says, or a school whose records do not add up."""
        verdict = str(self.conn.execute("PRAGMA integrity_check").fetchone()[0])
        if verdict != "ok":
            return verdict
        try:
            bad = self.conn.execute(
                "SELECT file_id, tbl FROM school_tables WHERE NOT json_valid(body) OR json_type(body) != 'object'"
                " OR (SELECT count(*) FROM json_each(body)) != records LIMIT 1").fetchone()
        except sqlite3.OperationalError:  # an SQLite built without its JSON functions
            bad = next(((file_id, table) for file_id, table, records, body in self.conn.execute(
                "SELECT file_id, tbl, records, body FROM school_tables") if not _holds(body, records)), None)
        if bad is not None:
            return _("the table “{table}” of the school {file_id} is damaged").format(table=bad[1], file_id=bad[0])
        school = self.conn.execute(
            "SELECT file_id FROM schools WHERE records !="
            " (SELECT coalesce(sum(records), 0) FROM school_tables WHERE school_tables.file_id = schools.file_id)"
            " LIMIT 1").fetchone()
        if school is not None:
            return _("the records of the school {file_id} do not add up").format(file_id=school[0])
        return "ok"

    def schools(self) -> list[sqlite3.Row]:
        self.conn.row_factory = sqlite3.Row
        try:
            return list(self.conn.execute("SELECT * FROM schools"))
        finally:
            self.conn.row_factory = None

    def school(self, file_id: str) -> sqlite3.Row | None:
        self.conn.row_factory = sqlite3.Row
        try:
            return self.conn.execute("SELECT * FROM schools WHERE file_id = ?", (file_id,)).fetchone()
        finally:
            self.conn.row_factory = None

    def tables(self, file_id: str, names: tuple[str, ...] | None = None) -> sqlite3.Cursor:
        """(table, text) of one school's tables (of `names` only, when given); a text is the
        table's JSON object, `{DOC_ID: RECORD, …}`."""
        if names is None:
            return self.conn.execute("SELECT tbl, body FROM school_tables WHERE file_id = ?", (file_id,))
        marks = ", ".join("?" * len(names))
        return self.conn.execute(f"SELECT tbl, body FROM school_tables WHERE file_id = ? AND tbl IN ({marks})",
                                 (file_id, *names))

    def table_texts(self, file_id: str) -> dict[str, bytes]:
        """Each table's text as UTF-8, to compare with a packet's."""
        return dict(self.conn.execute("SELECT tbl, CAST(body AS BLOB) FROM school_tables WHERE file_id = ?", (file_id,)))

    def counts(self) -> tuple[int, int]:
        """(schools, records), the records as the tables count them."""
        schools = self.conn.execute("SELECT count(*) FROM schools").fetchone()[0]
        records = self.conn.execute("SELECT coalesce(sum(records), 0) FROM school_tables").fetchone()[0]
        return schools, records

    def summary(self) -> tuple[int, int]:
        """(schools, records) as the schools' rows count them: no walk over every table."""
        schools, records = self.conn.execute("SELECT count(*), coalesce(sum(records), 0) FROM schools").fetchone()
        return int(schools), int(records)

    def expected(self) -> list[tuple[str, str]]:
        return [(row[0], row[1]) for row in self.conn.execute("SELECT number, name FROM expected ORDER BY n")]

    def packet_path(self, sha256: str) -> Path:
        return kept_path(packets_dir(self.path), sha256)

    # --- writing ------------------------------------------------------------------------------

    def set_expected(self, schools: list[tuple[str, str]]) -> None:
        """Replace the list of schools the district expects packets from."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self.conn.execute("DELETE FROM expected")
            self.conn.executemany("INSERT INTO expected (number, name) VALUES (?, ?)", schools)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise


_parts = itertools.count(1)


def write_packet_part(folder: Path, sha256: str, data: bytes) -> Path | None:
    """An accepted packet's bytes, written and fsynced as `<sha>.ubtui.json.<unique>.part` in the
    packets folder; None when the district keeps it already.  The importer takes the part (its
    name follows once the database has committed) or drops it; the workers write them while
    the import goes on, each under its own name."""
    folder = Path(folder)
    if kept_path(folder, sha256).exists():
        return None
    folder.mkdir(parents=True, exist_ok=True)
    part = folder / f"{sha256}{SUFFIX}.{os.getpid()}-{next(_parts)}{PART}"
    try:
        with open(part, "xb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return part


def kept_path(folder: Path, sha256: str) -> Path:
    """Where the district keeps a packet: `<sha>.ubtui.json` in its packets folder."""
    return Path(folder) / f"{sha256}{SUFFIX}"


def kept_name(part: Path) -> Path:
    """The name a kept packet's part takes."""
    return kept_path(part.parent, part.name.split(".", 1)[0])


def sync_packet_parts(parts: list[Path]) -> None:
    """The kept packets' names on disk before the database says it has them (their bytes were
    fsynced as they were written)."""
    if parts:
        fsync_dir(parts[0].parent)


def finish_packet_parts(parts: list[Path]) -> None:
    """After the commit: the kept packets take their names."""
    for part in parts:
        os.replace(part, kept_name(part))
    if parts:
        fsync_dir(parts[0].parent)


def drop_packet_parts(folder: Path, keep: Iterable[Path] = ()) -> None:
    """Every part in the packets folder but `keep`: the packets this import did not take, and any
    a worker left half written (this process holds the database's lock: every part is its own)."""
    kept = set(keep)
    for part in Path(folder).glob("*" + PART):
        if part not in kept:
            try:
                part.unlink()
            except OSError:
                pass
