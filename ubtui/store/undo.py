"""Undo and redo within one run (DESIGN §2): the states the school file had before each write.

A state is the canonical JSON of every table but `meta`, compressed: the demo school takes
about 60 KB, so the bound is the number of steps (`LIMIT`), with a byte bound for very large
files. Undoing writes the earlier state back as a new generation: an ordinary write,
atomic and backed up like any other. A new change after an undo forgets what could be redone.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field
from typing import Any

LIMIT = 50  # steps kept
MAX_BYTES = 16 * 1024 * 1024  # compressed states kept, at most (the newest step is always kept)


@dataclass(frozen=True)
class Step:
    """A change that can be undone: what it was (translated when made) and the state before it."""

    description: str
    state: bytes


def pack(body: str) -> bytes:
    """A state from the canonical JSON of the tables."""
    return zlib.compress(body.encode("utf-8"), 1)


def unpack(state: bytes) -> dict[str, Any]:
    """The tables of a state (a fresh copy, safe to change)."""
    return json.loads(zlib.decompress(state).decode("utf-8"))


@dataclass
class History:
    """The undo and redo lists of one open school file; the newest step last."""

    limit: int = LIMIT
    max_bytes: int = MAX_BYTES
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
        while len(self.undo) > 1 and sum(len(s.state) for s in self.undo + self.redo) > self.max_bytes:
            self.undo.pop(0)

    @property
    def can_undo(self) -> bool:
        return bool(self.undo)

    @property
    def can_redo(self) -> bool:
        return bool(self.redo)
