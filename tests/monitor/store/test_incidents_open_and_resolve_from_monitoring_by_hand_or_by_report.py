"""Incidents: from confirmed state, by hand, from a customer's report; timeline; causes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.monitor.incidents import add_update, change_cause, on_change, report, timeline
from accord.monitor.tracker import Change
from accord.store.models import AuditEntry, StoredOutage
from monitor.store.conftest import NOW

DOWN = Change(("application-servers", "paris"), True, NOW - timedelta(minutes=5), "status 503")
UP = Change(("application-servers", "paris"), False, NOW + timedelta(minutes=20), "200 OK")


def test_a_confirmed_outage_opens_one_incident_from_its_start(session: Session) -> None:
    opened = on_change(session, "acme-sla", "globex", DOWN, True, NOW)
    assert opened is not None
    assert opened.started_at == NOW - timedelta(minutes=5)
    assert opened.reported_at == NOW  # monitoring's confirmation is the initial notice
    assert (opened.source, opened.status, opened.scope) == ("monitoring", "investigating", "paris")
    assert on_change(session, "acme-sla", "globex", DOWN, True, NOW) is None  # one at a time


def test_a_monitor_that_does_not_open_incidents_opens_none(session: Session) -> None:
    assert on_change(session, "acme-sla", "globex", DOWN, False, NOW) is None


def test_coming_back_up_resolves_it_and_writes_the_outage(session: Session) -> None:
    opened = on_change(session, "acme-sla", "globex", DOWN, True, NOW)
    later = NOW + timedelta(minutes=20)
    resolved = on_change(session, "acme-sla", "globex", UP, True, later)
    assert resolved is not None and opened is not None and resolved.id == opened.id
    assert resolved.status == "resolved" and resolved.resolved_at == later
    assert [u.status for u in timeline(session, resolved)] == ["investigating", "resolved"]
    outage = session.get(StoredOutage, ("acme-sla", resolved.id))
    assert outage is not None
    assert (outage.start, outage.end, outage.cause) == (opened.started_at, later, "unplanned")


def test_a_customer_report_is_the_initial_notice(session: Session) -> None:
    incident = report(session, "acme-sla", "globex", "cannot log in", "ops@globex.test", NOW)
    assert incident.source == "customer_report"
    assert incident.reported_at == incident.started_at == NOW


def test_the_timeline_keeps_each_update_in_order(session: Session) -> None:
    incident = report(session, "acme-sla", "globex", "slow pages", "ops@globex.test", NOW)
    for k, status in enumerate(("identified", "monitoring", "resolved"), start=1):
        add_update(session, incident, status, f"step {k}", "agent", NOW + timedelta(minutes=k))
    assert [(u.seq, u.status) for u in timeline(session, incident)] == [
        (1, "investigating"), (2, "identified"), (3, "monitoring"), (4, "resolved"),
    ]  # fmt: skip
    with pytest.raises(ValueError, match="status: expected one of"):
        add_update(session, incident, "fixed", "", "agent", NOW)


def test_a_change_of_cause_is_audited_with_its_reason_and_changes_the_outage(
    session: Session,
) -> None:
    opened = on_change(session, "acme-sla", "globex", DOWN, True, NOW)
    resolved = on_change(session, "acme-sla", "globex", UP, True, NOW + timedelta(minutes=20))
    assert opened is not None and resolved is not None
    later = NOW + timedelta(hours=2)
    change_cause(session, resolved, "third_party", "backbone failure at the carrier", "lea", later)
    outage = session.get(StoredOutage, ("acme-sla", resolved.id))
    assert outage is not None and outage.cause == "third_party"
    entry = session.scalars(
        select(AuditEntry).where(AuditEntry.action == "update").order_by(AuditEntry.at)
    ).all()[-1]
    assert entry.actor == "lea" and entry.before == {"cause": "unplanned"}
    assert entry.after == {"cause": "third_party", "reason": "backbone failure at the carrier"}
    assert "cause changed from unplanned to third_party" in timeline(session, resolved)[-1].message
    with pytest.raises(ValueError, match="reason: a change of cause changes exclusions"):
        change_cause(session, resolved, "attack", " ", "lea", later)
