"""Build-time content by `.gitignore`: a path is judged by the files above it, found without
walking the site's folders, with the answers a walk of every folder gives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from seolint.site.build_time import BuildTime


def _tree(root: Path) -> BuildTime:
    (root / ".git").mkdir()
    files = {
        ".gitignore": "/content/top-ignored/\n",
        "content/docs/.gitignore": "generated/\n!generated/kept.md\n",
        "content/docs/api/.gitignore": "*.md\n!index.md\n",
        "content/docs/api/v2/.gitignore": "!v2-page.md\n",
        "content/node_modules/.gitignore": "*\n",  # os.walk never descends here
        "content/blog/post.md": "x\n",
        "static/.gitignore": "build/\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "content/folder-named/.gitignore").mkdir(parents=True)  # a folder, not rules
    (root / "elsewhere").mkdir()
    (root / "elsewhere/.gitignore").write_text("*.md\n", encoding="utf-8")
    os.symlink(root / "elsewhere", root / "content/linked")  # os.walk does not follow it
    return BuildTime(root, [root / "content", root / "static"])


PATHS = [
    "content/top-ignored/a.md",
    "content/docs/generated/a.md",
    "content/docs/generated/kept.md",
    "content/docs/generated/deeper/b.md",
    "content/docs/api/a.md",
    "content/docs/api/index.md",
    "content/docs/api/v2/v2-page.md",
    "content/docs/api/v2/other.md",
    "content/docs/api/missing-folder/c.md",
    "content/node_modules/pkg/a.md",
    "content/linked/a.md",
    "content/folder-named/a.md",
    "content/blog/post.md",
    "static/build/app.js",
    "static/img/a.png",
    "outside/a.md",
]


def _walked_answer(build: BuildTime, path: Path) -> str | None:
    """What a walk of every folder decides (every `.gitignore` found, the deepest deciding)."""
    text = os.path.abspath(path)
    if not text.startswith(tuple(os.path.join(str(root), "") for root in build.roots)):
        return None
    folder, decided = os.path.dirname(text), None
    for directory, spec in build._specs:
        if folder == directory or folder.startswith(os.path.join(directory, "")):
            include = spec.check_file(text[len(directory) + 1 :].replace(os.sep, "/")).include
            if include is not None:
                decided = (include, directory)
    if decided is None or not decided[0]:
        return None
    where = os.path.relpath(os.path.join(decided[1], ".gitignore"), build.site_root).replace(os.sep, "/")
    return f"ignored by {where} (made at build time)"


@pytest.mark.parametrize("name", PATHS)
def test_a_path_is_judged_as_a_walk_of_every_folder_judges_it(tmp_path: Path, name: str) -> None:
    lazy, walked = _tree(tmp_path), _tree_again(tmp_path)
    assert lazy.for_path(tmp_path / name) == _walked_answer(walked, tmp_path / name)


def _tree_again(root: Path) -> BuildTime:
    return BuildTime(root, [root / "content", root / "static"])


def test_the_answers_are_the_ones_expected(tmp_path: Path) -> None:
    build = _tree(tmp_path)
    ignored = {name for name in PATHS if build.for_path(tmp_path / name)}
    assert ignored == {
        "content/top-ignored/a.md",
        "content/docs/generated/a.md",
        "content/docs/generated/deeper/b.md",
        "content/docs/api/a.md",
        "content/docs/api/v2/other.md",
        "content/docs/api/missing-folder/c.md",
        "static/build/app.js",
    }


def test_judging_a_path_walks_no_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A one-file run inside a large site asks about a few paths: it reads the `.gitignore`
    files above them, not every folder of the site."""
    build = _tree(tmp_path)

    def no_walk(*args: object, **kwargs: object) -> None:
        raise AssertionError("walked the site's folders")

    monkeypatch.setattr(os, "walk", no_walk)
    assert build.for_path(tmp_path / "content/docs/api/a.md") is not None
    assert set(build._read) == {
        str(tmp_path),
        str(tmp_path / "content/docs"),
        str(tmp_path / "content/docs/api"),
    }
