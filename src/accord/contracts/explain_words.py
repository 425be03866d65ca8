"""Plain-word phrases for the parts of a contract: credits, clocks, measurement, windows.

Each function turns one model value into the sentence a reader of the SLA would expect,
so `accord contract explain` can say what the contract promises without YAML.
"""

from __future__ import annotations

from datetime import date

from accord.contracts.model import (
    Availability,
    Claim,
    CreditRule,
    Credits,
    FlatCredit,
    Holiday,
    LinearCredit,
    Measurement,
    Performance,
    ProportionalCredit,
    Recurring,
    RequestMeasurement,
    Source,
    Target,
    TieredCredit,
    Update,
)
from accord.contracts.types import Duration, DurationRange, NthWeekdayRule, RelativeRule

PROBES = {
    "http": "HTTP(S) request",
    "http_headers": "HTTPS header check",
    "http_keyword": "HTTP(S) keyword check",
    "tcp": "TCP connection",
    "icmp": "ping (ICMP)",
    "dns": "DNS lookup",
    "tls": "TLS certificate check",
    "heartbeat": "heartbeat pushed by the service",
    "manual": "manual report",
}
CAUSES = {
    "force_majeure": "force majeure",
    "third_party": "third-party failures",
    "attack": "attacks (e.g. denial of service)",
    "customer": "the customer's own fault",
}
STATISTICS = {"mean": "mean", "median": "median", "max": "maximum", "min": "minimum"}


def percent(value: float) -> str:
    return f"{value:g} %"


def duration(value: Duration | DurationRange) -> str:
    """'4h' -> '4 hours'; a range keeps both ends: '5 to 15 minutes'."""
    if isinstance(value, DurationRange):
        low, high = value.low, value.high
        if low.unit == high.unit:
            return f"{low.amount:g} to {duration(high)}"
        return f"{duration(low)} to {duration(high)}"
    unit = value.unit.replace("_", " ")
    return f"{value.amount:g} {unit.removesuffix('s') if value.amount == 1 else unit}"


def clock(target: Target | Update, calendar: str | None, always_open: bool = False) -> str:
    """How long, and on which clock: "4 hours, business time of 'office'".

    `always_open`: the calendar is open around the clock, where both clocks agree."""
    length = target.every if isinstance(target, Update) else target.within
    words = f"every {duration(length)}" if isinstance(target, Update) else duration(length)
    if isinstance(length, DurationRange) and target.bound is not None:
        promised = length.high if target.bound == "upper" else length.low
        words += f" (the promise: {duration(promised)})"
    # The calendar is named only where the target overrides the one it would run on.
    on = f" of {target.calendar!r}" if target.calendar and target.calendar != calendar else ""
    counted = isinstance(length, Duration) and length.unit == "business_days"
    if always_open and not on:
        words += ", around the clock"
    elif counted and target.clock != "calendar":
        words += on  # business days name their clock themselves
    elif target.clock == "business":
        words += f", business time{on}"
    elif target.clock == "calendar":
        words += ", elapsed time"
    elif not counted:
        words += ", no clock stated (counted in business time)"
    return words


def source(cited: str | Source | None) -> str | None:
    """The SLA a contract encodes: 'title (date), location'."""
    if cited is None or isinstance(cited, str):
        return cited
    date = f" ({cited.date})" if cited.date else ""
    return f"{cited.title}{date}, {cited.location}"


def covers(patterns: list[str] | None) -> str:
    """Which scopes an objective covers, in words."""
    if patterns is None:
        return "every scope the evidence names"
    return "the scopes " + ", ".join(f"'{p}'" for p in patterns)


def rollup(rule: str | int) -> str:
    """When the covered scopes' downtime is downtime of the whole service."""
    if rule == "never":
        return "never counts for the whole service (whole-service evidence only)"
    if rule == "all":
        return "the whole service is down while every covered scope is down"
    return f"the whole service is down while at least {rule} covered scopes are down at once"


def basis(credits: Credits | None, scope: str) -> str:
    """What a credit percent is taken of: 'the location's monthly fee'."""
    if credits is not None and credits.fee_kind:
        return f"the {credits.fee_kind}"
    per_location = credits is not None and credits.basis == "scope_fee" and scope == "location"
    return "the location's monthly fee" if per_location else "the monthly fee"


def credit(
    rule: CreditRule, credits: Credits | None, scope: str, measure: str = "achieved availability"
) -> str:
    """The credit rule in one sentence, with the cap when there is one; `measure` is what a
    tier table is read on (a performance objective's value, not availability)."""
    of = basis(credits, scope)
    match rule:
        case TieredCredit():
            words = f"a percent of {of} by tier of {measure} (table below)"
        case LinearCredit():
            words = _linear(rule, of)
        case FlatCredit():
            words = f"{percent(rule.percent)} of {of} for a month that misses the objective"
        case ProportionalCredit():
            times = f" x {rule.multiplier:g}" if rule.multiplier != 1 else ""
            words = (f"the share of the judged time that was down (100 % minus the achieved "
                     f"availability){times}, as a percent of {of}")  # fmt: skip
    if credits is not None and credits.cap_percent is not None:
        words += f", at most {percent(credits.cap_percent)}"
    return words


def _linear(rule: LinearCredit, of: str) -> str:
    step = f"{rule.per:g} %"
    counted = "of downtime" if rule.of == "downtime" else "below the objective"
    if rule.rounding == "incremental":
        return f"{percent(rule.percent)} of {of} for every full {step} {counted}"
    return f"{percent(rule.percent)} of {of} per {step} {counted}, in proportion"


def tier_range(text: str, unit: str = "%") -> str:
    """'[99.4, 99.5)' -> 'from 99.4 % below 99.5 %' (in `unit`)."""
    opening, inner, closing = text[0], text[1:-1], text[-1]
    low, _, high = (part.strip() for part in inner.partition(","))
    parts = []
    if low and low.lstrip("-") != "inf":
        parts.append(f"from {low} {unit}".rstrip() + (" (excluded)" if opening == "(" else ""))
    if high and high.lstrip("+") != "inf":
        parts.append(
            (f"below {high} {unit}" if closing == ")" else f"up to {high} {unit}").rstrip()
        )
    return " ".join(parts) or "any value"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def claim(rule: Claim) -> str:
    after = "the failure" if rule.after == "failure" else "the end of the month"
    if rule.within is not None:
        words = f"within {duration(rule.within)} of {after}"
    else:
        month = "the failure's month" if rule.after == "failure" else "the month"
        n = rule.within_billing_periods
        words = f"by the end of the {_ordinal(n or 1)} billing month after {month}"
    if rule.channel:
        words += f", via {rule.channel}"
    if rule.evidence:
        words += f"; it must give: {', '.join(rule.evidence)}"
    return words


def measurement(rule: Measurement | None) -> str:
    if rule is None:
        return "not stated"
    words = f"{PROBES[rule.probe]} every {duration(rule.interval)}"
    if rule.target:
        words += f" of {rule.target}"
    if rule.timeout is not None:
        words += f"; slower than {duration(rule.timeout)} fails"
    if rule.confirmations > 1:
        words += f"; down after {rule.confirmations} failures in a row"
    if rule.minimum_outage is not None:
        words += (f"; outages under {duration(rule.minimum_outage)} (measured or "
                  "recorded) are not counted")  # fmt: skip
    if rule.locations:
        words += f"; from {', '.join(rule.locations)} (down when {rule.quorum} agree)"
    if rule.remediation:
        words += f"; on failure: {' -> '.join(rule.remediation)}"
    if rule.opens_incident:
        words += "; an alert opens an incident"
    return words


def requests(rule: RequestMeasurement) -> str:
    """Request-based availability, in words."""
    each = f"request error rates per {duration(rule.interval)} interval"
    if rule.reading == "mean_error_rate":
        words = f"100 % minus the mean of the {each}s"
    else:
        words = f"{each}: an interval above {percent(rule.error_threshold_percent or 0)} is down"
        if rule.minimum_outage is not None:
            words += f" (runs under {duration(rule.minimum_outage)} do not count)"
    idle = "has 0 % errors" if rule.below_minimum == "no_errors" else "is not judged"
    n = rule.minimum_requests
    few = "without requests" if n == 1 else f"with fewer than {n} requests"
    return words + f"; an interval {few} {idle}"


def target(objective: Availability) -> str:
    if isinstance(objective.target, float):
        return percent(objective.target)
    return ", ".join(f"{plan}: {percent(value)}" for plan, value in objective.target.items())


def performance(objective: Performance) -> str:
    unit = f" {objective.unit}" if objective.unit and objective.unit != "%" else objective.unit
    if objective.ratio is not None:
        r = objective.ratio
        return (f"{r.bad} / {r.total} at most {percent(r.at_most_percent)} over every "
                f"{duration(r.window)}")  # fmt: skip
    if objective.bands:
        return "; ".join(f"under {b.under:g}{unit} for {percent(b.percent)} of samples"
                         for b in objective.bands)  # fmt: skip
    statistic = objective.statistic or "(statistic not stated)"
    of = f"{STATISTICS.get(statistic, statistic)} of {objective.metric}"
    for key, word in (("at_most", "at most"), ("below", "below"), ("at_least", "at least"),
                      ("above", "above")):  # fmt: skip
        bound = getattr(objective, key)
        if bound is not None:
            return f"{of} {word} {bound:g}{unit}"
    return of


def recurring(slot: Recurring) -> str:
    return f"{slot.on} at {slot.at}, for {duration(slot.lasts)}"


_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last"}
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def holiday(rule: Holiday) -> str:
    """'Thanksgiving Day: last Thursday of November', 'Christmas Day: 25 December'."""
    if rule.date is not None:
        parts = rule.date.split("-")
        day = date(2024, int(parts[-2]), int(parts[-1]))  # 2024: 29 February exists
        when = f"{day.day} {day:%B}" + (f" {parts[0]}" if len(parts) == 3 else "")
    elif isinstance(rule.rule, NthWeekdayRule):
        month = f"{date(2024, rule.rule.month, 1):%B}" if rule.rule.month else "the month"
        when = f"{_ORDINALS[rule.rule.n]} {_DAYS[rule.rule.weekday]} of {month}"
    elif isinstance(rule.rule, RelativeRule):
        offset = rule.rule.offset_days
        side = "after" if offset > 0 else "before"
        count = "the day" if abs(offset) == 1 else f"{abs(offset)} days"
        when = f"{count} {side} {rule.rule.base}"
    else:
        when = "?"
    return f"{rule.name}: {when}"
