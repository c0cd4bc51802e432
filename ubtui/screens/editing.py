"""Editing actions refused at once on a read-only file or a closed year, before any form opens.

`@edits` on a screen's action (new, edit, delete, save, mark done …) asks the app first:
on a read-only file the action does nothing but say why (the reason stays in the header).
A screen whose records belong to the chosen academic year (`EditsTheYear`) is refused the
same way when that year is closed (the store refuses it too: this only says so at once).
"""

from __future__ import annotations

import functools
import inspect
from typing import Any, Callable, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


class EditsTheYear:
    """A screen whose edits change records of the chosen academic year."""

    def edited_year(self) -> Any:
        return getattr(self, "app").year


def refused(node: Any) -> bool:
    """True (and the user told why) when the file, or the year edited, cannot be changed now."""
    refuse = getattr(node.app, "refuse_edit", None)
    if refuse is None:
        return False
    edited_year = getattr(node, "edited_year", None)
    year = edited_year() if callable(edited_year) else None
    return bool(refuse(year) if year is not None else refuse())


def edits(action: F) -> F:
    """Decorate an action or handler that would open a form or change the file."""
    if inspect.iscoroutinefunction(action):

        @functools.wraps(action)
        async def run_async(self: Any, *args: Any, **kwargs: Any) -> Any:
            if refused(self):
                return None
            return await action(self, *args, **kwargs)

        return run_async  # type: ignore[return-value]

    @functools.wraps(action)
    def run(self: Any, *args: Any, **kwargs: Any) -> Any:
        if refused(self):
            return None
        return action(self, *args, **kwargs)

    return run  # type: ignore[return-value]
