"""`NamedTuple` for every stage's records, without what typing's costs at each start.

typing.NamedTuple builds each class through collections.namedtuple, which compiles its
`__new__` from source with `eval`, creates the class and then sets attributes on it one by
one: ~0.5 M instructions a class and ~0.05 M a field, 60 M of a one-post check's 480 M
(BENCHMARKS.md, "Figures behind the code"). This one creates the class once, from one
namespace, its `__new__` compiled once per number of fields: ~0.15 M a class.

The records behave as typing's do: tuples with the same fields, defaults, `_make`,
`_replace`, `_asdict`, `_fields`, `_field_defaults`, `__match_args__`, repr, equality,
hashing, pickling and the same errors (TypeError for a wrong call, ValueError for an
unknown field given to `_replace`). Type checkers see typing.NamedTuple itself.
Annotations are kept as written (strings under `from __future__ import annotations`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from types import CodeType, FunctionType
from typing import TYPE_CHECKING, Any

__all__ = ["NamedTuple"]

_PROHIBITED = frozenset(
    {"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults"}
    | {"_make", "_replace", "_asdict", "_source"}
)


try:  # CPython's field accessor, the one collections.namedtuple uses
    from _collections import _tuplegetter  # type: ignore[import-not-found]
except ImportError:  # another Python: a property reads the field
    from operator import itemgetter

    def _tuplegetter(index: int, doc: str) -> Any:
        return property(itemgetter(index), doc=doc)


_TUPLE_NEW = tuple.__new__
_CONSTRUCTORS: dict[int, CodeType] = {}  # by field count: `__new__`'s code, its fields unnamed


def _constructor(name: str, fields: tuple[str, ...], defaults: tuple[Any, ...]) -> Callable[..., Any]:
    """`__new__` taking the fields by position or name, the last ones defaulted.

    Its code is the one namedtuple compiles, but compiled once per number of fields and
    given each class's field names (`co_varnames`): Python binds the arguments, as fast as
    in typing's records and with the same errors."""
    count = len(fields)
    code = _CONSTRUCTORS.get(count)
    if code is None:
        params = ", ".join(f"_{i}" for i in range(count))
        items = params + ("," if count == 1 else "")
        made: dict[str, Any] = {}
        exec(f"def __new__(_cls, {params}): return _tuple_new(_cls, ({items}))", {}, made)
        code = _CONSTRUCTORS[count] = made["__new__"].__code__
    named = code.replace(co_varnames=("_cls", *fields))
    constructor = FunctionType(named, {"_tuple_new": _TUPLE_NEW}, "__new__", defaults or None)
    constructor.__qualname__ = f"{name}.__new__"
    return constructor


def _make(cls: type[Any], iterable: Iterable[Any]) -> Any:
    """Make a new record from a sequence or iterable."""
    result = tuple.__new__(cls, iterable)
    if len(result) != len(cls._fields):
        raise TypeError(f"Expected {len(cls._fields)} arguments, got {len(result)}")
    return result


def _replace(self: Any, /, **changes: Any) -> Any:
    """Return a new record replacing the fields named with new values."""
    result = self._make(map(changes.pop, self._fields, self))
    if changes:
        raise ValueError(f"Got unexpected field names: {list(changes)!r}")
    return result


def _repr(self: Any) -> str:
    shown = ", ".join(f"{field}={value!r}" for field, value in zip(self._fields, self, strict=True))
    return f"{self.__class__.__name__}({shown})"


def _asdict(self: Any) -> dict[str, Any]:
    """Return a new dict which maps field names to their values."""
    return dict(zip(self._fields, self, strict=True))


def _getnewargs(self: Any) -> tuple[Any, ...]:
    """Return self as a plain tuple. Used by copy and pickle."""
    return tuple(self)


class _RecordType(type):
    """Makes `class X(NamedTuple): ...` a tuple subclass, as typing's NamedTupleMeta does."""

    def __new__(mcs, name: str, bases: tuple[type, ...], body: dict[str, Any]) -> Any:
        if not bases:  # NamedTuple itself
            return super().__new__(mcs, name, bases, body)
        fields = tuple(body.get("__annotations__", {}))
        defaults = {}
        for field in fields:
            if field.startswith("_"):
                raise ValueError(f"Field names cannot start with an underscore: {field!r}")
            if field in body:
                defaults[field] = body[field]
            elif defaults:
                raise TypeError(f"Non-default namedtuple field {field} cannot follow default field(s)")
        namespace: dict[str, Any] = {
            "__doc__": f"{name}({', '.join(fields)})",
            "__slots__": (),
            "_fields": fields,
            "_field_defaults": defaults,
            "__match_args__": fields,
            "__new__": _constructor(name, fields, tuple(defaults.values())),
            "_make": classmethod(_make),
            "_replace": _replace,
            "__repr__": _repr,
            "_asdict": _asdict,
            "__getnewargs__": _getnewargs,
        }
        for key, value in body.items():
            if key in _PROHIBITED:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            if key not in defaults and (key != "__doc__" or value is not None):
                namespace[key] = value
        namespace.update((f, _tuplegetter(i, f"Alias for field number {i}")) for i, f in enumerate(fields))
        return type.__new__(type, name, (tuple,), namespace)


if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:

    class NamedTuple(metaclass=_RecordType):
        """Base of a record class: `class Span(NamedTuple): start: int ...`."""
