"""`seolint init`: write a commented starting config, never over an existing one.

Inside a site (Hugo, Jekyll, Zola...) the config is written for it: the generator, the
content it lints, its domain and the site rules, each with what to change and why.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from seolint.cli.arguments import Command
from seolint.cli.errors import EXIT_CLEAN, fail

if TYPE_CHECKING:
    from seolint.site import Site

INIT_FILE = ".seolint.toml"
# content-selector and site-domains stay commented out: a detected site's own config gives
# its domain (`seolint check --show-site` shows it), and without a selector an HTML page's
# post body is its <main> or <article>. They are there to override those.
INIT_TEMPLATE = """\
# seolint configuration for the drafts in this folder and below (`seolint init` wrote it).
# In pyproject.toml the same keys go under [tool.seolint]; here they are top-level.
# Every rule and its options: `seolint rules`, `seolint explain CODE`.

# select = ["ALL"]               # codes (H003), names (heading-skip), prefixes (H) or ALL
# ignore = []
fail-on = "error"                # lowest severity that fails a run: error | warning | info
# extend-exclude = ["drafts/archive"]  # globs, relative to this file's folder
# extension-map = { ".mdx" = "markdown", ".qmd" = "markdown" }
# content-selector = "article"   # HTML: where the post body is
# site-domains = ["example.com"] # hosts that count as internal links (L002)

# [severity]
# multiple-h1 = "warning"

# [per-file-ignores]
# "notes/*" = ["H001"]

# [rules.M006]                   # per-rule options
# min-words = 300
"""


SITE_TEMPLATE = """\
# seolint configuration for the {generator} site in this folder (`seolint init` wrote it).
# In pyproject.toml the same keys go under [tool.seolint]; here they are top-level.
# Every rule and its options: `seolint rules`, `seolint explain CODE`.
#
# Found: {reason}.
# Content (what `seolint check .` lints; templates, archetypes and themes are not drafts):
{content}
# `seolint check --show-site .` shows what was detected, and why.

generator = "{generator_key}"{generator_pad}# detected; "auto" detects again, "none" lints each file alone
site-checks = true               # the site rules (W): links, anchors and assets across pages,
                                 # duplicate titles and descriptions, URL collisions, orphans
{domains}
# select = ["ALL"]               # codes (H003), names (heading-skip), prefixes (H) or ALL
# ignore = []
fail-on = "error"                # lowest severity that fails a run: error | warning | info
# extend-exclude = ["{example_exclude}"]  # globs, relative to this file's folder

# [severity]
# orphan-page = "warning"        # W008 is info: a page no other page links to

# [per-file-ignores]
# "{example_glob}" = ["M006"]

# [rules.W001]                   # broken-internal-link
# ignore-targets = ["/api/*"]    # URLs a build step adds, which no content file holds
# [rules.W004]                   # duplicate-title
# include-list-pages = false     # section and taxonomy pages share generated titles
# [rules.W008]                   # orphan-page
# min-incoming = 1               # how many other pages must link to a post
"""


def init() -> int:
    """Write a commented .seolint.toml here, or at the root of the site here (never overwrites one).

    Inside a site the config goes to the site's root, where the site pass reads its
    settings, and is written for that site: its generator, content, domain and site rules.
    """
    site = _site_here()
    folder = Path(os.path.abspath(site.root)) if site is not None else Path.cwd()
    target = folder / INIT_FILE
    if target.exists() or target.is_symlink():
        fail(f"{target}: already exists; edit it, or delete it to start again")
    try:
        with target.open("x", encoding="utf-8", newline="\n") as stream:
            stream.write(INIT_TEMPLATE if site is None else site_config(site))
    except OSError as error:
        fail(f"{target}: cannot write: {error.strerror or error}")
    print(f"seolint: wrote {target}" + (f" for the {site.generator} site there" if site else ""))
    return EXIT_CLEAN


def site_config(site: Site) -> str:
    """The config for a detected site, written at its root."""
    roots = [_relative(root, site.root) for root in site.content_roots()]
    content = "\n".join(f"#   {root}/" for root in roots) or "#   (none found)"
    if site.domain:
        domains = f'# site-domains = ["{site.domain}"]  # from the site\'s URL already; add its other hosts'
    else:
        domains = '# site-domains = ["example.com"]  # the site names no URL: its hosts, for L002 and L003'
    example = roots[0] if roots else "content"
    key = site.generator
    return SITE_TEMPLATE.format(
        generator=site.generator_name,
        reason=site.reason,
        content=content,
        generator_key=key,
        generator_pad=" " * max(1, 33 - len(f'generator = "{key}"')),
        domains=domains,
        example_exclude=f"{example}/archive",
        example_glob=f"{example}/drafts/*",
    )


def _site_here() -> Site | None:
    """The site the working folder belongs to, as `seolint check` would detect it."""
    from seolint.config.files import ConfigError
    from seolint.lint.settings import Overrides, Settings

    try:
        return Settings(Overrides(), use_cache=False).site_for(Path.cwd())
    except ConfigError as error:
        fail(str(error))


def _relative(path: Path, folder: Path) -> str:
    return Path(os.path.relpath(path, folder)).as_posix()


INIT = Command("init", init)
