"""The site facts index: small (no source lines), in parts, and a warm one-file run reads and
writes only what it must; findings on pages known only from the index keep their source line."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from seolint.cache.store import CACHE_DIR, Cache, facts_from_json, facts_to_json
from seolint.document.model import Span
from seolint.findings.facts import Fact, FileFacts, Reference
from seolint.lint import site_pass
from seolint.sitewide import index as index_module
from seolint.sitewide.index import PARTS, FactsIndex, part_of
from tests.conftest import CliResult, run_cli
from tests.test_site_rules import found, hugo_site, post

LINKS = "Read [a](/docs/a0/), [b](/docs/b0/) and [c](/docs/c0/) first: the quokka line."


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three folders of four pages each, linking across folders, cached under a key of its own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "key"))
    pages = {
        f"docs/{folder}{n}.md": post(f"Page {folder}{n} of the docs", f"Back to [home](/).\n\n{LINKS}")
        for folder in "abc"
        for n in range(4)
    }
    pages["_index.md"] = post("Home", "[a](/docs/a0/) [b](/docs/b0/)")
    (tmp_path / "site").mkdir()
    root = hugo_site(tmp_path / "site", pages)
    monkeypatch.chdir(root)
    return root


def check(*args: str) -> CliResult:
    return run_cli(["check", "--format", "json", "-j", "1", "--select", "W", *args])


def signed(path: Path) -> object:
    return json.loads(path.read_bytes().partition(b"\n")[2])


def index_parts(root: Path) -> list[Path]:
    return sorted((root / CACHE_DIR).glob("*/site-*.json"))


def test_the_index_keeps_no_source_line_and_an_entry_keeps_each_line_once(site: Path) -> None:
    check(".")
    parts = index_parts(site)
    assert parts and all("quokka" not in p.read_text(encoding="utf-8") for p in parts)
    entry = next(
        data
        for path in (site / CACHE_DIR).glob("*/*.json")
        if not path.name.startswith(("site-", "listing-"))  # the facts index, the content listing
        and path.parent.name != "runs"  # the run's record
        and (data := signed(path))["path"].endswith("a1.md")  # type: ignore[index]
    )
    facts = entry["facts"]  # type: ignore[index]
    assert [text for _, text in facts["contexts"]].count(LINKS) == 1
    assert len(facts["references"][0]) == 4  # home and the three links of the one line


@pytest.fixture
def index_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """A one-file run through the facts index: the site tables, which would answer it once
    the pages' bytes are compared (tests/test_site_tables.py), are left out."""
    monkeypatch.setattr(site_pass, "stored_model", lambda *args: None)


def test_a_warm_one_file_run_reads_one_entry_and_writes_one_part(
    site: Path, monkeypatch: pytest.MonkeyPatch, index_only: None
) -> None:
    check(".")
    changed = site / "content" / "docs" / "b2.md"
    changed.write_text(post("Page b2, now longer", "[gone](/docs/nowhere/)"), encoding="utf-8")
    read: list[str] = []
    written: list[str] = []
    real_read, real_write = Cache.read_signed, Cache.write_signed

    def reading(cache: Cache, name: str) -> object:
        read.append(name)
        return real_read(cache, name)

    def writing(cache: Cache, name: str, value: object) -> None:
        written.append(name)
        real_write(cache, name, value)

    monkeypatch.setattr(Cache, "read_signed", reading)
    monkeypatch.setattr(Cache, "write_signed", writing)
    result = check("content/docs/b2.md")
    assert found(result) == [("content/docs/b2.md", 5, "W001")]
    entries = {name for name in read if not name.startswith(("site-", "listing-"))}
    assert len(entries) == 1  # the changed page's own entry (a miss); the others come from the index
    parts = [name for name in written if name.startswith("site-")]
    assert parts == [f"{index_parts(site)[0].name[:21]}-{part_of('content/docs/b2.md'):02x}.json"]
    assert len([name for name in read if name.startswith("site-")]) == PARTS


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The pages whose bytes the site pass reads; stamps trusted at once (no racy window)."""
    monkeypatch.setattr(index_module, "RACY_NS", 0)
    read: list[str] = []
    real = site_pass.read_bytes

    def reading(location: str, limit: int) -> bytes:
        read.append(location)
        return real(location, limit)

    monkeypatch.setattr(site_pass, "read_bytes", reading)
    return read


def test_a_one_file_run_reads_no_other_page_whose_stamp_is_unchanged(site: Path, reads: list[str]) -> None:
    check(".")
    page = site / "content" / "docs" / "b2.md"
    page.write_text(post("Page b2, now longer", "[gone](/docs/nowhere/)"), encoding="utf-8")
    reads.clear()
    assert found(check("content/docs/b2.md")) == [("content/docs/b2.md", 5, "W001")]
    assert set(reads) <= {"content/docs/b2.md"}  # the site tables answer without reading it at all


def test_a_same_size_edit_with_the_old_mtime_is_still_seen(site: Path, reads: list[str]) -> None:
    check(".")
    other = site / "content" / "docs" / "c1.md"
    before = os.stat(other)
    other.write_text(other.read_text(encoding="utf-8").replace("Page c1", "Page b2"), encoding="utf-8")
    os.utime(other, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `cp -p` or a tar would
    assert os.stat(other).st_size == before.st_size
    reads.clear()
    result = check("content/docs/b2.md")
    assert "content/docs/c1.md" in reads
    assert ("content/docs/b2.md", 2, "W004") in found(result)
    assert found(result) == found(check("--no-cache", "content/docs/b2.md"))


def test_nothing_changed_writes_nothing(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check(".")
    written: list[str] = []
    monkeypatch.setattr(Cache, "write_signed", lambda cache, name, value: written.append(name))
    check("content/docs/a1.md")
    assert written == []


def test_a_page_linking_to_a_vanished_one_gets_its_finding_with_its_source_line(site: Path) -> None:
    check(".")
    (site / "content" / "docs" / "c0.md").unlink()
    result = run_cli(["check", "-j", "1", "--select", "W", "content/docs/a1.md"])  # the same plan
    lines = result.stdout.splitlines()
    broken = [n for n, line in enumerate(lines) if "W001" in line and "explain" not in line]
    assert len(broken) == 11  # every other page links to it: each is reported
    assert all(any("[c](/docs/c0/)" in line for line in lines[n + 1 : n + 4]) for n in broken)


FACTS = FileFacts(
    urls=("/docs/a/",),
    kind="docs",
    title=Fact("A", Span(2, 1, 2, 10)),
    description=None,
    keyphrase=None,
    ids=("set-up",),
    references=(
        Reference("link", "/b/", "url", Span(7, 3, 7, 12)),
        Reference("image", "i.png", "url", Span(7, 20, 7, 30)),
    ),
    line_count=9,
    first_line="+++",
    contexts={2: 'title = "A"', 7: "a line with [b](/b/) and ![i](i.png)"},
)
_BROKEN: dict[str, Callable[[dict[str, Any]], object]] = {
    "a span of a boolean": lambda data: data["references"][3].__setitem__(0, True),
    "a span short": lambda data: data["references"][3].pop(),
    "a kind unknown": lambda data: data["references"][0].__setitem__(1, "video"),
    "a target missing": lambda data: data["references"][1].pop(),
    "a line number as text": lambda data: data["contexts"][0].__setitem__(0, "2"),
}


def test_facts_and_their_source_lines_survive_their_json() -> None:
    assert facts_from_json(json.loads(json.dumps(facts_to_json(FACTS)))) == FACTS
    assert FACTS.context(7) == FACTS.contexts[7] and FACTS.context(1) == "+++"


@pytest.mark.parametrize("damage", list(_BROKEN))
@pytest.mark.parametrize("references", [True, lambda target: False])
def test_malformed_facts_are_refused(damage: str, references: object) -> None:
    data = json.loads(json.dumps(facts_to_json(FACTS)))
    _BROKEN[damage](data)
    with pytest.raises((TypeError, ValueError)):
        facts_from_json(data, references)  # type: ignore[arg-type]


def test_facts_decoded_with_a_test_of_targets_keep_only_those_references_in_order() -> None:
    data = json.loads(json.dumps(facts_to_json(FACTS)))
    assert len(FACTS.references) >= 2
    for keep in ({0}, {len(FACTS.references) - 1}, set(range(len(FACTS.references))), set()):
        targets = {FACTS.references[at].target for at in keep}
        some = facts_from_json(data, lambda target, targets=targets: target in targets)  # type: ignore[misc]
        assert some.references == tuple(r for r in FACTS.references if r.target in targets)
        assert some._replace(references=FACTS.references) == FACTS


@pytest.fixture
def decoded(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """For each page the index gives facts of, whether its references were decoded."""
    seen: list[bool] = []
    real = index_module.facts_from_json

    def decoding(data: dict[str, Any], references: bool = True) -> FileFacts:
        seen.append(references)
        return real(data, references)

    monkeypatch.setattr(index_module, "facts_from_json", decoding)
    return seen


def test_a_one_file_run_decodes_only_the_references_that_may_reach_its_page(
    site: Path, decoded: list[bool], index_only: None
) -> None:
    check(".")
    page = site / "content" / "docs" / "c3.md"  # no other page links to it
    page.write_text(post("Page c3 of the docs", "[gone](/docs/nowhere/) [a](/docs/a0/)"), encoding="utf-8")
    assert found(check("content/docs/c3.md")) == found(check("--no-cache", "content/docs/c3.md"))
    assert len(decoded) == 12 and not any(decoded)  # the other 12 pages, none with references
    decoded.clear()
    linked = site / "content" / "docs" / "a0.md"  # every other page links to it
    linked.write_text(post("Page a0, now renamed"), encoding="utf-8")
    assert found(check("content/docs/a0.md")) == found(check("--no-cache", "content/docs/a0.md"))
    assert decoded.count(True) == 12  # the home page and the 11 other docs link to it


def test_references_left_undecoded_are_stored_again_whole(site: Path, index_only: None) -> None:
    check(".")
    before = {p.name: signed(p) for p in index_parts(site)}
    page = site / "content" / "docs" / "c3.md"
    page.write_text(post("Page c3 of the docs", "Nothing here."), encoding="utf-8")
    check("content/docs/c3.md")
    after = {p.name: signed(p) for p in index_parts(site)}
    rewritten = [name for name in after if after[name] != before[name]]
    assert len(rewritten) == 1
    for location, entry in after[rewritten[0]].items():  # type: ignore[attr-defined]
        if not location.endswith("c3.md"):
            assert entry[2] == before[rewritten[0]][location][2]  # type: ignore[index]


@pytest.mark.parametrize(
    ("edited", "text"),
    [
        ("b2.md", post("Page c1 of the docs", LINKS)),  # a duplicate title appears
        ("c1.md", post("Page c1, retitled", LINKS)),  # and disappears (b2 is checked below)
        ("a1.md", post("Page a1 of the docs", "Only [b](/docs/b2/) now.")),  # the only link to b2 is a1's
    ],
)
def test_a_warm_one_file_run_after_another_page_changed_agrees_with_no_cache(
    site: Path, edited: str, text: str
) -> None:
    (site / "content" / "docs" / "b2.md").write_text(post("Page b2 of the docs", "Alone."), encoding="utf-8")
    check(".")
    (site / "content" / "docs" / edited).write_text(text, encoding="utf-8")
    for page in ("content/docs/b2.md", "content/docs/c1.md", "content/docs/a1.md"):
        assert found(check(page)) == found(check("--no-cache", page))


def test_each_pages_link_ends_are_stored_and_decide_what_is_decoded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "key"))
    cache = Cache.open(tmp_path, "f" * 32)
    assert isinstance(cache, Cache)
    links = (
        Reference("link", " /docs/Caf%C3%A9/#set-up ", "url", Span(7, 3, 7, 12)),
        Reference("image", "../pictures/b.PNG?x=1", "url", Span(8, 1, 8, 9)),
    )
    key = (cache.folder.name, "k" * 64)
    FactsIndex(cache, tmp_path).save({"content/a.md": (key, FACTS._replace(references=links), None)})
    stored = signed(next(cache.folder.glob("site-*.json")))
    assert stored["content/a.md"][2]["ends"] == ["b", "café"]  # type: ignore[index]

    def references(names: frozenset[str]) -> tuple[Reference, ...]:
        return FactsIndex(cache, tmp_path).stored({"content/a.md": key}, names)["content/a.md"].references

    assert references(frozenset({"café"})) == references(frozenset({"b"})) == links
    assert references(frozenset({"cafe", "docs", "pictures"})) == references(frozenset()) == ()


def test_a_page_stored_without_link_ends_is_judged_target_by_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "key"))
    cache = Cache.open(tmp_path, "f" * 32)
    assert isinstance(cache, Cache)
    key = (cache.folder.name, "k" * 64)
    entry = [key[0], key[1], facts_to_json(FACTS._replace(contexts={})), None]  # no "ends": an older index
    cache.write_signed(f"{_index_name(tmp_path)}-{part_of('content/a.md'):02x}.json", {"content/a.md": entry})
    found = FactsIndex(cache, tmp_path).stored({"content/a.md": key}, frozenset({"b"}))
    assert found["content/a.md"].references == FACTS.references
    found = FactsIndex(cache, tmp_path).stored({"content/a.md": key}, frozenset({"a"}))
    assert found["content/a.md"].references == ()


def _index_name(root: Path) -> str:
    return "site-" + hashlib.sha256(str(root).encode()).hexdigest()[:16]
