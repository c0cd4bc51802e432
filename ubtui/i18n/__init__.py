"""Translations (ky default, ru) and the formats of dates and numbers.

Source strings in the code are English msgids; the catalogs are gettext `.po`
files in `i18n/<lang>/*.po`, one file per area, which a translator edits with
the usual tools (Poedit, Lokalize).  Each is compiled into the `.mo` beside it
(`python -m ubtui.i18n.compile`; a test fails when one is out of date), and ubtui
loads those with the standard library's `gettext`.  `_()` translates at call
time, so a string must be translated where it is shown, not at import.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from collections.abc import Mapping
TYPE_CHECKING = False  # typing itself is not imported: it costs start-up time
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from typing import Any

LANGUAGES = ("ky", "ru")
DEFAULT_LANGUAGE = "ky"
LANGUAGE_NAMES = {"ky": "Кыргызча", "ru": "Русский"}

_HERE = Path(__file__).parent
_catalogs: dict[str, Catalog] = {}
_plurals: dict[str, Callable[[int], int]] = {}
_language = DEFAULT_LANGUAGE


class Catalog(Mapping):  # of str → list[str]
    """One language's translations, msgid → its forms (one, or nplurals for a plural message).

    A read-only view of the table `gettext.GNUTranslations` read from the `.mo` file: plain
    messages are keyed by msgid there, plural ones by (msgid, form index)."""

    __slots__ = ("_table",)

    def __init__(self, table: dict) -> None:
        self._table = table

    def get(self, msgid: str, default: Any = None) -> Any:  # type: ignore[override]
        text = self._table.get(msgid)
        if text is not None:
            return [text]
        text = self._table.get((msgid, 0))
        if text is None:
            return default
        forms = [text]
        while (msgid, len(forms)) in self._table:
            forms.append(self._table[(msgid, len(forms))])
        return forms

    def __getitem__(self, msgid: str) -> list[str]:
        forms = self.get(msgid)
        if forms is None:
            raise KeyError(msgid)
        return forms

    def __contains__(self, msgid: object) -> bool:
        return msgid in self._table or (msgid, 0) in self._table

    def __iter__(self) -> Iterator[str]:
        for key in self._table:
            if isinstance(key, tuple):
                if key[1] == 0:
                    yield key[0]
            elif key:
                yield key

    def __len__(self) -> int:
        return sum(1 for _key in self)


def _load(language: str) -> None:
    """Read the language's compiled catalog with the standard library's `gettext`.

    `<language>/LC_MESSAGES/ubtui.mo` holds every `<language>/*.po` (made by
    `python -m ubtui.i18n.compile`); its Plural-Forms header gives the plural rule.
    """
    import gettext as _gettext

    try:
        with open(_HERE / language / "LC_MESSAGES" / "ubtui.mo", "rb") as stream:
            translations = _gettext.GNUTranslations(stream)
    except OSError:  # no compiled catalog: English, as gettext does
        _catalogs[language] = Catalog({})
        _plurals[language] = lambda n: 0 if n == 1 else 1
    else:
        _catalogs[language] = Catalog(translations._catalog)  # type: ignore[attr-defined]
        _plurals[language] = translations.plural  # type: ignore[attr-defined]
    _forget_old_cache_at_exit()


def catalog(language: str) -> Catalog:
    """The merged catalog of one language: msgid → translated forms."""
    if language not in _catalogs:
        _load(language)
    return _catalogs[language]


def _plural_index(language: str, n: int) -> int:
    """Which form `n` takes, by the Plural-Forms formula in the language's catalog headers."""
    if language not in _plurals:
        _load(language)
    return _plurals[language](n)


_cache_cleanup_registered = False


def _forget_old_cache_at_exit() -> None:
    """Up to 0.1, translations were kept parsed in the user cache folder (`catalog-*.marshal`,
    never pruned).  They are deleted once, when the first run of this version ends (at exit, so
    that start-up does not wait); the folder goes too when nothing else is left in it."""
    global _cache_cleanup_registered
    if _cache_cleanup_registered:
        return
    _cache_cleanup_registered = True
    import atexit

    atexit.register(forget_old_cache)


def forget_old_cache(folder: Path | None = None) -> int:
    """Delete the parsed-catalog files of older versions; the number deleted."""
    if folder is None:
        try:
            from platformdirs import user_cache_dir

            folder = Path(user_cache_dir("ubtui", appauthor=False))
        except Exception:
            return 0
    deleted = 0
    try:
        for path in folder.glob("catalog-*.marshal*"):
            try:
                path.unlink()
                deleted += 1
            except OSError:
                pass
        if deleted and not any(folder.iterdir()):
            folder.rmdir()
    except OSError:
        pass
    return deleted


def set_language(language: str) -> None:
    """Choose the language of everything shown from now on."""
    global _language
    if language not in LANGUAGES:
        raise ValueError(language)
    _language = language


def get_language() -> str:
    return _language


def gettext(message: str) -> str:
    forms = catalog(_language).get(message)
    return forms[0] if forms else message


def ngettext(singular: str, plural: str, n: int) -> str:
    forms = catalog(_language).get(singular)
    if not forms:
        return singular if n == 1 else plural
    index = min(_plural_index(_language, n), len(forms) - 1)
    return forms[index]


_ = gettext


def N_(message: str) -> str:
    """Mark a string for translation where it is defined; `_()` it where shown."""
    return message


# --- dates and numbers ---------------------------------------------------------

_DOCUMENT_PATTERNS = {"ky": "d-MMMM y-'ж'.", "ru": "d MMMM y 'г'."}


def format_date(value: _dt.date | None, *, long: bool = True) -> str:
    """`30-август 2025-ж.` / `30 августа 2025 г.`; numeric `30.08.2025` with long=False."""
    if value is None:
        return ""
    if not long:
        return value.strftime("%d.%m.%Y")
    from babel.dates import format_date as babel_format_date

    return babel_format_date(value, _DOCUMENT_PATTERNS[_language], locale=_language)


def month_name(month: int) -> str:
    """The standalone name of a month (`октябрь`, `октябрь`)."""
    from babel.dates import get_month_names

    return str(get_month_names("wide", context="stand-alone", locale=_language)[month])


def format_number(value: float, digits: int = 1) -> str:
    text = f"{value:.{digits}f}" if not float(value).is_integer() else str(int(value))
    return text.replace(".", ",")


def format_percent(value: float) -> str:
    """`86%` in Kyrgyz, `86 %` in Russian."""
    number = format_number(round(value * 100))
    return f"{number} %" if _language == "ru" else f"{number}%"


def parse_date(text: str) -> _dt.date:
    """Read `30.08.2025` or `2025-08-30`; raise ValueError otherwise."""
    text = text.strip()
    for fmt in ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"):
        try:
            return _dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)
