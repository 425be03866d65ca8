from __future__ import annotations

from datetime import UTC, datetime

from accord.domain.availability.evaluate import Objective, evaluate
from accord.domain.evidence import Evidence, Outage
from accord.domain.period import month

WEB = Objective("web", 99.0)
SEPTEMBER = month(2026, 9, "Europe/Paris")
OCTOBER = month(2026, 10, "Europe/Paris")
NOVEMBER = month(2026, 11, "Europe/Paris")


def test_an_outage_over_midnight_of_the_first_is_shared_between_the_months() -> None:
    # 23:00 on 30 September to 01:00 on 1 October, Paris time (UTC+2).
    outage = Outage(datetime(2026, 9, 30, 21, tzinfo=UTC), datetime(2026, 9, 30, 23, tzinfo=UTC))
    evidence = Evidence(outages=(outage,))
    (september,) = evaluate(WEB, evidence, SEPTEMBER)
    (october,) = evaluate(WEB, evidence, OCTOBER)
    assert september.downtime_seconds == october.downtime_seconds == 3600
    assert september.downtime == ((outage.start, SEPTEMBER.end),)
    assert october.downtime == ((OCTOBER.start, outage.end),)


def test_an_outage_longer_than_a_month_fills_the_month_it_covers() -> None:
    outage = Outage(datetime(2026, 9, 15, tzinfo=UTC), datetime(2026, 11, 15, tzinfo=UTC))
    (october,) = evaluate(WEB, Evidence(outages=(outage,)), OCTOBER)
    assert october.downtime_seconds == OCTOBER.seconds == 745 * 3600
    assert october.achieved_percent == 0.0


def test_an_outage_in_another_month_does_not_count() -> None:
    outage = Outage(datetime(2026, 11, 2, tzinfo=UTC), datetime(2026, 11, 3, tzinfo=UTC))
    (october,) = evaluate(WEB, Evidence(outages=(outage,)), OCTOBER)
    (november,) = evaluate(WEB, Evidence(outages=(outage,)), NOVEMBER)
    assert (october.downtime_seconds, november.downtime_seconds) == (0, 86_400)
