"""When the school file is damaged: say so, and offer the newest good backup."""

from __future__ import annotations

from textual.app import App

from ubtui.i18n import _
from ubtui.screens.confirm import ConfirmScreen
from ubtui.widgets.plain import plain_wanted, use_plain


class RecoveryApp(App[bool]):
    """Asks one question; returns True if the user chose to restore the backup."""

    CSS_PATH = "../app.tcss"

    def __init__(self, problem: str, backup_name: str, *, plain: bool = False) -> None:
        self.plain = plain_wanted(flag=plain)
        super().__init__(ansi_color=self.plain or None)
        if self.plain:
            use_plain(self)
        self.problem = problem
        self.backup_name = backup_name

    def on_mount(self) -> None:
        if self.plain:
            self.theme = "ansi-dark"
            self.add_class("-console")
        question = (
            self.problem
            + "\n\n"
            + _("Restore the newest good backup {name}? The damaged file is kept in the backups folder.").format(
                name=self.backup_name
            )
        )
        self.push_screen(ConfirmScreen(question, yes=_("Restore")), self.exit)
