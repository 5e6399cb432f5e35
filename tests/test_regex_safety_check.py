"""The load-time check that refuses user patterns prone to catastrophic backtracking."""

from __future__ import annotations

import pytest

from seolint.regex_safety import nested_quantifier


@pytest.mark.parametrize("pattern", [r"(a+)+", r"(\w+\s?)*$", r"(?:\s*\w)+x", r"((ab)*c)+", r"(?:x|(y+))*"])
def test_nested_unbounded_repeats_are_refused(pattern: str) -> None:
    assert nested_quantifier(pattern) is not None


@pytest.mark.parametrize(
    "pattern",
    [
        r"\b(?:TODO|FIXME)\b",
        r"\[\s*(?:insert|add)\s+[^\]]*\]",
        r"(ab)+",
        r"(?:a{1,3})+",
        r"(?>a+)+",
        r"a+b*c?",
    ],
)
def test_linear_patterns_are_accepted(pattern: str) -> None:
    assert nested_quantifier(pattern) is None
