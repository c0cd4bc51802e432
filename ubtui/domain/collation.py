"""Kyrgyz alphabetical order (DESIGN §3): the one sort key for names in lists, pickers and documents.

А Б В Г Д Е Ё Ж З И Й К Л М Н Ң О Ө П Р С Т У Ү Ф Х Ц Ч Ш Щ Ъ Ы Ь Э Ю Я — the Russian
alphabet with ң, ө, ү after н, о, у. Case and runs of blanks do not count.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")

KYRGYZ_ALPHABET = "абвгдеёжзийклмнңоөпрстуүфхцчшщъыьэюя"
_LETTER_RANK = {letter: 1000 + rank for rank, letter in enumerate(KYRGYZ_ALPHABET)}


def name_key(text: str) -> tuple[int, ...]:
    """Sort key in Kyrgyz alphabetical order (Төлөгөнова before Турдубаев, Үсөнов after Усубалиев)."""
    return _ranks(" ".join(text.split()).casefold())


def _ranks(folded: str) -> tuple[int, ...]:
    rank = _LETTER_RANK.get
    return tuple(rank(char, ord(char)) for char in folded)


_DIGITS = re.compile(r"(\d+)")


def numbered_key(text: str) -> tuple[tuple[int, int | tuple[int, ...]], ...]:
    """`name_key` with each run of digits taken as its number: «№2 мектеп» before «№12 мектеп»
    (a school's number, a class like 9б)."""
    parts = _DIGITS.split(" ".join(text.split()).casefold())
    return tuple((0, int(part)) if index % 2 else (1, _ranks(part)) for index, part in enumerate(parts) if part)


def sorted_by_name(items: Iterable[T], name: Callable[[T], str] = str) -> list[T]:  # type: ignore[assignment]
    """`items` in Kyrgyz alphabetical order of `name(item)`."""
    return sorted(items, key=lambda item: name_key(name(item)))
