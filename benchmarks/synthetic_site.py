"""Generate a large multilingual Hugo site for the site-scale benchmarks (issue 29, target 3).

    python benchmarks/synthetic_site.py OUT_DIR [--pages 20000] [--languages 10] [--seed 29]

The shape follows the shared Hugo sites (../shared/sites): hugo-glossary's `config.toml`
(one `[languages.xx]` table per language, each with its own `contentDir = "content/xx"`,
English at the root URL, `defaultContentLanguageInSubdir = false`, `[permalinks]` for the
blog), and hugo-fluxcd's sections: `docs/<area>/<topic>/` with an `_index.md` per folder,
`blog/<date-slug>/index.md` bundles with their own images, and glossary terms. Front matter
uses their keys (title, linkTitle, description, weight; date and author on posts; status,
category and tags on terms). Page sizes follow theirs: terms ~1-4 KB like the glossary,
docs and posts ~1-20 KB like fluxcd (lognormal, median ~4 KB).

Every word is synthetic (seeded syllables; Cyrillic or CJK characters for ru, ja, zh-cn),
nothing is copied from the shared sites. Links follow the patterns found there: absolute
site URLs (`/docs/area/topic/page/`, `/fr/...` for a translation), relative URLs to a
sibling (`../page/`), relative file links (`page.md`), `{{< ref "..." >}}` shortcodes,
links to a heading's anchor, static and bundle images; about one link in 150 points at a
page that does not exist. English holds every page; each other language translates a
decreasing share of them under the same paths, so `--pages` counts every language. The
same arguments always give the same bytes.
"""

from __future__ import annotations

import argparse
import compileall
import math
import os
import random
from pathlib import Path
from typing import NamedTuple

LANGUAGES = ("en", "fr", "de", "es", "ja", "pt-br", "zh-cn", "it", "ko", "ru", "bn", "tr", "vi", "hi")
# Share of the English pages each other language translates (hugo-glossary: 85 of 92 down to 13).
SHARES = (0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.6, 0.5, 0.4, 0.35, 0.3, 0.25, 0.2)
LATIN = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"] + ["tion", "ment", "ing", "er", "an"]
CYRILLIC = [c + v for c in "бвгдклмнпрст" for v in "аеиоуя"]
BROKEN_EVERY = 150
Folders = dict[str, list["Page"]]  # the pages of each folder, for relative links


class Page(NamedTuple):
    """One English page and what the others need to link to it."""

    path: str  # under the language's content folder, e.g. "docs/area-3/topic-2/page-7.md"
    title: str
    headings: tuple[str, ...]
    kind: str  # "docs", "blog", "glossary", or "index" for an _index.md


class Writer:
    """Synthetic text for one language, drawn from one seeded generator."""

    def __init__(self, language: str, rng: random.Random) -> None:
        self.language = language
        self.rng = rng

    def word(self) -> str:
        rng = self.rng
        if self.language in ("ja", "zh-cn", "ko"):
            base = {"ja": 0x3041, "zh-cn": 0x4E00, "ko": 0xAC00}[self.language]
            return "".join(chr(base + rng.randrange(80)) for _ in range(rng.randint(1, 3)))
        syllables = CYRILLIC if self.language == "ru" else LATIN
        return "".join(rng.choice(syllables) for _ in range(rng.choice((1, 1, 2, 2, 2, 3, 4))))

    def words(self, count: int) -> str:
        return " ".join(self.word() for _ in range(count))

    def sentence(self) -> str:
        text = self.words(self.rng.randint(5, 22))
        return text[:1].upper() + text[1:] + self.rng.choice(".....?!")

    def title(self) -> str:
        return self.words(self.rng.randint(2, 6)).title()


def plan(english_pages: int, rng: random.Random) -> list[Page]:
    """The English pages: sections and their indexes, about 70 % docs, 15 % posts, 15 % terms."""
    writer = Writer("en", rng)
    pages = [Page("_index.md", "Home", (), "index")]
    for section in ("docs", "blog", "glossary"):
        pages.append(Page(f"{section}/_index.md", section.title(), (), "index"))
    docs, posts = int(english_pages * 0.7), int(english_pages * 0.15)
    terms = max(english_pages - docs - posts - len(pages), 0)
    areas = max(int(math.sqrt(docs) / 4), 1)
    for area in range(areas):
        pages.append(Page(f"docs/area-{area}/_index.md", writer.title(), (), "index"))
    topic_count: dict[int, int] = {}
    for n in range(docs):
        area = n % areas
        topic = (n // areas) // 12
        if topic_count.get(area, -1) < topic:
            topic_count[area] = topic
            pages.append(Page(f"docs/area-{area}/topic-{topic}/_index.md", writer.title(), (), "index"))
        headings = tuple(writer.title() for _ in range(rng.randint(2, 6)))
        pages.append(
            Page(
                f"docs/area-{area}/topic-{topic}/{_slug(writer.title())}-{n}.md",
                writer.title(),
                headings,
                "docs",
            )
        )
    for n in range(posts):
        day = f"20{18 + n % 8}-{n % 12 + 1:02d}-{n % 28 + 1:02d}"
        headings = tuple(writer.title() for _ in range(rng.randint(2, 5)))
        pages.append(Page(f"blog/{day}-post-{n}/index.md", writer.title(), headings, "blog"))
    for n in range(terms):
        pages.append(
            Page(
                f"glossary/{_slug(writer.title())}-{n}.md",
                writer.title(),
                ("Problem", "How It Helps"),
                "glossary",
            )
        )
    return pages


def generate(root: Path, total: int, languages: int = 10, seed: int = 29) -> int:
    """Write the site into `root`; returns the number of Markdown pages written."""
    rng = random.Random(seed)
    chosen = LANGUAGES[:languages]
    shares = (1.0, *SHARES[: languages - 1])
    pages = plan(max(int(total / sum(shares)), 10), rng)
    _write_config(root, chosen)
    order = list(range(len(pages)))
    rng.shuffle(order)
    written = 0
    for language, share in zip(chosen, shares, strict=True):
        count = len(pages) if language == "en" else min(len(pages), max(int(len(pages) * share), 1))
        count = max(min(count, total - written), 1) if language == chosen[-1] else count
        translated = sorted(order[:count]) if language != "en" else list(range(len(pages)))
        available = [pages[i] for i in translated if pages[i].kind != "index"]
        folders: Folders = {}
        for other in available:
            folders.setdefault(other.path.rsplit("/", 1)[0], []).append(other)
        writer = Writer(language, random.Random(f"{seed}-{language}"))
        for i in translated:
            page = pages[i]
            target = root / "content" / language / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(_page(page, language, available, folders, writer, i), encoding="utf-8")
            if page.kind == "blog":
                images = target.parent / "images"
                images.mkdir(exist_ok=True)
                (images / "overview.png").write_bytes(PNG)
            written += 1
    static = root / "static" / "img"
    static.mkdir(parents=True, exist_ok=True)
    for n in range(50):
        (static / f"figure-{n}.png").write_bytes(PNG)
    return written


def _write_config(root: Path, languages: tuple[str, ...]) -> None:
    lines = [
        'baseURL = "https://example.org/"',
        'title = "Synthetic Handbook"',
        'contentDir = "content/en"',
        'defaultContentLanguage = "en"',
        "defaultContentLanguageInSubdir = false",
        "enableMissingTranslationPlaceholders = true",
        "",
        "[permalinks]",
        'blog = "/:section/:year/:month/:day/:slug/"',
        "",
        "[languages]",
    ]
    for weight, language in enumerate(languages, 1):
        lines += [f"[languages.{language}]", f'contentDir = "content/{language}"']
        lines += [
            f'languageName = "{language.upper()}"',
            f'title = "Handbook {language}"',
            f"weight = {weight}",
            "",
        ]
    root.mkdir(parents=True, exist_ok=True)
    (root / "config.toml").write_text("\n".join(lines), encoding="utf-8")


def _page(
    page: Page, language: str, others: list[Page], folders: Folders, writer: Writer, number: int
) -> str:
    rng = writer.rng
    front = ["---", f'title: "{writer.title()}"', f'description: "{writer.sentence()}"']
    if page.kind == "docs":
        front += [f'linkTitle: "{writer.title()}"', f"weight: {number % 40 + 1}"]
    elif page.kind == "blog":
        front += [
            f"date: {page.path[5:15]}",
            f'author: "{writer.title()}"',
            f'slug: "{page.path.split("/")[1][11:]}"',
        ]
    elif page.kind == "glossary":
        front += ["status: Completed", "category: concept", f'tags: ["{writer.word()}", "{writer.word()}"]']
    front.append("---")
    body = [writer.sentence() + " " + writer.sentence()]
    if page.kind == "index":
        return "\n".join([*front, "", *body, ""])
    median = 1500 if page.kind == "glossary" else 3500
    budget = min(int(rng.lognormvariate(math.log(median), 0.8)), 40_000)
    headings = list(page.headings)
    size = 0
    while size < budget or headings:
        if headings and (size > budget / (len(headings) + 1) or not body):
            body.append(f"## {headings.pop(0)}")
        paragraph = " ".join(writer.sentence() for _ in range(rng.randint(2, 6)))
        paragraph = _with_links(paragraph, page, language, others, folders, rng)
        body.append(paragraph)
        roll = rng.random()
        if roll < 0.15:
            body.append(f"![{writer.words(3)}](/img/figure-{rng.randrange(50)}.png)")
        elif roll < 0.2 and page.kind == "blog":
            body.append(f"![{writer.words(3)}](images/overview.png)")
        elif roll < 0.3:
            body.append("\n".join(f"- {writer.words(rng.randint(3, 9))}" for _ in range(rng.randint(2, 5))))
        elif roll < 0.36:
            body.append(
                "```yaml\n" + "\n".join(f"{writer.word()}: {writer.word()}" for _ in range(4)) + "\n```"
            )
        size = sum(len(part) for part in body)
    return "\n".join([*front, "", "\n\n".join(body), ""])


def _with_links(
    paragraph: str, page: Page, language: str, others: list[Page], folders: Folders, rng: random.Random
) -> str:
    """The paragraph with one to three of its words made links of the shared sites' kinds."""
    words = paragraph.split(" ")
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(words))
        if words[at].endswith((".", "?", "!")) or words[at].startswith("["):
            continue
        words[at] = f"[{words[at]}]({_target(page, language, others, folders, rng)})"
    return " ".join(words)


def _target(page: Page, language: str, others: list[Page], folders: Folders, rng: random.Random) -> str:
    other = rng.choice(others)
    prefix = "" if language == "en" else f"/{language}"
    if rng.randrange(BROKEN_EVERY) == 0:
        return f"{prefix}/docs/area-0/topic-0/no-such-page-{rng.randrange(10_000)}/"
    roll = rng.random()
    if roll < 0.15 and page.kind == "docs":
        siblings = folders.get(page.path.rsplit("/", 1)[0], [])
        if len(siblings) > 1:
            sibling = rng.choice(siblings)
            if roll < 0.08:
                return sibling.path.rsplit("/", 1)[1]  # a relative file link, as fluxcd's `source/_index.md`
            return "../" + sibling.path.rsplit("/", 1)[1].removesuffix(".md") + "/"  # a sibling's URL
    if roll < 0.3:
        return '{{< ref "/' + other.path + '" >}}'
    anchor = f"#{_slug(other.headings[0])}" if other.headings and roll < 0.45 else ""
    return prefix + _url(other) + anchor


def _url(page: Page) -> str:
    if page.kind == "blog":
        folder = page.path.split("/")[1]
        return f"/blog/{folder[:10].replace('-', '/')}/{folder[11:]}/"
    path = page.path.removesuffix(".md")
    return "/" + path + "/"


def _slug(text: str) -> str:
    return "-".join(text.lower().split())


def timing_environment() -> dict[str, str]:
    """The environment for timed seolint runs: with bytecode, as in a regular install.

    With PYTHONDONTWRITEBYTECODE set (this machine sets it), every run compiles seolint's
    ~75 modules from source again, ~0.2 s that hides what a warm one-file run costs.
    """
    import seolint

    compileall.compile_dir(os.path.dirname(seolint.__file__), quiet=1)
    return {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


# The smallest valid PNG (1x1, grey): images must exist, their content is never read.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010800000000"
    "3a7e9b550000000a49444154789c6360000000020001e221bc330000000049454e44ae426082"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="an empty folder to write the site into")
    parser.add_argument("--pages", type=int, default=20_000)
    parser.add_argument("--languages", type=int, default=10, choices=range(1, len(LANGUAGES) + 1))
    parser.add_argument("--seed", type=int, default=29)
    options = parser.parse_args()
    written = generate(options.out, options.pages, options.languages, options.seed)
    print(f"{written} pages in {options.languages} languages written to {options.out}")


if __name__ == "__main__":
    main()
