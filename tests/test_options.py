"""Rule options: Options subclasses (built-in rules) and plugins' frozen dataclasses read alike."""

from __future__ import annotations

import dataclasses

import pytest

from seolint.registry.options import OptionField, Options, fields, option, replaced


class Sample(Options):
    min: float = 40.0
    min_words: int = option(100, minimum=0)
    phrases: tuple[str, ...] = ("a", "b")


@dataclasses.dataclass(frozen=True)
class PluginSample:
    low: int = dataclasses.field(default=1, metadata={"minimum": 0})
    names: tuple[str, ...] = dataclasses.field(default_factory=tuple)


def test_fields_have_their_defaults_and_bounds_in_declaration_order() -> None:
    assert fields(Sample) == (
        OptionField("min", 40.0),
        OptionField("min_words", 100, minimum=0),
        OptionField("phrases", ("a", "b")),
    )
    assert Sample.min_words == 100  # the class attribute is the default, not the bounds


def test_an_options_record_behaves_like_a_frozen_dataclass() -> None:
    options = Sample(min=30.0)
    assert (options.min, options.min_words) == (30.0, 100)
    assert repr(options) == "Sample(min=30.0, min_words=100, phrases=('a', 'b'))"
    assert options == Sample(min=30.0) and hash(options) == hash(Sample(min=30.0))
    assert options != Sample() and options != PluginSample()
    with pytest.raises(AttributeError):
        options.min = 1.0  # type: ignore[misc]
    with pytest.raises(TypeError, match="no option 'max'"):
        Sample(max=3)


def test_replaced_keeps_the_kind_of_record() -> None:
    assert replaced(Sample(min=30.0), min_words=5) == Sample(min=30.0, min_words=5)
    assert replaced(PluginSample(), low=3) == PluginSample(low=3)


def test_a_plugins_dataclass_is_read_through_its_fields() -> None:
    assert fields(PluginSample) == (OptionField("low", 1, minimum=0), OptionField("names", ()))


def test_a_subclass_adds_to_its_bases_options() -> None:
    class Wider(Sample):
        max: float = option(60.0, maximum=100)

    assert [f.name for f in fields(Wider)] == ["min", "min_words", "phrases", "max"]
    assert Wider(max=70.0).values() == {"min": 40.0, "min_words": 100, "phrases": ("a", "b"), "max": 70.0}
