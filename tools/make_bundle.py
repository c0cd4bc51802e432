"""Make the offline bundle of ubtui: a folder to copy onto a USB stick that installs ubtui on
Linux and Windows school computers with no network.

    python tools/make_bundle.py OUTDIR [--platform linux-x86_64|win-amd64|win32 ...]
                                       [--python 3.10|3.11|3.12 ...] [--python-installer FILE ...]

Run it from the project's virtual environment on a computer that reaches the package index.
It builds the ubtui wheel, downloads the wheels of every pin in requirements/runtime.lock for
each target (platform × Python) with `pip download --only-binary=:all:`, and writes

    wheels/              ubtui's wheel and every dependency's, for every target
    requirements.txt     each pin with the sha256 of each of its wheels (pip --require-hashes)
    install.sh           Linux: sh install.sh
    install.bat          Windows: double-click
    README-install.txt   the steps, in Kyrgyz and Russian
    ubtui-guide.pdf      the first-steps guide (ubtui print guide)
    demo/ubtui-demo.json the demo school (ubtui demo)
    python/              the Python installers given with --python-installer

A pin without a wheel for a target stops it with the pin's name and the target.
`--cache DIR` keeps the downloads in DIR and reuses them (the default is a folder in OUTDIR
that is deleted at the end).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

PROJECT = Path(__file__).resolve().parent.parent
TEMPLATES = Path(__file__).resolve().parent / "bundle"
LOCK = PROJECT / "requirements" / "runtime.lock"

# The wheels' platform tags each target takes (pip takes older manylinux tags for a newer glibc,
# so a manylinux2014 machine (glibc 2.17) is served by manylinux2014, 2010, 1 and 2_5 wheels).
PLATFORMS = {
    "linux-x86_64": [
        "manylinux2014_x86_64", "manylinux_2_17_x86_64", "manylinux2010_x86_64", "manylinux_2_12_x86_64",
        "manylinux1_x86_64", "manylinux_2_5_x86_64",
    ],
    "win-amd64": ["win_amd64"],
    "win32": ["win32"],
}
PYTHONS = ("3.10", "3.11", "3.12")


class BundleError(Exception):
    """Said in one line, and the tool exits 1."""


@dataclass(frozen=True)
class Pin:
    name: str  # normalised (PEP 503): lower case, runs of -_. as "-"
    version: str


@dataclass(frozen=True)
class Target:
    platform: str
    python: str

    @property
    def label(self) -> str:
        return f"{self.platform} / Python {self.python}"

    def tags(self) -> set[str]:
        """Every `python-abi-platform` tag a wheel for this target may carry."""
        major, minor = (int(part) for part in self.python.split("."))
        cp = f"cp{major}{minor}"
        platforms = PLATFORMS[self.platform]
        found = {f"{cp}-{abi}-{plat}" for abi in (cp, "abi3", "none") for plat in platforms}
        found |= {f"cp3{m}-abi3-{plat}" for m in range(2, minor) for plat in platforms}
        for interpreter in [f"py{major}{minor}", f"py{major}"] + [f"py{major}{m}" for m in range(0, minor)]:
            found |= {f"{interpreter}-none-{plat}" for plat in [*platforms, "any"]}
        found.add(f"{cp}-none-any")
        return found


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_lock(path: Path = LOCK) -> list[Pin]:
    pins = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        match = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([A-Za-z0-9.!+_-]+)", line)
        if not match:
            raise BundleError(f"{path}:{number}: not a pin (name==version): {raw.strip()}")
        pins.append(Pin(normalise(match.group(1)), match.group(2)))
    return pins


def wheel_tags(filename: str) -> tuple[str, str, set[str]]:
    """(normalised name, version, tags) of a wheel file name."""
    parts = filename[: -len(".whl")].split("-")
    if len(parts) not in (5, 6):
        raise BundleError(f"not a wheel file name: {filename}")
    name, version, python, abi, platform = parts[0], parts[1], parts[-3], parts[-2], parts[-1]
    tags = {f"{p}-{a}-{pl}" for p in python.split(".") for a in abi.split(".") for pl in platform.split(".")}
    return normalise(name), version, tags


def run(command: Sequence[str], *, what: str, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(list(command), capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise BundleError(f"{what} failed:\n{result.stdout[-2000:]}{result.stderr[-4000:]}")
    return result.stdout


def build_wheel(into: Path) -> Path:
    """ubtui's wheel, built from a clean copy of the sources (no stale build/ folder gets in)."""
    with tempfile.TemporaryDirectory(prefix="ubtui-src-") as tmp:
        source = Path(tmp) / "ubtui"
        source.mkdir()
        for name in ("pyproject.toml", "README.md"):
            shutil.copy2(PROJECT / name, source / name)
        shutil.copytree(PROJECT / "ubtui", source / "ubtui", ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.tmp"))
        run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(into), str(source)], what="building the ubtui wheel")
    wheels = sorted(into.glob("ubtui-*.whl"))
    if len(wheels) != 1:
        raise BundleError(f"expected one ubtui wheel in {into}, found {len(wheels)}")
    return wheels[0]


def download(pins: Sequence[Pin], target: Target, cache: Path) -> list[Path]:
    """The wheels of every pin for one target (downloaded into `cache`, or found there)."""
    major, minor = target.python.split(".")
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "-d", str(cache),
               "--python-version", target.python, "--implementation", "cp", "--abi", f"cp{major}{minor}",
               "--disable-pip-version-check", "-q"]
    for platform in PLATFORMS[target.platform]:
        command += ["--platform", platform]
    wanted = target.tags()
    chosen: list[Path] = []
    missing = []
    for pin in pins:
        have = [p for p in cache.glob("*.whl") if _matches(p.name, pin, wanted)]
        if have:
            chosen.append(max(have, key=lambda p: p.name))
        else:
            missing.append(pin)
    if missing:
        result = subprocess.run(command + [f"{p.name}=={p.version}" for p in missing], capture_output=True, text=True)
        if result.returncode != 0:  # one by one, to name the pin that has no wheel
            for pin in missing:
                one = subprocess.run(command + [f"{pin.name}=={pin.version}"], capture_output=True, text=True)
                if one.returncode != 0:
                    reason = (one.stderr.strip().splitlines() or ["pip failed"])[-1]
                    raise BundleError(f"{pin.name}=={pin.version} has no wheel for {target.label} ({reason})")
        for pin in missing:
            have = [p for p in cache.glob("*.whl") if _matches(p.name, pin, wanted)]
            if not have:
                raise BundleError(f"{pin.name}=={pin.version} has no wheel for {target.label}")
            chosen.append(max(have, key=lambda p: p.name))
    return chosen


def _matches(filename: str, pin: Pin, wanted: set[str]) -> bool:
    try:
        name, version, tags = wheel_tags(filename)
    except BundleError:
        return False
    return name == pin.name and version == pin.version and bool(tags & wanted)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def requirements_text(pins: Sequence[Pin], wheels: Path) -> str:
    lines = ["# Made by tools/make_bundle.py: every wheel in wheels/, by its sha256 (pip --require-hashes).\n"]
    for pin in pins:
        files = sorted(p for p in wheels.glob("*.whl") if _same_release(p.name, pin))
        if not files:
            raise BundleError(f"no wheel of {pin.name}=={pin.version} in {wheels}")
        hashes = "".join(f" \\\n    --hash=sha256:{sha256(p)}" for p in files)
        lines.append(f"{pin.name}=={pin.version}{hashes}\n")
    return "".join(lines)


def _same_release(filename: str, pin: Pin) -> bool:
    try:
        name, version, _tags = wheel_tags(filename)
    except BundleError:
        return False
    return name == pin.name and version == pin.version


def fill(template: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        template = template.replace(f"@{key}@", value)
    left = re.findall(r"@[A-Z_]+@", template)
    if left:
        raise BundleError(f"template placeholders left unfilled: {sorted(set(left))}")
    return template


def write_text(path: Path, text: str, *, crlf: bool = False, executable: bool = False) -> None:
    data = text.replace("\r\n", "\n")
    if crlf:
        data = data.replace("\n", "\r\n")
    path.write_bytes(data.encode("utf-8"))
    if executable:
        path.chmod(0o755)


def ubtui_run(arguments: Sequence[str], *, what: str) -> None:
    """Run this checkout's ubtui (for the demo school and the guide), away from the user's own school."""
    with tempfile.TemporaryDirectory(prefix="ubtui-run-") as tmp:
        env = dict(os.environ, UBTUI_DB=str(Path(tmp) / "unused.json"), PYTHONPATH=str(PROJECT))
        run([sys.executable, "-m", "ubtui", *arguments], what=what, env=env)


def make_bundle(
    out: Path,
    platforms: Sequence[str],
    pythons: Sequence[str],
    installers: Sequence[Path] = (),
    cache: Path | None = None,
    lock: Path = LOCK,
) -> Path:
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise BundleError(f"{out} is not empty: choose a new or empty folder")
    for installer in installers:
        if not Path(installer).is_file():
            raise BundleError(f"--python-installer: {installer} is not a file")
    pins = read_lock(lock)
    pip_pins = [p for p in pins if p.name == "pip"]
    if not pip_pins:
        raise BundleError(f"{lock} has no pin for pip (the installers run pip from its wheel)")
    targets = [Target(platform, python) for platform in platforms for python in pythons]

    out.mkdir(parents=True, exist_ok=True)
    wheels = out / "wheels"
    wheels.mkdir()
    own_cache = cache is None
    cache = Path(cache) if cache is not None else out / ".download"
    cache.mkdir(parents=True, exist_ok=True)
    try:
        for target in targets:
            for path in download(pins, target, cache):
                if not (wheels / path.name).exists():
                    shutil.copy2(path, wheels / path.name)
    finally:
        if own_cache:
            shutil.rmtree(cache, ignore_errors=True)
    ubtui_wheel = build_wheel(wheels)
    _name, version, _tags = wheel_tags(ubtui_wheel.name)
    all_pins = [*pins, Pin("ubtui", version)]
    write_text(out / "requirements.txt", requirements_text(all_pins, wheels))

    pip_wheel = sorted(p.name for p in wheels.glob("*.whl") if _same_release(p.name, pip_pins[0]))[0]
    values = {
        "VERSION": version,
        "PIP_WHEEL": pip_wheel,
        "PYTHONS": " ".join(pythons),
        "PYTHONS_NEWEST_FIRST": " ".join(sorted(pythons, key=lambda v: tuple(map(int, v.split("."))), reverse=True)),
        "PLATFORMS": ", ".join(platforms),
    }
    if "linux-x86_64" in platforms:
        write_text(out / "install.sh", fill((TEMPLATES / "install.sh").read_text(encoding="utf-8"), values), executable=True)
    if any(p.startswith("win") for p in platforms):
        write_text(out / "install.bat", fill((TEMPLATES / "install.bat").read_text(encoding="utf-8"), values), crlf=True)
    write_text(out / "README-install.txt", fill((TEMPLATES / "README-install.txt").read_text(encoding="utf-8"), values),
               crlf=any(p.startswith("win") for p in platforms))

    (out / "demo").mkdir()
    ubtui_run(["demo", str(out / "demo" / "ubtui-demo.json")], what="writing the demo school")
    ubtui_run(["print", "guide", "-o", str(out / "ubtui-guide.pdf")], what="printing the guide")
    if installers:
        (out / "python").mkdir()
        for installer in installers:
            shutil.copy2(installer, out / "python" / Path(installer).name)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python tools/make_bundle.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path, help="the bundle's folder (new or empty), e.g. the USB stick's")
    parser.add_argument("--platform", nargs="+", action="extend", choices=sorted(PLATFORMS),
                        help="targets (default: all three)")
    parser.add_argument("--python", nargs="+", action="extend", choices=PYTHONS,
                        help="Python versions of the targets (default: 3.10 3.11 3.12)")
    parser.add_argument("--python-installer", nargs="+", action="extend", type=Path, default=[], metavar="FILE",
                        help="a Python installer to put on the stick (python/), e.g. python-3.12.x-amd64.exe")
    parser.add_argument("--cache", type=Path, help="keep the downloaded wheels here and reuse them")
    parser.add_argument("--lock", type=Path, default=LOCK, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    platforms = list(dict.fromkeys(args.platform or PLATFORMS))
    pythons = list(dict.fromkeys(args.python or PYTHONS))
    try:
        out = make_bundle(args.outdir, platforms, pythons, args.python_installer, args.cache, args.lock)
    except BundleError as error:
        print(f"make_bundle: {error}", file=sys.stderr)
        return 1
    count = len(list((out / "wheels").glob("*.whl")))
    print(f"{out}: {count} wheels for {', '.join(platforms)} × Python {', '.join(pythons)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
