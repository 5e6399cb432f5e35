"""C001 on 120 real post endings labelled blind to the rule (tests/data/cta_real_endings.toml):
precision and recall of its verdict, read from the posts in ../shared in place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from seolint.config.files import tomllib
from seolint.document.model import PAGE_KINDS
from tests.conftest import ROOT, run_cli

SHARED = ROOT.parent / "shared"
LABELLED = tomllib.loads((ROOT / "tests" / "data" / "cta_real_endings.toml").read_text(encoding="utf-8"))[
    "ending"
]


def test_precision_and_recall_on_labelled_real_endings(tmp_path: Path) -> None:
    paths = [SHARED / entry["path"] for entry in LABELLED]
    if not all(path.is_file() for path in paths):
        pytest.skip("../shared (corpus and sites) is not present")
    assert len(LABELLED) >= 100
    # The labels judge the ending of every page; C001 itself passes over release notes,
    # docs and lists ("Defaults and why"), so here it reads them all.
    config = tmp_path / "seolint.toml"
    config.write_text(
        "".join(f'[kind.{kind}]\nextend-select = ["C001"]\n' for kind in PAGE_KINDS), encoding="utf-8"
    )
    result = run_cli(
        ["check", "--config", str(config), "--select", "C001", "--format", "json", "--no-cache", "--no-site",
         "--exit-zero", "-j", "2", *map(str, paths)]
    )  # fmt: skip
    report = json.loads(result.stdout)
    assert report["errors"] == []
    missing = {Path(f["path"]).resolve() for f in report["findings"]}
    verdicts = [
        (entry["cta"], path.resolve() not in missing, entry["path"])
        for entry, path in zip(LABELLED, paths, strict=True)
    ]
    true_pos = sum(truth and found for truth, found, _ in verdicts)
    precision = true_pos / max(1, sum(found for _, found, _ in verdicts))
    recall = true_pos / sum(truth for truth, _, _ in verdicts)
    wrong = [f"missed: {path}" for truth, found, path in verdicts if truth and not found]
    wrong += [f"false CTA: {path}" for truth, found, path in verdicts if found and not truth]
    shown = f"precision {precision:.3f}, recall {recall:.3f}"
    print(f"C001 on {len(LABELLED)} real endings: {shown}; wrong: {wrong}")
    assert precision >= 0.95 and recall >= 0.95, wrong
