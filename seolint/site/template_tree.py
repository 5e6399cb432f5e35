"""Read a page template (Go templates, Liquid or Tera) into a small tree of text, output
expressions and control flow, for seolint.site.head_render to render without a generator.

Only the shape is read here; expressions stay as written. Whitespace-trimming markers
(`{{-`, `-%}`) are applied, comments dropped and raw blocks kept as text. A tag this
reader does not know becomes an `Opaque` node: its output is unknown.
"""

from __future__ import annotations

import re
from typing import Literal, Union

from seolint.discover.records import NamedTuple

Dialect = Literal["go", "liquid", "tera"]


class Text(NamedTuple):
    text: str
    line: int


class Output(NamedTuple):
    expression: str
    line: int


class Branch(NamedTuple):
    """One arm of an if/unless/with: its condition (None for `else`), negated for `unless`."""

    condition: str | None
    negated: bool
    body: tuple[Node, ...]


class Choice(NamedTuple):
    """`if`/`unless` arms, or Go's `with` arms (`binds`: the value becomes the dot)."""

    arms: tuple[Branch, ...]
    binds: bool
    line: int


class Loop(NamedTuple):
    body: tuple[Node, ...]
    line: int


class Assign(NamedTuple):
    name: str
    expression: str
    line: int


class Capture(NamedTuple):
    name: str
    body: tuple[Node, ...]
    line: int


class Block(NamedTuple):
    """A named, overridable region (Go `block`, Tera `block`); `context` is Go's argument."""

    name: str
    context: str
    body: tuple[Node, ...]
    line: int


class Define(NamedTuple):
    """A named template (Go `define`) or macro (Tera `macro`, with `params`): not output."""

    name: str
    params: tuple[tuple[str, str | None], ...]
    body: tuple[Node, ...]
    line: int


class Statement(NamedTuple):
    """A tag with no body: `include`, `extends`, `import`, `seo`, `template`..."""

    name: str
    arguments: str
    line: int


class Opaque(NamedTuple):
    """Something this reader cannot follow (a `case`, an unknown tag with a body)."""

    line: int


Node = Union[Text, Output, Choice, Loop, Assign, Capture, Block, Define, Statement, Opaque]

# An action's body never holds another opener: an unclosed `{{` then costs one scan, not one
# per opener after it.
_BODY = r"(?:[^{]|\{(?![{%#]))*?"
_GO_ACTION = re.compile(rf"\{{\{{(-\s)?({_BODY})(\s-)?\}}\}}", re.DOTALL)
_JINJA_ACTION = re.compile(
    rf"\{{%(-?)({_BODY})(-?)%\}}|\{{\{{(-?)({_BODY})(-?)\}}\}}|\{{#{_BODY}#\}}", re.DOTALL
)
_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}(.*?)\{%-?\s*endraw\s*-?%\}", re.DOTALL)
_LIQUID_COMMENT = re.compile(r"\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}", re.DOTALL)
# Read from the start of an action's body only (\A).
_WORD = re.compile(r"\A\s*([A-Za-z_]+)\s*(.*)", re.DOTALL)
_GO_ASSIGN = re.compile(r"\A\s*(\$\w+)\s*:?=\s*(.*)", re.DOTALL)
_NAME_EQUALS = re.compile(r"\A\s*([\w.]+)\s*=\s*(.*)", re.DOTALL)
_MACRO = re.compile(r"\A\s*(\w+)\s*\((.*)\)\s*$", re.DOTALL)
_QUOTED = re.compile(r"\A\s*([\"'`])(.*?)\1\s*(.*)", re.DOTALL)

# Tags that open a body, per dialect, and the word that closes each.
_JINJA_ENDS = {
    "if": "endif",
    "unless": "endunless",
    "for": "endfor",
    "capture": "endcapture",
    "case": "endcase",
    "block": "endblock",
    "macro": "endmacro",
    "filter": "endfilter",
    "tablerow": "endtablerow",
}
_GO_OPENERS = frozenset({"if", "with", "range", "block", "define"})


class _Token(NamedTuple):
    kind: Literal["text", "output", "tag"]
    word: str  # a tag's keyword ("if", "else", "end"...); "" otherwise
    rest: str  # the tag's arguments, or the output expression, or the text
    line: int


def read_template(source: str, dialect: Dialect) -> tuple[Node, ...]:
    """The tree of a template's source (which has no front matter left)."""
    tokens = _go_tokens(source) if dialect == "go" else _jinja_tokens(source)
    nodes, _ = _nodes(tokens, 0, dialect, ())
    return nodes


def _go_tokens(source: str) -> list[_Token]:
    tokens: list[_Token] = []
    cursor = 0
    for match in _GO_ACTION.finditer(source):
        _text(tokens, source, cursor, match.start(), trim_end=bool(match.group(1)))
        line = source.count("\n", 0, match.start()) + 1
        inner = match.group(2).strip()
        cursor = match.end()
        if match.group(3):
            cursor = _skip_space(source, cursor)
        if inner.startswith("/*"):
            continue
        assignment = _GO_ASSIGN.fullmatch(inner)
        word = _WORD.match(inner)
        if assignment:
            tokens.append(_Token("tag", "assign", inner, line))
        elif word and (word.group(1) in _GO_OPENERS or word.group(1) in ("else", "end", "template")):
            tokens.append(_Token("tag", word.group(1), word.group(2).strip(), line))
        else:
            tokens.append(_Token("output", "", inner, line))
    _text(tokens, source, cursor, len(source), trim_end=False)
    return tokens


def _jinja_tokens(source: str) -> list[_Token]:
    source = _LIQUID_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), source)
    raws: list[str] = []

    def keep_raw(match: re.Match[str]) -> str:
        raws.append(match.group(1))
        return f"\x00{len(raws) - 1}\x00" + "\n" * match.group(0).count("\n")

    source = _RAW.sub(keep_raw, source)
    tokens: list[_Token] = []
    cursor = 0
    for match in _JINJA_ACTION.finditer(source):
        trim_before = bool(match.group(1) or match.group(4))
        _text(tokens, source, cursor, match.start(), trim_end=trim_before, raws=raws)
        line = source.count("\n", 0, match.start()) + 1
        cursor = match.end()
        if match.group(3) or match.group(6):
            cursor = _skip_space(source, cursor)
        if match.group(2) is not None:
            word = _WORD.match(match.group(2))
            if word:
                tokens.append(_Token("tag", word.group(1), word.group(2).strip(), line))
        elif match.group(5) is not None:
            tokens.append(_Token("output", "", match.group(5).strip(), line))
    _text(tokens, source, cursor, len(source), trim_end=False, raws=raws)
    return tokens


def _text(
    tokens: list[_Token], source: str, start: int, end: int, trim_end: bool, raws: list[str] | None = None
) -> None:
    text = source[start:end]
    if trim_end:
        text = text.rstrip()
    if raws:
        text = re.sub(r"\x00(\d+)\x00", lambda m: raws[int(m.group(1))], text)
    if text:
        tokens.append(_Token("text", "", text, source.count("\n", 0, start) + 1))


def _skip_space(source: str, cursor: int) -> int:
    while cursor < len(source) and source[cursor] in " \t\r\n":
        cursor += 1
    return cursor


def _nodes(
    tokens: list[_Token], index: int, dialect: Dialect, closers: tuple[str, ...]
) -> tuple[tuple[Node, ...], int]:
    """Nodes from `index` up to (not including) a tag whose word is in `closers`."""
    nodes: list[Node] = []
    while index < len(tokens):
        token = tokens[index]
        if token.kind == "tag" and token.word in closers:
            return tuple(nodes), index
        index += 1
        if token.kind == "text":
            nodes.append(Text(token.rest, token.line))
        elif token.kind == "output":
            nodes.append(Output(token.rest, token.line))
        elif dialect == "go":
            node, index = _go_tag(tokens, index, token)
            if node is not None:
                nodes.append(node)
        else:
            node, index = _jinja_tag(tokens, index, token, dialect)
            if node is not None:
                nodes.append(node)
    return tuple(nodes), index


def _go_tag(tokens: list[_Token], index: int, token: _Token) -> tuple[Node | None, int]:
    word, rest, line = token.word, token.rest, token.line
    if word == "assign":
        found = _GO_ASSIGN.fullmatch(rest)
        assert found is not None
        return Assign(found.group(1), found.group(2), line), index
    if word == "template":
        return Output(f"template {rest}", line), index
    if word in ("if", "with"):
        arms: list[Branch] = []
        condition: str | None = rest
        while True:
            body, index = _nodes(tokens, index, "go", ("else", "end"))
            arms.append(Branch(condition, False, body))
            if index >= len(tokens):
                break
            closing = tokens[index]
            index += 1
            if closing.word == "end":
                break
            following = _WORD.match(closing.rest)  # `else if x`, `else with x`, or a bare `else`
            condition = (
                following.group(2).strip() if following and following.group(1) in ("if", "with") else None
            )
        return Choice(tuple(arms), word == "with", line), index
    body, index = _nodes(tokens, index, "go", ("end",))
    if word == "range":  # a range's `else` arm is read as part of its body: both are uncertain
        while index < len(tokens) and tokens[index].word == "else":
            more, index = _nodes(tokens, index + 1, "go", ("end",))
            body += more
    index += 1 if index < len(tokens) else 0
    if word == "range":
        return Loop(body, line), index
    quoted = _QUOTED.match(rest)
    name, context = (quoted.group(2), quoted.group(3).strip()) if quoted else (rest, ".")
    if word == "block":
        return Block(name, context or ".", body, line), index
    if word == "define":
        return Define(name, (), body, line), index
    return None, index  # `else`/`end` without an opener: stray, skipped


def _jinja_tag(tokens: list[_Token], index: int, token: _Token, dialect: Dialect) -> tuple[Node | None, int]:
    word, rest, line = token.word, token.rest, token.line
    if word in ("assign", "set", "set_global"):
        found = _NAME_EQUALS.match(rest)
        return (Assign(found.group(1), found.group(2).strip(), line) if found else Opaque(line)), index
    closer = _JINJA_ENDS.get(word)
    if closer is None:
        return Statement(word, rest, line), index
    if word in ("if", "unless"):
        arms: list[Branch] = []
        condition: str | None = rest
        while True:
            body, index = _nodes(tokens, index, dialect, ("elsif", "elif", "else", closer))
            arms.append(Branch(condition, word == "unless" and not arms, body))
            if index >= len(tokens):
                break
            closing = tokens[index]
            index += 1
            if closing.word == closer:
                break
            condition = closing.rest if closing.word in ("elsif", "elif") else None
        return Choice(tuple(arms), False, line), index
    body, index = _nodes(tokens, index, dialect, (closer, "else") if word == "for" else (closer,))
    while index < len(tokens) and tokens[index].word == "else":  # a for loop's `else`: uncertain too
        more, index = _nodes(tokens, index + 1, dialect, (closer,))
        body += more
    index += 1 if index < len(tokens) else 0
    name = rest.split()[0] if rest.split() else ""
    if word == "for" or word == "tablerow":
        return Loop(body, line), index
    if word == "capture":
        return Capture(name, body, line), index
    if word == "block":
        return Block(name, "", body, line), index
    if word == "filter":
        return Block("", "", body, line), index  # the filter's effect on text is left aside
    if word == "macro":
        found = _MACRO.match(rest)
        if not found:
            return Opaque(line), index
        return Define(found.group(1), _macro_params(found.group(2)), body, line), index
    return Opaque(line), index


def _macro_params(text: str) -> tuple[tuple[str, str | None], ...]:
    params: list[tuple[str, str | None]] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        name, equals, default = part.partition("=")
        params.append((name.strip(), default.strip() if equals else None))
    return tuple(params)
