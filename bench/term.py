"""Just enough of a terminal to know when what a Textual app shows stops changing.

It keeps a grid of (character, style) cells and understands what Textual writes: cursor
positioning, SGR styles, erase in line / display, text, CR and LF (autowrap is off in
Textual, so text past the right edge is clipped).  Every other control sequence is read
and ignored.  `feed()` says whether the visible grid changed, so a repaint of the same
frame does not count as drawing.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

_SEQUENCE = re.compile(
    r"\x1b\[(?P<params>[0-?]*)[ -/]*(?P<final>[@-~])"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC
    r"|\x1b[()*+][0-9A-Za-z]"  # charset
    r"|\x1b[^\[\]()*+]"  # two-character escapes
)
_PARTIAL = re.compile(r"\x1b(?:\[[0-?]*[ -/]*|\][^\x07\x1b]*\x1b?|[()*+])?\Z")

Cell = tuple[str, str]
BLANK: Cell = (" ", "")


class Screen:
    def __init__(self, columns: int, lines: int) -> None:
        self.columns, self.lines = columns, lines
        self.cells: list[list[Cell]] = [[BLANK] * columns for _ in range(lines)]
        self.row = self.column = 0
        self.style = ""
        self._pending = ""
        self._decode = codecs.getincrementaldecoder("utf-8")("replace").decode

    def feed(self, data: bytes) -> bool:
        """Apply terminal output; True if any visible cell changed."""
        text = self._pending + self._decode(data)
        self._pending = ""
        changed = False
        index, end = 0, len(text)
        while index < end:
            char = text[index]
            if char == "\x1b":
                match = _SEQUENCE.match(text, index)
                if match is None:
                    if _PARTIAL.match(text, index):  # cut between two writes: wait for the rest
                        self._pending = text[index:]
                        break
                    index += 1
                    continue
                if match.group("final"):
                    changed |= self._control(match.group("params"), match.group("final"))
                index = match.end()
                continue
            if char == "\r":
                self.column = 0
            elif char == "\n":
                self.row = min(self.row + 1, self.lines - 1)
            elif char == "\b":
                self.column = max(self.column - 1, 0)
            elif char >= " " and char != "\x7f":
                changed |= self._put(char)
            index += 1
        return changed

    def text(self) -> str:
        return "\n".join("".join(c for c, _ in row).rstrip() for row in self.cells)

    def _put(self, char: str) -> bool:
        width = 0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
        if width == 0 or self.column >= self.columns:
            return False
        row = self.cells[self.row]
        changed = row[self.column] != (char, self.style)
        row[self.column] = (char, self.style)
        if width == 2 and self.column + 1 < self.columns:
            changed |= row[self.column + 1] != ("", self.style)
            row[self.column + 1] = ("", self.style)
        self.column += width
        return changed

    def _control(self, params: str, final: str) -> bool:
        if params.startswith(("?", ">", "<", "=")):  # private modes and queries: nothing drawn
            return False
        numbers = [int(p) if p.isdigit() else 0 for p in params.split(";")] if params else []
        if final in "Hf":
            row = numbers[0] if numbers and numbers[0] else 1
            column = numbers[1] if len(numbers) > 1 and numbers[1] else 1
            self.row, self.column = min(row, self.lines) - 1, min(column, self.columns) - 1
        elif final == "m":
            self.style = "" if not params or params in ("0", "00") else (self.style + ";" + params).lstrip(";")
            if params.startswith("0;"):
                self.style = params[2:]
        elif final == "A":
            self.row = max(self.row - (numbers[0] if numbers and numbers[0] else 1), 0)
        elif final == "B":
            self.row = min(self.row + (numbers[0] if numbers and numbers[0] else 1), self.lines - 1)
        elif final == "C":
            self.column = min(self.column + (numbers[0] if numbers and numbers[0] else 1), self.columns - 1)
        elif final == "D":
            self.column = max(self.column - (numbers[0] if numbers and numbers[0] else 1), 0)
        elif final == "G":
            self.column = min(max((numbers[0] if numbers else 1) - 1, 0), self.columns - 1)
        elif final == "K":
            return self._erase_line(numbers[0] if numbers else 0)
        elif final == "J":
            return self._erase_display(numbers[0] if numbers else 0)
        return False

    def _blank(self, row: int, start: int, stop: int) -> bool:
        line = self.cells[row]
        changed = any(cell != BLANK for cell in line[start:stop])
        line[start:stop] = [BLANK] * (stop - start)
        return changed

    def _erase_line(self, mode: int) -> bool:
        start, stop = {0: (self.column, self.columns), 1: (0, self.column + 1)}.get(mode, (0, self.columns))
        return self._blank(self.row, start, stop)

    def _erase_display(self, mode: int) -> bool:
        if mode == 0:
            rows = range(self.row + 1, self.lines)
            changed = self._erase_line(0)
        elif mode == 1:
            rows = range(0, self.row)
            changed = self._erase_line(1)
        else:
            rows = range(self.lines)
            changed = False
        for row in rows:
            changed |= self._blank(row, 0, self.columns)
        return changed
