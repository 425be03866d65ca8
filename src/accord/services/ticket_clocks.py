"""Tickets with their clocks as of now: due, time left on the clock's own terms, paused,
met or breached.

The clocks are those of the month's statement (`accord.services.support`), judged on the
ticket's events up to `now` under the contract of the subscription running when the
ticket was opened. Time left is open time of the clock's calendar for an open-time
clock, elapsed time otherwise.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.domain.calendars import business_time_between
from accord.domain.evidence import Ticket
from accord.domain.period import parse_month
from accord.domain.support import SupportTerms, TicketClock, TicketResult
from accord.services.contract_versions import load_version
from accord.services.support import evaluate_support
from accord.services.terms import translate
from accord.store.evidence_rows import stored_evidence
from accord.store.models import ContractVersion, Subscription

__all__ = ["live_tickets"]


def live_tickets(
    session: Session, tenant: str, customer: str, now: datetime
) -> list[dict[str, Any]]:
    """Every ticket of the customer, oldest first, with its clocks as of `now`."""
    found: list[dict[str, Any]] = []
    for subscription in session.scalars(
        select(Subscription)
        .where(Subscription.tenant_id == tenant, Subscription.customer_key == customer)
        .order_by(Subscription.starts_at, Subscription.id)
    ):
        found += _subscription_tickets(session, subscription, now)
    return sorted(found, key=lambda t: (t["opened_at"], t["id"]))


def _subscription_tickets(session: Session, s: Subscription, now: datetime) -> list[dict[str, Any]]:
    version = session.get(ContractVersion, (s.tenant_id, s.contract_key, s.version))
    assert version is not None
    loaded = load_version(version)
    contract = loaded.contract
    evidence = stored_evidence(session, s, s.starts_at, s.starts_at)
    terms = translate(loaded, evidence, s.plan).support
    if terms is None:
        return []
    zone = ZoneInfo(contract.zone)
    far = datetime(9999, 1, 1, tzinfo=UTC)
    tickets = [t for t in evidence.tickets if s.starts_at <= t.opened_at < (s.ends_at or far)]
    months: dict[str, list[Ticket]] = {}
    for t in tickets:
        months.setdefault(t.opened_at.astimezone(zone).strftime("%Y-%m"), []).append(t)
    views = []
    for label, group in months.items():
        period = parse_month(label, contract.zone)
        result = evaluate_support(terms, group, period, now)
        by_id = {t.id: t for t in group}
        views += [_view(terms, r, by_id[r.id], now) for r in result.tickets]
    return views


def _view(terms: SupportTerms, r: TicketResult, t: Ticket, now: datetime) -> dict[str, Any]:
    paused = _paused(terms, t, now)
    return {
        "id": r.id,
        "severity": r.severity,
        "opened_at": _at(r.opened_at),
        "scope": t.scope,
        "paused": paused,
        "clocks": [_clock(terms, c, paused, now) for c in r.clocks],
        "findings": [f.detail for f in r.findings],
    }


def _clock(terms: SupportTerms, c: TicketClock, paused: bool, now: datetime) -> dict[str, Any]:
    if c.met is not None:
        state = "met" if c.met else "breached"
    else:
        state = "paused" if paused else "running"
    left = None
    if c.met is None and c.due > now:
        severity = terms.severity(c.severity)
        rule = severity.rule(c.metric) if severity is not None else None
        if rule is not None and rule.kind != "elapsed":
            left = business_time_between(rule.calendar, now, c.due).total_seconds()
        else:
            left = (c.due - now).total_seconds()
    return {
        "metric": c.metric,
        "severity": c.severity,
        "due": _at(c.due),
        "achieved_at": _at(c.achieved_at),
        "state": state,
        "seconds_left": left,  # None once achieved or past due
    }


def _paused(terms: SupportTerms, t: Ticket, now: datetime) -> bool:
    """Waiting for the customer, on a contract that stops the clocks meanwhile."""
    if not terms.pause_while_awaiting_customer:
        return False
    state = False
    for event in t.events:
        if event.at > now:
            break
        if event.type == "awaiting_customer":
            state = True
        elif event.type in ("customer_replied", "resolved", "closed"):
            state = False
    return state


def _at(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat().replace("+00:00", "Z")
