"""The one interval set that pack exceptions and suppressions share answers as a list would."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from seolint.document.intervals import Intervals

POINT = st.integers(min_value=0, max_value=40)
SPANS = st.lists(st.tuples(POINT, POINT), max_size=12)


@given(SPANS, POINT, POINT)
def test_overlaps_as_a_scan_of_every_span_says(spans: list[tuple[int, int]], start: int, end: int) -> None:
    spans = [(a, b) for a, b in spans if a < b]  # what matches and suppressions give: never empty
    start, end = min(start, end), max(start, end)  # a query is a match: possibly empty, never inverted
    wanted = any(a < end and start < b for a, b in spans)
    assert Intervals(spans).overlaps(start, end) == wanted


@given(SPANS, POINT)
def test_line_ranges_cover_their_first_and_last_lines(ranges: list[tuple[int, int]], line: int) -> None:
    assert Intervals.of_lines(ranges).covers(line) == any(first <= line <= last for first, last in ranges)


def test_touching_spans_do_not_reach_past_their_end() -> None:
    intervals = Intervals([(0, 3), (3, 5), (8, 9)])
    assert intervals.overlaps(4, 6) and not intervals.overlaps(5, 8) and intervals.overlaps(7, 9)
