"""Which files get which rules: per-file-ignores, exclude/extend-exclude and .gitignore."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import CliResult, run_cli

NO_H1 = "## No title here\n\nSee [the docs](#).\n"  # H001 and L001


def run(*args: str) -> CliResult:
    return run_cli(["check", "--format", "json", "--select", "H001,L001", *args])


def found(result: CliResult) -> list[tuple[str, str]]:
    data = json.loads(result.stdout)
    return sorted((Path(f["path"]).as_posix(), f["code"]) for f in data["findings"])


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("posts/a.md", "drafts/b.md", "drafts/old/c.md", "notes.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(NO_H1, encoding="utf-8")
    return tmp_path


def test_per_file_ignores_by_glob_code_and_name(site: Path) -> None:
    (site / ".seolint.toml").write_text(
        '[per-file-ignores]\n"drafts/*" = ["H001"]\n"*.txt" = ["link-placeholder", "H"]\n', encoding="utf-8"
    )
    assert found(run(".")) == [
        ("drafts/b.md", "L001"),
        ("drafts/old/c.md", "L001"),
        ("posts/a.md", "H001"),
        ("posts/a.md", "L001"),
    ]


def test_per_file_ignores_apply_to_named_files_too(site: Path) -> None:
    (site / ".seolint.toml").write_text('[per-file-ignores]\n"drafts/*" = ["H001"]\n', encoding="utf-8")
    assert found(run("drafts/b.md")) == [("drafts/b.md", "L001")]


def test_per_file_ignores_reject_unknown_rules_and_bad_shapes(site: Path) -> None:
    (site / ".seolint.toml").write_text('[per-file-ignores]\n"drafts/*" = ["H999"]\n', encoding="utf-8")
    assert run(".").exit_code == 2
    (site / ".seolint.toml").write_text('[per-file-ignores]\n"drafts/*" = "H001"\n', encoding="utf-8")
    result = run(".")
    assert result.exit_code == 2 and "per-file-ignores" in result.stderr


def test_extend_exclude_adds_to_the_defaults(site: Path) -> None:
    (site / "node_modules").mkdir()
    (site / "node_modules" / "readme.md").write_text(NO_H1, encoding="utf-8")
    (site / ".seolint.toml").write_text('extend-exclude = ["drafts/old"]\n', encoding="utf-8")
    paths = {p for p, _ in found(run("."))}
    assert paths == {"drafts/b.md", "posts/a.md", "notes.txt"}


def test_exclude_replaces_the_defaults(site: Path) -> None:
    (site / "node_modules").mkdir()
    (site / "node_modules" / "readme.md").write_text(NO_H1, encoding="utf-8")
    (site / ".seolint.toml").write_text('exclude = ["drafts"]\n', encoding="utf-8")
    paths = {p for p, _ in found(run("."))}
    assert paths == {"node_modules/readme.md", "posts/a.md", "notes.txt"}


def test_excluded_file_named_explicitly_is_linted(site: Path) -> None:
    (site / ".seolint.toml").write_text('extend-exclude = ["drafts"]\n', encoding="utf-8")
    assert {p for p, _ in found(run("drafts/b.md"))} == {"drafts/b.md"}


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git_repo(site: Path) -> None:
    subprocess.run(["git", "init", "-q", str(site)], check=True)
    (site / ".gitignore").write_text("drafts/old/\n*.txt\n", encoding="utf-8")


@needs_git
def test_gitignored_files_are_skipped_when_walking(site: Path) -> None:
    git_repo(site)
    assert {p for p, _ in found(run("."))} == {"drafts/b.md", "posts/a.md"}
    assert {p for p, _ in found(run("drafts"))} == {"drafts/b.md"}


@needs_git
def test_symlink_out_of_the_walked_folder_is_skipped_and_gitignore_still_applies(
    site: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    git_repo(site)
    outside = tmp_path_factory.mktemp("elsewhere") / "shared.md"
    outside.write_text(NO_H1, encoding="utf-8")
    (site / "posts" / "shared.md").symlink_to(outside)
    (site / "posts" / "inside.md").symlink_to(site / "posts" / "a.md")
    assert {p for p, _ in found(run("."))} == {"drafts/b.md", "posts/a.md", "posts/inside.md"}
    assert {p for p, _ in found(run("posts/shared.md"))} == {"posts/shared.md"}  # named: linted


@needs_git
def test_no_respect_gitignore_and_config_switch(site: Path) -> None:
    git_repo(site)
    everything = {"drafts/b.md", "drafts/old/c.md", "posts/a.md", "notes.txt"}
    assert {p for p, _ in found(run(".", "--no-respect-gitignore"))} == everything
    (site / ".seolint.toml").write_text("respect-gitignore = false\n", encoding="utf-8")
    assert {p for p, _ in found(run("."))} == everything
    assert {p for p, _ in found(run(".", "--respect-gitignore"))} == {"drafts/b.md", "posts/a.md"}


@needs_git
def test_gitignored_file_named_explicitly_is_linted(site: Path) -> None:
    git_repo(site)
    assert {p for p, _ in found(run("notes.txt", "drafts/old/c.md"))} == {"notes.txt", "drafts/old/c.md"}


def test_outside_a_repository_nothing_is_ignored(site: Path) -> None:
    (site / ".gitignore").write_text("*.txt\n", encoding="utf-8")  # no repository: not consulted
    assert "notes.txt" in {p for p, _ in found(run("."))}


def test_each_file_uses_the_config_nearest_to_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Config belongs to the file, wherever seolint is started (ruff, markdownlint-cli2)."""
    blog = tmp_path / "blog"
    (blog / "posts").mkdir(parents=True)
    (blog / "notes").mkdir()
    (blog / ".seolint.toml").write_text('select = ["H003"]\n', encoding="utf-8")
    (blog / "notes" / ".seolint.toml").write_text('select = ["H003"]\nignore = ["H003"]\n', encoding="utf-8")
    skipped = "# A\n\n#### Skip\n"
    (blog / "posts" / "x.md").write_text(skipped, encoding="utf-8")
    (blog / "notes" / "y.md").write_text(skipped, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = run_cli(["check", "--format", "json", "--no-cache", str(blog)])
    found = {(Path(f["path"]).name, f["code"]) for f in json.loads(result.stdout)["findings"]}
    assert found == {("x.md", "H003")}


def test_force_exclude_applies_excludes_to_named_files(site: Path) -> None:
    (site / ".seolint.toml").write_text('extend-exclude = ["drafts/*"]\n', encoding="utf-8")
    assert {p for p, _ in found(run("drafts/b.md"))} == {"drafts/b.md"}
    assert {p for p, _ in found(run("drafts/b.md", "--force-exclude"))} == set()
    (site / ".seolint.toml").write_text(
        'extend-exclude = ["drafts/*"]\nforce-exclude = true\n', encoding="utf-8"
    )
    assert {p for p, _ in found(run("drafts/b.md", "posts/a.md"))} == {"posts/a.md"}


@pytest.mark.parametrize("glob", ["drafts/old", "drafts/old/", "drafts"])
def test_force_exclude_matches_the_folders_of_a_named_file(site: Path, glob: str) -> None:
    (site / ".seolint.toml").write_text(f'extend-exclude = ["{glob}"]\n', encoding="utf-8")
    assert {p for p, _ in found(run("drafts/old/c.md", "--force-exclude"))} == set()
    assert {p for p, _ in found(run("drafts/old/c.md"))} == {"drafts/old/c.md"}  # named, not forced
    walked = {p for p, _ in found(run("."))}
    assert "drafts/old/c.md" not in walked and "posts/a.md" in walked


def test_force_exclude_of_a_folder_spares_its_neighbours(site: Path) -> None:
    (site / ".seolint.toml").write_text('extend-exclude = ["drafts/old/"]\n', encoding="utf-8")
    assert {p for p, _ in found(run("drafts/b.md", "--force-exclude"))} == {"drafts/b.md"}


_GLOBS = ["*.min.*", "node_modules", "a/**/b.md", "[!x]y*", "x?.md", "*", "**/drafts/*", ".*", "[a-", ""]
_PATHS = ["a/x/b.md", "node_modules", "q/node_modules", "ay.md", "xy.md", "x1.md", "f.min.js", "p/drafts/a"]


@pytest.mark.parametrize("globs", [[g] for g in _GLOBS] + [_GLOBS[:3], _GLOBS[3:7], _GLOBS, []])
def test_a_glob_list_matches_as_fnmatch_does_glob_by_glob(globs: list[str]) -> None:
    import fnmatch
    import os

    from seolint.discover.globs import matches

    root = Path("/site")
    for path in _PATHS:
        name = os.path.basename(path)
        by_fnmatch = any(fnmatch.fnmatch(path, g) or fnmatch.fnmatch(name, g) for g in globs)
        assert matches(root / path, globs, root) == by_fnmatch, (globs, path)


@pytest.mark.parametrize("given", [".", "./", "posts", "./posts", "posts/"])
def test_walked_paths_are_spelled_as_paths_normalise_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    from seolint.config.files import Config
    from seolint.discover.walk import discover

    (tmp_path / "posts" / "deep").mkdir(parents=True)
    (tmp_path / "posts" / "deep" / "a.md").write_text("# A\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    drafts, errors = discover([given], lambda folder: Config(respect_gitignore=False))
    assert [d.location for d in drafts] == [str(Path("posts", "deep", "a.md"))] and not errors
