"""/customers/{customer}/statements/{month}: the month's statements, live or frozen."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Path

from accord.api.deps import CustomerDep, NowDep, SessionDep, SettingsDep
from accord.api.problems import problem_responses
from accord.services.statements import customer_month

router = APIRouter(prefix="/customers/{customer}/statements", tags=["statements"])
Month = Annotated[str, Path(pattern=r"^\d{4}-(0[1-9]|1[0-2])$", description="YYYY-MM")]


@router.get("/{month}", response_model=dict[str, Any], responses=problem_responses(401, 404, 422))
def read_statement(
    month: Month, customer: CustomerDep, session: SessionDep, now: NowDep, settings: SettingsDep
) -> dict[str, Any]:
    """One statement per subscription running in the month (the document of
    `accord evaluate --format json`, with the subscription's id). `status` is `live` for
    a month still running, computed as of `as_of`; `frozen` for a month that is over,
    computed once and kept with `evidence_sha256`, the digest of its evidence."""
    assert re.match(r"^\d{4}-\d{2}$", month)
    grace = timedelta(days=settings.statement_grace_days)
    body = customer_month(session, customer.tenant_id, customer.key, month, now, grace)
    session.commit()
    return body
