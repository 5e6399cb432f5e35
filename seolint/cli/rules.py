"""`seolint rules` and `seolint explain`: what each rule checks, for people and for docs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from seolint.cli.arguments import Command, Operand, choices_metavar, one_of
from seolint.cli.errors import EXIT_CLEAN, fail
from seolint.document.language import UNSPACED
from seolint.document.model import PAGE_KINDS

if TYPE_CHECKING:
    from argparse import _ArgumentGroup as Group
    from collections.abc import Mapping, Sequence
    from typing import Any

    from seolint.config.files import Config
    from seolint.registry.rule import Rule, RuleSet

RULES_FORMATS = ("rich", "markdown", "json")


def add_rules_options(options: Group) -> None:
    options.add_argument(
        "--format",
        dest="output_format",
        type=one_of(RULES_FORMATS),
        default="rich",
        metavar=choices_metavar(RULES_FORMATS),
        help="Table for people, Markdown for docs, or JSON.  [default: rich]",
    )


def list_rules(output_format: str) -> int:
    """List every rule: code, name, default severity and summary."""
    rules = known_rules().rules
    if output_format == "json":
        import json

        rows = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity.label,
                "summary": r.summary,
                "kinds": [kind for kind in PAGE_KINDS if kind in r.kinds],
                "languages": None if r.languages is None else sorted(r.languages),
                "counts_words": r.counts_words,
                "by_default": r.by_default,
                "on_lone_drafts": r.on_lone_drafts,
                "on_translations": r.on_translations,
                "on_unindexed": r.on_unindexed,
                "options": r.option_defaults(),
                "kind_defaults": {k: _keyed(v) for k, v in r.kind_defaults.items()},
                "site_defaults": _keyed(r.site_defaults),
            }
            for r in rules
        ]
        print(json.dumps(rows, indent=2))
    elif output_format == "markdown":
        print(rules_markdown_table(rules))
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(box=None, header_style="bold")
        for column in ("code", "name", "severity", "summary"):
            table.add_column(column)
        for r in rules:
            table.add_row(r.code, r.name, r.severity.label, r.summary)
        Console().print(table)
    return EXIT_CLEAN


def rules_markdown_table(rules: Sequence[Rule]) -> str:
    """The README's rule table (tests keep the README equal to this)."""
    lines = ["| code | name | severity | summary |", "| --- | --- | --- | --- |"]
    lines += [f"| {r.code} | `{r.name}` | {r.severity.label} | {r.summary} |" for r in rules]
    return "\n".join(lines)


def explain(rule_name: str) -> int:
    """Explain a rule: what it checks, why, an example, and its options."""
    from seolint.cli.toml_text import setting
    from seolint.registry.rule import RuleError

    try:
        found = known_rules().get(rule_name)
    except RuleError as error:
        fail(f"{error} (`seolint rules` lists them)")
    print(f"{found.code} {found.name} [{found.severity.label}]\n")
    print(found.doc)
    print("\nPages: " + _kinds_label(found))
    print("Languages: " + _languages_label(found))
    for kind, values in found.kind_defaults.items():
        print(f"On {kind} pages: {_settings_text(values)} (unless the config sets it)")
    if found.site_defaults:
        shown = _settings_text(found.site_defaults)
        print(f"On the pages of a site: {shown} (unless the config or the page's kind sets it)")
    if not found.on_translations:
        print("Translations: not judged; a multilingual site's pages outside its default language are")
        print("  judged on their original, whose sentences and paragraphs they keep")
    if not found.on_unindexed:
        print("Pages search results never show (robots noindex, the 404 page, an instant redirect):")
        print("  not judged")
    if found.on_lone_drafts and not found.by_default:
        print(f'On for drafts outside a site; in a site turn it on with extend-select = ["{found.code}"]')
    elif not found.by_default:
        print(f'Off by default: turn it on with extend-select = ["{found.code}"] (or in [kind.<kind>])')
    defaults = found.option_defaults()
    print("\nOptions" + (f" ([tool.seolint.rules.{found.code}]):" if defaults else ": none"))
    for name, value in defaults.items():
        print(f"  {setting(name, value)}")
    return EXIT_CLEAN


def _keyed(values: Mapping[str, Any]) -> dict[str, Any]:
    """Option values by their config keys (kebab-case)."""
    from seolint.registry.rule import option_key

    return {option_key(name): value for name, value in values.items()}


def _settings_text(values: Mapping[str, Any]) -> str:
    return ", ".join(f"{key} = {value!r}" for key, value in _keyed(values).items())


def _kinds_label(rule: Rule) -> str:
    """The kinds of page a rule judges, e.g. `post, docs (not list, landing)`."""
    judged = [kind for kind in PAGE_KINDS if kind in rule.kinds]
    skipped = [kind for kind in PAGE_KINDS if kind not in rule.kinds]
    return "every kind" if not skipped else f"{', '.join(judged)} (not {', '.join(skipped)})"


def _languages_label(rule: Rule) -> str:
    """The languages a rule reads, e.g. `en` or `any marking words with spaces`."""
    named = "any" if rule.languages is None else ", ".join(sorted(rule.languages))
    return (
        f"{named} marking words with spaces (not {', '.join(sorted(UNSPACED))})"
        if rule.counts_words
        else named
    )


def known_rules() -> RuleSet:
    """Built-in rules plus the packs named by the config found from here."""
    from seolint.config.files import ConfigError
    from seolint.config.plan import rules_for

    try:
        return rules_for(_load_config())
    except ConfigError as error:
        fail(str(error))


def _load_config() -> Config:
    """The config found from the working folder up, or the defaults."""
    from seolint.config import files as config_module

    try:
        return config_module.load(config_module.discover(Path.cwd()))
    except config_module.ConfigError as error:
        fail(str(error))


RULES = Command("rules", list_rules, add_rules_options)
EXPLAIN = Command(
    "explain", explain, operand=Operand("rule_name", "CODE|NAME", "A rule code or name.", many=False)
)
