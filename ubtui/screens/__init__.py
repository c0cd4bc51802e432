"""One screen per area, plus modal forms."""
