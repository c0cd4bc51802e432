"""How documents write people's and the school's names (seeds 001–003).

One signature style everywhere: the initials first, then the surname
("З.Э. Жээнтева", "А. Талантбек кызы"), as the seeds' approval blocks write it.
The school's genitive ("…мектеби" → "…мектебинин директору") is derived from the
name the school writes, unless the settings hold an override.
"""

from __future__ import annotations

_PATRONYMIC_WORDS = {"кызы", "уулу", "kyzy", "uulu"}


def signature_name(full_name: str) -> str:
    """`Жээнтева Зуура Эркиновна` → `З.Э. Жээнтева`; `Талантбек кызы Айпери` → `А. Талантбек кызы`.

    A single word, or a name already written with initials, is kept as typed.
    """
    words = full_name.split()
    if len(words) < 2:
        return full_name.strip()
    if any(w.endswith(".") for w in words):  # already "З.Э. Жээнтева" or "Жээнтева З.Э."
        return " ".join(words)
    head = 2 if len(words) > 2 and words[1].casefold() in _PATRONYMIC_WORDS else 1
    initials = "".join(w[0].upper() + "." for w in words[head:] if w[0].isalpha())
    surname = " ".join(words[:head])
    return f"{initials} {surname}" if initials else surname


def names_count(text: str) -> int:
    """How many people a typed list of names holds (commas, semicolons or "жана"/"и" between them)."""
    import re

    parts = [p for p in re.split(r"[,;\n]|\s(?:жана|и)\s", text) if p.strip()]
    return max(len(parts), 1)


_VOWEL_GROUPS = (("аыя", "ы"), ("еиэ", "и"), ("оуёю", "у"), ("өү", "ү"))
_VOICELESS = set("пткфсшщчцх")


def _harmony(word: str) -> str:
    """The vowel of a Kyrgyz suffix after `word` (the last vowel of the word decides)."""
    for char in reversed(word.casefold()):
        for vowels, suffix_vowel in _VOWEL_GROUPS:
            if char in vowels:
                return suffix_vowel
    return "ы"


def genitive(name: str) -> str:
    """The Kyrgyz genitive of a name: `…орто мектеби` → `…орто мектебинин`, `…лицейи` → `…лицейинин`.

    Only the last word changes (`-нын/-нин/-нун/-нүн` after a vowel, `-дын…` after a voiced
    consonant, `-тын…` after a voiceless one). A name already in the genitive stays.
    """
    text = " ".join(name.split())
    if not text:
        return ""
    head, _sep, last = text.rpartition(" ")
    bare = last.rstrip("»\"'")
    tail = last[len(bare):]
    lower = bare.casefold()
    if lower.endswith(("нын", "нин", "нун", "нүн", "дын", "дин", "дун", "дүн", "тын", "тин", "тун", "түн")):
        return text
    if not bare or not bare[-1].isalpha():
        return text
    vowel = _harmony(bare)
    if lower[-1] in "аеёиоөуүыэюя":
        suffix = "н" + vowel + "н"
    elif lower[-1] in _VOICELESS:
        suffix = "т" + vowel + "н"
    else:
        suffix = "д" + vowel + "н"
    if bare.isupper():
        suffix = suffix.upper()
    word = bare + suffix + tail
    return f"{head} {word}" if head else word
