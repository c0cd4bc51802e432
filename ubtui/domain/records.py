"""The base of every stored record and its plain-dict form."""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
import uuid
from functools import lru_cache
from typing import Any, Callable, TypeVar

from ubtui.domain.dates import is_iso_date, parse_iso_date
from ubtui.i18n import _

T = TypeVar("T", bound="Record")


def new_id() -> str:
    return str(uuid.uuid4())


def utc_now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _to_plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _to_plain(v) for k, v in value.items()}
    return value


def _identity(value: Any) -> Any:
    return value


def _converter(kind: Any) -> Callable[[Any], Any]:
    """How to turn a plain value into a field of type `kind` (None stays None); worked out once per field."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return _converter(options[0]) if len(options) == 1 else _identity
    if origin is list:
        (inner_kind,) = typing.get_args(kind) or (Any,)
        inner = _converter(inner_kind)
        if inner is _identity:
            return lambda value: None if value is None else list(value)
        return lambda value: None if value is None else [inner(v) for v in value]
    if kind is dt.date:
        return lambda value: None if value is None else parse_iso_date(value)
    if dataclasses.is_dataclass(kind):
        return lambda value: None if value is None else from_dict(kind, value)
    return _identity


@lru_cache(maxsize=None)
def _field_converters(cls: type) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    hints = _hints(cls)
    return tuple((f.name, _converter(hints[f.name])) for f in dataclasses.fields(cls))


def from_dict(cls: type, data: dict[str, Any]) -> Any:
    """Build a dataclass from its plain form; unknown keys are ignored."""
    record = reader(cls)(data)
    if record is not None:
        return record
    return _from_dict_slowly(cls, data)


def _from_dict_slowly(cls: type, data: dict[str, Any]) -> Any:
    kwargs = {}
    for name, convert in _field_converters(cls):
        if name in data:
            kwargs[name] = convert(data[name])
    return cls(**kwargs)


def shape_problems(cls: type, data: Any, where: str = "") -> list[tuple[str, Any, str]]:
    """What in `data` does not fit the fields of the dataclass `cls`, as (field, value, reason):
    the check `from_dict` relies on (it trusts the types).  Missing keys take their defaults;
    unknown keys are left alone."""
    if not isinstance(data, dict):
        return [(where or "(record)", data, _("must be an object"))]
    found: list[tuple[str, Any, str]] = []
    for field_name, check in _field_checkers(cls):
        if field_name in data:
            problems = check(data[field_name], f"{where}.{field_name}" if where else field_name)
            if problems:
                found.extend(problems)
    return found


@lru_cache(maxsize=None)
def _field_checkers(cls: type) -> tuple[tuple[str, Callable[[Any, str], list[tuple[str, Any, str]]]], ...]:
    # One checker per field, built once per class: a district import reads ~200k records.
    hints = _hints(cls)
    return tuple((f.name, _checker(hints[f.name])) for f in dataclasses.fields(cls))


def _no_problems(value: Any, name: str) -> list[tuple[str, Any, str]]:
    return []


@lru_cache(maxsize=None)
def _checker(kind: Any) -> Callable[[Any, str], list[tuple[str, Any, str]]]:
    """The check of one value against its annotated type (see `_value_problems`)."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(kind)
        options = [a for a in args if a is not type(None)]
        optional = len(options) < len(args)
        if len(options) != 1:
            return (lambda value, name: []) if optional else _no_problems
        inner = _checker(options[0])
        if optional:
            return lambda value, name: [] if value is None else inner(value, name)
        return inner
    if origin is list:
        (item_kind,) = typing.get_args(kind) or (Any,)
        item_check = _checker(item_kind)

        def check_list(value: Any, name: str) -> list[tuple[str, Any, str]]:
            if not isinstance(value, list):
                return [(name, value, _("must be a list"))]
            found: list[tuple[str, Any, str]] = []
            for index, item in enumerate(value, 1):
                found.extend(item_check(item, f"{name}[{index}]"))
            return found

        return check_list
    if dataclasses.is_dataclass(kind):
        return lambda value, name: shape_problems(kind, value, name)
    if kind is dt.date:
        return lambda value, name: [] if is_iso_date(value) else [(name, value, _("must be a date written YYYY-MM-DD"))]
    if kind is bool:
        return lambda value, name: [] if isinstance(value, bool) else [(name, value, _("must be true or false"))]
    if kind is int:
        return lambda value, name: (
            [] if isinstance(value, int) and not isinstance(value, bool) else [(name, value, _("must be a whole number"))]
        )
    if kind is float:
        return lambda value, name: (
            [] if isinstance(value, (int, float)) and not isinstance(value, bool) else [(name, value, _("must be a number"))]
        )
    if kind is str:
        return lambda value, name: [] if isinstance(value, str) else [(name, value, _("must be text"))]
    return _no_problems


def _value_problems(kind: Any, value: Any, name: str) -> list[tuple[str, Any, str]]:
    return _checker(kind)(value, name)


# --- the same, fast: one compiled function per record type ------------------------------------------
#
# A district reads ~200k records and a big school ~100k at every start: `shape_problems` and
# `from_dict` walk per field through a chain of small functions.  `reader(cls)` is the two of them
# written out as one function for `cls` (its source is made from the field types, once): it returns
# `from_dict(cls, data)` when `shape_problems(cls, data)` finds nothing and every field without a
# default is there, else None — and the caller takes the slow path, which says what is wrong.


class _Missing:
    pass


_MISSING = _Missing()


def read_date(value: Any) -> dt.date | None:
    """`parse_iso_date(value)`, or None where it raises."""
    if not isinstance(value, str):
        return None
    try:
        return parse_iso_date(value)
    except ValueError:
        return None


# The readers' sources come to ~56k characters, ~8 ms to compile at every start.  A module made
# from them (`python -m ubtui.store.readers_build` writes `ubtui/domain/_readers.py`) is byte-
# compiled with the rest; a reader is taken from it only when the digest of its source there is
# that of the source made here now (else compiled as before), so a stale module costs time,
# never a wrong read.  A test fails while the module is not what the build would write.
SOURCES: dict[str, tuple[str, tuple[str, ...]]] = {}  # every reader made: key → (source, its names)


def reader_key(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


@lru_cache(maxsize=None)
def reader(cls: type) -> Callable[[Any], Any]:
    """The fast `from_dict(cls, data)` for data `shape_problems` passes; None for any other data."""
    made = _reader_source(cls)
    if made is None:
        return _never
    source, names = made
    SOURCES[reader_key(cls)] = (source, tuple(names))
    read = _prebuilt(cls, source, names)
    if read is None:
        exec(compile(source, f"<reader of {cls.__qualname__}>", "exec"), names)  # noqa: S102
        read = names["read"]
    read.source = source
    return read


def _prebuilt(cls: type, source: str, names: dict[str, Any]) -> Callable[[Any], Any] | None:
    try:
        from ubtui.domain._readers import READERS
    except ImportError:  # not built
        return None
    entry = READERS.get(reader_key(cls))
    if entry is None or entry[0] != source_digest(source):
        return None
    return entry[1](**names)


def source_digest(source: str) -> str:
    import hashlib

    return hashlib.sha256(source.encode("utf-8")).hexdigest()


def _reader_source(cls: type) -> tuple[str, dict[str, Any]] | None:
    """The source of `cls`'s reader and the names it uses; None for a class it cannot read."""
    params = cls.__dataclass_params__  # type: ignore[attr-defined]
    hints = _hints(cls)
    names: dict[str, Any] = {"cls": cls, "new": object.__new__, "MISSING": _MISSING, "read_date": read_date,
                             "isinstance": isinstance, "bool": bool, "int": int, "float": float, "str": str,
                             "list": list, "dict": dict}
    lines = ["def read(data):", "    if data.__class__ is not dict and not isinstance(data, dict):", "        return None"]
    built: list[str] = []
    for number, spec in enumerate(dataclasses.fields(cls)):
        if not spec.init:
            return None
        value, result = "v", f"r{number}"
        lines.append(f"    v = data.get({spec.name!r}, MISSING)")
        lines.append("    if v is MISSING:")
        if spec.default is not dataclasses.MISSING:
            names[f"default{number}"] = spec.default
            lines.append(f"        {result} = default{number}")
        elif spec.default_factory is not dataclasses.MISSING:  # type: ignore[misc]
            names[f"factory{number}"] = spec.default_factory  # type: ignore[misc]
            lines.append(f"        {result} = factory{number}()")
        else:
            lines.append("        return None")
        lines.append("    else:")
        lines.extend("        " + line for line in _read_code(hints[spec.name], value, result, names, f"k{number}"))
        built.append(result)
    fields = [spec.name for spec in dataclasses.fields(cls)]
    if params.frozen or hasattr(cls, "__slots__") or hasattr(cls, "__post_init__"):
        lines.append("    return cls(" + ", ".join(f"{n}={r}" for n, r in zip(fields, built)) + ")")
    else:  # what the dataclass __init__ would do, without its call
        lines.append("    record = new(cls)")
        lines.append("    record.__dict__ = {" + ", ".join(f"{n!r}: {r}" for n, r in zip(fields, built)) + "}")
        lines.append("    return record")
    return "\n".join(lines), names


def _never(data: Any) -> None:
    return None


def _read_code(kind: Any, value: str, result: str, names: dict[str, Any], tag: str) -> list[str]:
    """Lines that check `value` against `kind` as `_checker` does (else `return None`) and put what
    `_converter` makes of it in `result`."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(kind)
        options = [a for a in args if a is not type(None)]
        if len(options) != 1:
            return [f"{result} = {value}"]
        inner = _read_code(options[0], value, result, names, tag)
        if len(options) == len(args):
            return inner
        return [f"if {value} is None:", f"    {result} = None", "else:"] + ["    " + line for line in inner]
    if origin is list:
        (item_kind,) = typing.get_args(kind) or (Any,)
        item_value, item_result = f"x{tag}", f"y{tag}"
        item = _read_code(item_kind, item_value, item_result, names, tag + "i")
        lines = [f"if {value}.__class__ is not list and not isinstance({value}, list):", "    return None"]
        if item == [f"{item_result} = {item_value}"]:
            return lines + [f"{result} = list({value})"]
        return (lines + [f"{result} = []", f"for {item_value} in {value}:"] + ["    " + line for line in item]
                + [f"    {result}.append({item_result})"])
    if dataclasses.is_dataclass(kind):
        names[f"read_{tag}"] = reader(kind)
        return [f"{result} = read_{tag}({value})", f"if {result} is None:", "    return None"]
    if kind is dt.date:
        return [f"{result} = read_date({value})", f"if {result} is None:", "    return None"]
    checks = {
        bool: f"{value} is not True and {value} is not False",
        int: f"{value}.__class__ is not int and (not isinstance({value}, int) or isinstance({value}, bool))",
        float: f"{value}.__class__ is not int and {value}.__class__ is not float"
               f" and (not isinstance({value}, (int, float)) or isinstance({value}, bool))",
        str: f"{value}.__class__ is not str and not isinstance({value}, str)",
    }
    if kind in checks:
        return [f"if {checks[kind]}:", "    return None", f"{result} = {value}"]
    return [f"{result} = {value}"]


def to_dict(obj: Any) -> dict[str, Any]:
    """The plain JSON-ready form of a dataclass (dates as ISO strings)."""
    return _to_plain(obj)


@dataclasses.dataclass
class Record:
    """Fields every stored record has: a uuid4 `id` and UTC timestamps."""

    id: str = dataclasses.field(default_factory=new_id)
    created_at: str = ""
    updated_at: str = ""

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        return from_dict(cls, data)

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)
