"""Request-based availability: error rates per interval, a minimum volume, and both
readings (100 % minus the mean error rate; intervals over a threshold are downtime)."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.domain.availability.evaluate import Objective, evaluate
from accord.domain.availability.requests import RequestRule
from accord.domain.evidence import Evidence, Requests
from accord.domain.period import Period, month, quarter
from hypothesis_budget import examples

from .request_oracle import expected

SHORT = Period(
    datetime(2026, 3, 29, tzinfo=UTC), datetime(2026, 3, 29, 4, tzinfo=UTC), "Europe/Paris", "test"
)
# (period, interval): intervals of a few hours, a month of hours across a clock change,
# a quarter of days across one.
CASES = (
    (SHORT, 60),
    (SHORT, 300),
    (month(2026, 10, "Europe/Paris"), 3600),
    (quarter(2026, 4, "America/Los_Angeles"), 86_400),
    (quarter(2026, 1, "Europe/Paris"), 86_400),
)


def requests(rows: list[tuple[int, int, int, str]]) -> Requests:
    names = ["", *sorted({r[3] for r in rows} - {""})]
    return Requests(
        at=np.array([r[0] for r in rows], np.int64),
        total=np.array([r[1] for r in rows], np.int64),
        errors=np.array([r[2] for r in rows], np.int64),
        scope=np.array([names.index(r[3]) for r in rows], np.int32),
        scopes=tuple(names),
    )


@st.composite
def _rows(draw: st.DrawFn, period: Period, interval: int) -> list[tuple[int, int, int, str]]:
    p0, p1 = int(period.start.timestamp()), int(period.end.timestamp())
    rows = []
    for _ in range(draw(st.integers(0, 60))):
        at = draw(st.integers(p0 - interval, p1 + interval))
        total = draw(st.sampled_from((0, 1, 2, 5, 10, 100, 1000)))  # 7 of 100: at 7 %
        errors = draw(st.integers(0, total))
        rows.append((at, total, errors, draw(st.sampled_from(("", "eu", "us")))))
    return rows


@st.composite
def _rules(draw: st.DrawFn, interval: int) -> RequestRule:
    reading = draw(st.sampled_from(("mean_error_rate", "error_threshold")))
    return RequestRule(
        interval=interval,
        reading=reading,
        threshold_percent=draw(st.sampled_from((0.0, 5.0, 7.0, 50.0)))
        if reading == "error_threshold"
        else None,
        minimum_requests=draw(st.sampled_from((1, 2, 10))),
        below_minimum=draw(st.sampled_from(("no_errors", "ignored"))),
        minimum_outage=draw(st.sampled_from((0, interval, 3 * interval))),
    )


@examples(1000)
@given(data=st.data(), case=st.sampled_from(CASES), per_scope=st.booleans())
def test_the_array_path_agrees_with_the_interval_oracle(data, case, per_scope) -> None:
    period, interval = case
    rows = data.draw(_rows(period, interval))
    rule = data.draw(_rules(interval))
    objective = Objective("storage", 99.9, requests=rule, per_scope=per_scope)
    for result in evaluate(objective, Evidence(requests=requests(rows)), period):
        want = expected(rows, result.scope, rule, period)
        if rule.reading == "mean_error_rate":  # an equivalent, rounded to the second:
            assert abs(result.downtime_seconds - want.downtime) <= 1  # float sums may tie
        else:
            assert result.downtime_seconds == want.downtime
        assert result.no_data_seconds == want.no_data
        if want.achieved is None:
            assert result.achieved_percent is None
        else:
            assert result.achieved_percent == pytest.approx(want.achieved, abs=1e-9)


def test_an_idle_interval_has_no_errors_unless_the_contract_ignores_it() -> None:
    # Four 5-minute intervals: 10 % errors, then three without requests.
    rows = [(int(SHORT.start.timestamp()), 100, 10, "")]
    period = Period(SHORT.start, datetime(2026, 3, 29, 0, 20, tzinfo=UTC), "UTC", "test")
    rule = RequestRule(interval=300)
    [counted] = evaluate(
        Objective("s", 99.9, requests=rule), Evidence(requests=requests(rows)), period
    )
    assert counted.achieved_percent == pytest.approx(100 - 10 / 4)  # 97.5 %
    ignored = RequestRule(interval=300, below_minimum="ignored")
    [alone] = evaluate(
        Objective("s", 99.9, requests=ignored), Evidence(requests=requests(rows)), period
    )
    assert alone.achieved_percent == pytest.approx(90.0)
    assert alone.no_data_seconds == 900


def test_an_interval_at_the_threshold_exactly_is_not_over_it() -> None:
    t0 = int(SHORT.start.timestamp())
    rule = RequestRule(interval=60, reading="error_threshold", threshold_percent=7.0)
    period = Period(SHORT.start, datetime(2026, 3, 29, 0, 1, tzinfo=UTC), "UTC", "test")
    rows = [(t0, 100, 7, "")]  # 7 %: (7 / 100) * 100 is 7.000000000000001 in floats
    [result] = evaluate(
        Objective("s", 99.9, requests=rule), Evidence(requests=requests(rows)), period
    )
    assert result.downtime_seconds == 0


def test_intervals_over_the_threshold_are_downtime() -> None:
    t0 = int(SHORT.start.timestamp())
    rows = [(t0, 100, 6, ""), (t0 + 60, 100, 5, ""), (t0 + 120, 3, 3, "")]
    rule = RequestRule(
        interval=60, reading="error_threshold", threshold_percent=5.0, minimum_requests=10
    )
    period = Period(SHORT.start, datetime(2026, 3, 29, 0, 10, tzinfo=UTC), "UTC", "test")
    [result] = evaluate(
        Objective("s", 99.9, requests=rule), Evidence(requests=requests(rows)), period
    )
    # Only the first minute is above 5 %; the third has too few requests to be judged.
    assert result.downtime_seconds == 60
    assert result.achieved_percent == pytest.approx(100 * 540 / 600)
