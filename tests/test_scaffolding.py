"""Scaffolding rules: S004 on its own, and S001-S004 on published posts and the AI draft."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from seolint.config.files import Config
from seolint.config.plan import make_plan
from seolint.findings.records import FileResult
from tests.conftest import CORPUS_RUNS, CORPUS_SAMPLE, ROOT, codes_at, lint, lint_path


@pytest.mark.parametrize(
    ("text", "fmt", "expected"),
    [
        ("close\nclose\n", "text", [(2, "S004")]),
        ("# Title\n\n**Title**\n", "markdown", [(3, "S004")]),  # the title pasted under itself
        ("Same line\n\nSame line\n", "markdown", [(3, "S004")]),
        ("Same line\n\n<!-- note -->\n\nSame line\n", "markdown", []),  # a comment line is between
        ("Same <!-- a -->\nSame\n", "text", [(2, "S004")]),
        ("Same\nOther\nSame\n", "text", []),
        ("...\n...\n", "text", []),
        ("<main><p>Share</p>\n<p>Share</p></main>\n", "html", [(2, "S004")]),
        ("<main><table><tr>\n<td>0</td>\n<td>0</td></tr></table></main>\n", "html", []),
        ("- [a](https://x.org/1)\n- [a](https://x.org/2)\n", "markdown", []),  # different targets
    ],
)
def test_duplicate_line(text: str, fmt: str, expected: list[tuple[int, str]]) -> None:
    assert codes_at(lint(text, fmt, select=("S004",))) == expected  # type: ignore[arg-type]


def test_the_shared_ai_draft_gets_its_scaffolding_reported() -> None:
    draft = ROOT.parent / "shared" / "drafts" / "telecom-outage-ai-draft.txt"
    if not draft.is_file():
        pytest.skip("../shared/drafts is not present")
    result = lint_path(str(draft), make_plan(Config(select=("S",))))
    lines = draft.read_text(encoding="utf-8").splitlines()
    labels = {lines[f.span.line - 1].strip() for f in result.findings if f.code == "S001"}
    assert labels == {
        "Call to Action",
        "Internal Links:",
        "External Links:",
        "Image Alt Text:",
        "Related Posts",
        "Latest Posts",
    }
    repeated = [lines[f.span.line - 1].strip() for f in result.findings if f.code == "S004"]
    assert "close" in repeated and any(line.startswith("T-Mobile Outage") for line in repeated)


@pytest.mark.parametrize("linted", CORPUS_RUNS)
def test_draft_leftover_rules_stay_quiet_on_published_posts(
    linted: str, request: pytest.FixtureRequest
) -> None:
    """Published posts hold no template labels, to-do markers or chatbot framing."""
    corpus_results: dict[Path, FileResult] = request.getfixturevalue(linted)
    posts = {path: result for path, result in corpus_results.items() if path.suffix in {".md", ".html"}}
    leftovers = {"S001", "S002", "S003"}
    found = Counter(f.code for result in posts.values() for f in result.findings if f.code in leftovers)
    assert len(posts) > 1000 // (CORPUS_SAMPLE if linted == "corpus_sample_results" else 1)
    assert sum(found.values()) <= len(posts) // 200, found  # at most 0.5 per 100 posts
