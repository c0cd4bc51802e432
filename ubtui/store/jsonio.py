"""Strict JSON reading, canonical JSON, and atomic durable file writes."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import math
import os
import re
import sys
import time
from pathlib import Path
from typing import Any, Iterator

MAX_DEPTH = 64


class BadJSON(ValueError):
    """The text is not the strict JSON ubtui writes; the message says why (translated)."""


class DirSyncFailed(OSError):
    """The new file is in place, but its folder could not be synced: a power cut may still undo the rename."""


def _reject_constant(name: str) -> Any:
    from ubtui.i18n import _

    raise BadJSON(_("the file contains {value}, which is not a number in JSON").format(value=name))


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):  # only then look for the key (a district reads ~200k records)
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                from ubtui.i18n import _

                raise BadJSON(_("the key “{key}” appears twice").format(key=key[:40]))
            seen.add(key)
    return result


def _finite_float(text: str) -> float:
    value = float(text)
    if math.isinf(value):  # 1e400 parses as infinity, which JSON cannot write back
        from ubtui.i18n import _

        raise BadJSON(_("the file contains a number that is too large"))
    return value


def _has_lone_surrogate(value: Any) -> bool:
    """True when a `\\udXXX` escape left half a surrogate pair, which UTF-8 cannot hold."""
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _depth(value: Any) -> int:
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        if isinstance(node, dict):
            stack.extend((v, level + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, level + 1) for v in node)
    return deepest


# An escaped backslash or quote; a `\\uD…` escape (half a surrogate pair, perhaps alone).
_ESCAPED_QUOTE = re.compile(rb'\\[\\"]')
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD]")
# The bytes that shape JSON's nesting: quotes (strings) and brackets; `{}` are counted as `[]`.
_NESTING = bytes.maketrans(b"{}", b"[]")
_NOT_NESTING = bytes(b for b in range(256) if b not in b'"[]{}')


def _nesting(data: bytes) -> int:
    """How deeply the objects and arrays of valid JSON nest, read from its text at C speed.

    Escaped backslashes and quotes go first, then everything but quotes and brackets; strings
    go next (`""` pairs when no string holds a bracket), and each pass of `[]` → '' then takes
    one level off every innermost container.  `_depth` counts a leaf as a level too, so it is
    this or one more."""
    if _ESCAPED_QUOTE.search(data):  # a regular expression finds it several times faster than `in`
        data = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    skeleton = data.translate(_NESTING, _NOT_NESTING)
    outside = skeleton.replace(b'""', b"")
    if b'"' in outside:  # a string holds a bracket (every quote left is around one): cut the strings out
        outside = b"".join(skeleton.split(b'"')[::2])
    levels = 0
    while outside and levels <= MAX_DEPTH:
        outside = outside.replace(b"[]", b"")
        levels += 1
    return levels


_kept: tuple[bytes, Any] | None = None


def loads_strict_kept(data: bytes) -> Any:
    """`loads_strict(data)`, kept for the next `loads_strict` of the same bytes, which gets this
    very value instead of parsing again (the command line looks at the school file's language
    before the store opens it: one parse, not two).  The caller must not change the value."""
    global _kept
    _kept = None
    value = loads_strict(data)
    _kept = (data, value)
    return value


def keep(data: bytes, value: Any) -> None:
    """Hand `value` (what `loads_strict(data)` returns) to the next `loads_strict` of these bytes."""
    global _kept
    _kept = (data, value)


def forget_kept() -> None:
    global _kept
    _kept = None


def _decode(data: bytes) -> str:
    from ubtui.i18n import _

    if not data.strip():
        raise BadJSON(_("the file is empty"))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data":  # the file ends inside a letter
            raise BadJSON(_("the file is cut off (truncated)")) from None
        raise BadJSON(_("the file is not UTF-8 text")) from None


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic collector off while many objects without cycles are made (a parse, a
    table of records read): each of its passes would walk the whole growing heap again."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def loads_strict(data: bytes) -> Any:
    """Parse UTF-8 JSON (a UTF-8 BOM is allowed) and refuse NaN, duplicate keys, deep nesting
    and lone surrogates.  The depth is read from the text (`_nesting`); only a file near the
    limit is walked (`_depth`), which is what the cost of a big file's walk was spent on."""
    from ubtui.i18n import _

    global _kept
    if _kept is not None and len(_kept[0]) == len(data) and _kept[0] == data:
        value, _kept = _kept[1], None  # handed over once: the one who kept it only looked
        return value
    text = _decode(data)
    collecting = gc.isenabled()
    gc.disable()  # parsing makes no cycles: the collector would only walk the growing heap again and again
    try:
        value = json.loads(
            text, object_pairs_hook=_no_duplicates, parse_constant=_reject_constant, parse_float=_finite_float
        )
    except RecursionError:
        raise BadJSON(_("the data is nested too deeply")) from None
    except json.JSONDecodeError as error:
        # The end of the text, or a string still open there (the error points at its start).
        if error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string"):
            raise BadJSON(_("the file is cut off (truncated)")) from None
        raise BadJSON(
            _("the file is not valid JSON (line {line}, column {column})").format(line=error.lineno, column=error.colno)
        ) from None
    except BadJSON:
        raise
    except ValueError:  # an integer longer than Python converts (sys.get_int_max_str_digits)
        raise BadJSON(_("the file contains a number that is too large")) from None
    finally:
        if collecting:
            gc.enable()
    if _nesting(data) + 1 > MAX_DEPTH and _depth(value) > MAX_DEPTH:
        raise BadJSON(_("the data is nested too deeply"))
    # Text decoded from UTF-8 has no surrogates; only a \udXXX escape can bring one in.
    if _SURROGATE_ESCAPE.search(data) and _has_lone_surrogate(value):
        raise BadJSON(_("the file is not UTF-8 text"))
    return value


_scan_strict: Any = None


def _strict_scanner() -> Any:
    """The C scanner with `loads_strict`'s rules on every value it reads (made once)."""
    global _scan_strict
    if _scan_strict is None:
        _scan_strict = json.JSONDecoder(
            object_pairs_hook=_no_duplicates, parse_constant=_reject_constant, parse_float=_finite_float
        ).scan_once
    return _scan_strict


def loads_strict_tables(data: bytes, lead: str) -> tuple[Any, list[tuple[str, str]]] | None:
    """`loads_strict(data)` of a document written as ubtui writes a packet, without a byte of
    space between its parts: `{"<lead>":VALUE,"tables":{NAME:{DOC:RECORD,…},…}}` and a line
    end, together with each table's own text as (table, text), in the file's order.

    The district keeps that text as the table's records, so it need not write them out again.
    None when the text is laid out in any other way or breaks any strict rule: `loads_strict`
    then reads it, or says what is wrong with it."""
    if len(data) < 32 or data[:1] != b"{":  # a BOM, space first, or too short for the layout
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    from json.decoder import scanstring

    scan = _strict_scanner()  # a table is read whole: its hook refuses a doc id twice, as a key twice anywhere
    texts: list[tuple[str, str]] = []
    tables: dict[str, Any] = {}
    opening = '{"' + lead + '":'
    collecting = gc.isenabled()
    gc.disable()  # as in loads_strict
    try:
        if not text.startswith(opening):
            return None
        lead_value, pos = scan(text, len(opening))
        if not text.startswith(',"tables":{', pos):
            return None
        pos += 11
        if text[pos] != "}":
            while True:  # at the quote of a table's name
                if text[pos] != '"':
                    return None
                name, pos = scanstring(text, pos + 1)
                if not text.startswith(":{", pos) or name in tables:
                    return None
                table, end = scan(text, pos + 1)
                tables[name] = table
                texts.append((name, text[pos + 1:end]))
                pos = end
                if text[pos] != ",":
                    break
                pos += 1
        if text[pos] != "}" or text[pos + 1:] not in ("}", "}\n"):
            return None
    except (BadJSON, RecursionError, StopIteration, IndexError, ValueError):
        return None  # the reader's own words for it come from loads_strict
    finally:
        if collecting:
            gc.enable()
    value = {lead: lead_value, "tables": tables}
    if _nesting(data) + 1 > MAX_DEPTH or (_SURROGATE_ESCAPE.search(data) and _has_lone_surrogate(value)):
        return None
    return value, texts


def member_texts(text: str) -> list[tuple[str, str, Any]]:
    """(key, the value's text, the value) of each member of a JSON object's text, in order.

    For an object written without space (as `canonical` writes it) the value's text is cut from
    `text` as it stands; any other layout is parsed and each value written out by `canonical`,
    which gives the same text for an object `canonical` wrote."""
    from json.decoder import scanstring

    scan = json.JSONDecoder().scan_once
    members: list[tuple[str, str, Any]] = []
    add = members.append
    collecting = gc.isenabled()
    gc.disable()  # as in loads_strict
    try:
        pos = 1
        if text[:1] != "{":
            raise ValueError
        if text[pos] != "}":
            while True:  # at the quote of a key
                if text[pos] != '"':
                    raise ValueError
                key, start = scanstring(text, pos + 1)
                if text[start] != ":":
                    raise ValueError
                value, pos = scan(text, start + 1)
                add((key, text[start + 1:pos], value))
                if text[pos] != ",":
                    break
                pos += 1
        if text[pos:] != "}":
            raise ValueError
    except (ValueError, IndexError, StopIteration):
        value = json.loads(text)
        if not isinstance(value, dict):
            raise ValueError("not a JSON object") from None
        return [(key, canonical(item), item) for key, item in value.items()]
    finally:
        if collecting:
            gc.enable()
    return members


def canonical(value: Any) -> str:
    """The one text of a value that its checksum is taken over."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def has_nan(value: Any) -> bool:
    return isinstance(value, float) and (math.isnan(value) or math.isinf(value))


def fsync_dir(directory: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles to sync."""
    if sys.platform.startswith("win"):
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_with_retry(source: Path, target: Path, attempts: int = 10) -> None:
    """`os.replace`, retried while Windows reports the target busy (antivirus, indexer)."""
    for attempt in range(attempts):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def file_mode(path: Path) -> int | None:
    """The permission bits of an existing file (None when it does not exist)."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        return None


def atomic_write(path: Path, data: bytes, *, suffix: str = ".tmp", mode: int | None = None) -> None:
    """Write `data` so that `path` is either the old file or the new one, never a mix.

    NAME.tmp → flush → fsync → os.replace → fsync of the directory.  The new file gets
    `mode`, else the mode of the file it replaces (POSIX), else the usual default.
    """
    path = Path(path)
    tmp = path.with_name(path.name + suffix)
    if mode is None:
        mode = file_mode(path)
    try:
        with open(tmp, "wb") as handle:
            if mode is not None and hasattr(os, "fchmod"):  # before the data: never readable by more
                os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        replace_with_retry(tmp, path)
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise
    try:
        fsync_dir(path.parent)
    except OSError as error:
        raise DirSyncFailed(error.errno, error.strerror) from error
