"""How many findings `--fix` would repair, and how many more `--unsafe-fixes` would: the
count every report for people closes with."""

from __future__ import annotations

from collections.abc import Iterable

from seolint.discover.records import NamedTuple
from seolint.findings.records import Finding


class Fixable(NamedTuple):
    safe: int
    unsafe: int

    def sentence(self) -> str | None:
        """`3 fixable with `--fix` (2 more with `--unsafe-fixes`)`, or None when nothing is."""
        if not self.safe and not self.unsafe:
            return None
        more = f" ({self.unsafe} more with `--unsafe-fixes`)" if self.unsafe else ""
        return f"{self.safe} fixable with `--fix`{more}"


def fixable(findings: Iterable[Finding]) -> Fixable:
    safe = unsafe = 0
    for finding in findings:
        if finding.fix is not None:
            if finding.fix.applicability == "safe":
                safe += 1
            else:
                unsafe += 1
    return Fixable(safe, unsafe)
