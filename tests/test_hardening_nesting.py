"""Deep nesting is bounded (issue 24, item 1): a draft nested past the bound is one error line,
the other drafts are linted, a worker that dies is reported and replaced, and nothing deep
reaches the Rust parser, whose recursion has no bound of its own (a segfault, not an error).

The drafts that used to crash the process run in a subprocess, so a regression fails the
test instead of killing the test worker.
"""

from __future__ import annotations

import faulthandler
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from seolint.lint import parallel
from seolint.parse.markdown import nodes
from tests.conftest import DraftError, codes_at, doc_of, lint, lint_result, run_cli, seolint_process

GOOD = "# Title\n\n#### Skipped level\n"
HANG_GUARD = 120  # seconds; each run needs about one


def seolint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return seolint_process(*args, cwd=cwd, timeout=HANG_GUARD)


def json_run(done: subprocess.CompletedProcess[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """The files linted and the (path, message) of each error, from a JSON report."""
    data = json.loads(done.stdout)
    return [f["path"] for f in data["files"]], [(e["path"], e["message"]) for e in data["errors"]]


MARKERS = {"quote": "> ", "dash": "- ", "star": "* ", "ordered": "1. "}


def test_drafts_nested_30000_deep_are_one_error_each_and_the_run_goes_on(tmp_path: Path) -> None:
    for name, marker in MARKERS.items():
        (tmp_path / f"{name}.md").write_text(marker * 30000 + "deep\n", encoding="utf-8")
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    done = seolint("check", "--no-cache", "--format", "json", "-j", "1", ".", cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert sorted(done.stderr.strip().splitlines()) == [
        f"{name}.md: error: blocks nest more than 100 levels deep at line 1"
        " (a list and its item are two levels)"
        for name in sorted(MARKERS)
    ]
    files, errors = json_run(done)
    assert files == ["good.md"] and len(errors) == 4


DEEP_INLINE = {
    "emphasis": "*a " * 30_000 + "x" + " b*" * 30_000,  # emphasis inside emphasis
    "lists": "".join("  " * i + "- x\n" for i in range(2000)),  # indentation, not markers, nests them
}


@pytest.mark.slow  # 26 s: 30,000 nested emphases go through markdown-it-py; CI runs it
def test_deep_inline_and_indented_nesting_never_crashes(tmp_path: Path) -> None:
    for name, text in DEEP_INLINE.items():
        (tmp_path / f"{name}.md").write_text(text + "\n", encoding="utf-8")
    done = seolint(
        "check", "--no-cache", "--format", "json", "-j", "1", "--select", "H003,L001", ".", cwd=tmp_path
    )
    assert done.returncode in (0, 1, 2) and "Traceback" not in done.stderr, done.stderr
    assert "internal error" not in done.stderr
    files, errors = json_run(done)
    assert files == ["emphasis.md"] and [p for p, _ in errors] == ["lists.md"]


def test_images_nested_past_the_bound_are_read_by_markdown_it_py() -> None:
    """Images in the alt text of images nest the tree as deep as quotes do (30,000 crashed);
    markdown-it-py reads them flat past its own bound (slowly: 3,000 here)."""
    deep = "![" * 3000 + "x" + "](u)" * 3000 + "\n"
    assert nodes._may_nest_deeply(deep.encode())
    assert len(doc_of(deep).images) >= 1


def test_a_folder_with_a_deep_draft_ends_with_workers(tmp_path: Path) -> None:
    """Ten drafts at -j 2: it used to hang forever (a dead pool worker's result never came)."""
    for index in range(9):
        (tmp_path / f"p{index}.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "deep.md").write_text("> " * 30000 + "deep\n", encoding="utf-8")
    done = seolint("check", "--no-cache", "--format", "json", "-j", "2", ".", cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    files, errors = json_run(done)
    assert len(files) == 9 and [path for path, _ in errors] == ["deep.md"]


@pytest.mark.parametrize("levels", [99, 100])
def test_the_bound_is_100_levels(levels: int) -> None:
    text = "> " * levels + "x\n"  # the paragraph is one level inside the innermost quote
    if levels < 100:
        assert lint(text, select=("H003",)) == []
    else:
        with pytest.raises(DraftError, match="nest more than 100 levels deep at line 1"):
            lint_result(text)


def test_lists_nested_by_indentation_count_two_levels_each() -> None:
    fifty = "".join("  " * i + "- x\n" for i in range(50))
    assert lint(fifty, select=("H003",)) == []
    with pytest.raises(DraftError, match="at line 51"):
        lint_result(fifty + "  " * 50 + "- x\n")


def _rust_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nodes, "_may_nest_deeply", lambda encoded: False)


@pytest.mark.parametrize(
    "text",
    [
        "# Title\n\n> quote with [a link](/x) and *emphasis*\n>\n> - item\n>   1. nested\n\n"
        "| a | b |\n|---|---|\n| [c](/c) | d |\n\n    code\n\nText ![alt](i.png) <!-- note -->\n",
        "".join("  " * i + f"- item {i} with [link](/{i})\n" for i in range(40)),
        "> " * 60 + "deep quote\n\n## After\n\n" + "*em* " * 50 + "\n",
    ],
    ids=["mixed", "nested lists", "deep quote"],
)
def test_a_draft_the_python_parser_reads_gives_the_same_document(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the cheap bound, markdown-it-py reads the draft (forced here by a long line of
    dashes, a thematic break): the Document is the one markdown-it-pyrs gives."""
    text = text + "\n" + "-" * 300 + "\n"
    assert nodes._may_nest_deeply(text.encode())
    python = doc_of(text)
    _rust_only(monkeypatch)
    rust = doc_of(text)
    assert python.headings == rust.headings
    assert python.blocks == rust.blocks
    assert python.links == rust.links and python.images == rust.images
    assert python.code_blocks == rust.code_blocks and python.comments == rust.comments


def test_plain_text_drafts_read_nesting_past_20_levels() -> None:
    """markdown-it-py's commonmark preset stops at 20 levels; seolint's bound is 100 for all."""
    text = "> " * 30 + "A [link](#) deep inside.\n"
    assert codes_at(lint(text, "text", select=("L001",))) == [(1, "L001")]


def test_front_matter_nested_too_deep_is_one_line(tmp_path: Path) -> None:
    """(HTML nested 100,000 deep is linted: tests/test_bad_input.py.)"""
    yaml_deep = "---\nx: " + "[" * 100_000 + "]" * 100_000 + "\n---\n# T\n"
    toml_deep = "+++\nx = " + "[" * 100_000 + "]" * 100_000 + "\n+++\n# T\n"
    (tmp_path / "yaml.md").write_text(yaml_deep, encoding="utf-8")
    (tmp_path / "toml.md").write_text(toml_deep, encoding="utf-8")
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    result = run_cli(["check", "--no-cache", "--format", "json", str(tmp_path)])
    data = json.loads(result.stdout)
    errors = {Path(e["path"]).name: e["message"] for e in data["errors"]}
    assert errors == {
        "yaml.md": "front matter refused: nested more than 100 levels deep",
        "toml.md": "front matter refused: nested more than 100 levels deep",
    }
    assert [Path(f["path"]).name for f in data["files"]] == ["good.md"]


# --- a worker that dies ---------------------------------------------------------------------


def _dies_on_five(item: int) -> int:
    if item == 5:
        faulthandler.disable()  # pytest's, inherited: it would print the dead worker's stack
        os.kill(os.getpid(), signal.SIGSEGV)
    return item * 2


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_worker_that_dies_loses_its_item_only_and_is_replaced() -> None:
    items = list(range(3 * parallel.SERIAL_LIMIT))
    results = parallel.map_ordered(_dies_on_five, items, 2, lost=lambda item, why: f"{item}: {why}")
    assert results == [("5: signal SIGSEGV" if i == 5 else i * 2) for i in items]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_without_a_lost_result_a_dead_worker_is_an_error_not_a_hang() -> None:
    with pytest.raises(parallel.WorkerDied, match="SIGSEGV"):
        parallel.map_ordered(_dies_on_five, list(range(20)), 2)


def _raises_on_seven(item: int) -> int:
    if item == 7:
        raise ValueError("seven")
    return item


def test_an_exception_in_a_worker_is_raised_in_the_caller() -> None:
    with pytest.raises(ValueError, match="seven"):
        parallel.map_ordered(_raises_on_seven, list(range(20)), 2)
