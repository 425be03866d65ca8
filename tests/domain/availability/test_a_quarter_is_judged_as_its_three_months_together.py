"""An objective judged on a quarter or a year counts what its months count, added up; a
maintenance cap counts in its own calendar window (a month, a quarter or a year)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from accord.domain.availability.evaluate import MeasurementRule, Objective, evaluate
from accord.domain.availability.maintenance import MaintenanceRules
from accord.domain.evidence import Evidence, MaintenanceWindow, Outage
from accord.domain.period import month, quarter, windows_over, year
from hypothesis_budget import examples

PARIS = "Europe/Paris"
QUARTERS = (
    quarter(2026, 4, PARIS),
    quarter(2026, 1, PARIS),
    quarter(2026, 4, "America/Los_Angeles"),
)
HOUR = 3600


def _at(second: int) -> datetime:
    return datetime.fromtimestamp(second, UTC)


@st.composite
def _events(draw: st.DrawFn, p0: int, p1: int) -> tuple[int, int]:
    a = draw(st.integers(p0 - 86_400, p1))
    return a, a + draw(st.integers(1, 3 * 86_400))


@examples(1000)
@given(
    period=st.sampled_from(QUARTERS),
    data=st.data(),
    cap=st.none() | st.integers(0, 20 * HOUR),
    minimum=st.sampled_from((0, 300, 7200)),
    minutes=st.sampled_from((None, "any_second", "whole_minute")),
)
def test_a_quarter_counts_the_sum_of_its_months(period, data, cap, minimum, minutes) -> None:
    p0, p1 = int(period.start.timestamp()), int(period.end.timestamp())
    outages = [Outage(_at(a), _at(b)) for a, b in data.draw(st.lists(_events(p0, p1), max_size=6))]
    windows = [
        MaintenanceWindow(_at(a), _at(b))
        for a, b in data.draw(st.lists(_events(p0, p1), max_size=4))
    ]
    objective = Objective(
        "q", 99.9, MeasurementRule(interval=60, minimum_outage=minimum),
        maintenance=MaintenanceRules(allowed=None, monthly_cap=cap, cap_per="month"),
        minutes=minutes,
        # The figures add up; whether a month alone without any record is no data (it
        # is, by default, while its quarter has records) is not what this sums.
        without_evidence="up",
    )  # fmt: skip
    evidence = Evidence(outages=tuple(outages), maintenance=tuple(windows))
    [whole] = evaluate(objective, evidence, period)
    months = [evaluate(objective, evidence, m)[0] for m in windows_over("month", period)]
    assert whole.period_seconds == sum(m.period_seconds for m in months)
    assert whole.downtime_seconds == sum(m.downtime_seconds for m in months)
    assert whole.no_data_seconds == sum(m.no_data_seconds for m in months)
    excluded = [dict(m.excluded_seconds).get("maintenance", 0) for m in months]
    assert dict(whole.excluded_seconds).get("maintenance", 0) == sum(excluded)


def test_a_yearly_cap_counts_the_maintenance_excused_since_january() -> None:
    # 10 hours a year: 6 in March leave 4 for October's 6.
    rules = MaintenanceRules(allowed=None, monthly_cap=10 * HOUR, cap_per="year")
    objective = Objective("y", 99.9, maintenance=rules)
    march = datetime(2026, 3, 10, 8, tzinfo=UTC)
    october = datetime(2026, 10, 10, 8, tzinfo=UTC)
    evidence = Evidence(
        maintenance=(
            MaintenanceWindow(march, march + timedelta(hours=6)),
            MaintenanceWindow(october, october + timedelta(hours=6)),
        )
    )
    [result] = evaluate(objective, evidence, month(2026, 10, PARIS))
    assert dict(result.excluded_seconds) == {"maintenance": 4 * HOUR}
    assert result.downtime_seconds == 2 * HOUR
    [whole] = evaluate(objective, evidence, year(2026, PARIS))
    assert (dict(whole.excluded_seconds), whole.downtime_seconds) == (
        {"maintenance": 10 * HOUR},
        2 * HOUR,
    )
    monthly = replace(objective, maintenance=replace(rules, cap_per="month"))
    [october_alone] = evaluate(monthly, evidence, month(2026, 10, PARIS))
    assert october_alone.downtime_seconds == 0
