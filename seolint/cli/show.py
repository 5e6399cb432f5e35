"""`check --show-site` and `check --show-settings`: what a path would be linted with,
printed instead of linting it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from seolint.cli.errors import fail

if TYPE_CHECKING:
    from collections.abc import Sequence

    from seolint.lint.settings import Settings
    from seolint.site import Site


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
            for line in _site_counts(found, config_path):
                print("  " + line)
        if not sites:
            print("  no site generator found: every draft is linted as a plain file")


def _site_counts(site: Site, config_path: Path | None) -> list[str]:
    """Pages not built and links not checked, from a run of the site rules over the site
    (its files' facts come from the cache when it is warm)."""
    from seolint.lint.runner import run
    from seolint.lint.settings import Overrides, Settings

    counting = Settings(Overrides(select=("W",)), config_path, use_cache=True)
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
