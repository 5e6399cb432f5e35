"""Runs of interface text (S010): an app's buttons, tabs, counters and hints, pasted with the
draft that was copied out of it.

A chat assistant's or a writing tool's screen copied whole brings its chrome as short lines
above or under the text: `New chat` / `Search chats` / `⌘K`, `Copy` / `Retry` / `👍 👎`,
`3 sources`, `12 / 20 credits`, `docs.python.org · 2`, `Ask anything…`, `Kopieren · Teilen`.
No list of those lines is needed: a line is interface text by its form (a few words and no
sentence; its words an interface's words, seolint/checks/interface_words.toml, with names
and joining words; or a count, a date or reading time, a list of domains, a key's name, an
input box's hint ending in an ellipsis, icons), and a run of two pieces of it or more (two
lines, or two cells of a row), one under the other with no text of the post between it and
the start or the end of the draft, is the app's, with a short line between two of them. A
line that is a working link is the site's own navigation, and a sentence, a title, a line
wrapped from a sentence and the post's own paragraphs end a run.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Sequence
from functools import cache, cached_property
from itertools import accumulate

from seolint.checks.draft_units import Unit, title_cased
from seolint.discover.records import NamedTuple
from seolint.registry.lazy_patterns import LazyRegex

_LINE_WORDS = 6  # an interface line is a few words: a control, a count, a hint
_CELL_WORDS = 4  # each cell of a row of them (`Copy · Share · Export to Docs`)
_TITLE_WORDS = 4  # a line of this many words in title case is a title, not a control
_RUN_GAP = 2  # lines from one line of a run to the next (one blank line between)
_MIN_RUN = 2
_BETWEEN = 1  # other lines between two lines of interface text in a run
_NAMES = 2  # capitalised words a control may name (`Ask Gemini`, `Send to WordPress`)
# Cells of a row: a bullet, a bar or a wide gap between them.
_CELLS = LazyRegex(r"(?<![ \t])(?:[ \t]*[·•∙|][ \t]*|[ \t]{3,}|\t[ \t]*)")
_WORDS = LazyRegex(r"[^\W\d_]{2,}")
_TOKEN = LazyRegex(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d[\d,.]*[kKmM]?|\S")
# A count: `3 sources`, `12 / 20 credits`, `+3 more`, `2/2`, `1.2K`, `Sources 9`, `(7)`.
_COUNT = LazyRegex(
    r"^[(+#]?\d(?:[\d,.]*\d)?[kKmM]?\)?(?:\s*/\s*\d(?:[\d,.]*\d)?)?(?:\s+[^\W\d_]+){0,2}$"
    r"|^[^\W\d_]+\s+\(?\d[\d,]*\)?$"
)
# A key or a key combination: `⌘K`, `Ctrl+Enter`, `Shift + Enter`, "Press Enter to send".
_KEYS = LazyRegex(
    r"[⌘⌥⇧⌃⏎↵]|\b(?:ctrl|cmd|command|shift|alt|option|esc|enter|return|tab)\s*\+|\+\s*(?:enter|return)\b"
    r"|\bpress\s+(?:enter|return|esc)\b|\b(?:esc|enter|return|tab)\s+to\b",
    re.IGNORECASE,
)
_ELLIPSIS = ("…", "...")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# A date, a time or a span of time: `2026-03-04`, `Dec 2, 2026`, `4 min read`, `3 h ago`, `10:42 AM`.
_DATE = LazyRegex(
    rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}|{_MONTH} \d{{1,2}}(?:, \d{{4}})?"
    rf"|\d{{1,2}} {_MONTH}(?: \d{{4}})?)\b"
    r"|\b\d{1,3}\s*(?:min(?:ute)?s?|m|h|hours?|days?|d)\b(?:\s+(?:read|ago))?|\b(?:yesterday|today)\b"
    r"|\b\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?",
    re.IGNORECASE,
)


class _Words(NamedTuple):
    stems: tuple[str, ...]
    words: frozenset[str]
    joining: frozenset[str]
    prompts: tuple[str, ...]


@cache
def _interface_words() -> _Words:
    from seolint.registry.package_data import package_toml

    data = package_toml("seolint.checks", "interface_words.toml")
    return _Words(
        tuple(data["stems"]), frozenset(data["words"]), frozenset(data["joining"]), tuple(data["prompts"])
    )


def interface_runs(
    units: Sequence[Unit], head_end: int, tail_start: int, linked: Collection[int]
) -> list[tuple[int, bool]]:
    """The lines of `units` (by index) in runs of interface text, each with whether it is
    interface text itself: runs of short lines (a blank line at most between) at an edge of
    the post (`_Edge`) that hold two pieces of interface text or more (a line, or a cell of
    a row: `Copy · Share` is two), one at least a control, on half at least of the lines
    from the first line of interface text to the last; the lines between them too (a name
    between two controls), but not one typed elsewhere in the draft (its title)."""
    found: list[tuple[int, bool]] = []
    edge = _Edge(units, head_end, tail_start)
    for run in _runs(units):
        read = {i: interface_cells(units[i].text) for i in run if units[i].line not in linked}
        shown = {i: cells for i, cells in read.items() if cells is not None}
        for part in _parts(run, shown):
            pieces = sum(sum(shown[i]) for i in part if i in shown)
            controls = any(i in shown and shown[i].controls for i in part)
            if pieces >= _MIN_RUN and controls and edge.holds(part[0], part[-1], pieces):
                found += [(i, i in shown) for i in part]
    if len(found) > sum(shown for _, shown in found):  # lines between: not one typed elsewhere
        typed = Counter(unit.text for unit in units)
        found = [(i, shown) for i, shown in found if shown or typed[units[i].text] == 1]
    return found


def _parts(run: list[int], shown: Collection[int]) -> list[list[int]]:
    """The parts of a run from one line of interface text to another, with one other line
    at most between two of them (a name between two controls); two other lines in a row
    (a list of sources under a "Sources" control) part them."""
    parts: list[list[int]] = []
    last = 0  # where in the run the part's last line of interface text is
    for position, index in enumerate(run):
        if index not in shown:
            continue
        if parts and position - last <= _BETWEEN + 1:
            parts[-1] += run[last + 1 : position + 1]
        else:
            parts.append([index])
        last = position
    return parts


_EDGE_TEXT = 200  # characters of text a run may have between it and the edge of the draft: a sentence
_EDGE_PIECES = 3  # pieces of interface text a run needs there


class _Edge:
    """Where the post's edges are. A run is at one when no text of the post is between it
    and the start or the end of the draft: before its first line of prose (`head_end`) or
    after its last (`tail_start`), or with no line of text (a sentence, a long line; in any
    script) on that side. A subtitle above a page's bar, or a tool's disclaimer under its
    buttons, is one sentence between a run and the edge: a run of more interface text
    (`_EDGE_PIECES`) is at the edge there too."""

    def __init__(self, units: Sequence[Unit], head_end: int, tail_start: int) -> None:
        self.units = units
        self.zones = (head_end, tail_start) if head_end <= tail_start else None  # None: no prose found

    @cached_property
    def before(self) -> list[int]:
        """The characters of text before each unit (and after the last)."""
        text = (len(unit.text) if unit.kind != "heading" and _text(unit) else 0 for unit in self.units)
        return list(accumulate(text, initial=0))

    def holds(self, first: int, last: int, pieces: int) -> bool:
        """Whether units[first..last], holding `pieces` of interface text, are at an edge."""
        if self.zones is not None and (
            self.units[last].line < self.zones[0] or self.units[first].line > self.zones[1]
        ):
            return True
        above, below = self.before[first], self.before[-1] - self.before[last + 1]
        return min(above, below) == 0 or (min(above, below) <= _EDGE_TEXT and pieces >= _EDGE_PIECES)


def _runs(units: Sequence[Unit]) -> list[list[int]]:
    """Runs of lines that could be interface text: short paragraph lines, not a sentence nor
    a title nor a piece of one wrapped over lines, one under the other."""
    runs: list[list[int]] = []
    run: list[int] = []
    for index, unit in enumerate(units):
        if not _short(unit) or _wrapped(units, index):
            run = []
            continue
        if run and unit.line - units[run[-1]].line > _RUN_GAP:
            run = []
        if not run:
            runs.append(run)
        run.append(index)
    return runs


_WRAPPED_WORDS = 3  # a line of a paragraph wrapped over lines has a few words at least


def _wrapped(units: Sequence[Unit], index: int) -> bool:
    """A piece of a sentence wrapped over lines of its paragraph: a line of some words that
    the next goes on from in lower case, or the rest of one ("can now run commands" /
    "like"). Controls stacked in lower case (`menu` / `close`) are a word or two each."""
    unit = units[index]
    following = units[index + 1] if index + 1 < len(units) else None
    if (
        following is not None
        and following.block == unit.block
        and following.text[:1].islower()
        and len(unit.text.split()) >= _WRAPPED_WORDS
    ):
        return True
    previous = units[index - 1] if index else None
    return (
        previous is not None
        and previous.block == unit.block
        and unit.text[:1].islower()
        and len(previous.text.split()) >= _WRAPPED_WORDS
        and not previous.text.rstrip().endswith(_SENTENCE_ENDS)
    )


_LINE_CHARS = 60  # a line of interface text is short in any script
_ROW_CHARS = 300  # and a row of its cells is not long
_SENTENCE_ENDS = (".", "!", "?", ":", "。", "！", "？", "：", "；", "，", "、")


def _short(unit: Unit) -> bool:
    """A line that could be interface text: a short paragraph line, not a sentence nor a
    title (a row of cells may be longer: each cell is short)."""
    if unit.kind != "paragraph" or len(unit.text) > _ROW_CHARS or _text(unit):
        return False
    text = unit.text.strip()
    if len(text) <= _LINE_CHARS and len(text.split()) <= _LINE_WORDS:
        titled = len(_WORDS.findall(text)) >= _TITLE_WORDS and title_cased(text)
        return not (titled and not _CELLS.search(text))
    cells = _CELLS.compiled.split(text)
    return len(cells) > 1 and all(len(c.split()) <= _CELL_WORDS and len(c) <= _LINE_CHARS for c in cells)


def _text(unit: Unit) -> bool:
    """A line of the post's text: its prose, or a sentence in any script (`。` ends one)."""
    text = unit.text.rstrip()
    return unit.prose or (text.endswith(_SENTENCE_ENDS) and not text.endswith(_ELLIPSIS))


class Cells(NamedTuple):
    """The cells of a line of interface text: controls (labels, hints, keys, icons), and
    marks (counts, dates, domains)."""

    controls: int
    marks: int


def interface_cells(text: str) -> Cells | None:
    """The cells of a line of interface text, None when a cell is none of these."""
    cells = [cell for cell in _CELLS.compiled.split(text.strip()) if cell]
    if not cells or not all(map(_interface_cell, cells)):
        return None
    marks = sum(_mark(_without_icons(cell)) for cell in cells)
    return Cells(len(cells) - marks, marks)


def _interface_cell(cell: str) -> bool:
    bare = _without_icons(cell)  # `👍 12` -> `12`, `↻ Retry` -> `Retry`
    return _icons(cell) or _keys(cell) or _hint(bare) or _control(bare) or _mark(bare)


_WORD_MARKS = "+/,.()[]#'’-…"
_CODE_SIGNS = LazyRegex(r"[/\\{}<>=_\[\]@$%^*~|]")


def _without_icons(cell: str) -> str:
    """A cell without the icons around its words."""
    return "".join(c if c.isalnum() or c.isspace() or c in _WORD_MARKS else " " for c in cell).strip()


def _mark(cell: str) -> bool:
    """A count, a date or reading time, or domain names."""
    return _COUNT.match(cell) is not None or _dated(cell) or ("." in cell and _domains(cell))


def _icons(cell: str) -> bool:
    """Only symbols (`👍 👎`, `⋯`, `↻`), not punctuation nor the signs of code and markup
    (a table's `---`, `<`)."""
    return all(c.isspace() or c in _JOINERS or (not c.isascii() and _symbol(c)) for c in cell)


def _symbol(char: str) -> bool:
    return unicodedata.category(char) in _SYMBOLS


_SYMBOLS = ("So", "Sm", "Sk")
_JOINERS = "\ufe0f\u200d"  # an emoji's variation selector and joiner


def _domains(cell: str) -> bool:
    """Domain names and counts: `docs.python.org`, `github.com 2`, `+3`."""
    tokens = cell.split()
    return any(map(_is_domain, tokens)) and all(_is_domain(t) or t.strip("+()").isdigit() for t in tokens)


def _is_domain(token: str) -> bool:
    parts = token.split("/", 1)[0].split(".")
    return len(parts) >= 2 and all(p.replace("-", "").isalnum() for p in parts) and parts[-1].isalpha()


def _dated(cell: str) -> bool:
    """A date, a time or a reading time, with a word or two: `4 min read`, `Updated 2 h ago`."""
    rest = _DATE.compiled.sub(" ", cell)
    return rest != cell and len(rest.split()) <= _NAMES


_KEY_NAMES = frozenset(
    ["ctrl", "cmd", "command", "shift", "alt", "option", "esc", "enter", "return", "tab", "press"]
)


def _keys(cell: str) -> bool:
    """A keyboard hint: `⌘K`, `Ctrl + Enter to send`, `Esc to close`; its other words are
    interface words ("⌘K opens search" is a sentence)."""
    if _KEYS.search(cell) is None:
        return False
    joining = _interface_words().joining
    words = [t.lower() for t in _TOKEN.findall(cell) if t.isalpha() and len(t) > 1]
    return all(w in _KEY_NAMES or w in joining or _word(w) for w in words)


def _hint(cell: str) -> bool:
    """An input box's hint: `Ask anything…`, `Message Claude…`, `Search…`."""
    if not cell.endswith(_ELLIPSIS) or len(cell.split()) > _LINE_WORDS:
        return False
    first = cell.split()[0].lower().strip("….")
    return first.startswith(_interface_words().prompts) or _word(first)


def _control(cell: str) -> bool:
    """A control's label: an interface word first, then interface or joining words (`Share
    this post`, `Open in app`), and a name or two or the thing it acts on (`Ask Gemini`,
    `Export to Docs`, `Copy to clipboard`)."""
    if _CODE_SIGNS.search(cell):
        return False  # a path, markup, a template's tag
    tokens = [t for t in _TOKEN.findall(cell) if t.isalpha() or "'" in t or "-" in t]
    if not tokens or len(tokens) > _LINE_WORDS or not _word(tokens[0].lower()):
        return False
    joining = _interface_words().joining
    rest = [t for t in tokens[1:] if not _word(t.lower()) and t.lower() not in joining]
    return len(rest) <= _NAMES and sum(t[:1].islower() for t in rest) <= 1


def _word(token: str) -> bool:
    """An interface word: one of the words, or a word starting with one of the stems."""
    words = _interface_words()
    return token in words.words or token.startswith(words.stems)
