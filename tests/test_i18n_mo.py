"""The compiled catalogs: the `.mo` files ubtui loads are those the `.po` files make, every `.po`
of a folder goes in, gettext reads them, and the cache folder of older versions is cleaned."""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest

from ubtui import i18n
from ubtui.i18n import compile as mo

HEADER_RU = (
    'msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : '
    'n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n'
)


def test_the_mo_files_match_the_po_files() -> None:
    found = mo.problems(full=True)
    assert not found, (
        "the compiled translations are out of date:\n  " + "\n  ".join(found)
        + f"\nrun `{mo.COMMAND}` and commit ubtui/i18n/*/LC_MESSAGES/ubtui.mo"
    )


def test_every_language_loads_its_compiled_file_with_gettext() -> None:
    for language in i18n.LANGUAGES:
        path = mo.mo_path(language)
        with open(path, "rb") as stream:
            translations = gettext.GNUTranslations(stream)
        assert translations.info()["language"] == language
        assert len(i18n.catalog(language)) > 500
        assert dict(i18n.catalog(language)) == {
            key: i18n.catalog(language)[key] for key in i18n.catalog(language)
        }
    ru = mo.mo_path("ru")
    with open(ru, "rb") as stream:
        translations = gettext.GNUTranslations(stream)
    assert translations.ngettext("expected %s argument", "expected %s arguments", 5) == "ожидается %s значений"


def _folder(tmp_path: Path) -> Path:
    for language in mo.LANGUAGES:
        (tmp_path / language).mkdir()
        (tmp_path / language / "a.po").write_text(
            HEADER_RU.replace("Language: ru", f"Language: {language}")
            + '\nmsgid "One"\nmsgstr "Бир"\n'
            + '\n#, fuzzy\nmsgid "Unsure"\nmsgstr "Так эмес"\n'
            + '\nmsgid "Empty"\nmsgstr ""\n'
            + '\nmsgid "{n} day"\nmsgid_plural "{n} days"\nmsgstr[0] "{n} день"\nmsgstr[1] "{n} дня"\n'
            'msgstr[2] "{n} дней"\n',
            encoding="utf-8",
        )
    return tmp_path


def _load(path: Path) -> gettext.GNUTranslations:
    with open(path, "rb") as stream:
        return gettext.GNUTranslations(stream)


def test_a_new_or_changed_po_file_is_seen_and_the_command_is_named(tmp_path: Path, capsys, monkeypatch) -> None:
    folder = _folder(tmp_path)
    assert [p.name for p in mo.compile_all(folder)] == ["ubtui.mo", "ubtui.mo"]
    assert mo.problems(folder, full=True) == []
    assert mo.compile_all(folder) == []  # nothing changed: nothing written
    first = mo.mo_path("ru", folder).read_bytes()
    mo.compile_all(folder)
    assert mo.mo_path("ru", folder).read_bytes() == first  # the same bytes every time

    translations = _load(mo.mo_path("ru", folder))
    assert translations.gettext("One") == "Бир"
    assert translations.gettext("Unsure") == "Unsure"  # fuzzy: left out
    assert translations.gettext("Empty") == "Empty"
    assert [translations.ngettext("{n} day", "{n} days", n) for n in (1, 3, 5, 21)] == [
        "{n} день", "{n} дня", "{n} дней", "{n} день"
    ]

    # another branch adds its own catalog: it is out of date until compiled, then loaded too
    (folder / "ru" / "other_branch.po").write_text(HEADER_RU + '\nmsgid "Two"\nmsgstr "Два"\n', encoding="utf-8")
    found = mo.problems(folder)
    assert len(found) == 1 and "ru" in found[0] and "older than the .po files" in found[0]
    monkeypatch.setattr(mo, "I18N_DIR", folder)
    assert mo.main(["--check"]) == 1
    out = capsys.readouterr().out
    assert f"run `{mo.COMMAND}`" in out
    assert mo.main([]) == 0
    assert mo.main(["--check"]) == 0
    assert _load(mo.mo_path("ru", folder)).gettext("Two") == "Два"
    assert _load(mo.mo_path("ru", folder)).gettext("One") == "Бир"

    # a removed catalog is seen as well
    (folder / "ru" / "other_branch.po").unlink()
    assert mo.problems(folder)
    # a .mo edited by hand (same digest, other content) is caught by the full comparison
    mo.compile_all(folder)
    path = mo.mo_path("ky", folder)
    path.write_bytes(path.read_bytes().replace("Бир".encode(), "Бар".encode()))
    assert mo.problems(folder) == []
    assert mo.problems(folder, full=True) == [f"{path} does not hold what ky/*.po say"]


def test_catalogs_of_one_language_must_agree_on_plural_forms(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "ru" / "b.po").write_text(
        HEADER_RU.replace("nplurals=3; plural=(n%10==1", "nplurals=2; plural=(n!=1").replace(
            " ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)", ")"
        ),
        encoding="utf-8",
    )
    with pytest.raises(mo.CatalogError, match="b.po: Plural-Forms differs from a.po"):
        mo.compile_language("ru", folder)


def test_the_plural_rule_comes_from_the_catalog_header() -> None:
    expected = {1: 0, 2: 1, 4: 1, 5: 2, 11: 2, 12: 2, 21: 0, 22: 1, 111: 2, 0: 2}
    assert {n: i18n._plural_index("ru", n) for n in expected} == expected
    assert {i18n._plural_index("ky", n) for n in range(30)} == {0}


def test_old_parsed_catalogs_are_deleted_from_the_cache_folder(tmp_path: Path) -> None:
    cache = tmp_path / "cache" / "ubtui"
    cache.mkdir(parents=True)
    for name in ("catalog-ky-0123456789abcdef.marshal", "catalog-ru-0123456789abcdef.marshal", "catalog-ru-x.marshal.tmp"):
        (cache / name).write_bytes(b"old")
    (cache / "demo-0.1.0-s3-2025-11-20-1.json").write_text("{}", encoding="utf-8")
    assert i18n.forget_old_cache(cache) == 3
    assert [p.name for p in cache.iterdir()] == ["demo-0.1.0-s3-2025-11-20-1.json"]
    assert i18n.forget_old_cache(cache) == 0  # once: the next runs find nothing to do
    (cache / "demo-0.1.0-s3-2025-11-20-1.json").unlink()
    (cache / "catalog-ky-1.marshal").write_bytes(b"old")
    assert i18n.forget_old_cache(cache) == 1
    assert not cache.exists()  # nothing else was in it: the folder goes too
    assert i18n.forget_old_cache(tmp_path / "never-made") == 0


def test_no_po_is_read_at_run_time(monkeypatch) -> None:
    import builtins

    opened: list[str] = []
    real_open = builtins.open

    def recording_open(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", recording_open)
    monkeypatch.setattr(i18n, "_catalogs", {})
    monkeypatch.setattr(i18n, "_plurals", {})
    i18n.set_language("ru")
    assert i18n._("Do you want to quit?") == "Хотите выйти?"
    assert opened == [str(mo.mo_path("ru"))]
