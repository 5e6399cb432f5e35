"""Recall and precision of the leftover rules on a folder of labelled AI drafts.

A labelled leftover line is reported when a finding of a leftover rule (S, L001, H006) spans
it; a finding of those rules on no labelled line is a false alarm. Labels name a line by its
number (`line = 12`) or by how it starts (`line = "**Meta title:**"`, `"...\\n#2"` for the
second line that starts so). To print the misses and false alarms:

    pytest -q -s -p no:cacheprovider tests/test_leftover_forms.py -k own_drafts
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from seolint.config.files import tomllib
from seolint.findings.records import Finding

LEFTOVER_CODES = ("S", "L001", "H006")


@dataclass
class Score:
    labelled: int
    reported: int
    findings: int
    false_alarms: int
    misses: list[str]
    alarms: list[str]

    @property
    def recall(self) -> float:
        return self.reported / max(1, self.labelled)

    @property
    def precision(self) -> float:
        return (self.findings - self.false_alarms) / max(1, self.findings)


def labelled_lines(folder: Path) -> dict[str, dict[int, str]]:
    """File name -> {line number: form}."""
    data = tomllib.loads((folder / "labels.toml").read_text(encoding="utf-8"))
    found: dict[str, dict[int, str]] = {}
    for entry in data.get("leftover", []):
        found.setdefault(entry["file"], {})[_line_number(folder / entry["file"], entry["line"])] = entry[
            "form"
        ]
    return found


def _line_number(path: Path, line: int | str) -> int:
    if isinstance(line, int):
        return line
    start, _, nth = line.partition("\n#")
    hits = [
        n
        for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if text.strip().startswith(start)
    ]
    wanted = int(nth) if nth else 1
    assert len(hits) >= wanted and (nth or len(hits) == 1), f"{path.name}: {line!r} matches lines {hits}"
    return hits[wanted - 1]


def is_leftover(finding: Finding) -> bool:
    return finding.code.startswith(LEFTOVER_CODES)


def score(folder: Path, results: dict[str, Iterable[Finding]]) -> Score:
    """`results`: each draft's findings by file name (every draft of the folder)."""
    labels = labelled_lines(folder)
    labelled = reported = findings = false_alarms = 0
    misses: list[str] = []
    alarms: list[str] = []
    for name, found in sorted(results.items()):
        lines = (folder / name).read_text(encoding="utf-8").splitlines()
        wanted = labels.get(name, {})
        covered: set[int] = set()
        for finding in found:
            if not is_leftover(finding):
                continue
            span = set(range(finding.span.line, finding.span.end_line + 1))
            covered |= span
            findings += 1
            if not span & wanted.keys():
                false_alarms += 1
                alarms.append(
                    f"{name}:{finding.span.line} {finding.code} | {lines[finding.span.line - 1].strip()[:80]}"
                )
        labelled += len(wanted)
        reported += len(wanted.keys() & covered)
        misses += [
            f"{name}:{line} {form} | {lines[line - 1].strip()[:80]}"
            for line, form in sorted(wanted.items())
            if line not in covered
        ]
    return Score(labelled, reported, findings, false_alarms, misses, alarms)


def drafts(folder: Path) -> list[Path]:
    """The drafts of a labelled folder: its README says how the set was made, and is none."""
    return sorted(
        p for p in folder.iterdir() if p.suffix in (".md", ".txt", ".html") and p.name != "README.md"
    )
