"""/customers/{customer}/evidence: batches in (idempotent by key), evidence out.

`PUT .../evidence/{kind}/batches/{batch_key}` stores a batch once: the same key and body
again answers 200 with the first receipt and stores nothing; the same key with another
body is a 409. JSON Lines for every kind, CSV for samples.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Request, Response
from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute
from starlette.concurrency import run_in_threadpool

from accord.api.deps import CustomerDep, NowDep, PrincipalDep, SessionDep, SettingsDep, require
from accord.api.pagination import CursorParam, LimitParam, Page, decode_cursor, encode_cursor
from accord.api.problems import FieldError, Refusal, problem_responses
from accord.api.schemas import Batch
from accord.evidence import EvidenceInvalid
from accord.services.ingest import BatchKeyReused, UnsupportedBody, ingest_batch
from accord.store.models import (
    IngestBatch,
    SampleRun,
    StoredMaintenance,
    StoredMetric,
    StoredOutage,
)

router = APIRouter(prefix="/customers/{customer}/evidence", tags=["evidence"])
Kind = Literal["samples", "outages", "maintenance", "tickets", "metrics"]
BatchKey = Annotated[str, Path(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$")]
MAX_BATCH = 64 << 20  # bytes in one batch body
JSON_LINES = ("application/x-ndjson", "application/jsonl", "application/json-lines")
BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/x-ndjson": {"schema": {"type": "string"}},
            "text/csv": {"schema": {"type": "string"}},
        },
    }
}
# Who may send each kind: agents handle tickets, incidents (outages) and maintenance.
WRITERS: dict[str, tuple[Any, ...]] = {
    "samples": ("provider_admin",),
    "metrics": ("provider_admin",),
    "outages": ("provider_admin", "provider_agent"),
    "maintenance": ("provider_admin", "provider_agent"),
    "tickets": ("provider_admin", "provider_agent"),
}


@router.put(
    "/{kind}/batches/{batch_key}",
    response_model=Batch,
    status_code=201,
    openapi_extra=BODY,
    responses={
        200: {"model": Batch, "description": "Already stored: nothing added"},
        **problem_responses(401, 403, 404, 409, 413, 415, 422),
    },
)
async def put_batch(
    kind: Kind,
    batch_key: BatchKey,
    request: Request,
    response: Response,
    customer: CustomerDep,
    session: SessionDep,
    principal: PrincipalDep,
    now: NowDep,
    settings: SettingsDep,
) -> Batch:
    require(principal, *WRITERS[kind])
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in (*JSON_LINES, "text/csv"):
        raise Refusal(415, f"send JSON Lines ({JSON_LINES[0]}) or CSV (text/csv), not {media!r}")
    body = await request.body()
    if len(body) > MAX_BATCH:
        raise Refusal(413, f"a batch is at most {MAX_BATCH} bytes; split it")
    try:
        receipt = await run_in_threadpool(
            ingest_batch,
            session,
            principal.tenant,
            customer.key,
            kind,
            batch_key,
            body,
            media == "text/csv",
            principal.actor,
            now,
            keep_raw=settings.raw_sample_retention_days > 0,
        )
    except EvidenceInvalid as error:
        errors = [
            FieldError(field=p.path or "body", message=p.message, line=p.line, column=p.column)
            for p in error.problems
        ]
        raise Refusal(
            422, f"the batch is refused, nothing stored: {error.problems[0]}", errors=errors
        ) from None
    except UnsupportedBody as error:
        raise Refusal(415, str(error)) from None
    except BatchKeyReused as error:
        raise Refusal(409, str(error), field="path.batch_key") from None
    if not receipt.created:
        response.status_code = 200
    return Batch(
        batch_key=receipt.batch_key,
        kind=receipt.kind,
        count=receipt.count,
        created=receipt.created,
        received_at=receipt.received_at,
    )


def _instant(value: Any) -> Any:
    return value.isoformat().replace("+00:00", "Z") if value is not None else None


Row = Any
VIEWS: dict[str, tuple[Any, InstrumentedAttribute[Any], Callable[[Row], dict[str, Any]]]] = {
    "samples": (
        SampleRun,
        SampleRun.id,
        lambda r: {
            "id": str(r.id),
            "scope": r.scope,
            "location": r.location,
            "monitor": r.monitor,
            "ok": r.ok,
            "first_at": r.first_at,
            "last_at": r.last_at,
            "count": r.count,
            "interval": r.interval,
        },
    ),
    "outages": (
        StoredOutage,
        StoredOutage.id,
        lambda r: {
            "id": str(r.id),
            "start": _instant(r.start),
            "end": _instant(r.end),
            "scope": r.scope,
            "cause": r.cause,
            "reported_at": _instant(r.reported_at),
        },
    ),
    "maintenance": (
        StoredMaintenance,
        StoredMaintenance.id,
        lambda r: {
            "id": str(r.id),
            "start": _instant(r.start),
            "end": _instant(r.end),
            "scope": r.scope,
            "announced_at": _instant(r.announced_at),
        },
    ),
    "metrics": (
        StoredMetric,
        StoredMetric.id,
        lambda r: {
            "id": str(r.id),
            "name": r.name,
            "at": _instant(r.at),
            "value": r.value,
            "scope": r.scope,
        },
    ),
}
ReadKind = Literal["samples", "outages", "maintenance", "metrics"]


@router.get(
    "/{kind}", response_model=Page[dict[str, Any]], responses=problem_responses(401, 404, 422)
)
def list_evidence(
    kind: ReadKind,
    customer: CustomerDep,
    session: SessionDep,
    limit: LimitParam = 100,
    cursor: CursorParam = None,
) -> Page[dict[str, Any]]:
    """Stored evidence of one kind: samples as runs (first_at, last_at in epoch seconds,
    count, interval), the others as sent. Tickets are under /tickets."""
    model, key, view = VIEWS[kind]
    after = decode_cursor(cursor, 1)
    query = select(model).where(
        model.tenant_id == customer.tenant_id, model.customer_key == customer.key
    )
    if after is not None:
        try:
            query = query.where(key > uuid.UUID(str(after[0])))
        except ValueError:
            raise Refusal(
                422, "query.cursor: not a cursor this list gave", "query.cursor"
            ) from None
    rows = list(session.scalars(query.order_by(key).limit(limit + 1)))
    items = [view(r) for r in rows[:limit]]
    more = len(rows) > limit
    return Page(items=items, next_cursor=encode_cursor([items[-1]["id"]]) if more else None)


batches = APIRouter(prefix="/customers/{customer}/batches", tags=["evidence"])


@batches.get("", response_model=Page[Batch], responses=problem_responses(401, 404, 422))
def list_batches(
    customer: CustomerDep,
    session: SessionDep,
    limit: LimitParam = 100,
    cursor: CursorParam = None,
) -> Page[Batch]:
    """The batches received for the customer, by key."""
    after = decode_cursor(cursor, 1)
    query = select(IngestBatch).where(
        IngestBatch.tenant_id == customer.tenant_id, IngestBatch.customer_key == customer.key
    )
    if after is not None:
        query = query.where(IngestBatch.batch_key > str(after[0]))
    rows = list(session.scalars(query.order_by(IngestBatch.batch_key).limit(limit + 1)))
    items = [
        Batch(
            batch_key=b.batch_key,
            kind=b.kind,
            count=b.count,
            created=True,
            received_at=b.received_at,
        )
        for b in rows[:limit]
    ]
    more = len(rows) > limit
    return Page(items=items, next_cursor=encode_cursor([items[-1].batch_key]) if more else None)
