"""The USB packet and the district database: round trips, verdicts, bad packets, one transaction."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from tests.conftest import DEMO_DAY
from ubtui import cli
from ubtui.district.db import DistrictDB
from ubtui.district.importer import CONFLICT, IDENTICAL, NEW, OLDER, REFUSED, REPLACED, export_district, run_import
from ubtui.district.report import build_report
from ubtui.domain.associations import Association
from ubtui.domain.settings import Settings
from ubtui.domain.teachers import Teacher
from ubtui.domain.years import default_year
from ubtui.store import Store, schoolfile
from ubtui.store.jsonio import canonical, sha256_text
from ubtui.store.packet import PRIVATE_FIELDS, build_packet, read_received, write_packet

NOW = dt.datetime(2025, 11, 20, 10, 30, tzinfo=dt.timezone.utc)


def small_school(path: Path, number: str, teachers: int = 2) -> Path:
    """A sound school file with a year, an association and a few teachers."""
    with Store.open(path) as store:
        store.save_settings(Settings(school_name=f"Мектеп {number}", school_number=number, village="Ак-Суу"))
        year = store.years.save(default_year(2025))
        association = store.associations.save(Association(name="Математика", head="Асанова Г."))
        for n in range(teachers):
            store.save_teacher(Teacher(full_name=f"Мугалим {number}-{n}", phone="+996 555 000", association_id=association.id,
                                       birth_date=dt.date(1980, 1, 1), notes="жеке", pedagogical_start=dt.date(2010, 9, 1)))
        assert year.id
    return path


def packet_of(path: Path, folder: Path, *, full: bool = False) -> Path:
    folder.mkdir(exist_ok=True)
    return write_packet(schoolfile.read(path), folder, full=full, now=NOW)


def dump(db_path: Path) -> list[str]:
    conn = sqlite3.connect(db_path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def imported(db_path: Path, *paths: Path, dry_run: bool = False):
    with DistrictDB(db_path, writable=True) as db:
        return run_import(db, list(paths), dry_run=dry_run)


def stored_tables(db_path: Path, file_id: str) -> dict:
    with DistrictDB(db_path) as db:
        return {table: json.loads(text) for table, text in db.tables(file_id)}


# --- round trips ------------------------------------------------------------------------------


@pytest.mark.parametrize("full", [False, True])
def test_export_then_import_keeps_every_record(demo_path, tmp_path, full):
    packet = packet_of(demo_path, tmp_path / "stick", full=full)
    document = schoolfile.read(demo_path)
    db_path = tmp_path / "d" / "district.sqlite"
    [verdict] = imported(db_path, packet)
    assert verdict.verdict == NEW
    tables = stored_tables(db_path, document["meta"]["1"]["file_id"])
    expected = {k: v for k, v in document.items() if k != "meta"}
    assert verdict.added == sum(len(t) for t in expected.values())
    teachers = list(tables["teachers"].values())
    assert teachers and len(teachers) == len(expected["teachers"])
    if full:
        assert tables == expected
    else:
        assert all(t["phone"] == "" and t["birth_date"] is None and t["notes"] == "" for t in teachers)
        assert any(t["phone"] for t in expected["teachers"].values())
        for name in expected:
            if name not in PRIVATE_FIELDS:
                assert tables[name] == expected[name]
        private = set(PRIVATE_FIELDS["teachers"])
        strip = lambda t: {k: v for k, v in t.items() if k not in private}  # noqa: E731
        assert {k: strip(t) for k, t in tables["teachers"].items()} == {k: strip(t) for k, t in expected["teachers"].items()}
    header = json.loads(packet.read_bytes())["header"]
    assert header["full"] is full and bool(header["left_out"]) is not full
    assert (tmp_path / "d" / "packets" / f"{verdict_sha(packet)}.ubtui.json").read_bytes() == packet.read_bytes()


def verdict_sha(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_export_never_overwrites_and_names_are_safe(tmp_path):
    school = small_school(tmp_path / "s.json", "5")
    first = packet_of(school, tmp_path / "stick")
    second = packet_of(school, tmp_path / "stick")
    assert first != second and first.exists() and second.exists()
    assert not any(c in first.name for c in '<>:"/\\|?*') and first.name.endswith(".ubtui.json")
    assert first.name.startswith("5-Мектеп-5_20251120-")
    assert not list((tmp_path / "stick").glob("*.part"))


def test_cli_export_reports_path_and_refuses_an_unsound_school(tmp_path, capsys):
    school = small_school(tmp_path / "s.json", "5")
    (tmp_path / "stick").mkdir()
    assert cli.main(["--db", str(school), "export", str(tmp_path / "stick")]) == 0
    out = capsys.readouterr().out
    [packet] = (tmp_path / "stick").glob("*.ubtui.json")
    assert str(packet) in out and f"({max(1, packet.stat().st_size // 1024)} " in out
    assert cli.main(["check", str(packet)]) == 0
    damaged = tmp_path / "bad.json"
    damaged.write_bytes(school.read_bytes().replace(b"\xd0\x9c\xd1\x83\xd0\xb3", b"\xd0\x9c\xd1\x83\xd0\xb0", 1))
    assert cli.main(["--db", str(damaged), "export", str(tmp_path / "stick")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and len(list((tmp_path / "stick").iterdir())) == 1


# --- verdicts --------------------------------------------------------------------------------------


def test_older_refused_newer_replaces_with_counts_and_conflict_refused(tmp_path):
    school = small_school(tmp_path / "s.json", "7", teachers=3)
    old = packet_of(school, tmp_path / "a")
    with Store.open(school) as store:
        teachers = store.sorted_teachers()
        store.retire_teacher(teachers[0].id, dt.date(2025, 11, 1))  # changed (and the association's members)
        store.delete_teacher(teachers[1].id)  # removed
        store.save_teacher(Teacher(full_name="Жаңы Мугалим", association_id=teachers[2].association_id))  # added
    new = packet_of(school, tmp_path / "b")
    db_path = tmp_path / "district.sqlite"
    assert [v.verdict for v in imported(db_path, new)] == [NEW]
    [older] = imported(db_path, old)
    assert older.verdict == OLDER and older.reason
    db2 = tmp_path / "district2.sqlite"
    imported(db2, old)
    [replaced] = imported(db2, new)
    assert replaced.verdict == REPLACED
    assert (replaced.added, replaced.changed, replaced.removed) == (1, 2, 1)  # teacher + association changed
    assert stored_tables(db2, replaced.file_id) == stored_tables(db_path, replaced.file_id)
    # The same school file copied to a second computer and edited there: same generation, other content.
    twin = tmp_path / "twin.json"
    shutil.copy(tmp_path / "s.json", twin)
    with Store.open(twin) as store:
        t = store.sorted_teachers()[0]
        t.classes = "5а"
        store.save_teacher(t)
    with Store.open(school) as store:
        t = store.sorted_teachers()[0]
        t.classes = "6б"
        store.save_teacher(t)
    imported(db2, packet_of(school, tmp_path / "c"))
    before = dump(db2)
    [conflict] = imported(db2, packet_of(twin, tmp_path / "d"))
    assert conflict.verdict == CONFLICT and dump(db2) == before


def test_dry_run_says_what_apply_does_and_changes_nothing(tmp_path):
    packets = [packet_of(small_school(tmp_path / f"s{n}.json", str(n)), tmp_path / "stick") for n in range(3)]
    db_path = tmp_path / "district.sqlite"
    imported(db_path)  # an empty database
    before = dump(db_path)
    dry = imported(db_path, tmp_path / "stick", dry_run=True)
    assert dump(db_path) == before
    assert not (tmp_path / "packets").exists() or not list((tmp_path / "packets").iterdir())  # nothing kept, no part
    applied = imported(db_path, tmp_path / "stick")
    assert [v.line() for v in dry] == [v.line() for v in applied]
    assert [v.verdict for v in applied] == [NEW] * 3 and len(packets) == 3
    with DistrictDB(db_path) as db:
        assert db.counts()[0] == 3


def test_worker_processes_read_ahead_with_the_same_verdicts_as_one_pass(tmp_path, monkeypatch):
    """With several files and processors the files are read by worker processes: the verdicts (in
    Russian too: the workers speak the user's language), the database and the kept packets are what
    one pass in this process makes of the same files, in the same order."""
    from ubtui import i18n
    from ubtui.district import importer

    stick = tmp_path / "stick"
    schools = [small_school(tmp_path / f"s{n}.json", str(n + 1)) for n in range(3)]
    old = packet_of(schools[0], stick)
    with Store.open(schools[0]) as store:
        store.save_teacher(Teacher(full_name="Жаңы Мугалим", association_id=store.sorted_teachers()[0].association_id))
    packets = [old, packet_of(schools[0], stick), packet_of(schools[1], stick), packet_of(schools[2], stick)]
    bad = stick / "zz-cut.ubtui.json"
    bad.write_bytes(packets[2].read_bytes()[:500])
    files = [packets[1], bad, packets[0], packets[2], packets[3], packets[2]]  # newer before older; twice the same
    monkeypatch.setattr(importer.os, "cpu_count", lambda: 2)
    started: list[int] = []
    original = importer._reads

    def counted(paths, keep):  # noqa: ANN001, ANN202
        started.append(importer._workers_for(len(paths)))
        return original(paths, keep)

    monkeypatch.setattr(importer, "_reads", counted)
    results = {}
    try:
        i18n.set_language("ru")
        for workers in ("0", "2"):
            monkeypatch.setenv("UBTUI_IMPORT_WORKERS", workers)
            db_path = tmp_path / workers / "district.sqlite"
            with DistrictDB(db_path, writable=True) as db:
                lines = [v.line() for v in run_import(db, files, now=NOW)]
            kept = sorted(p.name for p in (db_path.parent / "packets").iterdir())
            results[workers] = (lines, dump(db_path), kept)
    finally:
        i18n.set_language("ky")
    assert started == [0, 2]  # one pass here, then two workers
    assert results["0"] == results["2"]
    lines = results["2"][0]
    assert [line.split(": ", 1)[0] for line in lines] == [f.name for f in files]
    assert "обрезан" in lines[1], lines[1]  # refused, in Russian (from a worker)
    assert len(results["2"][2]) == 3  # the older packet and the repeat were not kept


@pytest.mark.parametrize("failure", ["cannot start", "a worker dies"])
def test_without_worker_processes_the_files_are_read_here(tmp_path, monkeypatch, failure):
    """Workers that cannot start, or one that dies on the way, cost only time: the rest is read
    in this process, with the same verdicts."""
    import concurrent.futures
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from ubtui.district import importer

    packets = [packet_of(small_school(tmp_path / f"s{n}.json", str(n + 1)), tmp_path / "stick") for n in range(4)]
    monkeypatch.setattr(importer.os, "cpu_count", lambda: 2)
    monkeypatch.delenv("UBTUI_IMPORT_WORKERS", raising=False)

    class Pool:
        def __init__(self, *args, **kwargs) -> None:
            if failure == "cannot start":
                raise OSError(38, "Function not implemented")
            self.submitted = 0

        def submit(self, function, path, keep):  # noqa: ANN001, ANN201
            self.submitted += 1
            future: Future = Future()
            if self.submitted <= 2:
                future.set_result(function(path, keep))
            else:  # the worker died halfway through writing the packet it keeps
                keep.mkdir(exist_ok=True)
                (keep / f"{read_received(path.read_bytes()).sha256}.ubtui.json.99999-1.part").write_bytes(b'{"hea')
                future.set_exception(BrokenProcessPool("a worker died"))
            return future

        def shutdown(self, **kwargs) -> None:
            pass

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Pool)
    verdicts = imported(tmp_path / "district.sqlite", *packets)
    assert [v.verdict for v in verdicts] == [NEW] * 4
    assert [v.path for v in verdicts] == packets
    with DistrictDB(tmp_path / "district.sqlite") as db:
        assert db.counts()[0] == 4
        for verdict, packet in zip(verdicts, packets):  # each kept whole, nothing half written left
            assert db.packet_path(db.school(verdict.file_id)["sha256"]).read_bytes() == packet.read_bytes()
    assert sorted(p.suffix for p in (tmp_path / "packets").iterdir()) == [".json"] * 4


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    steps=st.lists(st.tuples(st.integers(0, 1), st.sampled_from(["add", "rename", "retire"])), min_size=1, max_size=3),
    order=st.randoms(use_true_random=False),
)
def test_import_twice_is_import_once(tmp_path_factory, steps, order):
    base = tmp_path_factory.mktemp("twice")
    schools = [small_school(base / f"s{n}.json", str(n + 1)) for n in range(2)]
    packets = [packet_of(s, base / "stick") for s in schools]
    for step, (which, action) in enumerate(steps):
        with Store.open(schools[which]) as store:
            teachers = store.sorted_teachers()
            if action == "add":  # a name of its own: after a retirement the count of teachers repeats
                store.save_teacher(Teacher(full_name=f"Кошулган {step}", association_id=teachers[0].association_id))
            elif action == "rename":
                teachers[0].full_name += " А."
                store.save_teacher(teachers[0])
            elif teachers[1:]:
                store.retire_teacher(teachers[-1].id, DEMO_DAY)
        packets.append(packet_of(schools[which], base / "stick"))
    order.shuffle(packets)
    once, twice = base / "once.sqlite", base / "twice.sqlite"
    imported(once, *packets)
    imported(twice, *packets)
    imported(twice, *packets)
    assert [x for x in dump(once) if "import_log" not in x and "schools" not in x] == \
        [x for x in dump(twice) if "import_log" not in x and "schools" not in x]
    with DistrictDB(twice) as db:
        before = dump(twice)
        assert db.counts()[0] == 2
    assert all(v.verdict in (IDENTICAL, OLDER) for v in imported(twice, *packets))
    assert dump(twice) == before


def test_district_export_reimported_gives_the_same_figures(demo_path, tmp_path):
    """Two packets and a school file come in; the export forwards all three (the school file as
    a packet made from its stored tables), and the region sees the same records and figures."""
    packets = [packet_of(demo_path, tmp_path / "stick"), packet_of(small_school(tmp_path / "s.json", "9"), tmp_path / "stick")]
    school_file = small_school(tmp_path / "f.json", "10")
    district = tmp_path / "district" / "district.sqlite"
    imported(district, *packets, school_file)
    (tmp_path / "forward").mkdir()
    with DistrictDB(district) as db:
        written = export_district(db, tmp_path / "forward")
        first = build_report(db, DEMO_DAY)
        file_ids = [row["file_id"] for row in db.schools()]
    assert len(written) == 3
    region = tmp_path / "region" / "district.sqlite"
    assert {v.verdict for v in imported(region, tmp_path / "forward")} == {NEW}
    imported(region, tmp_path / "forward")  # a school reached twice counts once
    with DistrictDB(region) as db:
        again = build_report(db, DEMO_DAY)
        # every record counted one by one by SQLite itself, against the tables' counts
        assert db.counts() == (3, db.conn.execute("SELECT count(*) FROM school_tables, json_each(body)").fetchone()[0])
    assert again.compliance.rows == first.compliance.rows and first.compliance.rows
    assert all(stored_tables(region, f) == stored_tables(district, f) for f in file_ids)
    assert any(row[3] != "—" for row in first.compliance.rows)


# --- bad packets -----------------------------------------------------------------------------------


def _reseal(value: dict) -> bytes:
    header = {k: v for k, v in value["header"].items() if k != "sha256"}
    header["sha256"] = sha256_text(canonical({"header": header, "tables": value["tables"]}))
    return json.dumps({"header": header, "tables": value["tables"]}, ensure_ascii=False).encode("utf-8")


def bad_packets(good: bytes, tmp_path: Path) -> dict[str, Path]:
    value = json.loads(good)
    cases: dict[str, bytes] = {
        "changed byte": good[:300] + bytes([good[300] ^ 1]) + good[301:],
        "bom+nan": b"\xef\xbb\xbf" + good.replace(b'"packet":1', b'"packet":NaN', 1),
        "duplicate keys": good.replace(b'{"header":{', b'{"header":{"format":"x",', 1),
        "deep nesting": b"[" * 5000 + b"]" * 5000,
        "not ubtui": b'{"hello": "world"}',
        "empty": b"",
    }
    newer = json.loads(good)
    newer["header"]["schema"] = 99
    cases["newer schema"] = _reseal(newer)
    unsound = json.loads(good)
    next(iter(unsound["tables"]["teachers"].values()))["birth_date"] = "2025-02-31"
    cases["unsound resealed"] = _reseal(unsound)
    for key in ("file_id", "generation"):
        edited = json.loads(good)
        edited["header"][key] = "00000000-0000-4000-8000-000000000000" if key == "file_id" else 99
        cases[f"header {key} edited"] = json.dumps(edited, ensure_ascii=False).encode("utf-8")
    paths = {}
    tmp_path.mkdir(exist_ok=True)
    for name, data in cases.items():
        path = tmp_path / (name.replace(" ", "-") + ".ubtui.json")
        path.write_bytes(data)
        paths[name] = path
    assert value["header"]["format"] == "ubtui-packet"
    return paths


@pytest.fixture
def district_with_one(tmp_path):
    school = small_school(tmp_path / "s.json", "3")
    good = packet_of(school, tmp_path / "stick")
    db_path = tmp_path / "d" / "district.sqlite"
    imported(db_path, packet_of(small_school(tmp_path / "other.json", "4"), tmp_path / "other"))
    return good, db_path


def test_each_bad_packet_exits_1_with_one_line_and_changes_nothing(district_with_one, tmp_path, capsys):
    good, db_path = district_with_one
    cases = bad_packets(good.read_bytes(), tmp_path / "bad")
    huge = tmp_path / "bad" / "huge.ubtui.json"
    with open(huge, "wb") as handle:  # sparse: the cap refuses it before reading
        handle.truncate(200 * 1024 * 1024)
    cases["200 MB"] = huge
    from ubtui.store.packet import _as_school_document, soundness_problems

    resealed = json.loads(cases["unsound resealed"].read_bytes())
    assert soundness_problems(_as_school_document(resealed["header"], resealed["tables"]))  # the case is really unsound
    before = dump(db_path)
    for name, path in cases.items():
        code = cli.main(["district", "--district-db", str(db_path), "import", str(path)])
        captured = capsys.readouterr()
        lines = captured.err.strip().splitlines()
        assert code == 1, name
        assert len(lines) == 1 and path.name in lines[0] and "Traceback" not in captured.err, (name, captured.err)
        assert captured.out == "", name
        assert dump(db_path) == before, name
        assert cli.main(["check", str(path)]) == 1, name
        capsys.readouterr()


def test_every_truncation_is_refused(district_with_one, tmp_path):
    good, db_path = district_with_one
    data = good.read_bytes()
    folder = tmp_path / "cut"
    folder.mkdir()
    assert data.endswith(b"}\n")  # cutting only the last newline leaves the whole packet
    end = len(data) - 1
    cuts = sorted(set(range(0, end, max(1, end // 150))) | {end - 1, end - 2})
    for cut in cuts:
        (folder / f"{cut:06d}.ubtui.json").write_bytes(data[:cut])
    before = dump(db_path)
    verdicts = imported(db_path, folder)
    assert len(verdicts) == len(cuts) and all(v.verdict == REFUSED and v.reason for v in verdicts)
    assert dump(db_path) == before


def test_a_school_file_is_accepted_like_a_packet(tmp_path):
    school = small_school(tmp_path / "s.json", "8")
    db_path = tmp_path / "district.sqlite"
    [verdict] = imported(db_path, school)
    assert verdict.verdict == NEW
    received = read_received(build_packet(schoolfile.read(school), full=True, now=NOW))
    assert stored_tables(db_path, received.file_id) == received.tables
    with DistrictDB(db_path) as db:
        assert db.school(received.file_id)["kind"] == "school"


def test_a_tables_text_is_one_text_however_the_file_came(demo_path, tmp_path):
    """A packet as exported gives each table's text as the file holds it; a packet laid out
    otherwise (sealed the same), and the school file itself, give the table written out. The
    texts are the same, so a school that came both ways is "identical", not changed."""
    from ubtui.district.importer import _tables
    from ubtui.store.packet import _seal

    data = build_packet(schoolfile.read(demo_path), full=True, now=NOW)
    as_exported = read_received(data)
    assert as_exported.texts is not None and len(as_exported.texts) == len(as_exported.tables) > 5
    value = json.loads(data)
    spaced = json.dumps(value, ensure_ascii=False, indent=1).encode("utf-8")
    laid_out_otherwise = read_received(spaced)
    assert laid_out_otherwise.texts is None
    assert _seal(value["header"], value["tables"]) == value["header"]["sha256"]
    school_file = read_received(demo_path.read_bytes())
    tables = _tables(as_exported)
    assert tables == _tables(laid_out_otherwise)
    assert sorted(tables) == sorted(_tables(school_file))
    assert all(json.loads(text) == as_exported.tables[t] and n == len(as_exported.tables[t]) for t, n, text in tables)
    assert sum(n for _t, n, _text in tables) == as_exported.records() > 300
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.ubtui.json").write_bytes(spaced)
    (tmp_path / "in" / "b.ubtui.json").write_bytes(data)
    first, second = imported(tmp_path / "district.sqlite", tmp_path / "in")
    assert (first.verdict, second.verdict) == (NEW, IDENTICAL)


def test_check_district_database(tmp_path, capsys):
    db_path = tmp_path / "district.sqlite"
    imported(db_path, packet_of(small_school(tmp_path / "s.json", "8"), tmp_path / "stick"))
    assert cli.main(["check", str(db_path)]) == 0
    assert capsys.readouterr().out.startswith("OK: ")
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(db_path.read_bytes()[:100] + b"\xff" * 3000)
    assert cli.main(["check", str(broken)]) == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


# --- kill -9 during an import ----------------------------------------------------------------------

KILL_ROUNDS = 50


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_kill_during_import_leaves_before_or_after(tmp_path):
    stick = tmp_path / "stick"
    base = small_school(tmp_path / "base.json", "1", teachers=1)
    document = schoolfile.read(base)
    stick.mkdir()
    for n in range(100):  # a hundred schools: the same records under other file_ids
        copy = json.loads(json.dumps(document))
        copy["meta"]["1"]["file_id"] = f"00000000-0000-4000-8000-{n:012d}"
        (stick / f"school-{n:03d}.ubtui.json").write_bytes(build_packet(copy, full=False, now=NOW))
    empty = tmp_path / "empty" / "district.sqlite"
    imported(empty)
    per_school = sum(len(t) for k, t in document.items() if k != "meta")
    rng = random.Random(13)
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    states = set()
    has_proc = Path("/proc/self/environ").exists()
    took = 0.5
    for round_ in range(KILL_ROUNDS):
        work = tmp_path / f"r{round_}"
        work.mkdir()
        db_path = work / "district.sqlite"
        shutil.copy(empty, db_path)
        started = time.monotonic()
        mark = f"UBTUI_TEST_KILL_ROUND={tmp_path.name}-{round_}"
        process = subprocess.Popen(
            [sys.executable, "-m", "ubtui", "district", "--district-db", str(db_path), "import", str(stick)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(env, UBTUI_TEST_KILL_ROUND=mark.split("=")[1]),
        )
        if round_ == 0:  # the first round runs to the end: how long a whole import takes
            assert process.wait(60) == 0
            took = time.monotonic() - started
        else:
            time.sleep(rng.uniform(0.2, took * 1.1))
            process.send_signal(signal.SIGKILL)
            process.wait(10)
        conn = sqlite3.connect(db_path)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            schools = conn.execute("SELECT count(*) FROM schools").fetchone()[0]
            records = conn.execute("SELECT count(*) FROM school_tables, json_each(body)").fetchone()[0]
        finally:
            conn.close()
        assert (schools, records) in {(0, 0), (100, 100 * per_school)}, round_
        states.add(schools)
        if has_proc:  # the next writable open keeps the packets the database took, and no part
            deadline = time.monotonic() + 10
            while _processes_marked(mark) and time.monotonic() < deadline:  # the workers go with it
                time.sleep(0.05)
            DistrictDB(db_path, writable=True).close()
            kept = sorted(p.name for p in (work / "packets").iterdir()) if (work / "packets").exists() else []
            assert len(kept) == (100 if schools else 0) and all(name.endswith(".ubtui.json") for name in kept), round_
        shutil.rmtree(work)
    assert 100 in states  # at least the full round got through


def _processes_marked(mark: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if mark.encode() in (entry / "environ").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


@pytest.mark.skipif(not Path("/proc/self/environ").exists() or (os.cpu_count() or 1) < 2,
                    reason="reads /proc to find the workers, which need two processors")
def test_the_workers_go_when_the_import_is_killed(tmp_path):
    """Killed with -9, the import leaves no worker behind (they waited on its queue for ever)."""
    stick = tmp_path / "stick"
    document = schoolfile.read(small_school(tmp_path / "base.json", "1", teachers=1))
    stick.mkdir()
    for n in range(200):
        copy = json.loads(json.dumps(document))
        copy["meta"]["1"]["file_id"] = f"00000000-0000-4000-8000-{n:012d}"
        (stick / f"school-{n:03d}.ubtui.json").write_bytes(build_packet(copy, full=False, now=NOW))
    mark = f"UBTUI_TEST_MARK={os.getpid()}-{time.monotonic_ns()}"
    env = dict(os.environ, PYTHONIOENCODING="utf-8", UBTUI_TEST_MARK=mark.split("=", 1)[1])
    env.pop("UBTUI_IMPORT_WORKERS", None)
    process = subprocess.Popen([sys.executable, "-m", "ubtui", "district", "--district-db", str(tmp_path / "d.sqlite"),
                                "import", str(stick)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        deadline = time.monotonic() + 30
        while len(_processes_marked(mark)) < 2 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.02)
        workers = [pid for pid in _processes_marked(mark) if pid != process.pid]
        assert workers, "the import started no worker (or ended first)"
    finally:
        process.kill()
        process.wait(10)
    deadline = time.monotonic() + 10
    while _processes_marked(mark) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _processes_marked(mark) == []


def test_report_pdf_and_csv_carry_the_figures_in_both_languages(demo_path, tmp_path, capsys):
    from pypdf import PdfReader

    from ubtui import i18n
    from ubtui.district.report import report_csv, report_pdf

    db_path = tmp_path / "district.sqlite"
    imported(db_path, packet_of(demo_path, tmp_path / "stick"))
    expect = tmp_path / "expected.txt"
    expect.write_text("12; Токтогул\n99; Жок мектеп\n", encoding="utf-8")
    assert cli.main(["district", "--district-db", str(db_path), "expect", str(expect)]) == 0
    capsys.readouterr()
    for language, title in (("ky", "Усулдук бирикмелер боюнча райондук жыйынтык"), ("ru", "Сводка района")):
        i18n.set_language(language)
        with DistrictDB(db_path) as db:
            report = build_report(db, DEMO_DAY)
        held = [row[3] for row in report.compliance.rows]
        assert report.missing.rows == [["99", "Жок мектеп"]]
        text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(__import__("io").BytesIO(report_pdf(report, DEMO_DAY))).pages)
        assert title in text and "Жок мектеп" in text and all(h in text for h in held)
        csv_text = report_csv(report)
        assert csv_text.count("\n") == len(report.compliance.rows) + 1 and held[0] in csv_text


def test_a_school_read_for_a_day_gives_the_figures_of_all_its_records(demo_path, tmp_path):
    """The report and the views read a school for a day (of its sessions, lesson events and plan
    items only the current year's; for the courses list only four tables): the figures are those
    of every record read."""
    from ubtui.district.views import compliance_rows, district_compliance, load_school, overdue_teachers

    db_path = tmp_path / "district.sqlite"
    imported(db_path, demo_path)
    with DistrictDB(db_path) as db:
        [row] = db.schools()
        whole, of_the_day = load_school(db, row), load_school(db, row, today=DEMO_DAY)
        assert len(of_the_day.of("sessions")) < len(whole.of("sessions"))  # the other year's are left out
        assert 0 < len(of_the_day.of("plan_items")) < len(whole.of("plan_items"))
        assert of_the_day.of("teachers") == whole.of("teachers")
        assert compliance_rows(of_the_day, DEMO_DAY) == compliance_rows(whole, DEMO_DAY)
        assert district_compliance(db, DEMO_DAY) == compliance_rows(whole, DEMO_DAY)
        assert any(r.figures is not None and r.figures.plan is not None for r in compliance_rows(whole, DEMO_DAY))
        overdue = overdue_teachers(db, DEMO_DAY)
        assert overdue, "the demo has teachers overdue for courses"
        from ubtui.domain.compliance import courses_overdue

        late = courses_overdue(whole.of("teachers"), whole.of("courses"), DEMO_DAY, whole.settings.rules)
        assert sorted(t.teacher for t in overdue) == sorted(t.full_name for t in late)


def test_district_figures_are_the_home_screens(demo_path, demo_store, tmp_path):
    """One rule, one place: the district's row of an association says what its home screen says."""
    from ubtui.district.views import compliance_rows, each_school
    from ubtui.i18n import _
    from ubtui.store.overview import overview

    db_path = tmp_path / "district.sqlite"
    imported(db_path, demo_path)
    with DistrictDB(db_path) as db:
        [school] = list(each_school(db))
        rows = {row.association: row.figures for row in compliance_rows(school, DEMO_DAY)}
    year = demo_store.current_year(DEMO_DAY)
    assert rows and year is not None
    for association in demo_store.sorted_associations():
        home = {f.label: f.value for f in overview(demo_store, year, association, DEMO_DAY)}
        f = rows[association.name]
        assert home[_("Sessions held")].startswith(f"{f.sessions.held} / {f.sessions.required}")
        assert home[_("Practical seminars held")] == f"{f.sessions.seminars} / {f.sessions.seminars_required}"
        assert home[_("Decisions overdue")] == str(f.sessions.overdue)


def test_what_the_system_refuses_is_said_in_the_users_words(tmp_path, capsys):
    """A missing list of schools, a report into a path under a file, a folder without packets:
    one translated line each, without the system's English; the database unchanged."""
    from ubtui import i18n
    from ubtui.i18n import _

    db_path = tmp_path / "district.sqlite"
    imported(db_path, packet_of(small_school(tmp_path / "s.json", "6"), tmp_path / "stick"))
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    (tmp_path / "folder.ubtui.json").mkdir()
    english = [os.strerror(code) for code in (2, 20, 21)]
    try:
        for language in ("ky", "ru"):
            i18n.set_language(language)
            runs = [
                (["--lang", language, "district", "--district-db", str(db_path), "expect", str(tmp_path / "none.txt")],
                 _("{path} does not exist.").format(path=tmp_path / "none.txt")),
                (["--lang", language, "district", "--district-db", str(db_path), "report", "-o", str(blocker / "report.txt")],
                 _("{path}: a part of this path is a file, not a folder.").format(path=blocker / "report.txt")),
            ]
            for argv, said in runs:
                code = cli.main(argv)
                err = capsys.readouterr().err.strip()
                assert code != 0 and len(err.splitlines()) == 1, (argv, err)
                assert said in err and not any(text in err for text in english), err
            before = sqlite3.connect(db_path).execute("SELECT count(*) FROM import_log").fetchone()
            for dry in ([], ["--dry-run"]):  # a folder without a packet: said, and the database unchanged
                argv = ["--lang", language, "district", "--district-db", str(db_path), "import", *dry, str(tmp_path / "folder.ubtui.json")]
                assert cli.main(argv) == 1
                out = capsys.readouterr()
                assert not out.out and out.err.strip().splitlines() == ["ubtui: " + _(
                    "No packet was found in {path}: a packet's name ends in .json.").format(path=tmp_path / "folder.ubtui.json")]
            assert sqlite3.connect(db_path).execute("SELECT count(*) FROM import_log").fetchone() == before
    finally:
        i18n.set_language("ky")


def test_the_schools_are_listed_with_their_numbers_counted_as_numbers(tmp_path):
    from ubtui.district.views import sorted_schools

    db_path = tmp_path / "district.sqlite"
    imported(db_path, *[packet_of(small_school(tmp_path / f"s{n}.json", n), tmp_path / "stick") for n in ("12", "2", "1")])
    with DistrictDB(db_path) as db:
        assert [row["name"] for row in sorted_schools(db)] == ["Мектеп 1", "Мектеп 2", "Мектеп 12"]


# --- the database's own layout -----------------------------------------------------------------------


def _as_schema_1(source: Path, target: Path) -> None:
    """The district of `source` as ubtui wrote it with schema 1: a row per record."""
    from ubtui.district.db import MIGRATIONS
    from ubtui.store.jsonio import member_texts

    old = sqlite3.connect(target)
    new = sqlite3.connect(source)
    try:
        old.executescript(MIGRATIONS[0])
        for name in ("schools", "import_log", "expected"):
            rows = new.execute(f"SELECT * FROM {name}").fetchall()
            if rows:
                old.executemany(f"INSERT INTO {name} VALUES ({', '.join('?' * len(rows[0]))})", rows)
        for file_id, table, text in new.execute("SELECT file_id, tbl, body FROM school_tables"):
            old.executemany("INSERT INTO records (file_id, tbl, id, doc_id, body) VALUES (?, ?, ?, ?, ?)",
                            [(file_id, table, record["id"], doc, body) for doc, body, record in member_texts(text)])
        old.execute("PRAGMA user_version = 1")
        old.commit()
    finally:
        old.close()
        new.close()


def test_a_district_database_of_schema_1_is_brought_up_to_date(demo_path, tmp_path, capsys):
    """A district imported by the ubtui that kept a row per record is migrated on its first
    open, read-only too (the report): the same tables, texts and figures; the same packet
    again is "identical", a newer one replaces with the right counts."""
    school = small_school(tmp_path / "s.json", "5", teachers=3)
    stick = tmp_path / "stick"
    packets = [packet_of(demo_path, stick), packet_of(school, stick)]
    today = tmp_path / "today" / "district.sqlite"
    imported(today, *packets)
    with DistrictDB(today) as db:
        tables = {row["file_id"]: sorted(db.tables(row["file_id"])) for row in db.schools()}
        report = build_report(db, DEMO_DAY)
    older = tmp_path / "older" / "district.sqlite"
    older.parent.mkdir()
    _as_schema_1(today, older)
    with DistrictDB(older) as db:  # read-only: migrated first
        assert db.conn.execute("PRAGMA user_version").fetchone()[0] == 2
        assert {row["file_id"]: sorted(db.tables(row["file_id"])) for row in db.schools()} == tables
        assert build_report(db, DEMO_DAY) == report
        assert db.integrity() == "ok"
        assert not db.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'records'").fetchone()
        assert db.conn.execute("PRAGMA freelist_count").fetchone()[0] == 0  # the old rows' room given back
    assert [v.verdict for v in imported(older, *packets)] == [IDENTICAL, IDENTICAL]
    with Store.open(school) as store:
        teachers = store.sorted_teachers()
        store.delete_teacher(teachers[0].id)
        store.save_teacher(Teacher(full_name="Жаңы Мугалим", association_id=teachers[1].association_id))
    [replaced] = imported(older, packet_of(school, tmp_path / "later"))
    assert (replaced.verdict, replaced.added, replaced.changed, replaced.removed) == (REPLACED, 1, 1, 1)


def test_a_new_district_database_has_pages_for_big_texts(tmp_path):
    from ubtui.district.db import PAGE_SIZE

    db_path = tmp_path / "district.sqlite"
    imported(db_path, packet_of(small_school(tmp_path / "s.json", "3"), tmp_path / "stick"))
    with DistrictDB(db_path) as db:
        assert db.conn.execute("PRAGMA page_size").fetchone()[0] == PAGE_SIZE > 4096


@pytest.mark.parametrize("damage", ["not json", "count"])
def test_a_damaged_table_is_found_by_check_and_stops_a_replacing_import(tmp_path, capsys, damage):
    """A table's text changed behind ubtui's back: `ubtui check` says which, and an import that
    would replace the school stops with one line and changes nothing."""
    from ubtui.i18n import set_language

    school = small_school(tmp_path / "s.json", "4", teachers=2)
    db_path = tmp_path / "district.sqlite"
    imported(db_path, packet_of(school, tmp_path / "a"))
    conn = sqlite3.connect(db_path)
    with conn:
        if damage == "not json":
            conn.execute("UPDATE school_tables SET body = substr(body, 1, 20) WHERE tbl = 'teachers'")
        else:
            conn.execute("UPDATE school_tables SET records = records + 1 WHERE tbl = 'teachers'")
    conn.close()
    assert cli.main(["check", str(db_path)]) == 1
    [line] = capsys.readouterr().err.strip().splitlines()
    assert "teachers" in line and "Traceback" not in line
    with Store.open(school) as store:
        store.delete_teacher(store.sorted_teachers()[0].id)
    newer = packet_of(school, tmp_path / "b")
    before = dump(db_path)
    if damage == "not json":
        try:
            assert cli.main(["--lang", "ru", "district", "--district-db", str(db_path), "import", str(newer)]) == 1
        finally:
            set_language("ky")
        [line] = capsys.readouterr().err.strip().splitlines()
        assert "повреждена таблица" in line and "ubtui check" in line and "Traceback" not in line
        assert dump(db_path) == before
