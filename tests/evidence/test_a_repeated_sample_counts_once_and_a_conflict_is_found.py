"""One sample per vantage point and second, whatever the order of the rows.

`one_per_second` keeps the first of each sample given again and finds two that disagree,
alike for rows in file order (its one pass over cache-sized chunks) and in any other
order (its sort); checked against a brute-force walk over the rows, with chunks made
small so that the pass crosses many of their edges.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.domain.evidence import Samples
from accord.evidence import duplicates
from accord.evidence.duplicates import one_per_second
from hypothesis_budget import examples

_ROW = st.tuples(
    st.integers(0, 2),  # scope
    st.integers(0, 2),  # location
    st.integers(0, 1),  # monitor
    st.integers(0, 6),  # at
    st.booleans(),  # ok
)


def _samples(rows: list[tuple[int, int, int, int, bool]]) -> Samples:
    columns = list(zip(*rows, strict=True)) if rows else [(), (), (), (), ()]
    return Samples(
        at=np.array(columns[3], np.int64),
        ok=np.array(columns[4], np.bool_),
        scope=np.array(columns[0], np.int32),
        location=np.array(columns[1], np.int32),
        monitor=np.array(columns[2], np.int32),
        response_ms=np.full(len(rows), np.nan),
        scopes=("", "a", "b"),
        locations=("", "paris", "oslo"),
        monitors=("", "http"),
    )


def _brute_force(rows: list[tuple[int, int, int, int, bool]]) -> list[int] | None:
    """Rows kept (the first of each), or None when two samples of one second disagree."""
    seen: dict[tuple[int, int, int, int], bool] = {}
    kept = []
    for i, (scope, location, monitor, at, ok) in enumerate(rows):
        key = (scope, location, monitor, at)
        if key in seen:
            if seen[key] != ok:
                return None
            continue
        seen[key] = ok
        kept.append(i)
    return kept


@pytest.fixture(autouse=True)
def _small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(duplicates, "_CHUNK", 3)


@examples(300)
@given(st.lists(_ROW, max_size=30), st.booleans())
def test_repeats_are_dropped_and_conflicts_found_as_row_by_row(
    rows: list[tuple[int, int, int, int, bool]], in_file_order: bool
) -> None:
    if in_file_order:  # grouped by vantage point, in time order: the usual file
        rows = sorted(rows, key=lambda r: r[:4])
    samples = _samples(rows)
    kept, conflict = one_per_second(samples)
    expected = _brute_force(rows)
    if expected is None:
        assert conflict is not None
        first, second = conflict
        assert first < second and rows[first][:4] == rows[second][:4]
        assert rows[first][4] != rows[second][4]
        return
    assert conflict is None
    assert kept.at.tolist() == [rows[i][3] for i in expected]
    assert kept.ok.tolist() == [rows[i][4] for i in expected]
    assert kept.scope.tolist() == [rows[i][0] for i in expected]
    assert kept.location.tolist() == [rows[i][1] for i in expected]
    assert kept.monitor.tolist() == [rows[i][2] for i in expected]


def test_samples_in_file_order_without_repeats_are_given_back_as_they_are() -> None:
    rows = [(1, 1, 0, t, t % 3 > 0) for t in range(10)] + [(2, 1, 0, t, True) for t in range(10)]
    samples = _samples(rows)
    kept, conflict = one_per_second(samples)
    assert conflict is None and kept is samples
