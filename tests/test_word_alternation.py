"""A word list's regex alternation (seolint.checks.leftover_lexicon.alternation): one pattern for
the same words in every process, so its compiled code is found in the user's cache."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from seolint.checks.leftover_lexicon import alternation
from tests.conftest import ROOT


def test_longer_phrases_come_first_and_spaces_match_any_run() -> None:
    pattern = re.compile(rf"\b(?:{alternation(('draft', 'draft note', 'note'))})\b")
    assert pattern.search("a draft  note here").group() == "draft  note"  # type: ignore[union-attr]
    assert pattern.search("a note").group() == "note"  # type: ignore[union-attr]


def test_a_set_of_words_makes_the_same_pattern_in_every_process() -> None:
    """A frozenset's order changes with the hash seed; the pattern must not."""
    probe = (
        "from seolint.checks.leftover_lexicon import alternation\n"
        "print(alternation(tuple(frozenset(['todo', 'tbd', 'note', 'fill', 'edit', 'fix me']))))"
    )
    made = set()
    for seed in range(6):
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        done = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT, env=env
        )
        made.add(done.stdout)
    assert len(made) == 1
