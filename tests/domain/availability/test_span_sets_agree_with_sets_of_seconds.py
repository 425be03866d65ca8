from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from accord.domain.availability import intervals as iv

Pieces = list[tuple[int, int]]
pieces = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)).map(
    lambda p: (p[0], p[0] + p[1])), max_size=8)  # fmt: skip


def _seconds(p: Pieces) -> set[int]:
    return {t for s, e in p for t in range(s, e)}


def _of(spans: iv.Spans) -> set[int]:
    starts, ends = spans.start.tolist(), spans.end.tolist()
    assert all(s < e for s, e in zip(starts, ends, strict=True))  # non-empty
    assert all(e < s for e, s in zip(ends, starts[1:], strict=False))  # sorted, apart
    return _seconds(list(zip(starts, ends, strict=True)))


def _spans(p: Pieces) -> iv.Spans:
    return iv.spans([s for s, _ in p], [e for _, e in p])


@given(pieces, pieces)
def test_union_intersection_and_difference_are_those_of_the_seconds(a: Pieces,
                                                                    b: Pieces) -> None:  # fmt: skip
    x, y = _spans(a), _spans(b)
    assert _of(x) == _seconds(a)
    assert _of(iv.union(x, y)) == _seconds(a) | _seconds(b)
    assert _of(iv.intersect(x, y)) == _seconds(a) & _seconds(b)
    assert _of(iv.subtract(x, y)) == _seconds(a) - _seconds(b)


@given(pieces, st.integers(1, 4))
def test_at_least_k_counts_the_pieces_over_each_second(p: Pieces, k: int) -> None:
    starts = np.array([s for s, _ in p], np.int64)
    ends = np.array([e for _, e in p], np.int64)
    covered = {t for t in range(100) if sum(s <= t < e for s, e in p) >= k}
    assert _of(iv.at_least(k, starts, ends)) == covered


@given(pieces, st.integers(0, 3), st.integers(0, 40))
def test_the_first_seconds_of_each_line_are_taken_in_time_order(p: Pieces, lines: int,
                                                                 limit: int) -> None:  # fmt: skip
    axis = iv.Axis(origin=0, stride=100, lines=lines + 1)
    keyed = [(line * 100 + s, line * 100 + e) for line in range(lines + 1) for s, e in p]
    taken = _of(axis.first_seconds(_spans(keyed), limit))
    for line in range(lines + 1):
        mine = sorted(t - line * 100 for t in taken if line * 100 <= t < (line + 1) * 100)
        assert mine == sorted(_seconds(p))[:limit]


@given(pieces)
def test_long_spans_are_kept_whole_and_short_ones_dropped(p: Pieces) -> None:
    x = _spans(p)
    kept = iv.at_least_long(x, 5)
    assert all(e - s >= 5 for s, e in zip(kept.start, kept.end, strict=True))
    assert len(kept) == int(((x.end - x.start) >= 5).sum())
