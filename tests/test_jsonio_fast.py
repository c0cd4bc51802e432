"""The fast strict reader accepts and refuses exactly what the old one did, with the same words.

The oracle below is the strict reader as it was before it was made fast (every object through a
duplicate-key hook, then a depth walk, then a surrogate check), kept here verbatim so that a
change to `jsonio` cannot change both sides of the comparison.
"""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ubtui.store import jsonio
from ubtui.store.jsonio import BadJSON, loads_strict


def _oracle(data: bytes):
    from ubtui.i18n import _

    def reject_constant(name):
        raise BadJSON(_("the file contains {value}, which is not a number in JSON").format(value=name))

    def no_duplicates(pairs):
        result = dict(pairs)
        if len(result) != len(pairs):
            seen = set()
            for key, _value in pairs:
                if key in seen:
                    raise BadJSON(_("the key “{key}” appears twice").format(key=key[:40]))
                seen.add(key)
        return result

    def finite_float(text):
        value = float(text)
        if math.isinf(value):
            raise BadJSON(_("the file contains a number that is too large"))
        return value

    def depth(value):
        deepest, stack = 0, [(value, 1)]
        while stack:
            node, level = stack.pop()
            deepest = max(deepest, level)
            if isinstance(node, dict):
                stack.extend((v, level + 1) for v in node.values())
            elif isinstance(node, list):
                stack.extend((v, level + 1) for v in node)
        return deepest

    def lone_surrogate(value):
        try:
            json.dumps(value, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False

    if not data.strip():
        raise BadJSON(_("the file is empty"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data":
            raise BadJSON(_("the file is cut off (truncated)")) from None
        raise BadJSON(_("the file is not UTF-8 text")) from None
    try:
        value = json.loads(text, object_pairs_hook=no_duplicates, parse_constant=reject_constant, parse_float=finite_float)
    except RecursionError:
        raise BadJSON(_("the data is nested too deeply")) from None
    except json.JSONDecodeError as error:
        if error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string"):
            raise BadJSON(_("the file is cut off (truncated)")) from None
        raise BadJSON(
            _("the file is not valid JSON (line {line}, column {column})").format(line=error.lineno, column=error.colno)
        ) from None
    except BadJSON:
        raise
    except ValueError:
        raise BadJSON(_("the file contains a number that is too large")) from None
    if depth(value) > jsonio.MAX_DEPTH:
        raise BadJSON(_("the data is nested too deeply"))
    if ("\\ud" in text or "\\uD" in text) and lone_surrogate(value):
        raise BadJSON(_("the file is not UTF-8 text"))
    return value


def _outcome(reader, data: bytes):
    try:
        return ("ok", reader(data))
    except BadJSON as error:
        return ("refused", str(error))


# --- generated JSON texts, with what the strict reader refuses mixed in -----------------------------

_KEY_TEXTS = st.sampled_from(["a", "b", "id", "a:b", ":", "x\"y", "\\", "10:00", "ключ", "a b", "[", "]}", "{[("])
_ESCAPES = st.sampled_from(["\\u003a", "\\u003A", "\\ud83d\\ude00", "\\ud83d", "\\ude00", "\\\\ud83d", "\\\"", "\\\\",
                            "\\n", "\\u0041", ":", "\\\":", "\\\\\":"])
_WS = st.sampled_from(["", "", "", " ", "\n  ", "\t"])


@st.composite
def _string(draw) -> str:
    ascii_only = draw(st.booleans())
    parts = draw(st.lists(st.one_of(_KEY_TEXTS.map(lambda s: json.dumps(s, ensure_ascii=ascii_only)[1:-1]), _ESCAPES),
                          max_size=4))
    return '"' + "".join(parts) + '"'


_SCALARS = st.one_of(
    st.integers(-10**6, 10**6).map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.sampled_from(["true", "false", "null", "NaN", "Infinity", "-Infinity", "1e400", "1" * 5000, "0.5"]),
    _string(),
)


def _render(children):
    objects = st.lists(st.tuples(_string(), _WS, _WS, children), max_size=5).map(
        lambda pairs: "{" + ",".join(f"{k}{a}:{b}{v}" for k, a, b, v in pairs) + "}"
    )
    # An object with one key written twice (the same text, or the same key escaped otherwise).
    twice = st.tuples(_string(), children, children, st.booleans()).map(
        lambda t: "{" + f"{t[0]}:{t[1]},{t[0]}:{t[2]}" + "}" if t[3] else "{" + f'"k:":{t[1]},"k\\u003a":{t[2]}' + "}"
    )
    arrays = st.lists(children, max_size=5).map(lambda items: "[" + ", ".join(items) + "]")
    return st.one_of(objects, arrays, twice)


_VALUES = st.recursive(_SCALARS, _render, max_leaves=25)


@st.composite
def _document(draw) -> bytes:
    text = draw(_VALUES)
    levels = draw(st.sampled_from([0, 0, 0, 5, 62, 63, 64, 70]))
    text = "[" * levels + text + "]" * levels
    if draw(st.integers(0, 9)) == 0:  # cut off somewhere
        text = text[: draw(st.integers(0, len(text)))]
    prefix = draw(st.sampled_from([b"", b"", b"\xef\xbb\xbf", b" \n"]))
    return prefix + text.encode("utf-8", "surrogatepass")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_document())
@example(b'{"a":1,"a":2}')
@example(b'{"a" :1, "a" : 2}')
@example(b'{"a:b":1,"a\\u003ab":2}')
@example(b'{"k":"x\\":","k":1}')
@example(b'["\\\\ud83d\\ude00"]')
@example(b'{"a":{"b":1},"a":{"c":2,"d":3}}')
@example(b"[" * 64 + b"1" + b"]" * 64)
@example(b"[" * 63 + b"1" + b"]" * 63)
@example(b"[" * 64 + b"]" * 64)
@example(b"[" * 65 + b"]" * 65)
@example(b"[" * 63 + b"[\"]]]\"]" + b"]" * 63)
@example(b"[" * 63 + b"[\"\\\\\",[1]]" + b"]" * 63)
@example(b'{"a":NaN}')
@example(b"[1e400]")
@example(b"\xef\xbb\xbf{}")
@example(b'{"a":"\xd0')
def test_fast_reader_agrees_with_the_old_one(data: bytes) -> None:
    assert _outcome(loads_strict, data) == _outcome(_oracle, data)


def test_the_fast_path_takes_a_school_file_without_the_slow_reader(monkeypatch) -> None:
    """A file as ubtui writes it is not walked for its depth (the walk was what cost the time)."""
    calls = []
    monkeypatch.setattr(jsonio, "_depth", lambda value: calls.append(value))
    text = json.dumps({"meta": {"1": {"id": "m", "time": "10:00"}}, "t": {"1": {"id": "x", "list": [1, [2, {"a": "b:c"}]]}}},
                      ensure_ascii=False, separators=(",", ":"))
    assert loads_strict(text.encode("utf-8"))["t"]["1"]["list"][1][1] == {"a": "b:c"}
    assert calls == []


# --- the packet layout: records read with their own text -----------------------------------------

_RECORDS = st.dictionaries(st.sampled_from(["id", "name", "ключ", "a\"b", "x:y"]),
                           st.recursive(st.one_of(st.integers(), st.text(max_size=5), st.booleans(), st.none(),
                                                  st.floats(allow_nan=False, allow_infinity=False)),
                                        lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=3), c, max_size=3),
                                        max_leaves=10), max_size=5)
# Mostly values as ubtui writes them (else hardly a document would be taken at all), some odd ones.
_RECORD_TEXTS = st.one_of(*[_RECORDS.map(jsonio.canonical)] * 5, _VALUES)
_NAMES = st.sampled_from(['"teachers"', '"courses"', '"a\\u0062"', '"ab"', '"ключ"'])
_DOCS = st.one_of(st.integers(1, 60).map(lambda n: f'"{n}"'), st.sampled_from(['"1"', '"\\u0031"']))


@st.composite
def _laid_out(draw) -> bytes:
    """`{"header":H,"tables":{NAME:{DOC:RECORD,…},…}}` as the packet writer lays it out, with the
    same oddities as above in every value, names and doc ids that may repeat, and now and then
    a space, a BOM, a cut, or another line end."""
    tables = draw(st.lists(st.tuples(_NAMES, st.lists(st.tuples(_DOCS, _RECORD_TEXTS), max_size=4)), max_size=3))
    text = ('{"header":' + draw(_RECORD_TEXTS) + ',"tables":{'
            + ",".join(name + ":{" + ",".join(f"{doc}:{record}" for doc, record in records) + "}" for name, records in tables)
            + "}}" + draw(st.sampled_from(["", "\n", "\n", "\n", " ", "\r\n"])))
    if draw(st.integers(0, 5)) == 0:
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from([" ", "\n", ""])) + text[at + draw(st.integers(0, 1)):]
    prefix = draw(st.sampled_from([b"", b"", b"", b"", b"", b"\xef\xbb\xbf"]))
    return prefix + text.encode("utf-8", "surrogatepass")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_laid_out())
@example(b'{"header":1,"tables":{"t":{"1":{"a":1,"a":2}}}}')
@example(b'{"header":1,"tables":{"t":{"1":{},"1":{}}}}')
@example(b'{"header":1,"tables":{"t":{"1":{}},"t":{}}}')
@example(b'{"header":1,"tables":{"t":{"1":[NaN]}}}')
@example(b'{"header":1,"tables":{"t":{"1":"\\ud83d"}}}')
@example(b'{"header":1,"tables":{"t":{"1":' + b"[" * 62 + b"]" * 62 + b"}}}")
@example(b'{"header":1,"tables":{"t":{"1":' + b"[" * 61 + b"]" * 61 + b"}}}")
@example(b'{"header":1,"tables":{"t":{"1":{}}}}}')
@example(b'{"header":1,"tables":{}}')
def test_the_packet_reader_takes_only_what_the_strict_reader_takes(data: bytes) -> None:
    """Whatever `loads_strict_tables` reads, `loads_strict` reads the same; each table's text
    is that table's and every table has one, in the file's order."""
    laid_out = jsonio.loads_strict_tables(data, "header")
    if laid_out is None:
        return
    value, texts = laid_out
    assert _outcome(_oracle, data) == ("ok", value)
    assert [name for name, _text in texts] == list(value["tables"])
    for name, text in texts:
        assert _oracle(text.encode("utf-8")) == value["tables"][name]


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=6), st.dictionaries(st.integers(1, 999).map(str), _RECORDS, max_size=4),
                       max_size=3), st.booleans())
def test_a_packet_as_written_is_read_with_each_records_text(tables, line_end) -> None:
    """The layout as `build_packet_from` writes it is taken (not left to the slow reader), and a
    record's text is the record written the one way ubtui writes it."""
    value = {"header": {"format": "x", "n": [1, 2]}, "tables": tables}
    text = jsonio.canonical(value) + ("\n" if line_end else "")
    surrogate = "\\ud" in text or "\\uD" in text
    laid_out = jsonio.loads_strict_tables(text.encode("utf-8", "surrogatepass"), "header")
    if surrogate:  # a lone surrogate that st.text drew: refused like the strict reader does
        assert laid_out is None or laid_out[0] == value
        return
    assert laid_out is not None
    assert laid_out[0] == value
    read = laid_out[0]["tables"]  # in the file's order: the keys sorted
    assert laid_out[1] == [(name, jsonio.canonical(t)) for name, t in read.items()]


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(max_size=6), _RECORDS, max_size=5), st.sampled_from([None, 1, 2]))
def test_the_members_of_an_object_come_with_their_texts(table, indent) -> None:
    """`member_texts` cuts each member's text out of a text `canonical` wrote, and writes it out
    the same way for any other layout: one text for one member whatever the layout."""
    text = jsonio.canonical(table)
    if "\\ud" in text or "\\uD" in text:  # a lone surrogate st.text drew: not a text ubtui keeps
        return
    members = jsonio.member_texts(text)
    assert members == [(key, jsonio.canonical(value), value) for key, value in sorted(table.items())]
    if indent is not None:
        spaced = json.dumps(json.loads(text), ensure_ascii=False, indent=indent)
        assert jsonio.member_texts(spaced) == members


def test_member_texts_refuses_what_is_not_an_object() -> None:
    for text in ("[1, 2]", "1", '"x"'):
        with pytest.raises(ValueError):
            jsonio.member_texts(text)
