"""Find the translatable strings of ubtui and compare them with the catalogs.

    python -m ubtui.i18n.extract                 write ubtui/i18n/ubtui.pot, report what is missing
    python -m ubtui.i18n.extract --update core   also append the missing msgids to <lang>/core.po
    python -m ubtui.i18n.extract --check         exit 1 if anything is missing or untranslated

The code is read with `ast`, never imported: a msgid is the string literal
argument of `_()`, `gettext()`, `N_()` (also as `i18n._` etc.), or the first two
arguments of `ngettext()`.  Existing catalog entries are never rewritten; new ones
are appended with an empty msgstr and `#:` references for the translator.
"""

from __future__ import annotations

import argparse
import ast
import datetime as _dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from ubtui.i18n.po import Entry, read_po

I18N_DIR = Path(__file__).resolve().parent
PACKAGE_DIR = I18N_DIR.parent
PROJECT_DIR = PACKAGE_DIR.parent
TEMPLATE = I18N_DIR / "ubtui.pot"

SINGULAR_FUNCTIONS = frozenset({"_", "gettext", "N_"})
PLURAL_FUNCTIONS = frozenset({"ngettext"})

LANGUAGE_NAMES_EN = {"ky": "Kyrgyz", "ru": "Russian"}
PLURAL_FORMS = {
    "ky": "nplurals=1; plural=0;",
    "ru": (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : "
        "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
    ),
}
NPLURALS = {"ky": 1, "ru": 3}

_BRACE_FIELD = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)(?:[!:][^{}]*)?\}(?!\})")
_PERCENT_FIELD = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[diouxXeEfFgGcrsa%]")


@dataclass
class Message:
    """One msgid found in the code, with where it was found."""

    msgid: str
    msgid_plural: str | None = None
    references: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class Warning_:
    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text}"


def _function_name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _literal(node: ast.expr) -> str | None:
    # Implicit concatenation ("a" "b") is already one Constant in the tree.
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _computed(node: ast.expr) -> bool:
    """A string built at run time (`f"..."`, `"a" + b`, `"%s" % x`, `"{}".format(x)`): never in a catalog."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return any(_literal(side) is not None or isinstance(side, ast.JoinedStr) for side in (node.left, node.right))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr == "format" and _literal(node.func.value) is not None
    return False


def extract_source(source: str, relpath: str) -> tuple[list[tuple[str, str | None, int]], list[Warning_]]:
    """The (msgid, msgid_plural, line) triples of one module's source, and warnings."""
    found: list[tuple[str, str | None, int]] = []
    warnings: list[Warning_] = []
    tree = ast.parse(source, filename=relpath)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _function_name(node.func)
        if name in SINGULAR_FUNCTIONS and node.args:
            text = _literal(node.args[0])
            if text is not None:
                if text:
                    found.append((text, None, node.lineno))
            elif _computed(node.args[0]):
                warnings.append(Warning_(relpath, node.lineno, f"{name}() of a computed string is never translated"))
        elif name in PLURAL_FUNCTIONS and len(node.args) >= 2:
            singular, plural = _literal(node.args[0]), _literal(node.args[1])
            if singular and plural is not None:
                found.append((singular, plural, node.lineno))
            elif _computed(node.args[0]) or _computed(node.args[1]):
                warnings.append(Warning_(relpath, node.lineno, f"{name}() of a computed string is never translated"))
    found.sort(key=lambda item: item[2])
    return found, warnings


def source_files(package_dir: Path = PACKAGE_DIR) -> list[Path]:
    return sorted(p for p in package_dir.rglob("*.py") if "__pycache__" not in p.parts)


def collect(
    package_dir: Path = PACKAGE_DIR,
    *,
    base: Path | None = None,
    warnings: list[Warning_] | None = None,
) -> dict[str, Message]:
    """Every msgid under `package_dir`, in order of first appearance (file, then line)."""
    base = package_dir.parent if base is None else base
    messages: dict[str, Message] = {}
    for path in source_files(package_dir):
        relpath = path.relative_to(base).as_posix()
        try:
            found, problems = extract_source(path.read_text(encoding="utf-8"), relpath)
        except SyntaxError as error:  # a file being edited right now: say so, go on
            if warnings is not None:
                warnings.append(Warning_(relpath, error.lineno or 0, f"not parsed: {error.msg}"))
            continue
        if warnings is not None:
            warnings.extend(problems)
        for msgid, plural, line in found:
            message = messages.setdefault(msgid, Message(msgid))
            if plural is not None:
                message.msgid_plural = plural
            message.references.append((relpath, line))
    return messages


# --- writing .po syntax ----------------------------------------------------------

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _quote(text: str) -> str:
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 32:
            out.append(f"\\{ord(char):03o}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def po_string(keyword: str, text: str) -> str:
    """`keyword "text"`, split after each newline the way gettext's tools do."""
    pieces = text.splitlines(keepends=True)
    if len(pieces) <= 1:
        return f"{keyword} {_quote(text)}\n"
    return f'{keyword} ""\n' + "".join(_quote(piece) + "\n" for piece in pieces)


def brace_fields(text: str) -> list[str]:
    """The `{name}` placeholders of a str.format message, sorted."""
    return sorted(_BRACE_FIELD.findall(text))


def percent_fields(text: str) -> list[str]:
    """The `%s`, `%(name)r` … directives of a %-format message, sorted (`%%` excluded)."""
    return sorted(m for m in _PERCENT_FIELD.findall(text) if m != "%%")


def format_entry(message: Message, nplurals: int, *, with_references: bool = True) -> str:
    lines = []
    if with_references:
        refs = [f"{path}:{line}" for path, line in message.references]
        # one reference per line keeps the lines short and diffs readable
        lines.extend(f"#: {ref}\n" for ref in refs)
    if brace_fields(message.msgid):
        lines.append("#, python-brace-format\n")
    lines.append(po_string("msgid", message.msgid))
    if message.msgid_plural is not None:
        lines.append(po_string("msgid_plural", message.msgid_plural))
        lines.extend(f'msgstr[{i}] ""\n' for i in range(nplurals))
    else:
        lines.append('msgstr ""\n')
    return "".join(lines)


def header(language: str | None, *, title: str) -> str:
    """The header entry of a catalog (`language=None` gives the template's)."""
    now = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M+0000")
    fields = [
        "Project-Id-Version: ubtui\\n",
        "Report-Msgid-Bugs-To: \\n",
        f"POT-Creation-Date: {now}\\n",
    ]
    if language is None:
        fields += [
            "PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n",
            "Last-Translator: FULL NAME <EMAIL@ADDRESS>\\n",
            "Language-Team: LANGUAGE <LL@li.org>\\n",
            "Language: \\n",
        ]
    else:
        fields += [
            f"PO-Revision-Date: {now}\\n",
            "Last-Translator: ubtui translators <ubtui@localhost>\\n",
            f"Language-Team: {LANGUAGE_NAMES_EN[language]} <ubtui@localhost>\\n",
            f"Language: {language}\\n",
        ]
    fields += [
        "MIME-Version: 1.0\\n",
        "Content-Type: text/plain; charset=UTF-8\\n",
        "Content-Transfer-Encoding: 8bit\\n",
    ]
    if language is not None:
        fields.append(f"Plural-Forms: {PLURAL_FORMS[language]}\\n")
    comment = f"# {title}\n# This file is distributed under the same license as the ubtui package.\n"
    if language is None:
        comment += "#\n#, fuzzy\n"
    return comment + 'msgid ""\nmsgstr ""\n' + "".join(f'"{f}"\n' for f in fields)


def template_text(messages: Iterable[Message]) -> str:
    body = "\n".join(format_entry(m, 2) for m in messages)
    return header(None, title="Template of ubtui's messages (made by python -m ubtui.i18n.extract).") + "\n" + body


def write_template(messages: dict[str, Message], path: Path = TEMPLATE) -> bool:
    """Write the .pot; keep the old file (and its date) when no entry changed."""
    text = template_text(messages.values())
    if path.exists():
        old = path.read_text(encoding="utf-8")
        if old.split("\n\n", 1)[-1] == text.split("\n\n", 1)[-1]:
            return False
    _write_atomically(path, text)
    return True


def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8", newline="\n")
    tmp.replace(path)


# --- comparing with the catalogs ----------------------------------------------------


@dataclass
class Status:
    missing: list[Message]  # no entry in any .po of the language
    untranslated: list[Message]  # an entry exists, but empty, partial or fuzzy


def catalog_entries(language: str, i18n_dir: Path = I18N_DIR) -> dict[str, Entry]:
    entries: dict[str, Entry] = {}
    for path in sorted((i18n_dir / language).glob("*.po")):
        for entry in read_po(path):
            entries.setdefault(entry.msgid, entry)
            if is_translated(entry, language):  # a translated duplicate wins, as in catalog()
                entries[entry.msgid] = entry
    return entries


def is_translated(entry: Entry, language: str) -> bool:
    if entry.fuzzy or not entry.msgstr:
        return False
    if entry.msgid_plural is not None and len(entry.msgstr) != NPLURALS[language]:
        return False
    return all(form.strip() for form in entry.msgstr)


def status(messages: dict[str, Message], language: str, i18n_dir: Path = I18N_DIR) -> Status:
    entries = catalog_entries(language, i18n_dir)
    missing, untranslated = [], []
    for message in messages.values():
        entry = entries.get(message.msgid)
        if entry is None:
            missing.append(message)
        elif not is_translated(entry, language):
            untranslated.append(message)
    return Status(missing, untranslated)


def append_missing(
    messages: Sequence[Message], language: str, name: str = "core", i18n_dir: Path = I18N_DIR
) -> Path:
    """Append entries with empty msgstr to `<lang>/<name>.po`, leaving what is there as it is."""
    path = i18n_dir / language / f"{name}.po"
    if path.exists():
        text = path.read_text(encoding="utf-8")
        if text and not text.endswith("\n"):
            text += "\n"
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = header(language, title=f"{LANGUAGE_NAMES_EN[language]} translations of ubtui ({name}).")
    additions = "".join("\n" + format_entry(m, NPLURALS[language]) for m in messages)
    _write_atomically(path, text + additions)
    return path


def _skipped(message: Message, prefixes: Sequence[str]) -> bool:
    return bool(prefixes) and all(any(path.startswith(p) for p in prefixes) for path, _line in message.references)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ubtui.i18n.extract", description=__doc__.split("\n\n")[0])
    parser.add_argument("--update", metavar="NAME", help="append the missing msgids to <lang>/NAME.po (e.g. core)")
    parser.add_argument("--lang", action="append", choices=sorted(NPLURALS), help="only this language (repeatable)")
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        metavar="PREFIX",
        help="with --update: leave out msgids found only in files starting with PREFIX (e.g. ubtui/reports/)",
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if a msgid is missing or untranslated")
    parser.add_argument("--no-template", action="store_true", help="do not write ubtui.pot")
    args = parser.parse_args(argv)

    warnings: list[Warning_] = []
    messages = collect(warnings=warnings)
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if not args.no_template:
        changed = write_template(messages)
        print(f"{TEMPLATE.relative_to(PROJECT_DIR)}: {len(messages)} msgids" + ("" if changed else " (unchanged)"))

    incomplete = False
    for language in args.lang or sorted(NPLURALS):
        state = status(messages, language)
        print(f"[{language}] missing: {len(state.missing)}, untranslated: {len(state.untranslated)}")
        for message in state.missing:
            print(f"  missing       {message.references[0][0]}:{message.references[0][1]}  {message.msgid!r}")
        for message in state.untranslated:
            print(f"  untranslated  {message.references[0][0]}:{message.references[0][1]}  {message.msgid!r}")
        if args.update and state.missing:
            chosen = [m for m in state.missing if not _skipped(m, args.skip)]
            if chosen:
                path = append_missing(chosen, language, args.update)
                print(f"  appended {len(chosen)} entries to {path.relative_to(PROJECT_DIR)}")
        incomplete = incomplete or bool(state.missing or state.untranslated)
    return 1 if args.check and incomplete else 0


if __name__ == "__main__":
    sys.exit(main())
