"""Every built-in regular expression finishes quickly on adversarial input.

A linter reads untrusted drafts; one catastrophically backtracking pattern turns a
pasted chatbot answer into a hung pre-commit hook. "Quickly" is a growth ratio, not seconds:
ten times the input may cost at most conftest.LINEAR_BOUND times the CPU time.
"""

from __future__ import annotations

import importlib
import itertools
import pkgutil
import re
import unicodedata
from functools import partial

import pytest

import seolint
from tests.conftest import assert_linear

REPEATS = 50_000  # a quadratic pattern costs 100x from REPEATS // 10 to REPEATS at any size


def builtin_patterns() -> list[tuple[str, re.Pattern[str]]]:
    found: list[tuple[str, re.Pattern[str]]] = []
    for module_info in pkgutil.walk_packages(seolint.__path__, "seolint."):
        if module_info.name.endswith("__main__"):
            continue
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.append((f"{module_info.name}.{name}", value))
    return found


def adversarial_inputs(pattern: str, repeats: int = REPEATS) -> list[str]:
    """Long runs of each character the pattern mentions, alone and in pairs."""
    mentioned = {c for c in re.sub(r"\\[a-zA-Z]", "", pattern) if c.isprintable()}
    # A class of all combining marks (seolint.document.marks) mentions 2,400 of them: one stands for all.
    literals = sorted(
        {c for c in mentioned if not unicodedata.category(c).startswith("M")} | {" ", "a", "\n", "1"}
    )
    literals += sorted(mentioned - set(literals))[:1]
    inputs = [c * repeats for c in literals]
    inputs += [(a + b) * (repeats // 2) for a, b in itertools.pairwise(literals)]
    inputs += [
        "[" + "a " * (repeats // 2),
        "H2:" + " " * repeats + "x",
        "{{" + " " * repeats,
        "<!--" + "-" * repeats,
    ]
    inputs += [f"[{word} " + " " * repeats + "x" for word in ("link to", "insert link", "add a", "url")]
    inputs += ["# " + " " * repeats + "x", "**" + " " * repeats + "x", "a/" * (repeats // 2) + " "]
    return inputs


PATTERNS = builtin_patterns()


def test_patterns_were_found() -> None:
    assert len(PATTERNS) >= 10


def _scan(pattern: re.Pattern[str], text: str) -> None:
    for _ in pattern.finditer(text):
        pass


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[name for name, _ in PATTERNS])
def test_pattern_is_linear_on_adversarial_input(name: str, pattern: re.Pattern[str]) -> None:
    small = adversarial_inputs(pattern.pattern, REPEATS // 10)
    large = adversarial_inputs(pattern.pattern, REPEATS)
    for short, long in zip(small, large, strict=True):
        what = f"{name} on {long[:20]!r}..."
        assert_linear(partial(_scan, pattern, short), partial(_scan, pattern, long), what, runs=1)
