"""`seolint init`: write a commented starting config, never over an existing one."""

from __future__ import annotations

from pathlib import Path

from seolint.cli.arguments import Command
from seolint.cli.errors import EXIT_CLEAN, fail

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


def init() -> int:
    """Write a commented .seolint.toml here (never overwrites one)."""
    target = Path.cwd() / INIT_FILE
    if target.exists() or target.is_symlink():
        fail(f"{target}: already exists; edit it, or delete it to start again")
    try:
        with target.open("x", encoding="utf-8", newline="\n") as stream:
            stream.write(INIT_TEMPLATE)
    except OSError as error:
        fail(f"{target}: cannot write: {error.strerror or error}")
    print(f"seolint: wrote {target}")
    return EXIT_CLEAN


INIT = Command("init", init)
