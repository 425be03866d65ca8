"""Evidence arriving in batches, each named by the client's batch key.

A batch is stored whole or not at all, in one transaction with the record of its key:
once acknowledged it is there, and the same key sent again (a retry after a timeout, a
crash, a lost answer) is answered from that record without storing anything twice. The
same key with another body is refused: it would be a different batch under a used name.

Bodies are JSON Lines (one item per line, as in the evidence document) for every kind,
or CSV for samples; they are read by `accord.evidence`, with its checks and its messages
naming the line, column and field.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from accord.domain.evidence import Evidence
from accord.evidence import EvidenceInvalid, read_evidence
from accord.problems import Problem
from accord.services import audit
from accord.store.evidence_rows import write_evidence_rows
from accord.store.models import IngestBatch

__all__ = [
    "KINDS",
    "BatchKeyReused",
    "Receipt",
    "UnsupportedBody",
    "ingest_batch",
    "read_batch",
    "store_evidence",
]

KINDS = ("samples", "outages", "maintenance", "tickets", "metrics")


class BatchKeyReused(ValueError):
    """A batch key already used for another body."""


class UnsupportedBody(ValueError):
    """A body of a kind or format that ingest does not read."""


@dataclass(frozen=True)
class Receipt:
    batch_key: str
    kind: str
    count: int  # items stored by the batch
    created: bool  # False: the batch was already stored, nothing was added
    received_at: datetime


def read_batch(kind: str, body: bytes, csv: bool) -> Evidence:
    """The evidence in a batch body; raises EvidenceInvalid naming each bad line and field."""
    if kind not in KINDS:
        raise UnsupportedBody(f"unknown kind of evidence {kind!r}; expected {', '.join(KINDS)}")
    if csv and kind != "samples":
        raise UnsupportedBody(f"CSV bodies hold samples; send {kind} as JSON Lines")
    with tempfile.TemporaryDirectory(prefix="accord-batch-") as folder:
        if kind == "samples":
            path = Path(folder) / ("body.csv" if csv else "body.jsonl")
            path.write_bytes(body)
            return read_evidence(path, shown_as="body")
        return _read_items(kind, body, Path(folder) / "body.json")


def _read_items(kind: str, body: bytes, path: Path) -> Evidence:
    """JSON Lines of one kind, read as the evidence document {kind: [...]} would be."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise EvidenceInvalid(
            [Problem("body", 1, 1, "", f"not UTF-8 text: {error.reason}")]
        ) from None
    items, lines = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            json.loads(line)
        except json.JSONDecodeError as error:
            message = f"not valid JSON: {error.msg}"
            raise EvidenceInvalid([Problem("body", number, error.colno, "", message)]) from None
        items.append(line)
        lines.append(number)
    path.write_text(f'{{"{kind}": [\n' + ",\n".join(items) + "\n]}", encoding="utf-8")
    try:
        return read_evidence(path, shown_as="body")
    except EvidenceInvalid as error:
        # Item i sits on line i + 2 of the document: point at the body's own line.
        raise EvidenceInvalid([_body_line(p, lines) for p in error.problems]) from None


def _body_line(problem: Problem, lines: list[int]) -> Problem:
    i = problem.line - 2
    line = lines[i] if 0 <= i < len(lines) else 1
    return Problem("body", line, problem.column, problem.path, problem.message)


def ingest_batch(
    session: Session,
    tenant: str,
    customer: str,
    kind: str,
    batch_key: str,
    body: bytes,
    csv: bool,
    actor: str,
    now: datetime,
    keep_raw: bool,
) -> Receipt:
    """Store the batch once; commits. Raises EvidenceInvalid, UnsupportedBody or
    BatchKeyReused, storing nothing."""
    digest = hashlib.sha256(kind.encode() + b"\0" + body).hexdigest()
    known = _known(session, tenant, customer, batch_key, digest)
    if known is not None:
        return known
    evidence = read_batch(kind, body, csv)
    return store_evidence(
        session, tenant, customer, kind, batch_key, digest, evidence, actor, now, keep_raw
    )


def store_evidence(
    session: Session,
    tenant: str,
    customer: str,
    kind: str,
    batch_key: str,
    digest: str,
    evidence: Evidence,
    actor: str,
    now: datetime,
    keep_raw: bool,
) -> Receipt:
    """Store evidence already read as the batch `batch_key`, once; commits."""
    batch = IngestBatch(
        tenant_id=tenant,
        customer_key=customer,
        batch_key=batch_key,
        id=uuid.uuid4(),
        kind=kind,
        sha256=digest,
        count=0,
        received_at=now,
        received_by=actor,
    )
    try:
        session.add(batch)
        session.flush()  # the key is taken first: a concurrent twin fails here
        batch.count = write_evidence_rows(session, tenant, customer, batch.id, evidence, keep_raw)
        audit.record(
            session,
            tenant,
            actor,
            "ingest",
            f"customers/{customer}/evidence/{kind}/batches/{batch_key}",
            now,
            customer,
            after={"kind": kind, "count": batch.count, "sha256": digest},
        )
        session.commit()
    except IntegrityError:
        session.rollback()
        known = _known(session, tenant, customer, batch_key, digest)
        if known is None:
            raise
        return known
    return Receipt(batch_key, kind, batch.count, True, now)


def _known(
    session: Session, tenant: str, customer: str, batch_key: str, digest: str
) -> Receipt | None:
    found = session.get(IngestBatch, (tenant, customer, batch_key))
    if found is None:
        return None
    if found.sha256 != digest:
        raise BatchKeyReused(
            f"batch key {batch_key!r} was used on {found.received_at:%Y-%m-%d %H:%M}Z for "
            "another body; send a new batch under a new key"
        )
    return Receipt(batch_key, found.kind, found.count, False, found.received_at)
