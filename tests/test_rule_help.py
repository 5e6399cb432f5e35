"""A rule's help is its check's docstring dedented as textwrap.dedent would, without `re`."""

import random
import textwrap

import pytest

from seolint.registry.catalog import known_rules
from seolint.registry.rule import dedent


def test_every_built_in_rule_s_help_is_dedented_as_textwrap_does() -> None:
    docstrings = [
        (r.check or r.site_check).__doc__ or ""
        for r in known_rules().rules
        if (r.check or r.site_check).__doc__
    ]
    assert len(docstrings) > 50  # the rules were really read
    for doc in docstrings:
        rest = doc.partition("\n")[2]
        assert dedent(rest) == textwrap.dedent(rest)


@pytest.mark.parametrize(
    "text",
    ["", "\n", "  a\n    b\n", "\ta\n\t b\n", "  a\n\tb\n", "    a\n  \n    b", " \t a\n \t b\n  c"],
)
def test_mixed_margins_are_dedented_as_textwrap_does(text: str) -> None:
    assert dedent(text) == textwrap.dedent(text)


def test_generated_margins_are_dedented_as_textwrap_does() -> None:
    pick = random.Random(29)
    for _ in range(2000):
        lines = (
            "".join(pick.choice(" \t") for _ in range(pick.randint(0, 4)))
            + pick.choice(["", "x", "y z", " ", "\r"])
            for _ in range(pick.randint(0, 5))
        )
        text = "\n".join(lines)
        assert dedent(text) == textwrap.dedent(text), repr(text)
