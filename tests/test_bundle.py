"""The offline bundle (tools/make_bundle.py): built once per test session for Linux and Windows,
Python 3.10-3.12; installed on Linux with the network cut; the Windows bundles' contents; the
lock file against pyproject; the first-steps guide in both languages.

The `network` tests download the pinned wheels once into one folder for the whole session."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ubtui import i18n

PROJECT = Path(__file__).resolve().parent.parent
PYTHONS = ["3.10", "3.11", "3.12"]
PLATFORMS = ["linux-x86_64", "win-amd64", "win32"]
HERE_PYTHON = "%d.%d" % sys.version_info[:2]


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


make_bundle = _load("make_bundle", PROJECT / "tools" / "make_bundle.py")


@pytest.fixture(scope="session")
def wheel_cache(tmp_path_factory) -> Path:
    """One download folder for the session; skips when the package index cannot be reached."""
    cache = tmp_path_factory.mktemp("wheels")
    probe = subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "-d", str(cache),
         "--platform", "win32", "--python-version", "3.10", "--implementation", "cp", "--abi", "cp310",
         "--timeout", "20", "--retries", "1", "--disable-pip-version-check", "-q", "charset-normalizer==3.5.3"],
        capture_output=True, text=True,
    )
    if probe.returncode != 0:
        last = (probe.stderr.strip().splitlines() or ["pip download failed"])[-1]
        pytest.skip(f"the package index is unreachable (pip download: {last})")
    return cache


@pytest.fixture(scope="session")
def bundle(wheel_cache, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bundle") / "stick"
    code = make_bundle.main([str(out), "--platform", *PLATFORMS, "--python", *PYTHONS, "--cache", str(wheel_cache)])
    assert code == 0
    return out


# --- the lock file ------------------------------------------------------------------------------


def _requirements() -> list:
    from importlib.metadata import requires

    from packaging.requirements import Requirement

    return [Requirement(text) for text in requires("ubtui") or [] if "extra ==" not in text]


def test_the_lock_pins_every_dependency_within_pyproject() -> None:
    pins = {pin.name: pin.version for pin in make_bundle.read_lock()}
    wrong = []
    for requirement in _requirements():
        name = make_bundle.normalise(requirement.name)
        if name not in pins:
            wrong.append(f"{name} is not in requirements/runtime.lock")
        elif not requirement.specifier.contains(pins[name], prereleases=True):
            wrong.append(f"{name}=={pins[name]} is outside pyproject's {requirement.specifier}")
    assert not wrong, "; ".join(wrong)
    textual = next(r for r in _requirements() if r.name == "textual")
    assert str(textual.specifier) == f"=={pins['textual']}", "textual must stay the version pyproject pins"
    assert "pip" in pins  # the installers run pip from its wheel


def test_a_bad_lock_line_and_a_full_folder_are_refused(tmp_path: Path) -> None:
    lock = tmp_path / "bad.lock"
    lock.write_text("textual>=8\n", encoding="utf-8")
    with pytest.raises(make_bundle.BundleError, match="bad.lock:1: not a pin"):
        make_bundle.read_lock(lock)
    (tmp_path / "stick").mkdir()
    (tmp_path / "stick" / "photo.jpg").write_bytes(b"x")
    assert make_bundle.main([str(tmp_path / "stick"), "--platform", "win32"]) == 1
    assert [p.name for p in (tmp_path / "stick").iterdir()] == ["photo.jpg"]


# --- the first-steps guide -----------------------------------------------------------------------


def test_the_guide_has_the_steps_in_both_languages(tmp_path: Path, monkeypatch, capsys) -> None:
    import io

    from pypdf import PdfReader

    from ubtui import cli
    from ubtui.reports import guide

    monkeypatch.setenv("UBTUI_DB", str(tmp_path / "no-school-yet.json"))
    target = tmp_path / "guide.pdf"
    assert cli.main(["print", "guide", "-o", str(target)]) == 0  # no school file is needed
    assert not (tmp_path / "no-school-yet.json").exists()
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(target.read_bytes())).pages]
    assert len(pages) == 2
    for page, language in zip(pages, guide.LANGUAGES):
        catalog = i18n.catalog(language)
        for heading, steps in guide.STEPS:
            for msgid in (heading, *steps):
                assert msgid in catalog, f"{msgid!r} has no {language} translation"
                words = " ".join(catalog[msgid][0].split())
                assert words[:40] in page, f"{language}: {words[:40]!r} is not on its page"
        assert "ubtui --demo" in page
    assert "Мугалим кошуу" in pages[0] and "Как добавить учителя" in pages[1]
    assert "Add a teacher" not in pages[0] + pages[1]
    assert i18n.get_language() == "ky"


# --- the bundle (network) --------------------------------------------------------------------------


def _pins():
    return make_bundle.read_lock()


@pytest.mark.network
def test_the_windows_bundles_have_a_wheel_of_every_pin_for_each_python(bundle: Path) -> None:
    wheels = [p.name for p in (bundle / "wheels").glob("*.whl")]
    missing = []
    for platform in ("win-amd64", "win32"):
        for python in PYTHONS:
            target = make_bundle.Target(platform, python)
            for pin in _pins():
                if not any(make_bundle._matches(name, pin, target.tags()) for name in wheels):
                    missing.append(f"{pin.name}=={pin.version} for {target.label}")
    assert not missing, "no wheel: " + "; ".join(missing)
    assert any(name.startswith("pillow-") and name.endswith("-win32.whl") for name in wheels)


@pytest.mark.network
def test_install_bat_names_only_files_in_the_bundle(bundle: Path) -> None:
    data = (bundle / "install.bat").read_bytes()
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")  # CRLF for cmd.exe
    text = data.decode("utf-8")
    named = re.findall(r"%HERE%([^\"\s]+)", text)
    assert "requirements.txt" in named and any(n.startswith("wheels\\pip-") for n in named)
    for name in named:
        path = bundle / name.replace("\\", "/")
        if path.name == "pip" and path.parent.suffix == ".whl":  # pip runs from inside its wheel
            path = path.parent
        assert path.exists(), f"install.bat names {name}, which is not in the bundle"
    assert "chcp 65001" in text and "PYTHONUTF8=1" in text and "--require-hashes" in text and "--no-index" in text
    assert re.search(r"CreateShortcut\(\[Environment\]::GetFolderPath\('Desktop'\)", text)


@pytest.mark.network
def test_a_pin_without_a_wheel_is_named(wheel_cache: Path, tmp_path: Path) -> None:
    lock = tmp_path / "runtime.lock"
    lock.write_text("tinydb==4.9.0\npillow==0.0.1\npip==26.3\n", encoding="utf-8")
    with pytest.raises(make_bundle.BundleError, match=r"pillow==0\.0\.1 has no wheel for win32 / Python 3\.10"):
        make_bundle.make_bundle(tmp_path / "stick", ["win32"], ["3.10"], cache=wheel_cache, lock=lock)


def _schema1_file(path: Path) -> bytes:
    old = _load("migration_members_for_bundle", PROJECT / "tests" / "test_migration_members.py")
    path.parent.mkdir(parents=True, exist_ok=True)
    return old.write_schema1(path)


def _no_network() -> list[str]:
    """`unshare -n` (a new network namespace with no interface) where it works here, else nothing."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-n", "true"], capture_output=True).returncode == 0:
        return [unshare, "-n"]
    return []


@pytest.mark.network
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="install.sh is for Linux")
@pytest.mark.skipif(HERE_PYTHON not in PYTHONS, reason=f"the bundle is made for Python {PYTHONS}")
def test_install_sh_installs_with_the_network_cut_and_an_old_file_is_migrated_after_a_backup(
    bundle: Path, tmp_path: Path
) -> None:
    from ubtui.store import migrations
    from ubtui.store.jsonio import loads_strict

    home = tmp_path / "home"
    program = tmp_path / "program"
    (program / "venv-0.0.1").mkdir(parents=True)  # an older version installed before
    school = home / ".local" / "share" / "ubtui" / "ubtui.json"
    before = _schema1_file(school)
    # The PC's python3: this interpreter's base (not its virtual environment), alone on PATH.
    bin_dir = tmp_path / "system-bin"
    bin_dir.mkdir()
    base = Path(sys.base_prefix) / "bin" / f"python{HERE_PYTHON}"
    (bin_dir / f"python{HERE_PYTHON}").symlink_to(base if base.exists() else Path(sys._base_executable))
    env = {"HOME": str(home), "PATH": f"{bin_dir}:/usr/bin:/bin", "LANG": "C.UTF-8"}
    cut = _no_network()

    result = subprocess.run([*cut, "sh", str(bundle / "install.sh"), str(program)], env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    launcher = home / ".local" / "bin" / "ubtui"
    assert launcher.exists() and os.access(launcher, os.X_OK)
    desktop = (home / ".local" / "share" / "applications" / "ubtui.desktop").read_text(encoding="utf-8")
    assert "Terminal=true" in desktop and str(launcher) in desktop
    assert sorted(p.name for p in program.iterdir()) == ["venv-0.1.0"]  # the old program went
    assert school.read_bytes() == before  # installing never touches the school file

    def installed(*args: str, **extra: str) -> subprocess.CompletedProcess:
        return subprocess.run([*cut, str(launcher), *args], env={**env, **extra}, capture_output=True,
                              text=True, timeout=120, stdin=subprocess.DEVNULL)

    version = installed("--version")
    assert version.returncode == 0 and version.stdout.strip() == "ubtui 0.1.0", version.stderr
    check = installed("check", str(bundle / "demo" / "ubtui-demo.json"))
    assert check.returncode == 0, check.stderr
    assert installed("--lang", "ru", "--help").stdout.startswith("использование: ubtui")  # the .mo is in the wheel

    # The next start of the new version migrates the older file, after a backup of it.
    started = installed(UBTUI_EXIT_WHEN_READY="1", TERM="xterm")
    assert started.returncode == 0, started.stderr
    assert migrations.schema_of(loads_strict(school.read_bytes())) == migrations.SCHEMA
    backups = sorted((school.parent / "backups").glob("ubtui_*_schema1*.json"))
    assert [b.read_bytes() for b in backups] == [before]
