"""Plain mode: what a Linux text console (or an old Windows console) can show.

The Kyrgyz console font CyrAsia-Terminus16 has ң ө ү and line-drawing characters but few
block glyphs, no emoji and no `≡`. In plain mode (DESIGN §7):

- chosen and unchosen entries differ by text, not colour: `[x]`/`[ ]` for Checkbox and
  SelectionList, `(*)`/`( )` for RadioButton;
- the app's own icons and marks are ASCII (`=` for the header icon, `>` for the palette);
- a line filter, the last step before the screen, puts an ASCII stand-in for every glyph
  the font lacks (the half blocks of borders and scrollbars, arrows of other fonts), so
  nothing ever shows as a diamond. Glyphs without a planned stand-in are remembered in
  `GlyphFilter.unplanned`, so a test can say which screen drew them.

Textual's toggle and selection widgets are patched once, at import, to ask their app
whether it is plain; an app that is not plain draws exactly as before.
"""

from __future__ import annotations

import os
from typing import Mapping

from rich.cells import cell_len
from rich.segment import Segment

from textual.filter import LineFilter

# The code points of CyrAsia-Terminus16, as ranges (from its Unicode table, see
# tests/test_plain_mode.py, which checks this list against the font file itself).
FONT_RANGES = (
    (0x0020, 0x007E), (0x00A0, 0x00A0), (0x00A3, 0x00A3), (0x00A7, 0x00A7), (0x00A9, 0x00A9),
    (0x00AB, 0x00AB), (0x00AD, 0x00AE), (0x00B0, 0x00B1), (0x00B5, 0x00B7), (0x00BB, 0x00BB),
    (0x00C4, 0x00C4), (0x00CB, 0x00CB), (0x00D6, 0x00D7), (0x00DC, 0x00DC), (0x00EB, 0x00EB),
    (0x00F7, 0x00F7), (0x0102, 0x0103), (0x0391, 0x0393), (0x0395, 0x0397), (0x0399, 0x039A),
    (0x039C, 0x039D), (0x039F, 0x03A1), (0x03A4, 0x03A4), (0x03A6, 0x03A7), (0x03BC, 0x03BC),
    (0x03C0, 0x03C0), (0x0401, 0x0401), (0x0405, 0x0406), (0x0408, 0x0408), (0x040E, 0x044F),
    (0x0451, 0x0451), (0x0455, 0x0456), (0x0458, 0x0458), (0x045E, 0x045F), (0x0492, 0x049D),
    (0x04A0, 0x04A5), (0x04AA, 0x04AB), (0x04AE, 0x04B3), (0x04B6, 0x04BB), (0x04D0, 0x04D3),
    (0x04D6, 0x04D9), (0x04E2, 0x04E3), (0x04E6, 0x04E9), (0x04EE, 0x04F3), (0x04F8, 0x04F9),
    (0x2000, 0x200A), (0x2010, 0x2015), (0x2018, 0x2019), (0x201C, 0x201E), (0x2020, 0x2022),
    (0x2026, 0x2026), (0x202F, 0x2030), (0x20AC, 0x20AC), (0x20AE, 0x20AE), (0x2116, 0x2116),
    (0x2122, 0x2122), (0x212A, 0x212A), (0x2190, 0x2193), (0x2212, 0x2212), (0x2248, 0x2248),
    (0x2260, 0x2260), (0x2264, 0x2265), (0x226A, 0x226B), (0x2295, 0x2296), (0x2298, 0x2299),
    (0x229B, 0x229C), (0x2460, 0x2468), (0x24B6, 0x24EA), (0x2500, 0x257F), (0x2588, 0x2588),
    (0x2591, 0x2592), (0x25A0, 0x25A0), (0x25AE, 0x25AE), (0x25B2, 0x25B2), (0x25B4, 0x25B4),
    (0x25B6, 0x25B6), (0x25B8, 0x25B8), (0x25BC, 0x25BC), (0x25BE, 0x25BE), (0x25C0, 0x25C0),
    (0x25C2, 0x25C2), (0x25C8, 0x25C8), (0x25CF, 0x25CF), (0x2610, 0x2612), (0x2666, 0x2666),
    (0x2717, 0x2718), (0x2BBD, 0x2BBD), (0xFFFD, 0xFFFD),
)
FONT_CHARS = frozenset(chr(c) for low, high in FONT_RANGES for c in range(low, high + 1))

# Planned stand-ins: border pieces (tall, wide, outer, thick, panel…), scrollbar eighths,
# icons. Half blocks become blank: in borders and scrollbars they only carry colour.
_STANDINS: dict[str, str] = {
    **{c: " " for c in "▁▂▃▄▅▆▇▔▀▏▎▍▌▋▊▉▐▕"},
    "▝": " ", "▘": " ", "▗": " ", "▖": " ", "▚": " ", "▞": " ", "▛": " ", "▜": " ", "▙": " ", "▟": " ",
    "≡": "=", "⭘": "o", "🔎": "> ", "✓": "+", "✔": "+", "×": "x", "⏎": "<-",
    "▶": ">", "▸": ">",
    "↵": "<-", "⌫": "<-", "⇥": "->", "⇤": "<-", "…": "…",
}


def plain_wanted(*, flag: bool = False, setting: bool = False, environ: Mapping[str, str] | None = None,
                 os_name: str | None = None) -> bool:
    """Plain mode under TERM=linux, in a Windows console that is not Windows Terminal, or when asked."""
    environ = os.environ if environ is None else environ
    os_name = os.name if os_name is None else os_name
    if flag or setting:
        return True
    if environ.get("TERM", "") == "linux":
        return True
    return os_name == "nt" and not environ.get("WT_SESSION")


def standin(char: str) -> str:
    """The stand-in for one character, exactly as wide as it (`?` when none is planned)."""
    if char in FONT_CHARS:
        return char
    width = cell_len(char)
    if width == 0:  # a combining mark or a variation selector: drop it
        return ""
    planned = _STANDINS.get(char, "?")
    return (planned + " " * width)[:width]


class GlyphFilter(LineFilter):
    """Replaces every character the console font lacks, keeping each segment's width."""

    def __init__(self, enabled: bool = True) -> None:
        super().__init__(enabled=enabled)
        self.unplanned: set[str] = set()
        self._table: dict[str, str] = {}

    def _fix(self, text: str) -> str:
        out = []
        for char in text:
            if char in FONT_CHARS:
                out.append(char)
                continue
            if char not in self._table:
                if char not in _STANDINS:
                    self.unplanned.add(char)
                self._table[char] = standin(char)
            out.append(self._table[char])
        return "".join(out)

    def apply(self, segments: list[Segment], background: object) -> list[Segment]:
        result = []
        for segment in segments:
            text = segment.text
            if text and not (text.isascii() or all(c in FONT_CHARS for c in text)):
                segment = Segment(self._fix(text), segment.style, segment.control)
            result.append(segment)
        return result


def use_plain(app: object) -> None:
    """Make a Textual app plain: its `plain` flag, 16 ANSI colours' theme and the glyph filter."""
    _install()  # the marks in text (only a plain app needs them: not imported at every start)
    app.plain = True  # type: ignore[attr-defined]
    app._filters.append(GlyphFilter())  # type: ignore[attr-defined]


def glyph_filter(app: object) -> GlyphFilter | None:
    for item in getattr(app, "_filters", []):
        if isinstance(item, GlyphFilter):
            return item
    return None


def is_plain(widget: object) -> bool:
    try:
        return bool(getattr(widget.app, "plain", False))  # type: ignore[attr-defined]
    except Exception:  # not mounted in an app
        return False


# --- chosen marks in text ----------------------------------------------------------------------


def _install() -> None:
    from textual.content import Content
    from textual.strip import Strip
    from textual.widgets import RadioButton, SelectionList
    from textual.widgets._toggle_button import ToggleButton

    if getattr(ToggleButton, "_ubtui_plain", False):
        return
    fancy_button = ToggleButton._button

    def _button(self: ToggleButton) -> Content:
        if not is_plain(self):
            return fancy_button.fget(self)  # type: ignore[attr-defined]
        style = self.get_visual_style("toggle--label")
        if isinstance(self, RadioButton):
            mark = "(*)" if self.value else "( )"
        else:
            mark = "[x]" if self.value else "[ ]"
        return Content.assemble((mark, style))

    ToggleButton._button = property(_button)  # type: ignore[method-assign, assignment]

    fancy_line = SelectionList.render_line

    def render_line(self: SelectionList, y: int) -> Strip:  # type: ignore[type-arg]
        if not is_plain(self):
            return fancy_line(self, y)
        line = super(SelectionList, self).render_line(y)
        _x, scroll_y = self.scroll_offset
        index = scroll_y + y
        try:
            selection = self.get_option_at_index(index)
        except Exception:
            return line
        style = next(iter(line)).style if list(line) else None
        mark = "[x] " if selection.value in self._selected else "[ ] "
        return Strip([Segment(mark, style), *line])

    SelectionList.render_line = render_line  # type: ignore[method-assign]
    ToggleButton._ubtui_plain = True  # type: ignore[attr-defined]
