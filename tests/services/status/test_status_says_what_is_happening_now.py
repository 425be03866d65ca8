"""The state of each scope, open and past incidents, and maintenance, as of `now`."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from accord.contracts.loader import load_contract
from accord.evidence import read_evidence
from accord.services.status import service_status

EXAMPLES = Path(__file__).parents[3] / "examples"
LAVI = load_contract(EXAMPLES / "contracts" / "lavi-qtrac.yaml")
EVIDENCE = read_evidence(EXAMPLES / "evidence" / "lavi-qtrac.json")


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def test_a_scope_in_an_outage_is_down_and_its_incident_is_open() -> None:
    status = service_status(LAVI, EVIDENCE, _at("2026-10-22T12:00:00-07:00"))
    states = {s.scope: s.state for s in status.scopes}
    assert states == {"store-12": "operational", "store-40": "outage", "store-77": "operational"}
    [open_one] = [i for i in status.incidents if i.ongoing]
    assert open_one.scope == "store-40"


def test_a_scope_in_an_announced_window_is_under_maintenance() -> None:
    status = service_status(LAVI, EVIDENCE, _at("2026-10-10T23:00:00-07:00"))
    assert {s.state for s in status.scopes} == {"maintenance"}
    assert [w.start for w in status.maintenance] == [
        _at("2026-10-10T22:00:00-07:00"), _at("2026-10-24T23:00:00-07:00")
    ]  # fmt: skip


def test_incidents_are_newest_first_and_future_ones_are_not_shown() -> None:
    status = service_status(LAVI, EVIDENCE, _at("2026-10-21T00:00:00-07:00"))
    starts = [i.start for i in status.incidents]
    assert starts == sorted(starts, reverse=True)
    assert max(starts) == _at("2026-10-20T10:00:00-07:00")
    assert not any(i.ongoing for i in status.incidents)
