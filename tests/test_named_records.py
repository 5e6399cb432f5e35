"""seolint.discover.records.NamedTuple behaves as typing.NamedTuple does, and costs less to define."""

import copy
import pickle
import typing
from typing import Any

import pytest

from seolint.discover import records


class TypingSpan(typing.NamedTuple):
    """Where a problem is."""

    start: int
    end: int
    line: int = 1
    label: "str | None" = None

    @property
    def length(self) -> int:
        return self.end - self.start

    def moved(self, by: int) -> "TypingSpan":
        return self._replace(start=self.start + by, end=self.end + by)


class Span(records.NamedTuple):
    """Where a problem is."""

    start: int
    end: int
    line: int = 1
    label: "str | None" = None

    @property
    def length(self) -> int:
        return self.end - self.start

    def moved(self, by: int) -> "Span":
        return self._replace(start=self.start + by, end=self.end + by)


def twins() -> tuple[type[Any], type[Any]]:
    """The same record declared with typing's NamedTuple and with ours."""
    return TypingSpan, Span


CALLS: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
    ((1, 2), {}),
    ((1, 2, 3), {}),
    ((1, 2, 3, "x"), {}),
    ((1,), {"end": 2}),
    ((), {"start": 1, "end": 2, "label": "y"}),
    ((1, 2), {"label": "z"}),
]
WRONG_CALLS: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
    ((), {}),
    ((1,), {}),
    ((1, 2, 3, 4, 5), {}),
    ((1, 2), {"start": 3}),
    ((1, 2), {"colour": 3}),
    ((), {"end": 2}),
]


@pytest.mark.parametrize(("args", "kwargs"), CALLS)
def test_a_record_is_made_and_read_as_typing_makes_it(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    theirs, ours = twins()
    expected, got = theirs(*args, **kwargs), ours(*args, **kwargs)
    assert tuple(got) == tuple(expected) and isinstance(got, tuple)
    assert repr(got) == repr(expected).replace("TypingSpan", "Span")
    assert (got.start, got.end, got.line, got.label, got.length) == (*tuple(expected)[:4], expected.length)
    assert got._asdict() == expected._asdict()
    assert tuple(got._replace(line=9)) == tuple(expected._replace(line=9))
    assert tuple(got.moved(5)) == tuple(expected.moved(5)) and type(got.moved(5)) is ours
    assert got == tuple(expected) and hash(got) == hash(tuple(expected))
    assert pickle.loads(pickle.dumps(got)) == got and copy.deepcopy(got) == got


@pytest.mark.parametrize(("args", "kwargs"), WRONG_CALLS)
def test_a_wrong_call_fails_as_it_does_with_typing(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    for record in twins():
        with pytest.raises(TypeError):
            record(*args, **kwargs)


def test_the_class_describes_itself_as_typing_s_does() -> None:
    theirs, ours = twins()
    for name in ("_fields", "_field_defaults", "__match_args__", "__doc__", "__module__"):
        assert getattr(ours, name) == getattr(theirs, name), name
    assert ours.__annotations__["label"] == "str | None"  # kept as written: no ForwardRef compiled
    assert ours.__annotations__.keys() == theirs.__annotations__.keys()
    assert ours.__mro__[1:] == (tuple, object)
    assert ours._make([1, 2, 3, None]) == (1, 2, 3, None)
    with pytest.raises(TypeError):
        ours._make([1, 2])
    with pytest.raises(ValueError):
        ours(1, 2)._replace(colour=1)
    match ours(1, 2):
        case ours(start, end):
            assert (start, end) == (1, 2)


def test_a_class_without_a_docstring_is_named_by_its_fields() -> None:
    class Pair(records.NamedTuple):
        left: int
        right: int

    assert Pair.__doc__ == "Pair(left, right)"


def test_a_field_without_a_default_after_one_with_a_default_is_refused() -> None:
    with pytest.raises(TypeError):

        class Broken(records.NamedTuple):
            first: int = 0
            second: int


def test_the_generated_methods_cannot_be_overwritten() -> None:
    with pytest.raises(AttributeError):

        class Broken(records.NamedTuple):
            first: int

            def _replace(self, **changes: Any) -> "Broken":
                return self


def count_instructions_defining(base: str, classes: int) -> int:
    """Bytecode instructions run while `classes` records of five fields are defined (Python's
    tracer counts them, so the figure does not depend on the machine's speed)."""
    import sys

    source = "".join(
        f"class R{i}(NamedTuple):\n    a: int\n    b: str\n    c: int = 0\n    d: str = ''\n    e: int = 0\n"
        for i in range(classes)
    )
    code = compile(source, "<records>", "exec")
    namespace = {"NamedTuple": typing.NamedTuple if base == "typing" else records.NamedTuple}
    counted = [0]

    def trace(frame: Any, event: str, arg: Any) -> Any:
        frame.f_trace_opcodes = True
        if event == "opcode":
            counted[0] += 1
        return trace

    sys.settrace(trace)
    try:
        exec(code, namespace)
    finally:
        sys.settrace(None)
    return counted[0]


def test_defining_a_record_runs_a_fraction_of_typing_s_python() -> None:
    """typing's runs namedtuple's Python and `eval`s a `__new__` for each class."""
    theirs = count_instructions_defining("typing", 10)
    ours = count_instructions_defining("ours", 10)
    assert ours * 3 < theirs, (ours, theirs)  # 4,942 against 15,962 here
