"""A linear-time HTML tokenizer that splits pages where the standard library's html.parser does.

html.parser rescans the rest of the input for every unclosed tag or comment (gh-135462,
CVE-2025-6069): 120 KB of `<a x='` took a minute. This tokenizer follows the same rules
(the same tag, attribute and text boundaries, raw text in script and style, text before
an unfinished construct given back as text) but remembers the answer to every forward
search, so each character is examined a bounded number of times whatever the input.
Doctypes, processing instructions, CDATA and other declarations are skipped; only
`<!-- -->` comments are reported.

Pages are read at two speeds (`Scanner`): split at every "<", a page is mostly ordinary
tags, each followed by text up to the next "<", and the text of a tag a page repeats is
read once; anything else (comments, doctypes, script and style, tags with unusual
spelling) is read by the careful step-by-step reader, which gives the same answer for an
ordinary tag, only slower.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from itertools import islice
from typing import Generic, TypeVar, Union

# html.parser's CDATA_CONTENT_ELEMENTS: their text runs, unparsed, to the matching end tag.
RAW_TEXT = frozenset({"script", "style"})
Attribute = tuple[str, Union[str, None]]
A = TypeVar("A")  # a reader's form of a start tag's attributes


def unescape(text: str) -> str:
    """html.unescape, imported for the first text that holds a reference: `html` loads its
    2,231-entity table at import (6 M instructions), which a Markdown post rarely needs."""
    return text if "&" not in text else _references()(text)


@cache
def _references() -> Callable[[str], str]:
    from html import unescape as resolve

    return resolve


# Plain classes with slots, not dataclasses: there is one token per tag, a frozen dataclass
# builds twice as slowly, and every dataclass costs start-up time when it is defined.
class StartTag:
    __slots__ = ("attrs", "column", "end", "line", "name", "self_closing", "start")

    def __init__(
        self,
        name: str,  # lower case
        attrs: tuple[Attribute, ...],  # in source order, values decoded; None: no value written
        start: int,  # offset of "<"
        end: int,  # offset just past ">"
        line: int,  # 1-based; lines end at "\n", as html.parser counts them
        column: int,  # 1-based
        self_closing: bool,
    ) -> None:
        self.name = name
        self.attrs = attrs
        self.start = start
        self.end = end
        self.line = line
        self.column = column
        self.self_closing = self_closing


class EndTag:
    __slots__ = ("end", "name", "start")

    def __init__(self, name: str, start: int, end: int) -> None:
        self.name = name
        self.start = start
        self.end = end


class Text:
    __slots__ = ("start", "text")

    def __init__(self, text: str, start: int) -> None:
        self.text = text  # character references decoded, except in raw text
        self.start = start


class Comment:
    __slots__ = ("end", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text  # between "<!--" and "-->"
        self.start = start
        self.end = end


Token = Union[StartTag, EndTag, Text, Comment]

# html.parser's own expressions where they only ever read one finished construct (compiled
# on first use, as all expressions here, by `_compiled`):
_TAG_NAME = r"([a-zA-Z][^\t\n\r\f />\x00]*)(?:\s|/(?!>))*"
_ATTRIBUTE = r"((?<=['\"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|\"[^\"]*\"|(?!['\"])[^>\s]*))?(?:\s|/(?!>))*"
_END_TAG = r"</\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>"
_MARKED_SECTION = r"<!\[([a-zA-Z][-_.a-zA-Z0-9]*)\s*"
_ATTRIBUTE_NAME_RUN = r"[^\s/=>]*"
_BARE_VALUE_RUN = r"[^>\s]*"
_SPACE_RUN = r"\s*"
_SPACE_OR_SLASH_RUN = r"[\s/]*"
_SEPARATOR_RUN = r"(?:\s|/(?!>))*"
_INCOMPLETE_BEFORE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ=/")
# The start tags of ordinary pages: names without quotes, closed quoted values without ">",
# one "=". Where this matches up to the next ">", html.parser's expression ends there too.
# The name is matched atomically (a look-ahead, then a back-reference), as html.parser reads
# it: backtracking into it could find a tag that html.parser does not see.
_PLAIN_START_TAG = (
    r"<(?=([a-zA-Z][^\t\n\r\f />\x00]*))\1(?:[\s/]*(?:(?<=['\"\s/])[^\s/>'\"][^\s/=>'\"]*"
    r"(?:\s*=\s*(?:'[^'>]*'|\"[^\">]*\"|[^>\s'\"=]+)\s*)?(?:\s|/(?!>))*)*)?\s*/?>"
)


_SEARCHED = {
    ">": ">",
    "<": "<",
    "'": "'",
    '"': '"',
    "-->": r"--\s*>",
    # sorted: the same order in every process, whatever the hash seed
    **{f"</{name}>": rf"(?i)</\s*{name}\s*>" for name in sorted(RAW_TEXT)},
    "]]>": r"]\s*]\s*>",
    "]>": r"]\s*>",
    "name end": r"[\t\n\r\f />\x00]|\Z",
}


class _Search:
    """`pattern.search` from a position, answered from the last result while it still holds.

    A search from p that found a match at m also answers every start in [p, m]; one that
    found nothing answers every later start. The tokenizer's starts only move forward, so
    each stretch of the input is searched about once.
    """

    def __init__(self, source: str, pattern: re.Pattern[str]) -> None:
        self._source = source
        self._pattern = pattern
        self._from = len(source) + 1
        self._match: re.Match[str] | None = None

    def __call__(self, start: int) -> re.Match[str] | None:
        match = self._match
        if not (self._from <= start and (match is None or start <= match.start())):
            self._from, self._match = start, self._pattern.search(self._source, start)
        return self._match

    def find(self, start: int) -> int:
        match = self(start)
        return -1 if match is None else match.start()


# The tags read without the careful reader, by their text between "<" and the next ">".
# An end tag: its name, then spaces.
_ORDINARY_END_TAG = r"/([a-zA-Z][-.a-zA-Z0-9:_]*)\s*"
# A start tag: a name of ASCII letters, digits and "-" (a subset of html.parser's), then
# attributes with ASCII spaces before each and values without "<" or ">"; a final "/" is
# the "/>" of a self-closing tag unless a bare value ends in it, as html.parser reads it.
# These tags are a subset of `_PLAIN_START_TAG`'s, where html.parser's expressions end the
# tag, its name and each attribute at the same places.
_ORDINARY_NAME = r"[a-zA-Z][-a-zA-Z0-9]*"
_ORDINARY_ATTRIBUTES = (
    r"(?:[ \t\n\r\f]+[^\s\"'<>/=]+(?:[ \t\n\r\f]*=[ \t\n\r\f]*"
    r"(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>=]+))?)*[ \t\n\r\f]*(/?)"
)
# The usual spelling of those: a lower-case name, then one space before each attribute, a
# lower-case name, "=" and a double-quoted value without "&": nothing needs decoding.
_USUAL_START_TAG = r'([a-z][-a-z0-9]*)((?: [a-z][-a-z0-9_:.]*="[^"<>&]*")*)[ \t\n\r\f]*(/?)'
_USUAL_ATTRIBUTE = r' ([a-z][-a-z0-9_:.]*)="([^"]*)"'
# One attribute of an ordinary start tag: name, "=", then its value in one of three
# spellings (double-quoted, single-quoted, bare). Its spaces are matched from the first of
# a run only: tried inside a long run, each try would read to the run's end.
_ORDINARY_ATTRIBUTE = (
    r"(?<![ \t\n\r\f])[ \t\n\r\f]+([^\s\"'<>/=]+)"
    r"(?:[ \t\n\r\f]*(=)[ \t\n\r\f]*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'<>=]+)))?"
)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """Compiled on first use, so that importing the tokenizer compiles nothing big."""
    return re.compile(pattern)


# An ordinary tag: its name (lower case), its attributes (None: an end tag) in a reader's
# form, and whether it closes itself ("/>").
Tag = tuple[str, Union[A, None], bool]


def ordinary_tag(text: str) -> Tag[list[Attribute]] | None:
    """The tag whose text between "<" and ">" this is, as html.parser reads it (attribute
    names in lower case, values decoded, None where none is written); None when the tag is
    not ordinary and the careful reader must read it (an unusual spelling, a comment or
    declaration, or a start tag that raw text follows)."""
    if text[:1] == "/":
        end = _compiled(_ORDINARY_END_TAG).fullmatch(text)
        return None if end is None else (end.group(1).lower(), None, False)
    if (usual := _compiled(_USUAL_START_TAG).fullmatch(text)) is not None:
        tag, attributes, slash = usual.groups()
        if tag in RAW_TEXT:
            return None
        return tag, _compiled(_USUAL_ATTRIBUTE).findall(attributes) if attributes else [], bool(slash)
    name = _compiled(_ORDINARY_NAME).match(text)
    if name is None or (tag := name.group().lower()) in RAW_TEXT:
        return None
    at = name.end()
    if (ending := _compiled(_ORDINARY_ATTRIBUTES).fullmatch(text, at)) is None:
        return None
    attributes = [
        (name.lower(), (unescape(value) if "&" in value else value) if equals else None)
        for name, equals, double, single, bare in _compiled(_ORDINARY_ATTRIBUTE).findall(text, at)
        for value in (double or single or bare,)
    ]
    return tag, attributes, bool(ending.group(1))


class Scanner(Generic[A]):
    """A page's tokens, read at the two speeds described in the module docstring.

    `pieces` is the page split at every "<": each piece after the first starts just past
    a "<" and, when an ordinary tag starts there, holds its text up to ">" and then the
    text up to the next "<". A reader takes the pieces in turn, keeping the offset of the
    "<" before each; it looks each tag's text up in `tags` (`read_tag` when new). Where
    no ordinary tag starts, `step(offset)` gives the careful reader's tokens from that
    "<" to the next "<" it did not read (or the end), and that offset: the reader skips
    the pieces before it.
    """

    def __init__(self, source: str, attributes: Callable[[str, list[Attribute]], A]) -> None:
        self.source = source
        self.pieces = source.split("<")
        # The ordinary tags met, by their text, with attributes in the reader's form
        # (`attributes` of the tag's name and attributes): a page repeats most of its tags.
        self.tags: dict[str, Tag[A] | None] = {}
        self._attributes = attributes
        self.tokens: list[Token] = []
        self.raw: str | None = None  # inside <script> or <style>
        self._searches: dict[str, _Search] = {}
        # Where a start tag's attribute list continues from a position, once worked out:
        # unfinished tags are given back as text and rescanned, and the scans meet here.
        self._attributes_end: dict[int, int] = {}
        self._after_name: dict[int, int] = {}
        self._plain_tags = True  # until a start tag ends short of the next ">"
        self._line, self._line_start, self._counted = 1, 0, 0

    def read_tag(self, text: str) -> Tag[A] | None:
        """`ordinary_tag`, with the attributes in the reader's form, added to `tags`."""
        ordinary, tag = ordinary_tag(text), None
        if ordinary is not None:
            name, attributes, self_closing = ordinary
            tag = (name, None if attributes is None else self._attributes(name, attributes), self_closing)
        self.tags[text] = tag
        return tag

    def step(self, at: int) -> tuple[list[Token], int]:
        """The careful reader's tokens from `at` (a "<", or the start of the page) to the
        next "<" after the construct there, and that "<"'s offset (the page's length at
        its end). Raw text is read to its end tag; unclosed, it is dropped, as html.parser does.
        """
        source, n = self.source, len(self.source)
        self.tokens = []
        i = at
        if source.startswith("<", i):
            i = self._construct(i)
            if i < 0:  # unfinished: give it back as text, up to the next ">" or "<"
                i = self._search(">").find(at + 1)
                if i < 0:
                    i = self._search("<").find(at + 1)
                    i = at + 1 if i < 0 else i
                else:
                    i += 1
                self._text(source[at:i], at)
        if self.raw is not None:
            close = self._search(f"</{self.raw}>")(i)
            if close is None:
                return self.tokens, n
            if i < close.start():
                self._text(source[i : close.start()], i)
            self.tokens.append(EndTag(self.raw, close.start(), close.end()))
            self.raw = None
            i = close.end()
        j = source.find("<", i)  # the text up to it is consumed: linear
        j = n if j < 0 else j
        if i < j:
            self._text(source[i:j], i)
        return self.tokens, j

    def _search(self, name: str) -> _Search:
        """The memoised search for one of `_SEARCHED`, made when first needed (a Markdown
        draft tokenizes many small snippets)."""
        search = self._searches.get(name)
        if search is None:
            search = self._searches[name] = _Search(self.source, _compiled(_SEARCHED[name]))
        return search

    def _text(self, text: str, start: int) -> None:
        self.tokens.append(Text(text if self.raw else unescape(text), start))

    def _construct(self, i: int) -> int:
        """Read what starts at the "<" at i; its end, or -1 when it is unfinished."""
        source = self.source
        following = source[i + 1 : i + 2]
        if following.isascii() and following.isalpha():
            return self._start_tag(i)
        if following == "/":
            return self._end_tag(i)
        if source.startswith("<!--", i):
            return self._comment(i)
        if following == "?":
            close = self._search(">").find(i + 2)
            return -1 if close < 0 else close + 1
        if following == "!":
            return self._declaration(i)
        if i + 1 < len(source):
            self._text("<", i)
            return i + 1
        return -1

    def _comment(self, i: int) -> int:
        close = self._search("-->")(i + 4)
        if close is None:
            return -1
        self.tokens.append(Comment(self.source[i + 4 : close.start()], i, close.end()))
        return close.end()

    def _declaration(self, i: int) -> int:
        """`<!doctype>`, `<![CDATA[...]]>`, `<![if ...]>`, or a bogus comment up to ">"."""
        source = self.source
        section = _compiled(_MARKED_SECTION).match(source, i)
        if source.startswith("<![", i) and section is not None:
            if section.end() == len(source):
                return -1
            name = section.group(1).lower()
            closer = "]>" if name in ("if", "else", "endif") else "]]>"
            if name in ("temp", "cdata", "ignore", "include", "rcdata", "if", "else", "endif"):
                section_end = self._search(closer)(i + 3)
                return -1 if section_end is None else section_end.end()
        start = i + 9 if source[i : i + 9].lower() == "<!doctype" else i + 2
        close = self._search(">").find(start)
        return -1 if close < 0 else close + 1

    def _end_tag(self, i: int) -> int:
        """html.parser's `parse_endtag` outside raw text."""
        source = self.source
        close = self._search(">").find(i + 1)
        if close < 0:
            return -1
        match = _compiled(_END_TAG).match(source, i, close + 1)
        if match is not None:
            self.tokens.append(EndTag(match.group(1).lower(), i, close + 1))
            return close + 1
        name = _compiled(_TAG_NAME).match(source, i + 2, close + 1)
        if name is None:
            return i + 3 if source.startswith("</>", i) else close + 1  # "</>" or a bogus comment
        self.tokens.append(EndTag(name.group(1).lower(), i, close + 1))
        return close + 1

    def _start_tag(self, i: int) -> int:
        """html.parser's `parse_starttag`, reading attributes only of a finished tag."""
        source = self.source
        end = self._start_tag_end(i)
        if end < 0:
            return end
        name = _compiled(_TAG_NAME).match(source, i + 1, end)
        assert name is not None
        tag, k = name.group(1).lower(), name.end()
        attrs: list[Attribute] = []
        while k < end and (match := _compiled(_ATTRIBUTE).match(source, k, end)) is not None:
            attribute, rest, value = match.group(1, 2, 3)
            if not rest:
                value = None
            elif value[:1] == value[-1:] and value[:1] in ("'", '"') and len(value) > 1:
                value = value[1:-1]
            attrs.append((attribute.lower(), unescape(value) if value else value))
            k = match.end()
        closing = source[k:end].strip()
        if closing not in (">", "/>"):
            self.tokens.append(Text(source[i:end], i))
            return end
        line, column = self.position(i)
        self_closing = closing == "/>"
        self.tokens.append(StartTag(tag, tuple(attrs), i, end, line, column, self_closing))
        if tag in RAW_TEXT and not self_closing:
            self.raw = tag
        return end

    def position(self, offset: int) -> tuple[int, int]:
        """Line and column of a tag start; tags come in order, so lines are counted once."""
        newlines = self.source.count("\n", self._counted, offset)
        if newlines:
            self._line += newlines
            self._line_start = self.source.rfind("\n", self._counted, offset) + 1
        self._counted = offset
        return self._line, offset - self._line_start + 1

    def _start_tag_end(self, i: int) -> int:
        """html.parser's `check_for_whole_start_tag`: the end of the tag at i, or -1.

        An ordinary tag is matched by one expression that cannot read past the next ">".
        Others are scanned step by step, remembering where each attribute list leads; once
        a tag ends before that ">" or is unfinished (and so is rescanned from each "<"
        inside it), only that, so no stretch of the page is tried twice.
        """
        close = self._search(">").find(i + 1)
        if self._plain_tags and close >= 0:
            plain = _compiled(_PLAIN_START_TAG).match(self.source, i, close + 1)
            if plain is not None:
                return plain.end()
        end = self._scanned_start_tag_end(i)
        self._plain_tags = self._plain_tags and end > close  # the try read no further than this
        return end

    def _scanned_start_tag_end(self, i: int) -> int:
        source = self.source
        j = self._attributes_from(self._skip_after_name(self._search("name end").find(i + 2)))
        following = source[j : j + 1]
        if following == ">":
            return j + 1
        if following == "/":
            return j + 2 if source.startswith("/>", j) else -1
        if following == "" or following in _INCOMPLETE_BEFORE:
            return -1
        return j if j > i else i + 1

    def _skip_after_name(self, p: int) -> int:
        if p not in self._after_name:
            self._after_name[p] = _end(_SPACE_OR_SLASH_RUN, self.source, p)
        return self._after_name[p]

    def _attributes_from(self, p: int) -> int:
        """Where `locatestarttagend_tolerant`'s attribute list, entered at p, stops matching."""
        source, n = self.source, len(self.source)
        visited: list[int] = []
        while p not in self._attributes_end:
            previous, char = source[p - 1 : p], source[p : p + 1]
            if not (p < n and (previous in ("'", '"', "/") or previous.isspace())):
                break
            if char.isspace() or char in ("/", ">"):
                break
            visited.append(p)
            p = _end(_SEPARATOR_RUN, source, self._value_end(_end(_ATTRIBUTE_NAME_RUN, source, p + 1)))
        end = self._attributes_end.get(p, p)
        for position in visited:
            self._attributes_end[position] = end
        return end

    def _value_end(self, p: int) -> int:
        """After `\\s*=+\\s*(value)\\s*` at p, with the regex's backtracking; p when it fails."""
        source = self.source
        a = _end(_SPACE_RUN, source, p)
        if not source.startswith("=", a):
            return p
        b = a + 1
        while source.startswith("=", b):
            b += 1
        c = _end(_SPACE_RUN, source, b)
        quote = source[c : c + 1]
        if quote not in ("'", '"'):
            return _end(_SPACE_RUN, source, _end(_BARE_VALUE_RUN, source, c))
        close = self._search(quote).find(c + 1)
        if close >= 0:
            return _end(_SPACE_RUN, source, close + 1)
        if c > b:  # give back a space: an empty bare value before the quote
            return c
        if b - a >= 2:  # give back an "=": a bare value starting with it
            return _end(_SPACE_RUN, source, _end(_BARE_VALUE_RUN, source, b - 1))
        return p


def _end(run: str, source: str, start: int) -> int:
    match = _compiled(run).match(source, start)
    return start if match is None else match.end()


def tokenize(source: str) -> list[Token]:
    """The tokens of an HTML document or fragment, in source order."""
    scanner = Scanner(source, _as_tuple)
    tokens, at = scanner.step(0)
    tags = scanner.tags
    offset = len(scanner.pieces[0])  # of the "<" before each piece
    for piece in islice(scanner.pieces, 1, None):
        if offset >= at:
            close = piece.find(">")
            tag = (
                None
                if close < 0
                else tags[text]
                if (text := piece[:close]) in tags
                else scanner.read_tag(text)
            )
            if tag is None:
                more, at = scanner.step(offset)
                tokens += more
            else:
                name, attrs, self_closing = tag
                end = offset + close + 2
                if attrs is None:
                    tokens.append(EndTag(name, offset, end))
                else:
                    line, column = scanner.position(offset)
                    tokens.append(StartTag(name, attrs, offset, end, line, column, self_closing))
                if close + 1 < len(piece):
                    text = piece[close + 1 :]
                    tokens.append(Text(unescape(text) if "&" in text else text, end))
        offset += len(piece) + 1
    return tokens


def _as_tuple(name: str, attributes: list[Attribute]) -> tuple[Attribute, ...]:
    return tuple(attributes)
