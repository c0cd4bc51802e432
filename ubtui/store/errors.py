"""What can go wrong with a school file, each as one translated line."""

from __future__ import annotations

from pathlib import Path

from ubtui.errors import UserError


class FileProblem(UserError):
    """The file cannot be used as it is; it is left untouched."""

    def __init__(self, message: str, path: Path | None = None, backup: Path | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.backup = backup


class DamagedFile(FileProblem):
    """Does not parse, or fails its checksum."""


class ForeignFile(FileProblem):
    """Valid JSON, but not a ubtui school file."""


class NewerSchema(FileProblem):
    """Written by a newer ubtui."""


class ReadOnly(UserError):
    """This ubtui may not write the file (another one holds it, or it was opened for reading)."""


class ClosedYear(ReadOnly):
    """The record belongs to a closed academic year (an archive, seed 001 §5.8): nothing was written."""

    def __init__(self, message: str, year_label: str = "") -> None:
        super().__init__(message)
        self.year_label = year_label


class SaveFailed(UserError):
    """The write did not happen; the file on disk is as it was before."""


class FileChangedOutside(SaveFailed):
    """Another program changed the file after ubtui read it: nothing was written over it;
    the change that was not saved is in `side_file` (None when even that could not be written)."""

    def __init__(self, message: str, side_file: Path | None = None) -> None:
        super().__init__(message)
        self.side_file = side_file


class ForeignBackup(UserError):
    """The backup belongs to another school file (another `file_id`)."""
