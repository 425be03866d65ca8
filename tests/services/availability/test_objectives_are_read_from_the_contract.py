from __future__ import annotations

from pathlib import Path

import pytest

from accord.contracts.loader import load_contract
from accord.contracts.model import Contract
from accord.contracts.types import parse_duration
from accord.domain.evidence import Evidence
from accord.services.terms.availability import availability_objective as objective_for

EXAMPLES = Path(__file__).parents[3] / "examples" / "contracts"


def _contract(name: str) -> Contract:
    return load_contract(EXAMPLES / f"{name}.yaml").contract


def test_letsignit_measures_every_five_minutes_and_forgives_maintenance_anywhere() -> None:
    contract = _contract("letsignit")
    objective = objective_for(contract, contract.availability[1], Evidence(), None)
    m = objective.measurement
    assert m is not None
    assert (m.interval, m.minimum_outage, m.confirmations, m.quorum) == (300, 300, 1, 1)
    rules = objective.maintenance
    assert rules is not None and rules.allowed is not None
    assert rules.allowed.zone == "Europe/Paris"
    assert (rules.outside_windows, rules.without_notice) == ("excluded", "excluded")
    assert rules.notice == 0  # 'announced in advance', with no length given
    assert objective.excluded_causes == {"third_party", "attack", "customer"}
    assert not objective.per_scope


def test_ethnio_caps_weekend_maintenance_at_a_day_a_month() -> None:
    contract = _contract("ethnio")
    objective = objective_for(contract, contract.availability[0], Evidence(), None)
    assert objective.measurement is None
    rules = objective.maintenance
    assert rules is not None and rules.allowed is not None
    assert rules.allowed.zone == "America/Los_Angeles"
    assert rules.monthly_cap == 24 * 3600
    friday, saturday, monday = (rules.allowed.week.days[d] for d in (4, 5, 0))
    assert [(i.start, i.end) for i in friday] == [(18 * 60, 1440)]
    assert [(i.start, i.end) for i in saturday] == [(0, 1440)]
    assert [(i.start, i.end) for i in monday] == [(0, 180)]


def test_lavi_is_judged_per_location_from_the_customers_notice() -> None:
    contract = _contract("lavi-qtrac")
    objective = objective_for(contract, contract.availability[0], Evidence(), None)
    assert objective.per_scope and objective.downtime_from_notice
    assert objective.excluded_causes == {"customer", "force_majeure"}
    assert objective.maintenance is not None and objective.maintenance.allowed is None


def test_istockist_leaves_out_its_thirty_day_introductory_period() -> None:
    contract = _contract("istockist")
    objective = objective_for(contract, contract.availability[0], Evidence(), None)
    assert objective.introductory == 30 * 86_400


@pytest.mark.parametrize(
    ("plan", "target"),
    [("standard", 99.9), ("premium", 99.95), ("enterprise", 99.99), (None, None)],
)
def test_the_plan_chooses_the_target(plan: str | None, target: float | None) -> None:
    contract = _contract("infopromo")
    objective = objective_for(contract, contract.availability[0], Evidence(), plan)
    assert objective.target_percent == target


def test_a_length_in_business_days_is_refused_by_name() -> None:
    contract = _contract("letsignit")
    measurement = contract.availability[1].measurement
    assert measurement is not None
    odd = measurement.model_copy(update={"interval": parse_duration("2 business days")})
    objective = contract.availability[1].model_copy(update={"measurement": odd})
    with pytest.raises(ValueError, match="measurement.interval: '2 business days'"):
        objective_for(contract, objective, Evidence(), None)


def test_maintenance_only_in_recurring_slots_is_refused_not_misread() -> None:
    contract = _contract("letsignit")
    assert contract.maintenance is not None
    strict = contract.maintenance.model_copy(update={"as_needed": False})
    contract = contract.model_copy(update={"maintenance": strict})
    with pytest.raises(ValueError, match="maintenance.as_needed: false"):
        objective_for(contract, contract.availability[1], Evidence(), None)
