"""`--statistics`: how many findings each rule produced, most frequent first."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from seolint.findings import RunResult
    from seolint.report import ReportOptions


def report(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    counts = Counter((f.code, f.name, f.severity.label) for f in result.findings)
    for (code, name, severity), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        stream.write(f"{count:>6}  {code}  {name}  [{severity}]\n")
    total = sum(counts.values())
    stream.write(f"{total:>6}  total in {len(result.files)} files\n")
