"""The command line as users and CI see it: exit codes, formats, selection, config."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from seolint import __version__
from tests.conftest import FIXTURES, ROOT, CliResult, run_cli

BAD = "# Title\n\n#### Skipped\n\n![](x.png)\n"
CLEAN = "# Title\n\n## Section\n\nText with an ![A bar chart of latency](x.png).\n"


def run(*args: str, input: str | None = None) -> CliResult:
    return run_cli(list(args), input=input)


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # no stray config from the repository
    (tmp_path / "bad.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def json_findings(result: CliResult) -> list[tuple[str, int, str]]:
    data = json.loads(result.stdout)
    return [(Path(f["path"]).name, f["line"], f["code"]) for f in data["findings"]]


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.stdout


def test_findings_exit_1_and_clean_exit_0(drafts: Path) -> None:
    assert run("check", "bad.md", "--select", "H003,I001").exit_code == 1
    assert run("check", "clean.md", "--select", "H003,I001").exit_code == 0


def test_exit_zero(drafts: Path) -> None:
    assert run("check", "bad.md", "--exit-zero").exit_code == 0


def test_fail_on_controls_which_severities_fail(drafts: Path) -> None:
    (drafts / ".seolint.toml").write_text('[severity]\nheading-skip = "warning"\n', encoding="utf-8")
    assert run("check", "bad.md", "--select", "H003").exit_code == 0
    assert run("check", "bad.md", "--select", "H003", "--fail-on", "warning").exit_code == 1


def test_json_output_is_only_json_with_exact_positions(drafts: Path) -> None:
    result = run("check", "bad.md", "clean.md", "--format", "json", "--select", "H,I")
    data = json.loads(result.stdout)
    assert data["version"] == 2 and data["tool"]["name"] == "seolint"
    assert [f["path"] for f in data["files"]] == ["bad.md", "clean.md"]
    assert json_findings(result) == [("bad.md", 3, "H003"), ("bad.md", 5, "I001")]
    assert data["summary"]["files"] == 2 and data["summary"]["errors"] == 2


def test_json_output_has_one_finding_per_line(drafts: Path) -> None:
    lines = run("check", "bad.md", "clean.md", "--format", "json", "--select", "H,I").stdout.splitlines()
    finding_lines = [line for line in lines if line.startswith('    {"path": "bad.md", "line"')]
    assert [json.loads(line.rstrip(","))["code"] for line in finding_lines] == ["H003", "I001"]
    assert lines[0] == "{" and lines[-1] == "}"


def test_text_format_line(drafts: Path) -> None:
    result = run("check", "bad.md", "--format", "text", "--select", "H003")
    assert result.stdout.splitlines() == [
        "bad.md:3:1: H003 [error] H1 is followed by H4; use H2 for 'Skipped'"
    ]


def test_select_by_name_prefix_and_all_and_ignore(drafts: Path) -> None:
    by_name = json_findings(run("check", "bad.md", "--format", "json", "--select", "image-missing-alt"))
    assert by_name == [("bad.md", 5, "I001")]
    by_prefix = json_findings(run("check", "bad.md", "--format", "json", "--select", "H"))
    assert {code for *_, code in by_prefix} == {"H003"}
    everything = json_findings(run("check", "bad.md", "--format", "json", "--select", "ALL", "--ignore", "I"))
    assert "I001" not in {code for *_, code in everything} and ("bad.md", 3, "H003") in everything


def test_unknown_selector_is_a_usage_error(drafts: Path) -> None:
    result = run("check", "bad.md", "--select", "nope")
    assert result.exit_code == 2 and "nope" in result.stderr


def test_directory_is_walked_recursively_and_sorted(drafts: Path) -> None:
    (drafts / "sub").mkdir()
    (drafts / "sub" / "a.txt").write_text("H2: Marker\n", encoding="utf-8")
    (drafts / "notes.rst").write_text("ignored", encoding="utf-8")
    data = json.loads(run("check", ".", "--format", "json").stdout)
    assert [Path(f["path"]).as_posix() for f in data["files"]] == ["bad.md", "clean.md", "sub/a.txt"]


def test_stdin_with_filename_decides_format(drafts: Path) -> None:
    result = run(
        "check", "-", "--stdin-filename", "draft.txt", "--format", "json", "--select", "H006", input="H2: X\n"
    )
    assert json_findings(result) == [("draft.txt", 1, "H006")]


def test_unreadable_file_is_reported_and_others_still_linted(drafts: Path) -> None:
    (drafts / "binary.md").write_bytes(b"\x89PNG\r\n\x00\x00")
    (drafts / "latin1.md").write_bytes("caf\xe9".encode("latin-1"))
    result = run("check", "binary.md", "latin1.md", "bad.md", "--format", "json")
    assert result.exit_code == 2
    assert re.search(r"^binary\.md: error: binary file", result.stderr, re.M)
    assert re.search(r"^latin1\.md: error: not valid UTF-8: byte 0xe9 at offset 3", result.stderr, re.M)
    data = json.loads(result.stdout)
    assert [e["path"] for e in data["errors"]] == ["binary.md", "latin1.md"]
    assert ("bad.md", 3, "H003") in json_findings(result)


def test_missing_path_exits_2(drafts: Path) -> None:
    result = run("check", "missing.md")
    assert result.exit_code == 2 and "missing.md: error: no such file or directory" in result.stderr


def test_rich_report_shows_findings_outline_and_summary(drafts: Path) -> None:
    result = run("check", "bad.md", "--no-color")
    out = result.stdout
    assert "bad.md" in out and "3:1" in out and "H003" in out and "#### Skipped" in out
    assert "Outline" in out and "H4 Skipped  H003" in out
    assert "\x1b[" not in out
    assert re.search(r"Checked 1 file: \d+ findings", out)


def test_quiet_hides_clean_files_and_outline(drafts: Path) -> None:
    out = run("check", "bad.md", "clean.md", "-q", "--select", "H003").stdout
    assert "clean.md" not in out and "Outline" not in out and "H003" in out


def test_rules_and_explain() -> None:
    listing = run("rules").stdout
    assert "H003" in listing and "heading-skip" in listing
    for key in ("H003", "heading-skip"):
        explained = run("explain", key)
        assert (
            explained.exit_code == 0
            and "Why:" in explained.stdout
            and "title-is-h1 = true" in explained.stdout
        )
    assert run("explain", "Z999").exit_code == 2


def test_rules_json_lists_options() -> None:
    rows = json.loads(run("rules", "--format", "json").stdout)
    by_code = {row["code"]: row for row in rows}
    assert by_code["L001"]["options"] == {"extend-targets": [], "allow-hash": False}


def test_clean_fixtures_are_clean_through_the_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = run("check", str(FIXTURES / "clean-post.md"), str(FIXTURES / "clean-post.html"))
    assert result.exit_code == 0, result.stdout


def test_every_rule_explains_itself() -> None:
    from seolint.registry.catalog import known_rules

    for r in known_rules().rules:
        explained = run("explain", r.code)
        assert explained.exit_code == 0, r.code
        assert r.name in explained.stdout
        assert "Why" in explained.stdout and "Example" in explained.stdout, r.code


@pytest.mark.parametrize("value", ["", ",", " , "])
def test_an_empty_select_is_a_usage_error(value: str) -> None:
    result = run_cli(["check", "--select", value, str(FIXTURES / "ai-draft.txt")])
    assert result.exit_code == 2
    assert "--select: names no rule" in result.stderr


def test_an_empty_select_in_config_is_a_config_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".seolint.toml").write_text("select = []\n", encoding="utf-8")
    result = run_cli(["check", str(FIXTURES / "ai-draft.txt")])
    assert result.exit_code == 2
    assert result.stderr.strip().endswith(".seolint.toml: select: names no rule, so nothing would be checked")
