"""Request-based availability the slow, obvious way: a dictionary of intervals, row by row."""

from __future__ import annotations

from dataclasses import dataclass

from accord.domain.availability.requests import RequestRule
from accord.domain.period import Period


@dataclass(frozen=True)
class Expected:
    achieved: float | None
    downtime: int
    no_data: int


def expected(
    rows: list[tuple[int, int, int, str]], scope: str | None, rule: RequestRule, period: Period
) -> Expected:
    """Rows are (interval start, total, errors, scope); '' is the whole service."""
    p0, p1 = int(period.start.timestamp()), int(period.end.timestamp())
    bounds = []
    t = p0
    while t < p1:
        bounds.append((t, min(t + rule.interval, p1)))
        t += rule.interval
    total = [0] * len(bounds)
    errors = [0] * len(bounds)
    for at, n, bad, where in rows:
        if where not in ("", scope or ""):
            continue
        for i, (a, b) in enumerate(bounds):
            if a <= at < b:
                total[i] += n
                errors[i] += bad
    judged: list[tuple[int, float]] = []  # (seconds, rate) of each judged interval
    for (a, b), n, bad in zip(bounds, total, errors, strict=True):
        if n >= rule.minimum_requests and n > 0:
            judged.append((b - a, bad / n))
        elif rule.below_minimum == "no_errors":
            judged.append((b - a, 0.0))
    seconds = sum(s for s, _ in judged)
    if not judged:
        return Expected(None, 0, p1 - p0)
    if rule.reading == "mean_error_rate":
        mean = sum(r for _, r in judged) / len(judged)
        return Expected(100 * (1 - mean), round(sum(s * r for s, r in judged)), p1 - p0 - seconds)
    assert rule.threshold_percent is not None
    down_marks = []
    for (a, b), n, bad in zip(bounds, total, errors, strict=True):
        is_judged = (n >= rule.minimum_requests and n > 0) or rule.below_minimum == "no_errors"
        over = (
            is_judged
            and n > 0
            and n >= rule.minimum_requests
            and 100 * bad / n > rule.threshold_percent
        )
        down_marks.append((a, b, over))
    down = 0
    run = 0
    for _, (a, b, over) in enumerate(down_marks + [(p1, p1, False)]):
        if over:
            run += b - a
            continue
        if run >= rule.minimum_outage:
            down += run
        run = 0
    return Expected(100 * (seconds - down) / seconds, down, p1 - p0 - seconds)
