"""The plan of a run: which rules run, at which severity, with which options, on which pages.

Pure data resolved once from a Config against the registry, so linting a draft is a
function of the draft and the plan alone (which is what lets results be cached and
workers be forked).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from seolint.config.files import Config, ConfigError
from seolint.discover.globs import matches
from seolint.discover.reading import DEFAULT_MAX_FILE_SIZE
from seolint.discover.records import NamedTuple
from seolint.document.language import DEFAULT_LANGUAGE
from seolint.document.model import PAGE_KINDS, Page, PageKind
from seolint.findings.records import Severity
from seolint.parse.metadata import FrontMatterKeys
from seolint.registry.catalog import known_rules
from seolint.registry.options import replaced
from seolint.registry.rule import Rule, RuleError, RuleSet, build_options, option_key


class ActiveRule(NamedTuple):
    rule: Rule
    severity: Severity
    options: Any


# For "is there a top heading at all" (H001), a title the template renders at any level
# counts: a template that never renders an <h1> is one defect of the site, not of each post.
# The rules about the outline below the title (H002, H003) need its real level.
TITLE_RENDERED_RULES = frozenset({"H001"})

LONE_DRAFTS_ONLY = "on by default for drafts outside a site only; name it to judge site pages"
ORIGINALS_ONLY = "judged on the original: a translation keeps its sentences and paragraphs"
INDEXED_ONLY = "judges what search results show, and they never show this page"


class Plan(NamedTuple):
    """The rules of a run and how they apply, resolved from a Config (a NamedTuple, like Config)."""

    rules: tuple[ActiveRule, ...]  # rules of one draft
    content_selector: str | None = None
    encoding: str = "utf-8"
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    aliases: Mapping[str, str] = {}  # every rule's code and name -> code
    report_unused_suppressions: bool = False
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()  # (glob, codes) from config
    root: Path = Path()  # globs are relative to the config's folder (".": the working folder)
    front_matter_keys: FrontMatterKeys = FrontMatterKeys()
    configured: frozenset[tuple[str, str]] = frozenset()  # (code, option key) the config set
    site_rules: tuple[ActiveRule, ...] = ()  # rules across a site's pages (seolint.sitewide.model)
    site_checks: bool = True  # `site-checks`: whether the site pass runs at all
    kind_globs: tuple[tuple[str, PageKind], ...] = ()  # `[kinds]`: the first glob a path matches wins
    # `[kind.<kind>]` and the rules' own `kinds`: the codes that judge each kind of page, and
    # options set for one kind only.
    judges: Mapping[PageKind, frozenset[str]] = {}
    kind_options: Mapping[tuple[PageKind, str], Any] = {}
    lone_draft_only: frozenset[str] = frozenset()  # codes on by default only outside a site

    def kind_for(self, path: str) -> tuple[PageKind, str] | None:
        """The kind `[kinds]` gives the file at `path`, and the glob that says so."""
        for glob, kind in self.kind_globs:
            if matches(path, (glob,), self.root):
                return kind, glob
        return None

    def for_page(self, page: Page) -> Plan:
        """The plan for one page: only the rules that judge its kind of page and can read its
        language, with what the site knows (the title's level, its domain) filling the
        options the config left at their defaults (the config always wins)."""
        language = page.language or DEFAULT_LANGUAGE
        kept = [a for a in self.rules if self._runs(a, page.kind, language) and self._fits_page(a, page)]
        rules = tuple(self._for_kind(a, page.kind) for a in kept)
        site_rules = tuple(a for a in self.site_rules if self._runs(a, page.kind, language))
        if page.in_site or page.title_level is not None or page.site_domain:
            rules = tuple(self._adapted(active, page) for active in rules)
        elif (
            len(kept) == len(self.rules)
            and len(site_rules) == len(self.site_rules)
            and all(a is b for a, b in zip(rules, kept, strict=True))
        ):
            return self  # nothing to leave out or adapt (an English post outside a site)
        return self._replace(rules=rules, site_rules=site_rules)

    def left_out(self, page: Page) -> list[tuple[str, str]]:
        """(code, why) for each rule of the plan that does not judge `page`, for people."""
        language = page.language or DEFAULT_LANGUAGE
        found = []
        for active in (*self.rules, *self.site_rules):
            code = active.rule.code
            if not self._judges(active, page.kind):
                found.append((code, f"does not judge {page.kind} pages"))
            elif not self._fits_site(active, page):
                found.append((code, LONE_DRAFTS_ONLY))
            elif not self._fits_page(active, page):
                translated = page.translation and not active.rule.on_translations
                found.append((code, ORIGINALS_ONLY if translated else INDEXED_ONLY))
            elif (why := active.rule.passes_over(language)) is not None:
                found.append((code, f"{why}; the page is {language}"))
        return found

    def _runs(self, active: ActiveRule, kind: PageKind, language: str) -> bool:
        return self._judges(active, kind) and active.rule.passes_over(language) is None

    def _fits_site(self, active: ActiveRule, page: Page) -> bool:
        return not (page.in_site and active.rule.code in self.lone_draft_only)

    def _fits_page(self, active: ActiveRule, page: Page) -> bool:
        """Whether the rule judges this page of a site (or lone draft): a rule for lone
        drafts does not judge a site's page, one for originals a translation, nor one for
        search results a page they never show."""
        translated = page.translation and not active.rule.on_translations
        hidden = not page.indexed and not active.rule.on_unindexed
        return self._fits_site(active, page) and not translated and not hidden

    def _judges(self, active: ActiveRule, kind: PageKind) -> bool:
        codes = self.judges.get(kind)
        return kind in active.rule.kinds if codes is None else active.rule.code in codes

    def _for_kind(self, active: ActiveRule, kind: PageKind) -> ActiveRule:
        """`[kind.<kind>]` options if the config has them, else the values the rule declares
        for this kind of page, for the options the config left alone."""
        options = self.kind_options.get((kind, active.rule.code))
        if options is not None:
            return active._replace(options=options)
        declared = active.rule.kind_defaults.get(kind, {})
        code = active.rule.code
        changes = {name: v for name, v in declared.items() if (code, option_key(name)) not in self.configured}
        return active._replace(options=replaced(active.options, **changes)) if changes else active

    def _adapted(self, active: ActiveRule, page: Page) -> ActiveRule:
        """The options of a rule on a site's page: the rule's `site_defaults` and what the
        site knows (the title's level, its domain), where the config and the kind's
        declared values are silent."""
        code = active.rule.code
        by_kind = active.rule.kind_defaults.get(page.kind, {})
        changes: dict[str, Any] = {
            name: value
            for name, value in active.rule.site_defaults.items()
            if name not in by_kind and (code, option_key(name)) not in self.configured
        }
        if page.title_level is not None and self._site_may_set(active, "title-is-h1"):
            rendered = page.title_level > 0 and code in TITLE_RENDERED_RULES
            changes["title_is_h1"] = page.title_level == 1 or rendered
        if page.site_domain and self._site_may_set(active, "site-domains"):
            changes["site_domains"] = (page.site_domain,)
        return active._replace(options=replaced(active.options, **changes)) if changes else active

    def _site_may_set(self, active: ActiveRule, key: str) -> bool:
        return active.rule.has_option(key) and (active.rule.code, key) not in self.configured

    def for_path(self, path: str) -> Plan:
        """The plan without the rules that `per-file-ignores` turns off for this file."""
        dropped = {
            c for glob, codes in self.per_file_ignores if matches(path, (glob,), self.root) for c in codes
        }
        if not dropped:
            return self
        kept = tuple(a for a in self.rules if a.rule.code not in dropped)
        site_kept = tuple(a for a in self.site_rules if a.rule.code not in dropped)
        return self._replace(rules=kept, site_rules=site_kept)


def rules_for(config: Config) -> RuleSet:
    """Every rule a config can name: the built-in ones plus its `rule-packs` (paths relative
    to the config file); ConfigError names a broken pack."""
    from seolint.registry.packs.load import PackError

    try:
        return known_rules([config.root / path for path in config.rule_packs])
    except PackError as error:
        raise ConfigError(f"{config.where}: rule-packs: {error}") from None


def make_plan(config: Config, ruleset: RuleSet | None = None) -> Plan:
    """Resolve selection, severities and options against the registry (ConfigError if off)."""
    ruleset = ruleset or rules_for(config)
    if config.select is not None and not config.select:
        raise ConfigError(f"{config.where}: select: names no rule, so nothing would be checked")
    try:
        chosen = ruleset.select(config.select, config.ignore, config.extend_select)
        lone_draft_only = ruleset.lone_draft_extras(config.select, config.ignore, config.extend_select)
        chosen += lone_draft_only
        severities = {ruleset.get(key).code: level for key, level in config.severity.items()}
        raw_options = {ruleset.get(key).code: values for key, values in config.rules.items()}
        per_file = tuple(
            (glob, frozenset(r.code for s in selectors for r in ruleset.matching(s)))
            for glob, selectors in config.per_file_ignores.items()
        )
        active = tuple(
            ActiveRule(
                r,
                severities.get(r.code, r.severity),
                build_options(r, {**_shared_options(r, config), **raw_options.get(r.code, {})}, config.where),
            )
            for r in chosen
        )
    except RuleError as error:
        message = str(error)
        raise ConfigError(
            message if message.startswith(config.where) else f"{config.where}: {message}"
        ) from None
    _check_unselected_options(ruleset, active, raw_options, config)
    judges, kind_options, kind_configured = _kind_policy(config, ruleset, active, raw_options)
    aliases = {key: r.code for r in ruleset.rules for key in (r.code, r.name)}
    configured = kind_configured | frozenset(
        (chosen_rule.rule.code, key)
        for chosen_rule in active
        for key in {**_shared_options(chosen_rule.rule, config), **raw_options.get(chosen_rule.rule.code, {})}
    )
    return Plan(
        tuple(a for a in active if a.rule.scope == "draft"),
        config.content_selector,
        config.encoding,
        config.max_file_size,
        aliases,
        per_file_ignores=per_file,
        root=config.root,
        front_matter_keys=config.front_matter,
        configured=configured,
        site_rules=tuple(a for a in active if a.rule.scope == "site"),
        site_checks=config.site_checks,
        kind_globs=config.kinds,
        judges=judges,
        kind_options=kind_options,
        lone_draft_only=frozenset(r.code for r in lone_draft_only),
    )


def _kind_policy(
    config: Config,
    ruleset: RuleSet,
    active: tuple[ActiveRule, ...],
    raw_options: Mapping[str, Mapping[str, Any]],
) -> tuple[dict[PageKind, frozenset[str]], dict[tuple[PageKind, str], Any], frozenset[tuple[str, str]]]:
    """Which chosen rules judge each kind of page (their own `kinds`, then `[kind.<kind>]`),
    the options set for one kind, and the (code, key) pairs those set (ConfigError if off)."""
    chosen = {a.rule.code: a for a in active}
    judges: dict[PageKind, frozenset[str]] = {}
    options: dict[tuple[PageKind, str], Any] = {}
    configured: set[tuple[str, str]] = set()
    for kind in PAGE_KINDS:
        table = config.kind_settings.get(kind)
        where = f"{config.where}: kind.{kind}"
        try:
            if table is None:
                judges[kind] = frozenset(code for code, a in chosen.items() if kind in a.rule.kinds)
                continue
            named = _codes(ruleset, table.select) if table.select is not None else None
            own = frozenset(code for code, a in chosen.items() if kind in a.rule.kinds)
            picked = (named if named is not None else own | _codes(ruleset, table.extend_select)) & set(
                chosen
            )
            judges[kind] = frozenset(picked - _codes(ruleset, table.ignore))
            for key, values in table.rules.items():
                found = ruleset.get(key)
                if found.code not in chosen:
                    continue
                merged = {**_shared_options(found, config), **raw_options.get(found.code, {}), **values}
                options[(kind, found.code)] = build_options(found, merged, where)
                configured.update((found.code, option) for option in values)
        except RuleError as error:
            message = str(error)
            raise ConfigError(
                message if message.startswith(config.where) else f"{where}: {message}"
            ) from None
    return judges, options, frozenset(configured)


def _check_unselected_options(
    ruleset: RuleSet,
    active: tuple[ActiveRule, ...],
    raw_options: Mapping[str, Mapping[str, Any]],
    config: Config,
) -> None:
    """Options of rules the config does not turn on are checked too: a typo in
    `[rules.C001]` is an error before anyone selects C001 (ConfigError if off)."""
    chosen = {a.rule.code for a in active}
    for code, values in raw_options.items():
        if code not in chosen:
            try:
                build_options(
                    ruleset.get(code), {**_shared_options(ruleset.get(code), config), **values}, config.where
                )
            except RuleError as error:
                message = str(error)
                raise ConfigError(
                    message if message.startswith(config.where) else f"{config.where}: {message}"
                ) from None


def _codes(ruleset: RuleSet, selectors: tuple[str, ...]) -> frozenset[str]:
    return frozenset(r.code for selector in selectors for r in ruleset.matching(selector))


def _shared_options(rule: Rule, config: Config) -> dict[str, Any]:
    """Top-level settings a rule opts into by naming an option after them (`site-domains`).

    The rule's own `[rules.X]` table still wins, so one rule can be tuned on its own.
    """
    shared = {"site-domains": list(config.site_domains)} if config.site_domains else {}
    return {key: value for key, value in shared.items() if key in rule.option_defaults()}
