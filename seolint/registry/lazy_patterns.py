"""Patterns compiled by `re` only when a text reaches them, and screened per document.

Every rule module is imported in every run, and compiling a module's patterns at import
cost a one-post run ~15 ms CPU for rules that never read that post (off, or not for its page
kind). `LazyRegex` compiles on first use instead.

The assistant's grammar (S007) is some forty patterns of a few hundred characters each:
compiled by `re` they cost ~25 ms CPU a process, and searched sentence by sentence they were
two thirds of linting the corpus, which holds no assistant's sentence. So a document is
screened first, pattern by pattern and only for the patterns a text is asked about: the
pattern's RE2 superset (`regex_superset`: it matches wherever the pattern does, and maybe
more) searches all the document's texts joined by newlines in one linear pass. A pattern
whose screen finds nothing cannot match any of the texts, and is neither compiled by `re`
nor searched; for the others the screen reads each text first, and `re` compiles and
searches only the texts it passes. The screens read the texts lower-cased
(`regex_superset.comparable`), so that none ignores case, which RE2 compiles in half the time
(S007 on one post: 32 ms -> 25 ms CPU), and match from the start of a text, which spares RE2
a reverse pass to find where a match starts. Figures: BENCHMARKS.md, "Figures behind the code".
A one-post check screens nothing: compiling the screens would cost more than they save
(`document_screen`, seolint.registry.screening).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from typing import Any, TypeVar

from seolint.registry.packs.kept_supersets import re2_superset
from seolint.registry.packs.regex_superset import comparable
from seolint.registry.screening import SCREENING

T = TypeVar("T")
_UNSCREENED = object()  # a pattern RE2 cannot screen: every document may hold a match


class LazyRegex:
    """A pattern of `re`, compiled the first time it is used."""

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern. The methods below read `_compiled` first: the property costs
        ~700 instructions a call (a short search ~12,000), and the corpus makes ~2 million."""
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def search(self, text: str, *span: int) -> re.Match[str] | None:
        return (self._compiled or self.compiled).search(text, *span)

    def match(self, text: str, *span: int) -> re.Match[str] | None:
        return (self._compiled or self.compiled).match(text, *span)

    def fullmatch(self, text: str, *span: int) -> re.Match[str] | None:
        return (self._compiled or self.compiled).fullmatch(text, *span)

    def finditer(self, text: str, *span: int) -> Iterator[re.Match[str]]:
        return (self._compiled or self.compiled).finditer(text, *span)

    def findall(self, text: str, *span: int) -> list[Any]:
        return (self._compiled or self.compiled).findall(text, *span)


class ScreenedPattern(LazyRegex):
    """A pattern compiled the first time a text may hold its match, with its RE2 screen."""

    __slots__ = ("_matches", "_screen")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        super().__init__(pattern, flags)
        self._screen: Any = None  # google-re2 has no type hints
        self._matches: Callable[[bytes], bool] | None = None

    def may_match(self, joined: bytes) -> bool:
        """Whether the texts joined by newlines, made `comparable` (UTF-8), may hold a match."""
        matches = self._matches
        if matches is None:
            self._screen = _compile_screen(self.pattern, self.flags)
            matches = self._matches = _matching(self._screen)
        return matches(joined)


def _matching(screen: Any) -> Callable[[bytes], bool]:
    """Whether `screen` matches from a text's start, as a function. It asks google-re2's RE2
    object itself where the module keeps one (most screens read a sentence and find nothing,
    and the module's `match` builds a generator, and a Match object when it finds one); else
    the module's `match`."""
    if screen is _UNSCREENED:
        return _anything
    inner = getattr(screen, "_regexp", None)
    match = getattr(inner, "Match", None)
    anchor = getattr(getattr(type(inner), "Anchor", None), "ANCHOR_START", None)
    if match is None or anchor is None:
        return lambda text: screen.match(text) is not None
    return lambda text: bool(match(anchor, text, 0, len(text))[0] != _NO_MATCH)


_NO_MATCH = (-1, -1)  # the span google-re2 gives for no match


def _anything(text: bytes) -> bool:
    return True


def _compile_screen(pattern: str, flags: int) -> Any:
    import re2  # google-re2, as for the pack screens

    if flags & ~re.IGNORECASE:  # only the case flag is translated; the others are not screened
        return _UNSCREENED
    superset = re2_superset(f"(?i){pattern}" if flags & re.IGNORECASE else pattern, lowered=True)
    if superset is None:
        return _UNSCREENED
    options = re2.Options()
    options.log_errors = False
    options.never_capture = True
    try:  # matched from the start: RE2 then needs no reverse automaton to find where a match starts
        return re2.compile(f"(?s:.*?)(?:{superset})", options)
    except re2.error:
        return _UNSCREENED


class DocumentScreen:
    """Searches for the texts of one document: a pattern whose screen finds nothing in the
    whole document matches none of its texts; one that finds something is screened again
    on the text asked about, and only then searched by `re`."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._texts = texts
        self._joined: bytes | None = None
        self._verdicts: dict[ScreenedPattern, bool] = {}
        self._text: str | None = None  # a text is asked about many patterns in a row
        self._encoded: bytes | None = None
        self._decided: dict[Callable[[DocumentScreen], bool], bool] = {}
        self._holding: dict[int, Sequence[Any]] = {}

    def may_hold(self, pattern: ScreenedPattern) -> bool:
        """Whether any of the document's texts may hold a match of `pattern` (False: none does)."""
        verdict = self._verdicts.get(pattern)
        if verdict is None:
            joined = self._joined_texts()
            verdict = self._verdicts[pattern] = joined is None or pattern.may_match(joined)
        return verdict

    def may_contain(self, words: str) -> bool:
        """Whether one of the texts may hold `words` (ASCII, lower case) in lower case (False:
        none does). The texts are read made `comparable`, which lower-cases as `str.lower`
        does wherever ASCII words can be found (U+0130 and the Kelvin sign are the only letters
        beyond ASCII that `str.lower` makes ASCII, and `comparable` makes them so too)."""
        joined = self._joined_texts()
        return joined is None or words.encode() in joined

    def holding(self, items: Sequence[T], pattern: Callable[[T], ScreenedPattern]) -> Sequence[T]:
        """The `items` whose pattern may match one of the texts, in order: found once per
        document for a sequence that lives as long as the process (a grammar's forms)."""
        found = self._holding.get(id(items))
        if found is None:
            found = self._holding[id(items)] = tuple(item for item in items if self.may_hold(pattern(item)))
        return found

    def decided(self, question: Callable[[DocumentScreen], bool]) -> bool:
        """`question(self)`, asked once per document: whether the document may hold something
        that needs several patterns (a screen that answers for a text alone says True)."""
        answer = self._decided.get(question)
        if answer is None:
            answer = self._decided[question] = question(self)
        return answer

    def search(self, pattern: ScreenedPattern, text: str) -> re.Match[str] | None:
        """`pattern.search(text)`, where `text` is one of the document's texts."""
        if not self._verdicts.get(pattern, True) or not self.may_hold(pattern):
            return None  # the verdict looked up first: S007 asks ~100 a sentence, most known
        encoded = self._encoded_text(text)
        if encoded is not None and not pattern.may_match(encoded):
            return None
        return pattern.search(text)

    def _joined_texts(self) -> bytes | None:
        """The texts joined by newlines, or None when RE2 cannot read them (a lone surrogate)."""
        if self._joined is None:
            try:
                self._joined = comparable("\n".join(self._texts))
            except UnicodeEncodeError:
                return None
        return self._joined

    def _encoded_text(self, text: str) -> bytes | None:
        if text is not self._text:
            self._text = text
            try:
                self._encoded = comparable(text)
            except UnicodeEncodeError:
                self._encoded = None
        return self._encoded


class NoScreen(DocumentScreen):
    """Every pattern searched, for a text on its own."""

    def __init__(self) -> None:
        super().__init__(())

    def may_hold(self, pattern: ScreenedPattern) -> bool:
        return True

    def may_contain(self, words: str) -> bool:
        return True

    def holding(self, items: Sequence[T], pattern: Callable[[T], ScreenedPattern]) -> Sequence[T]:
        return items

    def decided(self, question: Callable[[DocumentScreen], bool]) -> bool:
        return True

    def search(self, pattern: ScreenedPattern, text: str) -> re.Match[str] | None:
        return pattern.search(text)


_SOME_MATCH = re.compile("").match("")  # what `WholeDocument` answers for "a text may match"


class WholeDocument(DocumentScreen):
    """A document's screen asked about a text, answering for the whole document: a pattern
    matches when one of the document's texts may hold a match (a logic over patterns, asked
    this way, says whether the document may hold what it looks for in one text)."""

    def __init__(self, screen: DocumentScreen) -> None:
        super().__init__(())
        self._screen = screen

    def may_hold(self, pattern: ScreenedPattern) -> bool:
        return self._screen.may_hold(pattern)

    def decided(self, question: Callable[[DocumentScreen], bool]) -> bool:
        return True

    def search(self, pattern: ScreenedPattern, text: str) -> re.Match[str] | None:
        return _SOME_MATCH if self._screen.may_hold(pattern) else None


def screened(pattern: re.Pattern[str] | LazyRegex) -> ScreenedPattern:
    """A pattern compiled elsewhere (a module's `re.compile`, a LazyRegex) as a ScreenedPattern,
    one per pattern text and flags, so that its screen is compiled once a process."""
    if isinstance(pattern, ScreenedPattern):
        return pattern
    return _screened(pattern.pattern, pattern.flags & ~re.UNICODE)  # str patterns are Unicode anyway


@cache
def _screened(pattern: str, flags: int) -> ScreenedPattern:
    return ScreenedPattern(pattern, flags)


def screened_together(patterns: Sequence[re.Pattern[str] | LazyRegex]) -> ScreenedPattern:
    """One pattern matching wherever one of `patterns` does, each in a group with its own case
    flag, for its screen alone (one pass over a document's texts asks about all of them); it
    is never searched by `re`, whose group numbers and names it does not keep."""
    return _together(tuple((pattern.pattern, pattern.flags & ~re.UNICODE) for pattern in patterns))


@cache
def _together(sources: tuple[tuple[str, int], ...]) -> ScreenedPattern:
    if len(sources) == 1:
        return _screened(*sources[0])
    if any(flags & ~re.IGNORECASE for _, flags in sources):  # not screened: may match anything
        return ScreenedPattern("|".join(source for source, _ in sources), re.MULTILINE)
    return ScreenedPattern("|".join(f"(?{'i' if flags else ''}:{source})" for source, flags in sources))


def document_screen(texts: Sequence[str]) -> DocumentScreen:
    """The screen for one document's texts: none until screening pays (seolint.registry.screening)."""
    SCREENING.count(texts)
    return DocumentScreen(texts) if SCREENING.pays() else NoScreen()
