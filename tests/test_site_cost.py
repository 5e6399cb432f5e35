"""The site library is cheap and safe: no import of the engine or front-ends (only the
Document model's records, whose Page it fills), regular expressions without nested
unbounded repeats, and scanning that grows linearly."""

from __future__ import annotations

import subprocess
import sys
from functools import partial

import pytest

from seolint.site import (
    astro,
    docusaurus,
    hugo,
    hugo_shortcodes,
    jekyll,
    liquid,
    mdx,
    scan,
    tera,
    titles,
    zola,
)
from seolint.site.adapter import Site
from tests.conftest import ROOT
from tests.growth import Growth, assert_linear

MODULES = (astro, docusaurus, hugo, hugo_shortcodes, jekyll, liquid, mdx, scan, tera, titles, zola)


def test_the_site_library_imports_nothing_of_the_pipeline() -> None:
    code = (
        "import sys, seolint.site.adapter, seolint.site.detect, seolint.site.plain\n"
        "loaded = [m for m in sys.modules if m.startswith('seolint.')]\n"
        "print(' '.join(sorted(m for m in loaded if not m.startswith('seolint.site'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    # the records, and the page-kind inference the adapters refine (document knowledge, no patterns
    # compiled until a page needs them)
    records = {
        "seolint.discover",
        "seolint.discover.records",
        "seolint.discover.source",
        "seolint.document",
        "seolint.document.kinds",
        "seolint.document.model",
    }
    assert set(done.stdout.split()) == records


def regions(site_class: type[Site], text: str) -> object:
    return site_class("x", ROOT, "test").template_regions(text, ROOT / "x.mdx")


@pytest.mark.slow  # counted in a spawned callgrind: CI's slow stage runs it
@pytest.mark.parametrize(
    ("site_class", "unit"),
    [
        (hugo.HugoSite, "{{< x a='1' >}} {{% y %}} {{< "),  # openers that never close
        (jekyll.JekyllSite, "{% raw %} {{ a | b }} {% highlight x %} {{ "),
        (zola.ZolaSite, "{{ f(a=1) }} {% g(b=2) %} (@/a.md {{ h( "),
        (docusaurus.DocusaurusSite, "import {\n<Tabs>\n{/* c */}\n:::note\n"),
    ],
    ids=["hugo", "liquid", "zola", "mdx"],
)
def test_scanning_grows_linearly_with_the_text(site_class: type[Site], unit: str) -> None:
    assert_linear(Growth(site_class.__name__, partial(regions, site_class), unit * 50, unit * 500))
