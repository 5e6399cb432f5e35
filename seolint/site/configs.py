"""Read a generator's config file (TOML, YAML or JSON) and a draft's front matter, leniently:
a config the generator would reject still tells us the site's shape, so errors give {}."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from seolint.discover.reading import read_head
from seolint.discover.structured import DataError, load_json, load_toml, load_yaml_config
from seolint.site.reads import note_skipped, read_site_text

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\r?\n")


def read_config(path: Path) -> dict[str, Any]:
    """The mapping in a config file, or {} when it cannot be read or parsed. A config that
    is refused (unreadable as a site file, nested too deep, an alias bomb) is remembered
    with why (seolint.site.reads), so the run says so once."""
    text = read_site_text(path)
    if text is None:
        return {}
    try:
        return _parsed(text, path.suffix.lower())
    except DataError as error:
        note_skipped(path, f"{error}; the site is read without this config")
        return {}


def read_data(path: Path) -> Any:
    """Whatever a data file (YAML, JSON or TOML) holds, a list as well as a mapping; None
    when it cannot be read or parsed (a refused one remembered, as a config is)."""
    text = read_site_text(path)
    if text is None:
        return None
    try:
        return _loaded(text, path.suffix.lower())
    except DataError as error:
        note_skipped(path, f"{error}; the site is read without this data file")
    except (ValueError, TypeError):
        pass
    return None


def parse_config(text: str, suffix: str) -> dict[str, Any]:
    """The mapping in config text (front matter of a template), or {} when it cannot be parsed."""
    try:
        return _parsed(text, suffix)
    except DataError:
        return {}


def _parsed(text: str, suffix: str) -> dict[str, Any]:
    """{} for text the generator would reject; DataError for text refused as too big to walk."""
    try:
        data = _loaded(text, suffix)
    except DataError:
        raise
    except (ValueError, TypeError):  # tomllib, json and yaml errors are all ValueErrors here
        return {}
    return data if isinstance(data, dict) else {}


def _loaded(text: str, suffix: str) -> Any:
    """The data in `text`, by its file's suffix (YAML unless TOML or JSON), bounded."""
    if suffix == ".toml":
        return load_toml(text)
    if suffix == ".json":
        return load_json(text)
    return load_yaml_config(text)


def has_front_matter(path: Path) -> bool:
    """Whether the file opens with `---` or `+++` (Jekyll renders only such files)."""
    head = read_head(str(path), 8)
    return head is not None and _FRONT_MATTER.match(head.decode("utf-8", errors="replace") + "\n") is not None


def front_matter_of(text: str, after_blank_lines: bool = False) -> dict[str, Any]:
    """The front matter mapping of a draft or template source, or {}. `after_blank_lines`:
    the generator finds the front matter after blank lines too (Hugo, Zola), as pages read."""
    if after_blank_lines:
        text = text.lstrip("\ufeff \t\r\n")
    opened = _FRONT_MATTER.match(text)
    if not opened:
        return {}
    fence = opened.group(1)
    end = re.compile(rf"^{re.escape(fence)}[ \t]*$", re.MULTILINE).search(text, opened.end())
    if not end:
        return {}
    block = text[opened.end() : end.start()]
    return parse_config(block, ".toml" if fence == "+++" else ".yaml")


def dig(mapping: Any, *keys: str) -> Any:
    """`mapping[k1][k2]...`, or None when any step is missing or not a mapping."""
    for key in keys:
        if not isinstance(mapping, dict):
            return None
        mapping = mapping.get(key)
    return mapping


def text_value(mapping: Any, *keys: str) -> str | None:
    """A non-empty string at `keys`, else None."""
    value = dig(mapping, *keys)
    return value if isinstance(value, str) and value.strip() else None


def string_list(value: Any) -> list[str]:
    """A front matter value that may be one string or a list of strings."""
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list):
        return [str(v) for v in value if isinstance(v, (str, int, float)) and str(v).strip()]
    return []


def js_config_url(
    folder: Path, names: tuple[str, ...], url_key: str, base_key: str
) -> tuple[str, str | None] | None:
    """The first of `names` in `folder` and the site URL its JavaScript config writes as
    `url_key: '...'` plus `base_key: '...'` (read as text: the config is code, not data)."""
    for name in names:
        path = folder / name
        if path.is_file():
            text = without_comments(read_site_text(path) or "")
            url, base = (_js_string(key).search(text) for key in (url_key, base_key))
            full = (url.group(1).rstrip("/") if url else "") + (base.group(1) if base else "")
            return name, full or None
    return None


# A comment, or a string (kept: `'https://example.org'` holds `//`). Strings come first in
# each alternative's turn, so a `//` inside one is never taken for a comment. An unclosed
# `/*` runs to the end, as in JavaScript (and so each is scanned once, not once per `/*`).
_JS_COMMENT_OR_STRING = re.compile(
    r"""(//[^\n]*|/\*.*?(?:\*/|\Z))|('(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`)""", re.DOTALL
)


def without_comments(code: str) -> str:
    """JavaScript without its comments: `// url: 'https://old.example'` is not the site's URL."""
    return _JS_COMMENT_OR_STRING.sub(lambda m: m.group(2) or " ", code)


def js_config_string(text: str, key: str) -> str | None:
    """The first `key: '...'` string in a JavaScript config's text (without_comments first)."""
    found = _js_string(key).search(text)
    return found.group(1) if found else None


def _js_string(key: str) -> re.Pattern[str]:
    return re.compile(rf"\b{key}\s{{0,10}}:\s{{0,10}}['\"`]([^'\"`\n]{{0,300}})['\"`]")
