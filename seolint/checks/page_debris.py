"""Page debris (S010): what a web page's chrome leaves in text copied from it.

Copying an article out of a browser brings lines that were buttons and menus (`close`,
`Share`, `Skip to content`), the page's byline (`2 min read 08-11-2024`, `By Ana · 5 min
read`), its title again a few lines further down, and the "Related" questions or links under
it. They sit at the top or the bottom of the draft, before the post begins or after it
ends; a byline the page's own template marks (a `<time>`, a `post-meta` element) is not
debris.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from seolint.checks.draft_units import Unit, is_prose_line
from seolint.checks.label_lines import is_known, parse_label
from seolint.checks.leftover_lexicon import leftover_words
from seolint.document.model import Document

_HEAD_UNITS = 25  # a title copy is looked for this far down at most
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = re.compile(
    rf"\b(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}|{_MONTHS}\s+\d{{4}})\b",
    re.IGNORECASE,
)
_READ_TIME = re.compile(
    r"\b\d{1,3}\s*(?:-\s*)?(?:min(?:ute)?s?|m)\b(?:\s+read(?:ing)?(?:\s+time)?)?", re.IGNORECASE
)
_AGO = re.compile(r"\b\d{1,3}\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b", re.IGNORECASE)
_NAME = re.compile(r"^(?:[A-Z][\w'’.-]*|@[\w-]+)$")
_SEPARATORS = re.compile(r"[·•|—–/,:]+|\s-\s")
_MAX_NAME_WORDS = 4


class Debris(NamedTuple):
    first: int  # lines
    last: int
    what: str  # for the message
    safe: bool  # whether deleting the lines can only make the draft better


def find_debris(doc: Document, units: Sequence[Unit], framing: set[int]) -> list[Debris]:
    """Debris lines of `doc`, in the zones before the post begins and after it ends."""
    content = [u for u in units if _is_content(u, framing)]
    head_end = content[0].line if content else len(doc.lines) + 1
    tail_start = content[-1].line if content else 0
    meta = {line for span in doc.page_meta for line in range(span.line, span.end_line + 1)}
    words = leftover_words()
    linked = {(link.span.line, link.text.strip()) for link in doc.links}
    found: list[Debris] = []
    related_from: int | None = None
    previous: Unit | None = None
    for index, unit in enumerate(units):
        repeat = (
            previous is not None and previous.text == unit.text and _only_blank_between(doc, previous, unit)
        )
        previous = unit
        if repeat:
            continue  # S004 reports a line typed twice in a row, and its fix deletes it
        zoned = unit.line < head_end or unit.line > tail_start
        key = _key(unit.text)
        if related_from is not None:
            if unit.kind != "heading" and len(unit.text.split()) <= 15 and not _is_content(unit, framing):
                found.append(Debris(unit.line, unit.line, "a related question or link of the page", True))
                continue
            related_from = None
        if not zoned or unit.line in meta:
            continue
        if (
            key in words.ui_words and (unit.line, unit.text.strip()) not in linked
        ):  # a link is a working control
            found.append(Debris(unit.line, unit.line, f"the page's {unit.text.strip()!r} control", True))
        elif key in words.related_blocks:
            found.append(Debris(unit.line, unit.line, "the page's related block", True))
            related_from = index
        elif is_byline(unit.text) and not unit.text.rstrip().endswith(":") and not _labelled(unit.text):
            found.append(Debris(unit.line, unit.line, "the page's byline", False))
    found += _title_copies(doc, units[:_HEAD_UNITS], head_end)
    return sorted(found)


def _is_content(unit: Unit, framing: set[int]) -> bool:
    return unit.line not in framing and is_prose_line(unit)


def _labelled(text: str) -> bool:
    """A metadata label ("Reading time: 6 min") is S005's, not a byline."""
    label = parse_label(text)
    return label is not None and is_known(label[0])


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s×✕⋮'&]", " ", text.lower()).split()) or text.strip()


def is_byline(text: str) -> bool:
    """A line made of a byline's parts only: names after "By", dates, a reading time, and
    the words and separators between them; it needs a reading time, or a date with "by",
    "posted", "published" or "updated"."""
    read = bool(_READ_TIME.search(text))
    dated = bool(_DATE.search(text) or _AGO.search(text))
    rest = _AGO.sub(" ", _READ_TIME.sub(" ", _DATE.sub(" ", text)))
    words = [w for w in _SEPARATORS.sub(" ", rest).split() if w]
    lowered = [w.lower().strip(".") for w in words]
    names = [w for w, low in zip(words, lowered, strict=True) if low not in leftover_words().byline_words]
    announced = any(w in ("by", "posted", "published", "updated") for w in lowered)
    if not (read or (dated and announced)):
        return False
    return len(names) <= _MAX_NAME_WORDS and all(_NAME.match(name) for name in names)


def _title_copies(doc: Document, head: Sequence[Unit], head_end: int) -> list[Debris]:
    """Paragraph lines in the first lines that repeat the title: the front-matter title, the
    H1, or the draft's first line (not the line just before: S004 reports a repeat typed right
    under its original)."""
    titles: dict[str, int] = {}
    if doc.title is not None and doc.title.origin == "front-matter":
        titles[_key(doc.title.text)] = doc.title.span.line
    titles.update((_key(u.text), u.line) for u in head if u.kind == "heading" and u.level == 1)
    ui_words = leftover_words().ui_words
    first = next((u for u in head if _key(u.text) not in ui_words and not is_byline(u.text)), None)
    if first is not None and first.kind == "paragraph" and not is_prose_line(first):
        titles.setdefault(_key(first.text), first.line)
    found = []
    previous: Unit | None = None
    for unit in head:
        if unit.line >= head_end and unit.kind != "heading":
            break
        key = _key(unit.text)
        adjacent = (
            previous is not None and previous.text == unit.text and _only_blank_between(doc, previous, unit)
        )
        original = titles.get(key)
        copied = original is not None and original != unit.line and unit.kind != "heading"
        if copied and not adjacent and len(key.split()) >= 2:
            found.append(Debris(unit.line, unit.line, f"a copy of the title on line {original}", True))
        previous = unit
    return found


def _only_blank_between(doc: Document, before: Unit, after: Unit) -> bool:
    return all(not doc.lines[index].strip() for index in range(before.line, after.line - 1))
