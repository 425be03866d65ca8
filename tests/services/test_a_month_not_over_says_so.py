from __future__ import annotations

from datetime import UTC, datetime

from accord.domain.evidence import Evidence
from accord.domain.period import parse_months
from accord.services.evaluate import evaluate

from .conftest import example


def test_a_month_still_running_at_now_is_marked_as_such() -> None:
    ethnio = example("ethnio")
    months = parse_months("2026-10..2026-11", ethnio.contract.zone)
    now = datetime(2026, 11, 10, tzinfo=UTC)
    october, november = evaluate(ethnio, Evidence(), months, now)
    assert "month_not_over" not in {f.kind for f in october.findings}
    assert "month_not_over" in {f.kind for f in november.findings}
