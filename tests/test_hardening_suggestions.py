""" "Did you mean" for broken links is near linear and unchanged (issue 24, item 6).

It compared every broken link with every page (2,000 pages: 31 s). The index of names by
bigram must give exactly the suggestions of that brute force (checked on generated names
and sites), while the comparisons it makes grow about as fast as the site.
"""

from __future__ import annotations

import difflib
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seolint.site import plain_site, url_key
from seolint.sitewide import near_names
from seolint.sitewide.model import SiteModel, SitePage, _page_name
from seolint.sitewide.near_names import NearNames, ratio
from tests.examples import examples
from tests.growth import Growth, assert_linear

ALPHABET = "abcdeA-_1İ"  # İ lowers to two characters


def brute_near(names: list[str], name: str) -> set[tuple[str, float]]:
    return {(other.lower(), r) for other in names if (r := ratio(name, other, 0.8)) >= 0.8}


@settings(max_examples=examples(400), deadline=None)
@given(st.lists(st.text(ALPHABET, max_size=14), max_size=30), st.text(ALPHABET, max_size=14), st.data())
def test_the_index_finds_exactly_what_comparing_with_every_name_finds(
    names: list[str], name: str, data: st.DataObject
) -> None:
    if names and data.draw(st.booleans()):  # a near miss of a name, as broken links are
        base = data.draw(st.sampled_from(names))
        at = data.draw(st.integers(0, len(base)))
        name = base[:at] + data.draw(st.text(ALPHABET, max_size=2)) + base[at + 1 :]
    assert set(NearNames(names).near(name, 0.8)) == brute_near(names, name)


def _old_suggestion(model: SiteModel, wanted: str) -> str | None:
    """SiteModel.suggestion as it was: every URL compared."""
    key = url_key(wanted)
    best: tuple[float, str] | None = None
    for url in model.primary_urls:
        near = ratio(key.rsplit("/", 1)[-1], url.rsplit("/", 1)[-1], at_least=0.8)
        if near >= 0.8 and url != key:
            score = 0.7 * near + 0.3 * ratio(key, url)
            best = max(best or (score, url), (score, url))
    return best[1] if best else None


def _old_page_suggestion(model: SiteModel, wanted: Path) -> SitePage | None:
    best: tuple[float, str, SitePage] | None = None
    for page in model.pages.values():
        near = ratio(_page_name(wanted), _page_name(page.path), at_least=0.8)
        if near >= 0.8:
            best = max(best or (near, page.shown, page), (near, page.shown, page), key=lambda b: b[:2])
    return best[2] if best else None


def site_model(slugs: list[str], sections: list[str]) -> SiteModel:
    root = Path("/site")
    pages = {}
    for index, slug in enumerate(slugs):
        section = sections[index % len(sections)]
        path = root / "content" / section / (f"{slug}.md" if index % 3 else f"{slug}/index.md")
        pages[path] = SitePage(path, str(path.relative_to(root)), None, (f"/{section}/{slug}/",))
    return SiteModel(plain_site(root, "test"), pages)


SLUG = st.text("abcdefgh-", min_size=1, max_size=16)


@settings(max_examples=examples(150), deadline=None)
@given(
    st.lists(SLUG, min_size=1, max_size=25, unique=True), st.lists(SLUG, min_size=1, max_size=3), st.data()
)
def test_suggestions_on_generated_sites_are_the_brute_force_ones(
    slugs: list[str], sections: list[str], data: st.DataObject
) -> None:
    model = site_model(slugs, sections)
    for _ in range(3):
        base = data.draw(st.sampled_from(slugs))
        at = data.draw(st.integers(0, len(base)))
        typo = base[:at] + data.draw(st.text("abcdefgh-", max_size=2)) + base[at + 1 :]
        wanted = f"/{data.draw(st.sampled_from(sections))}/{typo}/"
        assert model.suggestion(wanted) == _old_suggestion(model, wanted)
        missing = Path("/site/content") / f"{typo}.md"
        assert model.page_suggestion(missing) == _old_page_suggestion(model, missing)


def vocabulary(size: int, chooser: random.Random) -> list[str]:
    """Pronounceable made-up words, as varied as a real site's titles."""
    syllables = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"] + ["er", "in", "on", "ing", "tion"]
    return ["".join(chooser.choices(syllables, k=chooser.randint(2, 4))) for _ in range(size)]


def generated_site(pages: int) -> tuple[SiteModel, list[str]]:
    """`pages` pages named from a vocabulary, and one near-miss link per page."""
    chooser = random.Random(pages)
    words = vocabulary(2 * pages, chooser)
    slugs: dict[str, None] = {}
    while len(slugs) < pages:
        slugs["-".join(chooser.sample(words, chooser.randint(2, 3)))] = None
    names = list(slugs)
    links = []
    for slug in names:
        at = chooser.randrange(len(slug))
        links.append(f"/posts/{slug[:at]}x{slug[at + 1 :]}/")
    return site_model(names, ["posts"]), links


def comparisons(pages: int) -> int:
    """SequenceMatchers made to suggest a page for every broken link of the site."""
    model, links = generated_site(pages)
    made = [0]
    real = difflib.SequenceMatcher

    def counted(*args: object, **kwargs: object) -> difflib.SequenceMatcher[str]:
        made[0] += 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    near_names.difflib.SequenceMatcher = counted  # type: ignore[misc]
    try:
        suggest_all((model, links))
    finally:
        near_names.difflib.SequenceMatcher = real  # type: ignore[misc]
    return made[0]


def suggest_all(site: tuple[SiteModel, list[str]]) -> None:
    """Suggest a URL and a page for every broken link of the site."""
    model, links = site
    for link in links:
        model.suggestion(link)
        model.page_suggestion(Path("/site/content/posts") / f"{link.strip('/').split('/')[-1]}.md")


def test_comparisons_grow_with_the_site_not_its_square() -> None:
    small, medium, large = (comparisons(pages) for pages in (75, 300, 1200))
    assert medium <= 6 * small and large <= 6 * medium, (small, medium, large)


@pytest.mark.slow  # counted in a spawned callgrind, 4-8 s: CI's slow stage runs it
def test_suggestions_grow_linearly_in_instructions() -> None:
    """The whole work, index included: 2,000 pages took 31 s when every page was compared
    (that brute force counts 87x here, this index 12x)."""
    assert_linear(Growth("did you mean, a near miss a page", suggest_all, 30, 300, setup=generated_site))
