"""A union of intervals over a draft (offsets in a text, or lines) with logarithmic look-ups.

Pack rules ask whether a match overlaps an exception's match; suppressions ask whether a
finding's line lies in a disabled region. Both have many intervals and many questions.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable


class Intervals:
    """Half-open [start, end) intervals, merged where they overlap (touching ones stay apart,
    so an empty query at their shared point overlaps neither, as a scan of them says)."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [start for start, _ in merged]
        self._ends = [end for _, end in merged]

    @classmethod
    def of_lines(cls, ranges: Iterable[tuple[int, int]]) -> Intervals:
        """Line ranges [first, last], both lines included."""
        return cls((first, last + 1) for first, last in ranges)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any interval shares a point with [start, end)."""
        index = bisect_left(self._starts, end) - 1
        return index >= 0 and self._ends[index] > start

    def covers(self, point: int) -> bool:
        """Whether any interval holds `point` (a line, for `of_lines`)."""
        return self.overlaps(point, point + 1)
