"""The command-line conventions users expect: -h, init, --show-settings, "did you mean",
checked values, extension-map, sniffed stdin, --statistics in every format, JUnit that
agrees with the exit code, help that fits 80 columns, and progress only for people."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from seolint.cli.arguments import command_parser
from seolint.cli.main import NAMES, command
from seolint.cli.progress import DelayedProgress, wanted
from seolint.config.files import load, tomllib
from seolint.discover.source import sniff
from seolint.lint import runner
from seolint.lint.parallel import map_ordered
from seolint.lint.settings import Overrides, Settings
from tests.conftest import CliResult, run_cli

BAD = "# Title\n\n#### Skipped\n"


def run(*args: str, input: str | None = None) -> CliResult:
    return run_cli(list(args), input=input)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.md").write_text(BAD, encoding="utf-8")
    return tmp_path


def config(project: Path, text: str) -> None:
    (project / ".seolint.toml").write_text(text, encoding="utf-8")


def error_line(result: CliResult) -> str:
    assert result.exit_code == 2, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.parametrize("args", [["-h"], ["check", "-h"], ["explain", "-h"]])
def test_short_help(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 0 and "Usage:" in result.stdout and "-h, --help" in result.stdout


# init


def test_init_writes_a_commented_config_that_loads(project: Path) -> None:
    result = run("init")
    assert result.exit_code == 0, result.stderr
    written = project / ".seolint.toml"
    text = written.read_text(encoding="utf-8")
    assert sum(line.lstrip().startswith("#") for line in text.splitlines()) > 10
    assert load(written).fail_on.label == "error"
    assert run("check", "bad.md").exit_code == 1  # a config seolint accepts


def test_init_inside_a_site_writes_a_config_for_it_at_its_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from tests.conftest import FIXTURES

    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "sites" / "hugo", site)
    monkeypatch.chdir(site / "content" / "posts")
    result = run("init")
    assert result.exit_code == 0, result.stderr
    written = site / ".seolint.toml"
    assert str(written) in result.stdout and not (site / "content" / "posts" / ".seolint.toml").exists()
    config = load(written)
    assert config.generator == "hugo" and config.site_checks
    text = written.read_text(encoding="utf-8")
    assert "#   content/" in text.splitlines()  # the content it lints
    assert '# site-domains = ["example.org"]' in text  # the domain from baseURL
    assert "# [rules.W001]" in text and "# [rules.W008]" in text
    assert run("check", "--no-cache", "first-steps.md").exit_code in (0, 1)  # a config seolint accepts


def test_init_refuses_to_overwrite(project: Path) -> None:
    config(project, 'fail-on = "warning"\n')
    assert "already exists" in error_line(run("init"))
    assert (project / ".seolint.toml").read_text(encoding="utf-8") == 'fail-on = "warning"\n'


# --show-settings


def test_show_settings_names_the_config_selection_and_options(project: Path) -> None:
    config(project, 'ignore = ["M"]\n[severity]\nH003 = "warning"\n[rules.H007]\nmax-words = 120\n')
    result = run("check", "--show-settings", "bad.md")
    assert result.exit_code == 0, result.stderr
    assert str(project / ".seolint.toml") in result.stdout
    settings = tomllib.loads(result.stdout)  # TOML a config could hold
    assert settings["ignore"] == ["M"] and settings["fail-on"] == "error"
    assert settings["rules"]["H003"]["severity"] == "warning"
    assert settings["rules"]["H007"]["max-words"] == 120
    assert not any(code.startswith("M") for code in settings["rules"])


def test_show_settings_applies_per_file_ignores(project: Path) -> None:
    config(project, '[per-file-ignores]\n"notes/*" = ["H"]\n')
    (project / "notes").mkdir()
    (project / "notes" / "n.md").write_text(BAD, encoding="utf-8")
    rules = tomllib.loads(run("check", "--show-settings", "notes/n.md").stdout)["rules"]
    assert rules and not any(code.startswith("H") for code in rules)
    assert "H003" in tomllib.loads(run("check", "--show-settings", "bad.md").stdout)["rules"]


# did you mean


@pytest.mark.parametrize(
    ("text", "wanted_hint"),
    [
        ('fail_on = "warning"\n', "did you mean 'fail-on'?"),
        ('site-domain = ["example.com"]\n', "did you mean 'site-domains'?"),
        ('select = ["heading-skp"]\n', "did you mean 'heading-skip'?"),
        ('ignore = ["H999"]\n', "the H rules are H001"),
        ('[severity]\nheading-skp = "info"\n', "did you mean 'heading-skip'?"),
        ("[rules.heading-skp]\nallow-first-h3 = true\n", "did you mean 'heading-skip'?"),
        ('[per-file-ignores]\n"*.md" = ["heading_skip"]\n', "did you mean 'heading-skip'?"),
    ],
)
def test_config_mistakes_get_a_suggestion(project: Path, text: str, wanted_hint: str) -> None:
    config(project, text)
    assert wanted_hint in error_line(run("check", "bad.md"))


def test_pasted_tool_table_explains_the_two_file_styles(project: Path) -> None:
    config(project, '[tool.seolint]\nselect = ["H"]\n')
    line = error_line(run("check", "bad.md"))
    assert "tool" in line and "pyproject.toml" in line and "without the `tool.seolint.` prefix" in line


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_command_line_codes_get_a_suggestion(project: Path, option: str) -> None:
    assert "did you mean 'heading-skip'?" in error_line(run("check", option, "heading-skp", "bad.md"))


def test_explain_suggests_a_rule() -> None:
    assert "did you mean 'heading-skip'?" in error_line(run("explain", "heading-skp"))


@pytest.mark.parametrize(("key", "meant"), [("W01", "W001"), ("h1", "H001"), ("W0002", "W002")])
def test_a_code_with_the_wrong_number_of_digits_gets_its_padded_form(key: str, meant: str) -> None:
    assert f"did you mean {meant!r}?" in error_line(run("explain", key))


def test_a_code_beyond_its_family_lists_the_family() -> None:
    assert "the W rules are W001, W002" in error_line(run("explain", "W99"))


def test_suppression_with_a_misspelt_rule_suggests_one(project: Path) -> None:
    (project / "bad.md").write_text(BAD + "<!-- seolint-disable-next-line heading-skp -->\nText\n")
    result = run("check", "--format", "json", "--select", "X001", "bad.md")
    (message,) = [f["message"] for f in json.loads(result.stdout)["findings"]]
    assert "did you mean 'heading-skip'?" in message


def test_a_far_off_word_gets_no_suggestion(project: Path) -> None:
    config(project, "zzzzzz = 1\n")
    assert "did you mean" not in error_line(run("check", "bad.md"))


# values


def test_min_above_max_names_both_options(project: Path) -> None:
    config(project, "[rules.M002]\nmin = 50\nmax = 20\n")
    line = error_line(run("check", "bad.md"))
    assert "M002" in line and "min (50)" in line and "max (20)" in line


def test_a_default_that_conflicts_is_named_as_the_default(project: Path) -> None:
    config(project, "[rules.M002]\nmax = 20\n")
    assert "min (30, the default) must not be greater than max (20)" in error_line(run("check", "bad.md"))


def test_min_equal_to_max_is_fine(project: Path) -> None:
    config(project, "[rules.M002]\nmin = 40\nmax = 40\n")
    assert run("check", "bad.md").exit_code == 1


def test_invalid_content_selector_is_one_error_at_load(project: Path) -> None:
    config(project, 'content-selector = "div[[["\n')
    for name in ("a.html", "b.html"):
        (project / name).write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    line = error_line(run("check", "a.html", "b.html"))
    assert "content-selector" in line and "div[[[" in line and "a.html" not in line


# extension-map


def test_extension_map_adds_formats_for_discovery_and_named_files(project: Path) -> None:
    config(project, 'extension-map = {".qmd" = "markdown", ".XHTML" = "html"}\n')
    (project / "docs").mkdir()
    (project / "docs" / "a.qmd").write_text(BAD, encoding="utf-8")
    (project / "docs" / "b.xhtml").write_text("<html><body><h1>x</h1></body></html>", encoding="utf-8")
    data = json.loads(run("check", "--format", "json", "docs").stdout)
    assert {(Path(f["path"]).name, f["format"]) for f in data["files"]} == {
        ("a.qmd", "markdown"),
        ("b.xhtml", "html"),
    }
    named = json.loads(run("check", "--format", "json", "docs/a.qmd").stdout)
    assert [f["code"] for f in named["findings"]].count("H003") == 1


def test_without_extension_map_qmd_is_not_a_draft(project: Path) -> None:
    (project / "a.qmd").write_text(BAD, encoding="utf-8")
    assert "unsupported file type" in error_line(run("check", "a.qmd"))


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('extension-map = {".mdx" = "mdx"}\n', "must be one of markdown, html, text"),
        ('extension-map = {"mdx" = "markdown"}\n', "must be a file extension"),
        ('extension-map = ".mdx"\n', "must be a table"),
    ],
)
def test_extension_map_values_are_checked(project: Path, text: str, problem: str) -> None:
    config(project, text)
    line = error_line(run("check", "bad.md"))
    assert "extension-map" in line and problem in line


# stdin


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("<!DOCTYPE html><html><body><h1>x</h1></body></html>", "html"),
        ("\ufeff \n  <html lang=en><body><h1>x</h1></body></html>", "html"),
        ("# Title\n\n<html> in prose\n", "markdown"),
        ("plain words", "markdown"),
    ],
)
def test_stdin_format_is_sniffed(project: Path, text: str, fmt: str) -> None:
    assert sniff(text) == fmt
    data = json.loads(run("check", "--format", "json", "-", input=text).stdout)
    assert data["files"][0]["format"] == fmt


def test_stdin_filename_still_decides(project: Path) -> None:
    page = "<html><body><h1>x</h1></body></html>"
    data = json.loads(run("check", "--format", "json", "-", "--stdin-filename", "x.txt", input=page).stdout)
    assert data["files"][0]["format"] == "text"


# --statistics, JUnit


def test_statistics_in_json_is_json(project: Path) -> None:
    data = json.loads(run("check", "--statistics", "--format", "json", "bad.md").stdout)
    rows = {row["code"]: row["count"] for row in data["statistics"]}
    assert rows["H003"] == 1 and data["total"] == sum(rows.values()) and data["files"] == 1


@pytest.mark.parametrize("fmt", ["rich", "text", "sarif", "github", "junit"])
def test_statistics_in_other_formats_is_the_table(project: Path, fmt: str) -> None:
    out = run("check", "--statistics", "--format", fmt, "bad.md").stdout
    assert re.search(r"^\s+1\s+1 \[~\]\s+H003\s+heading-skip\s+\[error\]$", out, re.MULTILINE)
    assert re.search(r"total in 1 files$", out, re.MULTILINE)


def junit(*args: str) -> dict[str, ET.Element]:
    out = run("check", "--format", "junit-rules", "--select", "H003,L002", *args, "bad.md").stdout
    root = ET.fromstring(out)
    return {case.get("name", ""): case for case in root.iter("testcase")}


def test_junit_fails_only_at_or_above_the_fail_level(project: Path) -> None:
    cases = junit()  # H003 is an error, L002 a warning; fail-on is error
    assert cases["H003 heading-skip"].find("failure") is not None
    below = cases["L002 no-internal-link"]
    assert below.find("failure") is None
    out = below.find("system-out")
    assert out is not None and out.text and "L002 [warning]" in out.text


def test_junit_follows_fail_on(project: Path) -> None:
    assert junit("--fail-on", "warning")["L002 no-internal-link"].find("failure") is not None


def test_junit_per_file_fails_only_at_or_above_the_fail_level(project: Path) -> None:
    def case(*args: str) -> ET.Element:
        out = run("check", "--format", "junit", "--select", "L002", *args, "bad.md").stdout
        (found,) = ET.fromstring(out).iter("testcase")
        return found

    below = case()  # L002 is a warning; fail-on is error
    assert below.find("failure") is None and "L002 [warning]" in (below.findtext("system-out") or "")
    assert case("--fail-on", "warning").find("failure") is not None


# help


def test_help_fits_80_columns_without_cut_names_or_stray_dots(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    assert NAMES == ("check", "rules", "explain", "init", "server")
    for name in (None, *NAMES):
        args = [name, "--help"] if name else ["--help"]
        result = run(*args)
        assert result.exit_code == 0
        lines = result.stdout.splitlines()
        assert max(len(line) for line in lines) <= 80, name
        assert not re.search(r"\s\.(\s|$)", result.stdout), name  # a stray " ." after removed markup
        cut = re.findall(r"\w\.\.\.|…", re.sub(r"(ARGS\]|PATH\]?)\.\.\.", "", result.stdout))
        assert not cut, name  # a summary shortened with "..." to fit
        if name:
            assert " ".join(command(name).summary.split()) in " ".join(result.stdout.split())
            for action in command_parser(command(name))._actions:
                for option in action.option_strings:
                    assert re.search(rf"(^|[\s,/]){re.escape(option)}([\s,=]|$)", result.stdout), option


# progress


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_for_the_rich_report_on_a_terminal() -> None:
    assert wanted("rich", FakeTerminal(), disabled=False)
    assert not wanted("rich", FakeTerminal(), disabled=True)  # --no-progress
    assert not wanted("rich", io.StringIO(), disabled=False)  # piped
    for machine in ("json", "sarif", "github", "junit", "text"):
        assert not wanted(machine, FakeTerminal(), disabled=False)


def test_progress_bar_appears_only_after_the_delay() -> None:
    now = [0.0]
    stream = FakeTerminal()
    with DelayedProgress(stream, delay=1.0, clock=lambda: now[0]) as progress:
        progress(1, 10)
        assert not progress.shown and stream.getvalue() == ""
        now[0] = 1.5
        progress(2, 10)
        assert progress.shown
    assert "10" in stream.getvalue()


def test_cli_shows_no_progress_when_stderr_is_not_a_terminal(project: Path) -> None:
    result = run("check", "bad.md")
    assert "linting" not in result.stderr and "━" not in result.stderr


@pytest.mark.parametrize("jobs", [1, 2])
def test_map_ordered_reports_each_result_in_order(jobs: int) -> None:
    done: list[int] = []
    items = list(range(30))
    assert map_ordered(abs, items, jobs, lambda: done.append(len(done))) == items
    assert done == items


def test_runner_reports_done_and_total(project: Path) -> None:
    for n in range(3):
        (project / f"p{n}.md").write_text(BAD, encoding="utf-8")
    calls: list[tuple[int, int]] = []
    runner.run(["."], Settings(Overrides(), use_cache=False), 1, None, lambda d, t: calls.append((d, t)))
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_rules_table_fits_80_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    lines = run("rules").stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert any(line.split()[:2] == ["H003", "heading-skip"] for line in lines if line.strip())


# a reader that stops reading


def test_a_closed_pipe_ends_the_run_quietly(tmp_path: Path) -> None:
    """`seolint check | head -1`: no "Broken pipe" error, and 141 as other tools end."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    for number in range(400):  # far more report than a pipe's buffer holds
        (tmp_path / f"post-{number}.md").write_text("# Post\n\nSee [Link to article about X](#). TODO\n")
    command = [sys.executable, "-c", "from seolint.cli.launch import main; main()", "check", "--no-cache"]
    process = subprocess.Popen(
        [*command, "--format", "text", "-j", "1", "."],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline().startswith(b"post-0.md:")
    process.stdout.close()
    assert process.wait(timeout=120) == 141
    assert process.stderr.read() == b""
