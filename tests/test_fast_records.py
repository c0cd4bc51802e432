"""The compiled record reader (`records.reader`) builds exactly what `from_dict` builds, and
refuses (None) exactly what `shape_problems` refuses: on every record of the demo school, and on
those records with one field changed to a value of another type."""

from __future__ import annotations

import copy
import json
import uuid
from pathlib import Path
from unittest import mock

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ubtui.domain.records import _from_dict_slowly, reader, shape_problems
from ubtui.store.soundness import TABLES

DEMO = json.loads((Path(__file__).parent.parent / "fixtures" / "demo_school.json").read_text("utf-8"))
ROWS = [(TABLES[name].record, record) for name, table in DEMO.items() if name in TABLES for record in table.values()]
ODD = [None, True, 0, 7, 2.5, "", "x", "2025-02-31", "2025-09-01", [], [1], ["a"], [{}], {}, {"id": 3}]


def _slow(cls, data):
    if shape_problems(cls, data):
        return None
    try:
        return _from_dict_slowly(cls, data)
    except Exception:  # noqa: BLE001 — a field without a default is missing
        return None


def _paths(value, path=()):
    """Every place in a record's plain form where a value sits."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield path + (key,)
            yield from _paths(inner, path + (key,))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield path + (index,)
            yield from _paths(inner, path + (index,))


def test_every_demo_record_reads_as_from_dict_reads_it() -> None:
    assert len(ROWS) > 300
    for cls, data in ROWS:
        fast = reader(cls)(data)
        assert fast is not None and fast == _slow(cls, data)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(ROWS) - 1), st.integers(0, 10**6), st.sampled_from(ODD), st.booleans())
@example(row=65, where=55, value={}, drop=False)  # a mentor's plan item replaced by {}: it has no id
def test_a_changed_field_reads_the_same_or_is_refused_alike(row: int, where: int, value, drop: bool) -> None:
    cls, data = ROWS[row]
    data = copy.deepcopy(data)
    paths = list(_paths(data))
    path = paths[where % len(paths)]
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    if drop and isinstance(parent, dict) and path[-1] != "id":  # (a missing id is a new one each time)
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    # A record put in without an id (`{}` in a list of records) gets a new one on each read: the same here.
    with mock.patch("uuid.uuid4", return_value=uuid.UUID(int=7)):
        fast, slow = reader(cls)(data), _slow(cls, data)
    assert fast == slow
    assert (fast is None) == (slow is None)
