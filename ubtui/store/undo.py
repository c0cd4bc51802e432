"""Undo and redo within one run (DESIGN §2): the states the school file had before each write.

A state is the canonical JSON of every table but `meta` as UTF-8 bytes: the text the write made
(not compressed, so a save costs little more), at open the file's own bytes; the demo school takes about 270 KB,
so the bound is the number of steps (`LIMIT`), with a size bound for very large files. Undoing writes the earlier state back as a new generation: an ordinary write,
atomic and backed up like any other. A new change after an undo forgets what could be redone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

LIMIT = 50  # steps kept
MAX_CHARS = 24 * 1024 * 1024  # characters of the states kept, at most (the newest step is always kept)


@dataclass(frozen=True)
class Step:
    """A change that can be undone: what it was (translated when made) and the state before it."""

    description: str
    state: bytes


def pack(body: str | bytes) -> bytes:
    """A state from the canonical JSON of the tables: its UTF-8 bytes (half the memory of the
    text for a school's mostly ASCII keys and Cyrillic names; the file's own bytes at open)."""
    return body.encode("utf-8") if isinstance(body, str) else body


def unpack(state: str | bytes) -> dict[str, Any]:
    """The tables of a state (a fresh copy, safe to change)."""
    return json.loads(state)


@dataclass
class History:
    """The undo and redo lists of one open school file; the newest step last."""

    limit: int = LIMIT
    max_chars: int = MAX_CHARS
    undo: list[Step] = field(default_factory=list)
    redo: list[Step] = field(default_factory=list)

    def record(self, description: str, before: bytes) -> None:
        """A change was written; `before` is the state it replaced. Forgets what could be redone."""
        self.undo.append(Step(description, before))
        self.redo.clear()
        self._trim()

    def _trim(self) -> None:
        while len(self.undo) > self.limit:
            self.undo.pop(0)
        while len(self.undo) > 1 and sum(len(s.state) for s in self.undo + self.redo) > self.max_chars:
            self.undo.pop(0)

    @property
    def can_undo(self) -> bool:
        return bool(self.undo)

    @property
    def can_redo(self) -> bool:
        return bool(self.redo)
