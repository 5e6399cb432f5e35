"""Whether the generator publishes a page: the record every adapter fills, and the date test.

A page is left out of the build for a reason that does not change by itself (`draft`,
`build.render: never`, a headless bundle, `published: false`) or for one that changes with
the calendar (a publish date still to come, an expiry date gone by). The record keeps the two
apart, so a result cached yesterday still answers today: the dates are compared with the
day of the run, never stored as a verdict.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from seolint.discover.records import NamedTuple

if TYPE_CHECKING:
    from seolint.findings.facts import FileFacts


class Publication(NamedTuple):
    """Why a page is never built (None: it is), and the dates that decide it otherwise."""

    withheld: str | None = None  # "draft: true", "build.render: never (cascade from posts/_index.md)", ...
    publish_date: dt.date | None = None  # set only where the generator holds back future pages
    expiry_date: dt.date | None = None  # set only where the generator drops expired pages
    listed: bool = True  # false: rendered, but left out of every list page (Hugo `build.list: never`)

    def reason(self, today: dt.date) -> str | None:
        """Why the page is not published on `today`, or None when it is."""
        if self.withheld:
            return self.withheld
        if self.publish_date is not None and self.publish_date > today:
            return f"publish date {self.publish_date.isoformat()} is still to come"
        if self.expiry_date is not None and self.expiry_date <= today:
            return f"expired on {self.expiry_date.isoformat()}"
        return None


def today() -> dt.date:
    """The day a run judges publication dates against (one place, so tests can fix it)."""
    return dt.date.today()


def true_flag(value: object) -> bool:
    """A front-matter switch as generators read it: true, or the strings "true"/"yes"."""
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes")
    return value is True


def withheld_on(facts: FileFacts | None, day: dt.date) -> str | None:
    """Why the page of these facts is not built on `day` (None: it is, or nothing is known)."""
    if facts is None:
        return None
    if facts.withheld:
        return facts.withheld
    if facts.publish_date and facts.publish_date > day.isoformat():
        return f"publish date {facts.publish_date} is still to come"
    if facts.expiry_date and facts.expiry_date <= day.isoformat():
        return f"expired on {facts.expiry_date}"
    return None
