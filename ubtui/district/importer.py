"""`ubtui district import FILE|DIR… [--dry-run]` and `ubtui district export DIR`.

One pass over the files inside one transaction: each file is read with the school file's
strict reader and soundness checks (`store.packet.read_received_file`), judged against what
the database holds (and what this import already took), and applied. A dry run is the same
pass rolled back, so its verdicts are exactly what the import would do. Import twice = once:
an identical packet changes nothing, not even the log.
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ubtui.district.db import (
    DistrictDB,
    DistrictError,
    drop_packet_parts,
    finish_packet_parts,
    packets_dir,
    sync_packet_parts,
    write_packet_part,
)
from ubtui import i18n
from ubtui.i18n import N_, _, format_date
from ubtui.store.errors import FileProblem
from ubtui.store.jsonio import canonical, member_texts
from ubtui.store.oserrors import describe_os_error
from ubtui.store.packet import Received, read_received_file

NEW, REPLACED, IDENTICAL, OLDER, CONFLICT, REFUSED = "new", "replaced", "identical", "older", "conflict", "refused"
ACCEPTED = frozenset({NEW, REPLACED})
VERDICT_WORDS = {NEW: N_("new school"), REPLACED: N_("replaced")}


def verdict_word(code: str) -> str:
    """What the last applied import of a school was, in a word."""
    return _(VERDICT_WORDS[code]) if code in VERDICT_WORDS else code


@dataclass
class Verdict:
    """What one file did (or would do)."""

    path: Path
    verdict: str
    school: str = ""
    file_id: str = ""
    generation: int = 0
    added: int = 0
    changed: int = 0
    removed: int = 0
    reason: str = ""  # why refused; for OLDER the date of the one the district has

    @property
    def accepted(self) -> bool:
        return self.verdict in ACCEPTED

    def line(self) -> str:
        """One translated line: `file: what happened`."""
        who = f" «{self.school}»" if self.school else ""
        if self.verdict == NEW:
            text = _("new school{who}, generation {g}, {n} records").format(who=who, g=self.generation, n=self.added)
        elif self.verdict == REPLACED:
            text = _("replaced{who}, generation {g}: {a} added, {c} changed, {r} removed").format(
                who=who, g=self.generation, a=self.added, c=self.changed, r=self.removed
            )
        elif self.verdict == IDENTICAL:
            text = _("identical{who}: already imported, nothing changed").format(who=who)
        elif self.verdict == OLDER:
            text = _("refused{who}: older (generation {g}) than the one imported on {date}").format(
                who=who, g=self.generation, date=self.reason
            )
        elif self.verdict == CONFLICT:
            text = _("refused{who}: same generation {g}, different content (the school file was copied and edited on two computers)").format(
                who=who, g=self.generation
            )
        else:
            text = _("refused: {reason}").format(reason=self.reason)
        return f"{self.path.name}: {text}"


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given; a folder gives its `*.json` files, by name (a school's packets then come in time order)."""
    found: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.is_file() and p.name.endswith(".json")))
        else:
            found.append(path)
    return found


def school_label(received: Received) -> str:
    number = received.school.get("number", "")
    return " ".join(p for p in (f"№{number}" if number else "", received.school.get("name", "")) if p)


def _tables(received: Received) -> list[tuple[str, int, bytes]]:
    """(table, records, text) of every table, the text its JSON object as UTF-8: the table's
    text in a packet as exported, else the table written out the same way (`canonical`, as an
    export writes it: a school that came both ways has one text for one table)."""
    tables = received.tables
    if received.texts is not None:
        return [(name, len(tables[name]), text.encode("utf-8")) for name, text in received.texts]
    return [(name, len(table), canonical(table).encode("utf-8")) for name, table in tables.items()]


@dataclass
class _Read:
    """One file as read and checked, ready to be judged: what `_read_one` hands back (from a
    worker process too), without the parsed tables, whose texts stand in for them."""

    received: Received | None
    tables: list[tuple[str, int, bytes]]  # (table, records, text): a few big bytes cross between processes fastest
    problem: str = ""  # why the file was refused, translated
    part: Path | None = None  # the file's bytes, written to keep should it be taken (None: kept already, or a dry run)


def _read_one(path: Path, keep: Path | None = None) -> _Read:
    """Read, verify and check one file, take its tables' texts and, unless `keep` is None,
    write its bytes into that packets folder: all of an import's work that does not touch the
    database (the bytes need not cross between the processes, and are on disk by the commit)."""
    try:
        received = read_received_file(path)
    except FileProblem as error:
        return _Read(None, [], str(error))
    received.public_sha256()  # worked out here: in a worker, it is done beside the others
    tables = _tables(received)
    part = write_packet_part(keep, received.sha256, received.data) if keep is not None else None
    received.tables, received.texts, received.data = {}, None, b""  # not carried back: the texts are
    return _Read(received, tables, part=part)


# Reading and checking a file is ~80% of an import and needs nothing of the others: with several
# files and several processors, worker processes read ahead while this one writes the database.
# The verdicts stay those of one pass in the files' order (each is judged here, against what the
# database and this import hold); the workers only read.
PARALLEL_FROM = 3  # files; fewer are read here (starting a worker costs ~0.1-0.2 s)
MAX_WORKERS = 4
AHEAD = 2  # files in flight per worker: a packet read is ~5 MB in memory until it is applied


def _worker_start(language: str) -> None:
    import gc
    import signal
    import sys

    i18n.set_language(language)  # the refusals come back in the user's language
    # A read makes ~200k objects and no cycles; the collector's passes over them cost ~5% of it.
    gc.set_threshold(50_000, 20, 20)
    # Ctrl+C is the importing process's to handle (it stops the workers); and a worker writes
    # nothing on the user's terminal (under the TUI it would draw over the screen).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.stdout = sys.stderr = open(os.devnull, "w", encoding="utf-8")
    # A worker goes with the import: were the importing process killed, its queue would never
    # close (the worker holds both of its ends) and the worker would wait on it for ever.
    import multiprocessing
    import threading
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is not None:
        def _follow() -> None:
            wait([parent.sentinel])
            os._exit(0)

        threading.Thread(target=_follow, name="follows the import", daemon=True).start()


def _workers_for(count: int) -> int:
    if count < PARALLEL_FROM or os.environ.get("UBTUI_IMPORT_WORKERS") == "0":
        return 0
    return min(MAX_WORKERS, (os.cpu_count() or 1), count) if (os.cpu_count() or 1) > 1 else 0


def _reads(files: list[Path], keep: Path | None = None) -> Iterator[_Read]:
    """`_read_one` of every file, in order: here, or by worker processes a few files ahead."""
    workers = _workers_for(len(files))
    if not workers:
        yield from (_read_one(path, keep) for path in files)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # "spawn": a worker shares no open file with this process (a forked one would keep the
    # database's lock held after this process is killed), and it is the same on Windows.
    try:
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_worker_start, initargs=(i18n.get_language(),))
    except (OSError, ImportError, NotImplementedError, ValueError):  # no processes here (a locked-down PC)
        yield from (_read_one(path, keep) for path in files)
        return
    done = 0
    try:
        pending: collections.deque = collections.deque()
        queued = iter(files)
        for path in queued:
            pending.append(pool.submit(_read_one, path, keep))
            if len(pending) >= workers * AHEAD:
                break
        while pending:
            read = pending.popleft().result()
            for path in queued:
                pending.append(pool.submit(_read_one, path, keep))
                break
            done += 1
            yield read
    except BrokenProcessPool:  # a worker died (out of memory, killed): the rest is read here
        yield from (_read_one(path, keep) for path in files[done:])
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _parse_time(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return None


def _imported_on(text: str) -> str:
    when = _parse_time(text)
    return format_date(when.date(), long=False) if when else text


def run_import(
    db: DistrictDB,
    paths: Iterable[Path],
    *,
    dry_run: bool = False,
    progress: Callable[[int, int, Verdict], None] | None = None,
    now: dt.datetime | None = None,
) -> list[Verdict]:
    """Judge every file and, unless `dry_run`, apply the accepted ones in one transaction."""
    paths = list(paths)
    files = expand(paths)
    if paths and not files:  # an empty folder, or a stick with nothing of ubtui: said, not passed over in silence
        raise DistrictError(_("No packet was found in {path}: a packet's name ends in .json.").format(
            path="; ".join(map(str, paths))))
    stamp = (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc).isoformat(timespec="seconds")
    stamp = stamp.replace("+00:00", "Z")
    conn = db.conn
    verdicts: list[Verdict] = []
    parts: dict[str, Path] = {}  # sha256 → the part of a kept packet this import takes
    folder = packets_dir(db.path)
    reads = _reads(files, None if dry_run else folder)
    conn.execute("BEGIN IMMEDIATE")
    try:
        for index, (path, read) in enumerate(zip(files, reads), 1):
            verdict = _one(db, path, read, stamp, parts)
            verdicts.append(verdict)
            if progress is not None:
                progress(index, len(files), verdict)
        reads.close()  # every file was read: the workers go
        drop_packet_parts(folder, parts.values())  # the refused, the repeated
        if dry_run:
            conn.execute("ROLLBACK")
        else:
            sync_packet_parts(list(parts.values()))
            conn.execute("COMMIT")
    except BaseException:
        reads.close()  # the workers stop, before anything else is undone
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        drop_packet_parts(folder)
        raise
    try:
        finish_packet_parts(list(parts.values()))
    except OSError as error:  # the database has them; the next writable open finishes the names
        raise DistrictError(_("The import was saved, but a kept packet could not be named ({error}).").format(
            error=describe_os_error(error).rstrip("."))) from None
    return verdicts


def _one(db: DistrictDB, path: Path, read: _Read, stamp: str, parts: dict[str, Path]) -> Verdict:
    received = read.received
    if received is None:
        return Verdict(path, REFUSED, reason=read.problem)
    conn = db.conn
    verdict = Verdict(path, NEW, school_label(received), received.file_id, received.generation)
    current = conn.execute(
        "SELECT generation, public_sha256, full, imported_at FROM schools WHERE file_id = ?", (received.file_id,)
    ).fetchone()
    public = ""
    if current is not None:
        generation, current_public, current_full, imported_at = current
        if received.generation < generation:
            verdict.verdict, verdict.reason = OLDER, _imported_on(imported_at)
            return verdict
        if received.generation == generation:
            public = received.public_sha256()
            if public != current_public:
                verdict.verdict = CONFLICT
                return verdict
            if not (received.full and not current_full):
                verdict.verdict = IDENTICAL
                return verdict
        verdict.verdict = REPLACED
    tables = read.tables
    file_id = received.file_id
    records = sum(n for _name, n, _text in tables)
    if verdict.verdict == REPLACED:
        try:
            _count_changes(verdict, db.table_texts(file_id), {name: text for name, _n, text in tables})
        except ValueError:  # a table the database holds was changed behind ubtui's back: the import stops
            raise DistrictError(_("The district database {path} holds a damaged table of «{school}»; nothing was "
                                  "imported. `ubtui check {path}` says more.").format(
                path=db.path, school=verdict.school)) from None
        conn.execute("DELETE FROM school_tables WHERE file_id = ?", (file_id,))
    else:
        verdict.added = records
    conn.executemany(
        "INSERT INTO school_tables (file_id, tbl, records, body) VALUES (?, ?, ?, CAST(? AS TEXT))",  # UTF-8 as it is
        ((file_id, name, n, text) for name, n, text in tables),
    )
    s = received.school
    public = public or received.public_sha256()
    conn.execute(
        "INSERT OR REPLACE INTO schools (file_id, name, number, village, district, region, schema, generation,"
        " exported_at, imported_at, sha256, public_sha256, full, kind, records)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (received.file_id, s.get("name", ""), s.get("number", ""), s.get("village", ""), s.get("district", ""),
         s.get("region", ""), received.schema, received.generation, received.exported_at, stamp, received.sha256,
         public, int(received.full), received.kind, records),
    )
    conn.execute(
        "INSERT INTO import_log (at, file, sha256, file_id, generation, verdict, added, changed, removed)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (stamp, path.name, received.sha256, received.file_id, received.generation, verdict.verdict,
         verdict.added, verdict.changed, verdict.removed),
    )
    # Kept as received (a school file too): the district's history; a packet met twice, once.
    if read.part is not None:
        parts.setdefault(received.sha256, read.part)
    return verdict


def _records(text: bytes | None) -> dict[str, str]:
    """A table's records by id, each as its text."""
    if text is None:
        return {}
    members = member_texts(text.decode("utf-8"))
    return {record.get("id", doc) if isinstance(record, dict) else doc: body for doc, body, record in members}


def _count_changes(verdict: Verdict, old: dict[str, bytes], new: dict[str, bytes]) -> None:
    """The records a replacing packet adds, changes and removes, each compared by its text
    with the one the district has (a table of the same text is passed over whole)."""
    for name in sorted(old.keys() | new.keys()):
        if old.get(name) == new.get(name):
            continue
        before, after = _records(old.get(name)), _records(new.get(name))
        verdict.added += sum(1 for key in after if key not in before)
        verdict.removed += sum(1 for key in before if key not in after)
        verdict.changed += sum(1 for key, body in after.items() if key in before and before[key] != body)


def export_district(db: DistrictDB, folder: Path) -> list[Path]:
    """The newest packet of every school into `folder`, each verified there; the paths written.

    A school that reached the district as a school file is exported as a packet made from it."""
    from ubtui.store.packet import packet_name, read_received, write_packet_bytes

    folder = Path(folder)
    if not folder.is_dir():
        raise DistrictError(_("{path} is not a folder.").format(path=folder))
    written = []
    for row in sorted(db.schools(), key=lambda r: (r["number"], r["name"], r["file_id"])):
        source = db.packet_path(row["sha256"])
        if row["kind"] == "packet" and source.is_file():
            data = source.read_bytes()
        else:
            data = _packet_from_partition(db, row)
        try:
            read_received(data)
        except FileProblem as error:
            raise DistrictError(_("The kept packet of «{school}» does not verify: {error}").format(
                school=row["name"], error=error)) from None
        exported = _parse_time(row["exported_at"]) or dt.datetime.now(dt.timezone.utc)
        school = {"number": row["number"], "name": row["name"]}
        written.append(write_packet_bytes(data, folder / packet_name(school, exported)))
    return written


def _packet_from_partition(db: DistrictDB, row) -> bytes:  # noqa: ANN001
    """A school taken as a school file: its packet, rebuilt from the stored records."""
    from ubtui.store.packet import build_packet_from

    tables = {table: json.loads(text) for table, text in db.tables(row["file_id"])}
    exported = _parse_time(row["exported_at"])
    return build_packet_from(tables, file_id=row["file_id"], generation=row["generation"], schema=row["schema"],
                             full=bool(row["full"]), exported_at=exported or dt.datetime.now(dt.timezone.utc))

