"""How the site model reads each shared site's links: resolved, broken, not interpretable.

    python benchmarks/site_links.py [../shared/sites/hugo-fluxcd ...]

Prints, per site, the findings of each site rule (W) and how many internal links and
images resolved to a page, a file or a generated page, were broken, or could not be
interpreted (and why). Reads the sites in place; writes nothing but the lint cache.
"""

from __future__ import annotations

import functools
import os
import sys
from collections import Counter
from pathlib import Path

from seolint.lint.runner import lint_file, run
from seolint.lint.settings import Overrides, Settings
from seolint.lint.site_pass import build_model
from seolint.site import find_site
from seolint.sitewide.model import SiteModel

DEFAULT_SITES = ("hugo-fluxcd", "jekyll-docs", "zola-rust-blog")


def report(folder: Path) -> None:
    os.chdir(folder)
    settings = Settings(Overrides(select=("W",)), use_cache=False)
    result = run(["."], settings, jobs=2)
    by_rule = Counter(f"{f.code} {f.name}" for f in result.findings)
    site = next((s for r in result.files if (s := find_site(Path(r.path).absolute())) is not None), None)
    print(f"== {folder.name}: {len(result.files)} files linted")
    for rule, count in sorted(by_rule.items()):
        print(f"  {rule}: {count}")
    if site is None:
        return
    pages = build_model(site, {}, settings, functools.partial(lint_file, settings), jobs=2).pages
    model = SiteModel.build(site, pages.values())  # every page in focus: all links resolved
    stats = model.stats()
    links = Counter(r.status for r in model.resolutions if r.reference.kind == "link")
    images = Counter(r.status for r in model.resolutions if r.reference.kind == "image")
    print(f"  internal links: {sum(links.values())} {dict(sorted(links.items()))}")
    print(f"  local images: {sum(images.values())} {dict(sorted(images.items()))}")
    for key, count in sorted(stats.items()):
        if key.startswith("uninterpretable"):
            print(f"  {key}: {count}")
    syntax = Counter(r.reference.syntax for r in model.resolutions)
    print(f"  by syntax: {dict(sorted(syntax.items()))}")


def main(argv: list[str]) -> None:
    shared = Path(__file__).resolve().parents[2] / "shared" / "sites"
    folders = [Path(a).resolve() for a in argv] or [shared / name for name in DEFAULT_SITES]
    for folder in folders:
        report(folder)


if __name__ == "__main__":
    main(sys.argv[1:])
