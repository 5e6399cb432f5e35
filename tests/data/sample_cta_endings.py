"""Draw the posts labelled in cta_real_endings.toml, the same way every time.

The labelled set measures C001 (missing call to action) on real endings, so it must be a
fair draw of published posts, not a hand-picked one: this script lists every post of each
source, sorts the list, and draws a fixed number from it with one seeded generator.
Re-running it prints the same paths, which is how a reader checks the set was not chosen.

Usage, from the repository root:

    python3 tests/data/sample_cta_endings.py            # the drawn paths, one a line
    python3 tests/data/sample_cta_endings.py --endings  # each post's last quarter, numbered

The shared folder is read in place (``../shared`` next to the repository, or the folder
given with ``--shared``); nothing from it is copied anywhere.
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Callable, Iterator
from pathlib import Path

SEED = 27
"""Issue 27 asked for the set; its number is the seed."""

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SHARED = REPO_ROOT.parent / "shared"


def _rust(shared: Path) -> list[Path]:
    """Every Rust blog post; the Zola site holds the same posts, so it is not drawn from."""
    return sorted((shared / "corpus" / "rust-blog").rglob("*.md"))


def _go(shared: Path) -> list[Path]:
    return sorted((shared / "corpus" / "go-blog").glob("*.md"))


def _flink(shared: Path) -> list[Path]:
    return sorted((shared / "corpus" / "flink-blog").glob("*.html"))


def _fluxcd(shared: Path) -> list[Path]:
    """Blog posts, single files or page bundles; the section page ``_index.md`` is no post."""
    blog = shared / "sites" / "hugo-fluxcd" / "content" / "en" / "blog"
    return sorted(path for path in blog.rglob("*.md") if path.name != "_index.md")


def _jekyll(shared: Path) -> list[Path]:
    """The news posts of the Jekyll site (release notes and announcements), not its docs."""
    return sorted(
        path
        for path in (shared / "sites" / "jekyll-docs" / "docs" / "_posts").iterdir()
        if path.suffix in {".md", ".markdown"}
    )


SOURCES: tuple[tuple[str, Callable[[Path], list[Path]], int], ...] = (
    ("rust", _rust, 40),
    ("go", _go, 35),
    ("flink", _flink, 25),
    ("fluxcd", _fluxcd, 10),
    ("jekyll", _jekyll, 10),
)
"""Source name, how to list its posts, how many to draw; drawn in this order."""


def draw(shared: Path) -> Iterator[tuple[str, Path]]:
    """Each source's drawn posts, sorted by path within the source."""
    generator = random.Random(SEED)
    for name, list_posts, count in SOURCES:
        posts = list_posts(shared)
        for path in sorted(generator.sample(posts, count)):
            yield name, path


_ARTICLE = re.compile(r'<article class="markdown[^"]*">(.*?)</article>', re.DOTALL)


def body_lines(path: Path) -> tuple[int, list[str]]:
    """The line number where the post body starts, and the lines of the body.

    Markdown posts start after their front matter; a rendered Flink page is read only
    inside its ``<article class="markdown">``, where the post is.
    """
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        article = _ARTICLE.search(text)
        if article is None:
            return 1, text.splitlines()
        first = text.count("\n", 0, article.start(1)) + 1
        return first, article.group(1).splitlines()
    lines = text.splitlines()
    fence = lines[0].strip() if lines else ""
    if fence in {"---", "+++"}:
        for number, line in enumerate(lines[1:], start=1):
            if line.strip() == fence:
                return number + 2, lines[number + 1 :]
    return 1, lines


def print_ending(path: Path, shared: Path) -> None:
    """The last quarter of the body (at least 25 lines), each line with its source number."""
    first, lines = body_lines(path)
    start = max(0, min(len(lines) * 3 // 4, len(lines) - 25))
    print(f"=== {path.relative_to(shared)}  (body lines {first}-{first + len(lines) - 1})")
    for offset, line in enumerate(lines[start:], start=start):
        print(f"{first + offset:5d}  {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared folder")
    parser.add_argument("--endings", action="store_true", help="print each post's ending")
    arguments = parser.parse_args()
    shared = arguments.shared.resolve()
    if not (shared / "corpus").is_dir():
        parser.error(f"{shared}: no corpus folder here; name the shared folder with --shared")
    for name, path in draw(shared):
        if arguments.endings:
            print_ending(path, shared)
        else:
            print(f"{name}\t{path.relative_to(shared)}")


if __name__ == "__main__":
    main()
