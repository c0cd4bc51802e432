"""Translations (ky default, ru) and the formats of dates and numbers.

Source strings in the code are English msgids; the catalogs are gettext `.po`
files in `i18n/<lang>/*.po`, one file per area, which a translator edits with
the usual tools (Poedit, Lokalize).  `_()` translates at call time, so a string
must be translated where it is shown, not at import.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from ubtui.i18n.po import read_po

LANGUAGES = ("ky", "ru")
DEFAULT_LANGUAGE = "ky"
LANGUAGE_NAMES = {"ky": "Кыргызча", "ru": "Русский"}

_HERE = Path(__file__).parent
_catalogs: dict[str, dict[str, list[str]]] = {}
_language = DEFAULT_LANGUAGE


def _plural_index(language: str, n: int) -> int:
    if language == "ru":
        n = abs(n)
        if n % 10 == 1 and n % 100 != 11:
            return 0
        if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            return 1
        return 2
    return 0  # Kyrgyz nouns do not change after numerals


def catalog(language: str) -> dict[str, list[str]]:
    """The merged catalog of one language: msgid → translated forms."""
    if language not in _catalogs:
        _catalogs[language] = _cached_catalog(language)
    return _catalogs[language]


def _parse_catalog(paths: list[Path]) -> dict[str, list[str]]:
    merged: dict[str, list[str]] = {}
    for path in paths:
        for entry in read_po(path):
            if entry.msgstr and any(entry.msgstr) and not entry.fuzzy:
                merged[entry.msgid] = entry.msgstr
    return merged


def _cached_catalog(language: str) -> dict[str, list[str]]:
    """Parsing the .po text costs more at each start than reading a compiled copy, so one is
    kept in the user cache folder, named after the catalogs' sizes and times."""
    import hashlib
    import marshal

    paths = sorted((_HERE / language).glob("*.po"))
    stamp = hashlib.sha1(
        repr([(p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in paths]).encode()
    ).hexdigest()[:16]
    try:
        from platformdirs import user_cache_dir

        cached = Path(user_cache_dir("ubtui", appauthor=False)) / f"catalog-{language}-{stamp}.marshal"
    except Exception:  # no cache folder: parse every time
        return _parse_catalog(paths)
    try:
        value = marshal.loads(cached.read_bytes())
        if isinstance(value, dict):
            return value
    except (OSError, ValueError, EOFError, TypeError):
        pass
    merged = _parse_catalog(paths)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_name(cached.name + ".tmp")
        tmp.write_bytes(marshal.dumps(merged))
        tmp.replace(cached)
    except OSError:
        pass
    return merged


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
