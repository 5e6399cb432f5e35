"""Front matter read by libyaml gives what PyYAML's Python loader gives: the same value, or
the same error (libyaml hands back whatever it does not read)."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from seolint.discover import structured
from tests.examples import examples

_PIECES = [
    "title", "date", "tags", ": ", ":", "\n", "  ", "\t", "- ", "a", "Ünï", "'q'", '"q\\n"', "2024-01-02",
    "2024-13-45", "12:30", "1e3", "0x1f", "yes", "~", "null", "[a, b]", "{k: 1}", "[", "{", "}", "#c",
    "*x", "&x ", "!!str ", "!!python/name:x ", "!tag ", "|", ">", "---", "...", "%YAML 1.1", "\x85",
    "\x07", "\ud800", "\u2028", "? ", "- - ", ",", "'it''s'", '"\\x41"', "\\", "@", "`", "%", "!", "|-\n  x",
    ">+2", "\n  ", "=", "<<: ", "\ufeff", "\r\n",
]  # fmt: skip


def _outcome(load: Any, text: str) -> object:
    try:
        return ("value", load(text))
    except (yaml.YAMLError, structured.DataError, ValueError) as error:
        return ("error", type(error).__name__, str(error))


def _python_loader(text: str) -> Any:
    try:
        return structured.bounded(yaml.load(text, Loader=structured.yaml_loader()))
    except RecursionError:
        raise structured.DataError("too deep") from None


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="PyYAML without libyaml")
@settings(max_examples=examples(400), deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=16))
def test_libyaml_reads_front_matter_as_the_python_loader_does(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _outcome(structured.load_yaml, text) == _outcome(_python_loader, text)


def test_an_anchor_goes_to_the_loader_that_counts_aliases() -> None:
    bomb = "a: &a [x]\n" + "".join(f"k{i}: *a\n" for i in range(structured.MAX_ALIASES + 1))
    with pytest.raises(yaml.YAMLError, match="aliases"):
        structured.load_yaml(bomb)


def test_nesting_libyaml_refuses_is_refused_as_too_deep() -> None:
    with pytest.raises(structured.DataError, match="levels deep"):
        structured.load_yaml("a: " + "[" * 5_000 + "]" * 5_000 + "\n")
