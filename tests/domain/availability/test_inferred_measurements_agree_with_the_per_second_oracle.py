"""Samples read at their own interval are classed as the per-second oracle classes them."""

from __future__ import annotations

import math
import statistics
from dataclasses import replace

from hypothesis import assume, given

from accord.domain.availability.inferred import DEFAULT_INTERVAL, inferred_measurement
from accord.domain.evidence import Samples
from hypothesis_budget import examples

from .oracle import assert_agrees
from .strategies import World, worlds


def _plain_interval(s: Samples, monitors: frozenset[str] | None) -> int:
    """The median spacing, the slow way: a dictionary of series and a loop."""
    series: dict[tuple[int, int, int], list[int]] = {}
    for i in range(len(s)):
        if monitors is None or s.monitors[s.monitor[i]] in monitors:
            key = (int(s.scope[i]), int(s.location[i]), int(s.monitor[i]))
            series.setdefault(key, []).append(int(s.at[i]))
    steps = []
    for times in series.values():
        times.sort()
        steps += [b - a for a, b in zip(times, times[1:], strict=False) if b > a]
    return math.floor(statistics.median(steps) + 0.5) if steps else DEFAULT_INTERVAL


@examples(200)
@given(worlds())
def test_every_second_is_classed_as_the_oracle_classes_it(world: World) -> None:
    monitors = world.objective.measurement.monitors if world.objective.measurement else None
    inferred = inferred_measurement(world.evidence.samples, monitors)
    assume(inferred is not None)
    assert inferred is not None
    assert inferred.interval == _plain_interval(world.evidence.samples, monitors)
    objective = replace(world.objective, measurement=inferred)
    assert_agrees(replace(world, objective=objective, high=world.high + inferred.interval))
