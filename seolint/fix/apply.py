"""Apply findings' fixes to a text, in rounds, as ruff does: pure, no files, no output.

A round applies every wanted fix whose edits touch nothing an earlier fix of the same
round already changed; a fix that overlaps is skipped and, if its finding is still
there after the re-lint, tried again next round. Rounds stop when nothing changes or
after MAX_ROUNDS, so a pair of fixes that undo each other cannot loop. Every character
outside an applied edit is kept as it was, line endings included.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from seolint.findings.records import Edit, Finding, Fix

MAX_ROUNDS = 10

Lint = Callable[[str], Sequence[Finding]]


@dataclass(frozen=True)
class Fixed:
    """The fixed text, how many findings the applied fixes repaired, and what remains."""

    text: str
    fixed: int
    remaining: tuple[Finding, ...]
    rounds: int

    def unsafe_left(self) -> int:
        """Remaining findings that `--unsafe-fixes` would repair."""
        return sum(1 for f in self.remaining if f.fix is not None and f.fix.applicability == "unsafe")


def wanted(finding: Finding, unsafe: bool) -> bool:
    return finding.fix is not None and (unsafe or finding.fix.applicability == "safe")


def fix_text(text: str, lint: Lint, unsafe: bool = False, max_rounds: int = MAX_ROUNDS) -> Fixed:
    """Fix `text` until its findings (from `lint`) offer no applicable fix, or max_rounds."""
    findings = lint(text)
    fixed = rounds = 0
    while rounds < max_rounds:
        fixes = [f.fix for f in findings if f.fix is not None and wanted(f, unsafe)]
        changed, count = apply_round(text, fixes)
        if changed == text:
            break
        text, fixed, rounds = changed, fixed + count, rounds + 1
        findings = lint(text)
    return Fixed(text, fixed, tuple(findings), rounds)


def apply_round(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """`text` with each fix applied whose edits overlap no earlier one; and how many were.

    Fixes go in order of their first edit. A fix whose edits equal one already taken
    counts as applied (two findings, one repair); a fix with overlapping edits of its
    own, or edits outside the text, is never applied.
    """
    taken = _Taken()
    accepted: list[Edit] = []
    seen: set[tuple[tuple[int, int, str], ...]] = set()
    count = 0
    for fix in sorted(fixes, key=_first_edit):
        edits = sorted(fix.edits)
        key = tuple((e.start, e.end, e.text) for e in edits)
        if key in seen:
            count += 1
            continue
        if not edits or not _well_formed(edits, len(text)) or any(taken.overlaps(e) for e in edits):
            continue
        for edit in edits:
            taken.add(edit)
        accepted += edits
        seen.add(key)
        count += 1
    return splice(text, accepted), count


def splice(text: str, edits: Sequence[Edit]) -> str:
    """`text` with non-overlapping `edits` applied; the characters between them untouched."""
    pieces: list[str] = []
    cursor = 0
    for edit in sorted(edits):
        pieces += [text[cursor : edit.start], edit.text]
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _first_edit(fix: Fix) -> tuple[int, int]:
    return min(((e.start, e.end) for e in fix.edits), default=(0, 0))


def _well_formed(edits: Sequence[Edit], size: int) -> bool:
    """In bounds, and no two of the (sorted) edits overlapping or inserting at one point."""
    if any(not 0 <= e.start <= e.end <= size for e in edits):
        return False
    return all(not _conflict(a, b) for a, b in itertools.pairwise(edits))


def _conflict(a: Edit, b: Edit) -> bool:
    """Edits that overlap, or two insertions at one point (their order would be a guess)."""
    if a.start == a.end == b.start == b.end:
        return True
    return a.start < b.end and b.start < a.end


class _Taken:
    """The edits a round has accepted, sorted, with a logarithmic overlap test."""

    def __init__(self) -> None:
        self._edits: list[tuple[int, int]] = []

    def add(self, edit: Edit) -> None:
        bisect.insort(self._edits, (edit.start, edit.end))

    def overlaps(self, edit: Edit) -> bool:
        index = bisect.bisect_left(self._edits, (edit.start, edit.end))
        neighbours = self._edits[max(index - 1, 0) : index + 1]
        return any(_conflict(Edit(start, end, ""), edit) for start, end in neighbours)
