"""A draft ready to lint: its text, the path it is known by, and its format.

The logical path travels with the text, so a draft read from standard input with
`--stdin-filename notes/x.md` is linted exactly as `notes/x.md` would be (per-file
ignores, the slug rule, the report), with nothing renamed after the fact.
"""

from __future__ import annotations

from typing import NamedTuple

from seolint.document import Format


class Source(NamedTuple):
    text: str
    path: str  # what findings, per-file-ignores, slugs and reports call the draft
    format: Format
