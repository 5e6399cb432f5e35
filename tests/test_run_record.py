"""The run record: a run over an unchanged tree is replayed, and every change a run could
see (an edit of the same size, a page added, deleted or renamed, the config, a rule's
option, the options given, a touch) makes it run again, with the findings of a fresh run."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from seolint.cache.store import CACHE_DIR
from seolint.lint import runner
from seolint.site import publication
from tests.conftest import CliResult, run_cli
from tests.test_site_rules import found, hugo_site, post


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small Hugo site whose first page links to the second and to a page not there."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "key"))
    pages = {
        "_index.md": post("Home of the test site", "[one](/docs/one/) [two](/docs/two/)"),
        "docs/one.md": post("The first page of the docs", "See [two](/docs/two/) and [three](/docs/three/)."),
        "docs/two.md": post("The second page of the docs", "Back to [one](/docs/one/)."),
    }
    (tmp_path / "site").mkdir()
    root = hugo_site(tmp_path / "site", pages)
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def runs_made(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the runs that linted (a replayed run lints nothing)."""
    made: list[int] = []
    real = runner.run

    def counted(*args: object, **kwargs: object) -> object:
        made.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(runner, "run", counted)
    return made


def check(*args: str) -> CliResult:
    result = run_cli(["check", "--format", "json", "-j", "1", *args, "."])
    assert result.exit_code in (0, 1), result.stderr
    return result


def fresh(*args: str) -> list[tuple[str, int, str]]:
    return found(run_cli(["check", "--format", "json", "-j", "1", "--no-cache", *args, "."]), "")


def replayed(runs_made: list[int], *args: str) -> list[tuple[str, int, str]]:
    before = len(runs_made)
    result = check(*args)
    assert len(runs_made) == before, "the run linted again"
    return found(result, "")


def ran(runs_made: list[int], *args: str) -> list[tuple[str, int, str]]:
    before = len(runs_made)
    result = check(*args)
    assert len(runs_made) == before + 1, "the run was replayed"
    findings = found(result, "")
    assert findings == fresh(*args)
    return findings


def test_an_unchanged_tree_is_replayed_with_the_same_report(site: Path, runs_made: list[int]) -> None:
    first = check()
    assert ("content/docs/one.md", 5, "W001") in found(first)
    second = check()
    assert len(runs_made) == 1
    assert json.loads(second.stdout)["findings"] == json.loads(first.stdout)["findings"]
    assert len(list((site / CACHE_DIR / "runs").glob("*.json"))) == 1


def test_a_same_size_edit_with_the_old_times_runs_again(site: Path, runs_made: list[int]) -> None:
    check()
    page = site / "content" / "docs" / "one.md"
    before = os.stat(page)
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("/docs/three/", "/docs/thre2/"), encoding="utf-8")
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `cp -p` or a tar would
    assert os.stat(page).st_size == before.st_size
    findings = ran(runs_made)
    assert any("thre2" in line for line in _messages())
    assert replayed(runs_made) == findings


def _messages() -> list[str]:
    return [f["message"] for f in json.loads(check().stdout)["findings"]]


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda root: (root / "content/docs/three.md").write_text(post("Third page")), id="add"),
        pytest.param(lambda root: (root / "content/docs/two.md").unlink(), id="delete"),
        pytest.param(
            lambda root: (root / "content/docs/two.md").rename(root / "content/docs/deux.md"), id="rename"
        ),
        pytest.param(lambda root: os.utime(root / "content/docs/two.md"), id="touch"),
        pytest.param(
            lambda root: (root / ".seolint.toml").write_text('ignore = ["W001"]\n'), id="config-added"
        ),
        pytest.param(
            lambda root: (root / "hugo.toml").write_text(
                (root / "hugo.toml").read_text() + '\n[permalinks]\ndocs = "/d/:slug/"\n'
            ),
            id="site-config",
        ),
        pytest.param(lambda root: (root / "content/docs/new").mkdir(), id="folder-added"),
    ],
)
def test_every_change_runs_again_then_is_replayed(
    site: Path, runs_made: list[int], change: Callable[[Path], object]
) -> None:
    check()
    change(site)
    findings = ran(runs_made)
    assert replayed(runs_made) == findings


def test_a_rule_option_in_the_config_runs_again(site: Path, runs_made: list[int]) -> None:
    config = site / ".seolint.toml"
    config.write_text("[rules.M002]\nmin = 10\n", encoding="utf-8")
    check()
    config.write_text("[rules.M002]\nmin = 40\n", encoding="utf-8")
    findings = ran(runs_made)
    assert ("content/docs/one.md", 2, "M002") in findings
    assert replayed(runs_made) == findings


def test_other_options_are_another_record(site: Path, runs_made: list[int]) -> None:
    check()
    assert ran(runs_made, "--select", "W001") == [("content/docs/one.md", 5, "W001")]
    replayed(runs_made, "--select", "W001")
    replayed(runs_made)


def test_a_new_day_runs_again(site: Path, runs_made: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    """Publication dates are judged against the day: a post dated tomorrow is published then."""
    check()
    monkeypatch.setattr(publication, "today", lambda: dt.date(2999, 1, 1))
    ran(runs_made)
    assert len(list((site / CACHE_DIR / "runs").glob("*.json"))) == 1  # the day's record replaced


def test_a_tampered_record_is_not_replayed(site: Path, runs_made: list[int]) -> None:
    check()
    (record,) = (site / CACHE_DIR / "runs").glob("*.json")
    mac, _, body = record.read_bytes().partition(b"\n")
    record.write_bytes(mac + b"\n" + body.replace(b'"W001"', b'"W002"'))
    ran(runs_made)


def test_one_file_runs_and_no_cache_runs_are_not_recorded(site: Path) -> None:
    run_cli(["check", "--format", "json", "content/docs/one.md"])
    check("--no-cache")
    assert not (site / CACHE_DIR / "runs").exists()


def test_a_run_over_a_folder_below_the_site_root_is_not_recorded(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(site / "content")
    run_cli(["check", "--format", "json", "-j", "1", "."])  # the site's root is above it
    assert not list(site.glob(f"**/{CACHE_DIR}/runs/*.json"))


def test_a_folder_given_from_elsewhere_is_recorded_and_its_changes_seen(
    site: Path, runs_made: list[int], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """As a benchmark or a CI job runs it: the working directory is not the site."""
    elsewhere = tmp_path / "work"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)

    def findings() -> list[object]:
        return json.loads(run_cli(["check", "--format", "json", "-j", "1", str(site)]).stdout)["findings"]

    first = findings()
    assert findings() == first and len(runs_made) == 1
    (site / "content" / "docs" / "two.md").unlink()
    assert findings() != first and len(runs_made) == 2


def test_a_file_changed_while_the_run_reads_it_is_seen_next_time(
    site: Path, runs_made: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The inputs are signed before the run: an edit during it does not match next time."""
    real = runner.run
    page = site / "content" / "docs" / "two.md"

    def editing(*args: object, **kwargs: object) -> object:
        result = real(*args, **kwargs)  # type: ignore[arg-type]
        page.write_text(post("The second page", "Now [gone](/docs/gone/)."), encoding="utf-8")
        return result

    monkeypatch.setattr(runner, "run", editing)
    check()
    monkeypatch.setattr(runner, "run", real)
    assert ("content/docs/two.md", 5, "W001") in fresh()
    assert ("content/docs/two.md", 5, "W001") in found(check())


def test_a_tree_with_a_linked_folder_is_not_recorded(site: Path, tmp_path: Path) -> None:
    """An edit behind a linked folder moves nothing the record could sign."""
    elsewhere = tmp_path / "shared-docs"
    elsewhere.mkdir()
    (elsewhere / "four.md").write_text(post("The fourth page of the docs"), encoding="utf-8")
    (site / "content" / "linked").symlink_to(elsewhere, target_is_directory=True)
    check()
    assert not (site / CACHE_DIR / "runs").exists()
