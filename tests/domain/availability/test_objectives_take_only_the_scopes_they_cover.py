"""An objective covers some scopes; a whole-service one takes scope evidence only by roll-up."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given

from accord.domain.availability.evaluate import MeasurementRule, Objective, evaluate
from accord.domain.evidence import Evidence, Outage
from hypothesis_budget import examples

from .builders import at, every, samples, window
from .oracle import assert_agrees
from .strategies import World, worlds

REGION = Objective("region", 99.99, MeasurementRule(interval=60))
INSTANCES = Objective("instance", 99.5, MeasurementRule(interval=60), per_scope=True)
TWO_INSTANCES_DOWN = Evidence(
    outages=(
        Outage(at(0), at(600), scope="i-1"),
        Outage(at(300), at(900), scope="i-2"),
        Outage(at(1200), at(1500), scope="eu-west-1"),
    )
)


def _downtime(objective: Objective, evidence: Evidence) -> dict[str | None, int]:
    return {r.scope: r.downtime_seconds for r in evaluate(objective, evidence, window(1))}


def test_an_instance_outage_is_not_downtime_of_the_whole_service() -> None:
    assert _downtime(REGION, TWO_INSTANCES_DOWN) == {None: 0}


def test_scoped_samples_do_not_measure_the_whole_service() -> None:
    evidence = Evidence(samples=samples(every(60, "xxxxx" + "." * 55, scope="i-1")))
    assert _downtime(REGION, evidence) == {None: 0}


def test_a_per_scope_objective_reports_only_the_scopes_it_covers() -> None:
    mine = replace(INSTANCES, covers=("i-*",))
    assert _downtime(mine, TWO_INSTANCES_DOWN) == {"i-1": 600, "i-2": 600}


def test_a_scope_list_names_regions_alone() -> None:
    regions = replace(INSTANCES, covers=("eu-west-1", "us-east-1"))
    assert _downtime(regions, TWO_INSTANCES_DOWN) == {"eu-west-1": 300}


def test_roll_up_of_one_scope_is_down_when_any_covered_scope_is() -> None:
    any_instance = replace(REGION, covers=("i-*",), rollup=1)
    assert _downtime(any_instance, TWO_INSTANCES_DOWN) == {None: 900}  # 0..900


def test_roll_up_of_all_scopes_needs_them_down_at_once() -> None:
    every_instance = replace(REGION, covers=("i-*",), rollup="all")
    assert _downtime(every_instance, TWO_INSTANCES_DOWN) == {None: 300}  # 300..600


def test_roll_up_needs_as_many_scopes_as_it_names() -> None:
    three = replace(REGION, covers=("i-*",), rollup=3)
    assert _downtime(three, TWO_INSTANCES_DOWN) == {None: 0}


def test_excused_scope_time_does_not_roll_up() -> None:
    evidence = Evidence(
        outages=(
            Outage(at(0), at(600), scope="i-1", cause="force_majeure"),
            Outage(at(0), at(600), scope="i-2"),
        )
    )
    both = replace(REGION, rollup="all", excluded_causes=frozenset({"force_majeure"}))
    assert _downtime(both, evidence) == {None: 0}


@examples(1000)
@given(worlds(rolled_up=True))
def test_covered_scopes_and_roll_ups_agree_with_the_per_second_oracle(world: World) -> None:
    assert_agrees(world)
