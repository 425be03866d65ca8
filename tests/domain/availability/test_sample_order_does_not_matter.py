from __future__ import annotations

import numpy as np

from accord.domain.availability.evaluate import MeasurementRule, Objective, evaluate
from accord.domain.evidence import Evidence, Samples

from .builders import every, samples, window

OBJECTIVE = Objective(
    "web", 99.0, MeasurementRule(interval=60, quorum=2, confirmations=2), per_scope=True
)


def _rows() -> list[tuple[int, bool, str, str, str]]:
    return (
        every(60, "..xxx...x.xx..." * 4, scope="a", location="paris")
        + every(60, ".xxx....xx.x..." * 4, scope="a", location="oslo")
        + every(60, "....xxxx..." * 5, scope="b", location="paris")
        + every(60, "xxxx...xxxx" * 5, location="oslo")
    )


def _permuted(s: Samples, order: np.ndarray) -> Samples:
    return Samples(
        s.at[order],
        s.ok[order],
        s.scope[order],
        s.location[order],
        s.monitor[order],
        s.response_ms[order],
        s.scopes,
        s.locations,
        s.monitors,
    )


def test_grouped_interleaved_and_shuffled_samples_give_the_same_result() -> None:
    grouped = samples(_rows())
    by_time = np.argsort(grouped.at, kind="stable")  # locations interleaved, time order
    shuffled = np.random.default_rng(7).permutation(len(grouped))
    results = [
        evaluate(OBJECTIVE, Evidence(samples=s), window(1))
        for s in (grouped, _permuted(grouped, by_time), _permuted(grouped, shuffled))
    ]
    assert results[0] == results[1] == results[2]
    assert sum(r.downtime_seconds for r in results[0]) > 0
