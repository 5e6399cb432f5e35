"""A site's own files and rule packs are read as drafts are (issue 24, items 2-4): a link to
/dev/zero, a FIFO, a huge file, an alias bomb or a config nested 200,000 deep is one line
naming the file, and the drafts are linted without it.

The hostile files used to exhaust memory or hang, so each run here is a subprocess with a
memory limit and a timeout: a regression fails the test instead of taking the machine down.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from seolint.discover import structured
from seolint.server.server import Linter
from tests.conftest import run_cli, seolint_process

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, /dev/zero and rlimits")

HANG_GUARD = 60  # seconds; each run needs well under one
DRAFT = "---\ntitle: A post about caching\n---\n# A post about caching\n\nSome text.\n"


def seolint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return seolint_process(*args, cwd=cwd, timeout=HANG_GUARD, memory=2 << 30)  # at most 2 GiB


@pytest.fixture
def hugo(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\n', encoding="utf-8")
    (tmp_path / "content" / "posts").mkdir(parents=True)
    (tmp_path / "layouts" / "_default").mkdir(parents=True)
    (tmp_path / "layouts" / "partials").mkdir()
    (tmp_path / "static").mkdir()
    (tmp_path / "content" / "posts" / "a.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "content" / "posts" / "b.md").write_text(
        DRAFT + "\n[Missing](/posts/gone/)\n", encoding="utf-8"
    )
    return tmp_path


def assert_skipped_once(done: subprocess.CompletedProcess[str], name: str, why: str, drafts: int = 2) -> None:
    """Exit 2, the file named once with why, and every draft linted."""
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr, done.stderr
    assert done.returncode == 2, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.startswith(f"{name}: error: ")]
    assert len(lines) == 1 and why in lines[0], done.stderr
    assert len(json.loads(done.stdout)["files"]) == drafts


def device(path: Path) -> None:
    path.symlink_to("/dev/zero")


def fifo(path: Path) -> None:
    os.mkfifo(path)


def huge(path: Path) -> None:
    with path.open("wb") as file:
        file.truncate(17 * 1024 * 1024)  # sparse: nothing is written


HOSTILE: dict[str, tuple[Callable[[Path], None], str]] = {
    "device": (device, "skipped: not a regular file (a device)"),
    "fifo": (fifo, "skipped: not a regular file (a FIFO)"),
    "huge": (huge, "skipped: file too large (17.0 MB; the site file limit is 16.0 MB)"),
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
@pytest.mark.parametrize(
    "name", ["layouts/_default/single.html", "layouts/partials/head.html", "static/_redirects"]
)
def test_a_hostile_site_file_is_skipped_with_one_line(hugo: Path, name: str, kind: str) -> None:
    make, why = HOSTILE[kind]
    make(hugo / name)
    done = seolint("check", "--format", "json", "--no-cache", ".", cwd=hugo)
    assert_skipped_once(done, name, why)


# Files the site model reads besides templates: redirect rules (Netlify, Vercel), the
# .gitignore that marks generated content, the go.mod of a theme module, a link render hook.
@pytest.mark.parametrize("kind", ["device", "fifo"])
@pytest.mark.parametrize(
    "name",
    [
        "static/vercel.json",
        "static/netlify.toml",
        ".gitignore",
        "go.mod",
        "layouts/_default/_markup/render-link.html",
    ],
)
def test_every_file_the_site_model_reads_is_bounded(hugo: Path, name: str, kind: str) -> None:
    (hugo / name).parent.mkdir(parents=True, exist_ok=True)
    HOSTILE[kind][0](hugo / name)
    done = seolint("check", "--format", "json", "--no-cache", ".", cwd=hugo)
    assert_skipped_once(done, name, HOSTILE[kind][1])


def test_a_jekyll_layout_linked_to_a_device_is_skipped(tmp_path: Path) -> None:
    """The head of a page is read from its layout's front matter: never from /dev/zero."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "_config.yml").write_text("title: x\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_layouts").mkdir()
    post = DRAFT.replace("---\ntitle", "---\nlayout: post\ntitle", 1)
    (tmp_path / "_posts" / "2024-01-01-a.md").write_text(post, encoding="utf-8")
    device(tmp_path / "_layouts" / "post.html")
    done = seolint("check", "--format", "json", "--no-cache", ".", cwd=tmp_path)
    assert_skipped_once(done, "_layouts/post.html", "a device", drafts=1)


def test_one_draft_in_the_site_is_enough_to_hit_the_template(hugo: Path) -> None:
    """With the cache on too: its key hashes every template."""
    device(hugo / "layouts" / "_default" / "single.html")
    done = seolint("check", "--format", "json", "content/posts/a.md", cwd=hugo)
    assert_skipped_once(done, "layouts/_default/single.html", "a device", drafts=1)


@pytest.mark.parametrize("kind", ["device", "fifo"])
def test_a_hostile_rule_pack_is_a_config_error(tmp_path: Path, kind: str) -> None:
    (tmp_path / "post.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / ".seolint.toml").write_text('rule-packs = ["packs"]\n', encoding="utf-8")
    (tmp_path / "packs").mkdir()
    HOSTILE[kind][0](tmp_path / "packs" / "z.toml")
    done = seolint("check", "--no-cache", "post.md", cwd=tmp_path)
    assert done.returncode == 2
    assert "cannot read rule pack: not a regular file" in done.stderr and "Traceback" not in done.stderr


def alias_bomb(levels: int = 9, fan_out: int = 9) -> str:
    """YAML whose last key expands to fan_out ** levels values: 81 aliases, under the alias limit."""
    lines = ["a0: &a0 [" + ", ".join(["x"] * fan_out) + "]"]
    for index in range(1, levels):
        lines.append(f"a{index}: &a{index} [" + ", ".join([f"*a{index - 1}"] * fan_out) + "]")
    return "\n".join(lines) + "\n"


SITES = {
    "hugo.yaml": ('baseURL: "https://example.org/"\n', "content/a.md"),
    "_config.yml": ("title: x\n", "_posts/2024-01-01-a.md"),
    "mkdocs.yml": ("site_name: x\n", "docs/a.md"),
}


@pytest.mark.parametrize("config", sorted(SITES))
def test_an_alias_bomb_in_a_site_config_is_refused_once(tmp_path: Path, config: str) -> None:
    head, draft = SITES[config]
    (tmp_path / ".git").mkdir()
    (tmp_path / config).write_text(head + alias_bomb(), encoding="utf-8")
    (tmp_path / draft).parent.mkdir(parents=True)
    (tmp_path / draft).write_text(DRAFT, encoding="utf-8")
    done = seolint("check", "--format", "json", draft, cwd=tmp_path)
    assert_skipped_once(done, config, "refused as a possible alias bomb", drafts=1)


NESTED = {
    "hugo.toml": lambda n: 'baseURL = "https://e.org/"\nx = ' + "[" * n + "]" * n + "\n",
    "hugo.json": lambda n: '{"baseURL": "https://e.org/", "x": ' + "[" * n + "]" * n + "}\n",
    "hugo.yaml": lambda n: 'baseURL: "https://e.org/"\nx: ' + "[" * n + "]" * n + "\n",
}


@pytest.fixture
def nested_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str, int], Path]:
    def make(config: str, depth: int) -> Path:
        (tmp_path / ".git").mkdir(exist_ok=True)
        (tmp_path / "content").mkdir(exist_ok=True)
        (tmp_path / config).write_text(NESTED[config](depth), encoding="utf-8")
        draft = tmp_path / "content" / "a.md"
        draft.write_text(DRAFT, encoding="utf-8")
        return draft

    monkeypatch.chdir(tmp_path)
    return make


@pytest.mark.parametrize("config", sorted(NESTED))
@pytest.mark.parametrize("depth", [200_000, 500])
def test_a_deeply_nested_site_config_is_one_line_and_the_draft_is_linted(
    nested_site: Callable[[str, int], Path], config: str, depth: int
) -> None:
    nested_site(config, depth)
    result = run_cli(["check", "--no-cache", "--format", "json", "content/a.md"])
    assert "internal error" not in result.stderr and result.exit_code == 2, result.stderr
    assert result.stderr.strip().splitlines() == [
        f"{config}: error: skipped: nested more than 100 levels deep; the site is read without this config"
    ]
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == ["content/a.md"]


def test_the_language_server_shows_the_refused_config(nested_site: Callable[[str, int], Path]) -> None:
    draft = nested_site("hugo.toml", 200_000)
    verdict = Linter().lint(draft, DRAFT, "markdown")
    assert verdict.problem is None and verdict.findings
    assert verdict.skipped == (
        f"{draft.parent.parent / 'hugo.toml'}: skipped: nested more than 100 levels deep"
        "; the site is read without this config",
    )


# --- the bounds themselves --------------------------------------------------------------------


def test_shared_values_are_measured_once_and_counted_at_every_use() -> None:
    import yaml

    small = yaml.safe_load(alias_bomb(levels=4, fan_out=9))  # 9**4 = 6,561 values expanded
    assert structured.bounded(small) is small
    with pytest.raises(structured.DataError, match="alias bomb"):
        structured.bounded(yaml.safe_load(alias_bomb()))


def test_a_value_that_contains_itself_is_refused() -> None:
    looped: list[object] = []
    looped.append(looped)
    with pytest.raises(structured.DataError, match="contains itself"):
        structured.bounded({"x": looped})


def test_depth_counts_through_shared_values() -> None:
    """A list 60 deep, used at the top and again 45 levels down: 106 levels as a tree."""
    deep: list[object] = []
    inner = deep
    for _ in range(60):
        inner.append([])
        inner = inner[0]  # type: ignore[assignment]
    structured.bounded({"a": deep})
    wrapped: object = deep
    for _ in range(45):
        wrapped = [wrapped]
    with pytest.raises(structured.DataError, match="nested more than 100"):
        structured.bounded({"a": deep, "b": wrapped})
