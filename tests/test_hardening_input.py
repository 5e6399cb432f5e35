"""Odd encodings, sizes and parent pyproject files get one error line and exit 2, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from seolint.discover import reading
from tests.conftest import CliResult, run_cli

DRAFT = "# A title\n\nSome prose.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "post.md").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*args: str) -> CliResult:
    return run_cli(["check", "--no-cache", "--format", "json", *args])


def assert_one_error_line(result: CliResult, *fragments: str) -> None:
    assert "internal error" not in result.stderr, result.stderr
    assert result.exit_code == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("seolint: error: "), result.stderr
    assert all(fragment in lines[0] for fragment in fragments), lines[0]


def assert_linted(result: CliResult, path: str = "post.md") -> None:
    """Linted with the defaults: only warnings, so exit 0."""
    assert "internal error" not in result.stderr, result.stderr
    assert result.exit_code == 0, result.stderr
    assert [file["path"] for file in json.loads(result.stdout)["files"]] == [path]


NOT_TEXT = ["rot13", "base64", "hex", "zlib", "uu", "bz2", "quopri"]
CANNOT_DECODE_TEXT = ["undefined", "punycode"]


@pytest.mark.parametrize("name", NOT_TEXT + CANNOT_DECODE_TEXT)
def test_encoding_that_cannot_decode_drafts_is_refused_on_the_command_line(project: Path, name: str) -> None:
    assert_one_error_line(check("--encoding", name, "post.md"), "--encoding", repr(name))


@pytest.mark.parametrize("name", ["rot13", "punycode"])
def test_encoding_that_cannot_decode_drafts_is_refused_in_config(project: Path, name: str) -> None:
    (project / ".seolint.toml").write_text(f'encoding = "{name}"\n', encoding="utf-8")
    assert_one_error_line(check("post.md"), ".seolint.toml", "encoding", repr(name))


@pytest.mark.parametrize("name", ["latin-1", "cp1252", "utf-16", "utf-7", "idna", "cp500"])
def test_real_text_encodings_are_accepted(name: str) -> None:
    assert reading.check_encoding(name)


def test_a_codec_failing_on_one_draft_is_a_read_error_for_that_draft() -> None:
    with pytest.raises(reading.ReadError, match="cannot decode as idna"):
        reading.decode(b"xn--a.b", "idna")


@pytest.mark.parametrize("size", ["900GB", "1234567890123456789", "9" * 25, "9" * 5000])
def test_huge_max_file_size_is_refused_on_the_command_line(project: Path, size: str) -> None:
    assert_one_error_line(check("--max-file-size", size, "post.md"), "--max-file-size", "at most 1GB")


@pytest.mark.parametrize("value", ['"900GB"', "1234567890123456789"])
def test_huge_max_file_size_is_refused_in_config(project: Path, value: str) -> None:
    (project / ".seolint.toml").write_text(f"max-file-size = {value}\n", encoding="utf-8")
    assert_one_error_line(check("post.md"), ".seolint.toml", "max-file-size", "at most 1GB")


def test_largest_max_file_size_is_accepted(project: Path) -> None:
    assert_linted(check("--max-file-size", "1GB", "post.md"))


def test_reading_allocates_for_the_data_not_for_the_limit(tmp_path: Path) -> None:
    """A limit far above memory (or above sys.maxsize) reads a small draft as usual."""
    draft = tmp_path / "post.md"
    draft.write_bytes(b"# T\n" * 1000)
    assert reading.read_bytes(str(draft), 2**70) == b"# T\n" * 1000


def test_reading_stops_one_chunk_past_the_limit(tmp_path: Path) -> None:
    draft = tmp_path / "post.md"
    draft.write_bytes(b"x" * 3_000_000)
    with pytest.raises(reading.ReadError, match="too large"):
        reading.read_bytes(str(draft), 2_000_000)
    with draft.open("rb") as handle, pytest.raises(reading.ReadError, match="too large"):
        reading._bounded_read(handle, 2_999_999)


BROKEN_TOOL = ['tool = "x"', "tool = 5", "tool = [1, 2]"]
DEEP = [
    "x = " + "[" * 5000 + "]" * 5000,
    "x = " + "{a = " * 5000 + "}" * 5000,
    "[tool.seolint]\nselect = " + "[" * 5000 + "]" * 5000,
]


@pytest.mark.parametrize("content", BROKEN_TOOL + DEEP)
def test_parent_pyproject_without_a_usable_seolint_table_is_not_a_config(project: Path, content: str) -> None:
    """Discovery skips it (as it skips invalid TOML) and lints with the defaults."""
    (project / "pyproject.toml").write_text(content + "\n", encoding="utf-8")
    (project / "sub").mkdir()
    (project / "sub" / "post.md").write_text(DRAFT, encoding="utf-8")
    assert_linted(check("sub/post.md"), "sub/post.md")


@pytest.mark.parametrize("content", BROKEN_TOOL)
def test_chosen_pyproject_whose_tool_is_not_a_table_is_a_config_error(project: Path, content: str) -> None:
    (project / "pyproject.toml").write_text(content + "\n", encoding="utf-8")
    assert_one_error_line(
        check("--config", "pyproject.toml", "post.md"), "pyproject.toml", "`tool` must be a table"
    )


@pytest.mark.parametrize("name", ["pyproject.toml", ".seolint.toml"])
@pytest.mark.parametrize("content", DEEP)
def test_deeply_nested_chosen_config_is_a_config_error(project: Path, name: str, content: str) -> None:
    (project / name).write_text(content + "\n", encoding="utf-8")
    assert_one_error_line(check("--config", name, "post.md"), name, "nested too deeply")


def test_deeply_nested_discovered_seolint_toml_is_a_config_error(project: Path) -> None:
    (project / ".seolint.toml").write_text(DEEP[0] + "\n", encoding="utf-8")
    assert_one_error_line(check("post.md"), ".seolint.toml", "nested too deeply")


def test_config_over_the_size_limit_is_refused_before_it_is_read(project: Path) -> None:
    from seolint.config.files import MAX_CONFIG_SIZE

    with (project / ".seolint.toml").open("wb") as handle:
        handle.truncate(MAX_CONFIG_SIZE + 1)  # sparse: costs no disk
    assert_one_error_line(check("post.md"), ".seolint.toml", "cannot read config: file too large")
