"""The HTML tokenizer's expressions finish quickly on adversarial input, like every module-level
pattern in test_regex_safety: they are compiled on first use, so that test does not find them."""

from __future__ import annotations

import re

import pytest

from seolint.parse.html import tokens as html_tokens
from tests.growth import assert_linear
from tests.test_regex_safety import adversarial_growth

EXPRESSIONS = {
    **{
        name: value
        for name, value in vars(html_tokens).items()
        if name.startswith("_") and name[1:].replace("_", "").isupper() and isinstance(value, str)
    },
    **{f"_SEARCHED[{key!r}]": value for key, value in html_tokens._SEARCHED.items()},
}


def test_the_expressions_were_found() -> None:
    assert {"_PLAIN_START_TAG", "_USUAL_START_TAG", "_ORDINARY_ATTRIBUTES", "_SEARCHED['-->']"} <= set(
        EXPRESSIONS
    )


@pytest.mark.slow  # counted sweeps, like test_regex_safety's
@pytest.mark.parametrize("name", EXPRESSIONS)
def test_expression_is_linear_on_adversarial_input(name: str) -> None:
    assert_linear(adversarial_growth(name, re.compile(EXPRESSIONS[name])))
