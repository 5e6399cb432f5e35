"""Every built-in regular expression finishes quickly on adversarial input.

A linter reads untrusted drafts; one catastrophically backtracking pattern turns a
pasted chatbot answer into a hung pre-commit hook. "Quickly" is a growth ratio, not seconds:
ten times the input may cost at most tests.growth.LINEAR_BOUND times the instructions.
"""

from __future__ import annotations

import importlib
import itertools
import pkgutil
import re
import unicodedata
from collections.abc import Sequence
from functools import partial

import pytest

import seolint
from seolint.registry.lazy_patterns import LazyRegex
from tests.growth import Growth, assert_linear

# Counted, so small: a quadratic pattern already costs ~100x from REPEATS // 10 to REPEATS.
REPEATS = 500


def builtin_patterns() -> list[tuple[str, re.Pattern[str]]]:
    found: list[tuple[str, re.Pattern[str]]] = []
    for module_info in pkgutil.walk_packages(seolint.__path__, "seolint."):
        if module_info.name.endswith("__main__"):
            continue
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if isinstance(value, LazyRegex):  # compiled on first use: the same pattern
                value = value.compiled
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


def scan(pattern: re.Pattern[str], texts: Sequence[str]) -> None:
    """Every match of the pattern in each text, the way rules and views look for them."""
    for text in texts:
        for _ in pattern.finditer(text):
            pass


def adversarial_growth(name: str, pattern: re.Pattern[str]) -> Growth:
    """Scanning all the adversarial inputs at once: a quadratic one dominates the sum (its small
    input alone costs REPEATS // 20 times a linear one), so the sum grows ~100x too."""
    small = adversarial_inputs(pattern.pattern, REPEATS // 10)
    large = adversarial_inputs(pattern.pattern, REPEATS)
    return Growth(f"{name} on adversarial input", partial(scan, pattern), small, large)


@pytest.mark.slow  # ~140 counted sweeps: the default run leaves them to CI's slow set
@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[name for name, _ in PATTERNS])
def test_pattern_is_linear_on_adversarial_input(name: str, pattern: re.Pattern[str]) -> None:
    assert_linear(adversarial_growth(name, pattern))
