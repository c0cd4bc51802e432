"""List screens fill themselves once when they open, and again each time they come back.

A list screen fills its table in `on_mount`. Textual then also sends "resumed" as the screen is
first shown, and every list screen used to fill itself again there: each opening filled the
table twice (with many teachers, twice the wait). `FillsWhenBack` fills again only on a return
from another screen or a modal, which may have changed the file, the year or the association.
"""

from __future__ import annotations


class FillsWhenBack:
    """Mixed into a Screen with a `reload()`; the screen must not define `on_screen_resume` itself
    (Textual would call both)."""

    _away = False

    def on_screen_suspend(self) -> None:
        self._away = True

    def on_screen_resume(self) -> None:
        if self._away:
            self._away = False
            self.reload()  # type: ignore[attr-defined]
