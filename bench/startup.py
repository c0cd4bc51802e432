"""Start-up: `ubtui --demo` to its first screen vs a bare Textual app (DESIGN.md §9).

Both sides are the same kind of process, started the same way: a child on its own 80x24
pseudo-terminal (Textual draws only to a terminal), timed by this process from just
before the fork.  When is the first screen drawn?

- `--until settled` (the default): the child runs normally while its output is replayed
  on a small terminal model (bench/term.py); once its marker text is on screen and the
  terminal has then been quiet for SETTLE seconds, the screen is complete.  The first screen
  was drawn at the first moment the terminal showed that complete screen's text and kept it
  (a late change of colour only, e.g. the focus or the footer's highlight, does not move it:
  that was what made the old rule, the last change of any cell, jump by 100–150 ms).  Then
  it gets ctrl+q and quits.  Both apps are measured by the same outside rule, whatever
  their code does.

ubtui opens `--demo` (a fresh copy of the demo school) at `--scale 1`, and at `--scale N` a
school file of N times the demo made by `python -m bench make-school` (`ubtui --db FILE`:
the same file for every run, opened for writing as a person opens it; nothing is written).
The bare app is the same at every scale: what the school file costs is ubtui's to carry.
- `--until exit`: UBTUI_EXIT_WHEN_READY=1, each app calls exit() after the refresh that
  follows its on_mount (ubtui/app.py; bench/bare_app.py does the same); the first screen
  is drawn when Textual starts leaving application mode.  Textual 8's Footer fills in
  its keys one refresh later, so the bare app leaves before its Footer is drawn while
  ubtui (which pushes its home screen) gets further: this rule favours the bare app.

The peak memory is the child's own max RSS from os.wait4 (per child, not summed).  Runs
alternate between the two sides (ubtui first, then the bare app first, …) after untimed
warm-up runs that fill the page cache and the bytecode caches; medians are compared.
"""

from __future__ import annotations

import argparse
import os
import re
import select
import shutil
import signal
import struct
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench import median, result_line, verdict
from bench.term import Screen

BUDGET_TIME = 1.3
BUDGET_MEMORY = 1.3
BUDGET_TIME_10X, BUDGET_MEMORY_10X = 1.5, 1.6  # a school of 10x the demo (DESIGN §9); none is set beyond
COLUMNS, LINES = 80, 24
SETTLE = 0.5  # seconds of a quiet terminal that mean the screen is complete
TIMEOUT = 120.0  # seconds one child may take before it counts as hung
QUIT = b"\x11"  # ctrl+q: quits ubtui and a bare Textual app alike
_ESCAPES = re.compile(r"\x1b\[[0-9;?<>=$]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]")
# Textual's first write when it leaves application mode (bracketed paste off).
_SHUTDOWN = b"\x1b[?2004l"
_DROP_ENV = ("PYTHONPROFILEIMPORTTIME", "PYTHONTRACEMALLOC", "PYTHONDEVMODE", "PYTHONINSPECT", "COLUMNS", "LINES")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--runs", type=int, default=7, metavar="N", help="timed runs of each side (default 7)")
    parser.add_argument("--warmup", type=int, default=1, metavar="N", help="untimed runs of each side first (default 1)")
    parser.add_argument("--scale", type=int, default=1, metavar="N",
                        help="ubtui opens a school of N times the demo (default 1: ubtui --demo)")
    parser.add_argument(
        "--until",
        choices=("settled", "exit"),
        default="settled",
        help="when the first screen counts as drawn: the terminal settles (default), or UBTUI_EXIT_WHEN_READY's exit",
    )


@dataclass(frozen=True)
class Run:
    seconds: float  # to the first screen drawn
    exit_seconds: float  # to the end of the process
    max_rss: int  # bytes
    exit_code: int
    output: bytes

    def screen_text(self) -> str:
        return _text(self.output)


class ChildFailed(RuntimeError):
    pass


def _text(output: bytes) -> str:
    return _ESCAPES.sub("", output.decode("utf-8", "replace"))


def ubtui_command(school: Path | None = None) -> list[str]:
    """`ubtui --demo` (or `ubtui --db SCHOOL`) as installed beside this Python, else `python -m ubtui …`."""
    script = Path(sys.executable).with_name("ubtui.exe" if os.name == "nt" else "ubtui")
    tail = ["--demo"] if school is None else ["--db", str(school)]
    if script.is_file():
        return [str(script), *tail]
    return [sys.executable, "-m", "ubtui", *tail]


def bare_command() -> list[str]:
    return [sys.executable, str(Path(__file__).with_name("bare_app.py"))]


def child_env(scratch: Path, exit_when_ready: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL") and k not in _DROP_ENV}
    env["TERM"] = "xterm-256color"
    env.pop("UBTUI_EXIT_WHEN_READY", None)
    if exit_when_ready:
        env["UBTUI_EXIT_WHEN_READY"] = "1"
    # No school file of the person running the benchmark is read (cli looks for its language).
    env["UBTUI_DB"] = str(scratch / "absent" / "ubtui.json")
    return env


def run_on_pty(argv: list[str], env: dict[str, str], cwd: Path, marker: str | None = None) -> Run:
    """Run argv on a fresh COLUMNSxLINES pseudo-terminal: time to its first screen, its own peak RSS.

    With a marker, the first screen is drawn when the marker is on screen and the terminal
    then stays quiet for SETTLE seconds (the child is then sent ctrl+q); without one, when
    the child starts leaving application mode by itself.
    """
    import fcntl
    import pty
    import termios

    start = time.perf_counter()
    pid, master = pty.fork()
    if pid == 0:  # the child: size the terminal, then become the program
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
            os.chdir(cwd)
            os.execvpe(argv[0], argv, env)
        finally:
            os._exit(127)
    output = bytearray()
    screen = Screen(COLUMNS, LINES)
    ready: float | None = None
    last_output = start
    shown: list[tuple[float, str]] = []  # (when, the text on screen) at every visible change
    seen = False  # the marker is on screen
    deadline = start + TIMEOUT
    try:
        while True:  # drain the terminal so the child never blocks on a full buffer
            now = time.perf_counter()
            wait = deadline - now
            if marker is not None and seen and ready is None:
                wait = min(wait, last_output + SETTLE - now)
            readable, _, _ = select.select([master], [], [], max(0.0, wait))
            if not readable:
                if time.perf_counter() >= deadline:
                    os.kill(pid, signal.SIGKILL)
                    os.wait4(pid, 0)
                    raise ChildFailed(f"{' '.join(argv)} did not finish within {TIMEOUT:.0f} s")
                ready = _first_shown(shown) - start  # settled: the screen is complete
                os.write(master, QUIT)
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child has closed the terminal (it exited)
                break
            if not chunk:
                break
            output += chunk
            if marker is None:
                if ready is None and _SHUTDOWN in output:
                    ready = time.perf_counter() - start
            elif ready is None:
                last_output = time.perf_counter()
                if screen.feed(chunk):
                    text = screen.text()
                    shown.append((last_output, text))
                    seen = seen or marker in text
        _, status, usage = os.wait4(pid, 0)
        seconds = time.perf_counter() - start
    finally:
        os.close(master)
    # ru_maxrss is in KiB on Linux, in bytes on macOS.
    max_rss = usage.ru_maxrss if sys.platform == "darwin" else usage.ru_maxrss * 1024
    code = os.waitstatus_to_exitcode(status)
    if ready is None:
        tail = _text(bytes(output)).strip()[-500:]
        raise ChildFailed(f"{' '.join(argv)} ended (exit code {code}) before its first screen was drawn:\n{tail}")
    return Run(ready, seconds, max_rss, code, bytes(output))


def _first_shown(shown: list[tuple[float, str]]) -> float:
    """When the screen's final text was first on it, to stay: the start of the last run of
    changes that all showed that text."""
    final = shown[-1][1]
    when = shown[-1][0]
    for moment, text in reversed(shown):
        if text != final:
            break
        when = moment
    return when


def _check(run: Run, argv: list[str], marker: str) -> None:
    if run.exit_code != 0:
        tail = run.screen_text().strip()[-500:]
        raise ChildFailed(f"{' '.join(argv)} exited with {run.exit_code}:\n{tail}")
    if marker not in run.screen_text():
        raise ChildFailed(f"{' '.join(argv)} exited without drawing its first screen (no “{marker}” on it)")


def _fmt_time(values: list[float]) -> str:
    return f"{median(values):.3f} s ({min(values):.3f}–{max(values):.3f})"


def _fmt_mem(values: list[int]) -> str:
    mib = [v / 2**20 for v in values]
    return f"{median(mib):.1f} MiB ({min(mib):.1f}–{max(mib):.1f})"


def byte_compile_ubtui() -> str:
    """ubtui's modules byte-compiled, as an install leaves them: pip compiles what it installs (Textual
    came so), and install.sh runs compileall.  A checkout's editable install compiles on first import
    only, and not at all under PYTHONDONTWRITEBYTECODE=1 (set on some machines): then every start
    would compile ubtui from source, ~60 ms the bare app, byte-compiled, does not pay."""
    import compileall

    import ubtui

    folder = Path(ubtui.__file__).parent
    compileall.compile_dir(str(folder), quiet=2, workers=1)
    return str(folder)


def measure(runs: int, warmup: int, until: str, scale: int = 1) -> tuple[dict[str, list[Run]], dict[str, list[str]]]:
    from ubtui.demo import people

    byte_compile_ubtui()

    markers = {"ubtui": people.SCHOOL["school_name"], "bare": "bare Textual app"}
    results: dict[str, list[Run]] = {"ubtui": [], "bare": []}
    scratch = Path(tempfile.mkdtemp(prefix="ubtui-bench-startup-"))
    try:
        school = None
        if scale > 1:
            # Made in a child: a child of this process counts this process's pages in its peak until
            # it execs, so this process stays small (a 100x school in memory here would be in both peaks).
            import subprocess

            school = scratch / f"school-x{scale}.json"
            subprocess.run([sys.executable, "-m", "bench", "make-school", "--scale", str(scale), str(school)],
                           check=True, stdout=subprocess.DEVNULL)
        commands = {"ubtui": ubtui_command(school), "bare": bare_command()}
        env = child_env(scratch, exit_when_ready=until == "exit")
        for index in range(warmup + runs):
            order = ("ubtui", "bare") if index % 2 == 0 else ("bare", "ubtui")
            for side in order:
                run = run_on_pty(commands[side], env, scratch, None if until == "exit" else markers[side])
                _check(run, commands[side], markers[side])
                if index >= warmup:
                    results[side].append(run)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return results, commands


def run(args: argparse.Namespace) -> int:
    if os.name != "posix":
        print("startup: this benchmark needs a POSIX pseudo-terminal (Linux, macOS); it cannot run here.")
        return 1
    runs, warmup = max(1, args.runs), max(0, args.warmup)
    rule = (
        f"the last change on screen, then {SETTLE:.1f} s without output"
        if args.until == "settled"
        else "UBTUI_EXIT_WHEN_READY=1, exit() after the first refresh"
    )
    scale = max(1, args.scale)
    budget_time, budget_memory = (BUDGET_TIME, BUDGET_MEMORY) if scale < 10 else (BUDGET_TIME_10X, BUDGET_MEMORY_10X)
    what = "ubtui --demo" if scale == 1 else f"ubtui --db FILE, a school of {scale}x the demo (bench make-school)"
    print(
        f"startup: process start to first screen drawn ({rule}), on an {COLUMNS}x{LINES} pseudo-terminal; "
        f"{runs} timed run(s) of each side, alternated, after {warmup} warm-up run(s) each"
    )
    print(f"  ubtui side: {what}, from process start to its home screen; bare side: a Textual app with a Header, "
          f"a DataTable of 50 rows and a Footer, the same way to its first screen; both byte-compiled as installed "
          f"(ubtui's modules compiled here first, as pip and install.sh compile them)")
    sys.stdout.flush()
    try:
        results, commands = measure(runs, warmup, args.until, max(1, args.scale))
    except ChildFailed as error:
        print(f"startup: FAILED: {error}")
        return 1
    ubtui_time = [r.seconds for r in results["ubtui"]]
    bare_time = [r.seconds for r in results["bare"]]
    ubtui_mem = [r.max_rss for r in results["ubtui"]]
    bare_mem = [r.max_rss for r in results["bare"]]
    time_ratio = median(ubtui_time) / median(bare_time)
    mem_ratio = median(ubtui_mem) / median(bare_mem)
    rows = [
        ("", "to first screen, median (min–max)", "peak RSS, median (min–max)"),
        ("ubtui" + (" --demo" if scale == 1 else f" x{scale}"), _fmt_time(ubtui_time), _fmt_mem(ubtui_mem)),
        ("bare Textual app", _fmt_time(bare_time), _fmt_mem(bare_mem)),
        ("ratio", f"{time_ratio:.2f}x", f"{mem_ratio:.2f}x"),
        ("budget", f"<= {budget_time:.2f}x", f"<= {budget_memory:.2f}x"),
        ("", verdict(time_ratio, budget_time), verdict(mem_ratio, budget_memory)),
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        print("  " + "   ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
    print(f"  commands: {' '.join(commands['ubtui'])}  |  {' '.join(commands['bare'])}")
    if scale > 10:
        print("  (DESIGN §9 sets no budget beyond 10x the demo: the 10x budgets are shown for reference)")
    suffix = "" if scale == 1 else f"-x{scale}"
    print(result_line("startup-time" + suffix, time_ratio, budget_time))
    print(result_line("startup-memory" + suffix, mem_ratio, budget_memory))
    return 0
