"""The Markdown front-end walks markdown-it-pyrs's tree, or markdown-it-py's tokens shaped as it.

markdown-it-py stays only as the fallback for the inputs on which markdown-it-pyrs 0.4
panics (and for plain-text drafts); these tests pin that both paths give the same Document,
that a panic is neither fatal nor printed, and that a draft without one never imports
markdown-it-py.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from seolint.parse.markdown import front_end as markdown
from seolint.parse.markdown import nodes as markdown_nodes
from tests.conftest import ROOT

PANICS = "See [` here\n\n# Heading\n\nA [link](https://example.com/a%20b).\n"


def fallback_document(source: str) -> markdown.Document:
    """The Document as the markdown-it-py path builds it (the native parser made to panic)."""
    original = markdown_nodes._parser

    class Panicking:
        def tree(self, _: str) -> object:
            raise type("PanicException", (BaseException,), {})("index out of bounds")

    markdown_nodes._parser = lambda: Panicking()  # type: ignore[assignment,return-value]
    try:
        return markdown.parse(source, "draft.md")
    finally:
        markdown_nodes._parser = original


def fields(doc: markdown.Document) -> dict[str, str]:
    return {name: repr(getattr(doc, name)) for name in doc._fields}


SAMPLES = {
    "tight and loose lists": "- one [a](x)\n- two\n\n  para `c`\n\n1. x\n\n   y\n",
    "setext headings": "Title *x*\n===\n\nSub\n---\n",
    "table": "| a | b |\n|---|---|\n| [c](d) | ![e](f.png) |\n|  |\n",
    "html and comments": "<div>\n<!-- note -->\n</div>\n\ntext <b>x</b> <!-- inline -->\n",
    "quote with code": "> q\n> `a\n> b`\n>\n>     code\n",
    "unclosed fence at the end": "# T\n\n```py\nx",
    "html block at the end": "<div>\nx",
    "line endings and NUL": "# One\r\rText [x](y)\r\n\x00 z\r\n## Two\r",
    "punycode and escapes": "[a](http://xn--bcher-kva.de/%C3%BC) <mailto:a@b.c> \\< &amp; &copy",
    "heading anchors": "## Setup {#setup}\n\n![](i.png)\n",
}


@pytest.mark.parametrize("name", SAMPLES)
def test_native_and_fallback_paths_build_the_same_document(name: str) -> None:
    source = SAMPLES[name]
    assert fields(markdown.parse(source, "draft.md")) == fields(fallback_document(source))


def test_the_fallback_really_runs_markdown_it_py() -> None:
    """Guards the test above: the patched parser is the one the front-end calls."""
    assert isinstance(markdown_nodes.parse("x", indented_code=False).blocks[0], markdown_nodes._Node)
    doc = fallback_document("# H\n")
    assert [h.text for h in doc.headings] == ["H"]
    assert "markdown_it" in sys.modules


def run_isolated(statement: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", statement], capture_output=True, text=True, check=True, cwd=ROOT
    )


def test_a_real_panic_falls_back_silently() -> None:
    probe = (
        "import sys; from seolint.parse.markdown import front_end as markdown\n"
        f"doc = markdown.parse({PANICS!r}, 'draft.md')\n"
        "print([h.text for h in doc.headings], [l.href for l in doc.links], 'markdown_it' in sys.modules)\n"
    )
    result = run_isolated(probe)
    assert result.stdout.split("\n")[0] == "['Heading'] ['https://example.com/a b'] True"
    assert result.stderr == ""  # Rust's panic message is not the writer's business


def test_a_draft_that_does_not_panic_never_imports_markdown_it_py() -> None:
    probe = (
        "import sys; from seolint.parse.markdown import front_end as markdown\n"
        "markdown.parse('# H\\n\\nA [link](x) and `code`.\\n', 'draft.md')\n"
        "print('markdown_it' in sys.modules, 'markdown_it_pyrs' in sys.modules)\n"
    )
    assert run_isolated(probe).stdout.strip() == "False True"


URLS = [
    "https://example.com/a/b?c=d&e=f#g",
    "/posts/2020-01-01-x/",
    "T:@]^",
    "b:@{+,},&_'.HY_+,;",
    "http://a.com/b%20c",
    "http://XN--bcher-kva.de/",
    "mailto:a@b.c",
    "x y",
    "%zz",
    "javascript:void(0)",
]


@pytest.mark.parametrize("url", URLS)
def test_links_without_anything_to_decode_skip_mdurl_with_the_same_result(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from seolint.parse.markdown import link_text

    fast = link_text.as_written(url)
    monkeypatch.setattr(link_text, "_UNCHANGED", re.compile(r"(?!)"))  # never the shortcut
    assert fast == link_text.as_written(url)
