"""Maintenance rules that leave the customer guessing when the service may go down."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from accord.contracts.calendars import maintenance_calendar
from accord.contracts.lint_rules.base import Check, Context, Finding, Rule
from accord.contracts.types import WEEKDAYS
from accord.domain.availability import intervals, open_time
from accord.domain.calendars import BusinessCalendar

OVERLAP = Rule(
    "A501",
    "maintenance windows overlap support hours",
    "Maintenance allowed while support is open takes the service down when customers are "
    "at work and support is busiest; an SLA that speaks of 'off-peak' hours usually means "
    "outside business hours. Check that the windows are the ones meant, and narrow them "
    "to outside the support calendar if so.",
)


def overlaps_support(context: Context) -> Iterator[Finding]:
    maintenance, support = context.contract.maintenance, context.contract.support
    if maintenance is None or support is None:
        return
    windows = maintenance_calendar(maintenance, context.contract.zone)
    if windows is None:
        return
    if context.contract.calendars[support.calendar].around_the_clock:
        return  # every window overlaps support that never closes: nothing to choose
    staffed = replace(context.calendars[support.calendar], holidays=())  # the weekly hours
    shared = set()
    for start in _sample_weeks(context.today.year, staffed.zone):
        end = start + timedelta(days=7)
        both = intervals.intersect(_spans(staffed, start, end), _spans(windows, start, end))
        shared |= _local(both, ZoneInfo(staffed.zone))
    if shared:
        yield (
            ("maintenance", "windows"),
            (
                f"maintenance may take the service down while support calendar "
                f"{support.calendar!r} is open ({_describe(shared)}, {staffed.zone}): is "
                "maintenance meant to stay out of business hours?"
            ),
        )


def _sample_weeks(year: int, zone: str) -> list[datetime]:
    """Monday midnights of a winter and a summer week: offsets differ between the two."""
    mondays = [date(year, month, 8) for month in (1, 7)]
    mondays = [day - timedelta(days=day.weekday()) for day in mondays]
    return [datetime(d.year, d.month, d.day, tzinfo=ZoneInfo(zone)) for d in mondays]


def _spans(calendar: BusinessCalendar, start: datetime, end: datetime) -> intervals.Spans:
    return intervals.spans(*open_time(calendar, start, end))


def _local(spans: intervals.Spans, zone: ZoneInfo) -> set[tuple[int, int, int]]:
    """(weekday, start, end) in local minutes, split at local midnight."""
    found = set()
    for s, e in zip(spans.start.tolist(), spans.end.tolist(), strict=True):
        start = datetime.fromtimestamp(s, UTC).astimezone(zone)
        end = datetime.fromtimestamp(e, UTC).astimezone(zone)
        while start < end:
            midnight = datetime.combine(start.date() + timedelta(days=1), datetime.min.time(),
                                        tzinfo=zone)  # fmt: skip
            stop = min(end, midnight)
            until = 1440 if stop == midnight else stop.hour * 60 + stop.minute
            found.add((start.weekday(), start.hour * 60 + start.minute, until))
            start = stop
    return found


def _describe(shared: set[tuple[int, int, int]]) -> str:
    """'mon-fri 08:00-11:00, 18:00-23:00': days with the same ranges together."""
    by_day: dict[int, list[str]] = {}
    for day, start, end in sorted(shared):
        by_day.setdefault(day, []).append(f"{start // 60:02}:{start % 60:02}-"
                                          f"{end // 60:02}:{end % 60:02}")  # fmt: skip
    groups: list[tuple[list[int], list[str]]] = []
    for day, ranges in sorted(by_day.items()):
        if groups and groups[-1][1] == ranges and groups[-1][0][-1] == day - 1:
            groups[-1][0].append(day)
        else:
            groups.append(([day], ranges))
    return "; ".join(
        (WEEKDAYS[days[0]] if len(days) == 1 else f"{WEEKDAYS[days[0]]}-{WEEKDAYS[days[-1]]}")
        + " " + ", ".join(ranges) for days, ranges in groups
    )  # fmt: skip


NOTICE_WITHOUT_PERIOD = Rule(
    "A502",
    "maintenance needs notice but the contract gives no notice period",
    "Unannounced maintenance counts as downtime, yet no `notice` says how far ahead the "
    "announcement must come: an e-mail one minute before would do. Give the period "
    "(`notice: 48h`), or `notice: 0m` if any announcement before the start will do.",
)


def notice_without_period(context: Context) -> Iterator[Finding]:
    maintenance = context.contract.maintenance
    if maintenance is None:
        return
    if maintenance.without_notice == "downtime" and maintenance.notice is None:
        at = ("maintenance", "announce") if maintenance.announce else ("maintenance",)
        yield (
            at,
            (
                "maintenance without notice counts as downtime, but how long before the start "
                "must the notice come? Add `notice:`"
            ),
        )


UNBOUNDED = Rule(
    "A503",
    "maintenance excluded without window or cap",
    "Maintenance is excluded from downtime at any time of the week and for any length: a "
    "provider could call a whole month maintenance. Say where it may fall (`windows`) or "
    "how much a month, quarter or year may be excluded (`monthly_cap`, `quarterly_cap`, "
    "`yearly_cap`).",
)


def unbounded(context: Context) -> Iterator[Finding]:
    maintenance = context.contract.maintenance
    if maintenance is None or maintenance.windows or maintenance.cap[1] is not None:
        return
    yield (
        ("maintenance",),
        (
            "maintenance may fall at any time and last any time and still be excluded: is "
            "there a window or a monthly cap?"
        ),
    )


RULES: list[tuple[Rule, Check]] = [
    (OVERLAP, overlaps_support),
    (NOTICE_WITHOUT_PERIOD, notice_without_period),
    (UNBOUNDED, unbounded),
]
