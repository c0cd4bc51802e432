"""Output through an old code page (a Windows pipe or console in cp1251 or cp866) never crashes:
what the code page cannot show (ң ө ү) is replaced, the rest reads."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from test_check_bad_files import GEN

ENCODINGS = ["cp1251", "cp866"]


def run(tmp_path: Path, encoding: str, *args: str) -> tuple[int, str, str]:
    env = dict(os.environ)
    state = tmp_path / "state"
    env.update(PYTHONIOENCODING=encoding, UBTUI_DB=str(tmp_path / "none.json"), XDG_STATE_HOME=str(state))
    env.pop("PYTHONUTF8", None)
    done = subprocess.run([sys.executable, "-m", "ubtui", *args], capture_output=True, env=env, timeout=120)
    assert not state.exists(), "an internal error was logged"
    out, err = done.stdout.decode(encoding), done.stderr.decode(encoding)
    assert "Traceback" not in out + err and "UnicodeEncodeError" not in out + err
    return done.returncode, out, err


@pytest.fixture
def school(tmp_path: Path) -> Path:
    """The good sample with two backups beside it (so `backup list` has Kyrgyz rows to print)."""
    path = tmp_path / "мектеп.json"
    path.write_bytes(GEN.good_bytes())
    folder = tmp_path / "backups"
    folder.mkdir()
    for day in ("2025-11-01", "2025-11-02"):
        shutil.copyfile(path, folder / f"мектеп_{day}.json")
    return path


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_help(tmp_path, encoding, lang):
    code, out, err = run(tmp_path, encoding, "--lang", lang, "--help")
    assert code == 0 and err == ""
    assert "ubtui" in out and "--db" in out and any("а" <= c <= "я" for c in out)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_check_of_a_good_file(tmp_path, school, encoding):
    code, out, err = run(tmp_path, encoding, "check", str(school))
    assert code == 0 and err == ""
    assert "Ала-Тоо" in out  # what the code page has is there as it is


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("name", ["full_name_number.json", "year_start_impossible.json"])
def test_check_of_an_unsound_file(tmp_path, encoding, name):
    code, out, err = run(tmp_path, encoding, "--lang", "ky", "check", str(GEN.UNSOUND_DIR / name))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and GEN.UNSOUND[name].field in err


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_check_of_a_damaged_file(tmp_path, encoding):
    code, out, err = run(tmp_path, encoding, "check", str(GEN.BAD_DIR / "truncated_in_letter.json"))
    assert code == 1 and out == "" and err.count("\n") == 1


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_backup_list(tmp_path, school, encoding):
    code, out, err = run(tmp_path, encoding, "--db", str(school), "backup", "list")
    assert code == 0 and err == ""
    assert "мектеп_2025-11-01.json" in out and "мектеп_2025-11-02.json" in out
