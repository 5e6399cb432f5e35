"""`check --show-site` and `check --show-settings`: what a path would be linted with,
printed instead of linting it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from seolint.cli.errors import fail

if TYPE_CHECKING:
    from collections.abc import Sequence

    from seolint.config.plan import ActiveRule, Plan
    from seolint.document.model import Page
    from seolint.lint.settings import Settings
    from seolint.site import Site


def show_sites(paths: Sequence[str], config_path: Path | None, *, use_cache: bool = True) -> None:
    """What site each path belongs to (sites below a folder too), as `--show-site` prints it;
    `use_cache` False (`--no-cache`) neither reads nor writes the cache."""
    from seolint.config.files import ConfigError
    from seolint.lint.settings import Overrides, Settings
    from seolint.site import find_sites

    settings = Settings(Overrides(), config_path, use_cache=False)
    for given in paths:
        path = Path(given)
        try:
            site = settings.site_for(path)
            generator = settings.config_for(path if path.is_dir() else path.parent).generator
        except ConfigError as error:
            fail(str(error))
        sites = [site] if site is not None else find_sites(path, generator) if path.is_dir() else []  # type: ignore[arg-type]
        print(f"{given}:")
        for found in sites:
            print("  " + found.describe().replace("\n", "\n  "))
            for line in _site_counts(found, config_path, use_cache):
                print("  " + line)
        if not sites:
            print("  no site generator found: every draft is linted as a plain file")


def _site_counts(site: Site, config_path: Path | None, use_cache: bool) -> list[str]:
    """Pages not built and links not checked, from a run of the site rules over the site
    (its files' facts come from the cache when it is warm)."""
    from seolint.lint.runner import run
    from seolint.lint.settings import Overrides, Settings

    counting = Settings(Overrides(select=("W",)), config_path, use_cache=use_cache)
    result = run([str(site.root)], counting)
    lines: list[str] = []
    for summary in result.sites:
        if summary.root != str(site.root):
            continue
        lines.append(f"pages: {summary.pages}")
        for reason, count in summary.unpublished:
            lines.append(f"  not built ({reason}): {count}")
        for reason, count in summary.not_checked:
            lines.append(f"  links not checked ({reason}): {count}")
    return lines


def show_settings(settings: Settings, path: str) -> None:
    """What `path` is linted with, as TOML a config could hold (ruff's --show-settings).

    Everything that decides findings: the config's keys with what the site fills in (its
    domain, its generator), the front-matter keys, and every rule that runs, site rules
    included. For a file inside a site the options are those of its page (the site decides
    the title's level and the domain where the config is silent), and the rules that do
    not judge its kind of page are named apart.
    """
    from seolint.cli.toml_text import comment, setting
    from seolint.config.files import DEFAULT_EXCLUDE

    target = Path(path)
    folder = target if target.is_dir() else target.parent
    config = settings.config_for(folder)
    site = settings.site_for(target)
    plan = settings.plan_for(config).for_path(path)
    lines = [comment(f"settings for {path}"), comment(f"config file: {config.source or 'none (defaults)'}")]
    if site is not None:
        lines.append(comment(f"site: {site.generator} at {site.root} ({site.reason})"))
    page = _page(settings, plan, path) if target.is_file() else None
    if page is not None:
        reasons = dict(page.reasons)
        lines += [
            comment(f"page kind: {page.kind} ({reasons.get('kind', 'the default')})"),
            comment(f"language: {page.language or 'unknown'} ({reasons.get('language', '')})"),
        ]
        lines += [comment(f"page: {why}") for field, why in page.reasons if field not in ("kind", "language")]
        lines += [comment(f"{code} does not run here: it {why}") for code, why in plan.left_out(page)]
    generator = site.generator if site is not None and config.generator == "auto" else config.generator
    domains = list(config.site_domains) or ([site.domain] if site is not None and site.domain else [])
    lines += [
        setting("select", list(config.select) if config.select is not None else ["ALL"]),
        setting("extend-select", list(config.extend_select)),
        setting("ignore", list(config.ignore)),
        setting("fail-on", config.fail_on.label),
        setting("encoding", config.encoding),
        setting("max-file-size", config.max_file_size),
        setting("respect-gitignore", config.respect_gitignore),
        setting("force-exclude", config.force_exclude),
        setting("exclude", list(DEFAULT_EXCLUDE if config.exclude is None else config.exclude)),
        setting("extend-exclude", list(config.extend_exclude)),
        setting("content-selector", config.content_selector),
        _annotated(
            setting("site-domains", domains), "the site's URL" if domains and not config.site_domains else ""
        ),
        setting("extension-map", dict(sorted(config.extension_map.items()))),
        setting("rule-packs", list(config.rule_packs)),
        _annotated(setting("generator", generator), "detected" if generator != config.generator else ""),
        setting("site-checks", config.site_checks),
        "",
        "[front-matter]",
        *(
            setting(name.replace("_", "-"), list(keys))
            for name, keys in config.front_matter._asdict().items()
            if isinstance(keys, tuple)  # not `any_case`: the site decides it, not the config
        ),
    ]
    if config.per_file_ignores:
        lines += ["", "[per-file-ignores]"]
        lines += [setting(glob, list(codes)) for glob, codes in config.per_file_ignores.items()]
    judged = plan.for_page(page) if page is not None else plan
    lines += _rules(judged.rules, "")
    lines += _rules(judged.site_rules, "site rule") if config.site_checks and site is not None else []
    running = {a.rule.code for a in (*judged.rules, *judged.site_rules)}
    skipped = [a.rule for a in (*plan.rules, *plan.site_rules) if a.rule.code not in running]
    if skipped and page is not None:
        names = ", ".join(f"{r.code} {r.name}" for r in skipped)
        lines += ["", comment(f"not run on this {page.kind} page: {names}")]
    print("\n".join(lines))


def _rules(active: Sequence[ActiveRule], kind: str) -> list[str]:
    """A [rules.CODE] table per rule: its severity and every option."""
    from seolint.cli.toml_text import comment, key, setting
    from seolint.registry import options

    lines: list[str] = []
    for rule in active:
        label = f"{rule.rule.name}, {kind}" if kind else rule.rule.name
        lines += [
            "",
            f"[rules.{key(rule.rule.code)}]  {comment(label)}",
            setting("severity", rule.severity.label),
        ]
        for field in options.fields(type(rule.options)):
            lines.append(setting(field.name.replace("_", "-"), getattr(rule.options, field.name)))
        if isinstance(rule.options, options.Options):
            lines += [comment(line) for line in rule.options.what_counts()]
    return lines


def _annotated(line: str, note: str) -> str:
    """A setting with a comment saying where its value came from."""
    from seolint.cli.toml_text import comment

    return f"{line}  {comment(note)}" if note and not line.startswith("#") else line


def _page(settings: Settings, plan: Plan, path: str) -> Page | None:
    """The page the draft at `path` publishes as, as the rules will judge it (kind,
    language, title level, domain); None when it cannot be read or parsed."""
    from seolint.discover.reading import ReadError, decode, read_bytes
    from seolint.discover.source import Source, format_for
    from seolint.lint.pipeline import DraftError, read_page

    config = settings.config_for(Path(path).parent)
    fmt = format_for(path, config.extension_map) or "markdown"
    try:
        text = decode(read_bytes(path, plan.max_file_size), plan.encoding)
        return read_page(Source(text, path, fmt), plan, settings.site_for(Path(path))).page
    except (ReadError, DraftError, OSError, ValueError):
        return None
