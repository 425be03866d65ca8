"""Silence is never success: a month with no sample and no record of an objective is no
data, neither met nor missed, with no credit computed; records alone say what they assume."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from accord.contracts.loader import LoadedContract, load_contract
from accord.domain.evidence import Evidence, Fees, MaintenanceWindow, Outage
from accord.domain.period import parse_months
from accord.services.evaluate import evaluate

from .conftest import EXAMPLES, NOW, example


def _october(contract: LoadedContract, evidence: Evidence):  # type: ignore[no-untyped-def]
    [statement] = evaluate(contract, evidence, parse_months("2026-10", contract.contract.zone), NOW)
    return statement


def test_an_empty_month_is_neither_met_nor_missed_and_owes_no_computed_credit() -> None:
    s = _october(example("ethnio"), Evidence(fees=Fees("USD", 1000.0)))
    [uptime] = s.availability
    assert (uptime.achieved_percent, uptime.met, uptime.judged_from) == (None, None, "nothing")
    assert uptime.no_data_seconds == uptime.period_seconds
    assert [line.percent for line in s.credits] == [None]
    assert s.credit_total.amount is None
    kinds = [f.kind for f in s.findings]
    assert "no_data" in kinds and "credit_undecided" in kinds
    assert any("no evidence in 2026-10" in f.message for f in s.findings)


def test_outage_records_alone_are_judged_and_the_statement_says_what_it_assumes() -> None:
    start = datetime(2026, 10, 12, 17, tzinfo=UTC)
    hour = Outage(start, start + timedelta(hours=1))
    evidence = Evidence(fees=Fees("USD", 1000.0), outages=(hour,))
    s = _october(example("ethnio"), evidence)
    [uptime] = s.availability
    assert uptime.judged_from == "records"
    assert uptime.met is False and uptime.no_data_seconds == 0
    assert "records_only" in {f.kind for f in s.findings}


def test_a_maintenance_record_is_evidence_of_the_month_too() -> None:
    start = datetime(2026, 10, 10, 3, tzinfo=UTC)  # a Friday evening in Pacific time
    window = MaintenanceWindow(start, start + timedelta(hours=2), None, start - timedelta(days=2))
    s = _october(example("ethnio"), Evidence(maintenance=(window,)))
    [uptime] = s.availability
    assert uptime.judged_from == "records" and uptime.met is True


def test_records_of_another_month_leave_this_one_without_evidence() -> None:
    start = datetime(2026, 9, 12, 17, tzinfo=UTC)
    s = _october(example("ethnio"), Evidence(outages=(Outage(start, start + timedelta(hours=1)),)))
    assert s.availability[0].judged_from == "nothing"


def test_a_contract_that_counts_silence_as_up_keeps_the_earlier_reading(tmp_path: Path) -> None:
    text = (EXAMPLES / "contracts" / "ethnio.yaml").read_text()
    marked = text.replace("    target: 99.95%\n", "    target: 99.95%\n    without_evidence: up\n")
    assert marked != text
    (tmp_path / "ethnio.yaml").write_text(marked)
    s = _october(load_contract(tmp_path / "ethnio.yaml"), Evidence(fees=Fees("USD", 1000.0)))
    [uptime] = s.availability
    assert (uptime.achieved_percent, uptime.met, uptime.judged_from) == (100.0, True, "contract")
    assert s.credit_total.amount == 0.0
    assert "silence_as_up" in {f.kind for f in s.findings}


def test_a_scope_named_only_by_its_fee_has_no_data_while_a_watched_one_is_judged() -> None:
    start = datetime(2026, 10, 14, 15, tzinfo=UTC)
    evidence = Evidence(
        fees=Fees("USD", None, {"store-12": 400.0, "store-40": 250.0}),
        outages=(Outage(start, start + timedelta(hours=12), scope="store-12"),),
    )
    s = _october(example("lavi-qtrac"), evidence)
    by_scope = {r.scope: r for r in s.availability}
    assert by_scope["store-12"].judged_from == "records"
    assert by_scope["store-40"].judged_from == "nothing"
    assert by_scope["store-40"].met is None
