"""Views of a Document derived once and shared by every rule: its prose and its text lines.

There is one definition of prose. Prose blocks are the Document's paragraphs, list items
and quotes (never front matter, headings, code, inline code, comments or table cells),
with URLs, file paths and template directives removed; a word is what `words_of` finds
in them. Every rule and the report's stats count words, sentences and syllables here,
so "200 words of prose" (M006) and "442 words and no H2" (H007) can no longer disagree.

A Document builds its Views on first use (`doc.views`) and keeps them, like
markdownlint's per-document cache: no rule recomputes them, and nothing derived from a
document is kept anywhere else. The process-wide caches hold what every document shares:
each word's syllable count (seolint.document.syllables: prose repeats its words), compiled
patterns (exclude globs, HTML token expressions, pack screens, C001's request words) and
data loaded once (the syllable table, the built-in packs, C001's word lists, the parsers).
"""

from __future__ import annotations

import re
from functools import cache, cached_property
from typing import TYPE_CHECKING, TypeVar, cast

from seolint.discover.records import NamedTuple
from seolint.document import marks
from seolint.document.lines import URL

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from seolint.document.lines import Read, TextLine
    from seolint.document.model import Block, Document, Stretch

T = TypeVar("T")
# The look-behind lets a path start only at a token boundary, which keeps long runs linear.
_PATH = re.compile(r"(?<![\w/.-])(?:\.{0,2}/)?(?:[\w.-]+/)+[\w.-]+")
_URL_END = re.compile(r"[.!?]+[\"'”’)\]]*$")
_TEMPLATE = re.compile(r"\{\{[^{}\n]{0,500}\}\}|\{%[^%\n]{0,500}%\}")  # bounded: linear time
# A word is a letter, then letters, digits, combining marks, apostrophes and hyphens, ending
# in a letter, digit or mark. The marks (vowel signs, viramas, accents typed as two code
# points) are part of the word: `\w` alone would cut "किताब" into three. A class of the 2,400
# marks costs 14 M instructions to compile, so the pattern reads text whose marks were
# replaced by a digit instead: a word cannot start with one, and may hold and end with one,
# as with a mark. Written as runs of one class joined by apostrophes and hyphens, the engine
# never backtracks; ASCII text (most prose) takes the ASCII-mode twin: the same words, found
# with cheaper character tests.
_WORD = re.compile(r"[^\W\d_]\w*(?:['’-]+\w+)*")
_ASCII_WORD = re.compile(r"[A-Za-z]\w*(?:['-]+\w+)*", re.ASCII)
# A sentence ends at . ! ? (plus closing quotes or brackets) and a space before a capital,
# digit or quote; in other scripts also at the danda (U+0964, U+0965), the Urdu full stop
# (U+06D4) and the Arabic question mark (U+061F), before any letter that is not lowercase
# (scripts without case, such as Hangul or Devanagari, have no capitals to wait for); and at
# the full-width stops of Chinese and Japanese (U+3002, U+FF01, U+FF1F), which need no space
# after them. A version number (`v3.0.2`) after a stop starts a sentence too; any other lower
# case word goes on ("e.g. this"). ASCII text keeps the
# ASCII pattern: the same breaks, without a case test per candidate.
_FOOTNOTE = r"(?:\[\^[^\]\s]{1,40}\])?"  # "done.[^1] Next": a footnote reference after the stop
_ASCII_SENTENCE_END = re.compile(rf"[.!?][\"')\]]*{_FOOTNOTE}\s+(?=[\"'(\[]?[A-Z0-9]|\[\^|v\d)")
_VERSION = re.compile(r"v\d")  # "was unhelpful. v3.0.2 throws": a version starts a sentence
_SENTENCE_END = re.compile(
    rf"[.!?\u0964\u0965\u06d4\u061f][\"'”’)\]]*{_FOOTNOTE}\s+(?=[\"'“‘(\[]?([^\W_])|\[\^)"
    r"|[\u3002\uff01\uff1f][\u300d\u300f”’)\]\uff09]*\s*(?=\S)"
)


def words_of(text: str) -> list[str]:
    """The words of `text` as every count of words in seolint sees them."""
    if text.isascii():
        return _ASCII_WORD.findall(text)
    marked = text.translate(_marks_as_digits())
    if marked == text:  # no combining mark: the words are the pattern's
        return _WORD.findall(text)
    return [text[found.start() : found.end()] for found in _WORD.finditer(marked)]


@cache
def _marks_as_digits() -> dict[int, int]:
    return dict.fromkeys(marks.code_points(), ord("0"))


def count_words(text: str) -> int:
    return len(words_of(text))


def sentences_of(text: str) -> Iterator[str]:
    """`text` cut after each sentence end (its mark stays, the space after it goes)."""
    start = 0
    if text.isascii():
        for end in _ASCII_SENTENCE_END.finditer(text):
            yield text[start : end.start() + 1]
            start = end.end()
    else:
        for end in _SENTENCE_END.finditer(text):
            following = end.group(1)
            if following is None or not following.islower() or _VERSION.match(text, end.end()):
                yield text[start : end.start() + 1]
                start = end.end()
    yield text[start:]


def without_templates(text: str) -> str:
    """`text` with its template directives (`{{ ... }}`, `{% ... %}`) blanked."""
    return _TEMPLATE.sub(" ", text) if "{" in text else text


def _path_gap(path: re.Match[str]) -> str:
    """A blank for a file path, keeping the stops it swallowed: "called CI/CD. Next" still
    ends a sentence."""
    found = path.group()
    return " " + found[len(found.rstrip(".")) :]


def prose_text(text: str) -> str:
    """A block's text without URLs, file paths and template directives: not words a reader reads."""
    if "://" in text or "www." in text:  # each pattern needs these characters: most blocks have none
        text = URL.sub(_url_gap, text)
    if "/" in text:
        text = _PATH.sub(_path_gap, text)
    return without_templates(text).strip()


def _url_gap(url: re.Match[str]) -> str:
    """What a URL leaves in prose: a space, and the full stop that ended the sentence it
    closed ("a PR in https://x/pull/1. The fix" is still two sentences)."""
    end = _URL_END.search(url.group())
    return " " + end.group() if end else " "


class ProseBlock(NamedTuple):
    block: Block  # as the front-end found it (its span, kind and raw text)
    text: str  # the prose in it
    words: int


class Sentence(NamedTuple):
    text: str
    words: int
    block: int  # index into Views.blocks


class Views:
    """The derived views of one Document, each computed on first use."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc

    @cached_property
    def blocks(self) -> tuple[ProseBlock, ...]:
        """The prose blocks that hold any prose, in document order."""
        return self._prose.blocks

    @cached_property
    def text(self) -> str:
        """All prose, blocks separated by blank lines."""
        return "\n\n".join(b.text for b in self.blocks)

    @cached_property
    def words(self) -> int:
        return sum(b.words for b in self.blocks)

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        return self._prose.sentences

    @cached_property
    def syllables(self) -> int:
        """Syllables of every prose word (the pronunciation data loads only when asked)."""
        from seolint.document.syllables import total

        return total(self._prose.words)

    def syllable_counts(self, language: str) -> tuple[int, ...]:
        """Each prose word's syllables in `language` (not English: seolint.document.hyphenation)."""
        found = self._syllables_in.get(language)
        if found is None:
            from seolint.document.hyphenation import syllable_counts

            found = self._syllables_in[language] = tuple(syllable_counts(self._prose.words, language))
        return found

    @property
    def word_list(self) -> list[str]:
        """Every prose word, in order."""
        return self._prose.words

    @cached_property
    def _syllables_in(self) -> dict[str, tuple[int, ...]]:
        return {}

    @cached_property
    def _prose(self) -> _Prose:
        return _Prose(self.doc.blocks)

    def derived(self, make: Callable[[Document], T]) -> T:
        """What `make` derives from the document, computed once however many rules ask (the
        leftover rules share one reading of a draft's anatomy)."""
        if make not in self._derived:
            self._derived[make] = make(self.doc)
        return cast("T", self._derived[make])

    @cached_property
    def _derived(self) -> dict[object, object]:
        return {}

    @cached_property
    def lines(self) -> dict[int, TextLine]:
        """The rule packs' `lines` scope: each non-blank text line by number, markup peeled off."""
        return self._read.lines

    @cached_property
    def markup(self) -> tuple[Stretch, ...]:
        """The markup `lines` peeled off the ends of the lines, as sorted source offsets:
        quote and list markers, heading hashes, emphasis, wrapping tags, thematic breaks."""
        from seolint.document.lines import markup_of

        return markup_of(self.doc, self._read)

    @cached_property
    def typed_lines(self) -> dict[int, TextLine]:
        """The same lines as the writer typed them: code, URLs and link syntax kept, comments
        blanked, the same markup peeled off (S004 compares these)."""
        from seolint.document.lines import typed_lines

        return typed_lines(self.doc, self._read)

    @cached_property
    def heading_lines(self) -> frozenset[int]:
        """The line each heading starts on (where a section ends), found once per Document."""
        return frozenset(h.span.line for h in self.doc.headings)

    def block_on(self, line: int) -> Block | None:
        """The first block, in document order, whose lines include `line`."""
        return self._block_by_line.get(line)

    @cached_property
    def _block_by_line(self) -> dict[int, Block]:
        return first_block_on_each_line(self.doc.blocks)

    @cached_property
    def _read(self) -> Read:
        from seolint.document.lines import text_lines

        return text_lines(self.doc)


class _Prose:
    """Blocks, sentences and words found in one pass: each sentence's words are found once,
    and a block's words are its sentences' words (no word spans a sentence break)."""

    __slots__ = ("blocks", "sentences", "words")

    def __init__(self, blocks: Iterable[Block]) -> None:
        prose: list[ProseBlock] = []
        sentences: list[Sentence] = []
        self.words: list[str] = []
        for block in blocks:
            if block.kind == "table-cell" or not (text := prose_text(block.text)):
                continue
            before = len(self.words)
            for piece in sentences_of(" ".join(text.split())):
                if found := words_of(piece):
                    sentences.append(Sentence(piece, len(found), len(prose)))
                    self.words += found
            prose.append(ProseBlock(block, text, len(self.words) - before))
        self.blocks = tuple(prose)
        self.sentences = tuple(sentences)


def first_block_on_each_line(blocks: Iterable[Block]) -> dict[int, Block]:
    """Each line's first block in document order. Each line is assigned once: a line
    already taken is skipped through `taken` (which points past the run of taken lines it
    starts, shortened as it is followed), so blocks around blocks cost no more than lines."""
    owner: dict[int, Block] = {}
    taken: dict[int, int] = {}

    def first_free(line: int) -> int:
        passed = []
        while line in taken:
            passed.append(line)
            line = taken[line]
        for seen in passed:
            taken[seen] = line
        return line

    for block in blocks:
        line = first_free(block.span.line)
        while line <= block.span.end_line:
            owner[line] = block
            taken[line] = line + 1
            line = first_free(line + 1)
    return owner
