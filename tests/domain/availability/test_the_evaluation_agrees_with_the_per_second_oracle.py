from __future__ import annotations

from hypothesis import given

from hypothesis_budget import examples

from .oracle import assert_agrees
from .strategies import World, worlds


@examples(400)
@given(worlds())
def test_every_second_is_classed_as_the_oracle_classes_it(world: World) -> None:
    assert_agrees(world)
