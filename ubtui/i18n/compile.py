"""Compile the `.po` catalogs into the `.mo` files that ubtui loads with `gettext`.

    python -m ubtui.i18n.compile           write <lang>/LC_MESSAGES/ubtui.mo from every <lang>/*.po
    python -m ubtui.i18n.compile --check   change nothing; exit 1 and say what is out of date

Every `.po` of a language's folder goes into one `.mo` (one file to open at start-up).  The
output depends only on the `.po` files: the entries sorted, no hash table, a header of four
fields (Content-Type, Language, the catalogs' own Plural-Forms, and X-Sources, a digest of
the `.po` files' names and bytes), so the same catalogs always give the same bytes, and a
changed, added or removed `.po` is seen without parsing anything.  Untranslated entries
(empty, blank or fuzzy) are left out, so gettext falls back to the English msgid for them.
A msgid in two files takes the later file's translation (a test forbids two different ones).
"""

from __future__ import annotations

import argparse
import hashlib
import struct
import sys
from pathlib import Path
from typing import Sequence

I18N_DIR = Path(__file__).resolve().parent
LANGUAGES = ("ky", "ru")
DOMAIN = "ubtui"
COMMAND = "python -m ubtui.i18n.compile"
DIGEST_FIELD = "X-Sources"


def mo_path(language: str, i18n_dir: Path = I18N_DIR) -> Path:
    return i18n_dir / language / "LC_MESSAGES" / f"{DOMAIN}.mo"


def po_files(language: str, i18n_dir: Path = I18N_DIR) -> list[Path]:
    return sorted((i18n_dir / language).glob("*.po"))


def sources_digest(paths: Sequence[Path]) -> str:
    """A digest of the catalogs' names and bytes (in name order)."""
    digest = hashlib.sha256()
    for path in sorted(paths, key=lambda p: p.name):
        data = path.read_bytes()
        digest.update(f"{path.name}\0{len(data)}\0".encode("utf-8"))
        digest.update(data)
    return digest.hexdigest()


class CatalogError(Exception):
    """The catalogs of a language cannot be compiled (said in one line)."""


def mo_bytes(pairs: dict[str, str], header: str) -> bytes:
    """A GNU `.mo` file (little-endian, revision 0, no hash table) of msgid → msgstr pairs."""
    table = {b"": header.encode("utf-8")}
    table.update((key.encode("utf-8"), value.encode("utf-8")) for key, value in pairs.items())
    keys = sorted(table)
    count = len(keys)
    originals_at = 7 * 4
    translations_at = originals_at + count * 8
    data_at = translations_at + count * 8
    index, data = [], bytearray()
    for key in keys:
        index.append((len(key), data_at + len(data)))
        data += key + b"\0"
    for key in keys:
        index.append((len(table[key]), data_at + len(data)))
        data += table[key] + b"\0"
    out = bytearray(struct.pack("<7I", 0x950412DE, 0, count, originals_at, translations_at, 0, data_at))
    for length, offset in index:
        out += struct.pack("<2I", length, offset)
    return bytes(out + data)


def compile_language(language: str, i18n_dir: Path = I18N_DIR) -> bytes:
    """The `.mo` of one language, from every `.po` of its folder."""
    from ubtui.i18n.po import read_po_file

    paths = po_files(language, i18n_dir)
    pairs: dict[str, str] = {}
    plural_forms: tuple[str, str] | None = None  # (value, file it came from)
    for path in paths:
        po = read_po_file(path)
        value = po.headers.get("Plural-Forms", "")
        if value and plural_forms is None:
            plural_forms = (value, path.name)
        elif value and " ".join(value.split()) != " ".join(plural_forms[0].split()):  # type: ignore[index]
            raise CatalogError(
                f"{language}/{path.name}: Plural-Forms differs from {plural_forms[1]}: "  # type: ignore[index]
                f"{value!r} vs {plural_forms[0]!r}"  # type: ignore[index]
            )
        for entry in po.entries:
            if entry.fuzzy or not entry.msgstr or not all(form.strip() for form in entry.msgstr):
                continue
            if entry.msgid_plural is not None:
                pairs[entry.msgid + "\0" + entry.msgid_plural] = "\0".join(entry.msgstr)
            else:
                pairs[entry.msgid] = entry.msgstr[0]
    header = f"Content-Type: text/plain; charset=UTF-8\nLanguage: {language}\n"
    if plural_forms:
        header += f"Plural-Forms: {plural_forms[0]}\n"
    header += f"{DIGEST_FIELD}: {sources_digest(paths)}\n"
    return mo_bytes(pairs, header)


def recorded_digest(path: Path) -> str | None:
    """The X-Sources digest in a compiled file's header (None when unreadable)."""
    import gettext

    try:
        with open(path, "rb") as stream:
            info = gettext.GNUTranslations(stream).info()
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    return info.get(DIGEST_FIELD.lower())


def problems(i18n_dir: Path = I18N_DIR, *, full: bool = False) -> list[str]:
    """What is out of date, one line each (empty when every `.mo` is in step with its `.po` files).

    The quick look compares the digest of the `.po` files with the one the `.mo` records;
    `full=True` also compiles them and compares the bytes."""
    found = []
    for language in LANGUAGES:
        path = mo_path(language, i18n_dir)
        name = _shown(path)
        sources = po_files(language, i18n_dir)
        if not path.exists():
            found.append(f"{name} is missing")
        elif recorded_digest(path) != sources_digest(sources):
            found.append(f"{name} is older than the .po files of {language}/ (one was changed, added or removed)")
        elif full and path.read_bytes() != compile_language(language, i18n_dir):
            found.append(f"{name} does not hold what {language}/*.po say")
    return found


def _shown(path: Path) -> str:
    """A path as the developer typed it: relative to the project folder when inside it."""
    try:
        return path.relative_to(Path(__file__).resolve().parent.parent.parent).as_posix()
    except ValueError:
        return str(path)


def compile_all(i18n_dir: Path = I18N_DIR) -> list[Path]:
    """Write each language's `.mo` when its content changed; the paths written."""
    written = []
    for language in LANGUAGES:
        path = mo_path(language, i18n_dir)
        data = compile_language(language, i18n_dir)
        if path.exists() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=COMMAND, description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a .mo is missing or out of date")
    args = parser.parse_args(argv)
    if args.check:
        found = problems(I18N_DIR, full=True)
        for line in found:
            print(line)
        if found:
            print(f"run `{COMMAND}` and commit the .mo files")
        return 1 if found else 0
    try:
        written = compile_all(I18N_DIR)
    except CatalogError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {_shown(path)}")
    if not written:
        print("the .mo files are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
