"""The pre-commit hooks, run for real with `pre-commit try-repo` (installs seolint from PyPI deps)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

GOOD = "# A finished post\n\n## Setup\n\nEverything is linked: [the docs](https://docs.example.org/).\n"
BAD = "# An unfinished post\n\n#### Skipped levels\n\nSee [Link to the setup guide] and [the spec](#).\n"
OUTLINE = "H1: Outline draft\n\nH2: First point\n\nSome text.\n"


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True)
    return done.stdout


def snapshot_of_working_tree(target: Path) -> Path:
    """A one-commit repository holding this project's files as they are now (committed or not)."""
    listed = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    commit_all(target)
    return target


def commit_all(repo: Path) -> None:
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "snapshot")


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout of seolint")
    return snapshot_of_working_tree(tmp_path_factory.mktemp("seolint-src"))


@pytest.fixture(scope="module")
def blog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    blog = tmp_path_factory.mktemp("blog")
    (blog / "good.md").write_text(GOOD, encoding="utf-8")
    (blog / "bad.md").write_text(BAD, encoding="utf-8")
    (blog / "outline.txt").write_text(OUTLINE, encoding="utf-8")
    # The blog's own config is found by the hook (the long-form rules do not fit these tiny posts).
    (blog / ".seolint.toml").write_text('select = ["H", "L001", "I001"]\n', encoding="utf-8")
    commit_all(blog)
    return blog


def try_repo(hook_repo: Path, blog: Path, hook: str, *files: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(blog.parent / "pre-commit-home"), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), hook, "--color", "never"]
    done = subprocess.run(
        [*command, "--files", *files], cwd=blog, env=env, capture_output=True, text=True, timeout=900
    )
    print(done.stdout, done.stderr)  # shown with -s or on failure: the hook's real output
    return done


def test_hooks_file_declares_both_hooks() -> None:
    hooks = {
        h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    }
    assert set(hooks) == {"seolint", "seolint-drafts"}
    assert hooks["seolint"]["entry"] == "seolint check --force-exclude"
    assert hooks["seolint"]["language"] == "python"
    assert (
        hooks["seolint"]["types_or"] == ["markdown", "html"] and hooks["seolint"]["require_serial"] is False
    )
    assert "txt" in hooks["seolint-drafts"]["files"]


@pytest.mark.slow
def test_hook_fails_the_bad_draft_and_shows_findings(hook_repo: Path, blog: Path) -> None:
    done = try_repo(hook_repo, blog, "seolint", "good.md", "bad.md")
    assert done.returncode == 1
    assert "seolint" in done.stdout and "Failed" in done.stdout
    assert "bad.md" in done.stdout and "H003" in done.stdout and "L001" in done.stdout
    assert "good.md  [markdown]  clean" in done.stdout


@pytest.mark.slow
def test_hook_passes_the_good_draft(hook_repo: Path, blog: Path) -> None:
    done = try_repo(hook_repo, blog, "seolint", "good.md")
    assert done.returncode == 0 and "Passed" in done.stdout


@pytest.mark.slow
def test_plain_text_drafts_only_with_the_drafts_hook(hook_repo: Path, blog: Path) -> None:
    skipped = try_repo(hook_repo, blog, "seolint", "outline.txt")
    assert skipped.returncode == 0 and "no files to check" in skipped.stdout
    checked = try_repo(hook_repo, blog, "seolint-drafts", "outline.txt", "good.md")
    assert checked.returncode == 1 and "H006" in checked.stdout and "outline.txt" in checked.stdout


@pytest.fixture(scope="module")
def hugo_blog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Hugo repository: templates, an archetype (with `{{ .Date }}` front matter) and posts."""
    blog = tmp_path_factory.mktemp("hugo-blog") / "site"
    shutil.copytree(ROOT / "fixtures" / "sites" / "hugo", blog)
    (blog / "content" / "posts" / "unfinished.md").write_text(
        '+++\ntitle = "An unfinished post about modules"\n+++\n\n#### Skipped\n\nSee [Link to the guide].\n',
        encoding="utf-8",
    )
    (blog / ".seolint.toml").write_text('select = ["H", "L001", "S002"]\n', encoding="utf-8")
    commit_all(blog)
    return blog


@pytest.mark.slow
def test_hugo_templates_and_archetypes_pass_and_a_bad_post_fails(hook_repo: Path, hugo_blog: Path) -> None:
    templates = ["archetypes/default.md", "layouts/_default/single.html", "layouts/partials/nav.html"]
    passed = try_repo(hook_repo, hugo_blog, "seolint", *templates)
    assert passed.returncode == 0 and "Passed" in passed.stdout
    failed = try_repo(hook_repo, hugo_blog, "seolint", *templates, "content/posts/unfinished.md")
    assert failed.returncode == 1 and "unfinished.md" in failed.stdout and "L001" in failed.stdout
    assert "archetypes" not in failed.stdout and "layouts" not in failed.stdout
