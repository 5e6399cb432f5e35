"""Label lines (S005): a draft's metadata written as `Key: value` lines, by their form.

A label line is a short capitalised key (at most five words, not a sentence; an emoji or
symbol may come first), an optional note in parentheses (`Meta title (60 chars):`), a colon,
and a value or nothing; written plain, in bold or in `<strong>` (the front-ends give the text
without the markup). It is scaffolding:
- at the top or the bottom of the draft, before the post begins or after it ends, when its
  key is a draft's metadata key (`Slug`, `Reading time`, `Audience`), or the line is one of a
  block of label lines that holds two of them (`Title:`, `Angle:`, `Persona:`, `Slug:`);
- anywhere, when its key is one no post uses for its own text (`Meta description`, `Focus
  keyword`, `Word count`) and its value is a value, not an explanation ("Primary keyword:
  kubernetes probes", not "Primary keyword: the phrase a post should rank for" in a post
  about keyword research).
Keys of a post's own content (`Note:`, `Update:`, `Step 1:`, `Pros:`) are never labels. A
short line in words of metadata right above a block of them (`📌 **SEO Metadata**`) is the
block's heading, and goes with it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import cache

from seolint.checks.draft_units import Unit, is_prose_line, title_cased, word_count
from seolint.checks.leftover_lexicon import language_words, leftover_words
from seolint.checks.outline_block import plan_part
from seolint.discover.records import NamedTuple
from seolint.registry.lazy_patterns import LazyRegex

# A key in any script; a colon (a space before it in French) or a full-width one (U+FF1A),
# after which the value needs no space.
_LABEL = LazyRegex(
    r"^\W{0,6}(?P<key>[^\W\d_][\w'’&/+.-]*(?:\s+[\w'’&/+.-]+){0,4}?)\s*(?:[(（](?P<note>[^()（）]{1,40})[)）]\s*)?"
    r"(?:(?::\s+|：\s*)(?P<value>\S.*)|[:：]\s*)$"
)
_MAX_VALUE_WORDS = 60
_ZONE_VALUE_WORDS = 15  # an unknown key's value at most this long
_KNOWN_IN_BLOCK = 2  # metadata keys that make a run of label lines a block of metadata
# Explanations, not values: they open with a determiner or pronoun, or hold a clause.
_EXPLAINS = LazyRegex(
    r"^(?:the|a|an|this|that|these|those|it|its|one|each|every|any|what|how|which|who|you|your|where|when)\b"
    r"|\b(?:that|which|who|whose|is|are|should|must|can|will|would|may|means|refers)\b",
    re.IGNORECASE,
)
_MIN_EXPLANATION_WORDS = 6
_TITLE_VALUE_WORDS = 4  # "Readability target: grade 9" is a value; a title's subtitle says more
_HEAD_WORDS = 4  # a block of metadata's heading is a few words
_ROW_GAP = 2  # lines from a table's row to the next
_HEADED_KEY_WORDS = 3  # "Post slug", "Reader persona": a few words ending in a draft's noun
_ROW_CELLS = 2  # a key and its value
_OUTLINE_REACH = 3  # lines around a part of a plan to look for another
_SENTENCE_WORDS = LazyRegex(r"\b(?:i|we|you|is|are|was|were|will|can|should|must|have|has|do|does)\b", re.I)


class Label(NamedTuple):
    line: int
    last: int  # an empty label's value may be on the line under it
    key: str
    known: bool  # a draft's metadata key (leftover_words.toml)


_CELLS = r"\s+[·•|]\s+"


def parse_label(text: str) -> tuple[str, str] | None:
    """(key, value) of a label line, or None: "Meta title (60 chars): X" -> ("meta title", "X").
    A row of cells (`Exported from X · Project: Q1 · Template: How-to`) is a label line when
    one of its cells is one: its first such cell."""
    if ":" not in text and "：" not in text:
        return None  # most lines: every label, in a cell or not, holds its colon (_LABEL)
    label = _parse_cell(text)
    if "·" not in text and "|" not in text and "•" not in text:
        return label
    cells = [cell for cell in map(_parse_cell, re.split(_CELLS, text.strip())[1:]) if cell is not None]
    if label is not None and (is_known(label[0]) or not any(is_known(key) for key, _ in cells)):
        return label
    # "Plagiarism check: 0% · Readability: Grade 11": the row's metadata cell names it.
    return next((cell for cell in cells if is_known(cell[0])), label or next(iter(cells), None))


def _parse_cell(text: str) -> tuple[str, str] | None:
    found = _LABEL.match(text.strip())
    if found is None:
        return None
    key = " ".join(found.group("key").lower().split()).strip(".")
    if found.group("key")[0].islower() and not (found.group("value") and is_known(key)):
        return None  # "...in the following\nformat:" runs on; "kw: systemd timers" is a label
    if _SENTENCE_WORDS.search(key) or key in leftover_words().content_keys:
        return None
    return key, (found.group("value") or "").strip()


def is_known(key: str, keys: frozenset[str] | None = None) -> bool:
    """Whether `key` (or its singular) is one of `keys`, the metadata keys unless told."""
    words = leftover_words()
    keys = words.metadata_keys if keys is None else keys
    if "-" in key and key not in keys:
        key = key.replace("-", " ")  # "Meta-Description", "Focus-Keyword"
    first, _, rest = key.partition(" ")
    if rest and first in words.key_qualifiers:
        key = rest  # "suggested hero image" is a "hero image"
    if key in keys or key.rstrip("s") in keys or key.removesuffix("es") in keys:
        return True
    head = key.rsplit(" ", 1)[-1]
    return (
        keys is words.metadata_keys
        and " " in key
        and len(key.split()) <= _HEADED_KEY_WORDS
        and (head in words.key_heads)
    )


def explains(value: str) -> bool:
    """Whether a value reads as an explanation of the key rather than a value for it, in
    English or another language (leftover_languages.toml)."""
    if word_count(value) < _MIN_EXPLANATION_WORDS:
        return False
    return _EXPLAINS.search(value) is not None or _explains_in_other_languages(value)


@cache
def _explaining() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """The other languages' determiners that open an explanation, their relative pronouns and
    copulas, and those of Chinese, Japanese and Korean, which are looked for as they are."""
    words = language_words()
    spaced = frozenset(word for word in words.explaining_words if word[0] < "\u1100")
    spaceless = tuple(word for word in words.explaining_words if word[0] >= "\u1100")
    return frozenset(words.explaining_openers), spaced, spaceless


def _explains_in_other_languages(value: str) -> bool:
    openers, spaced, spaceless = _explaining()
    words = value.lower().split()
    return (
        words[0] in openers
        or not spaced.isdisjoint(word.strip(",.;:!?()") for word in words)
        or any(word in value for word in spaceless)
    )


def find_labels(units: Sequence[Unit], taken: set[int]) -> list[Label]:
    """Label lines of the draft that are scaffolding; `taken` are lines another leftover rule
    already reports (an outline's `Hook:` items, the assistant's sentences)."""
    parsed: dict[int, tuple[str, str]] = {}
    for unit in units:
        if unit.kind == "quote":
            continue  # a quoted announcement's "Title:" is the quote's
        label = parse_label(unit.text) if unit.line not in taken else None
        # A heading with a colon is a title ("Rust 1.70: What's new") unless its key is a label's.
        if label is not None and (
            unit.kind != "heading" or is_known(label[0], leftover_words().unmistakable_keys)
        ):
            parsed[unit.line] = label
    if not parsed:
        return []  # most drafts: no line reads as a label
    content = [u for u in units if u.line not in taken and u.line not in parsed and is_prose_line(u)]
    head_end = content[0].line if content else max((u.line for u in units), default=0) + 1
    tail_start = content[-1].line if content else 0
    above_first = max((u.line for u in units if u.line < head_end), default=0)
    known_in_run = _known_per_run(units, parsed, taken)
    wrapped = {
        unit.line
        for unit, following in itertools.pairwise(units)
        if unit.line in parsed and following.block == unit.block and not following.first
        and following.line not in parsed and following.line not in taken and unit.block is not None
    }  # fmt: skip
    rows = {unit.line for unit in units if unit.line in parsed and re.search(_CELLS, unit.text)}
    found = []
    for line, (key, value) in sorted(parsed.items()):
        known = is_known(key)
        unmistakable = is_known(key, leftover_words().unmistakable_keys)
        words = len(value.split())
        if words > _MAX_VALUE_WORDS:
            continue
        zoned = line < head_end or line > tail_start
        in_metadata_block = known_in_run.get(line, 0) >= _KNOWN_IN_BLOCK
        if value and line in wrapped:
            continue  # "Title: a first line ... so this" running on to the next line is a sentence
        if not known and len(value.split()) > 1 and title_cased(value) and line not in rows:
            continue  # "Redis Eviction Explained: Keep Your Cache Fast" is a title
        if (
            not known
            and words >= _TITLE_VALUE_WORDS
            and line == above_first
            and not value.endswith((".", "!"))
        ):
            continue  # "DNS over HTTPS: what it protects" right over the first paragraph is the title
        if not zoned and (_two_sentences(value) or _in_shown_outline(units, line)):
            continue  # a definition of two sentences, or an outline the post shows, is the post's
        if (
            (known and zoned and (in_metadata_block or not explains(value)))
            or (zoned and in_metadata_block and words <= _ZONE_VALUE_WORDS)
            or (unmistakable and not explains(value))
        ):
            last = _value_below(units, line, parsed, taken) if not value and zoned else line
            found.append(Label(line, last, key, known))
    return found + _block_heads(units, found, known_in_run, head_end, tail_start)


def find_property_rows(
    cells: Sequence[tuple[int, str]], units: Sequence[Unit], taken: set[int]
) -> list[Label]:
    """The rows of a properties table above the draft (a Notion page's `Status`, `Owner`,
    `Target keyword`, or a Markdown table of them): a table of key and value rows, before
    the post begins, whose keys are a draft's metadata, one of them a key no post uses for
    its own text. `cells`: (line, text) of each table cell, in order."""
    if not cells:
        return []
    rows: dict[int, list[str]] = {}
    for line, text in cells:
        rows.setdefault(line, []).append(text)
    content = next((u.line for u in units if u.line not in taken and is_prose_line(u)), None)
    found: list[Label] = []
    table: list[tuple[int, str]] = []
    for line, row in [*sorted(rows.items()), (0, [])]:
        key = " ".join(row[0].lower().split()) if len(row) == _ROW_CELLS else ""
        if key and (not table or line - table[-1][0] <= _ROW_GAP) and _is_key(row[0]):
            table.append((line, key))
            continue
        known = sum(is_known(k) for _, k in table)
        unmistakable = any(is_known(k, leftover_words().unmistakable_keys) for _, k in table)
        if table and known >= _KNOWN_IN_BLOCK and unmistakable and (content is None or table[0][0] < content):
            found.append(Label(table[0][0], table[-1][0], table[0][1], True))  # deleted whole
        table = [(line, key)] if key and _is_key(row[0]) else []
    return found


def _is_key(text: str) -> bool:
    """A table cell that reads as a key: a few words, capitalised, no sentence."""
    words = text.split()
    return 0 < len(words) <= _HEAD_WORDS and text[:1].isupper() and not _SENTENCE_WORDS.search(text)


def _two_sentences(value: str) -> bool:
    """Whether a value goes on to a second sentence ("close variants. Use them as headings")."""
    words = value.split()
    return any(word[-1] in ".!?" and after[:1].isupper() for word, after in itertools.pairwise(words))


def _in_shown_outline(units: Sequence[Unit], line: int) -> bool:
    """Whether a label is a part of a plan ("CTA: ...") among other parts of it a few lines
    away: an outline shown inside a post about outlining (S006 takes one above the draft)."""
    index = next(i for i, unit in enumerate(units) if unit.line == line)
    part = plan_part(units[index].text)
    nearby = units[max(0, index - _OUTLINE_REACH) : index + _OUTLINE_REACH + 1]
    return part is not None and any(plan_part(u.text) not in (None, part) for u in nearby)


def _block_heads(
    units: Sequence[Unit], labels: list[Label], known_in_run: dict[int, int], head_end: int, tail_start: int
) -> list[Label]:
    """The heading of a block of metadata labels at an edge of the draft ("📌 **SEO
    Metadata**", "Post details:"): a short line right above the block, in words of metadata."""
    heads = leftover_words().metadata_heads
    starts = {label.line for label in labels if known_in_run.get(label.line, 0) >= _KNOWN_IN_BLOCK}
    found = []
    for unit, following in itertools.pairwise(units):
        if following.line not in starts or not (unit.line < head_end or unit.line > tail_start):
            continue
        words = re.sub(r"[^\w\s]", " ", unit.text.lower()).split()
        grams = set(words) | {" ".join(pair) for pair in itertools.pairwise(words)}
        if len(words) <= _HEAD_WORDS and grams & heads and not (unit.kind == "heading" and unit.level == 1):
            found.append(Label(unit.line, unit.line, " ".join(words), True))
    return found


def _value_below(
    units: Sequence[Unit], line: int, parsed: dict[int, tuple[str, str]], taken: set[int]
) -> int:
    """The last line of an empty label and the one short line under it that is its value
    ("Image Alt Text:" above "A diagram of two transactions waiting")."""
    following = next((u for u in units if u.line > line), None)
    if (
        following is None
        or following.kind == "heading"
        or following.line in parsed
        or following.line in taken
        or len(following.text.split()) > _ZONE_VALUE_WORDS
    ):
        return line
    return following.line


def _known_per_run(
    units: Sequence[Unit], parsed: dict[int, tuple[str, str]], taken: set[int]
) -> dict[int, int]:
    """For each label line, how many metadata keys its run of consecutive label lines holds
    (other leftover lines may sit between them): a run with two is a block of metadata."""
    counts: dict[int, int] = {}
    run: list[int] = []
    for unit in [*units, None]:
        if unit is not None and unit.line in parsed:
            run.append(unit.line)
        elif unit is not None and unit.line in taken:
            continue
        else:
            known = sum(is_known(parsed[line][0]) for line in run)
            counts.update(dict.fromkeys(run, known))
            run = []
    return counts
