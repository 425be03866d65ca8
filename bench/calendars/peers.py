"""The same deadlines computed with pandas' CustomBusinessHour and with businesstimedelta.

Each peer gets the calendar in its own terms (daily hours on some weekdays in a zone,
the holiday dates listed) and returns UTC epoch seconds, with a mask of the deadlines
it could not compute because it raised an error.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

import businesstimedelta as btd
import numpy as np
import pandas as pd
import pytz
from numpy.typing import NDArray

Ints = NDArray[np.int64]
Mask = NDArray[np.bool_]
_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class Hours:
    """A calendar as the peers can take it."""

    zone: str  # IANA zone
    opens: time  # the same opening time every working day
    closes: time  # the same closing time every working day
    weekdays: range  # working weekdays, Monday = 0
    holidays: list[date]  # closed dates


def pandas_deadlines(hours: Hours, starts: Ints, added: Ints) -> tuple[Ints, Mask]:
    """Timestamp + CustomBusinessHour(n), applied to each group of equal n at once."""
    offsets = {
        n: pd.offsets.CustomBusinessHour(
            n=n,
            start=hours.opens.strftime("%H:%M"),
            end=hours.closes.strftime("%H:%M"),
            weekmask=" ".join(_NAMES[d] for d in hours.weekdays),
            holidays=hours.holidays,
        )
        for n in np.unique(added).tolist()
    }
    local = pd.DatetimeIndex(pd.to_datetime(starts, unit="s", utc=True)).tz_convert(hours.zone)
    out, raised = np.zeros_like(starts), np.zeros(len(starts), dtype=bool)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pd.errors.PerformanceWarning)  # it loops, and says so
        for n, offset in offsets.items():
            chosen = np.flatnonzero(added == n)
            try:
                out[chosen] = (local[chosen] + offset).as_unit("s").asi8
            except ValueError:  # a nonexistent local time somewhere: go one by one
                for k in chosen.tolist():
                    try:
                        out[k] = int((local[k] + offset).timestamp())
                    except ValueError:
                        raised[k] = True
    return out, raised


def businesstimedelta_deadlines(hours: Hours, starts: Ints, added: Ints) -> tuple[Ints, Mask]:
    """datetime + BusinessTimeDelta(rules, hours=n), one deadline at a time."""
    zone = pytz.timezone(hours.zone)
    workday = btd.WorkDayRule(
        start_time=hours.opens,
        end_time=hours.closes,
        working_days=list(hours.weekdays),
        tz=zone,
    )
    rules = btd.Rules([workday, btd.HolidayRule(hours.holidays, tz=zone)])
    deltas = {n: btd.BusinessTimeDelta(rules, hours=n) for n in np.unique(added).tolist()}
    out, raised = np.zeros_like(starts), np.zeros(len(starts), dtype=bool)
    for k, (s, n) in enumerate(zip(starts.tolist(), added.tolist(), strict=True)):
        try:
            out[k] = int((datetime.fromtimestamp(s, UTC) + deltas[n]).timestamp())
        except (ValueError, TypeError, pytz.exceptions.InvalidTimeError):
            raised[k] = True
    return out, raised
