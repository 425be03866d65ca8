"""/customers/{customer}/tickets: tickets with their live clocks."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path

from accord.api.deps import CustomerDep, NowDep, SessionDep
from accord.api.problems import Refusal, problem_responses
from accord.services.ticket_clocks import live_tickets

router = APIRouter(prefix="/customers/{customer}/tickets", tags=["tickets"])


@router.get("", response_model=list[dict[str, Any]], responses=problem_responses(401, 404, 422))
def list_tickets(customer: CustomerDep, session: SessionDep, now: NowDep) -> list[dict[str, Any]]:
    """Every ticket with each clock: due, state (running, paused, met, breached) and the
    seconds left on the clock's own terms (open time for a business-hours clock)."""
    return live_tickets(session, customer.tenant_id, customer.key, now)


@router.get("/{ticket}", response_model=dict[str, Any], responses=problem_responses(401, 404, 422))
def read_ticket(
    ticket: Annotated[str, Path(max_length=128)],
    customer: CustomerDep,
    session: SessionDep,
    now: NowDep,
) -> dict[str, Any]:
    for found in live_tickets(session, customer.tenant_id, customer.key, now):
        if found["id"] == ticket:
            return found
    raise Refusal(404, f"customer {customer.key!r} has no ticket {ticket!r}")
