"""Rule metadata, the @rule decorator, option validation and rule selection.

Which rules exist is seolint.registry.catalog's job; this module only says what a rule is and
how it is named, configured and selected. A RuleSet is built fresh for every run.
"""

from __future__ import annotations

import math
import re
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal

from seolint.discover.records import NamedTuple
from seolint.document.language import UNSPACED
from seolint.document.model import PAGE_KINDS, Document, PageKind
from seolint.findings.records import Problem, Severity
from seolint.registry.options import OptionField, Options, fields
from seolint.registry.suggest import did_you_mean

Check = Callable[[Document, Any], Iterable[Problem]]
# A site rule reads the whole site's model (seolint.sitewide.model.SiteModel) and says which
# page (its absolute path) each problem is on.
SiteCheck = Callable[[Any, Any], Iterable[tuple[str, Problem]]]
_CODE = re.compile(r"[A-Z]{1,4}[0-9]{3}")
_LOOSE_CODE = re.compile(r"([A-Z]{1,4})([0-9]{1,6})")  # a code, however many digits it was given
_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class RuleError(ValueError):
    """A rule, option or selector that does not exist or does not fit."""


class NoOptions(Options):
    """For rules without options."""


class Rule(NamedTuple):
    """A rule's identity, policy and help, and the one check that finds its problems.

    A draft rule has `check` (one draft at a time), a site rule `site_check` (the model of
    a whole site, once per site); the other is None, so a site rule cannot be run on a
    draft by mistake. `kinds` are the kinds of page it judges; a plan for another kind of
    page leaves it out (seolint.config.plan).
    """

    code: str
    name: str
    severity: Severity
    options_type: type[Any]
    check: Check | None
    summary: str
    doc: str
    site_check: SiteCheck | None = None
    kinds: frozenset[PageKind] = frozenset(PAGE_KINDS)
    languages: frozenset[str] | None = None  # the languages it can read (word lists, formulas); None: any
    counts_words: bool = False  # it counts words, which some languages do not mark with spaces
    by_default: bool = True  # False: runs only when a config or --select names it (or ALL)
    # True (with by_default False): on by default for a draft outside any detected site, where
    # nothing says what kind of blog it is for; a site turns it on by naming it.
    on_lone_drafts: bool = False
    # False: it does not judge a translation (seolint.document.model.Page.translation), which
    # keeps its original's sentences and paragraphs: the finding belongs on the original.
    on_translations: bool = True
    # False: it judges what search results show of a page, and a page they never show
    # (robots `noindex`, the 404 page, an instant redirect: Page.indexed) is not judged.
    on_unindexed: bool = True
    # Option values for some kinds of page, used where the config sets none: e.g. no "too
    # short" title on docs pages ({"docs": {"min": 0}}). Python names, as in `options_type`.
    kind_defaults: Mapping[PageKind, Mapping[str, Any]] = types.MappingProxyType({})
    # Option values for the pages of a site, used where the config and `kind_defaults` set
    # none: a site's templates and its history answer what a lone draft leaves open.
    site_defaults: Mapping[str, Any] = types.MappingProxyType({})

    def passes_over(self, language: str) -> str | None:
        """Why the rule cannot judge a page in `language` (a primary subtag), or None if it can."""
        if self.languages is not None and language not in self.languages:
            return f"reads {', '.join(sorted(self.languages))} only"
        if self.counts_words and language in UNSPACED:
            return f"counts words, and {language} does not mark words with spaces"
        return None

    @property
    def scope(self) -> Literal["draft", "site"]:
        """Whether the rule reads one draft at a time or the model of a whole site."""
        return "draft" if self.check is not None else "site"

    @property
    def family(self) -> str:
        return self.code.rstrip("0123456789")

    def default_options(self) -> Any:
        return self.options_type()

    def has_option(self, key: str) -> bool:
        """Whether the rule has the option `key` (as config writes it, kebab-case)."""
        return any(option_key(f.name) == key for f in fields(self.options_type))

    def option_defaults(self) -> dict[str, Any]:
        """Options as config keys (kebab-case) with their default values."""
        defaults = self.default_options()
        return {option_key(f.name): getattr(defaults, f.name) for f in fields(self.options_type)}

    def run(self, doc: Document, options: Any) -> Iterator[Problem]:
        """The rule's problems in one draft; RuleError for a site rule, which has no such check."""
        if self.check is None:
            raise RuleError(f"{self.code} ({self.name}) is a site rule: it reads a site, not one draft")
        yield from self.check(doc, options)

    def run_site(self, model: Any, options: Any) -> Iterator[tuple[str, Problem]]:
        """The rule's problems in a site's model, by page; RuleError for a rule of one draft."""
        if self.site_check is None:
            raise RuleError(f"{self.code} ({self.name}) reads one draft at a time, not a site")
        yield from self.site_check(model, options)


def rule(
    code: str,
    name: str,
    severity: Severity,
    options: type[Any] = NoOptions,
    kinds: Iterable[PageKind] = PAGE_KINDS,
    languages: Iterable[str] | None = None,
    counts_words: bool = False,
    by_default: bool = True,
    on_lone_drafts: bool = False,
    on_translations: bool = True,
    on_unindexed: bool = True,
    kind_defaults: Mapping[PageKind, Mapping[str, Any]] | None = None,
    site_defaults: Mapping[str, Any] | None = None,
) -> Callable[[Check], Rule]:
    """Declare a rule of one draft, for the `kinds` of page it judges (every kind unless
    told), in the `languages` it can read (any unless told); `counts_words` when it counts
    words (it does not run on Chinese, Japanese, Thai...); `by_default` False when only a
    config that names it turns it on, and `on_lone_drafts` True when it still runs on a draft
    outside any site; `on_translations` False when a translation keeps what it judges from
    its original; `on_unindexed` False when it judges what search results show, and so
    not a page they never show; `kind_defaults` option values for some kinds of page and
    `site_defaults` for the pages of a site, where the config sets none. The docstring's
    first line is its summary, the rest its help."""
    check_identity(code, name)
    readable = None if languages is None else frozenset(languages)

    def wrap(check: Check) -> Rule:
        summary, doc = _help(code, check)
        return Rule(
            code,
            name,
            severity,
            options,
            check,
            summary,
            doc,
            kinds=_kinds(code, kinds),
            languages=readable,
            counts_words=counts_words,
            by_default=by_default,
            on_lone_drafts=on_lone_drafts,
            on_translations=on_translations,
            on_unindexed=on_unindexed,
            kind_defaults=_kind_defaults(code, options, kind_defaults or {}),
            site_defaults=_known_options(code, options, "site_defaults", site_defaults or {}),
        )

    return wrap


def site_rule(
    code: str,
    name: str,
    severity: Severity,
    options: type[Any] = NoOptions,
    kinds: Iterable[PageKind] = PAGE_KINDS,
) -> Callable[[SiteCheck], Rule]:
    """Declare a site rule: named, selected, configured and explained like any rule, but
    run once per site on the site model instead of once per draft. `kinds` are the kinds
    of page its problems may be reported on."""
    check_identity(code, name)

    def wrap(check: SiteCheck) -> Rule:
        summary, doc = _help(code, check)
        return Rule(code, name, severity, options, None, summary, doc, check, _kinds(code, kinds))

    return wrap


def _kind_defaults(
    code: str, options: type[Any], declared: Mapping[PageKind, Mapping[str, Any]]
) -> Mapping[PageKind, Mapping[str, Any]]:
    """`declared`, checked against the page kinds and the rule's options (RuleError if off)."""
    for kind, values in declared.items():
        _kinds(code, (kind,))
        _known_options(code, options, f"kind_defaults for {kind}", values)
    return types.MappingProxyType({kind: types.MappingProxyType(dict(v)) for kind, v in declared.items()})


def _known_options(code: str, options: type[Any], where: str, values: Mapping[str, Any]) -> Mapping[str, Any]:
    """`values`, read-only, checked against the rule's options (RuleError names the unknown)."""
    if unknown := set(values) - {f.name for f in fields(options)}:
        raise RuleError(f"rule {code}: {where}: unknown options {sorted(unknown)}")
    return types.MappingProxyType(dict(values))


def _help(code: str, check: Callable[..., object]) -> tuple[str, str]:
    """The summary and the help of a rule, from its check's docstring, dedented as
    inspect.cleandoc does: importing inspect (with ast, dis and tokenize) cost a one-post
    check 9 M instructions (1.7 %)."""
    first, _, rest = (check.__doc__ or "").partition("\n")
    doc = f"{first.strip()}\n{dedent(rest)}".strip()
    if not doc:
        raise RuleError(f"rule {code} has no docstring")
    return doc.splitlines()[0], doc


def dedent(text: str) -> str:
    """`text` as textwrap.dedent gives it (the whitespace all its lines start with removed,
    blank lines emptied) without its regular expressions: they searched every character of
    the ~60 rules' docstrings at each start, 10 M instructions of a one-post check."""
    lines = text.split("\n")
    margin: str | None = None
    for line in lines:
        content = line.lstrip(" \t")
        if not content:
            continue
        indent = line[: len(line) - len(content)]
        if margin is None:
            margin = indent
        elif not indent.startswith(margin):
            shared = 0
            while shared < min(len(margin), len(indent)) and margin[shared] == indent[shared]:
                shared += 1
            margin = margin[:shared]
    cut = len(margin or "")
    return "\n".join(line[cut:] if line.lstrip(" \t") else "" for line in lines)


def _kinds(code: str, kinds: Iterable[PageKind]) -> frozenset[PageKind]:
    chosen = frozenset(kinds)
    if not chosen or not chosen <= set(PAGE_KINDS):
        known = ", ".join(PAGE_KINDS)
        raise RuleError(f"rule {code}: page kinds must be some of {known}, got {sorted(chosen)}")
    return chosen


def check_identity(code: str, name: str) -> None:
    """Codes look like `H003`, names like `heading-skip` (Python rules and packs alike)."""
    if not _CODE.fullmatch(code) or not _NAME.fullmatch(name):
        raise RuleError(f"bad rule identity {code} {name} (codes look like H003, names like heading-skip)")


def option_key(field_name: str) -> str:
    return field_name.replace("_", "-")


def build_options(rule_: Rule, values: Mapping[str, Any], where: str) -> Any:
    """Validate config values (kebab-case keys) against the rule's options type.

    Types come from the annotations, bounds from `option(...)`; a list whose default has
    items must not be emptied (the rule would have nothing to look for), and a ValueError
    from the options type itself (`__post_init__` of a plugin's dataclass) is a config error.
    """
    specs = {option_key(f.name): f for f in fields(rule_.options_type)}
    kwargs: dict[str, Any] = {}
    hints: dict[str, Any] = {}  # read when a value is configured: most rules of a run have none
    for key, value in values.items():
        if key not in specs:
            choices = ", ".join(sorted(specs)) or "none"
            raise RuleError(
                f"{where}: unknown option {key!r} for {rule_.code} ({rule_.name}); options: {choices}"
            )
        spec = specs[key]
        hints = hints or typing.get_type_hints(rule_.options_type)
        what = f"{where}: option {key!r} of {rule_.code}"
        kwargs[spec.name] = _check_value(_coerce(value, hints[spec.name], what), spec, what)
    try:
        built = rule_.options_type(**kwargs)
    except ValueError as error:
        raise RuleError(f"{where}: options of {rule_.code} ({rule_.name}): {error}") from None
    _check_ranges(rule_, built, set(kwargs), where)
    return built


def _check_ranges(rule_: Rule, options: Any, configured: set[str], where: str) -> None:
    """Every `min...`/`max...` pair of options (`min`/`max`, `min-words`/`max-words`) in order."""
    names = {f.name for f in fields(type(options))}
    for low in sorted(n for n in names if n == "min" or n.startswith("min_")):
        high = "max" + low[3:]
        low_value, high_value = getattr(options, low), getattr(options, high, None)
        if high not in names or not all(isinstance(v, (int, float)) for v in (low_value, high_value)):
            continue
        if low_value > high_value:
            shown = {
                name: f"{option_key(name)} ({value}{'' if name in configured else ', the default'})"
                for name, value in ((low, low_value), (high, high_value))
            }
            raise RuleError(
                f"{where}: options of {rule_.code} ({rule_.name}): {shown[low]} "
                f"must not be greater than {shown[high]}"
            )


def _check_value(value: Any, spec: OptionField, where: str) -> Any:
    """The value if it is within the option's bounds, else RuleError saying which."""
    if isinstance(value, tuple):
        if not value and spec.default:
            raise RuleError(f"{where} must not be empty (ignore the rule to turn it off)")
        return value
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return value
    if not math.isfinite(value):
        raise RuleError(f"{where} must be a finite number, got {value}")
    minimum, maximum = spec.minimum, spec.maximum
    if minimum is not None and value < minimum:
        raise RuleError(f"{where} must be at least {minimum:g}, got {value}")
    if maximum is not None and value > maximum:
        raise RuleError(f"{where} must be at most {maximum:g}, got {value}")
    return value


def _coerce(value: Any, hint: Any, where: str) -> Any:
    origin = typing.get_origin(hint)
    if origin is tuple:
        (item_type, _) = typing.get_args(hint)
        if not isinstance(value, list) or not all(isinstance(v, item_type) for v in value):
            raise RuleError(f"{where} must be a list of {item_type.__name__}")
        return tuple(value)
    if origin in (types.UnionType, typing.Union):
        allowed = typing.get_args(hint)
        if value is None and type(None) in allowed:
            return None
        hint = next(a for a in allowed if a is not type(None))
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, hint) or (hint is int and isinstance(value, bool)):
        raise RuleError(f"{where} must be {hint.__name__}, got {type(value).__name__}")
    return value


class RuleSet:
    """All known rules, addressable by code, name or family prefix."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = tuple(rules)
        self._by_key = {r.code: r for r in rules} | {r.name: r for r in rules}

    def get(self, key: str) -> Rule:
        found = self._by_key.get(key) or self._by_key.get(key.upper())
        if found is None:
            raise RuleError(f"unknown rule {key!r}{self.suggest(key)}")
        return found

    def suggest(self, key: str) -> str:
        """A "did you mean" for a misspelt code or name: the closest ones, else the family's codes.

        A code with too few or too many digits (`W01`, `H1`, `W0001`) means the code with
        three: zero padding is the likeliest slip, and difflib would not rank it first.
        """
        loose = _LOOSE_CODE.fullmatch(key.strip().upper())
        padded = f"{loose.group(1)}{int(loose.group(2)):03d}" if loose else ""
        if padded in self._by_key:
            return f"; did you mean {padded!r}?"
        hint = did_you_mean(key.upper(), (r.code for r in self.rules)) if _CODE.fullmatch(key.upper()) else ""
        hint = hint or did_you_mean(key, (r.name for r in self.rules))
        if not hint and loose is not None:
            family = [r.code for r in self.rules if r.family == loose.group(1)]
            hint = f"; the {loose.group(1)} rules are {', '.join(family)}" if family else ""
        return hint

    def knows(self, key: str) -> bool:
        return key in self._by_key or key.upper() in self._by_key

    def matching(self, selector: str) -> list[Rule]:
        """Rules named by a code, a name, a code prefix such as `H` or `H00`, or `ALL`."""
        selector = selector.strip()
        if selector.upper() == "ALL":
            return list(self.rules)
        if self.knows(selector):
            return [self.get(selector)]
        prefix = selector.upper()
        found = [r for r in self.rules if r.code.startswith(prefix)]
        if not found or not re.fullmatch(r"[A-Z]+[0-9]*", prefix):
            raise RuleError(f"{selector!r} matches no rule code, name or prefix{self.suggest(selector)}")
        return found

    def select(
        self, select: Sequence[str] | None, ignore: Sequence[str], extend_select: Sequence[str] = ()
    ) -> list[Rule]:
        """The rules `select` names (None: every rule on by default), plus `extend_select`,
        less `ignore`; a rule off by default runs only when named (by code, name, prefix or ALL)."""
        chosen = [r for r in self.rules if r.by_default] if select is None else self._expand(select)
        added = {r.code for r in self._expand(extend_select)}
        dropped = {r.code for r in self._expand(ignore)}
        return [r for r in self.rules if (r in chosen or r.code in added) and r.code not in dropped]

    def lone_draft_extras(
        self, select: Sequence[str] | None, ignore: Sequence[str], extend_select: Sequence[str] = ()
    ) -> list[Rule]:
        """The rules off by default that still run on drafts outside a site, unless the
        config names its own selection, names them (then they run everywhere) or ignores them."""
        if select is not None:
            return []
        named = {r.code for r in self._expand(extend_select)} | {r.code for r in self._expand(ignore)}
        return [r for r in self.rules if r.on_lone_drafts and not r.by_default and r.code not in named]

    def _expand(self, selectors: Sequence[str]) -> list[Rule]:
        codes = {r.code for s in selectors for r in self.matching(s)}
        return [r for r in self.rules if r.code in codes]
