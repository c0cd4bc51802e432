"""The record readers come byte-compiled from `ubtui/domain/_readers.py` (~10 ms of every open):
the module is what its build writes, every table's reader is taken from it, and one whose source
no longer matches is compiled afresh instead."""

from __future__ import annotations

import subprocess
import sys

from ubtui.domain import records
from ubtui.domain.teachers import Teacher


def test_the_module_is_what_the_build_writes():
    done = subprocess.run([sys.executable, "-m", "ubtui.store.readers_build", "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_every_table_reads_with_the_prebuilt_reader_in_a_fresh_process():
    code = (
        "from ubtui.store.soundness import TABLES\n"
        "from ubtui.domain.records import reader, SOURCES\n"
        "made = {spec.name: reader(spec.record).__code__.co_filename for spec in TABLES.values()}\n"
        "compiled = sorted(n for n, f in made.items() if not f.endswith('_readers.py'))\n"
        "print(len(made), len(SOURCES), compiled)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    tables, readers, compiled = done.stdout.split(" ", 2)
    assert int(tables) >= 10 and int(readers) > int(tables)  # nested types (agenda items, decisions…) too
    assert compiled.strip() == "[]"


def test_a_reader_whose_source_changed_is_compiled_not_taken(monkeypatch):
    source, names = records._reader_source(Teacher)
    prebuilt = records._prebuilt(Teacher, source, dict(names))
    assert prebuilt is not None and prebuilt.__code__.co_filename.endswith("_readers.py")
    assert records._prebuilt(Teacher, source + "\n    # a field more", dict(names)) is None
    from ubtui.domain import _readers

    key = records.reader_key(Teacher)
    monkeypatch.setitem(_readers.READERS, key, ("0" * 64, _readers.READERS[key][1]))  # a stale module
    records.reader.cache_clear()
    try:
        read = records.reader(Teacher)
        assert read.__code__.co_filename == "<reader of Teacher>"
        teacher = Teacher(full_name="Асанова Гүлнара", phone="+996 555 000")
        assert read(teacher.to_dict()) == teacher
    finally:
        records.reader.cache_clear()
