"""Read a generator's config file (TOML, YAML or JSON) and a draft's front matter, leniently:
a config the generator would reject still tells us the site's shape, so errors give {}."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from seolint.discover.toml import tomllib

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\r?\n")


def read_config(path: Path) -> dict[str, Any]:
    """The mapping in a config file, or {} when it cannot be read or parsed."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return {}
    return parse_config(text, path.suffix.lower())


def read_data(path: Path) -> Any:
    """Whatever a data file (YAML, JSON or TOML) holds, a list as well as a mapping; None
    when it cannot be read or parsed."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
        suffix = path.suffix.lower()
        if suffix == ".json":
            return json.loads(text)
        return tomllib.loads(text) if suffix == ".toml" else _yaml(text)
    except (OSError, ValueError, TypeError):
        return None


def parse_config(text: str, suffix: str) -> dict[str, Any]:
    try:
        if suffix == ".toml":
            data: Any = tomllib.loads(text)
        elif suffix == ".json":
            data = json.loads(text)
        else:
            data = _yaml(text)
    except (ValueError, TypeError):  # tomllib, json and yaml errors are all ValueErrors here
        return {}
    return data if isinstance(data, dict) else {}


def _yaml(text: str) -> Any:
    import yaml  # only YAML configs pay for it

    fast = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=fast)
    except yaml.YAMLError:
        pass

    class Lenient(yaml.SafeLoader):
        """Safe, and reads application tags (MkDocs' `!!python/name:`, `!ENV`) as null."""

    Lenient.add_multi_constructor("", lambda loader, suffix, node: None)
    Lenient.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    try:
        return yaml.load(text, Loader=Lenient)
    except yaml.YAMLError as error:
        raise ValueError(str(error)) from error


def has_front_matter(path: Path) -> bool:
    """Whether the file opens with `---` or `+++` (Jekyll renders only such files)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8).decode("utf-8", errors="replace")
    except OSError:
        return False
    return _FRONT_MATTER.match(head + "\n") is not None


def front_matter_of(text: str) -> dict[str, Any]:
    """The front matter mapping of a draft or template source, or {}."""
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
            text = path.read_text(encoding="utf-8", errors="replace")
            url, base = (_js_string(key).search(text) for key in (url_key, base_key))
            full = (url.group(1).rstrip("/") if url else "") + (base.group(1) if base else "")
            return name, full or None
    return None


def _js_string(key: str) -> re.Pattern[str]:
    return re.compile(rf"\b{key}\s{{0,10}}:\s{{0,10}}['\"`]([^'\"`\n]{{0,300}})['\"`]")
