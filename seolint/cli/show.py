"""`check --show-site` and `check --show-settings`: what a path would be linted with,
printed instead of linting it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from seolint.cli.errors import fail

if TYPE_CHECKING:
    from collections.abc import Sequence

    from seolint.config.plan import Plan
    from seolint.document.model import Page
    from seolint.lint.settings import Settings


def show_sites(paths: Sequence[str], config_path: Path | None) -> None:
    """What site each path belongs to (sites below a folder too), as `--show-site` prints it."""
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
        if not sites:
            print("  no site generator found: every draft is linted as a plain file")


def show_settings(settings: Settings, path: str) -> None:
    """What `path` is linted with, as TOML a config could hold (ruff's --show-settings)."""
    from seolint.cli.toml_text import comment, key, setting
    from seolint.registry import options

    target = Path(path)
    folder = target if target.is_dir() else target.parent
    config = settings.config_for(folder)
    plan = settings.plan_for(config).for_path(path)
    lines = [
        comment(f"settings for {path}"),
        comment(f"config file: {config.source or 'none (defaults)'}"),
    ]
    page = _page(settings, plan, path) if target.is_file() else None
    if page is not None:
        reasons = dict(page.reasons)
        lines += [
            comment(f"page kind: {page.kind} ({reasons.get('kind', 'the default')})"),
            comment(f"language: {page.language or 'unknown'} ({reasons.get('language', '')})"),
        ]
        lines += [comment(f"{code} does not run here: it {why}") for code, why in plan.left_out(page)]
        plan = plan.for_page(page)
    lines += [
        setting("select", list(config.select) if config.select is not None else ["ALL"]),
        setting("ignore", list(config.ignore)),
        setting("fail-on", config.fail_on.label),
        setting("encoding", config.encoding),
        setting("max-file-size", config.max_file_size),
        setting("respect-gitignore", config.respect_gitignore),
        setting("content-selector", config.content_selector),
        setting("site-domains", list(config.site_domains)),
        setting("extension-map", dict(sorted(config.extension_map.items()))),
    ]
    for active in plan.rules:
        code = key(active.rule.code)
        lines += [
            "",
            f"[rules.{code}]  {comment(active.rule.name)}",
            setting("severity", active.severity.label),
        ]
        for field in options.fields(type(active.options)):
            lines.append(setting(field.name.replace("_", "-"), getattr(active.options, field.name)))
    print("\n".join(lines))


def _page(settings: Settings, plan: Plan, path: str) -> Page | None:
    """The page the draft at `path` publishes as, or None when it cannot be read or parsed."""
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
