"""Every built-in regular expression finishes quickly on adversarial input.

A linter reads untrusted drafts; one catastrophically backtracking pattern turns a
pasted chatbot answer into a hung pre-commit hook.
"""

from __future__ import annotations

import importlib
import itertools
import pkgutil
import re
import time

import pytest

import seolint

REPEATS = 100_000
BUDGET_SECONDS = 0.5


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


def adversarial_inputs(pattern: str) -> list[str]:
    """Long runs of each character the pattern mentions, alone and in pairs."""
    literals = sorted(
        {c for c in re.sub(r"\\[a-zA-Z]", "", pattern) if c.isprintable()} | {" ", "a", "\n", "1"}
    )
    inputs = [c * REPEATS for c in literals]
    inputs += [(a + b) * (REPEATS // 2) for a, b in itertools.pairwise(literals)]
    inputs += [
        "[" + "a " * (REPEATS // 2),
        "H2:" + " " * REPEATS + "x",
        "{{" + " " * REPEATS,
        "<!--" + "-" * REPEATS,
    ]
    inputs += [f"[{word} " + " " * REPEATS + "x" for word in ("link to", "insert link", "add a", "url")]
    inputs += ["# " + " " * REPEATS + "x", "**" + " " * REPEATS + "x", "a/" * (REPEATS // 2) + " "]
    return inputs


PATTERNS = builtin_patterns()


def test_patterns_were_found() -> None:
    assert len(PATTERNS) >= 10


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[name for name, _ in PATTERNS])
def test_pattern_is_fast_on_adversarial_input(name: str, pattern: re.Pattern[str]) -> None:
    for text in adversarial_inputs(pattern.pattern):
        started = time.perf_counter()
        for _ in pattern.finditer(text):
            pass
        elapsed = time.perf_counter() - started
        assert elapsed < BUDGET_SECONDS, f"{name} took {elapsed:.2f}s on {text[:20]!r}..."
