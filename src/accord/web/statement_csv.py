"""A month's statement document as CSV: one row per objective and scope.

The columns a spreadsheet needs to check the figures: what was promised and achieved,
downtime and excluded time in minutes, whether it was met, and the credit earned.
"""

from __future__ import annotations

import csv
import io
from typing import Any

__all__ = ["COLUMNS", "statement_csv"]

COLUMNS = [
    "period", "status", "contract", "version", "plan", "objective", "scope",
    "target_percent", "achieved_percent", "downtime_minutes", "excluded_minutes",
    "no_data_minutes", "met", "credit_percent", "credit_amount", "currency",
    "claim_deadline",
]  # fmt: skip


def statement_csv(body: dict[str, Any]) -> str:
    """The document `customer_month` returns, as CSV text."""
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
    writer.writeheader()
    for s in body["statements"]:
        credits = {(c["objective"], c["scope"]): c for c in s["credits"]}
        for row in s["availability"]:
            credit = credits.get((row["objective"], row["scope"]), {})
            writer.writerow({
                "period": body["period"], "status": body["status"],
                "contract": s["contract"], "version": s["version"], "plan": s["plan"],
                "objective": row["objective"], "scope": row["scope"] or "",
                "target_percent": row["target_percent"],
                "achieved_percent": row["achieved_percent"],
                "downtime_minutes": row["downtime_minutes"],
                "excluded_minutes": sum(row["excluded_minutes"].values()),
                "no_data_minutes": row["no_data_minutes"], "met": row["met"],
                "credit_percent": credit.get("percent"), "credit_amount": credit.get("amount"),
                "currency": credit.get("currency"), "claim_deadline": s["claim_deadline"] or "",
            })  # fmt: skip
    return out.getvalue()
