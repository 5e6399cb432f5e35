"""Ids and link forms the generators accept (issue 25, item 5): attribute lists, footnotes,
Liquid tags spread over lines, Markdown inside HTML as kramdown reads it, and Hugo's
`figure` caption as alt. Each with a hit and a near miss, on drafts and sites of our own
and on ../shared/sites/jekyll-docs read in place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from seolint.parse import parse
from seolint.site import find_site
from seolint.site.jekyll import JekyllSite
from seolint.site.liquid import liquid_regions
from tests.conftest import ROOT, run_cli

SHARED_JEKYLL = ROOT.parent / "shared" / "sites" / "jekyll-docs" / "docs"


def markdown(text: str, templates: list | None = None):  # type: ignore[no-untyped-def, type-arg]
    return parse(text, "post.md", "markdown", templates=templates or ())


# -- attribute lists ----------------------------------------------------------------------------


def test_heading_attribute_list_gives_the_id_and_is_not_text() -> None:
    doc = markdown("## Set up the cluster {#setup .wide lang=en}\n\n## Costs {#costs}\n")
    assert [(h.text, h.anchor) for h in doc.headings] == [("Set up the cluster", "setup"), ("Costs", "costs")]
    near = markdown("## Sets {like this one}\n")  # words, not attributes: the heading's own text
    assert [(h.text, h.anchor) for h in near.headings] == [("Sets {like this one}", None)]


def test_block_attribute_list_after_a_block_is_an_id_not_prose() -> None:
    doc = markdown("### Running as non-root\n{: #no-sudo}\n\nA note.\n{: .note #the-note}\n")
    assert set(doc.ids) >= {"no-sudo", "the-note"}
    assert [b.text for b in doc.blocks] == ["A note."]
    near = markdown("A set {: written in prose} stays.\n\n{: not an attribute list}\n")
    assert [b.text for b in near.blocks] == ["A set {: written in prose} stays.", "{: not an attribute list}"]


def test_a_link_to_a_kramdown_id_is_no_broken_anchor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "_config.yml").write_text("title: T\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(
        "---\ntitle: A\n---\n\n### Running it\n{: #no-sudo}\n\nText.\n", encoding="utf-8"
    )
    (tmp_path / "b.md").write_text(
        "---\ntitle: B\n---\n\n[ok](/a.html#no-sudo) and [broken](/a.html#nope).\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    result = run_cli(["check", "--format", "json", "--no-cache", "--select", "W002"])
    found = [(f["path"], f["line"]) for f in json.loads(result.stdout)["findings"]]
    assert found == [("b.md", 5)]  # only #nope


# -- footnotes ----------------------------------------------------------------------------------


def test_footnotes_are_never_links() -> None:
    doc = markdown(
        "A claim[^1], a [named one][^2] and [a real link](/x/).\n\n"
        "[^1]: https://example.com/source\n[^2]: single\n[^3]: A longer note, in prose.\n"
    )
    assert [link.href for link in doc.links] == [
        "https://example.com/source",
        "/x/",
    ]  # the URL is in the note
    assert (doc.blocks[-1].kind, doc.blocks[-1].text) == ("list-item", "A longer note, in prose.")
    near = markdown("[label]: /defined/\n\nSee [it][label].\n")  # a real reference link
    assert [link.href for link in near.links] == ["/defined/"]


# -- Liquid tags spread over lines ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "See [the post]({% link\n  _posts/2017-10-19-a.md %}) now.\n",
        "See [the post]({%\n link _posts/2017-10-19-a.md\n %}) now.\n",
    ],
)
def test_liquid_link_over_lines_is_read(text: str) -> None:
    doc = markdown(text, liquid_regions(text))
    assert [(link.href, link.syntax, link.span.line) for link in doc.links] == [
        ("_posts/2017-10-19-a.md", "link", 1)
    ]
    assert doc.blocks[0].text == "See the post now."


def test_liquid_link_on_one_line_near_miss() -> None:
    text = "See [the post]({% link _posts/2017-10-19-a.md %}) and {% include note.html %}.\n"
    doc = markdown(text, liquid_regions(text))
    assert [link.href for link in doc.links] == ["_posts/2017-10-19-a.md"]


def test_shared_jekyll_link_over_two_lines() -> None:
    path = SHARED_JEKYLL / "_posts" / "2017-10-21-jekyll-3-6-2-released.markdown"
    if not path.is_file():
        pytest.skip("../shared/sites/jekyll-docs is not present")
    site = find_site(path)
    assert site is not None
    text = path.read_text(encoding="utf-8")
    doc = parse(text, str(path), "markdown", templates=site.template_regions(text, path))
    assert ("_posts/2017-10-19-diversity-open-source.markdown", "link") in [
        (x.href, x.syntax) for x in doc.links
    ]


# -- kramdown: Markdown inside HTML ----------------------------------------------------------------


def kramdown(text: str):  # type: ignore[no-untyped-def]
    site = JekyllSite("jekyll", Path("/site"), "test", {}, None)
    return parse(text, "post.md", "markdown", templates=site.template_regions(text, Path("post.md")))


def test_kramdown_reads_markdown_inside_span_elements_and_markdown_1() -> None:
    doc = kramdown('Intro.\n\n<em>\nSee [x](/em/)\n</em>\n\n<div markdown="1">\n[y](/div/)\n</div>\n')
    assert [link.href for link in doc.links] == ["/em/", "/div/"]


def test_kramdown_leaves_raw_html_and_code_raw() -> None:
    doc = kramdown("<div>\n[z](/raw/)\n</div>\n\n```html\n<em>\n[c](/code/)\n</em>\n```\n")
    assert doc.links == ()
    commonmark = markdown("<em>\nSee [x](/em/)\n</em>\n")  # outside a Jekyll site: CommonMark's raw block
    assert commonmark.links == ()


# -- Hugo figure: the caption is the alt ------------------------------------------------------------


def hugo_site(root: Path, own_figure: bool) -> Path:
    (root / "hugo.toml").write_text('baseURL = "https://x.example/"\n', encoding="utf-8")
    post = root / "content" / "post.md"
    post.parent.mkdir(parents=True)
    post.write_text(
        "---\ntitle: Figures\n---\n\n"
        '{{< figure src="a.png" caption="The *module* graph" >}}\n\n{{< figure src="b.png" >}}\n',
        encoding="utf-8",
    )
    if own_figure:
        (root / "layouts" / "shortcodes").mkdir(parents=True)
        (root / "layouts" / "shortcodes" / "figure.html").write_text('<img src="{{ .Get "src" }}">\n')
    return post


@pytest.mark.parametrize(("own_figure", "alts"), [(False, ["The module graph", None]), (True, [None, None])])
def test_hugo_figure_caption_is_alt_with_hugos_own_figure(
    tmp_path: Path, own_figure: bool, alts: list[str | None]
) -> None:
    post = hugo_site(tmp_path, own_figure)
    site = find_site(post)
    assert site is not None
    text = post.read_text(encoding="utf-8")
    doc = parse(text, str(post), "markdown", templates=site.template_regions(text, post))
    assert [image.alt for image in doc.images] == alts
