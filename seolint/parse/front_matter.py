"""Split YAML (`---`) or TOML (`+++`) front matter off a draft, keeping line numbers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from seolint.discover import structured
from seolint.discover.records import NamedTuple
from seolint.document.model import Span
from seolint.parse import ParseError

_OPENERS = {"---": ("yaml", ("---", "...")), "+++": ("toml", ("+++",))}
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


class FrontMatter(NamedTuple):
    """What `split` found: the front matter's data and where it is, and the source without it."""

    data: dict[str, Any]
    span: Span | None
    body: str  # the source with the front matter blanked out, so line numbers stay right
    lines: tuple[str, ...] = ()


def key_span(lines: Sequence[str], key: str) -> Span | None:
    """The line of `lines` (front matter, from the file's first line) that sets `key`."""
    pattern = re.compile(rf"\s*[\"']?{re.escape(key)}[\"']?\s*[:=]")
    for number, line in enumerate(lines, start=1):
        if pattern.match(line):
            return Span(number, 1, number, len(line.rstrip()) + 1)
    return None


def split(source: str, after_blank_lines: bool = False) -> FrontMatter:
    """Lines are read only as far as the closing delimiter: most of a draft is its body.
    Hugo and Zola skip blank lines before the opening delimiter (`after_blank_lines`);
    Jekyll and a lone draft's Markdown renderer do not."""
    found = _delimited(source, after_blank_lines)
    if found is None:
        return FrontMatter({}, None, source)
    lines, first, kind, body_start = found
    index = len(lines) - 1  # the closer's
    raw = "".join(lines[first + 1 : index])
    span = Span(first + 1, 1, index + 1, len(lines[index].rstrip("\r\n")) + 1)
    data = _load(raw, kind, first + 2)
    body = "\n" * (index + 1) + source[body_start:]
    return FrontMatter(data, span, body, tuple(lines))


def opener_after_blank_lines(source: str) -> int | None:
    """The line (1-based) of front matter that opens after blank lines and closes, where a
    generator that wants it on the first line (Jekyll, gray-matter, MkDocs) never reads it;
    None when the source opens otherwise. Only the delimiters are read, not the data."""
    if not source[:1].isspace():
        return None
    found = _delimited(source, after_blank_lines=True)
    return None if found is None else found[1] + 1


def _delimited(source: str, after_blank_lines: bool) -> tuple[list[str], int, str, int] | None:
    """The lines up to a closed front matter's closing delimiter, the opener's index among
    them, the front matter's kind and where the body starts; None when none opens or closes."""
    matches = _LINE.finditer(source)
    lines = [next(matches).group()]  # the pattern matches the empty string at the end
    while after_blank_lines and lines[-1] and not lines[-1].strip():
        lines.append(next(matches).group())
    opener = lines[-1].lstrip("\ufeff").rstrip("\r\n").rstrip()
    if opener not in _OPENERS:
        return None
    kind, closers = _OPENERS[opener]
    first = len(lines) - 1
    for match in matches:
        line = match.group()
        if not line:
            break
        lines.append(line)
        if line.rstrip("\r\n").rstrip() in closers:
            return lines, first, kind, match.end()
    return None


def _load(raw: str, kind: str, first_line: int) -> dict[str, Any]:
    """`first_line`: the file line of the front matter's first line, for error messages."""
    data = _load_toml(raw, first_line) if kind == "toml" else _load_yaml(raw, first_line)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ParseError(f"front matter is a {type(data).__name__}, not a mapping of keys")
    return data


def _load_toml(raw: str, first_line: int) -> Any:
    from seolint.discover.toml import tomllib

    try:
        return structured.load_toml(raw)
    except tomllib.TOMLDecodeError as error:
        # tomllib counts lines from 1 at the front matter's first line
        message = re.sub(r"line (\d+)", lambda m: f"line {int(m.group(1)) + first_line - 1}", str(error))
        raise ParseError(f"invalid TOML front matter: {message}") from None
    except structured.DataError as error:
        raise ParseError(f"front matter refused: {error}") from None


def _load_yaml(raw: str, first_line: int) -> Any:
    """Safe loading only (no tags construct objects), and no alias explosions."""
    import yaml

    try:
        return structured.load_yaml(raw)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f" at line {mark.line + first_line}" if mark is not None else ""
        problem = error.problem or error.context or "unreadable"
        raise ParseError(f"invalid YAML front matter{where}: {problem}") from None
    except yaml.YAMLError as error:
        raise ParseError(f"invalid YAML front matter: {' '.join(str(error).split())}") from None
    except structured.DataError as error:
        raise ParseError(f"front matter refused: {error}") from None
    except ValueError as error:  # a timestamp that is no date: `date: 2024-13-45`
        raise ParseError(f"invalid YAML front matter: {error}") from None
