"""Where the time goes: read, parse (per format), rules (per rule), report, for one process.

Usage: python benchmarks/stages.py [PATH ...]   (default: ../shared/corpus)

Serial and uncached on purpose, so the stage figures add up to the work one run does.
Each rule is also timed alone on a fresh copy of the document, so work that rules share
through a per-document memo (source lines, prose, the readability analysis) is charged
to every rule that needs it: per-rule times add up to more than "rules (all, together)".
"""

from __future__ import annotations

import io
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

from seolint.config.plan import make_plan
from seolint.discover.reading import decode, read_bytes
from seolint.discover.source import format_for
from seolint.discover.walk import discover
from seolint.findings.records import FileResult, RunResult
from seolint.lint.pipeline import lint_document
from seolint.lint.settings import Overrides, Settings
from seolint.parse import parse
from seolint.report import ReportOptions, reporter

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def main(paths: list[str]) -> None:
    settings = Settings(Overrides(), use_cache=False)
    plan = make_plan(settings.config_for(Path.cwd()))
    files = [draft.location for draft in discover(paths or [str(CORPUS)], settings.config_for)[0]]
    spent: Counter[str] = Counter()
    per_rule: Counter[str] = Counter()
    results = []
    for path in files:
        fmt = format_for(path)
        assert fmt is not None
        started = time.perf_counter()
        text = decode(read_bytes(path))
        read = time.perf_counter()
        doc = parse(text, path, fmt)
        parsed = time.perf_counter()
        rules_started = time.perf_counter()
        findings, _ = lint_document(doc, plan)
        done = time.perf_counter()
        for active in plan.rules:  # per rule, on the side, each on a fresh copy of the document
            one = type(plan)((active,))
            fresh = replace(doc)  # a new object: memoised lines, prose and analysis start empty
            rule_started = time.perf_counter()
            lint_document(fresh, one)
            per_rule[active.rule.code] += time.perf_counter() - rule_started
        spent["read + decode"] += read - started
        spent[f"parse {fmt}"] += parsed - read
        spent["rules (all, together)"] += done - rules_started
        results.append(FileResult(path, fmt, tuple(findings), {}))
    run = RunResult(tuple(results), ())
    for name in ("json", "text", "rich"):
        started = time.perf_counter()
        reporter(name)(run, io.StringIO(), ReportOptions(color=False, quiet=False))
        spent[f"report {name}"] += time.perf_counter() - started
    print(f"{len(files)} files, one process, no cache\n\n| stage | seconds |\n| --- | ---: |")
    for stage, seconds in spent.items():
        print(f"| {stage} | {seconds:.2f} |")
    print("\n| slowest rules | seconds |\n| --- | ---: |")
    for code, seconds in per_rule.most_common(8):
        print(f"| {code} | {seconds:.2f} |")


if __name__ == "__main__":
    main(sys.argv[1:])
