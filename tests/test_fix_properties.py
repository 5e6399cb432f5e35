"""Properties of fixing, over generated drafts made of fixable pieces and unique filler:
fixing is idempotent, a safe fix silences its rule there, no byte outside the edits
changes (CRLF, BOM, no final newline, front matter), and `--diff` through the real
`patch` gives what `--fix` writes."""

from __future__ import annotations

import codecs
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seolint.discover.source import Format
from seolint.discover.walk import DraftFile
from seolint.findings.records import Edit, Finding
from seolint.fix import run as fixing_run
from seolint.fix.apply import MAX_ROUNDS, Lint, apply_round, fix_text, splice, wanted
from seolint.lint.settings import Overrides, Settings
from tests.conftest import lint_result, plan_for
from tests.examples import examples

# Per test, not a profile: loading a profile here would change every other module's tests.
EXAMPLES = examples(int(os.environ.get("SEOLINT_FIX_EXAMPLES", "40")))
PROPERTY = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

FIXABLE = ("H003", "H006", "S001", "S003", "S004", "L005")
PLAN = plan_for(FIXABLE)
PIECES = [
    "H2: Marker {w}",
    "**H3: Bold marker {w}**",
    "## H2: Leaked {w}",
    "#### Deep {w}",
    "###### Deeper {w}",
    "Same line {w}\nSame line {w}",
    "Internal Links:\n\n- [Link to {w}]",
    "Related Posts",
    "Sure, here's a draft about {w}. Real sentence about {w}.",
    "I hope this helps!",
    "See [the page](http://site{w}.org/path).",
    "# Title {w}",
    "Filler {w} stays exactly as typed.",
    "H2: Commented {w} <!-- note {w} -->",
    "Sure, here's a note on {w}. <!-- keep {w} -->",
    "Internal Links: <!-- links {w} -->",
]
FILLER = re.compile(r"Filler \w+ stays exactly as typed\.")


@st.composite
def drafts(draw: st.DrawFn) -> str:
    """A Markdown draft of pieces, each made unique by a word, joined by blank lines or not."""
    count = draw(st.integers(1, 9))
    parts = []
    for index in range(count):
        piece = draw(st.sampled_from(PIECES))
        parts.append(piece.format(w=f"w{index}") + draw(st.sampled_from(["\n\n", "\n", "\n\n\n"])))
    text = "".join(parts)
    if draw(st.booleans()):
        text = "---\ntitle: Front matter stays\n---\n" + text
    if draw(st.booleans()):
        text = text.rstrip("\n")
    return text


def lint(fmt: Format = "markdown") -> Lint:
    return lambda text: lint_result(text, fmt, PLAN).findings


@PROPERTY
@given(drafts(), st.booleans())
def test_fixing_is_idempotent(text: str, unsafe: bool) -> None:
    once = fix_text(text, lint(), unsafe)
    assert once.rounds < MAX_ROUNDS  # it settled before the bound
    twice = fix_text(once.text, lint(), unsafe)
    assert twice.text == once.text and twice.fixed == 0
    assert not [f for f in once.remaining if wanted(f, unsafe)]


@PROPERTY
@given(drafts())
def test_a_safe_fix_silences_its_rule_there(text: str) -> None:
    """Where a fix writes text, its rule no longer fires on those lines; a fix that only
    deletes leaves fewer findings of its rule (a third copy of a line may still repeat)."""
    before = lint()(text)
    for finding in (f for f in before if wanted(f, unsafe=False)):
        assert finding.fix is not None
        after, applied = apply_round(text, [finding.fix])
        assert applied == 1
        same_rule = [f for f in lint()(after) if f.code == finding.code]
        written = _lines_with_inserted_text(after, finding.fix.edits)
        if written:
            assert not [f for f in same_rule if f.span.line in written], finding
        else:
            assert len(same_rule) < sum(1 for f in before if f.code == finding.code), finding


def _lines_with_inserted_text(text: str, edits: tuple[Edit, ...]) -> set[int]:
    lines: set[int] = set()
    shift = 0
    for edit in sorted(edits):
        start = edit.start + shift
        if edit.text:
            first = text.count("\n", 0, start) + 1
            lines.update(range(first, first + edit.text.count("\n") + 1))
        shift += len(edit.text) - (edit.end - edit.start)
    return lines


@PROPERTY
@given(drafts(), st.sampled_from(["\n", "\r\n"]), st.booleans(), st.sampled_from(["markdown", "text"]))
def test_no_byte_outside_the_edits_changes(text: str, newline: str, bom: bool, fmt: Format) -> None:
    text = text.replace("\n", newline)
    findings = lint(fmt)(text)
    fixes = [f.fix for f in findings if f.fix is not None]
    accepted = _accepted_edits(text, findings)
    out, _ = apply_round(text, fixes)
    assert_only_edits_changed(text, out, accepted)
    data = (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8")
    path = "post.md" if fmt == "markdown" else "post.txt"
    result = fixing_run._fix_bytes(data, path, fmt, PLAN, None, fixing_run.Mode(unsafe=True))
    written = result.output or data
    assert written.startswith(codecs.BOM_UTF8) == bom
    if FILLER.search(text):  # not everything was removed: the final line break stays as it was
        assert written.endswith(b"\n") == data.endswith(b"\n")
    if newline == "\r\n":
        assert b"\n" not in written.replace(b"\r\n", b"")
    for line in re.findall(r"Filler \w+ stays exactly as typed\.(?:\r\n|\n)?", text):
        # with its line break, unless what followed went and it ends a draft without one
        assert line.encode() in written or written.endswith(line.rstrip("\r\n").encode())
    for comment in re.findall(r"<!--.*?-->", text):  # comments may be suppressions: never dropped
        assert comment.encode() in written
    if text.startswith("---"):
        assert written.removeprefix(codecs.BOM_UTF8).startswith(
            f"---{newline}title: Front matter stays".encode()
        )


def assert_only_edits_changed(text: str, out: str, edits: list[Edit]) -> None:
    """Walk both texts: what lies between the edits is identical, and the edits' text is where it goes."""
    cursor = out_cursor = 0
    for edit in sorted(edits):
        kept = text[cursor : edit.start]
        assert out[out_cursor : out_cursor + len(kept)] == kept
        out_cursor += len(kept)
        assert out[out_cursor : out_cursor + len(edit.text)] == edit.text
        out_cursor += len(edit.text)
        cursor = edit.end
    assert out[out_cursor:] == text[cursor:]


def _accepted_edits(text: str, findings: list[Finding] | tuple[Finding, ...]) -> list[Edit]:
    """The edits one round applies, found independently: the same order and overlap rule."""
    taken: list[Edit] = []
    seen: set[tuple[Edit, ...]] = set()
    for fix in sorted(
        (f.fix for f in findings if f.fix), key=lambda x: min((e.start, e.end) for e in x.edits)
    ):
        edits = tuple(sorted(fix.edits))
        if edits in seen:
            continue
        clash = any(
            (a.start < b.end and b.start < a.end) or a.start == a.end == b.start == b.end
            for a in edits
            for b in taken
        )
        if not clash:
            taken += edits
            seen.add(edits)
    return taken


needs_patch = pytest.mark.skipif(shutil.which("patch") is None, reason="needs the patch command")


@needs_patch
@settings(PROPERTY, max_examples=max(EXAMPLES * 2 // 3, 1))
@given(drafts(), st.sampled_from(["\n", "\r\n"]), st.booleans(), st.booleans())
def test_diff_applied_with_patch_equals_fix(
    tmp_path_factory: pytest.TempPathFactory, text: str, newline: str, bom: bool, unsafe: bool
) -> None:
    folder = tmp_path_factory.mktemp("diff")
    data = (codecs.BOM_UTF8 if bom else b"") + text.replace("\n", newline).encode("utf-8")
    for name in ("patched", "fixed"):
        (folder / name).mkdir()
        (folder / name / "post.md").write_bytes(data)
    run_settings = Settings(Overrides(select=FIXABLE), use_cache=False)
    cwd = os.getcwd()
    os.chdir(folder / "patched")
    try:
        diff = fixing_run.fix_file(run_settings, fixing_run.Mode(unsafe, diff=True), DraftFile.at("post.md"))
    finally:
        os.chdir(cwd)
    fixing_run.fix_file(
        run_settings, fixing_run.Mode(unsafe), DraftFile.at(str(folder / "fixed" / "post.md"))
    )
    assert (folder / "patched" / "post.md").read_bytes() == data  # --diff changes nothing
    if diff.output:
        subprocess.run(["patch", "-p1", "--quiet"], input=diff.output, cwd=folder / "patched", check=True)
    assert (folder / "patched" / "post.md").read_bytes() == (folder / "fixed" / "post.md").read_bytes()


def test_the_byte_check_can_fail() -> None:
    text = "H2: Marker\r\nrest\r\n"
    edits = [Edit(0, 4, "## ")]
    assert_only_edits_changed(text, splice(text, edits), edits)
    with pytest.raises(AssertionError):  # a line ending changed outside the edit
        assert_only_edits_changed(text, splice(text, edits).replace("\r\n", "\n", 1), edits)


@needs_patch
def test_cli_diff_through_patch_equals_cli_fix(tmp_path: Path) -> None:
    """The command line end to end: a CRLF draft with a BOM and no final line break."""
    text = "H1: Title\n\nclose\nclose\n\nSee [it](http://go.dev/x).\n\nInternal Links:\n\n- [Link to x]"
    data = codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8")
    for name in ("patched", "fixed"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "post.txt").write_bytes(data)
    seolint = [sys.executable, "-m", "seolint", "check", "--unsafe-fixes", "post.txt"]
    diff = subprocess.run([*seolint, "--diff"], cwd=tmp_path / "patched", capture_output=True, check=False)
    assert diff.returncode == 1 and diff.stdout.startswith(b"--- a/post.txt\n+++ b/post.txt\n")
    subprocess.run(["patch", "-p1", "--quiet"], input=diff.stdout, cwd=tmp_path / "patched", check=True)
    subprocess.run([*seolint, "--fix"], cwd=tmp_path / "fixed", capture_output=True, check=False)
    fixed = (tmp_path / "fixed" / "post.txt").read_bytes()
    # S004 drops the repeat and S010 the pasted `close` control; .txt reads Markdown links.
    expected = b"# Title\r\n\r\n\r\nSee [it](https://go.dev/x)."
    assert fixed == codecs.BOM_UTF8 + expected
    assert (tmp_path / "patched" / "post.txt").read_bytes() == fixed
