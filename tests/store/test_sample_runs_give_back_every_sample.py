"""Runs are a lossless form of samples: any series, cut into runs, gives back its samples."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from accord.domain.availability.vantage_points import sort_samples
from accord.domain.evidence import Samples
from accord.store.sample_runs import runs_of, samples_of
from hypothesis_budget import examples


def _rows(s: Samples) -> list[tuple[str, str, str, int, bool]]:
    return sorted(
        (s.scopes[a], s.locations[b], s.monitors[c], int(t), bool(ok))
        for a, b, c, t, ok in zip(s.scope, s.location, s.monitor, s.at, s.ok, strict=True)
    )


@st.composite
def series(draw: st.DrawFn) -> Samples:
    """Mostly regular series (as monitors send them) with jitter, repeats and state flips."""
    n = draw(st.integers(0, 80))
    steps = draw(st.lists(st.sampled_from([60, 60, 60, 30, 0, 61, 300]), min_size=n, max_size=n))
    at = 1_790_000_000 + np.cumsum(np.array(steps, np.int64))
    ok = np.array(draw(st.lists(st.booleans() | st.just(True), min_size=n, max_size=n)))
    vp = np.array(draw(st.lists(st.integers(0, 2), min_size=n, max_size=n)), np.int32)
    return Samples(
        at=at,
        ok=ok.astype(np.bool_),
        scope=vp,
        location=np.zeros(n, np.int32),
        monitor=(vp % 2).astype(np.int32),
        response_ms=np.full(n, np.nan),
        scopes=("", "store-1", "store-2"),
        monitors=("", "web"),
    )


@examples(500)
@given(series())
def test_the_samples_of_the_runs_are_the_samples(samples: Samples) -> None:
    assert _rows(samples_of(runs_of(samples))) == _rows(samples)


def test_a_month_of_an_always_up_monitor_is_one_run() -> None:
    n = 31 * 24 * 60
    samples = Samples(
        at=1_790_000_000 + 60 * np.arange(n, dtype=np.int64),
        ok=np.ones(n, np.bool_),
        scope=np.ones(n, np.int32),
        location=np.zeros(n, np.int32),
        monitor=np.zeros(n, np.int32),
        response_ms=np.full(n, np.nan),
        scopes=("", "store-12"),
    )
    runs = runs_of(samples)
    assert len(runs) == 1 and runs.count[0] == n and runs.interval[0] == 60


def test_a_failure_in_a_regular_series_costs_two_runs_more() -> None:
    at = 60 * np.arange(10, dtype=np.int64)
    ok = np.array([True] * 4 + [False] * 2 + [True] * 4)
    samples = Samples(
        at=at,
        ok=ok,
        scope=np.zeros(10, np.int32),
        location=np.zeros(10, np.int32),
        monitor=np.zeros(10, np.int32),
        response_ms=np.full(10, np.nan),
    )
    runs = runs_of(samples)
    assert list(runs.count) == [4, 2, 4] and list(runs.ok) == [True, False, True]
    assert _rows(sort_samples(samples_of(runs))) == _rows(samples)
