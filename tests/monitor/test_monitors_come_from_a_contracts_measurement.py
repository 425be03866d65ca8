"""Monitors derived from a contract's measurement: probe, target, interval, rules, places."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.contracts.loader import load_contract
from accord.monitor.monitors import from_contract

EXAMPLES = Path(__file__).parents[2] / "examples" / "contracts"


def test_letsignit_gives_a_header_check_every_five_minutes_with_its_rules() -> None:
    contract = load_contract(EXAMPLES / "letsignit.yaml").contract
    targets = {"application-servers": "https://app.example.test/", "server-benchmark": "x"}
    monitors = from_contract(contract, targets)
    (servers,) = [m for m in monitors if m.name == "application-servers"]
    assert servers.target.kind == "http_headers"
    assert servers.target.target == "https://app.example.test/"
    assert servers.interval == 300 and servers.target.timeout == 30
    assert servers.rule.minimum_outage == 300
    assert servers.opens_incident
    assert servers.remediation == (
        "restart_services", "reboot", "remove_from_load_balancer", "escalate_to_support",
    )  # fmt: skip


def test_a_scope_target_wins_and_each_location_is_a_vantage_point() -> None:
    contract = load_contract(EXAMPLES / "letsignit.yaml").contract
    first, *rest = contract.availability
    assert first.measurement is not None
    measured = first.measurement.model_copy(
        update={"locations": ["paris", "frankfurt", "dublin"], "quorum": 2}
    )
    first = first.model_copy(update={"measurement": measured})
    data = contract.model_copy(update={"availability": [first, *rest]})
    monitors = from_contract(
        data,
        {
            "server-benchmark": "https://all.test/",
            "application-servers": "https://app.test/",
            "fr": "https://fr.test/",
        },  # fmt: skip
        scopes=("fr", "de"),
    )
    mine = [mon for mon in monitors if mon.name == data.availability[0].id]
    assert len(mine) == 6
    assert {mon.target.target for mon in mine if mon.scope == "fr"} == {"https://fr.test/"}
    assert {mon.target.target for mon in mine if mon.scope == "de"} == {"https://all.test/"}
    assert {mon.location for mon in mine} == {"paris", "frankfurt", "dublin"}
    assert all(mon.rule.quorum == 2 for mon in mine)
    assert len({mon.key for mon in mine}) == 6


def test_a_measurement_without_any_target_is_refused_with_the_objective() -> None:
    contract = load_contract(EXAMPLES / "letsignit.yaml").contract
    with pytest.raises(ValueError, match="availability .server-benchmark. measurement: no target"):
        from_contract(contract)
