"""Metamorphic properties of the month's money on the Lavi example (downtime counts from
the customer's initial notice): adding downtime never raises an availability nor lowers
a credit, and the order of the evidence never changes a statement."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from accord.domain.evidence import CAUSES, Evidence, Outage
from accord.domain.period import parse_months
from accord.domain.statement import Statement, statement_json
from accord.evidence import read_evidence
from accord.services.evaluate import evaluate
from hypothesis_budget import examples

from ..conftest import EXAMPLES, NOW, example

LAVI = example("lavi-qtrac")
EVIDENCE = read_evidence(EXAMPLES / "evidence" / "lavi-qtrac.json")
OCTOBER = parse_months("2026-10", LAVI.contract.zone)
SCOPES = sorted({o.scope for o in EVIDENCE.outages if o.scope})
_START = datetime(2026, 10, 1, 7, tzinfo=UTC)


def _month(evidence: Evidence) -> Statement:
    [statement] = evaluate(LAVI, evidence, OCTOBER, NOW)
    return statement


def _figures(s: Statement) -> tuple[dict[object, float | None], dict[object, float | None]]:
    achieved = {(r.objective, r.scope): r.achieved_percent for r in s.availability}
    credits = {(c.objective, c.scope): c.amount for c in s.credits}
    return achieved, credits


def _no_better(before: Statement, after: Statement) -> None:
    achieved_before, credits_before = _figures(before)
    achieved_after, credits_after = _figures(after)
    for key, value in achieved_before.items():
        if value is not None and achieved_after[key] is not None:
            assert achieved_after[key] <= value + 1e-9, key
    for key, value in credits_before.items():
        assert (credits_after.get(key) or 0) >= (value or 0) - 1e-9, key
    assert (after.credit_total.amount or 0) >= (before.credit_total.amount or 0) - 1e-9


def test_an_unreported_record_inside_a_reported_outage_moves_no_notice() -> None:
    # store-12 is down from 08:00 and the customer reported it at 08:30 (local time);
    # a five-minute record at 09:00 that says nothing of a report must not become the
    # notice of the merged downtime.
    added = Outage(datetime(2026, 10, 6, 16, tzinfo=UTC), datetime(2026, 10, 6, 16, 5,
                   tzinfo=UTC), scope="store-12")  # fmt: skip
    before = _month(EVIDENCE)
    after = _month(replace(EVIDENCE, outages=(*EVIDENCE.outages, added)))
    assert _figures(after) == _figures(before)


outages = st.builds(
    lambda start, minutes, scope, cause, report: Outage(
        _START + timedelta(minutes=start), _START + timedelta(minutes=start + minutes),
        scope, cause,
        None if report is None else _START + timedelta(minutes=start + report),
    ),
    st.integers(0, 31 * 24 * 60), st.integers(1, 3 * 24 * 60), st.sampled_from([None, *SCOPES]),
    st.sampled_from(CAUSES), st.none() | st.integers(-60, 4 * 24 * 60),
)  # fmt: skip


@examples(60)
@given(added=st.lists(outages, min_size=1, max_size=3))
def test_adding_downtime_never_raises_availability_nor_lowers_a_credit(
    added: list[Outage],
) -> None:
    unplanned = [o for o in added if o.cause == "unplanned"]
    before = _month(EVIDENCE)
    after = _month(replace(EVIDENCE, outages=(*EVIDENCE.outages, *unplanned)))
    _no_better(before, after)


@examples(40)
@given(order=st.permutations(range(len(EVIDENCE.outages))), tickets=st.randoms())
def test_the_order_of_the_evidence_never_changes_the_statement(
    order: list[int], tickets: object
) -> None:
    shuffled_tickets = list(EVIDENCE.tickets)
    tickets.shuffle(shuffled_tickets)  # type: ignore[attr-defined]
    shuffled = replace(
        EVIDENCE,
        outages=tuple(EVIDENCE.outages[i] for i in order),
        tickets=tuple(shuffled_tickets),
        maintenance=tuple(reversed(EVIDENCE.maintenance)),
    )
    assert statement_json(_month(shuffled)) == statement_json(_month(EVIDENCE))
