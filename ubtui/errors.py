"""Errors that reach the user as one translated line (exit code 1 in the CLI)."""


class UserError(Exception):
    """A data or user error; `str(error)` is already in the user's language."""
