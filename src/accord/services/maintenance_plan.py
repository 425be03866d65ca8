"""Planning maintenance: what the contract will make of a window, before it is saved.

`check_plan` answers for one-off or recurring windows (`occurrences` expands an RRULE in
the maintenance zone): whether they lie in the allowed windows, whether the notice is
long enough if announced now, how much of the cap they use in each of its windows (month,
quarter or year) and what is left, which business days of the support calendar they
touch, and how many seconds would count as downtime, in plain words. The figures are the
evaluation's own: each cap window is evaluated with and without the planned windows
(`accord.domain.availability.evaluate`), so what the plan is told is what the statement
will say.

A plan that would count as downtime is refused unless the provider confirms it knowingly
(`MaintenanceCheck.accepted`, `confirm` in the API and the CLI).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr  # type: ignore[import-untyped]

from accord.contracts.loader import LoadedContract
from accord.domain.availability import (
    MaintenanceRules,
    Objective,
    epoch_seconds,
    evaluate,
    open_time,
    spans,
)
from accord.domain.availability import intervals as iv
from accord.domain.availability.maintenance import given_notice
from accord.domain.calendars import BusinessCalendar
from accord.domain.evidence import Evidence, MaintenanceWindow
from accord.domain.period import Period, window_of
from accord.services.terms import translate

__all__ = ["CapUse", "MaintenanceCheck", "check_plan", "occurrences"]

_MAX_OCCURRENCES = 400  # a recurring plan is checked over at most this many windows


@dataclass(frozen=True)
class CapUse:
    window: str  # the cap's window in the contract's zone: 'YYYY-MM', 'YYYY-Qn' or 'YYYY'
    cap_seconds: int | None  # the window's cap; None: no cap (the window is then a month)
    used_seconds: int  # maintenance excused in the window, the plan included
    left_seconds: int | None  # cap not yet used, the plan included; None: no cap
    downtime_seconds: int  # seconds of the plan in this window that count as downtime


@dataclass(frozen=True)
class MaintenanceCheck:
    windows: tuple[MaintenanceWindow, ...]  # the planned windows checked (UTC)
    outside_allowed_seconds: int  # of the plan, outside the contract's allowed windows
    notice_seconds: int | None  # notice required; None: the contract requires none
    short_notice: int  # planned windows announced with less notice than required
    caps: tuple[CapUse, ...]  # each cap window (month, quarter or year) it touches, in order
    protected_days: tuple[date, ...]  # business days of the support calendar it touches
    downtime_seconds: int  # of the plan, that would count as downtime
    reasons: tuple[str, ...]  # why it would count as downtime, in plain words

    @property
    def accepted(self) -> bool:
        """True when nothing of the plan would count as downtime."""
        return self.downtime_seconds == 0


def occurrences(
    first_start: datetime, lasts: timedelta, rule: str | None, zone: str, scope: str | None = None
) -> list[MaintenanceWindow]:
    """The windows of a plan: one, or one per occurrence of an RRULE ('FREQ=MONTHLY;...').

    `first_start` is local wall time in `zone` (naive, or aware and converted); each
    occurrence keeps that wall time across clock changes, and lasts `lasts` of elapsed
    time. A wall time that does not exist that day (spring forward) is read with the
    offset before the change, so it falls one hour later on the clock; one that occurs
    twice (fall back) is the first of the two.
    """
    tz = ZoneInfo(zone)
    local = first_start.astimezone(tz).replace(tzinfo=None) if first_start.tzinfo else first_start
    starts = [local]
    if rule is not None:
        expanded = rrulestr(rule, dtstart=local, forceset=True)
        starts = []
        for at in expanded:
            starts.append(at)
            if len(starts) == _MAX_OCCURRENCES:
                break
    found = []
    for at in starts:
        begin = at.replace(tzinfo=tz).astimezone(UTC)
        found.append(MaintenanceWindow(begin, begin + lasts, scope, None))
    return found


def check_plan(
    loaded: LoadedContract,
    planned: Sequence[MaintenanceWindow],
    now: datetime,
    existing: Sequence[MaintenanceWindow] = (),
) -> MaintenanceCheck:
    """What the contract makes of `planned` if announced at `now`, beside `existing` windows."""
    terms = translate(loaded, Evidence())
    rules = next((o.maintenance for o in terms.availability if o.maintenance), None)
    announced = tuple(replace(w, announced_at=w.announced_at or now) for w in planned)
    zone = loaded.contract.zone
    caps = tuple(
        _cap_use(rules, announced, existing, p) for p in _cap_windows(rules, announced, zone)
    )
    outside = _outside(rules, announced)
    short = 0 if rules is None else sum(not given_notice(w, rules.notice) for w in announced)
    downtime = sum(c.downtime_seconds for c in caps)
    support = loaded.contract.support
    calendar = terms.calendars.get(support.calendar) if support is not None else None
    return MaintenanceCheck(
        windows=announced,
        outside_allowed_seconds=outside,
        notice_seconds=None if rules is None else rules.notice,
        short_notice=short,
        caps=caps,
        protected_days=_protected_days(calendar, announced),
        downtime_seconds=downtime,
        reasons=_reasons(rules, outside, short, caps, downtime),
    )


def _cap_windows(
    rules: MaintenanceRules | None, windows: Sequence[MaintenanceWindow], zone: str
) -> list[Period]:
    """The calendar windows the cap counts in (months without a cap) the plan touches."""
    kind = "month" if rules is None or rules.monthly_cap is None else rules.cap_per
    found: dict[str, Period] = {}
    for w in windows:
        for at in (w.start, w.end - timedelta(microseconds=1)):
            period = window_of(kind, at, zone)
            found.setdefault(period.label, period)
    return [found[k] for k in sorted(found)]


def _cap_use(
    rules: MaintenanceRules | None,
    planned: Sequence[MaintenanceWindow],
    existing: Sequence[MaintenanceWindow],
    period: Period,
) -> CapUse:
    objective = Objective(id="maintenance", target_percent=None, maintenance=rules)
    (before,) = evaluate(objective, Evidence(maintenance=tuple(existing)), period)
    (after,) = evaluate(objective, Evidence(maintenance=(*existing, *planned)), period)
    used = dict(after.excluded_seconds).get("maintenance", 0)
    cap = None if rules is None else rules.monthly_cap
    return CapUse(
        window=period.label,
        cap_seconds=cap,
        used_seconds=used,
        left_seconds=None if cap is None else max(cap - used, 0),
        downtime_seconds=after.downtime_seconds - before.downtime_seconds,
    )


def _outside(rules: MaintenanceRules | None, windows: Sequence[MaintenanceWindow]) -> int:
    if rules is None or rules.allowed is None or not windows:
        return 0
    plan = spans([epoch_seconds(w.start) for w in windows], [epoch_seconds(w.end) for w in windows])
    first, last = min(w.start for w in windows), max(w.end for w in windows)
    allowed = spans(*open_time(rules.allowed, first, last))
    return iv.subtract(plan, allowed).total


def _protected_days(
    calendar: BusinessCalendar | None, windows: Sequence[MaintenanceWindow]
) -> tuple[date, ...]:
    if calendar is None or calendar.always_open or not windows:
        return ()  # a calendar open around the clock protects no day in particular
    tz = ZoneInfo(calendar.zone)
    days: set[date] = set()
    for w in windows:
        start, end = open_time(calendar, w.start, w.end)
        for s in start.tolist():
            days.add(datetime.fromtimestamp(s, tz).date())
    return tuple(sorted(days))


def _reasons(
    rules: MaintenanceRules | None,
    outside: int,
    short: int,
    caps: Sequence[CapUse],
    downtime: int,
) -> tuple[str, ...]:
    if downtime == 0:
        return ()
    if rules is None:
        return ("the contract excuses no maintenance: every second of it is downtime",)
    found = []
    if outside and rules.outside_windows == "downtime":
        found.append(f"{_words(outside)} outside the contract's allowed windows")
    if short and rules.without_notice == "downtime" and rules.notice is not None:
        found.append(f"{short} window(s) announced with less than {_words(rules.notice)} notice")
    for c in caps:
        cap = c.cap_seconds
        if cap is not None and c.left_seconds == 0 and c.downtime_seconds > 0:
            found.append(f"{c.window}: beyond the {rules.cap_per}'s cap of {_words(cap)}")
    found.append(f"{_words(downtime)} would count as downtime")
    return tuple(found)


def _words(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes = rest // 60
    if hours and minutes:
        return f"{hours} h {minutes:02d} min"
    return f"{hours} h" if hours else f"{minutes} min"
