"""`check --diff-base`: a pull request's findings are those on the lines it changed, plus the
site findings it caused on pages it did not touch (issue 28).

Each test makes a small Hugo site in a git repository, commits it as the base, changes it,
and checks what the run reports. The site's posts are written for these tests.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from seolint.discover.changes import ChangedFile, ChangesError, changes_since
from tests.conftest import run_cli

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

GUIDE = """---
title: "Deploying with the CLI"
description: "How to deploy a service with the command line, step by step, from a clean checkout."
---

Start with [the checklist](/posts/checklist/) before anything else.

## Preparing the release

Tag the commit, then build the image and push it to the registry you use.

## Rolling it out

Watch the dashboards while the new version takes traffic.
"""
CHECKLIST = """---
title: "The release checklist"
description: "What to check before a release goes out, from tags to dashboards and rollbacks."
---

Read [the deploy guide](/posts/guide/) and its [preparation step](/posts/guide/#preparing-the-release).

## Before the release

Make sure the changelog names every change and the tag matches the version.
"""


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A committed Hugo site on branch `main`, checked out on a new branch `change`."""
    root = tmp_path / "blog"
    (root / "content" / "posts").mkdir(parents=True)
    (root / "hugo.toml").write_text('baseURL = "https://blog.example.com/"\ntitle = "Blog"\n')
    (root / "content" / "posts" / "guide.md").write_text(GUIDE)
    (root / "content" / "posts" / "checklist.md").write_text(CHECKLIST)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base")
    git(root, "checkout", "-qb", "change")
    monkeypatch.chdir(root)
    return root


def findings(*args: str) -> list[tuple[str, int, str]]:
    result = run_cli(["check", "--no-cache", "--format", "json", "--diff-base", "main", *args])
    assert result.exit_code in (0, 1), result.stderr
    data = json.loads(result.stdout)
    return sorted((Path(f["path"]).name, f["line"], f["code"]) for f in data["findings"])


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_only_findings_on_changed_lines_are_reported(site: Path) -> None:
    guide = site / "content" / "posts" / "guide.md"
    full = run_cli(["check", "--no-cache", "--format", "json", "--select", "S002", "."])
    assert json.loads(full.stdout)["findings"] == []
    edit(guide, "Watch the dashboards", "TODO: watch the dashboards")
    edit(guide, "Tag the commit", "Tag the commit (TODO)")
    git(site, "commit", "-qam", "two placeholders")
    edit(guide, "Start with", "Start (TODO) with")  # uncommitted: part of the change too
    assert findings("--select", "S002", ".") == [
        ("guide.md", 6, "S002"),
        ("guide.md", 10, "S002"),
        ("guide.md", 14, "S002"),
    ]
    git(site, "checkout", "-q", "main", "--", ".")  # back to the base: nothing changed
    assert findings("--select", "S002", ".") == []


def test_a_renamed_heading_reports_the_page_whose_anchor_it_broke(site: Path) -> None:
    edit(site / "content" / "posts" / "guide.md", "## Preparing the release", "## Getting ready")
    assert findings(".") == [("checklist.md", 6, "W002")]
    assert findings("content/posts/guide.md") == [("checklist.md", 6, "W002")]  # whatever the paths


def test_a_deleted_page_reports_the_links_to_it(site: Path) -> None:
    git(site, "rm", "-q", "content/posts/guide.md")
    caused = [(name, code) for name, _, code in findings(".")]
    # both links to the guide are broken (the checklist is no orphan: its section lists it)
    assert sorted(caused) == [("checklist.md", "W001"), ("checklist.md", "W001")]


def test_an_existing_broken_link_elsewhere_is_not_the_changes_doing(site: Path) -> None:
    edit(site / "content" / "posts" / "checklist.md", "/posts/guide/)", "/posts/gone/)")
    git(site, "commit", "-qam", "a broken link on main")
    git(site, "branch", "-f", "main")
    edit(site / "content" / "posts" / "guide.md", "## Rolling it out", "## Rolling out")
    assert findings(".") == []


def test_a_new_file_reports_everything_including_whole_post_findings(site: Path) -> None:
    (site / "content" / "posts" / "new.md").write_text("---\ntitle: New\n---\n\nShort. TODO\n")
    found = findings(".")
    assert {name for name, _, _ in found} == {"new.md"}
    assert ("new.md", 5, "S002") in found and ("new.md", 1, "M003") in found  # M003: whole post


def test_a_whole_post_finding_the_base_already_had_is_not_reported(site: Path) -> None:
    guide = site / "content" / "posts" / "guide.md"
    before = {code for name, _, code in findings(".") if name == "guide.md"}
    assert before == set()
    edit(guide, "Watch the dashboards", "Keep watching the dashboards")
    assert findings(".") == []  # M006 (a short post) was there before this change


def test_the_job_summary_names_the_pages_the_change_breaks(site: Path) -> None:
    edit(site / "content" / "posts" / "guide.md", "## Preparing the release", "## Getting ready")
    summary = run_cli(["check", "--no-cache", "--format", "summary", "--diff-base", "main", "."]).stdout
    assert "### Pages this change breaks (1 page)" in summary
    assert "`content/posts/checklist.md:6` | W002" in summary


def test_an_unknown_revision_is_one_line_and_exit_2(site: Path) -> None:
    result = run_cli(["check", "--diff-base", "no-such-branch", "."])
    assert result.exit_code == 2
    assert result.stderr.startswith("seolint: error: --diff-base: ") and result.stderr.count("\n") == 1


def test_outside_a_repository_is_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "post.md").write_text("# Post\n")
    result = run_cli(["check", "--diff-base", "main", "post.md"])
    assert result.exit_code == 2 and "--diff-base" in result.stderr


def test_changes_know_renames_deletions_untracked_files_and_new_lines(site: Path) -> None:
    git(site, "mv", "content/posts/checklist.md", "content/posts/list.md")
    edit(site / "content" / "posts" / "guide.md", "Tag the commit", "Tag the\ncommit")
    (site / "notes.md").write_text("new\n")
    changes = changes_since("main", site)
    posts = site / "content" / "posts"
    assert changes.files[posts / "guide.md"] == ChangedFile(frozenset({10, 11}), False, posts / "guide.md")
    assert changes.files[posts / "list.md"] == ChangedFile(frozenset(), False, posts / "checklist.md")
    assert changes.files[site / "notes.md"].added
    assert changes.deleted == {posts / "checklist.md"}
    assert changes.base_text(posts / "checklist.md") == CHECKLIST.encode()
    assert changes.base_text(site / "notes.md") is None
    with pytest.raises(ChangesError):
        changes_since("--output=x", site)
