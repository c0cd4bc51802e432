"""ubtui — the record book of a school's methodical associations (усулдук бирикме)."""

__version__ = "0.1.0"
