"""The effective settings of each file: its nearest config, with the command line on top.

Config belongs to the file (as in ruff and markdownlint-cli2): a file uses the nearest
`.seolint.toml` or `[tool.seolint]` at or above its own folder, wherever seolint was
started; `--config` names one file for every draft instead. Each distinct config gets
one Plan and one cache. Run-wide choices (the fail level, the report) come from the
config that governs the working directory.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from seolint.config import files as config_module
from seolint.config.files import Config
from seolint.config.plan import Plan, make_plan, rules_for
from seolint.discover.records import NamedTuple
from seolint.findings.records import Severity
from seolint.registry.rule import Rule, RuleSet

if TYPE_CHECKING:
    from seolint.cache.store import Cache
    from seolint.site import Site, SiteFinder
    from seolint.sitewide.listing import Listing


class Overrides(NamedTuple):
    """What the command line sets on top of every file's config (None: keep the config's)."""

    select: tuple[str, ...] | None = None  # replaces the config's select and ignore, as in ruff
    ignore: tuple[str, ...] = ()  # added to the config's ignore
    fail_on: Severity | None = None
    respect_gitignore: bool | None = None
    force_exclude: bool | None = None
    encoding: str | None = None
    max_file_size: int | None = None
    report_unused_suppressions: bool = False
    site_checks: bool | None = None  # False: `--no-site`
    extend_exclude: tuple[str, ...] = ()  # added to the config's extend-exclude

    def apply(self, config: Config) -> Config:
        changes: dict[str, object] = {"ignore": (*config.ignore, *self.ignore)}
        if self.select is not None:
            changes = {"select": self.select, "ignore": self.ignore, "extend_select": ()}
        if self.extend_exclude:
            changes["extend_exclude"] = (*config.extend_exclude, *self.extend_exclude)
        names = ("fail_on", "respect_gitignore", "force_exclude", "encoding", "max_file_size", "site_checks")
        for name in names:
            value = getattr(self, name)
            if value is not None:
                changes[name] = value
        return config._replace(**changes)  # type: ignore[arg-type]


class DraftSettings(NamedTuple):
    """What a draft file is linted with, shared by every draft of its folder."""

    config: Config
    plan: Plan
    cache: Cache | None  # None with --no-cache
    site: Site | None


class RunSources(NamedTuple):
    """The files a run read besides its drafts, and the folders its sites read pages from."""

    files: tuple[Path, ...]
    roots: tuple[Path, ...]


class Settings:
    """Configs by folder, plans and caches by config: each resolved once per run."""

    def __init__(self, overrides: Overrides, config_path: Path | None = None, use_cache: bool = True) -> None:
        self.overrides = overrides
        self.use_cache = use_cache
        self._fixed = self._load(config_path) if config_path is not None else None
        self._file_in: dict[Path, Path | None] = {}
        self._configs: dict[Path | None, Config] = {}
        self._config_in: dict[Path, Config] = {}  # by the folder asked about
        self._plans: dict[Path | None, Plan] = {}
        self._rulesets: dict[Path | None, RuleSet] = {}
        self._caches: dict[Path | None, Cache | None] = {}
        self._said_no_cache = False
        self._finders: dict[str, SiteFinder] = {}
        self._site_keys: dict[Path, str] = {}
        self._listings: dict[Path, Listing | None] = {}  # by site root
        self._sites: dict[Path, Site | None] = {}  # by the location asked about, and by its folder
        self._drafts_in: dict[str, DraftSettings] = {}  # by folder name, as a draft's path gives it

    def config_for(self, folder: Path) -> Config:
        """The config that governs drafts in `folder` (ConfigError if that file is wrong)."""
        if self._fixed is not None:
            return self._fixed
        if folder not in self._config_in:  # asked several times for every draft
            source = self._nearest(Path(os.path.abspath(folder)))
            if source not in self._configs:
                self._configs[source] = self._load(source)
            self._config_in[folder] = self._configs[source]
        return self._config_in[folder]

    def for_draft(self, location: str) -> DraftSettings:
        """The config, plan, cache and site of the draft file at `location`.

        Kept by the folder's name, no Path made: a warm run over 1,264 cached drafts asks
        for each draft's settings three times, and building paths to ask cost ~0.1 s.
        """
        folder = os.path.dirname(location)
        found = self._drafts_in.get(folder)
        if found is None:
            path = Path(folder)
            config = self.config_for(path)
            found = DraftSettings(config, self.plan_for(config), self.cache_for(config), self.site_for(path))
            self._drafts_in[folder] = found
        return found

    def plan_for(self, config: Config) -> Plan:
        if config.source not in self._plans:
            self._rulesets[config.source] = rules_for(config)
            plan = make_plan(config, self._rulesets[config.source])
            self._plans[config.source] = plan._replace(
                report_unused_suppressions=self.overrides.report_unused_suppressions
            )
        return self._plans[config.source]

    def site_for(self, location: Path) -> Site | None:
        """The site a draft or folder belongs to, per its config's `generator` (None: no site)."""
        if location not in self._sites:
            folder = location if location.is_dir() else location.parent
            if folder not in self._sites:
                self._sites[folder] = self._find_site(folder)
            self._sites[location] = self._sites[folder]
        return self._sites[location]

    def _find_site(self, folder: Path) -> Site | None:
        from seolint.site import GENERATORS, SiteFinder

        config = self.config_for(folder)
        if config.generator not in GENERATORS:
            where = config.where if config.source else "command line"
            choices = ", ".join(GENERATORS)
            raise config_module.ConfigError(
                f"{where}: generator: unknown {config.generator!r} (use {choices})"
            )
        if config.generator not in self._finders:
            self._finders[config.generator] = SiteFinder(config.generator)  # type: ignore[arg-type]
        site = self._finders[config.generator].find(folder)
        if site is not None:
            self.listing_for(site)  # before anything walks the site's content folders
        return site

    def listing_for(self, site: Site) -> Listing | None:
        """The site's stored content listing when its site checks and the cache are on (read
        once a run): the site takes its content files from it instead of walking them."""
        if site.root not in self._listings:
            config = self.config_for(site.root)
            cache = self.cache_for(config) if config.site_checks else None
            listing = None
            if cache is not None:
                from seolint.sitewide.listing import Listing

                listing = Listing(cache, site, self.site_key(site))
                site.use_content_files(listing.locations())
                listing.save()
            self._listings[site.root] = listing
        return self._listings[site.root]

    def site_key(self, site: Site) -> str:
        """A hash of what a site contributes to findings (its config and templates), for the cache."""
        if site.root not in self._site_keys:
            from seolint.site.fingerprint import site_fingerprint

            self._site_keys[site.root] = site_fingerprint(site)
        return self._site_keys[site.root]

    def known_rules(self) -> tuple[Rule, ...]:
        """Every rule any of the run's configs knows (built-ins plus their packs), by code."""
        by_code = {r.code: r for ruleset in self._rulesets.values() for r in ruleset.rules}
        return tuple(by_code[code] for code in sorted(by_code))

    def cache_for(self, config: Config) -> Cache | None:
        """The cache beside the config file (else in the working directory), or None if off."""
        if not self.use_cache:
            return None
        if config.source not in self._caches:
            from seolint.cache.fingerprint import fingerprint
            from seolint.cache.store import Cache  # hashing and signing: not for --no-cache runs

            packs = [config.root / pack for pack in config.rule_packs]
            extra = [config.source, *packs] if config.source else packs
            opened = Cache.open(config.root, fingerprint(self.plan_for(config), extra))
            if isinstance(opened, str) and not self._said_no_cache:  # once a run, not once a config
                sys.stderr.write(f"seolint: {opened}; running without the result cache\n")
                self._said_no_cache = True
            self._caches[config.source] = None if isinstance(opened, str) else opened
        return self._caches[config.source]

    def sources(self) -> RunSources:
        """What this run's configs, packs, plugins and sites read, for a record of the run."""
        from seolint.cache.fingerprint import plugin_files

        files: list[Path] = []
        roots: list[Path] = []
        for config in self._configs.values():
            files += [config.root / pack for pack in config.rule_packs]
            if config.source is not None:
                files.append(config.source)
        if self._fixed is not None and self._fixed.source is not None:
            files.append(self._fixed.source)
        for plan in self._plans.values():
            files += plugin_files(plan)
        for site in {s.root: s for s in self._sites.values() if s is not None}.values():
            roots += [site.root, *site.content_roots()]
            files += site.fingerprint_files()
        return RunSources(tuple(files), tuple(roots))

    def _load(self, source: Path | None) -> Config:
        return self.overrides.apply(config_module.load(source))

    def _nearest(self, folder: Path) -> Path | None:
        """The nearest config file at or above `folder`, remembered for every folder on the way."""
        visited: list[Path] = []
        found: Path | None = None
        current: Path | None = folder
        while current is not None:
            if current in self._file_in:
                found = self._file_in[current]
                break
            visited.append(current)
            found = config_module.config_file_in(current)
            if found is not None:
                break
            current = current.parent if current.parent != current else None
        for seen in visited:
            self._file_in[seen] = found
        return found
