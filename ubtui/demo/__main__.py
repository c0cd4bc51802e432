"""`python -m ubtui.demo [PATH] [--today YYYY-MM-DD]`: regenerate the demo fixture for the tests."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ubtui.demo import write_demo

parser = argparse.ArgumentParser(prog="python -m ubtui.demo")
parser.add_argument("path", nargs="?", default="fixtures/demo_school.json")
parser.add_argument("--today", default="2025-11-20", help="the day the demo is built for (the tests' DEMO_DAY)")
args = parser.parse_args()
target = Path(args.path)
target.unlink(missing_ok=True)
write_demo(target, today=dt.date.fromisoformat(args.today))
print(target)
