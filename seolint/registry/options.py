"""Rule options: typed, defaulted, immutable records that config values are checked against.

A built-in rule declares its options as a subclass of Options, one annotated class
attribute per option with its default; `option(...)` adds bounds:

    class ReadingEaseOptions(Options):
        min: float = 40.0
        min_words: int = option(100, minimum=0)

Defining one generates no code, where a frozen dataclass makes Python 3.11 compile six
methods (the built-in rules' twenty option classes were a tenth of checking one post).
A plugin may declare a frozen dataclass instead; `fields` and `replaced` read both kinds.
"""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

from seolint.discover.records import NamedTuple

T = TypeVar("T")


class OptionField(NamedTuple):
    """One option: its attribute name, default, and the bounds a configured number must keep."""

    name: str
    default: Any
    minimum: float | None = None
    maximum: float | None = None


class _Bounded(NamedTuple):
    """What `option()` leaves in a class body, until the class takes it apart."""

    default: Any
    minimum: float | None
    maximum: float | None


def option(default: T, *, minimum: float | None = None, maximum: float | None = None) -> T:
    """An option whose configured values must lie in [minimum, maximum] (in an Options class;
    a plugin's dataclass field gives the same bounds as `metadata={"minimum": ..., "maximum": ...}`)."""
    return _Bounded(default, minimum, maximum)  # type: ignore[return-value]  # the class takes it apart


class Options:
    """Base of a rule's options: the annotated class attributes, with their defaults."""

    option_fields: ClassVar[tuple[OptionField, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own = []
        # The class's own annotations (inspect.get_annotations would import inspect for this)
        for name in cls.__dict__.get("__annotations__", {}):  # noqa: RUF063
            if name.startswith("_") or name == "option_fields":
                continue
            value = cls.__dict__[name]  # every option has a default (KeyError: it has none)
            if isinstance(value, _Bounded):
                own.append(OptionField(name, value.default, value.minimum, value.maximum))
                setattr(cls, name, value.default)
            else:
                own.append(OptionField(name, value))
        cls.option_fields = (*cls.option_fields, *own)

    def __init__(self, **values: Any) -> None:
        for spec in self.option_fields:
            object.__setattr__(self, spec.name, values.pop(spec.name, spec.default))
        if values:
            raise TypeError(f"{type(self).__name__} has no option {', '.join(map(repr, values))}")

    def values(self) -> dict[str, Any]:
        return {spec.name: getattr(self, spec.name) for spec in self.option_fields}

    def what_counts(self) -> tuple[str, ...]:
        """Lines `check --show-settings` prints under the rule's options: what the rule, with
        these options, counts as a hit where its options alone do not say (most rules: none)."""
        return ()

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable: use seolint.registry.options.replaced")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Options) and type(other) is type(self) and self.values() == other.values()

    def __hash__(self) -> int:
        return hash((type(self), tuple(self.values().values())))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in self.values().items())
        return f"{type(self).__qualname__}({shown})"


def fields(options_type: type[Any]) -> tuple[OptionField, ...]:
    """The options of a rule's options type: an Options subclass, or a plugin's dataclass."""
    if issubclass(options_type, Options):
        return options_type.option_fields
    import dataclasses

    def default(spec: dataclasses.Field[Any]) -> Any:
        if spec.default is not dataclasses.MISSING:
            return spec.default
        return spec.default_factory() if callable(spec.default_factory) else None

    return tuple(
        OptionField(spec.name, default(spec), spec.metadata.get("minimum"), spec.metadata.get("maximum"))
        for spec in dataclasses.fields(options_type)
    )


def replaced(options: T, **changes: Any) -> T:
    """`options` with `changes`, whichever kind of options record it is."""
    if isinstance(options, Options):
        return type(options)(**{**options.values(), **changes})
    import dataclasses

    return dataclasses.replace(options, **changes)  # type: ignore[type-var]
