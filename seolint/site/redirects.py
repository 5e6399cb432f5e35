"""Redirect rules a site's host applies: Netlify `_redirects` and `netlify.toml`, `vercel.json`.

A link to a redirected URL still reaches a page: the site model follows the rule to its
destination and judges the link there (the `#fragment` included). Rules are read as the
hosts document them (docs.netlify.com "Redirects and rewrites", vercel.com "Project
configuration"): a `*` splat and `:placeholder` segments in the source, `:splat` and the
placeholders in the destination; Vercel's `:name*` and `(.*)` match the rest of the path.
Query-string and country conditions are ignored (the rule is taken to apply).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from seolint.discover.records import NamedTuple
from seolint.site.configs import read_config, read_data
from seolint.site.reads import read_site_text


class Redirect(NamedTuple):
    source: str  # as written: "/docs/*", "/old/:slug"
    destination: str  # "/flux/:splat", "https://example.org/x"
    pattern: re.Pattern[str]
    origin: str  # the file it came from, for --show-site


class Redirects:
    """The rules of one site, first match wins (as on Netlify)."""

    def __init__(self, rules: Iterable[Redirect]) -> None:
        self.rules = tuple(rules)

    def __len__(self) -> int:
        return len(self.rules)

    def destination(self, path: str) -> str | None:
        """Where the host sends a request for URL path `path` (no query or fragment), or None."""
        bare = path.rstrip("/") or "/"
        for rule in self.rules:
            found = rule.pattern.fullmatch(bare)
            if found is not None:
                return _filled(rule.destination, found)
        return None

    def origins(self) -> dict[str, int]:
        """How many rules each file gave."""
        counts: dict[str, int] = {}
        for rule in self.rules:
            counts[rule.origin] = counts.get(rule.origin, 0) + 1
        return counts


def read_redirects(folders: Iterable[Path], shown: Path) -> Redirects:
    """The rules in `_redirects`, `netlify.toml` and `vercel.json` files of `folders`."""
    rules: list[Redirect] = []
    for folder in dict.fromkeys(folders):
        rules += _netlify_file(folder / "_redirects", shown)
        rules += _netlify_toml(folder / "netlify.toml", shown)
        rules += _vercel(folder / "vercel.json", shown)
    return Redirects(rules)


def _netlify_file(path: Path, shown: Path) -> Iterator[Redirect]:
    text = read_site_text(path)
    if text is None:
        return
    for line in text.splitlines():
        fields = line.split("#", 1)[0].split()
        if len(fields) >= 2 and fields[0].startswith("/"):
            yield Redirect(fields[0], fields[1], _netlify_pattern(fields[0]), _name(path, shown))


def _netlify_toml(path: Path, shown: Path) -> Iterator[Redirect]:
    for entry in read_config(path).get("redirects") or []:
        if (
            isinstance(entry, dict)
            and isinstance(entry.get("from"), str)
            and isinstance(entry.get("to"), str)
        ):
            source = entry["from"]
            if source.startswith("/"):
                yield Redirect(source, entry["to"], _netlify_pattern(source), _name(path, shown))


def _vercel(path: Path, shown: Path) -> Iterator[Redirect]:
    data = read_data(path)
    if not isinstance(data, dict):
        return
    for key in ("redirects", "rewrites"):
        for entry in data.get(key) or []:
            if not isinstance(entry, dict):
                continue
            source, destination = entry.get("source"), entry.get("destination")
            if isinstance(source, str) and isinstance(destination, str) and source.startswith("/"):
                yield Redirect(source, destination, _vercel_pattern(source), _name(path, shown))


def _netlify_pattern(source: str) -> re.Pattern[str]:
    bare = source.rstrip("/") or "/"
    parts: list[str] = []
    for piece in re.split(r"(\*|:[A-Za-z_]\w*)", bare):
        if piece == "*":
            parts.append(r"(?P<splat>.*)")
        elif piece.startswith(":"):
            parts.append(rf"(?P<{piece[1:]}>[^/]+)")
        else:
            parts.append(re.escape(piece))
    pattern = "".join(parts)
    if pattern.endswith(r"/(?P<splat>.*)"):  # "/docs/*" also matches "/docs"
        pattern = pattern[: -len(r"/(?P<splat>.*)")] + r"(?:/(?P<splat>.*))?"
    return _compiled(pattern)


def _vercel_pattern(source: str) -> re.Pattern[str]:
    bare = source.rstrip("/") or "/"
    parts: list[str] = []
    for piece in re.split(r"(:[A-Za-z_]\w*\*?|\(\.\*\))", bare):
        if piece == "(.*)":
            parts.append("(.*)")
        elif piece.startswith(":"):
            name = piece[1:].rstrip("*")
            parts.append(rf"(?P<{name}>.*)" if piece.endswith("*") else rf"(?P<{name}>[^/]+)")
        else:
            parts.append(re.escape(piece))
    return _compiled("".join(parts))


def _compiled(pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error:  # a repeated placeholder name: match nothing rather than fail the run
        return re.compile("(?!)")


def _filled(destination: str, found: re.Match[str]) -> str:
    """`destination` with `:name` (`:splat`) and `$1` replaced by what the source matched."""
    values = {k: v or "" for k, v in found.groupdict().items()}
    named = re.sub(r":([A-Za-z_]\w*)\*?", lambda m: values.get(m.group(1), m.group(0)), destination)
    return re.sub(r"\$(\d)", lambda m: _group(found, int(m.group(1))), named)


def _group(found: re.Match[str], number: int) -> str:
    try:
        return found.group(number) or ""
    except IndexError:
        return ""


def _name(path: Path, shown: Path) -> str:
    try:
        return path.relative_to(shown).as_posix()
    except ValueError:
        return str(path)
