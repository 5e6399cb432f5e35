"""The engine's records keep what the dataclasses they replaced gave them: how they compare,
sort and hash, and that they cross to worker processes intact."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from seolint.config.files import Config, load
from seolint.discover.globs import matches
from seolint.document.model import Document, Span
from seolint.findings.records import Edit, Finding, Fix, Severity


def finding(line: int, code: str, message: str = "m", fix: Fix | None = None) -> Finding:
    return Finding("post.md", Span(line, 1, line, 4), code, "rule", Severity.WARNING, message, "", fix)


FIX = Fix((Edit(0, 1, "x"),), "safe", "Write x")


def test_findings_sort_by_path_span_and_code_and_keep_a_rules_order_at_one_place() -> None:
    later, first, second, other_rule = (
        finding(3, "H001"),
        finding(1, "S002", "b"),
        finding(1, "S002", "a", FIX),
        finding(1, "H003"),
    )
    assert sorted([later, first, second, other_rule]) == [other_rule, first, second, later]
    ordered = sorted([later, first, second, other_rule])
    assert [f.message for f in ordered[1:3]] == ["b", "a"]  # not by message: as the rule gave them


def test_findings_are_equal_and_hash_alike_by_their_place_and_code_alone() -> None:
    assert finding(1, "S002", "a") == finding(1, "S002", "b", FIX)
    assert hash(finding(1, "S002", "a")) == hash(finding(1, "S002", "b"))
    assert finding(1, "S002") != finding(1, "S003")
    assert finding(1, "S002") != ("post.md", Span(1, 1, 1, 4), "S002")
    assert finding(1, "S002") <= finding(1, "S002") < finding(2, "S002") and finding(2, "S002") > finding(
        1, "S002"
    )


def test_a_finding_crosses_to_a_worker_and_back_whole() -> None:
    original = finding(2, "L002", "broken", FIX)
    copied = pickle.loads(pickle.dumps(original))
    fields = ("path", "span", "code", "name", "severity", "message", "source_line", "fix", "whole_post")
    assert [getattr(copied, name) for name in fields] == [getattr(original, name) for name in fields]


def test_with_fix_changes_the_fix_alone() -> None:
    original = finding(2, "W001", "no such page")
    fixed = original.with_fix(FIX)
    assert (fixed.fix, fixed.message, fixed.span, fixed.code) == (FIX, "no such page", original.span, "W001")
    assert original.fix is None


def test_a_run_without_a_config_file_anchors_its_globs_in_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    config = load(None)
    assert config.root == tmp_path and config.root.is_absolute()
    assert matches(tmp_path / "drafts" / "old.md", ("drafts/*",), Config().root)  # ".": the same folder


def test_sites_are_told_apart_by_kind_generator_root_reason_and_url_not_their_config() -> None:
    from seolint.site.adapter import Site
    from seolint.site.hugo import HugoSite

    one = Site("plain", Path("/blog"), "a folder", {"a": 1}, "https://example.org/")
    assert one == Site("plain", Path("/blog"), "a folder", {"b": 2}, "https://example.org/")
    assert hash(one) == hash(Site("plain", Path("/blog"), "a folder", None, "https://example.org/"))
    assert one != Site("plain", Path("/blog"), "a folder") and one != Site("plain", Path("/docs"), "a folder")
    assert Site("hugo", Path("/blog"), "x") != HugoSite("hugo", Path("/blog"), "x")
    assert Site("plain", Path("/blog"), "x").config == {}


def test_a_document_with_fields_replaced_is_a_document_with_its_own_derived_views() -> None:
    doc = Document(path="a.md", format="markdown", source="# One\n")
    other = doc._replace(source="# Two\n")
    assert type(other) is Document and other.lines == ("# Two",) and doc.lines == ("# One",)
    assert other.views is not doc.views and other.views.doc is other
