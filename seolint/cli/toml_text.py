"""Settings written as TOML, for `check --show-settings` and `explain`."""

from __future__ import annotations


def toml_value(value: object) -> str:
    import json
    import re

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, re.Pattern):
        return json.dumps(value.pattern)
    if value is None:
        return '""  # not set'
    return json.dumps(value, ensure_ascii=False, default=str)
