"""`python -m bench [startup|save|all] [options]`; without a name, the list of benchmarks."""

from __future__ import annotations

import argparse
import importlib
import sys

from bench import BENCHMARKS


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description="The budgets of DESIGN.md §9, as ratios.")
    commands = parser.add_subparsers(dest="name", metavar="BENCHMARK")
    for bench in BENCHMARKS:
        sub = commands.add_parser(bench.name, help=bench.summary)
        importlib.import_module(bench.module).add_arguments(sub)
    every = commands.add_parser("all", help="run every benchmark, one after the other")
    every.add_argument("--runs", type=int, default=None, metavar="N", help="runs of each side (default: each benchmark's own)")
    every.add_argument("--warmup", type=int, default=None, metavar="N", help="untimed runs first (default: each benchmark's own)")
    every.add_argument("--scale", type=int, default=None, metavar="K",
                       help="one scale for every benchmark (default: start-up and save at 1x, 10x and 100x the demo)")
    return parser


def list_benchmarks() -> None:
    print("Benchmarks (python -m bench NAME [--runs N]; python -m bench all):")
    width = max(len(b.name) for b in BENCHMARKS)
    for bench in BENCHMARKS:
        print(f"  {bench.name:<{width}}  {bench.summary}")


def run_all(args: argparse.Namespace) -> int:
    """Each benchmark in a fresh `python -m bench NAME` process: none inherits another's heap (a
    child's peak memory counts its parent's pages from the fork, and a 100x school loaded by
    the save benchmark made every later peak ~600 MiB)."""
    import subprocess

    worst = 0
    for index, bench in enumerate(b for b in BENCHMARKS if b.name != "make-school"):
        if index:
            print()
        module = importlib.import_module(bench.module)
        parser = argparse.ArgumentParser()
        module.add_arguments(parser)
        known = parser.parse_args([])
        options = [f"--{option}={getattr(args, option)}" for option in ("runs", "warmup")
                   if getattr(args, option) is not None and hasattr(known, option)]
        # Start-up and save at 1x, 10x and 100x the demo (each budget is at one of them), unless --scale says one.
        scales = [args.scale] if args.scale is not None or bench.name not in SCALED else SCALED[bench.name]
        for number, scale in enumerate(scales):
            if number:
                print()
            scaled = [f"--scale={scale}"] if scale is not None and hasattr(known, "scale") else []
            sys.stdout.flush()
            done = subprocess.run([sys.executable, "-m", "bench", bench.name, *options, *scaled])
            worst = max(worst, done.returncode)
    return worst


SCALED = {"startup": [1, 10, 100], "save": [1, 10, 100]}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.name is None:
        list_benchmarks()
        return 0
    if args.name == "all":
        return run_all(args)
    module = importlib.import_module(next(b.module for b in BENCHMARKS if b.name == args.name))
    return module.run(args)


if __name__ == "__main__":
    sys.exit(main())
