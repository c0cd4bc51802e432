"""The core never loads the screen: every module of domain/, store/, reports/ (and the demo)
imported in a fresh interpreter leaves `textual` out of sys.modules."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import ubtui

CORE = ("ubtui.domain", "ubtui.store", "ubtui.reports", "ubtui.district", "ubtui.demo", "ubtui.i18n")


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(ubtui.__path__, "ubtui."):
        if info.name.startswith(CORE) and not info.name.endswith("__main__"):
            names.append(info.name)
    return names


def test_the_core_is_found():
    names = core_modules()
    assert {"ubtui.domain.teachers", "ubtui.store.schoolfile", "ubtui.reports.pdf", "ubtui.district.db"} <= set(names)


@pytest.mark.parametrize("package", CORE)
def test_core_packages_do_not_load_textual(package):
    modules = [m for m in core_modules() if m == package or m.startswith(package + ".")]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(bad[:5]); sys.exit(1 if bad else 0)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, f"{package} loads textual: {done.stdout}{done.stderr}"


def test_the_first_screen_imports_only_what_it_draws() -> None:
    """Starting the TUI (the command line's parser built, the app imported) loads neither ReportLab,
    the district's database and import, nor the packet, the check or tabulate.  (The backups are
    loaded: the first save of a day makes one, and it must not wait for an import.)"""
    left_out = ("reportlab", "ubtui.district.db", "ubtui.district.importer", "ubtui.store.packet",
                "ubtui.store.check", "tabulate", "sqlite3", "filelock")
    code = ("import sys, ubtui.cli, ubtui.app; ubtui.cli.build_parser(); "
            "print(' '.join(m for m in sys.modules if m.startswith(%r)))" % (left_out,))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == []
