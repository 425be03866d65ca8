from __future__ import annotations

from hypothesis import given

from hypothesis_budget import examples

from .oracle import assert_agrees
from .strategies import World, month_worlds


@examples(12)
@given(month_worlds())
def test_whole_months_with_clock_changes_and_a_leap_day_agree(world: World) -> None:
    assert_agrees(world)
