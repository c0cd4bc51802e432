"""The district's database: one SQLite file, one partition of records per school file (`file_id`).

WAL mode and `synchronous=FULL`, so a cut power leaves the last committed import; a schema
version (`PRAGMA user_version`) with migrations; one writer at a time, through the same
instance lock as a school file. Accepted packets are kept beside it under `packets/`,
named by their sha256.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
from pathlib import Path
from typing import Iterable, Iterator

from ubtui.errors import UserError
from ubtui.i18n import _
from ubtui.store.jsonio import fsync_dir
from ubtui.store.lock import InstanceLock, describe_holder

SCHEMA = 1
PART = ".part"
SUFFIX = ".ubtui.json"

# MIGRATIONS[n] turns a version-n database into a version-(n+1) one.
MIGRATIONS: list[str] = [
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
]


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
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            if version < SCHEMA:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    for step in MIGRATIONS[version:]:
                        for statement in step.split(";"):
                            if statement.strip():
                                conn.execute(statement)
                    conn.execute(f"PRAGMA user_version = {SCHEMA}")
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
            self._finish_packets(conn)
        elif version < SCHEMA:
            conn.close()
            raise DistrictError(_("{path} is not a usable district database: {error}").format(path=self.path, error="schema"))
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
        """`ok`, or SQLite's first complaint."""
        return str(self.conn.execute("PRAGMA integrity_check").fetchone()[0])

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

    def partition(self, file_id: str) -> Iterator[tuple[str, str, str, str]]:
        """(table, id, doc_id, body) of one school's records."""
        yield from self.conn.execute("SELECT tbl, id, doc_id, body FROM records WHERE file_id = ?", (file_id,))

    def bodies(self, file_id: str, tables: tuple[str, ...] | None = None) -> sqlite3.Cursor:
        """(table, body) of one school's records (of `tables` only, when given), as `partition` orders them."""
        if tables is None:
            return self.conn.execute("SELECT tbl, body FROM records WHERE file_id = ?", (file_id,))
        marks = ", ".join("?" * len(tables))
        return self.conn.execute(f"SELECT tbl, body FROM records WHERE file_id = ? AND tbl IN ({marks})",
                                 (file_id, *tables))

    def partition_bodies(self, file_id: str) -> Iterator[tuple[tuple[str, str], bytes]]:
        """((table, id), body as UTF-8) of one school's records, to compare with a packet's."""
        yield from (((t, i), body) for t, i, body in self.conn.execute(
            "SELECT tbl, id, CAST(body AS BLOB) FROM records WHERE file_id = ?", (file_id,)))

    def counts(self) -> tuple[int, int]:
        """(schools, records)."""
        schools = self.conn.execute("SELECT count(*) FROM schools").fetchone()[0]
        records = self.conn.execute("SELECT count(*) FROM records").fetchone()[0]
        return schools, records

    def summary(self) -> tuple[int, int]:
        """(schools, records) as the schools' rows count them: no walk over every record."""
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
