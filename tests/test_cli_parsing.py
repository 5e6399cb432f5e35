"""How the command line is read (argparse): misspellings get a suggestion, options and paths
mix freely, `--` ends the options, values are checked, and every usage error is one line."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from seolint import __version__
from seolint.cli.main import commands
from tests.conftest import CliResult, run_cli

BAD = "# Title\n\n#### Skipped\n\n![](x.png)\n"  # H003 and I001


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "-dash.md").write_text(BAD, encoding="utf-8")
    return tmp_path


def usage_error(*args: str) -> str:
    """The one stderr line of a usage error (exit 2, nothing on stdout)."""
    result = run_cli(args)
    assert result.exit_code == 2, result.stdout
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("seolint: error: "), result.stderr
    return lines[0].removeprefix("seolint: error: ")


def codes(result: CliResult) -> list[tuple[str, str]]:
    return sorted((f["path"], f["code"]) for f in json.loads(result.stdout)["findings"])


# did you mean


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["check", "--selec", "H003"], "unknown option '--selec'; did you mean '--select'?"),
        (["check", "--no_cache"], "did you mean '--no-cache'?"),
        (["check", "--no-colour"], "did you mean '--no-color'?"),
        (["check", "--sel=H003"], "unknown option '--sel=H003'; did you mean '--select'?"),
        (["rules", "--formt", "json"], "did you mean '--format'?"),
        (["chek", "x.md"], "unknown command 'chek'; did you mean 'check'?"),
        (["explian", "H003"], "did you mean 'explain'?"),
        (["--verison"], "unknown option '--verison'; did you mean '--version'?"),
        (["check", "--format", "jsn"], "did you mean 'json'?"),
        (["check", "--fail-on", "warn"], "did you mean 'warning'?"),
    ],
)
def test_a_misspelt_option_command_or_value_gets_a_suggestion(args: list[str], hint: str) -> None:
    assert hint in usage_error(*args)


@pytest.mark.parametrize(
    ("args", "pointer"),
    [
        (["check", "--zzzzzz"], "unknown option '--zzzzzz' (`seolint check -h` lists them)"),
        (["zzzzzz"], "unknown command 'zzzzzz' (`seolint -h` lists them)"),
        (["--zzzzzz"], "unknown option '--zzzzzz' (`seolint -h` lists them)"),
    ],
)
def test_a_far_off_option_or_command_points_to_the_help(args: list[str], pointer: str) -> None:
    assert usage_error(*args) == pointer


def test_options_are_never_abbreviated(drafts: Path) -> None:
    """`--sel` would stop working the day an option `--self` is added; seolint never took it."""
    assert "did you mean '--select'?" in usage_error("check", "--sel", "H003", "bad.md")


def test_an_option_of_another_command_is_unknown_here() -> None:
    assert usage_error("rules", "--select", "H003").startswith("unknown option '--select'")


# values


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--format", "xml"], "--format: 'xml' is not one of rich, text, concise, json, sarif"),
        (["check", "--fail-on", "fatal"], "--fail-on: 'fatal' is not one of error, warning, info"),
        (["rules", "--format", "html"], "--format: 'html' is not one of rich, markdown, json"),
        (["check", "--jobs", "0"], "-j/--jobs: must be a whole number of at least 1, not '0'"),
        (["check", "-j", "two"], "-j/--jobs: must be a whole number of at least 1, not 'two'"),
        (["check", "--jobs"], "-j/--jobs: expected one argument"),
        (["check", "--exit-zero=yes"], "--exit-zero: ignored explicit argument 'yes'"),
    ],
)
def test_a_bad_value_names_the_option_and_what_it_takes(args: list[str], message: str) -> None:
    assert usage_error(*args).startswith(message)


def test_choices_and_numbers_are_accepted_in_every_spelling(drafts: Path) -> None:
    for args in (
        ["--format=json", "-j1"],
        ["--format", "json", "--jobs=1"],
        ["-qj", "1", "--format", "json"],
    ):
        result = run_cli(["check", "--select", "H003", *args, "bad.md"])
        assert codes(result) == [("bad.md", "H003")], args


# operands


def test_options_and_paths_mix_in_any_order(drafts: Path) -> None:
    (drafts / "again.md").write_text(BAD, encoding="utf-8")
    result = run_cli(["check", "bad.md", "--format", "json", "again.md", "--select", "H003"])
    assert codes(result) == [("again.md", "H003"), ("bad.md", "H003")]


@pytest.mark.parametrize(
    "args",
    [
        ["--", "-dash.md"],
        ["--format", "json", "--", "-dash.md"],
        ["--", "-dash.md", "bad.md"],
        ["bad.md", "--", "-dash.md"],
    ],
)
def test_double_dash_ends_the_options(drafts: Path, args: list[str]) -> None:
    result = run_cli(["check", "--format", "json", "--select", "H003", *args])
    assert ("-dash.md", "H003") in codes(result), result.stderr


def test_after_double_dash_an_option_is_a_path(drafts: Path) -> None:
    result = run_cli(["check", "--format", "json", "--", "--select"])
    assert result.exit_code == 2 and "--select: error: no such file or directory" in result.stderr


def test_a_dash_is_standard_input_wherever_it_stands(drafts: Path) -> None:
    for args in (["-", "--format", "json"], ["--format", "json", "-"], ["--format", "json", "--", "-"]):
        result = run_cli(["check", "--select", "H003", *args], input=BAD)
        assert codes(result) == [("-", "H003")], args


def test_explain_takes_exactly_one_rule() -> None:
    assert usage_error("explain") == "missing CODE|NAME (`seolint explain -h` shows the usage)"
    assert usage_error("explain", "H003", "H001").startswith("unexpected argument 'H001'")
    assert run_cli(["explain", "--", "H003"]).exit_code == 0


@pytest.mark.parametrize("command", ["rules", "init", "server"])
def test_commands_without_operands_refuse_one(command: str) -> None:
    assert usage_error(command, "extra").startswith("unexpected argument 'extra'")


# repeated options and pairs


def test_select_and_ignore_repeat_and_split_on_commas(drafts: Path) -> None:
    both = [("bad.md", "H003"), ("bad.md", "I001")]
    assert (
        codes(run_cli(["check", "--format", "json", "--select", "H003", "--select", "I001", "bad.md"]))
        == both
    )
    assert codes(run_cli(["check", "--format", "json", "--select", "H003,I001", "bad.md"])) == both
    ignored = ["check", "--format", "json", "--select", "H,I", "--ignore", "H003", "--ignore=I001", "bad.md"]
    assert codes(run_cli(ignored)) == []


def test_a_repeated_value_option_keeps_the_last(drafts: Path) -> None:
    result = run_cli(["check", "--format", "text", "--format", "json", "--select", "H003", "bad.md"])
    assert codes(result) == [("bad.md", "H003")]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_respect_gitignore_pair_the_last_one_wins(drafts: Path) -> None:
    subprocess.run(["git", "init", "-q", str(drafts)], check=True)  # .gitignore counts in a repository
    (drafts / ".gitignore").write_text("bad.md\n", encoding="utf-8")

    def linted(*flags: str) -> set[str]:
        result = run_cli(["check", "--format", "json", "--select", "H003", *flags, "."])
        return {path for path, _ in codes(result)}

    assert "bad.md" not in linted()
    assert "bad.md" in linted("--no-respect-gitignore")
    assert "bad.md" not in linted("--no-respect-gitignore", "--respect-gitignore")
    assert "bad.md" in linted("--respect-gitignore", "--no-respect-gitignore")


# help and version


def test_no_arguments_is_the_help_on_stderr_as_a_usage_error() -> None:
    result = run_cli([])
    assert result.exit_code == 2 and result.stdout == ""
    assert "Usage: seolint [OPTIONS] COMMAND" in result.stderr


def test_top_level_help_lists_every_command_with_its_summary() -> None:
    result = run_cli(["--help"])
    shown = " ".join(result.stdout.split())
    for command in commands():
        assert f"{command.name} {' '.join(command.summary.split())}" in shown


def test_help_wins_over_other_arguments(drafts: Path) -> None:
    result = run_cli(["check", "bad.md", "--format", "json", "-h"])
    assert result.exit_code == 0 and result.stdout.startswith("Usage: seolint check [OPTIONS] [PATH]...")


def test_version_is_on_stdout() -> None:
    assert run_cli(["--version"]) == CliResult(0, f"seolint {__version__}\n", "")
