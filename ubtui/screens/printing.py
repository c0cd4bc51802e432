"""Printing from the TUI: where a PDF goes, laying it out in a worker, opening it with the system viewer."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable

from textual import work
from textual.worker import Worker, WorkerState


def pdf_folder() -> Path:
    """`UBTUI_PDF_DIR`, else `ubtui` in the user's documents folder."""
    env = os.environ.get("UBTUI_PDF_DIR")
    if env:
        return Path(env)
    from platformdirs import user_documents_dir

    return Path(user_documents_dir()) / "ubtui"


def free_name(folder: Path, name: str) -> Path:
    """`name` in `folder`, or `stem (2).pdf` … when a file of that name exists (an open PDF is locked on Windows)."""
    target = folder / name
    stem, suffix = target.stem, target.suffix
    number = 2
    while target.exists():
        target = folder / f"{stem} ({number}){suffix}"
        number += 1
    return target


def open_with_viewer(path: Path) -> bool:
    """Open the file with the system's viewer; False when there is none (a text console)."""
    if os.environ.get("UBTUI_NO_VIEWER") == "1":
        return False
    try:
        if sys.platform.startswith("win"):
            os.startfile(str(path))  # type: ignore[attr-defined]
            return True
        if sys.platform == "darwin":
            opener = shutil.which("open")
        else:
            if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
                return False
            opener = shutil.which("xdg-open")
        if opener is None:
            return False
        subprocess.Popen(  # noqa: S603 (a fixed program and our own file)
            [opener, str(path)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        return True
    except OSError:
        return False


def printer_command(path: Path) -> list[str] | None:
    """The command that sends `path` to the default printer: `lp` or else `lpr` on PATH; None if neither."""
    for program in ("lp", "lpr"):
        found = shutil.which(program)
        if found:
            return [found, str(path)]
    return None


def send_to_printer(path: Path) -> bool:
    """Send a saved PDF to the system's printer; False when there is no way to (no `lp`/`lpr`,
    no print verb, or the spooler refused it)."""
    try:
        if sys.platform.startswith("win"):
            os.startfile(str(path), "print")  # type: ignore[attr-defined]
            return True
        command = printer_command(path)
        if command is None:
            return False
        result = subprocess.run(  # noqa: S603 (a program found on PATH and our own file)
            command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60,
            check=False,
        )
        return result.returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def save_pdf(folder: Path, name: str, data: bytes) -> Path:
    """Write the PDF atomically into `folder`; a name held open by a viewer gets `(2)` … instead."""
    from ubtui.errors import UserError
    from ubtui.i18n import _
    from ubtui.store.jsonio import atomic_write

    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / name
        try:
            atomic_write(target, data)
        except PermissionError:  # the old copy is open in a viewer (Windows locks it)
            target = free_name(folder, name)
            atomic_write(target, data)
    except OSError as error:
        from ubtui.store.oserrors import describe_os_error

        raise UserError(_("Cannot write the PDF: {reason}").format(reason=describe_os_error(error, folder / name))) from None
    return target


class PrintsPdf:
    """For a Screen: `print_pdf(render, name)` lays the PDF out in a worker, saves it, opens it;
    `action_send_to_printer` (bind it: `PRINTER_KEY`) sends the last saved PDF to the printer.

    Read everything from the store before calling (the store belongs to the UI thread);
    `render` must only lay out what it was given.
    """

    last_pdf: Path | None = None

    def print_pdf(self, render: Callable[[], bytes], name: str) -> None:
        from ubtui.i18n import _

        self.notify(_("Preparing the PDF…"), timeout=3)  # type: ignore[attr-defined]
        self._print_in_worker(render, name)

    def action_send_to_printer(self) -> None:
        """The last PDF this screen saved goes to the printer; without a printer, say so and show the path."""
        from ubtui.i18n import _

        path = self.last_pdf
        if path is None or not path.exists():
            self.notify(_("Print a document first (p); then o sends it to the printer."), timeout=8)  # type: ignore[attr-defined]
            return
        if send_to_printer(path):
            self.notify(_("Sent to the printer: {path}").format(path=path), timeout=8)  # type: ignore[attr-defined]
        else:
            self.notify(_("No printer was found; the PDF is saved: {path}").format(path=path),  # type: ignore[attr-defined]
                        severity="warning", timeout=15)

    @work(thread=True, exclusive=True, exit_on_error=False, group="print-pdf")
    def _print_in_worker(self, render: Callable[[], bytes], name: str) -> Path:
        return save_pdf(pdf_folder(), name, render())

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        from ubtui.errors import UserError
        from ubtui.i18n import _

        if event.worker.group != "print-pdf" or event.state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            message = str(error) if isinstance(error, UserError) else _("The PDF could not be made: {error}").format(error=error)
            self.notify(message, severity="error", timeout=10)  # type: ignore[attr-defined]
            return
        path = event.worker.result
        self.last_pdf = path
        hint = " " + _("(o: to the printer)")
        if open_with_viewer(path):
            self.notify(_("The PDF is open: {path}").format(path=path) + hint, timeout=8)  # type: ignore[attr-defined]
        else:
            self.notify(_("The PDF is saved: {path}").format(path=path) + hint, timeout=15)  # type: ignore[attr-defined]


def printer_binding(show: bool = True):  # -> Binding
    """The key that sends the last saved PDF to the printer (`o`, Cyrillic `щ`); `show=False` keeps
    it out of a crowded footer (F1 and the message after printing still name it)."""
    from ubtui.i18n import N_
    from ubtui.widgets.keys import key

    return key("o,щ", "send_to_printer", N_("To printer"), show=show)
