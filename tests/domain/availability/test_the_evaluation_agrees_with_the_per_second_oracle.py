from __future__ import annotations

from hypothesis import given, settings

from .oracle import assert_agrees
from .strategies import World, worlds


@settings(max_examples=400)
@given(worlds())
def test_every_second_is_classed_as_the_oracle_classes_it(world: World) -> None:
    assert_agrees(world)
