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
    every.add_argument("--scale", type=int, default=None, metavar="K", help="save: multiply the demo data by K (default 10)")
    return parser


def list_benchmarks() -> None:
    print("Benchmarks (python -m bench NAME [--runs N]; python -m bench all):")
    width = max(len(b.name) for b in BENCHMARKS)
    for bench in BENCHMARKS:
        print(f"  {bench.name:<{width}}  {bench.summary}")


def run_all(args: argparse.Namespace) -> int:
    worst = 0
    for index, bench in enumerate(b for b in BENCHMARKS if b.name != "make-school"):
        if index:
            print()
        parser = argparse.ArgumentParser()
        module = importlib.import_module(bench.module)
        module.add_arguments(parser)
        sub_args = parser.parse_args([])
        for option in ("runs", "warmup", "scale"):
            value = getattr(args, option)
            if value is not None and hasattr(sub_args, option):
                setattr(sub_args, option, value)
        sys.stdout.flush()
        worst = max(worst, module.run(sub_args))
    return worst


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
