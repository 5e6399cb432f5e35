"""Suppressions are looked up, not compared pairwise: same verdicts as before, linear growth."""

from __future__ import annotations

import random

import pytest

from seolint.config.files import Config
from seolint.config.plan import Plan, make_plan
from seolint.document.model import Document, Span
from seolint.findings.records import Finding, Severity
from seolint.lint import suppress
from seolint.lint.pipeline import lint_document
from seolint.parse import parse
from tests.growth import Growth, assert_linear

CODES = ("L001", "S002", "H003")
PLAN = make_plan(Config(select=(*CODES, "X001", "X002")))._replace(report_unused_suppressions=True)


def covers(suppression: suppress.Suppression, finding: Finding) -> str | None:
    """The pairwise rule the index must agree with (the code the old `covers` returned)."""
    line = finding.span.line
    if not suppression.first <= line <= suppression.last:
        return None
    if finding.code in suppression.codes:
        return finding.code
    if suppress.ALL in suppression.codes and line <= suppression.last_line_for(finding.code):
        return suppress.ALL
    return None


def pairwise_apply(doc: Document, findings: list[Finding], plan: Plan) -> list[Finding]:
    """Every finding against every suppression: slow, obviously right."""
    parsed = suppress.parse(suppress.Directives.of(doc), plan.aliases)
    kept = []
    for finding in findings:
        keys = [(s, covers(s, finding)) for s in parsed.suppressions]
        for suppression, key in keys:
            if key is not None:
                suppression.used.add(key)
        if all(key is None for _, key in keys):
            kept.append(finding)
    running = {active.rule.code for active in plan.rules}
    meta = [suppress._meta(doc, plan, suppress.INVALID, span, msg) for span, msg in parsed.invalid]
    meta += [
        suppress._meta(doc, plan, suppress.UNUSED, s.span, msg)
        for s in parsed.suppressions
        for msg in suppress._unused(s, running)
    ]
    return sorted(kept + [m for m in meta if m is not None])


def random_draft(rng: random.Random, lines: int) -> str:
    directives = ("disable", "enable", "disable-line", "disable-next-line", "disable-file")
    out = []
    for _ in range(lines):
        if rng.random() < 0.6:
            out.append(f"Prose line {rng.randint(0, 9)}.")
            continue
        codes = " ".join(rng.sample(CODES, rng.randint(0, 2)))
        out.append(f"Text <!-- seolint-{rng.choice(directives)} {codes} -->")
    return "\n\n".join(out) + "\n"


def random_findings(rng: random.Random, doc: Document) -> list[Finding]:
    return [
        Finding(doc.path, Span.point(rng.randint(1, len(doc.lines))), code, code, Severity.ERROR, "m")
        for code in CODES
        for _ in range(rng.randint(0, 12))
    ]


@pytest.mark.parametrize("seed", range(300))
def test_index_agrees_with_pairwise_checks_including_unused(seed: int) -> None:
    rng = random.Random(seed)
    doc = parse(random_draft(rng, rng.randint(1, 25)), "draft.md", "markdown")
    findings = random_findings(rng, doc)
    assert suppress.apply(doc, findings, PLAN) == pairwise_apply(doc, findings, PLAN)


def reproducer(lines: int) -> tuple[Document, list[Finding], Plan]:
    """The issue's draft: an L001 finding and an unused S002 line suppression on every line."""
    plan = make_plan(Config(select=("L001", "S002", "X001", "X002")))._replace(
        report_unused_suppressions=True
    )
    doc = parse("# T\n\n" + "[x](#) <!-- seolint-disable-line S002 -->\n" * lines, "d.md", "markdown")
    findings, _ = lint_document(doc, plan)
    assert len(findings) >= lines
    return doc, findings, plan


def apply(reproduced: tuple[Document, list[Finding], Plan]) -> list[Finding]:
    return suppress.apply(*reproduced)


@pytest.mark.slow  # counted in a spawned callgrind: CI's slow stage runs it
def test_ten_times_more_suppressed_lines_is_linear_work() -> None:
    """The pairwise version made one `covers` call per (finding, suppression) pair."""
    assert_linear(Growth("suppressed lines", apply, 30, 300, setup=reproducer))
