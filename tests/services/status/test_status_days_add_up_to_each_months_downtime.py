"""The status page's days agree with the statement: a month's days hold its downtime."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from accord.contracts.loader import load_contract
from accord.domain.evidence import Evidence, MaintenanceWindow, Outage
from accord.domain.period import month
from accord.evidence import read_evidence
from accord.services.evaluate import evaluate
from accord.services.status import service_status
from hypothesis_budget import examples

EXAMPLES = Path(__file__).parents[3] / "examples"
LAVI = load_contract(EXAMPLES / "contracts" / "lavi-qtrac.yaml")
NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)  # the 90 days cover all of September to November


def _october_down(evidence: Evidence) -> dict[str | None, int]:
    status = service_status(LAVI, evidence, NOW)
    return {
        s.scope: sum(d.down for d in s.days if date(2026, 10, 1) <= d.day <= date(2026, 10, 31))
        for s in status.scopes
    }


def _statement_down(evidence: Evidence) -> dict[str | None, int]:
    [october] = evaluate(LAVI, evidence, [month(2026, 10, LAVI.contract.zone)], NOW)
    return {r.scope: r.downtime_seconds for r in october.availability}


def test_the_lavi_example_s_october_days_hold_its_statement_s_downtime() -> None:
    evidence = read_evidence(EXAMPLES / "evidence" / "lavi-qtrac.json")
    assert _october_down(evidence) == _statement_down(evidence)


def test_every_day_splits_into_classes_that_fill_it() -> None:
    evidence = read_evidence(EXAMPLES / "evidence" / "lavi-qtrac.json")
    for scope in service_status(LAVI, evidence, NOW).scopes:
        for d in scope.days:
            parts = (d.down, d.maintenance, d.excluded, d.no_data, d.up)
            assert min(parts) >= 0 and sum(parts) == d.seconds


CAUSES = st.sampled_from(["unplanned", "customer", "force_majeure", "maintenance"])
START = datetime(2026, 9, 25, tzinfo=UTC)


@st.composite
def spans(draw: st.DrawFn) -> tuple[datetime, datetime]:
    start = START + timedelta(minutes=draw(st.integers(0, 60 * 24 * 45)))
    return start, start + timedelta(minutes=draw(st.integers(1, 60 * 30)))


@examples(200)
@given(
    outages=st.lists(st.tuples(spans(), CAUSES, st.sampled_from(["store-1", "store-2", None]))),
    windows=st.lists(st.tuples(spans(), st.booleans()), max_size=3),
)
def test_any_evidence_s_october_days_hold_its_statement_s_downtime(
    outages: list[tuple[tuple[datetime, datetime], str, str | None]],
    windows: list[tuple[tuple[datetime, datetime], bool]],
) -> None:
    evidence = Evidence(
        outages=tuple(Outage(a, b, scope, cause) for (a, b), cause, scope in outages),  # type: ignore[arg-type]
        maintenance=tuple(
            MaintenanceWindow(a, b, None, a - timedelta(days=10) if told else None)
            for (a, b), told in windows
        ),
    )
    if not evidence.scopes_named():
        evidence = Evidence(outages=(Outage(START, START + timedelta(minutes=1), "store-1"),))
    assert _october_down(evidence) == _statement_down(evidence)
