"""The USB packet (DESIGN §5): a school's tables plus a sealed header, carried to the district.

    {"header": {"format": "ubtui-packet", "packet": 1, "schema", "app_version", "file_id",
                "school": {...}, "generation", "exported_at", "full", "left_out": [...],
                "sha256"},
     "tables": {"teachers": {"1": {...}}, ...}}

`sha256` is taken over the canonical JSON of the header (without `sha256`) and the tables
together, so an edited `file_id` or `generation` fails like an edited record. The reader
(`read_received`) takes a packet or a school file, with the school file's strict JSON reader,
checksum, schema and soundness checks; the district imports what it returns.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ubtui import __version__
from ubtui.i18n import _, ngettext
from ubtui.store import migrations
from ubtui.store.errors import DamagedFile, FileProblem, ForeignFile, NewerSchema
from ubtui.store.oserrors import describe_os_error
from ubtui.store.jsonio import BadJSON, canonical, fsync_dir, loads_strict, loads_strict_tables, sha256_text
from ubtui.store.schoolfile import FORMAT, META, meta_of, verify

PACKET_FORMAT = "ubtui-packet"
PACKET_VERSION = 1
SUFFIX = ".ubtui.json"
# A school of ten years is a few MB; a cap well below what would hurt is checked before reading.
MAX_BYTES = 100 * 1024 * 1024
# Left out of a packet unless --full (the value a record has without them).
PRIVATE_FIELDS: dict[str, dict[str, Any]] = {"teachers": {"phone": "", "birth_date": None, "notes": ""}}
SCHOOL_KEYS = ("school_name", "school_number", "village", "district", "region")


class UnsoundPacket(FileProblem):
    """The packet parses and is sealed, but its records are not sound."""


@dataclass
class Received:
    """A packet or a school file as the district takes it: verified, migrated, sound."""

    kind: str  # "packet" or "school"
    file_id: str
    generation: int
    schema: int
    exported_at: str
    full: bool
    school: dict[str, str]
    tables: dict[str, dict[str, dict[str, Any]]]
    sha256: str  # of the bytes as received
    data: bytes = field(repr=False, default=b"")
    _public: str = field(repr=False, default="")
    # (table, text) of every table as the file holds it, when that is the text ubtui would
    # write for it (a packet as exported, not migrated); None: write the tables out.
    texts: list[tuple[str, str]] | None = field(repr=False, default=None)

    def records(self) -> int:
        return sum(len(t) for t in self.tables.values())

    def public_sha256(self) -> str:
        """The checksum of the tables without the private fields: the same school state exported
        with and without --full compares equal."""
        if not self._public:
            self._public = sha256_text(canonical(strip_private(self.tables)))
        return self._public


# --- building ---------------------------------------------------------------------------------------


def strip_private(tables: dict[str, Any]) -> dict[str, Any]:
    """A copy of the tables with the private fields set to their empty values."""
    result = dict(tables)
    for name, fields in PRIVATE_FIELDS.items():
        if isinstance(tables.get(name), dict):
            result[name] = {
                key: ({**record, **{f: v for f, v in fields.items() if f in record}} if isinstance(record, dict) else record)
                for key, record in tables[name].items()
            }
    return result


def _seal(header: dict[str, Any], tables: dict[str, Any], tables_text: str | None = None) -> str:
    """The header's checksum: of the canonical JSON of the header (without it) and the tables."""
    unsealed = {k: v for k, v in header.items() if k != "sha256"}
    if tables_text is None:
        tables_text = canonical(tables)
    # canonical({"header": …, "tables": …}) written out: its keys sort "header" first.
    return sha256_text('{"header":' + canonical(unsealed) + ',"tables":' + tables_text + "}")


def _raw_tables(data: bytes, header: dict[str, Any]) -> bytes | None:
    """The tables' text as the packet holds it, when it is laid out as `build_packet_from` writes it."""
    head = ('{"header":' + canonical(header) + ',"tables":').encode("utf-8")
    if not data.startswith(head):
        return None
    rest = data[len(head):].rstrip(b" \t\r\n")
    return rest[:-1] if rest.endswith(b"}") else None


def _seal_raw(header: dict[str, Any], tables_text: bytes) -> str:
    """`_seal` over the tables' bytes as they are (the canonical text, for a packet ubtui wrote)."""
    unsealed = {k: v for k, v in header.items() if k != "sha256"}
    seal = hashlib.sha256(('{"header":' + canonical(unsealed) + ',"tables":').encode("utf-8"))
    seal.update(tables_text)
    seal.update(b"}")
    return seal.hexdigest()


def school_of(tables: dict[str, Any]) -> dict[str, str]:
    """The school's name and place from its settings record ('' where not set)."""
    settings = next(iter((tables.get("settings") or {}).values()), {})
    if not isinstance(settings, dict):
        settings = {}
    return {key.removeprefix("school_"): str(settings.get(key) or "") for key in SCHOOL_KEYS}


def build_packet(document: dict[str, Any], *, full: bool, now: dt.datetime) -> bytes:
    """The packet's bytes for a (verified) school document."""
    meta = meta_of(document)
    tables = {name: table for name, table in document.items() if name != META}
    return build_packet_from(tables, file_id=meta["file_id"], generation=int(meta.get("generation", 0)),
                             schema=meta["schema"], full=full, exported_at=now)


def build_packet_from(
    tables: dict[str, Any], *, file_id: str, generation: int, schema: int, full: bool, exported_at: dt.datetime
) -> bytes:
    """A packet of these tables (private fields blanked unless `full`), sealed."""
    if not full:
        tables = strip_private(tables)
    header = {
        "format": PACKET_FORMAT,
        "packet": PACKET_VERSION,
        "schema": schema,
        "app_version": __version__,
        "file_id": file_id,
        "school": school_of(tables),
        "generation": generation,
        "exported_at": exported_at.astimezone(dt.timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "full": full,
        "left_out": [] if full else sorted(f"{t}.{f}" for t, fs in PRIVATE_FIELDS.items() for f in fs),
    }
    header["sha256"] = _seal(header, tables)
    text = '{"header":' + canonical(header) + ',"tables":' + canonical(tables) + "}\n"
    return text.encode("utf-8")


_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)), *(f"LPT{n}" for n in range(1, 10))}


def safe_name_part(text: str, limit: int = 60) -> str:
    """Text fit for a file name on FAT32, NTFS and ext4: letters and digits kept (Cyrillic too),
    everything else a single '-', no reserved device name, not too long."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(c if (c.isalnum() or c in "-_") else "-" for c in _FORBIDDEN.sub("-", text))
    text = re.sub(r"-{2,}", "-", text).strip("-_ .")[:limit].strip("-_ .")
    if not text or text.upper() in _RESERVED:
        text = "school" + (f"-{text}" if text else "")
    return text


def packet_name(school: dict[str, str], now: dt.datetime) -> str:
    """`<school>_<YYYYMMDD-HHMM>.ubtui.json`, the school as `5-Ala-Too` (number, then name)."""
    who = safe_name_part(" ".join(p for p in (school.get("number", ""), school.get("name", "")) if p))
    return f"{who}_{now.strftime('%Y%m%d-%H%M')}{SUFFIX}"


def _free_path(folder: Path, name: str) -> Path:
    """`name`, or `name` with -2, -3… before the suffix: an old packet is never overwritten."""
    target = folder / name
    stem = name[: -len(SUFFIX)]
    number = 2
    while target.exists() or target.with_name(target.name + ".part").exists():
        target = folder / f"{stem}-{number}{SUFFIX}"
        number += 1
    return target


def _sync_all() -> None:
    if hasattr(os, "sync"):  # POSIX: push every buffer to the stick before saying it may be removed
        os.sync()


def write_packet(document: dict[str, Any], folder: Path, *, full: bool = False, now: dt.datetime | None = None) -> Path:
    """Write the school's packet into `folder`; see `write_packet_bytes`. Returns its path."""
    now = now or dt.datetime.now().astimezone()
    data = build_packet(document, full=full, now=now)
    return write_packet_bytes(data, Path(folder) / packet_name(school_of(document), now))


def write_packet_bytes(data: bytes, target: Path) -> Path:
    """Write a packet as `target` (or `target-2`… when taken): `.part` → fsync → rename →
    fsync dir → sync, then read it back and verify it. Never overwrites; returns the path."""
    folder = Path(target).parent
    target = _free_path(folder, Path(target).name)
    part = target.with_name(target.name + ".part")
    try:
        with open(part, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():  # appeared meanwhile: never overwrite
            raise FileExistsError(17, os.strerror(17), str(target))
        os.rename(part, target)
    except BaseException:
        try:
            part.unlink()
        except OSError:
            pass
        raise
    fsync_dir(folder)
    _sync_all()
    back = target.read_bytes()
    if hashlib.sha256(back).digest() != hashlib.sha256(data).digest():
        raise DamagedFile(_("the packet read back from {path} is not what was written: the drive may be faulty").format(path=target))
    read_received(back)
    return target


# --- reading ----------------------------------------------------------------------------------------


def soundness_problems(document: dict[str, Any]) -> list[str]:
    """The soundness check of a school document (DESIGN §2), as translated lines; empty: sound."""
    try:
        from ubtui.store.soundness import find_problems
    except ImportError:  # the soundness module is not in this build yet
        return []
    return [problem.line() for problem in find_problems(document)]


def _unsound(lines: list[str]) -> UnsoundPacket:
    message = _("the content is not sound: {line}").format(line=lines[0])
    if len(lines) > 1:
        message += " " + ngettext("(and {n} more problem)", "(and {n} more problems)", len(lines) - 1).format(n=len(lines) - 1)
    return UnsoundPacket(message)


def _as_school_document(header: dict[str, Any], tables: dict[str, Any]) -> dict[str, Any]:
    meta = {"format": FORMAT, "schema": header["schema"], "file_id": header["file_id"],
            "generation": header["generation"], "app_version": header.get("app_version", "")}
    return {META: {"1": meta}, **tables}


def _check_header(header: Any) -> dict[str, Any]:
    if not isinstance(header, dict) or header.get("format") != PACKET_FORMAT:
        raise ForeignFile(_("this is not a ubtui packet or school file"))
    version = header.get("packet")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ForeignFile(_("the packet's version is missing or wrong"))
    schema = header.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise ForeignFile(_("the file's schema number is missing or wrong"))
    if version > PACKET_VERSION or schema > migrations.SCHEMA:
        raise NewerSchema(
            _("the file was written by a newer ubtui (schema {found}, this one reads up to {known}); update ubtui").format(
                found=schema, known=migrations.SCHEMA
            )
        )
    for key in ("file_id", "exported_at", "sha256"):
        if not isinstance(header.get(key), str) or not header[key]:
            raise DamagedFile(_("the packet's header has no {key}").format(key=key))
    generation = header.get("generation")
    if not isinstance(generation, int) or isinstance(generation, bool) or generation < 0:
        raise DamagedFile(_("the packet's header has no {key}").format(key="generation"))
    if not isinstance(header.get("full"), bool) or not isinstance(header.get("school"), dict):
        raise DamagedFile(_("the packet's header is damaged"))
    return header


def read_received(data: bytes) -> Received:
    """Bytes of a packet or a school file → a verified, migrated, sound `Received`.

    Raises a translated FileProblem (DamagedFile, ForeignFile, NewerSchema, UnsoundPacket)."""
    digest = hashlib.sha256(data).hexdigest()
    if len(data) > MAX_BYTES:
        raise DamagedFile(too_large_message(len(data)))
    # A packet as ubtui writes it is read with each table's text (the district keeps it).
    laid_out = loads_strict_tables(data, "header") if data.startswith(b'{"header":') else None
    if laid_out is not None:
        value, texts = laid_out
    else:
        texts = None
        try:
            value = loads_strict(data)
        except BadJSON as error:
            raise DamagedFile(str(error)) from None
    if isinstance(value, dict) and META in value and "header" not in value:
        meta = verify(value, data=data)
        document = migrations.migrate(value) if meta["schema"] < migrations.SCHEMA else value
        tables = {name: table for name, table in document.items() if name != META}
        meta = meta_of(document)
        public = ""
        kind, full, exported_at = "school", True, str(meta.get("updated_at") or meta.get("created_at") or "")
        file_id, generation, schema = meta["file_id"], int(meta.get("generation", 0)), int(meta["schema"])
    else:
        if not isinstance(value, dict) or set(value) != {"header", "tables"}:
            raise ForeignFile(_("this is not a ubtui packet or school file"))
        header = _check_header(value["header"])
        tables = value["tables"]
        if not isinstance(tables, dict) or META in tables:
            raise DamagedFile(_("the packet's tables are damaged"))
        raw = _raw_tables(data, header)
        if raw is not None and _seal_raw(header, raw) == header["sha256"]:  # as written: nothing to render again
            tables_sha256 = hashlib.sha256(raw).hexdigest()
        else:
            texts = None  # not the text that was sealed: not as ubtui wrote it
            tables_text = canonical(tables)
            if _seal(header, tables, tables_text) != header["sha256"]:
                raise DamagedFile(_("the checksum does not match: the packet was changed or damaged"))
            tables_sha256 = sha256_text(tables_text)
        document = _as_school_document(header, tables)
        verify(document, checksum=False)  # the tables' shape, as a school file's (the header sealed them)
        if header["schema"] < migrations.SCHEMA:
            document = migrations.migrate(document)
            tables = {name: table for name, table in document.items() if name != META}
            texts = None  # the records changed
        kind, full, exported_at = "packet", header["full"], header["exported_at"]
        # Without --full the private fields are blank already: the tables are their public view.
        public = "" if full or header["schema"] < migrations.SCHEMA else tables_sha256
        file_id, generation, schema = header["file_id"], header["generation"], migrations.SCHEMA
    lines = soundness_problems(document)
    if lines:
        raise _unsound(lines)
    return Received(kind, file_id, generation, schema, exported_at, full, school_of(tables), tables, digest, data, public,
                    texts)


def too_large_message(size: int) -> str:
    return _("the file is too large for a school's packet ({size} MB; at most {limit} MB)").format(
        size=size // (1024 * 1024), limit=MAX_BYTES // (1024 * 1024)
    )


def read_received_file(path: Path) -> Received:
    """Read a packet or school file from disk, refusing an oversized one before reading it."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DamagedFile(too_large_message(size))
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise DamagedFile(describe_os_error(error, path).rstrip(".")) from None
    return read_received(data)


def check_packet(path: Path) -> str:
    """`ubtui check PACKET`: one line on a good packet; raises FileProblem otherwise."""
    received = read_received_file(path)
    school = " ".join(p for p in (received.school.get("number") and "№" + received.school["number"],
                                  received.school.get("name")) if p) or _("(school not named yet)")
    records = received.records()
    summary = _("OK: packet of «{school}», schema {schema}, generation {generation}, exported {when}").format(
        school=school, schema=received.schema, generation=received.generation, when=received.exported_at
    )
    summary += ", " + ngettext("{n} record", "{n} records", records).format(n=records)
    summary += ", " + (_("with private fields") if received.full else _("without private fields (phone, birth date, notes)"))
    summary += ", " + _("checksum matches")
    return summary


def is_packet(data_start: bytes) -> bool:
    """Whether a file's first bytes look like a packet rather than a school file."""
    return data_start.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b'{"header"')


__all__ = [
    "MAX_BYTES", "PRIVATE_FIELDS", "Received", "UnsoundPacket", "build_packet", "check_packet", "packet_name",
    "read_received", "read_received_file", "safe_name_part", "strip_private", "write_packet", "write_packet_bytes",
]

