"""Every bad input gets one clear line on stderr naming the file, the other files are
still linted, and the run exits 2 — never a traceback, a hang or a crash."""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

import pytest

from seolint.config.files import Config
from seolint.document.model import Document
from seolint.findings.records import Problem, Severity
from seolint.registry.rule import Rule, RuleSet, rule
from tests.conftest import CliResult, run_cli

GOOD = "# Title\n\n#### Skipped level\n"


@dataclass
class CallCounter:
    """Counts Python and C function calls made under `count()`, and stops the work once the
    count passes `budget`, so runaway work (an alias bomb being expanded) ends in a failed
    assertion rather than a hung test. A cost ceiling, not a growth measure (tests/growth.py)."""

    budget: int = 0
    calls: int = 0

    @property
    def exceeded(self) -> bool:
        return bool(self.budget) and self.calls > self.budget

    def _event(self, frame: FrameType, event: str, arg: object) -> None:
        if event in ("call", "c_call"):
            self.calls += 1
            if self.exceeded:
                sys.setprofile(None)
                raise RuntimeError(f"call budget of {self.budget:,} exceeded")

    def count(self, call: Callable[[], object]) -> int:
        sys.setprofile(self._event)
        try:
            call()
        finally:
            sys.setprofile(None)
        return self.calls


def lint_with_good(tmp_path: Path, *args: str) -> CliResult:
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    return run_cli(["check", *args, "good.md", "--format", "json", "--select", "H003"])


def assert_reported(result: CliResult, name: str, message: str) -> None:
    assert result.exit_code == 2, result.stdout
    lines = result.stderr.strip().splitlines()
    assert lines == [f"{name}: error: {message}"] or any(
        line.startswith(f"{name}: error: ") and message in line for line in lines
    ), result.stderr
    assert "Traceback" not in result.stderr
    data = json.loads(result.stdout)
    assert [(f["path"], f["code"]) for f in data["findings"]] == [("good.md", "H003")]
    assert name in [e["path"] for e in data["errors"]]


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


BAD_FILES: dict[str, tuple[bytes, str]] = {
    "image.md": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (contains NUL bytes)"),
    "invalid.md": (b"# Caf\xc3(\n", "not valid UTF-8: byte 0xc3 at offset 5"),
    "latin1.md": ("# Café\n".encode("latin-1"), "not valid UTF-8: byte 0xe9 at offset 5"),
    "not-mapping.md": (b"---\n- a\n- b\n---\n# T\n", "front matter is a list, not a mapping"),
    "bad-yaml.md": (b"---\ntitle: [unclosed\n---\n# T\n", "invalid YAML front matter at line 3"),
    "bad-toml.md": (b'+++\ntitle = "x\n+++\n# T\n', "invalid TOML front matter"),
    "python-tag.md": (
        b"---\nx: !!python/object/apply:os.system ['touch pwned']\n---\n# T\n",
        "could not determine a constructor for the tag",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_is_one_error_line_and_the_rest_is_linted(tmp_path: Path, name: str) -> None:
    content, message = BAD_FILES[name]
    (tmp_path / name).write_bytes(content)
    assert_reported(lint_with_good(tmp_path, name), name, message)
    assert not (tmp_path / "pwned").exists()


def _front_matter_of_aliases(levels: int, fan_out: int) -> str:
    """YAML whose last key expands to fan_out ** levels items if its aliases are followed."""
    lines = ["a: &a [" + ", ".join(["x"] * fan_out) + "]"]
    for index in range(1, levels):
        previous, name = chr(ord("a") + index - 1), chr(ord("a") + index)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * fan_out) + "]")
    return "---\n" + "\n".join(lines) + "\n---\n# T\n"


def test_yaml_alias_bomb_is_refused_without_expanding_it(tmp_path: Path) -> None:
    """Refusing the bomb costs about what reading a harmless file of its size costs (counted in
    function calls, not seconds); expanding it would blow through the call budget instead."""
    (tmp_path / "bomb.md").write_text(_front_matter_of_aliases(12, 10), encoding="utf-8")
    (tmp_path / "plain.md").write_text(_front_matter_of_aliases(12, 10).replace("*", ""), encoding="utf-8")
    lint_with_good(tmp_path, "plain.md")  # imports and caches are not part of the count
    plain = CallCounter().count(lambda: lint_with_good(tmp_path, "plain.md"))
    bomb = CallCounter(budget=3 * plain)
    result: list[CliResult] = []
    bomb.count(lambda: result.append(lint_with_good(tmp_path, "bomb.md")))
    assert not bomb.exceeded, f"{bomb.calls:,} calls against {plain:,} for a harmless file"
    assert_reported(result[0], "bomb.md", "aliases (refused as a possible alias bomb)")


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    (tmp_path / "wide.md").write_bytes("# Wide\n\n#### Jump\n".encode("utf-16"))
    result = run_cli(["check", "wide.md", "--format", "json", "--select", "H003"])
    assert [(f["line"], f["code"]) for f in json.loads(result.stdout)["findings"]] == [(3, "H003")]


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    (tmp_path / "bom.md").write_bytes(b"\xef\xbb\xbf---\ntitle: T\n---\n\n### Jump\n")
    result = run_cli(["check", "bom.md", "--format", "json", "--select", "H003"])
    assert [(f["line"], f["code"]) for f in json.loads(result.stdout)["findings"]] == [(5, "H003")]


def test_encoding_option_decodes_latin1(tmp_path: Path) -> None:
    (tmp_path / "latin1.md").write_bytes("# Café\n\n#### Saut\n".encode("latin-1"))
    result = run_cli(["check", "latin1.md", "--encoding", "latin-1", "--format", "json", "--select", "H003"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["findings"][0]["line"] == 3
    assert run_cli(["check", "latin1.md", "--encoding", "klingon"]).exit_code == 2


@pytest.mark.parametrize("text", ["", "   \n\t\n  ", "\n\n\n"])
def test_empty_and_whitespace_only_files_are_linted(tmp_path: Path, text: str) -> None:
    (tmp_path / "empty.md").write_text(text, encoding="utf-8")
    result = run_cli(["check", "empty.md", "--format", "json"])
    data = json.loads(result.stdout)
    assert data["errors"] == []
    assert {"H001", "M001"} <= {f["code"] for f in data["findings"]}
    assert {f["line"] for f in data["findings"]} == {1}


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_crlf_and_lone_cr_line_numbers(tmp_path: Path, ending: str) -> None:
    (tmp_path / "endings.txt").write_bytes(
        ending.join(["intro", "", "H2: Marker", "", "H4: Deep", ""]).encode()
    )
    result = run_cli(["check", "endings.txt", "--format", "json", "--select", "H003,H006"])
    found = [(f["line"], f["code"]) for f in json.loads(result.stdout)["findings"]]
    assert found == [(3, "H006"), (5, "H003"), (5, "H006")]


def test_file_over_max_size_is_refused(tmp_path: Path) -> None:
    (tmp_path / "huge.md").write_bytes(b"# T\n" + b"word " * 300_000)
    result = lint_with_good(tmp_path, "huge.md", "--max-file-size", "1MB")
    assert_reported(result, "huge.md", "file too large (1.4 MB; max-file-size is 1.0 MB)")


def test_nonexistent_path_and_directory_without_drafts(tmp_path: Path) -> None:
    (tmp_path / "empty-dir").mkdir()
    (tmp_path / "empty-dir" / "notes.rst").write_text("x", encoding="utf-8")
    result = lint_with_good(tmp_path, "missing.md", "empty-dir")
    assert result.exit_code == 2
    assert "missing.md: error: no such file or directory" in result.stderr
    assert "empty-dir: error: no drafts found" in result.stderr


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "secret.md").write_text("# T\n", encoding="utf-8")
    real_open = open

    def guarded_open(file: object, *args: object, **kwargs: object) -> object:
        if str(file).endswith("secret.md"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", guarded_open)
    assert_reported(lint_with_good(tmp_path, "secret.md"), "secret.md", "cannot read: permission denied")


def test_symlink_loop(tmp_path: Path) -> None:
    os.symlink("loop-b.md", tmp_path / "loop-a.md")
    os.symlink("loop-a.md", tmp_path / "loop-b.md")
    result = lint_with_good(tmp_path, "loop-a.md")
    assert_reported(result, "loop-a.md", "too many levels of symbolic links")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_is_skipped_not_read_forever(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening a FIFO with no writer blocks forever, so the test fails if seolint opens it at all."""
    os.mkfifo(tmp_path / "pipe.md")
    real_open = io.open

    def never_the_fifo(file: object, *args: object, **kwargs: object) -> object:
        assert not str(file).endswith("pipe.md"), "seolint opened the FIFO"
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", never_the_fifo)
    monkeypatch.setattr(io, "open", never_the_fifo)
    assert_reported(lint_with_good(tmp_path, "pipe.md"), "pipe.md", "not a regular file (a FIFO)")


DEEP_INPUTS: dict[str, Callable[[], str]] = {
    "divs.html": lambda: "<div>" * 100_000 + "text" + "</div>" * 100_000,
    "paragraphs.html": lambda: "<p>" * 20_000 + "text",
    "links.html": lambda: '<a href="/x">' * 20_000 + "text",
    "unclosed.html": lambda: "<html><body><p>open <b>bold <i>it</p></p></div><h2>x</span>",
    "quotes.md": lambda: "> " * 10_000 + "deep\n",
    "lists.md": lambda: "- " * 10_000 + "deep\n",
    "one-line.md": lambda: "# T\n\n" + "word " * 200_000 + "\n",
}
NESTED_PAST_THE_BOUND = {"quotes.md", "lists.md"}  # one error line each (issue 24)


@pytest.mark.parametrize("name", sorted(DEEP_INPUTS))
def test_pathological_structure_does_not_crash(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(DEEP_INPUTS[name](), encoding="utf-8")
    result = run_cli(["check", name, "--format", "json"])
    errors = json.loads(result.stdout)["errors"]
    if name in NESTED_PAST_THE_BOUND:
        assert result.exit_code == 2 and [e["path"] for e in errors] == [name], result.stderr
        assert "nest more than 100 levels deep" in errors[0]["message"]
    else:
        assert result.exit_code in (0, 1), result.stderr
        assert errors == []


@rule("T999", "always-crashes", Severity.ERROR)
def always_crashes(doc: Document, opts: object) -> list[Problem]:
    """A rule that raises, to prove one broken rule cannot take the run down."""
    raise RuntimeError("boom")


def test_crashing_rule_is_isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from seolint.config import plan
    from seolint.lint import settings

    real = plan.rules_for

    def with_crasher(config: Config) -> RuleSet:
        rules: list[Rule] = [*real(config).rules, always_crashes]
        return RuleSet(rules)

    monkeypatch.setattr(settings, "rules_for", with_crasher)
    (tmp_path / "other.md").write_text(GOOD, encoding="utf-8")
    result = lint_with_good(tmp_path, "other.md", "--select", "H003,T999")
    assert result.exit_code == 2
    assert (
        "other.md: error: internal error in rule T999 (always-crashes): RuntimeError: boom" in result.stderr
    )
    assert "Traceback" not in result.stderr
    data = json.loads(result.stdout)
    assert [(f["path"], f["code"]) for f in data["findings"]] == [("other.md", "H003"), ("good.md", "H003")]
    debug = lint_with_good(tmp_path, "other.md", "--select", "H003,T999", "--debug")
    assert "Traceback" in debug.stderr and "RuntimeError: boom" in debug.stderr
