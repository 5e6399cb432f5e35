"""Split YAML (`---`) or TOML (`+++`) front matter off a draft, keeping line numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from seolint.document import Field, Span
from seolint.parse import ParseError

_OPENERS = {"---": ("yaml", ("---", "...")), "+++": ("toml", ("+++",))}
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


@dataclass(frozen=True)
class FrontMatter:
    data: dict[str, Any]
    span: Span | None
    body: str  # the source with the front matter blanked out, so line numbers stay right
    lines: tuple[str, ...] = ()

    def field(self, *keys: str) -> Field | None:
        """The first of `keys` holding a non-empty string, spanning the line that sets it."""
        for key in keys:
            value = self.data.get(key)
            if isinstance(value, str) and value.strip():
                return Field(" ".join(value.split()), self._key_span(key), "front-matter")
        return None

    def _key_span(self, key: str) -> Span:
        pattern = re.compile(rf"\s*[\"']?{re.escape(key)}[\"']?\s*[:=]")
        for number, line in enumerate(self.lines, start=1):
            if pattern.match(line):
                return Span(number, 1, number, len(line.rstrip()) + 1)
        return self.span or Span.point(1)


def split(source: str) -> FrontMatter:
    lines = [m.group() for m in _LINE.finditer(source) if m.group()]
    if not lines:
        return FrontMatter({}, None, source)
    first = lines[0].lstrip("\ufeff").rstrip("\r\n").rstrip()
    if first not in _OPENERS:
        return FrontMatter({}, None, source)
    kind, closers = _OPENERS[first]
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r\n").rstrip() in closers:
            raw = "".join(lines[1:index])
            span = Span(1, 1, index + 1, len(lines[index].rstrip("\r\n")) + 1)
            data = _load(raw, kind)
            body = "\n" * (index + 1) + "".join(lines[index + 1 :])
            return FrontMatter(data, span, body, tuple(lines[: index + 1]))
    return FrontMatter({}, None, source)


def _load(raw: str, kind: str) -> dict[str, Any]:
    try:
        if kind == "toml":
            from seolint.config import tomllib

            return tomllib.loads(raw)
        import yaml

        data = yaml.safe_load(raw)
    except Exception as error:  # both parsers raise their own error families
        raise ParseError(f"invalid {kind.upper()} front matter: {_first_line(error)}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ParseError(f"front matter is a {type(data).__name__}, not a mapping of keys")
    return data


def _first_line(error: Exception) -> str:
    return " ".join(str(error).split())
