"""Evaluate the expressions of page templates (Go templates, Liquid, Tera) on symbolic values.

A value is text, a number, a boolean, None, a list, a Record (a page, a site, front
matter) or UNKNOWN. Text may hold markers that stand for what the writer of a page
controls (its title, description, summary): they survive concatenation and the text
filters templates put around them, so the rendered head says where each one goes.
Whatever is not understood evaluates to UNKNOWN, and so does anything built from it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from seolint.site.template_tree import Dialect

# Private-use characters: they cannot occur in a template's own text.
UNKNOWN_MARK = "\ue000"
TITLE = "\ue001"
DESCRIPTION = "\ue002"
SUMMARY = "\ue003"


class Unknown:
    """A value the evaluator cannot know (a generator's computed field, a function it lacks)."""

    _instance: Unknown | None = None

    def __new__(cls) -> Unknown:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN = Unknown()


# What a rendering read: (path from a template variable, value), so that the rendering can
# be reused for another page whose values on those paths are the same (seolint.site.head_render).
Read = tuple[tuple[str, ...], Any]


class _ARecord:
    """Stands for "a Record" in a Read: its own fields are Reads of their own."""


A_RECORD = _ARecord()


class Record(dict[str, Any]):
    """A mapping read with any case of key (Hugo's `.Site.Params.description`, Liquid's
    `site.title`); a key it lacks gives `missing` (None for front matter, where an absent
    key is simply unset; UNKNOWN for a generator's object, whose other fields we do not model).
    When `reads` is set, every field read is noted there under the record's `path`."""

    def __init__(self, values: Mapping[str, Any] = {}, missing: Any = UNKNOWN) -> None:
        super().__init__((str(k).lower(), v) for k, v in values.items())
        self.missing = missing
        self.path: tuple[str, ...] = ()
        self.reads: list[Read] | None = None

    def field(self, name: str) -> Any:
        key = name.lower()
        value = self.get(key, self.missing)
        if self.reads is not None:
            path = (*self.path, key)
            if isinstance(value, Record):
                if value.reads is None:
                    value.path, value.reads = path, self.reads
                self.reads.append((path, A_RECORD))
            else:
                self.reads.append((path, value))
        return value

    def traced(self, path: tuple[str, ...], reads: list[Read]) -> None:
        self.path, self.reads = path, reads


def replays(reads: Sequence[Read], variables: Mapping[str, Any], dot: Any) -> bool:
    """Whether every value `reads` noted is the same in these variables (and Go's dot)."""
    for path, expected in reads:
        found = dot if path[0] == "." else variables.get(path[0], UNKNOWN)
        for key in path[1:]:
            if not isinstance(found, Record):
                return False
            found = found.get(key, found.missing)
        same = (
            isinstance(found, Record)
            if expected is A_RECORD
            else not isinstance(found, Record) and found == expected
        )
        if not same:
            return False
    return True


def front_matter_record(values: Mapping[str, Any]) -> Record:
    """Front matter as a Record: nested tables become Records, an absent key is unset."""
    return Record(
        {k: front_matter_record(v) if isinstance(v, Mapping) else v for k, v in values.items()}, missing=None
    )


def truthy(value: Any) -> bool | None:
    """Whether a template treats `value` as true; None when it cannot be known."""
    if value is UNKNOWN:
        return None
    if isinstance(value, str):
        return bool(value) and value != "false"
    return bool(value)


def text_of(value: Any) -> str:
    """What printing `value` writes."""
    if value is UNKNOWN or isinstance(value, (Mapping, list, tuple)):
        return UNKNOWN_MARK
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# Functions and filters that only change how text is escaped, cased or trimmed: the words
# stay, so a title passed through them is still the title. By index of the text argument.
_HUGO_TEXT = (
    "plainify", "safeHTML", "safeHTMLAttr", "htmlEscape", "htmlUnescape", "markdownify", "chomp",
    "emojify", "humanize", "title", "lower", "upper", "truncate", "strings.TrimSpace", "strings.Title",
    "strings.ToLower", "strings.ToUpper", "strings.Truncate", "transform.Plainify",
    "transform.HTMLEscape", "transform.HTMLUnescape", "transform.Markdownify", "relURL", "absURL",
)  # fmt: skip
_LIQUID_AND_TERA_TEXT = (
    "escape", "escape_once", "escape_xml", "xml_escape", "strip_html", "striptags", "strip_newlines",
    "strip", "lstrip", "rstrip", "normalize_whitespace", "smartify", "capitalize", "downcase", "upcase",
    "truncatewords", "safe", "markdown", "markdownify", "trim_start", "trim_end", "url_encode",
    "urlencode", "relative_url", "absolute_url", "uri_escape", "title", "upper", "lower", "truncate",
)  # fmt: skip
_TEXT_FUNCTIONS = dict.fromkeys((*_HUGO_TEXT, *_LIQUID_AND_TERA_TEXT), -1)
_TEXT_FUNCTIONS.update({"trim": 0, "replace": 0, "strings.Replace": 0, "strings.Trim": 0})
_GO_CONSTANTS = {"true": True, "false": False, "nil": None}
_JINJA_CONSTANTS = {"true": True, "false": False, "nil": None, "none": None, "True": True, "False": False}

_TOKEN = re.compile(
    r"""(?:
      (?P<string>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`)
     |(?P<number>\d+(?:\.\d+)?)
     |(?P<op>:=|==|!=|<=|>=|::|[|~()\[\],=:<>+*/%-])
     |(?P<name>\$?\.?[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*|\$|\.)
    )""",
    re.VERBOSE,
)

Token = tuple[Literal["string", "number", "op", "name"], str]
Caller = Callable[[str, Sequence[Any], Mapping[str, Any]], Any]  # (function, args, keyword args)


class EvaluationError(ValueError):
    """The expression is not one this evaluator reads."""


def tokens(expression: str) -> list[Token]:
    found: list[Token] = []
    cursor = 0
    expression = expression.rstrip()
    while cursor < len(expression):
        while expression[cursor].isspace():  # rstrip above: a token follows
            cursor += 1
        match = _TOKEN.match(expression, cursor)
        if match is None or match.end() == cursor:
            raise EvaluationError(f"cannot read {expression[cursor : cursor + 20]!r}")
        kind = match.lastgroup
        assert kind in ("string", "number", "op", "name")
        found.append((kind, match.group(kind)))  # type: ignore[arg-type]
        cursor = match.end()
    return found


class Scope:
    """Variables in force while rendering; Go's dot and `$` besides. With `reads`, reading
    a template variable as it was given (not as a template set it) is noted there."""

    def __init__(
        self, variables: Mapping[str, Any], dot: Any = None, reads: list[Read] | None = None
    ) -> None:
        self.variables: dict[str, Any] = dict(variables)
        self.dot = dot
        self.root = dot
        self.reads = reads
        self._given = set(variables) if reads is not None else set()

    def get(self, name: str) -> Any:
        value = self.variables.get(name, UNKNOWN)
        if name in self._given and self.reads is not None:
            self.reads.append(((name,), A_RECORD if isinstance(value, Record) else value))
        return value

    def has(self, name: str) -> bool:
        return name in self.variables

    def set(self, name: str, value: Any) -> None:
        self._given.discard(name)
        self.variables[name] = value


Compiled = Callable[[Scope, Caller], Any]


def evaluate(expression: str, dialect: Dialect, scope: Scope, call: Caller) -> Any:
    """The value of `expression`; UNKNOWN when any part of it cannot be read or known."""
    try:
        return _compiled(expression, dialect)(scope, call)
    except (EvaluationError, IndexError, RecursionError):
        return UNKNOWN


@functools.lru_cache(maxsize=4096)
def _compiled(expression: str, dialect: Dialect) -> Compiled:
    """`expression` read once into a function of the scope (templates repeat on every page)."""
    try:
        parser = _GoParser if dialect == "go" else _JinjaParser
        return parser(tokens(expression)).whole()
    except (EvaluationError, IndexError, RecursionError):
        return _unknown


def _unknown(scope: Scope, call: Caller) -> Any:
    return UNKNOWN


def _constant(value: Any) -> Compiled:
    return lambda scope, call: value


def attribute(value: Any, name: str) -> Any:
    if value is UNKNOWN:
        return UNKNOWN
    if isinstance(value, Record):
        return value.field(name)
    if isinstance(value, Mapping):
        return value.get(name, None)
    if isinstance(value, (list, tuple)) and name.isdigit():
        return value[int(name)] if int(name) < len(value) else None
    return None if value is None else UNKNOWN


def apply_text_function(name: str, args: Sequence[Any], kwargs: Mapping[str, Any], filtered: bool) -> Any:
    """A text function (Go: the text is its last argument, or its first for `trim` and
    `replace`) or filter (`filtered`: the text is what is filtered, the first argument):
    the text, with a literal replacement done."""
    index = _TEXT_FUNCTIONS.get(name)
    if index is None or not args:
        return UNKNOWN
    value = args[0 if filtered else index]
    if name in ("replace", "strings.Replace"):
        old = args[1] if len(args) > 1 else kwargs.get("from")
        new = args[2] if len(args) > 2 else kwargs.get("to")
        if isinstance(value, str) and isinstance(old, str) and isinstance(new, str) and old:
            return value.replace(old, new)
    if value is UNKNOWN or not isinstance(value, (str, int, float)) or isinstance(value, bool):
        return value if value is None or value is UNKNOWN else UNKNOWN
    return str(value)


def is_text_function(name: str) -> bool:
    return name in _TEXT_FUNCTIONS


def compare(operator: str, left: Any, right: Any) -> Any:
    if left is UNKNOWN or right is UNKNOWN or _has_marks(left) or _has_marks(right):
        return UNKNOWN
    if operator == "==":
        return left == right
    if operator == "!=":
        return left != right
    if operator == "contains":
        return isinstance(left, (str, list, tuple)) and right in left
    return UNKNOWN


def _has_marks(value: Any) -> bool:
    return isinstance(value, str) and any(m in value for m in (TITLE, DESCRIPTION, SUMMARY, UNKNOWN_MARK))


def literal(text: str) -> str:
    body = text[1:-1]
    if text[0] == "`":
        return body
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body)


class _Parser:
    """Reads an expression's tokens into a Compiled function (a recursive descent)."""

    def __init__(self, found: list[Token]) -> None:
        self.tokens = found
        self.at = 0

    def peek(self, offset: int = 0) -> Token | None:
        index = self.at + offset
        return self.tokens[index] if index < len(self.tokens) else None

    def take(self) -> Token:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def accept(self, text: str) -> bool:
        token = self.peek()
        if token is not None and token[1] == text and token[0] in ("op", "name"):
            self.at += 1
            return True
        return False

    def expect(self, text: str) -> None:
        if not self.accept(text):
            raise EvaluationError(f"expected {text!r}")

    def whole(self) -> Compiled:
        value = self.expression()
        if self.peek() is not None:
            raise EvaluationError("unread tokens")
        return value

    def expression(self) -> Compiled:
        raise NotImplementedError

    def atom(self, kind: str, text: str) -> Compiled | None:
        """A string, a number or a parenthesised expression, read as both dialects read
        them; None for any other token."""
        if kind == "string":
            return _constant(literal(text))
        if kind == "number":
            return _constant(float(text) if "." in text else int(text))
        if text == "(":
            value = self.expression()
            self.expect(")")
            return value
        return None


def _path(head: Callable[[Scope, Caller], Any], fields: Sequence[str]) -> Compiled:
    if not fields:
        return head

    def value(scope: Scope, call: Caller) -> Any:
        found = head(scope, call)
        for name in fields:
            found = attribute(found, name)
        return found

    return value


class _GoParser(_Parser):
    """pipeline := command ('|' command)*; command := operand+ (a function and its arguments)."""

    def expression(self) -> Compiled:
        commands = [self.command()]
        while self.accept("|"):
            commands.append(self.command())

        def value(scope: Scope, call: Caller) -> Any:
            found = commands[0](scope, call, ())
            for command in commands[1:]:
                found = command(scope, call, (found,))
            return found

        return value

    def command(self) -> Callable[[Scope, Caller, tuple[Any, ...]], Any]:
        """One command; its function gets the previous command's value as the last argument."""
        first = self.peek()
        if first is None:
            raise EvaluationError("empty command")
        name = first[1] if first[0] == "name" else ""
        if name and name[0] not in "$." and name not in _GO_CONSTANTS and name.split(".")[0] != "site":
            self.take()
            operands = self.operands()
            return lambda scope, call, piped: call(name, [o(scope, call) for o in operands] + list(piped), {})
        operands = self.operands()
        if len(operands) != 1:
            raise EvaluationError("a value cannot take arguments")
        only = operands[0]
        return lambda scope, call, piped: UNKNOWN if piped else only(scope, call)

    def operands(self) -> list[Compiled]:
        found: list[Compiled] = []
        while (token := self.peek()) is not None and token[1] not in ("|", ")"):
            found.append(self.operand())
        return found

    def operand(self) -> Compiled:
        kind, text = self.take()
        if (found := self.atom(kind, text)) is not None:
            return found
        if kind != "name":
            raise EvaluationError(f"unexpected {text!r}")
        if text in _GO_CONSTANTS:
            return _constant(_GO_CONSTANTS[text])
        if text == ".":
            return lambda scope, call: scope.dot
        if text == "$":
            return lambda scope, call: scope.root
        head, *fields = text.split(".")
        if head == "$":  # `$.Site.Title`: from the template's root context
            return _path(lambda scope, call: scope.root, fields)
        if head.startswith("$"):
            return _path(lambda scope, call: scope.get(head), fields)
        if head == "":  # `.Title`: a field of the dot
            return _path(lambda scope, call: scope.dot, fields)
        if head == "site":  # Hugo's `site` function: the current site
            return _path(lambda scope, call: attribute(scope.root, "Site"), fields)
        return lambda scope, call: call(text, [], {})  # a function without arguments (`hugo.IsProduction`)


class _JinjaParser(_Parser):
    """Liquid and Tera: `a or b`, `a and b`, `not a`, comparisons, `~` joins, filters
    (`| f: x, y` in Liquid, `| f(k=v)` in Tera), calls `f(k=v)` and `ns::macro(k=v)`."""

    def expression(self) -> Compiled:
        parts = [self.conjunction()]
        while self.accept("or"):
            parts.append(self.conjunction())
        return parts[0] if len(parts) == 1 else _either(parts, want=True)

    def conjunction(self) -> Compiled:
        parts = [self.negation()]
        while self.accept("and"):
            parts.append(self.negation())
        return parts[0] if len(parts) == 1 else _either(parts, want=False)

    def negation(self) -> Compiled:
        if self.accept("not"):
            inner = self.negation()

            def negated(scope: Scope, call: Caller) -> Any:
                known = truthy(inner(scope, call))
                return UNKNOWN if known is None else not known

            return negated
        return self.comparison()

    def comparison(self) -> Compiled:
        left = self.concatenation()
        token = self.peek()
        if token is not None and token[1] in ("==", "!=", "contains", "<", ">", "<=", ">="):
            self.take()
            right = self.concatenation()
            operator = token[1]
            return lambda scope, call: compare(operator, left(scope, call), right(scope, call))
        if token is not None and token[1] in ("is", "in"):
            raise EvaluationError("tests are not read")
        return left

    def concatenation(self) -> Compiled:
        parts = [self.filtered()]
        while self.accept("~"):
            parts.append(self.filtered())
        if len(parts) == 1:
            return parts[0]

        def joined(scope: Scope, call: Caller) -> Any:
            values = [part(scope, call) for part in parts]
            return UNKNOWN if UNKNOWN in values else "".join(text_of(v) for v in values)

        return joined

    def filtered(self) -> Compiled:
        value = self.primary()
        while self.accept("|"):
            kind, name = self.take()
            if kind != "name":
                raise EvaluationError("a filter name is expected")
            args: list[Compiled] = []
            kwargs: dict[str, Compiled] = {}
            if self.accept(":"):  # Liquid: `| append: " | ", site.title`
                args.append(self.concatenation())
                while self.accept(","):
                    args.append(self.concatenation())
            elif self.peek() == ("op", "("):  # Tera: `| truncate(length=10)`
                args, kwargs = self.arguments()
            value = _filter_call("|" + name, value, args, kwargs)
        return value

    def arguments(self) -> tuple[list[Compiled], dict[str, Compiled]]:
        self.expect("(")
        args: list[Compiled] = []
        kwargs: dict[str, Compiled] = {}
        while not self.accept(")"):
            name = self.peek()
            if name is not None and name[0] == "name" and self.peek(1) == ("op", "="):
                self.at += 2
                kwargs[name[1]] = self.expression()
            else:
                args.append(self.expression())
            self.accept(",")
        return args, kwargs

    def primary(self) -> Compiled:
        kind, text = self.take()
        if (found := self.atom(kind, text)) is not None:
            return found
        if kind != "name" or text.startswith(("$", ".")):
            raise EvaluationError(f"unexpected {text!r}")
        if text in _JINJA_CONSTANTS:
            return _constant(_JINJA_CONSTANTS[text])
        if self.accept("::"):  # a Tera macro: `macros::escape_hbs(input=title)`
            _, macro = self.take()
            args, kwargs = self.arguments()
            return _function_call(f"{text}::{macro}", args, kwargs)
        if self.peek() == ("op", "("):
            args, kwargs = self.arguments()
            return _function_call(text, args, kwargs)
        head, *fields = text.split(".")
        value = _path(lambda scope, call: scope.get(head) if scope.has(head) else call(head, [], {}), fields)
        while self.accept("["):
            key = self.expression()
            self.expect("]")
            value = _index(value, key)
        return value


def _either(parts: list[Compiled], want: bool) -> Compiled:
    """`a or b` (`want` True: the first true one) and `a and b` (the first false one)."""
    return lambda scope, call: decisive([part(scope, call) for part in parts], want)


def decisive(values: Sequence[Any], want: bool) -> Any:
    """What `or` (`want` True) or `and` (False) gives: the first value whose truth is
    `want`, else the last. One such value decides it even after unknown ones: a page
    that is not "Completed" is not indexed, whatever else the condition asks."""
    for value in values:
        if truthy(value) == want:
            return value
    if any(truthy(value) is None for value in values):
        return UNKNOWN
    return values[-1] if values else UNKNOWN


def _filter_call(name: str, value: Compiled, args: list[Compiled], kwargs: dict[str, Compiled]) -> Compiled:
    return lambda scope, call: call(
        name,
        [value(scope, call), *(a(scope, call) for a in args)],
        {k: v(scope, call) for k, v in kwargs.items()},
    )


def _function_call(name: str, args: list[Compiled], kwargs: dict[str, Compiled]) -> Compiled:
    return lambda scope, call: call(
        name, [a(scope, call) for a in args], {k: v(scope, call) for k, v in kwargs.items()}
    )


def _index(value: Compiled, key: Compiled) -> Compiled:
    def indexed(scope: Scope, call: Caller) -> Any:
        found = key(scope, call)
        return attribute(value(scope, call), str(found)) if isinstance(found, (str, int)) else UNKNOWN

    return indexed
