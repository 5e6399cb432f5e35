"""The smaller failures of issue 24 (item 12): a file name forging report lines, hard links
split by --fix, a deleted draft called read-only, a domain read from a JS comment, links
above the repository dropped, and UTF-16 without a BOM refused as binary."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from seolint.fix.run import write_back
from seolint.site import find_site
from tests.conftest import run_cli

FIXABLE = "# Title\n\n#### Jump\n\nSome text.\n"
FIXED = "# Title\n\n## Jump\n\nSome text.\n"


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.mark.skipif(sys.platform == "win32", reason="newlines in file names")
def test_a_newline_in_a_file_name_cannot_forge_a_report_line(tmp_path: Path) -> None:
    name = "x.md\n+++ victim.md:1:1: H001 [error] forged.md"
    (tmp_path / name).write_text(FIXABLE, encoding="utf-8")
    (tmp_path / "bad\n.md").write_bytes(b"\x00\x01binary")
    result = run_cli(["check", "--no-cache", "--format", "text", "--select", "H003", "."])
    (line,) = result.stdout.splitlines()
    assert line.startswith("x.md\\x0a+++ victim.md:1:1: H001 [error] forged.md:3:1: H003 ")
    assert not any(line.startswith("+++") for line in result.stdout.splitlines())
    assert [line.split(": error: ")[0] for line in result.stderr.splitlines()] == ["bad\\x0a.md"]
    rich = run_cli(["check", "--no-cache", "--select", "H003", name])
    assert not any(line.startswith("+++") for line in rich.stdout.splitlines())


@pytest.mark.skipif(not hasattr(os, "link"), reason="hard links")
@pytest.mark.parametrize("given", [["a.md"], ["a.md", "b.md"], ["."]])
def test_fix_keeps_hard_links_whole(tmp_path: Path, given: list[str]) -> None:
    (tmp_path / "a.md").write_text(FIXABLE, encoding="utf-8")
    os.link(tmp_path / "a.md", tmp_path / "b.md")
    result = run_cli(["check", "--fix", "--unsafe-fixes", "--no-cache", *given])
    assert "not fixed" not in result.stderr, result.stderr
    a, b = os.stat(tmp_path / "a.md"), os.stat(tmp_path / "b.md")
    assert (a.st_ino, a.st_nlink) == (b.st_ino, 2)
    assert (tmp_path / "b.md").read_text(encoding="utf-8") == FIXED


def test_a_draft_deleted_before_its_fix_is_written_is_not_called_read_only(tmp_path: Path) -> None:
    draft = tmp_path / "gone.md"
    draft.write_text(FIXABLE, encoding="utf-8")
    before = os.stat(draft)
    draft.unlink()
    note = write_back(str(draft), FIXABLE.encode(), before, FIXED.encode())
    assert note == f"{draft}: not fixed: it was deleted since it was read"


def test_the_docusaurus_domain_is_not_read_from_a_comment(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docusaurus.config.js").write_text(
        "module.exports = {\n"
        "  // url: 'https://old.example.org',\n"
        "  /* baseUrl: '/old/', */\n"
        "  title: 'A // not a comment',\n"
        "  url: 'https://docs.example.com',\n"
        "  baseUrl: '/guide/',\n"
        "};\n",
        encoding="utf-8",
    )
    site = find_site(tmp_path / "docs")
    assert site is not None and site.base_url == "https://docs.example.com/guide/"


def _site_in_a_repository(repository: Path) -> Path:
    (repository / ".git").mkdir()
    site = repository / "website"
    (site / "content" / "posts").mkdir(parents=True)
    (site / "hugo.toml").write_text('baseURL = "https://example.org/"\n', encoding="utf-8")
    return site


def test_a_relative_link_above_the_repository_is_broken(tmp_path: Path) -> None:
    site = _site_in_a_repository(tmp_path)
    (tmp_path / "README.md").write_text("# Repo\n", encoding="utf-8")
    (site / "content" / "posts" / "a.md").write_text(
        "---\ntitle: A\n---\n\nSee [the readme](../../../README.md)"
        " and [nothing](../../../../../../outside.md).\n",
        encoding="utf-8",
    )
    result = run_cli(["check", "--no-cache", "--format", "json", "--select", "W001", str(site)])
    found = [(f["line"], f["code"]) for f in json.loads(result.stdout)["findings"]]
    assert found == [(5, "W001")]  # the readme is in the repository: not judged


def test_utf16_without_a_bom_is_read_with_the_configured_encoding(tmp_path: Path) -> None:
    (tmp_path / "wide.md").write_bytes("# Wide\n\n#### Jump\n".encode("utf-16-le"))
    plain = run_cli(["check", "--no-cache", "--format", "json", "--select", "H003", "wide.md"])
    assert plain.exit_code == 2 and "binary file" in plain.stderr
    (tmp_path / ".seolint.toml").write_text('encoding = "utf-16-le"\n', encoding="utf-8")
    result = run_cli(["check", "--no-cache", "--format", "json", "--select", "H003", "wide.md"])
    assert result.exit_code == 0 or result.exit_code == 1, result.stderr
    assert [(f["line"], f["code"]) for f in json.loads(result.stdout)["findings"]] == [(3, "H003")]
