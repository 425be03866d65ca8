"""Amazon S3: 100 % minus the mean error rate of November's 5-minute intervals, by hand."""

from __future__ import annotations

from datetime import UTC, datetime

from accord.domain.period import parse_months
from accord.evidence import read_evidence
from accord.services.evaluate import evaluate

from .conftest import EXAMPLES, NOW, example

INTERVALS = 30 * 24 * 12  # November 2026 in UTC: 8,640 five-minute intervals
# Nine intervals of the incident fail every request (rate 1 each), two fail half (0.5
# each); every other interval, busy or idle, has a 0 % error rate.
RATES = 9 * 1.0 + 2 * 0.5


def test_november_earns_the_ten_percent_tier_and_a_claim_by_the_end_of_january() -> None:
    s3 = example("aws-s3")
    evidence = read_evidence(EXAMPLES / "evidence" / "aws-s3.json")
    [s] = evaluate(s3, evidence, parse_months("2026-11", "UTC"), NOW)
    [row] = s.availability
    uptime = 100 * (1 - RATES / INTERVALS)  # 99.8843 %: below 99.9, above 99.0
    assert abs(row.achieved_percent - uptime) < 1e-9
    assert row.no_data_seconds == 0  # idle intervals count, at 0 %
    assert [(c.percent, c.amount) for c in s.credits] == [(10.0, 200.0)]  # of 2,000 USD
    assert s.claim_deadline == datetime(2027, 2, 1, tzinfo=UTC)  # end of January
