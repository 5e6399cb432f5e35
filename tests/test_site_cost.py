"""The site library is cheap and safe: no import of the engine or front-ends (only the
Document model's records, whose Page it fills), regular expressions without nested
unbounded repeats, and scanning that grows linearly."""

from __future__ import annotations

import gc
import subprocess
import sys
import time
from collections.abc import Callable

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

MODULES = (astro, docusaurus, hugo, hugo_shortcodes, jekyll, liquid, mdx, scan, tera, titles, zola)


def test_the_site_library_imports_nothing_of_the_pipeline() -> None:
    code = (
        "import sys, seolint.site\n"
        "loaded = [m for m in sys.modules if m.startswith('seolint.')]\n"
        "print(' '.join(sorted(m for m in loaded if not m.startswith('seolint.site'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    records = {"seolint.discover", "seolint.discover.source", "seolint.document", "seolint.document.model"}
    assert set(done.stdout.split()) == records


def regions(site_class: type[Site]) -> Callable[[str], object]:
    site = site_class("x", ROOT, "test")
    return lambda text: site.template_regions(text, ROOT / "x.mdx")


def fastest_runs(run: Callable[[str], object], small: str, large: str) -> tuple[float, float]:
    """The fastest of three runs of each text, in CPU time of this process, interleaved so
    that a burst of load on the machine slows both alike, with the collector paused (its
    passes add noise, not work)."""
    best = [float("inf"), float("inf")]
    gc.disable()
    try:
        for _ in range(3):
            for index, text in enumerate((small, large)):
                start = time.process_time()
                run(text)
                best[index] = min(best[index], time.process_time() - start)
    finally:
        gc.enable()
    return best[0], best[1]


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
def test_scanning_time_grows_linearly_with_the_text(site_class: type[Site], unit: str) -> None:
    run = regions(site_class)
    run(unit * 100)  # warm up
    small, large = fastest_runs(run, unit * 1500, unit * 15000)  # both well past the CPU caches
    assert large <= 15 * small + 0.05, (small, large)
