"""`accord simulate`: credits before and after outages that did not happen."""

from __future__ import annotations

import json

from .runner import NOW, accord, contract, evidence


def simulate(*more: str) -> list[str]:
    return ["simulate", contract("lavi-qtrac"), "--evidence", evidence("lavi-qtrac"),
            "--period", "2026-10", "--now", NOW, *more]  # fmt: skip


def test_an_outage_at_one_location_changes_that_location_only() -> None:
    # store-77: 2 h already down, 12 h more: 14 h of 738 h judged (744 h less 6 h
    # excused) is 98.10 %: one whole point of downtime, 10 % of 300 USD.
    run = accord(*simulate("--add-outage", "2026-10-14T08:00/2026-10-14T20:00@store-77",
                           "--format", "json"))  # fmt: skip
    assert run.code == 0, run.err
    data = json.loads(run.out)
    changes = {c["scope"]: c["difference"] for c in data["changes"]}
    assert changes == {"store-12": 0.0, "store-40": 0.0, "store-77": 30.0}
    assert data["credit_total"] == {
        "before": 105.0, "after": 135.0, "difference": 30.0, "currency": "USD",
        "capped_after": False,
    }  # fmt: skip
    assert data["added_outages"] == [
        {"start": "2026-10-14T08:00:00-07:00", "end": "2026-10-14T20:00:00-07:00",
         "scope": "store-77"}
    ]  # fmt: skip


def test_outages_add_up_and_a_whole_service_outage_hits_every_location() -> None:
    # 3 h more everywhere: store-12 22.5 h (96.93 %, 3 steps of 400), store-40 14 h
    # (98.09 %, still 1 step of 250), store-77 17 h (97.70 %, 2 steps of 300).
    run = accord(*simulate("--add-outage", "2026-10-14T08:00/2026-10-14T20:00@store-77",
                           "--add-outage", "2026-10-28T13:00Z/2026-10-28T16:00Z"))  # fmt: skip
    assert run.code == 0, run.err
    assert "Credits before and after, USD" in run.out
    assert "120.00 (30 %)" in run.out and "60.00 (20 %)" in run.out
    assert "205.00" in run.out and "100.00" in run.out
