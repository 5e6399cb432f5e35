"""The result cache: reused when nothing changed, never stale when anything that matters did."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from seolint.cache import fingerprint as fingerprint_module
from seolint.cache.fingerprint import fingerprint
from seolint.cache.store import CACHE_DIR, Cache
from seolint.config.files import Config
from seolint.config.plan import make_plan
from seolint.lint import runner
from tests.conftest import ROOT, lint_text, run_cli

BAD = "# Title\n\n#### Skipped\n\n![](x.png)\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "post.md").write_text(BAD, encoding="utf-8")
    return tmp_path


def check(*args: str) -> list[tuple[int, str]]:
    result = run_cli(["check", "--format", "json", "--jobs", "1", *args])
    assert result.exit_code in (0, 1), result.stderr
    return [(f["line"], f["code"]) for f in json.loads(result.stdout)["findings"]]


def entries(root: Path) -> list[Path]:
    return sorted((root / CACHE_DIR).glob("*/*.json"))


def forbid_linting(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a cached file was linted again")

    monkeypatch.setattr(runner, "lint_source", refuse)


def test_second_run_is_served_from_the_cache(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = check("post.md")
    assert first and len(entries(project)) == 1
    forbid_linting(monkeypatch)
    assert check("post.md") == first


def test_no_cache_neither_reads_nor_writes(project: Path) -> None:
    check("post.md", "--no-cache")
    assert not (project / CACHE_DIR).exists()


def test_content_change_invalidates(project: Path) -> None:
    assert (3, "H003") in check("post.md")
    (project / "post.md").write_text("# Title\n\n## Fine\n", encoding="utf-8")
    assert (3, "H003") not in check("post.md")


def test_config_change_invalidates(project: Path) -> None:
    assert (3, "H003") in check("post.md")
    (project / ".seolint.toml").write_text('ignore = ["H003"]\n', encoding="utf-8")
    assert (3, "H003") not in check("post.md")
    (project / ".seolint.toml").write_text("[severity]\nH003 = 'info'\n", encoding="utf-8")
    assert (3, "H003") in check("post.md")


def test_command_line_selection_invalidates(project: Path) -> None:
    assert len(check("post.md", "--select", "H003")) == 1
    assert len(check("post.md")) > 1


def test_rule_pack_change_invalidates(project: Path) -> None:
    pack = project / "pack.toml"
    pack.write_text("# version 1\n", encoding="utf-8")
    plan = make_plan(Config())
    before = fingerprint(plan, [pack])
    assert fingerprint(plan, [pack]) == before
    pack.write_text("# version 2\n", encoding="utf-8")
    assert fingerprint(plan, [pack]) != before
    packs = project / "packs"
    packs.mkdir()
    (packs / "a.toml").write_text("a\n", encoding="utf-8")
    in_folder = fingerprint(plan, [packs])
    (packs / "b.toml").write_text("b\n", encoding="utf-8")
    assert fingerprint(plan, [packs]) != in_folder


def test_seolint_version_change_invalidates(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check("post.md")
    monkeypatch.setattr(fingerprint_module, "__version__", "999.0")
    forbidden = []
    real = runner.lint_source
    monkeypatch.setattr(runner, "lint_source", lambda *a, **k: forbidden.append(1) or real(*a, **k))
    check("post.md")
    assert forbidden == [1]
    assert len({p.parent for p in entries(project)}) == 2


def test_seolint_source_change_invalidates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "rules.py"
    source.write_text("A = 1\n", encoding="utf-8")
    monkeypatch.setattr(fingerprint_module, "_source_files", lambda: iter([source]))
    plan = make_plan(Config())
    before = fingerprint(plan)
    source.write_text("A = 2\n", encoding="utf-8")
    assert fingerprint(plan) != before


def test_options_change_the_fingerprint() -> None:
    plain = make_plan(Config())
    tuned = make_plan(Config(rules={"H003": {"title-is-h1": False}}))
    assert fingerprint(plain) != fingerprint(tuned)


def test_fingerprint_is_stable_across_processes() -> None:
    script = "from seolint.config.plan import make_plan; from seolint.config.files import Config; "
    script += "from seolint.cache.fingerprint import fingerprint; "
    script += "print(fingerprint(make_plan(Config(site_domains=('a.example', 'b.example')))))"
    prints = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(prints) == 1


def test_broken_entry_is_a_miss(project: Path) -> None:
    first = check("post.md")
    (entry,) = entries(project)
    entry.write_text("{not json", encoding="utf-8")
    assert check("post.md") == first
    _mac, body = entry.read_bytes().split(b"\n", 1)
    assert json.loads(body)["findings"]


def test_concurrent_writers_leave_whole_entries(tmp_path: Path) -> None:
    plan = make_plan(Config())
    result = lint_text(BAD * 50, "post.md", "markdown", plan)
    cache = Cache(tmp_path, fingerprint(plan), b"k" * 32)
    key = cache.key("post.md", b"x")
    seen: list[object] = []

    def write_and_read() -> None:
        for _ in range(30):
            cache.put(key, result)
            seen.append(cache.get(key, "post.md"))

    threads = [threading.Thread(target=write_and_read) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen and all(entry == result for entry in seen)
    assert [p.name for p in cache.folder.iterdir()] == [f"{key}.json"]  # no temporary files left


def test_cache_lives_next_to_the_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".seolint.toml").write_text("", encoding="utf-8")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "post.md").write_text(BAD, encoding="utf-8")
    monkeypatch.chdir(drafts)
    check("post.md")
    assert entries(tmp_path) and not (drafts / CACHE_DIR).exists()
    assert (tmp_path / CACHE_DIR / ".gitignore").read_text(encoding="utf-8").strip().endswith("*")


def test_entries_keep_the_title_and_whole_post_marks(tmp_path: Path) -> None:
    plan = make_plan(Config(select=("L002", "H003")))
    result = lint_text("---\ntitle: A post\n---\n\n## One\n\n#### Two\n", "p.md", "markdown", plan)
    cache = Cache(tmp_path, "f" * 64, b"k" * 32)
    cache.put("key", result)
    assert cache.get("key", "p.md") == result
    assert result.title == "A post" and {f.whole_post for f in result.findings} == {True, False}


_MISTYPED: dict[str, Callable[[dict[str, Any]], object]] = {
    "title": lambda data: data.update(title=5),
    "whole_post": lambda data: data["findings"][7].__setitem__(0, "yes"),
    "severity": lambda data: data["findings"][2].__setitem__(0, 7),
    "severity as a boolean": lambda data: data["findings"][2].__setitem__(0, True),
    "span of a boolean": lambda data: data["findings"][5].__setitem__(3, True),
    "short span": lambda data: data["findings"][5].pop(),
    "code": lambda data: data["findings"][0].__setitem__(0, 5),
    "source line": lambda data: data["findings"][4].__setitem__(0, None),
    "rules": lambda data: data.update(rules=["L002", 3]),
    "rules as a string": lambda data: data.update(rules="L002"),
}


@pytest.mark.parametrize("field", list(_MISTYPED))
def test_entry_with_a_mistyped_field_is_a_miss(tmp_path: Path, field: str) -> None:
    from seolint.cache import store as cache_module

    plan = make_plan(Config(select=("L002",)))
    result = lint_text("---\ntitle: A post\n---\n\nText.\n", "p.md", "markdown", plan)
    data = cache_module.result_to_json(result)
    _MISTYPED[field](data)
    cache = Cache(tmp_path, "f" * 64, b"k" * 32)
    body = json.dumps(data).encode()
    cache.folder.mkdir(parents=True)
    (cache.folder / "key.json").write_bytes(cache._mac(body) + b"\n" + body)
    assert cache.get("key", "p.md") is None


def test_dependency_versions_agree_with_importlib_metadata() -> None:
    """The cache key reads versions from dist-info folder names; they must be what
    importlib.metadata reports, or an upgrade could reuse stale results."""
    from importlib.metadata import PackageNotFoundError, version

    def metadata(name: str) -> str | None:
        try:
            return version(name)
        except PackageNotFoundError:
            return None

    found = fingerprint_module.dependency_versions()
    assert found == {name: metadata(name) for name in fingerprint_module.DEPENDENCIES}
    assert found["textstat"] is not None  # a required dependency is always found


def test_a_dependency_upgrade_changes_the_fingerprint(monkeypatch: pytest.MonkeyPatch) -> None:
    plan = make_plan(Config())
    before = fingerprint(plan)
    real = fingerprint_module.dependency_versions
    monkeypatch.setattr(fingerprint_module, "dependency_versions", lambda: {**real(), "textstat": "99.0"})
    assert fingerprint(plan) != before


def _spy_on_workers(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many files each run hands to the worker pool."""
    handed: list[int] = []
    real = runner.map_ordered

    def spy(task: object, items: list[object], *args: object) -> object:
        handed.append(len(items))
        return real(task, items, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(runner, "map_ordered", spy)
    return handed


def test_a_warm_run_reads_its_hits_without_workers(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for number in range(12):
        (project / f"post{number}.md").write_text(BAD + f"\nPost {number}.\n", encoding="utf-8")
    handed = _spy_on_workers(monkeypatch)
    first = check(".")
    (project / "post3.md").write_text(BAD + "\nEdited.\n", encoding="utf-8")
    second = check(".")
    assert handed == [13, 1]  # cold: all linted; warm: only the edited post
    assert second == first
    assert check(".", "--no-cache") == second


def test_a_cold_run_stops_probing_the_cache_after_a_few_misses(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(30):
        (project / f"post{number}.md").write_text(BAD, encoding="utf-8")
    probes: list[str] = []
    real = runner.cached_result

    def probe(settings: object, draft: runner.DraftFile) -> object:
        probes.append(draft.path)
        return real(settings, draft)  # type: ignore[arg-type]

    monkeypatch.setattr(runner, "cached_result", probe)
    check(".")
    assert len(probes) == runner.MISSES_BEFORE_LINTING
