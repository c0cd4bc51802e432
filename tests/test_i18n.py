"""Translations: every string of the code in both languages, catalogs that gettext's tools accept,
placeholders kept, plural forms, dates and numbers, and the extractor that keeps it all in step."""

from __future__ import annotations

import ast
import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from ubtui import i18n
from ubtui.i18n import extract
from ubtui.i18n.po import Entry, read_po

I18N_DIR = Path(i18n.__file__).parent
PO_FILES = sorted(I18N_DIR.glob("*/*.po"))
NPLURALS = {"ky": 1, "ru": 3}
RICH_TAG = re.compile(r"\[/?[a-z$][a-z0-9 $_.-]*\]")


def _po_id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def _header(path: Path) -> dict[str, str]:
    """The fields of a catalog's header entry (`msgid ""`)."""
    text = path.read_text(encoding="utf-8")
    match = re.search(r'^msgid ""\nmsgstr ((?:".*"\n?)+)', text, re.MULTILINE)
    assert match, f"{path}: no header entry"
    value = "".join(ast.literal_eval(line) for line in match.group(1).splitlines())
    fields = {}
    for line in value.splitlines():
        name, _, rest = line.partition(":")
        fields[name.strip()] = rest.strip()
    return fields


def _code_messages() -> dict[str, extract.Message]:
    return extract.collect()


# --- (a) every msgid of the code is translated in both languages ------------------


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_every_string_in_the_code_is_translated(language: str) -> None:
    messages = _code_messages()
    assert len(messages) > 50, "the extractor found almost nothing: is it looking in the right place?"
    state = extract.status(messages, language)
    problems = [
        f"{m.references[0][0]}:{m.references[0][1]}  {m.msgid!r}  ({kind})"
        for kind, group in (("missing", state.missing), ("untranslated", state.untranslated))
        for m in group
    ]
    assert not problems, (
        f"{len(problems)} msgid(s) without a {language} translation "
        f"(run `python -m ubtui.i18n.extract --update core` and fill them in):\n" + "\n".join(problems)
    )


def test_untranslated_means_empty_fuzzy_blank_or_short_of_forms(tmp_path: Path) -> None:
    # The check above must not be satisfiable by entries that exist but say nothing.
    (tmp_path / "ru").mkdir()
    (tmp_path / "ru" / "x.po").write_text(
        extract.header("ru", title="test")
        + '\nmsgid "Empty"\nmsgstr ""\n'
        + '\nmsgid "Blank"\nmsgstr "  "\n'
        + '\n#, fuzzy\nmsgid "Fuzzy"\nmsgstr "Неточно"\n'
        + '\nmsgid "{n} day"\nmsgid_plural "{n} days"\nmsgstr[0] "{n} день"\nmsgstr[1] "{n} дня"\n'
        + '\nmsgid "Done"\nmsgstr "Готово"\n',
        encoding="utf-8",
    )
    messages = {
        m: extract.Message(m, references=[("ubtui/x.py", 1)])
        for m in ("Empty", "Blank", "Fuzzy", "{n} day", "Done", "Absent")
    }
    messages["{n} day"].msgid_plural = "{n} days"
    state = extract.status(messages, "ru", i18n_dir=tmp_path)
    assert [m.msgid for m in state.missing] == ["Absent"]
    assert sorted(m.msgid for m in state.untranslated) == sorted(["Empty", "Blank", "Fuzzy", "{n} day"])


def test_no_msgid_has_two_different_translations_in_one_language() -> None:
    # Every .po of a folder is merged: the same msgid in two files must say the same thing.
    for language in NPLURALS:
        seen: dict[str, tuple[str, list[str]]] = {}
        clashes = []
        for path in sorted((I18N_DIR / language).glob("*.po")):
            for entry in read_po(path):
                if not any(entry.msgstr):
                    continue
                if entry.msgid in seen and seen[entry.msgid][1] != entry.msgstr:
                    clashes.append(f"{entry.msgid!r}: {seen[entry.msgid][0]} vs {path.name}")
                seen.setdefault(entry.msgid, (path.name, entry.msgstr))
        assert not clashes, f"{language}: " + "; ".join(clashes)


# --- (b) placeholders, (c) plural forms, (f) the files parse ------------------------


def _fields(text: str) -> tuple[tuple[str, ...], ...]:
    """The `{name}` fields, `%` directives and Rich markup tags of a message."""
    return (
        tuple(extract.brace_fields(text)),
        tuple(extract.percent_fields(text)),
        tuple(sorted(RICH_TAG.findall(text))),
    )


@pytest.mark.parametrize("path", PO_FILES, ids=_po_id)
def test_placeholders_survive_translation(path: Path) -> None:
    wrong = []
    for entry in read_po(path):
        sources = [entry.msgid] if entry.msgid_plural is None else [entry.msgid, entry.msgid_plural]
        allowed = {_fields(s) for s in sources}
        for form in entry.msgstr:
            if form and _fields(form) not in allowed:
                wrong.append(f"{entry.msgid!r} → {form!r}")
        if entry.msgid.endswith("\n") and any(f and not f.endswith("\n") for f in entry.msgstr):
            wrong.append(f"{entry.msgid!r}: the translation must end with a newline too")
    assert not wrong, "placeholders changed:\n" + "\n".join(wrong)


@pytest.mark.parametrize("path", PO_FILES, ids=_po_id)
def test_plural_entries_have_the_language_s_number_of_forms(path: Path) -> None:
    n = NPLURALS[path.parent.name]
    plural_entries = [e for e in read_po(path) if e.msgid_plural is not None]
    wrong = [f"{e.msgid!r} has {len(e.msgstr)} forms" for e in plural_entries if len(e.msgstr) != n]
    assert not wrong, f"{_po_id(path)}: {n} form(s) expected: " + "; ".join(wrong)


def test_plural_forms_exist_in_both_languages_for_a_known_entry() -> None:
    for language, count in NPLURALS.items():
        entries = {e.msgid: e for e in read_po(I18N_DIR / language / "argparse.po")}
        assert len(entries["expected %s argument"].msgstr) == count


@pytest.mark.parametrize("path", PO_FILES, ids=_po_id)
def test_catalog_parses_and_has_a_proper_header(path: Path) -> None:
    language = path.parent.name
    entries = read_po(path)
    assert entries, f"{path} has no entries"
    header = _header(path)
    assert header.get("Content-Type") == "text/plain; charset=UTF-8"
    assert header.get("Language") == language
    assert f"nplurals={NPLURALS[language]};" in header.get("Plural-Forms", "")


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt is not installed")
@pytest.mark.parametrize("path", PO_FILES, ids=_po_id)
def test_msgfmt_accepts_the_catalog(path: Path) -> None:
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_own_catalogs_have_the_exact_plural_rules() -> None:
    for name in ("core", "argparse", "textual"):
        assert _header(I18N_DIR / "ky" / f"{name}.po")["Plural-Forms"] == "nplurals=1; plural=0;"
        assert _header(I18N_DIR / "ru" / f"{name}.po")["Plural-Forms"] == (
            "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
        )


# --- (d) Russian plural forms ------------------------------------------------------------


RUSSIAN_FORMS = {1: 0, 2: 1, 5: 2, 11: 2, 21: 0, 22: 1, 25: 2, 111: 2, 12: 2, 14: 2, 104: 1, 0: 2}


@pytest.mark.parametrize("n,form", sorted(RUSSIAN_FORMS.items()))
def test_ngettext_picks_the_russian_form(n: int, form: int) -> None:
    i18n.set_language("ru")
    expected = ["ожидается %s значение", "ожидается %s значения", "ожидается %s значений"][form]
    assert i18n.ngettext("expected %s argument", "expected %s arguments", n) == expected


def test_russian_plural_rule_agrees_with_the_header_formula() -> None:
    # The Python rule in ubtui.i18n and the C expression in the .po header must agree.
    import gettext

    expression = _header(I18N_DIR / "ru" / "core.po")["Plural-Forms"].split("plural=", 1)[1].rstrip(";")
    rule = gettext.c2py(expression)  # the standard library's reader of this very header field
    for n in range(0, 250):
        assert rule(n) == i18n._plural_index("ru", n), n


def test_kyrgyz_has_one_form() -> None:
    i18n.set_language("ky")
    for n in (1, 2, 5, 21):
        assert i18n.ngettext("expected %s argument", "expected %s arguments", n) == "%s маани күтүлөт"


def test_untranslated_plural_falls_back_to_english() -> None:
    i18n.set_language("ru")
    assert i18n.ngettext("{n} apple (no such msgid)", "{n} apples", 1) == "{n} apple (no such msgid)"
    assert i18n.ngettext("{n} apple (no such msgid)", "{n} apples", 3) == "{n} apples"


# --- translations reach the user ------------------------------------------------------------


def test_gettext_translates_in_each_language() -> None:
    i18n.set_language("ky")
    assert i18n._("Do you want to quit?") == "Чыгууну каалайсызбы?"
    i18n.set_language("ru")
    assert i18n._("Do you want to quit?") == "Хотите выйти?"
    assert i18n._("a msgid nobody wrote") == "a msgid nobody wrote"


@pytest.mark.parametrize(
    "language,expected", [("ky", "колдонулушу: ubtui"), ("ru", "использование: ubtui")]
)
def test_argparse_speaks_the_chosen_language(language: str, expected: str, capsys) -> None:
    from ubtui import cli

    with pytest.raises(SystemExit) as stop:
        cli.main(["--lang", language, "--no-such-option"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert expected in err
    assert ("ката" if language == "ky" else "ошибка") in err
    assert "--no-such-option" in err
    assert "usage:" not in err and "error:" not in err


# --- (e) dates and numbers ------------------------------------------------------------------


def test_dates_in_documents() -> None:
    day = dt.date(2025, 8, 30)
    i18n.set_language("ky")
    assert i18n.format_date(day) == "30-август 2025-ж."
    assert i18n.format_date(day, long=False) == "30.08.2025"
    i18n.set_language("ru")
    assert i18n.format_date(day) == "30 августа 2025 г."
    assert i18n.format_date(day, long=False) == "30.08.2025"
    assert i18n.format_date(None) == ""


def test_percent_and_decimal_comma() -> None:
    i18n.set_language("ky")
    assert i18n.format_percent(0.86) == "86%"
    i18n.set_language("ru")
    assert i18n.format_percent(0.86) == "86 %"
    assert i18n.format_number(2.5) == "2,5"


# --- (g) languages ----------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["en", "", "KY", "kz", "ru_RU"])
def test_set_language_rejects_unknown_codes(code: str) -> None:
    i18n.set_language("ru")
    with pytest.raises(ValueError):
        i18n.set_language(code)
    assert i18n.get_language() == "ru"


def test_kyrgyz_is_the_default() -> None:
    assert i18n.DEFAULT_LANGUAGE == "ky"


# --- the extractor ------------------------------------------------------------------------------


SOURCE = '''
from ubtui import i18n
from ubtui.i18n import N_, _, gettext, ngettext

LABEL = N_("Marked for later")

def f(n, name, label):
    a = _("Hello, "
          "{name}!").format(name=name)
    b = ngettext("{n} session", "{n} sessions", n)
    c = i18n.gettext("Qualified")
    d = gettext("Plain")
    e = _(label)              # a variable: translated where defined with N_
    g = _(f"Made {name}")     # never in any catalog
    h = _("Quote \\" and \\\\ backslash\\tand tab")
    i = _("")
    return print("not marked")
'''


def test_extract_source_finds_each_kind_of_call() -> None:
    found, warnings = extract.extract_source(SOURCE, "ubtui/x.py")
    by_id = {msgid: (plural, line) for msgid, plural, line in found}
    assert by_id == {
        "Marked for later": (None, 5),
        "Hello, {name}!": (None, 8),
        "{n} session": ("{n} sessions", 10),
        "Qualified": (None, 11),
        "Plain": (None, 12),
        'Quote " and \\ backslash\tand tab': (None, 15),
    }
    assert [(w.line, "computed" in w.text) for w in warnings] == [(14, True)]


def test_collect_gathers_references_and_plural(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "a.py").write_text('from x import _\n_("Same")\n', encoding="utf-8")
    (package / "sub" / "b.py").write_text(
        'from x import _, ngettext\n\n_("Same")\nngettext("{n} day", "{n} days", 2)\n', encoding="utf-8"
    )
    (package / "broken.py").write_text("def (:\n", encoding="utf-8")
    warnings: list[extract.Warning_] = []
    messages = extract.collect(package, warnings=warnings)
    assert list(messages) == ["Same", "{n} day"]
    assert messages["Same"].references == [("pkg/a.py", 2), ("pkg/sub/b.py", 3)]
    assert messages["{n} day"].msgid_plural == "{n} days"
    assert any("broken.py" in str(w) for w in warnings)


def test_the_real_code_has_no_computed_msgids() -> None:
    warnings: list[extract.Warning_] = []
    extract.collect(warnings=warnings)
    warnings = [w for w in warnings if "computed" in w.text]
    assert not warnings, "\n".join(map(str, warnings))


def _write_catalog(folder: Path, language: str, body: str) -> Path:
    path = folder / language / "core.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(extract.header(language, title="test") + body, encoding="utf-8")
    return path


def test_update_appends_missing_entries_and_keeps_the_rest(tmp_path: Path) -> None:
    existing = (
        "\n# (?) a translator's doubt\n#: ubtui/old.py:1\nmsgid \"Kept\"\nmsgstr \"Сакталды\"\n"
        "\nmsgid \"Still empty\"\nmsgstr \"\"\n"
    )
    messages = {
        "Kept": extract.Message("Kept", references=[("ubtui/new.py", 9)]),
        "Still empty": extract.Message("Still empty", references=[("ubtui/new.py", 10)]),
        'New "quoted"\nline': extract.Message('New "quoted"\nline', references=[("ubtui/a.py", 3), ("ubtui/b.py", 4)]),
        "{n} lesson": extract.Message("{n} lesson", "{n} lessons", [("ubtui/c.py", 5)]),
    }
    for language in ("ky", "ru"):
        path = _write_catalog(tmp_path, language, existing)
        before = path.read_text(encoding="utf-8")
        state = extract.status(messages, language, i18n_dir=tmp_path)
        assert [m.msgid for m in state.missing] == ['New "quoted"\nline', "{n} lesson"]
        assert [m.msgid for m in state.untranslated] == ["Still empty"]
        extract.append_missing(state.missing, language, "core", i18n_dir=tmp_path)
        after = path.read_text(encoding="utf-8")
        assert after.startswith(before), "existing entries must stay byte for byte"
        added = after[len(before):]
        assert "#: ubtui/a.py:3\n#: ubtui/b.py:4\n" in added
        assert "#, python-brace-format\n" in added
        entries = {e.msgid: e for e in read_po(path)}
        assert entries["Kept"].msgstr == ["Сакталды"]
        assert entries['New "quoted"\nline'].msgstr == [""]
        assert entries["{n} lesson"].msgid_plural == "{n} lessons"
        assert entries["{n} lesson"].msgstr == [""] * NPLURALS[language]
        # a second run finds nothing more to add
        again = extract.status(messages, language, i18n_dir=tmp_path)
        assert not again.missing
        assert len(again.untranslated) == 3
        if shutil.which("msgfmt"):
            result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
            assert result.returncode == 0, result.stderr


def test_update_creates_a_catalog_with_a_header(tmp_path: Path) -> None:
    message = extract.Message("Fresh", references=[("ubtui/a.py", 1)])
    path = extract.append_missing([message], "ru", "core", i18n_dir=tmp_path)
    header = _header(path)
    assert header["Language"] == "ru" and header["Content-Type"] == "text/plain; charset=UTF-8"
    assert [e.msgid for e in read_po(path)] == ["Fresh"]


@pytest.mark.parametrize(
    "text",
    ["plain", 'with "quotes"', "back\\slash", "tab\there", "two\nlines\n", "ending newline\n", "ң ө ү «ok» …"],
)
def test_po_strings_read_back_exactly(tmp_path: Path, text: str) -> None:
    path = tmp_path / "x.po"
    path.write_text(extract.header("ky", title="t") + "\n" + extract.po_string("msgid", text) + extract.po_string("msgstr", text), encoding="utf-8")
    assert read_po(path) == [Entry(msgid=text, msgstr=[text])]


def test_template_is_written_once_and_lists_every_msgid(tmp_path: Path) -> None:
    messages = {
        "One": extract.Message("One", references=[("ubtui/a.py", 1)]),
        "{n} two": extract.Message("{n} two", "{n} twos", [("ubtui/b.py", 2)]),
    }
    pot = tmp_path / "ubtui.pot"
    assert extract.write_template(messages, pot) is True
    first = pot.read_text(encoding="utf-8")
    assert extract.write_template(messages, pot) is False
    assert pot.read_text(encoding="utf-8") == first
    assert [(e.msgid, e.msgid_plural) for e in read_po(pot)] == [("One", None), ("{n} two", "{n} twos")]


def test_command_line_reports_and_checks(capsys) -> None:
    code = extract.main(["--no-template", "--check"])
    out = capsys.readouterr().out
    assert "[ky] missing: " in out and "[ru] missing: " in out
    assert code in (0, 1)
    assert (code == 0) == all(
        not (s.missing or s.untranslated) for s in (extract.status(_code_messages(), lang) for lang in NPLURALS)
    )
