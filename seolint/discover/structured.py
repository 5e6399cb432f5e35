"""TOML, YAML and JSON as seolint reads them from files it does not own (front matter, site
configs): parsed safely, then refused when they nest too deep or expand too far.

A parser's own recursion limit is no bound: tomllib, json and PyYAML raise RecursionError
(or overflow the C stack) on `[[[...]]]` 200,000 deep. And a YAML alias bomb (nine levels
of nine aliases: 81 aliases) loads into a small graph of shared lists that anything
walking it as a tree (a hash of the config, a repr) expands into 9^9 values. Every value
is therefore measured once, its aliases counted as often as they are used, before anyone
walks it.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

MAX_ALIASES = 100  # YAML aliases in one document
MAX_NESTING = 100  # lists and mappings inside each other
MAX_VALUES = 100_000  # values in the document with every alias expanded


class DataError(ValueError):
    """The text is not data seolint reads; the message says why in one line."""


def load_toml(text: str) -> Any:
    from seolint.discover.toml import tomllib

    try:
        return bounded(tomllib.loads(text))
    except RecursionError:  # tomllib recurses once per nested array or inline table
        raise DataError(_TOO_DEEP) from None


def load_json(text: str) -> Any:
    try:
        return bounded(json.loads(text))
    except RecursionError:
        raise DataError(_TOO_DEEP) from None


def load_yaml(text: str, lenient: bool = False) -> Any:
    """Safe loading only (no tag constructs an object); `lenient` reads application tags
    (MkDocs' `!!python/name:`, `!ENV`) as null instead of refusing them. yaml.YAMLError
    when the text is not YAML."""
    import yaml

    if not lenient and (value := _by_libyaml(text)) is not _REFUSED:
        return bounded(value)
    try:
        return bounded(yaml.load(text, Loader=yaml_loader(lenient)))
    except RecursionError:
        raise DataError(_TOO_DEEP) from None


_REFUSED = object()  # what `_by_libyaml` returns for a text it leaves to PyYAML's own loader
# What libyaml is not given: an anchor (`&`: without one there is no alias for `yaml_loader`
# to count, an alias without its anchor being an error), and what it reads otherwise than
# the Python loader: a tab (after a value, say), a comment glued to a block scalar's
# indicator (`|#note`), a tag (`!`: a lone one is "" there, None here), a byte-order mark
# or Unicode line break inside. Found by tests/test_front_matter_libyaml.py.
_LIBYAML_DIFFERS = re.compile(
    r"[&\t\x85\u2028\u2029\ufeff]|[|>][-+0-9]*#|(?:^|[\s\[\]{},:?-])!", re.MULTILINE
)


def _by_libyaml(text: str) -> Any:
    """The text's value by libyaml (a seventh of the Python loader's time on front matter),
    or _REFUSED: whatever libyaml does not read, PyYAML's Python loader reads again, so
    that every error is the one it raises and words. libyaml stops at 1,000 levels of
    nesting (an error), below the Python loader's own stop. See _LIBYAML_DIFFERS for the
    texts it is not given."""
    import yaml

    fast = getattr(yaml, "CSafeLoader", None)
    if fast is None or _LIBYAML_DIFFERS.search(text):
        return _REFUSED
    try:
        return yaml.load(text, Loader=fast)
    except (yaml.YAMLError, ValueError, RecursionError):  # ValueError: a date that is none, a surrogate
        return _REFUSED


def load_yaml_config(text: str) -> Any:
    """A generator's YAML config: by libyaml when PyYAML has it (fast; its aliases are then
    bounded by `bounded` alone), else or when that refuses the text, leniently. ValueError
    when it is not YAML at all."""
    import yaml

    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return bounded(yaml.load(text, Loader=fast))
        except RecursionError:
            raise DataError(_TOO_DEEP) from None
        except yaml.YAMLError:
            pass
    try:
        return load_yaml(text, lenient=True)
    except yaml.YAMLError as error:
        raise ValueError(str(error)) from error


_TOO_DEEP = f"nested more than {MAX_NESTING} levels deep"


@cache
def yaml_loader(lenient: bool = False) -> type[Any]:
    """PyYAML's safe loader, refusing a document with more than MAX_ALIASES aliases before
    they are expanded."""
    import yaml

    class AliasLimitedLoader(yaml.SafeLoader):
        """Refuse "billion laughs" documents before they are expanded."""

        aliases = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                self.aliases += 1
                if self.aliases > MAX_ALIASES:
                    raise yaml.YAMLError(
                        f"more than {MAX_ALIASES} aliases (refused as a possible alias bomb)"
                    )
            return super().compose_node(parent, index)

    if lenient:
        AliasLimitedLoader.add_multi_constructor("", lambda loader, suffix, node: None)
        AliasLimitedLoader.add_multi_constructor(
            "tag:yaml.org,2002:python/", lambda loader, suffix, node: None
        )
    return AliasLimitedLoader


def bounded(value: Any) -> Any:
    """`value` itself, after checking that it nests at most MAX_NESTING levels deep, holds at
    most MAX_VALUES values with its shared parts counted at every use, and contains no cycle
    (YAML can make a list hold itself). Each list or mapping is visited once."""
    measured: dict[int, tuple[int, int]] = {}  # id -> (depth below and including it, values)
    open_ids: set[int] = set()
    stack: list[tuple[Any, bool]] = [(value, False)]
    while stack:
        item, children_done = stack.pop()
        key = id(item)
        if children_done:
            parts = [measured.get(id(child), (0, 1)) for child in _children(item)]
            depth = 1 + max((d for d, _ in parts), default=0)
            values = 1 + sum(v for _, v in parts)
            if depth > MAX_NESTING:
                raise DataError(_TOO_DEEP)
            if values > MAX_VALUES:
                raise DataError(
                    f"expands to more than {MAX_VALUES:,} values (refused as a possible alias bomb)"
                )
            measured[key] = (depth, values)
            open_ids.discard(key)
            continue
        if key in measured:
            continue
        if key in open_ids:
            raise DataError("a value contains itself")
        open_ids.add(key)
        if len(open_ids) > MAX_NESTING:
            raise DataError(_TOO_DEEP)
        stack.append((item, True))
        stack.extend((child, False) for child in _children(item) if isinstance(child, (dict, list)))
    return value


def _children(item: Any) -> list[Any]:
    if isinstance(item, dict):
        return [*item.keys(), *item.values()]
    if isinstance(item, list):
        return list(item)
    return []
