"""`ubtui --version` prints one line with the package's version (DESIGN §8)."""

import subprocess
import sys

from ubtui import __version__


def test_version_is_one_line_with_the_package_version() -> None:
    done = subprocess.run([sys.executable, "-m", "ubtui", "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines == [f"ubtui {__version__}"]
