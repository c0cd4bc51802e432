"""The district: its SQLite database of the schools' packets, the import, the views and reports (no textual)."""
