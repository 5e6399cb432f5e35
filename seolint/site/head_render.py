"""Render page templates symbolically: what the generator would write, with markers where
the page's own title, description and summary go and UNKNOWN where we cannot tell.

The interpreter follows each template language's control flow (if/else, Go's with,
assignments, captures, includes, partials, blocks, macros, extends). A condition it cannot
decide renders every arm, marked uncertain, so a <title> found there is not trusted; a
loop renders its body once, uncertain too. Work is bounded: a template that includes
itself, or renders more than `BUDGET` nodes, gives an unknown head.
"""

from __future__ import annotations

import bisect
import contextlib
import re
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Generic, TypeVar

from seolint.discover.records import NamedTuple
from seolint.site.template_tree import (
    Assign,
    Block,
    Branch,
    Capture,
    Choice,
    Define,
    Dialect,
    Loop,
    Node,
    Opaque,
    Output,
    Statement,
    Text,
)
from seolint.site.template_values import (
    UNKNOWN,
    UNKNOWN_MARK,
    Read,
    Record,
    Scope,
    apply_text_function,
    compare,
    decisive,
    evaluate,
    is_text_function,
    literal,
    replays,
    text_of,
    truthy,
)

BUDGET = 20_000  # nodes rendered per page head: real heads need a few hundred
MAX_DEPTH = 12  # nested includes and partials


_PARTIAL = re.compile(r"""^(?:partial|partialCached)\s+"([^"]+)"\s*(.*)$""", re.DOTALL)
_INCLUDE_NAME = re.compile(r"""^\s*(?:"([^"]+)"|'([^']+)'|([^\s{}'"]+))\s*(.*)$""", re.DOTALL)
_IMPORT = re.compile(r"""^\s*["']([^"']+)["']\s+as\s+(\w+)\s*$""")


@dataclass(frozen=True, eq=False)
class Template:
    """A template file read into its tree; what rendering looks up in it is found once."""

    shown: str  # the file as --show-site and messages name it ("layouts/partials/head.html")
    nodes: tuple[Node, ...]

    @cached_property
    def named(self) -> tuple[Block | Define, ...]:
        """Its blocks, defines and macros, at any depth, in order."""
        return tuple(node for node in _walk(self.nodes) if isinstance(node, (Block, Define)))

    @cached_property
    def extends(self) -> str | None:
        """The template it fills in (`{% extends "base.html" %}`), if any."""
        for node in self.nodes:
            if isinstance(node, Statement) and node.name == "extends":
                found = _INCLUDE_NAME.match(node.arguments)
                return next((g for g in found.groups()[:3] if g), None) if found else None
        return None

    @cached_property
    def imports(self) -> tuple[tuple[str, str], ...]:
        """(file, namespace) of each `{% import "file" as namespace %}`."""
        found = (
            _IMPORT.match(node.arguments)
            for node in self.nodes
            if isinstance(node, Statement) and node.name == "import"
        )
        return tuple((m.group(1), m.group(2)) for m in found if m)


# What a template names, looked up as the generator would: ("partial" | "include" |
# "template", name) -> the template, or None when it is not in the repository.
Loader = Callable[[str, str], "Template | None"]
# A function or tag the generator provides (jekyll-seo-tag's `seo`, Zola's `get_section`,
# a theme's partial that is not in the repository): (arguments, keyword arguments, scope).
Builtin = Callable[[Sequence[Any], Mapping[str, Any], Scope], Any]


T = TypeVar("T")


class Memo(Generic[T]):
    """Results of rendering one template for one page, reused for another page when every
    value the rendering read is the same there: most pages of a site have the same head
    but for their own title and description, and rendering is the costly part."""

    LIMIT = 32  # renderings kept per template, the most recently used first

    def __init__(self) -> None:
        self._kept: dict[Hashable, list[tuple[tuple[Read, ...], T]]] = {}

    def get(
        self, key: Hashable, variables: Mapping[str, Any], dot: Any, render: Callable[[list[Read]], T]
    ) -> T:
        kept = self._kept.setdefault(key, [])
        for index, (reads, result) in enumerate(kept):
            if replays(reads, variables, dot):
                if index:  # the most recent match first: pages come folder by folder
                    kept.insert(0, kept.pop(index))
                return result
        noted: list[Read] = []
        result = render(noted)
        kept.insert(0, (tuple(noted), result))
        del kept[self.LIMIT :]
        return result


class RenderError(Exception):
    """The budget ran out or includes nested too deep: the head is unknown."""


class _HeadWritten(Exception):
    """`</head>` is out: nothing after it can change the <title> or the description."""


class Origin(NamedTuple):
    offset: int
    template: str
    line: int  # negative: the output of a builtin written at -line, whose own line breaks do not count
    uncertain: bool


class Rendered(NamedTuple):
    text: str
    origins: tuple[Origin, ...]

    def at(self, offset: int) -> Origin:
        """Where the text at `offset` comes from (its line counted within its chunk)."""
        index = bisect.bisect_right([o.offset for o in self.origins], offset) - 1
        if not self.origins:
            return Origin(0, "", 0, True)
        origin = self.origins[max(index, 0)]
        if origin.line <= 0:  # a builtin's output: where its tag was
            return origin._replace(offset=offset, line=-origin.line)
        return origin._replace(offset=offset, line=origin.line + self.text.count("\n", origin.offset, offset))

    def uncertain(self, start: int, end: int) -> bool:
        """Whether any text in [start, end) came from an arm or loop we could not decide."""
        offsets = [o.offset for o in self.origins]
        first = max(bisect.bisect_right(offsets, start) - 1, 0)
        last = bisect.bisect_left(offsets, end)
        return any(o.uncertain for o in self.origins[first:last])


class Renderer:
    """Renders the templates of one generator; `builtins` are its functions and tags."""

    def __init__(
        self, dialect: Dialect, load: Loader, builtins: Mapping[str, Builtin] | None = None, theme: str = ""
    ) -> None:
        self.dialect = dialect
        self.load = load
        self.builtins = dict(builtins or {})
        self.theme = theme  # names what a builtin partial (a theme's, not in the repository) writes
        self._parts: list[str] = []
        self._origins: list[Origin] = []
        self._length = 0
        self._uncertain = 0
        self._spent = 0
        self._depth = 0
        self._capturing = 0  # > 0 while output is taken as a value (a capture, a macro, a partial's)
        self._blocks: dict[str, tuple[str, tuple[Node, ...]]] = {}
        self._defines: dict[str, tuple[str, Define]] = {}
        self._macros: dict[str, dict[str, tuple[str, Define]]] = {}

    # -- entry points ---------------------------------------------------------------------
    def render(
        self,
        template: Template,
        variables: Mapping[str, Any],
        dot: Any = None,
        reads: list[Read] | None = None,
    ) -> Rendered:
        """`template` rendered with `variables` (and Go's dot), following `extends` to the
        template it fills in, with the blocks each template in the chain overrides; with
        `reads`, what it reads of the variables is noted there (see Memo)."""
        chain = [template]
        while chain[-1].extends and len(chain) < MAX_DEPTH:
            parent = self.load("template", chain[-1].extends)
            if parent is None:
                break
            chain.append(parent)
        for member in chain:  # the child's blocks win over its parent's
            for node in member.named:
                if isinstance(node, Block) and node.name not in self._blocks:
                    self._blocks[node.name] = (member.shown, node.body)
                if isinstance(node, Define) and not node.params:
                    self._defines.setdefault(node.name, (member.shown, node))
        if reads is not None:
            for name, value in variables.items():
                if isinstance(value, Record):
                    value.traced((name,), reads)
            if isinstance(dot, Record):
                dot.traced((".",), reads)
        scope = Scope(variables, dot, reads)
        for member in chain:
            self._imports(member, scope)
        with contextlib.suppress(_HeadWritten):
            self._emit_nodes(chain[-1].nodes, scope, chain[-1].shown)
        return Rendered("".join(self._parts), tuple(self._origins))

    def with_defines(self, template: Template) -> Renderer:
        """Take Go `define`s from a page template (Hugo's single.html over baseof.html)."""
        for node in template.named:
            if isinstance(node, Define) and not node.params:
                self._defines[node.name] = (template.shown, node)
                self._blocks[node.name] = (template.shown, node.body)
        return self

    # -- output -----------------------------------------------------------------------------
    def _write(self, text: str, template: str, line: int, lines_follow: bool = True) -> None:
        """Output `text`, written at `line` of `template`; unless `lines_follow`, its own
        line breaks are not lines of the template."""
        if not text:
            return
        self._origins.append(
            Origin(self._length, template, line if lines_follow else -line, self._uncertain > 0)
        )
        self._parts.append(text)
        self._length += len(text)
        if not self._capturing and self._uncertain == 0 and "</head" in text.lower():
            raise _HeadWritten

    def _spend(self) -> None:
        self._spent += 1
        if self._spent > BUDGET:
            raise RenderError("the templates render too much to follow")

    def _emit_nodes(self, nodes: Sequence[Node], scope: Scope, shown: str) -> None:
        for node in nodes:
            self._spend()
            self._emit(node, scope, shown)

    def _emit(self, node: Node, scope: Scope, shown: str) -> None:
        if isinstance(node, Text):
            self._write(node.text, shown, node.line)
        elif isinstance(node, Output):
            self._output(node, scope, shown)
        elif isinstance(node, Choice):
            self._choose(node, scope, shown)
        elif isinstance(node, Loop):
            self._write(UNKNOWN_MARK, shown, node.line)
            self._uncertain += 1
            self._emit_nodes(node.body, scope, shown)
            self._uncertain -= 1
            self._write(UNKNOWN_MARK, shown, node.line)
        elif isinstance(node, Assign):
            scope.set(node.name, self._value(node.expression, scope))
        elif isinstance(node, Capture):
            scope.set(node.name, self._capture(node.body, scope, shown))
        elif isinstance(node, Block):
            found_shown, body = (
                self._blocks.get(node.name, (shown, node.body)) if node.name else (shown, node.body)
            )
            inner = scope
            if self.dialect == "go" and node.context not in ("", "."):
                inner = Scope({}, self._value(node.context, scope))
                inner.root = scope.root
            self._emit_nodes(body, inner, found_shown)
        elif isinstance(node, Statement):
            self._statement(node, scope, shown)
        elif isinstance(node, Opaque):
            self._write(UNKNOWN_MARK, shown, node.line)
        # Define: a named template or macro, output only where it is called

    def _choose(self, node: Choice, scope: Scope, shown: str) -> None:
        undecided: list[tuple[Branch, Any]] = []
        for arm in node.arms:
            value = True if arm.condition is None else self._value(arm.condition, scope)
            known = truthy(value)
            if known is not None and arm.negated:
                known = not known
            if known is False:
                continue
            if known and not undecided:
                self._arm(node, arm, value, scope, shown)
                return
            undecided.append((arm, value))
            if known:
                break
        if not undecided:
            return
        self._write(UNKNOWN_MARK, shown, node.line)  # every arm that may run, none trusted
        self._uncertain += 1
        for arm, value in undecided:
            self._arm(node, arm, value, scope, shown)
        self._uncertain -= 1
        self._write(UNKNOWN_MARK, shown, node.line)

    def _arm(self, node: Choice, arm: Branch, value: Any, scope: Scope, shown: str) -> None:
        """One arm's body; Go's `with` makes its value the dot (not in its `else` arm)."""
        if not node.binds or arm.condition is None:
            self._emit_nodes(arm.body, scope, shown)
            return
        saved = scope.dot
        scope.dot = value
        try:
            self._emit_nodes(arm.body, scope, shown)
        finally:
            scope.dot = saved

    def _output(self, node: Output, scope: Scope, shown: str) -> None:
        partial = _PARTIAL.match(node.expression) if self.dialect == "go" else None
        if partial is not None:  # rendered in place, so its own lines are where its text comes from
            context = self._value(partial.group(2), scope) if partial.group(2).strip() else None
            self._partial(partial.group(1), context, scope, shown, node.line)
            return
        self._write(text_of(self._value(node.expression, scope)), shown, node.line)

    def _statement(self, node: Statement, scope: Scope, shown: str) -> None:
        name = node.name
        if name in ("include", "include_cached"):
            found = _INCLUDE_NAME.match(node.arguments)
            target = next((g for g in found.groups()[:3] if g), None) if found else None
            template = self.load("include", target) if target and "{{" not in target else None
            if template is None:
                self._write(UNKNOWN_MARK, shown, node.line)
                return
            self._nested(lambda: self._emit_nodes(template.nodes, scope, template.shown))
        elif name in ("import", "extends", "else", "break", "continue", "cycle"):
            return  # imports and extends are read before rendering; the rest writes nothing
        elif name in self.builtins:  # its output is one piece, all of it from this tag's line
            self._write(text_of(self.builtins[name]([node.arguments], {}, scope)), shown, node.line, False)
        else:
            self._write(UNKNOWN_MARK, shown, node.line)

    def _partial(self, name: str, context: Any, scope: Scope, shown: str, line: int) -> None:
        template = self.load("partial", name)
        if template is None:
            missing = self.builtins.get("partial:" + name)
            if missing is None:
                self._write(UNKNOWN_MARK, shown, line)
            else:
                self._write(text_of(missing([context], {}, scope)), self.theme or shown, 0)
            return
        inner = Scope({}, context)  # a Go partial sees only its context, not the caller's variables
        self._nested(lambda: self._emit_nodes(template.nodes, inner, template.shown))

    def _nested(self, run: Callable[[], None]) -> None:
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise RenderError("includes nest too deep")
        try:
            run()
        finally:
            self._depth -= 1

    def _capture(self, body: tuple[Node, ...], scope: Scope, shown: str) -> str:
        """What `body` writes, as text (a Liquid capture, a partial or macro used as a value)."""
        parts, origins, length = self._parts, self._origins, self._length
        self._parts, self._origins, self._length = [], [], 0
        self._capturing += 1
        try:
            self._emit_nodes(body, scope, shown)
            return "".join(self._parts)
        finally:
            self._capturing -= 1
            self._parts, self._origins, self._length = parts, origins, length

    # -- values -----------------------------------------------------------------------------
    def _value(self, expression: str, scope: Scope) -> Any:
        return evaluate(
            expression, self.dialect, scope, lambda name, args, kwargs: self._call(name, args, kwargs, scope)
        )

    def _call(self, name: str, args: Sequence[Any], kwargs: Mapping[str, Any], scope: Scope) -> Any:
        self._spend()
        if name in self.builtins:
            return self.builtins[name](args, kwargs, scope)
        bare = name.lstrip("|")
        if "::" in name:
            return self._macro(name, args, kwargs)
        if self.dialect == "go":
            return self._go_function(name, args, scope)
        if name.startswith("|"):
            return self._filter(bare, args, kwargs)
        return UNKNOWN

    def _go_function(self, name: str, args: Sequence[Any], scope: Scope) -> Any:
        if name in ("or", "and"):  # the first true (or) or false (and) argument, else the last
            return decisive(args, want=name == "or")
        if name == "not" and len(args) == 1:
            known = truthy(args[0])
            return UNKNOWN if known is None else not known
        if name in ("eq", "ne") and len(args) >= 2:
            same = [compare("==", args[0], other) for other in args[1:]]
            if UNKNOWN in same:
                return UNKNOWN
            return any(same) if name == "eq" else not any(same)
        if name == "default" and len(args) == 2:
            known = truthy(args[1])
            return UNKNOWN if known is None else (args[1] if known else args[0])
        if name == "printf" and args and isinstance(args[0], str):
            return _printf(args[0], args[1:])
        if name == "print":
            return "".join(text_of(a) for a in args)
        if name in ("partial", "partialCached") and args and isinstance(args[0], str):
            return self._capture_partial(args[0], args[1] if len(args) > 1 else None, scope)
        if name == "template" and args and isinstance(args[0], str):
            return self._template(args[0], args[1] if len(args) > 1 else None, scope)
        if is_text_function(name):
            return apply_text_function(name, list(args), {}, filtered=False)
        return UNKNOWN

    def _capture_partial(self, name: str, context: Any, scope: Scope) -> Any:
        parts, origins, length = self._parts, self._origins, self._length
        self._parts, self._origins, self._length = [], [], 0
        self._capturing += 1
        try:
            self._partial(name, context, scope, "", 0)
            return "".join(self._parts)
        finally:
            self._capturing -= 1
            self._parts, self._origins, self._length = parts, origins, length

    def _template(self, name: str, context: Any, scope: Scope) -> Any:
        if name in self._defines:
            shown, define = self._defines[name]
            inner = Scope({}, context)
            inner.root = scope.root
            return self._capture(define.body, inner, shown)
        return "" if name.startswith("_internal/") else UNKNOWN  # Hugo's own: og, schema, twitter

    def _filter(self, name: str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Any:
        value = args[0] if args else UNKNOWN
        if name == "default":
            fallback = args[1] if len(args) > 1 else kwargs.get("value", UNKNOWN)
            known = truthy(value)
            return UNKNOWN if known is None else (value if known else fallback)
        if name in ("append", "prepend") and len(args) == 2:
            if UNKNOWN in (value, args[1]):
                return UNKNOWN
            return (
                text_of(value) + text_of(args[1]) if name == "append" else text_of(args[1]) + text_of(value)
            )
        if name in ("first", "last") and isinstance(value, (list, tuple)):
            return (value[0] if name == "first" else value[-1]) if value else None
        if name == "join" and isinstance(value, (list, tuple)):
            separator = args[1] if len(args) > 1 else kwargs.get("sep", " ")
            return text_of(separator).join(text_of(v) for v in value)
        return apply_text_function(name, list(args), kwargs, filtered=True)

    def _macro(self, name: str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Any:
        space, _, macro = name.partition("::")
        found = self._macros.get(space, {}).get(macro)
        if found is None:
            return UNKNOWN
        shown, define = found
        bound: dict[str, Any] = {}
        for index, (param, default) in enumerate(define.params):
            if param in kwargs:
                bound[param] = kwargs[param]
            elif index < len(args):
                bound[param] = args[index]
            else:
                bound[param] = literal(default) if default and default[0] in "\"'" else UNKNOWN
        return self._capture(define.body, Scope(bound), shown)

    def _imports(self, template: Template, scope: Scope) -> None:
        for name, namespace in template.imports:
            source = self.load("template", name)
            if source is not None:
                self._macros[namespace] = {
                    n.name: (source.shown, n) for n in source.named if isinstance(n, Define)
                }


def _walk(nodes: Sequence[Node]) -> Iterator[Node]:
    for node in nodes:
        yield node
        if isinstance(node, Choice):
            for arm in node.arms:
                yield from _walk(arm.body)
        elif isinstance(node, (Loop, Capture, Block, Define)):
            yield from _walk(node.body)


def _printf(pattern: str, args: Sequence[Any]) -> Any:
    values = iter(args)
    try:
        return re.sub(
            r"%[-+# 0-9.]*[svdq%]", lambda m: "%" if m.group(0) == "%%" else text_of(next(values)), pattern
        )
    except StopIteration:
        return UNKNOWN
