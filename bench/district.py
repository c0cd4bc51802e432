"""`python -m bench district`: import of 100 school packets vs `json.loads` of the same files.

What both sides do, in a child process each (time and peak memory measured inside it):
- bare: for each file, read its bytes and `json.loads` them. Nothing else.
- ubtui: open the district database, `district.importer.run_import` on the folder and close, as
  `ubtui district import DIR` runs them:
  per file a size check, the strict reader (duplicate keys, NaN, depth), the header's checksum,
  the school file's shape check, the soundness check of every record through the domain, the
  verdict against the database, every record written to SQLite (WAL, synchronous=FULL) and the
  packet kept under packets/ — all files in ONE transaction, committed at the end.  With several
  files and processors, worker processes read and check the files ahead (as the command does);
  the time is the wall clock the officer waits; the CPU time and the peak memory printed include
  the workers' (their own peak apart), so the one-core cost is in plain view.
  UBTUI_IMPORT_WORKERS=0 reads every file in the importing process, the one-core figure.

The packets: the demo school with its associations (and their teachers, courses, sessions,
plans and items) copied 7 times under new ids and names — a sound school of ~2,100 records —
exported 100 times under different file_ids: ~210k records, the ~200k of DESIGN §5.
The country (2,300 schools) is printed without a budget; by default at a tenth of the scale
(230 packets) and extrapolated linearly (the import is linear: one pass, one transaction).
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from bench import result_line, verdict

BUDGET = 3.0
TODAY = dt.date(2025, 11, 20)
NOW = dt.datetime(2025, 11, 20, 10, 0, tzinfo=dt.timezone.utc)
SHARED = ("meta", "settings", "years")  # one per school, not copied
NAMED = ("full_name", "name")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--packets", type=int, default=100, metavar="N", help="schools in the district (default 100)")
    parser.add_argument("--scale", "--copies", dest="scale", type=int, default=7, metavar="K",
                        help="copies of the demo's associations per school (default 7: ~2,100 records a school); "
                             "below 7 the country run is skipped")
    parser.add_argument("--country", type=int, default=230, metavar="N",
                        help="packets for the country run, extrapolated to 2,300 (default 230; 0 skips it)")
    parser.add_argument("--dir", type=Path, default=None, help="folder for the files (default: a new temporary folder)")
    parser.add_argument("--child", nargs=3, metavar=("SIDE", "DIR", "DB"), help=argparse.SUPPRESS)


def _replace_ids(value: Any, ids: dict[str, str]) -> Any:
    if isinstance(value, str):
        return ids.get(value, value)
    if isinstance(value, list):
        return [_replace_ids(v, ids) for v in value]
    if isinstance(value, dict):
        return {k: _replace_ids(v, ids) for k, v in value.items()}
    return value


def big_school(copies: int) -> dict[str, Any]:
    """The demo school document with everything but settings and years copied `copies` times."""
    from ubtui.demo import write_demo
    from ubtui.store import schoolfile

    folder = Path(tempfile.mkdtemp(prefix="ubtui-bench-district-"))
    try:
        document = schoolfile.read(write_demo(folder / "demo.json", today=TODAY))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    result = {name: dict(table) for name, table in document.items()}
    own_ids = {r["id"] for name, table in document.items() if name not in SHARED for r in table.values()}
    for number in range(2, copies + 1):
        ids = {old: str(uuid.uuid4()) for old in own_ids}
        for name, table in document.items():
            if name in SHARED:
                continue
            next_key = max((int(k) for k in result[name]), default=0) + 1
            for record in table.values():
                twin = _replace_ids(copy.deepcopy(record), ids)
                for key in NAMED:
                    if isinstance(twin.get(key), str) and twin[key] and name in ("teachers", "associations"):
                        twin[key] = f"{twin[key]} {number}"
                result[name][str(next_key)] = twin
                next_key += 1
    return result


def write_packets(document: dict[str, Any], folder: Path, count: int) -> tuple[int, int]:
    """`count` packets of the school under different file_ids; (records, bytes)."""
    from ubtui.store.packet import build_packet

    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    for n in range(count):
        document["meta"]["1"]["file_id"] = f"00000000-0000-4000-8000-{n:012d}"
        document["settings"][next(iter(document["settings"]))]["school_number"] = str(n + 1)
        data = build_packet(document, full=False, now=NOW)
        (folder / f"school-{n:04d}.ubtui.json").write_bytes(data)
        size += len(data)
    records = sum(len(t) for name, t in document.items() if name != "meta") * count
    return records, size


def a_term_later(document: dict[str, Any]) -> dict[str, Any]:
    """The school's file a term on: one generation newer, a tenth of its sessions edited and
    twenty plan items gone (each packet replaces its school: added, changed, removed)."""
    later = copy.deepcopy(document)
    later["meta"]["1"]["generation"] = int(later["meta"]["1"].get("generation", 0)) + 1
    for n, key in enumerate(sorted(later["sessions"], key=int)):
        if n % 10 == 0:
            later["sessions"][key]["place"] = "каб. 12"
    for key in sorted(later["plan_items"], key=int)[:20]:
        del later["plan_items"][key]
    return later


def _peak_mib(who: int = resource.RUSAGE_SELF) -> float:
    peak = resource.getrusage(who).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / (1024 * 1024)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def child(side: str, folder: Path, db_path: Path) -> None:
    """Runs in a fresh interpreter: one side, its time and peak memory as JSON on stdout."""
    files = sorted(folder.glob("*.json"))
    cpu = time.process_time() + _children_cpu()
    if side == "bare":
        started = time.perf_counter()
        for path in files:
            json.loads(path.read_bytes())
        seconds = time.perf_counter() - started
        extra: dict[str, Any] = {}
    elif side == "import":
        from ubtui.district.db import DistrictDB
        from ubtui.district.importer import _workers_for, run_import

        started = time.perf_counter()  # the open and the close too: the officer waits for them
        db = DistrictDB(db_path, writable=True)
        try:
            verdicts = run_import(db, [folder])
            seconds = time.perf_counter() - started
            records = db.counts()[1]
        finally:
            closing = time.perf_counter()
            db.close()
            seconds += time.perf_counter() - closing
        refused = [v.line() for v in verdicts if not v.accepted]
        extra = {"accepted": sum(1 for v in verdicts if v.accepted), "refused": refused[:3], "records": records,
                 "first": f"{verdicts[0].verdict}: {verdicts[0].added} added, {verdicts[0].changed} changed, "
                          f"{verdicts[0].removed} removed" if verdicts else "",
                 "worker_peak_mib": _peak_mib(resource.RUSAGE_CHILDREN), "workers": _workers_for(len(files))}
    else:  # report
        from ubtui.district.db import DistrictDB
        from ubtui.district.report import build_report, report_text

        with DistrictDB(db_path) as db:
            started = time.perf_counter()
            text = report_text(build_report(db, TODAY))
            seconds = time.perf_counter() - started
        extra = {"chars": len(text)}
    print(json.dumps({"seconds": seconds, "cpu": time.process_time() + _children_cpu() - cpu, "peak_mib": _peak_mib(),
                      **extra}))


def _run_child(side: str, folder: Path, db_path: Path) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-m", "bench.district", side, str(folder), str(db_path)],
                         capture_output=True, text=True, env=dict(os.environ, PYTHONIOENCODING="utf-8"))
    if out.returncode != 0:
        raise SystemExit(f"bench district: the {side} side failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _best(run: Any, times: int = 5) -> tuple[float, Any]:
    """The fastest of `times` runs (the first in a process pays for its memory) and the last result."""
    best, result = float("inf"), None
    for _ in range(times):
        started = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - started)
    return best, result


def _breakdown(path: Path) -> str:
    """Where one packet's time goes (in this process, the best of five runs each)."""
    from ubtui.store.jsonio import loads_strict
    from ubtui.store.packet import _as_school_document, read_received, soundness_problems

    data = path.read_bytes()
    bare, _value = _best(lambda: json.loads(data))
    strict, value = _best(lambda: loads_strict(data))
    document = _as_school_document(value["header"], value["tables"])
    sound, _problems = _best(lambda: soundness_problems(document))
    whole, _received = _best(lambda: read_received(data))
    return (f"one packet: json.loads {bare * 1000:.0f} ms; strict reader {strict * 1000:.0f} ms; soundness check "
            f"{sound * 1000:.0f} ms; the whole reader (with seal and shape) {whole * 1000:.0f} ms")


def _db_size(db_path: Path) -> int:
    return sum(p.stat().st_size for p in db_path.parent.glob(db_path.name + "*") if p.is_file())


def run(args: argparse.Namespace) -> int:
    if args.child:
        side, folder, db = args.child
        child(side, Path(folder), Path(db))
        return 0
    from bench.startup import byte_compile_ubtui
    from ubtui.store.packet import soundness_problems

    byte_compile_ubtui()  # as installed: each worker process imports ubtui afresh
    base = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="ubtui-bench-district-"))
    try:
        document = big_school(args.scale)
        problems = soundness_problems(document)
        if problems:
            raise SystemExit(f"bench district: the scaled school is not sound: {problems[0]}")
        per_school = sum(len(t) for name, t in document.items() if name != "meta")
        print("district import (DESIGN §9: <= 3x json.loads of the same files, one transaction)")
        print(f"  data: the demo school with its associations copied {args.scale}x = {per_school} records a school;")
        records, size = write_packets(document, base / "district", args.packets)
        os.sync()  # the packets on disk before the import's fsyncs: a stick's files were written days ago
        print(f"        {args.packets} packets under different file_ids: {records} records, {size / 2**20:.0f} MiB")
        db_path = base / "d" / "district.sqlite"
        bare = _run_child("bare", base / "district", db_path)
        ours = _run_child("import", base / "district", db_path)
        if ours["accepted"] != args.packets:
            raise SystemExit(f"bench district: only {ours['accepted']} packets accepted: {ours['refused']}")
        report = _run_child("report", base / "district", db_path)
        write_packets(a_term_later(document), base / "later", args.packets)
        os.sync()
        later = _run_child("import", base / "later", db_path)
        ratio = ours["seconds"] / bare["seconds"]
        print(f"  bare json.loads:   {bare['seconds']:.2f} s (CPU {bare['cpu']:.2f} s), peak {bare['peak_mib']:.0f} MiB")
        workers = (f"{ours['workers']} worker processes reading ahead (peak {ours['worker_peak_mib']:.0f} MiB each)"
                   if ours["workers"] else "read in the one process")
        print(f"  ubtui import:      {ours['seconds']:.2f} s (CPU {ours['cpu']:.2f} s, workers' included), peak "
              f"{ours['peak_mib']:.0f} MiB, {workers}; {ours['records']} records in SQLite, database "
              f"{_db_size(db_path) / 2**20:.0f} MiB")
        print(f"  ratio {ratio:.2f}x (budget {BUDGET:.1f}x): {verdict(ratio, BUDGET)}; CPU time "
              f"{ours['cpu'] / bare['cpu']:.2f}x (the CPU of every process; one core would take about that long)")
        print("  " + _breakdown(next(iter(sorted((base / "district").glob("*.json"))))))
        print(f"  district report ({args.packets} schools): {report['seconds']:.2f} s, peak {report['peak_mib']:.0f} MiB")
        print(f"  a term later (no budget): the {args.packets} schools again, each newer ({later['first']}): "
              f"{later['seconds']:.2f} s, {later['seconds'] / bare['seconds']:.2f}x")
        if args.country and args.scale < 7:
            print("country: skipped below the full scale (--scale 7)")
        elif args.country:
            shutil.rmtree(base / "district")
            shutil.rmtree(base / "later")
            shutil.rmtree(base / "d")
            factor = 2300 / args.country
            records, size = write_packets(document, base / "country", args.country)
            os.sync()
            country_db = base / "c" / "district.sqlite"
            big = _run_child("import", base / "country", country_db)
            big_report = _run_child("report", base / "country", country_db)
            db_size = _db_size(country_db)
            print(f"country (no budget): {args.country} packets, {records} records, {size / 2**20:.0f} MiB of packets"
                  + ("" if factor == 1 else f"; extrapolated x{factor:.1f} to 2,300 schools"))
            print(f"  import {big['seconds']:.1f} s (2,300: ~{big['seconds'] * factor / 60:.1f} min), "
                  f"peak {big['peak_mib']:.0f} MiB (per file, so about the same at 2,300), "
                  f"database {db_size / 2**20:.0f} MiB (2,300: ~{db_size * factor / 2**30:.1f} GiB)")
            print(f"  report {big_report['seconds']:.1f} s (2,300: ~{big_report['seconds'] * factor:.0f} s), "
                  f"peak {big_report['peak_mib']:.0f} MiB")
        print(result_line("district-import", ratio, BUDGET))
        return 0
    finally:
        if not args.dir:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) == 4:  # a child: SIDE DIR DB
        child(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        parser = argparse.ArgumentParser(prog="python -m bench.district")
        add_arguments(parser)
        sys.exit(run(parser.parse_args()))
