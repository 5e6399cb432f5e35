"""`--diff` is exactly what `--fix` writes (issue 24, item 10): `seolint check --diff | patch -p1`
leaves the same bytes as `seolint check --fix`, whatever the file names (spaces, tabs,
quotes, backslashes, non-ASCII, newlines), line endings (LF, CRLF, CR only, a lone CR inside a
line) and links (a symlinked draft is one file, under its real name).

GNU patch applies it: it reads git's quoted names (a newline too), and the TAB after a name
with a space; `git apply` reads the same diff.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seolint.fix.diff import git_quoted, header, unified_diff
from tests.conftest import run_cli
from tests.examples import examples

pytestmark = pytest.mark.skipif(
    shutil.which("patch") is None or sys.platform == "win32", reason="needs GNU patch and symlinks"
)

FIXABLE = "# Title", "", "#### Jump", "", "Some text."  # H003's fix turns #### into ##
NAME = st.text(alphabet="ab -_.'\"\\\té\t\n", min_size=1, max_size=8).filter(
    lambda n: n.strip() == n and n not in (".", "..") and not n.startswith(("-", "."))
)
ENDING = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def drafts(draw: st.DrawFn) -> dict[str, str]:
    """Draft names and texts: each line ending drawn on its own, a lone CR now and then."""
    names = draw(st.lists(NAME, min_size=1, max_size=4, unique_by=lambda n: n.lower()))
    texts = {}
    for name in names:
        lines = list(FIXABLE)
        if draw(st.booleans()):
            lines[4] = "Some\rtext with a lone CR inside."
        if draw(st.booleans()):  # a removed or kept "---" line is no diff header
            lines[:0] = ["---", "title: A title", "---"]
        endings = [draw(ENDING) for _ in lines]
        last = draw(st.sampled_from(["", endings[-1]]))
        texts[name + ".md"] = "".join(
            line + end for line, end in zip(lines, [*endings[:-1], last], strict=True)
        )
    return texts


def lay_out(folder: Path, texts: dict[str, str], links: list[tuple[str, str]]) -> None:
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_bytes(text.encode("utf-8"))
    for link, target in links:
        (folder / link).symlink_to(target)


def tree(folder: Path) -> dict[str, bytes | str]:
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.iterdir()):
        found[path.name] = f"-> {os.readlink(path)}" if path.is_symlink() else path.read_bytes()
    return found


@settings(
    max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=drafts(), data=st.data())
def test_diff_through_patch_is_what_fix_writes(
    texts: dict[str, str], data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    names = sorted(texts)
    targets = data.draw(st.lists(st.sampled_from(names), max_size=2, unique=True))
    links = [(f"link {index}.md", target) for index, target in enumerate(targets)]
    root = tmp_path_factory.mktemp("diff")
    patched, fixed = root / "patched", root / "fixed"
    lay_out(patched, texts, links)
    lay_out(fixed, texts, links)
    cwd = Path.cwd()
    try:
        os.chdir(patched)
        diff = run_cli(["check", "--diff", "--unsafe-fixes", "--no-cache", "."])
        os.chdir(fixed)
        fix = run_cli(["check", "--fix", "--unsafe-fixes", "--no-cache", "--format", "json", "."])
    finally:
        os.chdir(cwd)
    assert diff.exit_code == 1 and fix.exit_code in (0, 1), (diff.stderr, fix.stderr)
    assert diff.stdout_bytes.count(b"\n+++ ") + diff.stdout_bytes.startswith(b"+++ ") <= len(texts)
    applied = subprocess.run(
        ["patch", "-p1", "--batch", "--forward"], cwd=patched, input=diff.stdout_bytes, capture_output=True
    )
    assert applied.returncode == 0, (applied.stdout, applied.stderr, diff.stdout_bytes)
    for leftover in list(patched.glob("*.orig")) + list(patched.glob("*.rej")):
        leftover.unlink()
    assert tree(patched) == tree(fixed)


def test_a_symlinked_draft_is_one_file_under_its_real_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "real.md").write_text("\n".join(FIXABLE) + "\n", encoding="utf-8")
    (tmp_path / "link.md").symlink_to("real.md")
    (tmp_path / "only-link.md").symlink_to("sub/target.md")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "target.md").write_text("\n".join(FIXABLE) + "\n", encoding="utf-8")
    diff = run_cli(["check", "--diff", "--unsafe-fixes", "--no-cache", "real.md", "link.md", "only-link.md"])
    headers = [line for line in diff.stdout_bytes.splitlines() if line.startswith(b"--- ")]
    assert headers == [b"--- a/real.md", b"--- a/sub/target.md"]


def test_names_are_quoted_as_git_quotes_them() -> None:
    assert header(b"--- a/", b"my post.md") == b"--- a/my post.md\t\n"
    assert header(b"+++ b/", b"tab\tpost.md") == b'+++ "b/tab\\tpost.md"\n'
    assert git_quoted('café \\ "q".md'.encode()) == b'"caf\\303\\251 \\\\ \\"q\\".md"'
    assert git_quoted(b"plain-name.md") == b"plain-name.md"


def test_line_endings_are_kept_byte_for_byte() -> None:
    before = "# T\r\rA\rB\r"
    after = "# T\r\r## A\rB\r"
    diff = unified_diff("cr.md", before, after, "utf-8")
    assert diff.count(b"\\ No newline at end of file") == 2  # one line: patch splits at LF only
    lone = unified_diff("x.md", "a\nb\rc\nd\n", "a\nb\rc\nD\n", "utf-8")
    assert b" b\rc\n" in lone
