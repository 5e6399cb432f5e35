"""Config discovery, validation and merging; every error names the file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from seolint.config.files import ConfigError, discover, load
from seolint.config.plan import make_plan
from seolint.findings.records import Severity
from tests.conftest import run_cli


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_discovery_walks_up_and_needs_a_seolint_table(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    assert discover(nested) is None
    write(tmp_path / "pyproject.toml", "[tool.seolint]\nignore = ['H006']\n")
    assert discover(nested) == (tmp_path / "pyproject.toml").resolve()
    write(tmp_path / "a" / ".seolint.toml", "ignore = []\n")
    assert discover(nested) == (tmp_path / "a" / ".seolint.toml").resolve()


def test_keys_are_read(tmp_path: Path) -> None:
    config = load(
        write(
            tmp_path / ".seolint.toml",
            'select = ["H"]\nignore = ["H006"]\nfail-on = "warning"\nexclude = ["drafts/*"]\n'
            '[severity]\nH003 = "info"\n[rules.missing-h1]\ntitle-is-h1 = false\n',
        )
    )
    assert config.select == ("H",) and config.ignore == ("H006",) and config.fail_on is Severity.WARNING
    plan = make_plan(config)
    active = {a.rule.code: a for a in plan.rules}
    assert "H006" not in active and "L001" not in active
    assert active["H003"].severity is Severity.INFO
    assert active["H001"].options.title_is_h1 is False


def test_front_matter_keys_are_read_and_reach_the_plan(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", '[tool.seolint.front-matter]\ndescription = ["abstract"]\n')
    config = load(path)
    assert config.front_matter.description == ("abstract",)
    assert config.front_matter.keyphrase == ("keyphrase", "focus_keyword", "focus_keyphrase")  # default kept
    assert make_plan(config).front_matter_keys == config.front_matter
    with pytest.raises(ConfigError, match=r"tool\.seolint\.front-matter\.title: must be a list"):
        load(write(path, "[tool.seolint.front-matter]\ntitle = 1\n"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("colour = 1\n", "colour: unknown key"),
        ("select = 'H'\n", "select: must be a list of strings"),
        ("fail-on = 'fatal'\n", "fail-on: unknown severity"),
        ("[severity]\nH003 = 'loud'\n", "severity.H003"),
        ("select = [\n", "invalid TOML"),
        ("front-matter = 1\n", "front-matter: must be a table"),
        ("[front-matter]\nteaser = ['x']\n", "front-matter.teaser: unknown key"),
        ("[front-matter]\ndescription = 'teaser'\n", "front-matter.description: must be a list of strings"),
        ("[front-matter]\nslug = []\n", "front-matter.slug: must list at least one front-matter key"),
    ],
)
def test_shape_errors_name_file_and_key(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path / ".seolint.toml", text)
    with pytest.raises(ConfigError) as error:
        load(path)
    assert str(path) in str(error.value) and expected in str(error.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[rules.Z999]\nx = 1\n", "unknown rule 'Z999'"),
        ("[rules.H001]\nmissing = 1\n", "unknown option 'missing'"),
        ("[rules.H001]\ntitle-is-h1 = 'yes'\n", "must be bool"),
        ("[rules.L001]\nextend-targets = 'x'\n", "must be a list of str"),
        ("[severity]\nnope = 'info'\n", "unknown rule 'nope'"),
        ("select = ['Q']\n", "'Q' matches no rule"),
    ],
)
def test_registry_errors_name_file(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path / ".seolint.toml", text)
    with pytest.raises(ConfigError) as error:
        make_plan(load(path))
    assert str(path) in str(error.value) and expected in str(error.value)


def test_cli_reports_config_errors_with_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "pyproject.toml", "[tool.seolint]\nbogus = true\n")
    write(tmp_path / "a.md", "# A\n")
    result = run_cli(["check", "a.md"])
    assert result.exit_code == 2
    assert "pyproject.toml: tool.seolint.bogus: unknown key" in result.stderr


def test_cli_flags_override_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / ".seolint.toml", "select = ['H001']\n")
    write(tmp_path / "a.md", "## no h1\n\n#### skip\n")
    assert run_cli(["check", "a.md", "--select", "H003", "--format", "text"]).stdout.count("H003") == 1
    assert "H001" in run_cli(["check", "a.md", "--format", "text"]).stdout


def test_explicit_config_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.md", "## no h1\n")
    write(tmp_path / "custom.toml", "ignore = ['H001', 'M001']\n")
    assert run_cli(["check", "a.md", "--config", "custom.toml", "--select", "H001"]).exit_code == 1
    assert run_cli(["check", "a.md", "--config", "custom.toml"]).exit_code == 0
    missing = run_cli(["check", "a.md", "--config", "nope.toml"])
    assert missing.exit_code == 2 and "nope.toml" in missing.stderr


def test_exclude_globs_apply_to_directory_walks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "archive").mkdir()
    write(tmp_path / "archive" / "old.md", "## no h1\n")
    write(tmp_path / "new.md", "# fine\n")
    write(tmp_path / ".seolint.toml", "exclude = ['archive/*']\n")
    assert run_cli(["check", "."]).exit_code == 0
    assert run_cli(["check", "archive/old.md"]).exit_code == 1  # named files are linted
