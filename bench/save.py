"""Save: one saved edit through the Store at 10x the demo data vs a bare write (DESIGN.md §9).

The school file is the demo school (`ubtui.demo.fill`) with the records of every table
but `meta` and `settings` copied SCALE times over (new ids), so tables later issues add
to the demo (teachers, courses, …) are multiplied too.

One edit = get one association, change its name, `store.associations.save(...)`: the
whole path the app takes (validation, TinyDB update, render with generation and sha256,
tmp file, flush, fsync, os.replace, fsync of the folder).  The baseline is
`json.dumps(the same dict, ensure_ascii=False)` (the file is UTF-8, as the store writes
it) + write + flush + fsync, in the same folder.  The day's backup happens once a day,
so it is made by an untimed first edit, and the store's clock is held on that day.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import median, result_line, verdict

BUDGET = 2.0
UNTOUCHED = ("meta", "settings")
NAMED = ("name", "full_name")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--runs", type=int, default=25, metavar="N", help="timed edits and bare writes each (default 25)")
    parser.add_argument("--warmup", type=int, default=2, metavar="N", help="untimed edits and writes after the first (default 2)")
    parser.add_argument("--scale", type=int, default=10, metavar="K", help="copies of the demo records (default 10)")
    parser.add_argument("--dir", type=Path, default=None, help="folder for the files (default: a new temporary folder)")
    parser.add_argument("--profile", action="store_true", help="also print where an edit's time goes (cProfile)")


def build_school(path: Path, scale: int, today: dt.date) -> dict[str, int]:
    """The demo school with every table but meta and settings copied `scale` times; the counts."""
    from ubtui.demo import fill
    from ubtui.domain.records import new_id
    from ubtui.store import Store

    with Store.open(path) as store:
        fill(store, today)
        document = store.school.document()
        with store.batch():
            for name, table in document.items():
                if name in UNTOUCHED:
                    continue
                copies = []
                for number in range(2, scale + 1):
                    for record in table.values():
                        twin = copy.deepcopy(record)
                        twin["id"] = new_id()
                        for key in NAMED:  # names stay unique, as validation wants them
                            if isinstance(twin.get(key), str) and twin[key]:
                                twin[key] = f"{twin[key]} ({number})"
                        copies.append(twin)
                store.school.db.table(name).insert_multiple(copies)
        return {name: len(table) for name, table in store.school.document().items() if name != "meta"}


def bare_write(path: Path, data: dict[str, Any]) -> None:
    """The baseline: what writing this data costs at the least."""
    with open(path, "wb") as handle:
        handle.write(json.dumps(data, ensure_ascii=False).encode("utf-8"))
        handle.flush()
        os.fsync(handle.fileno())


def run(args: argparse.Namespace) -> int:
    from ubtui.store import Store
    from ubtui.store.schoolfile import read

    runs, warmup, scale = max(1, args.runs), max(0, args.warmup), max(1, args.scale)
    folder = Path(tempfile.mkdtemp(prefix="ubtui-bench-save-", dir=args.dir))
    try:
        today = dt.date.today()
        school_path, bare_path = folder / "school.json", folder / "bare.json"
        counts = build_school(school_path, scale, today)
        store = Store.open(school_path)
        try:
            store.school.today = lambda: today  # one day: the daily backup is made once, below
            target = store.sorted_associations()[0]
            base_name = target.name

            def edit(number: int) -> None:
                association = store.associations.get(target.id)
                association.name = f"{base_name} {number}"
                store.associations.save(association)

            edit(0)  # makes the day's backup: not part of an edit's cost
            if not any((folder / "backups").glob("school_*.json")):
                print("save: FAILED: the first edit made no daily backup, so a timed edit might")
                return 1
            data = store.school.document()
            size = school_path.stat().st_size
            for number in range(1, warmup + 1):
                edit(number)
                bare_write(bare_path, data)
            store_times: list[float] = []
            bare_times: list[float] = []
            for index in range(runs):
                number = warmup + 1 + index
                for side in (("store", "bare") if index % 2 == 0 else ("bare", "store")):
                    start = time.perf_counter()
                    if side == "store":
                        edit(number)
                        store_times.append(time.perf_counter() - start)
                    else:
                        bare_write(bare_path, data)
                        bare_times.append(time.perf_counter() - start)
            last = f"{base_name} {warmup + runs}"
            if not any(doc.get("name") == last for doc in read(school_path)["associations"].values()):
                print("save: FAILED: the last edit is not in the file on disk")
                return 1
            if args.profile:
                _profile(edit, warmup + runs + 1)
        finally:
            store.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    ratio = median(store_times) / median(bare_times)
    records = sum(counts.values())
    tables = ", ".join(f"{name} {count}" for name, count in sorted(counts.items()))
    print(
        f"save: one saved edit through the Store vs bare json.dumps + write + flush + fsync of the same data; "
        f"{runs} of each, alternated, after an untimed first edit (the day's backup) and {warmup} warm-up(s)"
    )
    print(f"  data: the demo school x{scale}: {records} records ({tables}); file {size / 1024:.0f} KiB, in {folder.parent}")
    print(f"  store edit (association name)   median {median(store_times) * 1000:8.2f} ms  "
          f"(min {min(store_times) * 1000:.2f}, max {max(store_times) * 1000:.2f})")
    print(f"  bare dumps + write + fsync      median {median(bare_times) * 1000:8.2f} ms  "
          f"(min {min(bare_times) * 1000:.2f}, max {max(bare_times) * 1000:.2f})")
    print(f"  ratio {ratio:.2f}x, budget <= {BUDGET:.2f}x: {verdict(ratio, BUDGET)}")
    print(result_line("save", ratio, BUDGET))
    return 0


def _profile(edit, number: int) -> None:
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    for offset in range(20):
        edit(number + offset)
    profiler.disable()
    print("  where 20 edits' time goes (cProfile, cumulative):")
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.sort_stats("cumulative").print_stats(18)
