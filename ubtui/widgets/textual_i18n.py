"""Textual's own visible words, in the user's language.

Textual merges each class's key bindings once, when the class is made, with
English descriptions.  `retranslate_bindings()` rewrites those merged bindings
through our catalogs (keeping the English originals to translate again after a
language switch), so the Footer, the key panel and the palette show ky or ru.
"""

from __future__ import annotations

import dataclasses

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from ubtui.i18n import _

# id(binding) → (binding, English description, English tooltip).  The binding itself is
# kept so that its id is never reused by another object while the entry exists.
_ORIGINALS: dict[int, tuple[Binding, str, str]] = {}


def _all_classes(root: type) -> list[type]:
    seen: list[type] = []
    stack = [root]
    while stack:
        cls = stack.pop()
        for sub in cls.__subclasses__():
            if sub not in seen:
                seen.append(sub)
                stack.append(sub)
    return seen


def _translated(binding: Binding) -> Binding:
    _kept, description, tooltip = _ORIGINALS.setdefault(id(binding), (binding, binding.description, binding.tooltip))
    new = dataclasses.replace(
        binding,
        description=_(description) if description else "",
        tooltip=_(tooltip) if tooltip else "",
    )
    _ORIGINALS[id(new)] = (new, description, tooltip)
    return new


def _retranslate_map(bindings: BindingsMap) -> None:
    for key, items in bindings.key_to_bindings.items():
        bindings.key_to_bindings[key] = [_translated(b) for b in items]


def retranslate_bindings(*live: DOMNode) -> None:
    """Translate every binding description of every widget class, and of the given live nodes."""
    for cls in [DOMNode, *_all_classes(DOMNode)]:
        merged = cls.__dict__.get("_merged_bindings")
        if isinstance(merged, BindingsMap):
            _retranslate_map(merged)
    for node in live:
        _retranslate_map(node._bindings)
