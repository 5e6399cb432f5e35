"""Dates for URL patterns, from front matter or a `YYYY-MM-DD-` file-name prefix.

The calendar date is taken as written: a time zone offset in the value does not move it to
another day (Jekyll's `timezone` setting can; that shift is not modelled).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

DATE_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T[0-9:.+Z-]{0,30})?[-_]")
_WRITTEN = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")


def date_of(value: Any) -> dt.date | None:
    """A date from a front matter value (a date, a datetime or a string), or None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        found = _WRITTEN.match(value)
        if found:
            try:
                return dt.date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
            except ValueError:
                return None
    return None


def split_date_prefix(stem: str) -> tuple[dt.date | None, str]:
    """`2024-05-01-hello` -> (2024-05-01, "hello"); no prefix -> (None, stem)."""
    found = DATE_PREFIX.match(stem)
    if not found:
        return None, stem
    try:
        day = dt.date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    except ValueError:
        return None, stem
    return day, stem[found.end() :]
