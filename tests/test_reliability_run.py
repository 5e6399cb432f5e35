"""The run survives odd paths, broken output, interrupts and hostile caches (issue 17).

Each test reproduces one reported failure: it crashed, hung, exited with the code for
"findings", or trusted what it should not have.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from seolint.cache.store import CACHE_DIR
from seolint.cli import main as cli
from seolint.lint import runner
from seolint.lint.pipeline import ContextLines
from tests.conftest import FIXTURES, ROOT, run_cli, seolint_process

BAD = "# Title\n\n#### Skipped\n\nTODO: finish. [link](#)\n"


def seolint(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return seolint_process(*args, cwd=cwd, timeout=120, env=env)


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private user cache folder, so the cache key is this test's own."""
    home = tmp_path / "user-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


@pytest.mark.skipif(sys.platform in ("darwin", "win32"), reason="the OS refuses undecodable names")
@pytest.mark.parametrize("extra", [[], ["-j", "2"], ["--no-cache"]])
def test_undecodable_file_name_is_shown_lossily_and_the_run_goes_on(
    tmp_path: Path, cache_home: Path, extra: list[str]
) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / os.fsdecode(b"bad\xff.md")).write_text(BAD, encoding="utf-8")
    for index in range(10):  # enough files for the pool
        (folder / f"ok{index}.md").write_text(BAD, encoding="utf-8")
    done = seolint(
        "check", "d", "--format", "json", *extra, cwd=tmp_path, env={"XDG_CACHE_HOME": str(cache_home)}
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    paths = {f["path"] for f in json.loads(done.stdout)["findings"]}
    assert "d/bad\ufffd.md" in paths and len(paths) == 11


@pytest.mark.skipif(sys.platform in ("darwin", "win32"), reason="the OS refuses undecodable names")
def test_undecodable_file_name_in_every_output(
    tmp_path: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In this process (a crash fails the test as well): the reports are written to files."""
    (tmp_path / os.fsdecode(b"bad\xff.md")).write_text(BAD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for fmt in ("rich", "text", "json", "sarif", "github", "junit"):
        done = run_cli(["check", ".", "--format", fmt, "-o", f"out.{fmt}"])
        assert done.exit_code == 1, (fmt, done.stderr)
        assert "bad\ufffd.md" in (tmp_path / f"out.{fmt}").read_text(encoding="utf-8")
    done = run_cli(["check", ".", "--write-baseline", "base.json"])
    assert done.exit_code == 0, done.stderr


def test_an_internal_error_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(runner, "run", explode)
    assert cli.main(["check", str(FIXTURES / "clean-post.md")]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines == ["seolint: internal error: RuntimeError: boom (run with --debug for details)"]
    assert cli.main(["check", "--debug", str(FIXTURES / "clean-post.md")]) == 2
    assert "Traceback" in capsys.readouterr().err


def test_interrupt_is_one_line_and_exit_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "run", interrupted)
    assert cli.main(["check", str(FIXTURES / "clean-post.md")]) == 130
    assert capsys.readouterr().err.strip() == "seolint: interrupted"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_with_workers_prints_one_line(tmp_path: Path) -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    long_post = (FIXTURES / "clean-post.md").read_text(encoding="utf-8") * 20
    for index in range(400):
        (drafts / f"{index:03d}.md").write_text(long_post, encoding="utf-8")
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            # Ctrl-C as a terminal delivers it: a test run started in the background (as CI
            # may be) ignores SIGINT, and Python keeps an inherited SIG_IGN in every child.
            "import signal; signal.signal(signal.SIGINT, signal.default_int_handler); "
            "from seolint.cli.launch import main; main()",
            "check",
            "--no-cache",
            "-j",
            "2",
            "drafts",
        ],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(2.0)  # past start-up, inside the pool
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    if process.returncode in (0, 1):
        pytest.skip("the run finished before the interrupt arrived")
    assert process.returncode == 130
    assert stderr.strip() == "seolint: interrupted"


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks")
def test_symlink_loop_inside_a_walked_folder_is_one_error(tmp_path: Path, cache_home: Path) -> None:
    posts = tmp_path / "p"
    posts.mkdir()
    (posts / "good.md").write_text(BAD, encoding="utf-8")
    (posts / "self.md").symlink_to("self.md")
    done = seolint("check", "p", "--format", "json", cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [f"p/self.md: error: cannot read: {os.strerror(40).lower()}"]
    assert {f["path"] for f in json.loads(done.stdout)["findings"]} == {"p/good.md"}


def test_output_that_cannot_be_written_is_one_line_and_exit_2(tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                "from seolint.cli.launch import main; main()",
                "check",
                str(FIXTURES / "clean-post.md"),
            ],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            check=False,
        )
    assert done.returncode == 2
    assert done.stderr.strip() == "seolint: error: cannot write output: No space left on device"


@pytest.mark.skipif(sys.platform == "win32", reason="cannot remove the working directory")
def test_deleted_working_directory_is_one_line(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    script = f"import os; os.chdir({str(gone)!r}); os.rmdir({str(gone)!r}); "
    script += "from seolint.cli.launch import main; main()"
    done = subprocess.run(
        [sys.executable, "-c", script, "check", "x.md"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip() == "seolint: error: the working directory no longer exists"


class CountedLine(str):
    """A source line that counts how often it is examined."""

    examined = 0

    def strip(self, chars: str | None = None) -> str:
        CountedLine.examined += 1
        return super().strip(chars)


def test_context_lines_cost_linear_time() -> None:
    """A finding on every line of a post of mostly blank lines: 10x lines, about 10x work."""

    def work(blank: int) -> int:
        lines = tuple(CountedLine(text) for text in [""] * blank + ["text"])
        CountedLine.examined = 0
        context = ContextLines(lines)
        assert all(context.at(number) == "text" for number in range(1, len(lines) + 1))
        return CountedLine.examined

    assert work(20_000) / work(2_000) <= 15


def test_stdin_is_linted_as_the_file_it_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--stdin-filename decides per-file-ignores and the slug, not just the name shown."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".seolint.toml").write_text('[per-file-ignores]\n"notes/*" = ["H003"]\n', encoding="utf-8")
    text = "# A Title\n\n#### Skipped\n"
    result = run_cli(
        ["check", "-", "--stdin-filename", "notes/My_Post.md", "--format", "json", "--select", "H003,M009"],
        input=text,
    )
    found = {(f["path"], f["code"]) for f in json.loads(result.stdout)["findings"]}
    assert found == {("notes/My_Post.md", "M009")}


def test_control_characters_from_a_draft_never_reach_the_terminal(tmp_path: Path) -> None:
    (tmp_path / "evil.md").write_text("# T\x1b]0;owned\x07itle\n\n#### \x1b[2Jskip\n", encoding="utf-8")
    for fmt in ("rich", "text", "github"):
        result = run_cli(["check", "--no-cache", "--format", fmt, str(tmp_path / "evil.md")])
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout, fmt
        assert "\\x1b" in result.stdout, fmt


class TestCache:
    """A cache folder can come from anywhere (a commit, a restored CI cache): trust nothing in it."""

    @pytest.fixture
    def project(self, tmp_path: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
        monkeypatch.chdir(tmp_path)
        (tmp_path / "post.md").write_text(BAD, encoding="utf-8")
        return tmp_path

    @staticmethod
    def findings() -> list[tuple[int, str]]:
        result = run_cli(["check", "--format", "json", "-j", "1", "post.md"])
        assert result.exit_code == 1, result.stderr
        return sorted((f["line"], f["code"]) for f in json.loads(result.stdout)["findings"])

    @staticmethod
    def entry(project: Path) -> Path:
        (found,) = (project / CACHE_DIR).glob("*/*.json")
        return found

    def test_planted_links_for_marker_files_are_never_followed(self, project: Path, tmp_path: Path) -> None:
        victim = tmp_path / "victim"
        victim.write_text("precious\n", encoding="utf-8")
        (project / CACHE_DIR).mkdir()
        (project / CACHE_DIR / ".gitignore").symlink_to(victim)
        (project / CACHE_DIR / "CACHEDIR.TAG").symlink_to(victim)
        self.findings()
        assert victim.read_text(encoding="utf-8") == "precious\n"

    def test_a_symlinked_cache_folder_is_not_used(self, project: Path, tmp_path: Path) -> None:
        elsewhere = tmp_path / "elsewhere"
        elsewhere.mkdir()
        (project / CACHE_DIR).symlink_to(elsewhere)
        self.findings()
        assert list(elsewhere.iterdir()) == []

    def test_an_entry_written_by_someone_else_is_ignored(self, project: Path, cache_home: Path) -> None:
        first = self.findings()
        entry = self.entry(project)
        mac, body = entry.read_bytes().split(b"\n", 1)
        data = json.loads(body)
        data["findings"] = []  # hide everything, as a committed cache could
        entry.write_bytes(mac + b"\n" + json.dumps(data).encode())
        assert self.findings() == first
        forged = json.loads(entry.read_bytes().split(b"\n", 1)[1])
        assert forged["findings"], "the tampered entry was replaced by a real one"

    def test_another_users_key_does_not_validate(
        self, project: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        first = self.findings()
        entry = self.entry(project)
        mac, body = entry.read_bytes().split(b"\n", 1)
        data = json.loads(body)
        data["findings"] = []
        entry.write_bytes(mac + b"\n" + json.dumps(data).encode())
        monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home.parent / "other-user"))
        assert self.findings() == first

    @pytest.mark.parametrize("poison", ["deep", "fifo", "zero", "huge-int"])
    def test_hostile_entries_are_misses(self, project: Path, poison: str) -> None:
        first = self.findings()
        entry = self.entry(project)
        entry.unlink()
        if poison == "deep":
            entry.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
        elif poison == "fifo":
            if not hasattr(os, "mkfifo"):
                pytest.skip("no FIFOs")
            os.mkfifo(entry)
        elif poison == "zero":
            if not Path("/dev/zero").exists():
                pytest.skip("no /dev/zero")
            entry.symlink_to("/dev/zero")
        else:
            entry.write_text("x\n" + "9" * 5000, encoding="utf-8")
        assert self.findings() == first

    def test_an_entry_for_another_path_is_not_served(self, project: Path) -> None:
        from seolint.cache.store import Cache
        from seolint.findings.records import FileResult

        cache = Cache(project, "f" * 64, b"s" * 32)
        result = FileResult("other.md", "markdown", (), {}, rules=())
        cache.put("k", result)
        assert cache.get("k", "other.md") == result
        assert cache.get("k", "post.md") is None


class CountedHeadings(tuple):  # type: ignore[type-arg]
    """A document's headings that count how many of them are read (slices count in full)."""

    read = 0

    def __getitem__(self, index: Any) -> Any:
        item = super().__getitem__(index)
        CountedHeadings.read += len(item) if isinstance(index, slice) else 1
        return item


def test_the_heading_skip_fix_reads_each_section_not_the_rest_of_the_post() -> None:
    """H003's fix finds a skipped heading's section; it must not copy every later heading."""
    from seolint.checks.headings import _shift_section
    from seolint.parse import parse

    doc = parse("".join(f"## H {i}\n\n#### deep {i}\n\n" for i in range(1_000)), "a.md", "markdown")
    headings = CountedHeadings(doc.headings)
    CountedHeadings.read = 0
    for index in range(1, len(headings), 2):
        assert _shift_section(doc, headings, index, 1) is not None
    assert CountedHeadings.read <= 4 * len(headings)
