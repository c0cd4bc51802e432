"""Copy to USB: the school's packet written and verified on a stick (or any folder)."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from ubtui.district.drives import removable_drives
from ubtui.errors import UserError
from ubtui.i18n import N_, _
from ubtui.widgets.keys import key


class CopyToUsbScreen(ModalScreen[Path | None]):
    """Pick a drive or type a folder; the export runs in a worker; says when the stick may go."""

    AUTO_FOCUS = "#usb-folder"
    BINDINGS = [key("escape", "cancel", N_("Cancel"))]
    DEFAULT_CSS = """
    CopyToUsbScreen { align: center middle; }
    #usb-box { width: 76; height: auto; max-height: 22; border: round $accent; padding: 0 1; background: $surface; }
    #usb-drives { height: auto; max-height: 6; }
    #usb-buttons { height: auto; }
    """

    def __init__(self, school_path: Path) -> None:
        super().__init__()
        self.school_path = school_path

    def compose(self) -> ComposeResult:
        drives = removable_drives()
        with Vertical(id="usb-box"):
            yield Static(_("Copy the school's packet to a USB stick"), classes="box-title")
            if drives:
                yield Static(_("Drives found (Enter chooses one):"))
                yield OptionList(*[Option(_escape(str(d)), id=str(d)) for d in drives], id="usb-drives")
            else:
                yield Static(_("No USB stick found. Plug one in, or type any folder."))
            yield Input(value=str(drives[0]) if drives else "", placeholder=_("Folder"), id="usb-folder")
            yield Checkbox(_("Include phone numbers, birth dates and notes"), id="usb-full")
            yield Static("", id="usb-status")
            with Horizontal(id="usb-buttons"):
                yield Button(_("Copy"), variant="primary", id="usb-copy")
                yield Button(_("Close"), id="usb-close")

    @on(OptionList.OptionSelected, "#usb-drives")
    def _drive(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#usb-folder", Input).value = event.option.id or ""
        self.query_one("#usb-folder", Input).focus()

    @on(Input.Submitted, "#usb-folder")
    @on(Button.Pressed, "#usb-copy")
    def _copy(self) -> None:
        folder = self.query_one("#usb-folder", Input).value.strip()
        if not folder:
            self.query_one("#usb-status", Static).update(_("Type the folder of the USB stick."))
            return
        self.query_one("#usb-status", Static).update(_("Writing and verifying… do not remove the stick."))
        self.query_one("#usb-copy", Button).disabled = True
        self._export(Path(folder), self.query_one("#usb-full", Checkbox).value)

    @work(thread=True, exclusive=True, exit_on_error=False, group="usb")
    def _export(self, folder: Path, full: bool) -> tuple[Path, int]:
        from ubtui.district.cli import export_school

        return export_school(self.school_path, folder, full=full)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "usb" or event.state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        status = self.query_one("#usb-status", Static)
        self.query_one("#usb-copy", Button).disabled = False
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            status.update(_escape(str(error) if isinstance(error, UserError) else _("The packet could not be written: {error}").format(error=error)))
            return
        path, size = event.worker.result
        self.result_path = path
        status.update(_escape(_("The packet was written and verified: {path} ({size} KB). The stick may be removed.").format(
            path=path, size=max(1, size // 1024))))

    @on(Button.Pressed, "#usb-close")
    def action_cancel(self) -> None:
        self.dismiss(getattr(self, "result_path", None))


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)
