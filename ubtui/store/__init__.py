"""Storage: the atomic school file, its lock, backups, migrations and repositories."""

from ubtui.store.errors import DamagedFile, FileProblem, ForeignFile, NewerSchema, ReadOnly, SaveFailed
from ubtui.store.store import Store

__all__ = ["DamagedFile", "FileProblem", "ForeignFile", "NewerSchema", "ReadOnly", "SaveFailed", "Store"]
