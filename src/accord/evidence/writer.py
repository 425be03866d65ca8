"""Writing evidence back: what `read_evidence` reads, `write_evidence` writes.

Instants are written in UTC with 'Z'. A document with many samples keeps them in a CSV
file beside it (`<name>.samples.csv`), named in its `samples` field; a path ending in
.csv, .jsonl or .ndjson receives the samples alone.
"""

from __future__ import annotations

import json
import math
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from accord.domain.evidence import Evidence, Samples, Ticket
from accord.evidence.document import SAMPLE_SUFFIXES
from accord.evidence.instants import format_instant, format_many
from accord.evidence.sample_sources import COLUMNAR_SUFFIXES

INLINE_SAMPLES = 10_000  # more samples than this go to a CSV file beside the document
_ROWS = 1 << 20  # CSV rows formatted at a time


def write_evidence(
    evidence: Evidence,
    path: Path | str,
    inline_up_to: int = INLINE_SAMPLES,
    beside: str = ".csv",
) -> None:
    """Write `evidence` to `path` (a .json document, or a sample file for samples alone).

    A document keeps more than `inline_up_to` samples in a file beside it, of the kind
    `beside` names (`.csv`, or `.parquet`).
    """
    path = Path(path)
    if path.suffix.lower() in SAMPLE_SUFFIXES:
        rest = (
            evidence.plan,
            evidence.fees,
            evidence.first_order_at,
            evidence.outages,
            evidence.maintenance,
            evidence.tickets,
            evidence.metrics,
        )
        if any(part not in (None, ()) for part in rest):
            raise ValueError(
                f"{path}: a {path.suffix} file holds samples only; "
                "write the evidence to a .json document"
            )
        _write_samples(evidence.samples, path)
        return
    document: dict[str, Any] = {}
    if evidence.plan is not None:
        document["plan"] = evidence.plan
    if evidence.fees is not None:
        fees: dict[str, Any] = {"currency": evidence.fees.currency}
        if evidence.fees.monthly is not None:
            fees["monthly"] = evidence.fees.monthly
        if evidence.fees.by_scope:
            fees["by_scope"] = dict(evidence.fees.by_scope)
        document["fees"] = fees
    samples = evidence.samples
    if len(samples) > inline_up_to:
        file = path.with_name(path.stem + ".samples" + beside)
        _write_samples(samples, file)
        document["samples"] = file.name
    elif len(samples):
        document["samples"] = _sample_objects(samples)
    document |= _events(evidence)
    path.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def _events(evidence: Evidence) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if evidence.outages:
        found["outages"] = [
            _clean(
                {
                    "start": o.start,
                    "end": o.end,
                    "scope": o.scope,
                    "cause": o.cause,
                    "reported_at": o.reported_at,
                }
            )
            for o in evidence.outages
        ]
    if evidence.maintenance:
        found["maintenance"] = [
            _clean(
                {"start": w.start, "end": w.end, "scope": w.scope, "announced_at": w.announced_at}
            )
            for w in evidence.maintenance
        ]
    if evidence.tickets:
        found["tickets"] = [_ticket(t) for t in evidence.tickets]
    if evidence.metrics:
        found["metrics"] = [
            _clean({"name": m.name, "at": m.at, "value": m.value, "scope": m.scope})
            for m in evidence.metrics
        ]
    if evidence.first_order_at is not None:
        found["first_order_at"] = format_instant(evidence.first_order_at)
    return found


def _ticket(t: Ticket) -> dict[str, Any]:
    events = [_clean({"at": e.at, "type": e.type, "severity": e.severity}) for e in t.events]
    return _clean(
        {
            "id": t.id,
            "severity": t.severity,
            "opened_at": t.opened_at,
            "opened_by_role": t.opened_by_role,
            "scope": t.scope,
            "events": events or None,
        }
    )


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    """Drop fields that are not given; write instants as text."""
    return {
        k: (format_instant(v) if isinstance(v, datetime) else v)
        for k, v in fields.items()
        if v is not None
    }


def _sample_objects(s: Samples) -> list[dict[str, Any]]:
    at = [t.decode() for t in format_many(s.at).tolist()]
    rows = []
    for i in range(len(s)):
        row: dict[str, Any] = {"at": at[i], "ok": bool(s.ok[i])}
        for name, table, codes in (
            ("scope", s.scopes, s.scope),
            ("location", s.locations, s.location),
            ("monitor", s.monitors, s.monitor),
        ):
            if table[codes[i]]:
                row[name] = table[codes[i]]
        if not math.isnan(s.response_ms[i]):
            row["response_ms"] = float(s.response_ms[i])
        rows.append(row)
    return rows


def _write_samples(s: Samples, path: Path) -> None:
    if path.suffix.lower() in COLUMNAR_SUFFIXES:
        # Imported here: pyarrow takes a tenth of a second to load.
        from accord.evidence.arrow_files import write_columnar

        write_columnar(s, path)
        return
    if path.suffix.lower() != ".csv":
        lines = [json.dumps(row, ensure_ascii=False) for row in _sample_objects(s)]
        path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        return
    names = [
        (name, table, codes)
        for name, table, codes in (
            ("scope", s.scopes, s.scope),
            ("location", s.locations, s.location),
            ("monitor", s.monitors, s.monitor),
        )
        if codes.size and codes.any()
    ]
    timed = bool((~np.isnan(s.response_ms)).any())
    header = ",".join(["at", "ok", *(n for n, _, _ in names), *(["response_ms"] * timed)])
    with path.open("wb") as out:
        out.write(header.encode() + b"\n")
        for lo in range(0, len(s), _ROWS):
            hi = min(lo + _ROWS, len(s))
            line = np.strings.add(
                format_many(s.at[lo:hi]), np.where(s.ok[lo:hi], b",true", b",false")
            )
            for _, table, codes in names:
                quoted = np.array([b"," + _quoted(n) for n in table])
                line = np.strings.add(line, quoted[codes[lo:hi]])
            if timed:
                line = np.strings.add(line, _numbers(s.response_ms[lo:hi]))
            out.write(b"\n".join(line.tolist()) + b"\n")


def _quoted(name: str) -> bytes:
    """A CSV field: quoted when it holds a comma, a quote or a line break."""
    if any(c in name for c in ',"\r\n'):
        return ('"' + name.replace('"', '""') + '"').encode()
    return name.encode()


def _numbers(values: NDArray[np.float64]) -> NDArray[np.bytes_]:
    """',<number>' as Python writes it (it reads back to the same float), ',' for NaN."""
    return np.array([b"," + repr(v).encode() if v == v else b"," for v in values.tolist()])
