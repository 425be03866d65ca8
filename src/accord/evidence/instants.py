"""Instants as evidence writes them: ISO 8601 with a UTC offset, one or millions at a time.

The accepted form is `YYYY-MM-DD`, `T` (or a space), `HH:MM`, optionally `:SS` and a
fraction of a second, then `Z` or `+HH:MM` / `-HH:MM`. A time without an offset is
refused: evidence from monitors in several zones cannot be read without one.

`parse_instant` reads one; `parse_many` reads a column of them with NumPy, treating the
usual shapes (`2026-10-01T12:00:00Z`, `...+02:00`, with or without a fraction) in bulk
and handing anything else to `parse_instant`, so both accept exactly the same texts.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

import numpy as np
from numpy.typing import NDArray

from accord.contracts.source import shorten
from accord.domain.availability import epoch_seconds

Seconds = NDArray[np.int64]
INSTANT_HELP = "an ISO 8601 time with a UTC offset, such as 2026-10-01T12:00:00+02:00 or ...Z"
_INSTANT_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?"
    r"(?:(Z)|([+-])(\d{2}):(\d{2}))?$",
    re.ASCII,  # \d would take other scripts' digits
)
_DAY = 86_400
# Years an instant may have: a year of margin at each end of what datetime holds, so
# that no conversion to a zone's local time (or one day's arithmetic) overflows.
FIRST_YEAR, LAST_YEAR = 2, 9998
# Positions of the digits of 'YYYY-MM-DDTHH:MM:SS', and what stands between them.
_DIGITS = (0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18)
_FIXED = {4: b"-", 7: b"-", 13: b":", 16: b":"}
_DAYS_IN_MONTH = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], np.int64)


def parse_instant(text: str) -> datetime:
    """One instant, as an aware UTC datetime; ValueError says what was expected."""
    match = _INSTANT_RE.fullmatch(text)  # `$` alone would let a final newline through
    if match is None:
        raise ValueError(f"expected {INSTANT_HELP}, got {shorten(text)!r}")
    year, month, day, hour, minute, second, fraction, zulu, sign, oh, om = match.groups()
    if zulu is None and sign is None:
        raise ValueError(f"{text!r} has no UTC offset; expected {INSTANT_HELP}")
    offset = timedelta(0)
    if sign is not None:
        offset = timedelta(hours=int(oh), minutes=int(om)) * (1 if sign == "+" else -1)
        if int(om) > 59 or abs(offset) >= timedelta(hours=24):
            raise ValueError(f"{text!r} has an impossible UTC offset")
    micro = int((fraction or "0").ljust(6, "0")[:6])
    try:
        local = datetime(
            int(year),
            int(month),
            int(day),
            int(hour),
            int(minute),
            int(second or 0),
            micro,
            tzinfo=timezone(offset),
        )
    except ValueError as error:
        raise ValueError(f"{text!r} is not a real time: {error}") from None
    if not FIRST_YEAR <= local.year <= LAST_YEAR:  # also keeps the UTC conversion in range
        raise ValueError(f"{text!r} lies outside the years {FIRST_YEAR} to {LAST_YEAR}")
    return local.astimezone(UTC)


def parse_many(values: NDArray[np.bytes_]) -> tuple[Seconds, list[tuple[int, str]]]:
    """Whole epoch seconds (fractions dropped) of each text, and (row, message) of failures."""
    n = values.shape[0]
    seconds = np.zeros(n, np.int64)
    if n == 0:
        return seconds, []
    width = values.dtype.itemsize
    matrix = values.view(np.uint8).reshape(n, width)
    lengths = width - np.argmax(matrix[:, ::-1] != 0, axis=1)
    lengths[~matrix.any(axis=1)] = 0
    done = np.zeros(n, np.bool_)
    for length in np.unique(lengths).tolist():
        rows = np.flatnonzero(lengths == length)
        zulu = matrix[rows, length - 1] == ord("Z")
        for part, offset in ((rows[zulu], 1), (rows[~zulu], 6)):
            fraction = length - offset - 19  # '.' and its digits
            if part.size and (fraction == 0 or 2 <= fraction <= 10):
                got, fine = _bulk(matrix[part, :length], fraction, offset)
                seconds[part[fine]] = got[fine]
                done[part[fine]] = True
    failures: list[tuple[int, str]] = []
    for row in np.flatnonzero(~done).tolist():
        text = values[row].decode("utf-8", errors="replace")
        try:
            seconds[row] = epoch_seconds(parse_instant(text))
        except ValueError as error:
            failures.append((row, str(error)))
    return seconds, failures


def _bulk(m: NDArray[np.uint8], fraction: int, offset: int) -> tuple[Seconds, NDArray[np.bool_]]:
    """Parse rows of one exact layout; `fine` marks those that are real instants."""
    raw = m[:, list(_DIGITS)] - np.uint8(48)  # a byte below '0' wraps round, above 9
    fine = (raw < 10).all(axis=1)
    d = raw.astype(np.int32)
    fine &= (m[:, 10] == ord("T")) | (m[:, 10] == ord(" "))
    for at, char in _FIXED.items():
        fine &= m[:, at] == char[0]
    if fraction:
        fine &= (m[:, 19] == ord(".")) | (m[:, 19] == ord(","))
        digits = m[:, 20 : 20 + fraction - 1]
        fine &= ((digits >= ord("0")) & (digits <= ord("9"))).all(axis=1)
    pairs = d[:, 0::2] * 10 + d[:, 1::2]  # YY YY MM DD hh mm ss
    year, month, day = pairs[:, 0] * 100 + pairs[:, 1], pairs[:, 2], pairs[:, 3]
    hour, minute, second = pairs[:, 4], pairs[:, 5], pairs[:, 6]
    shift = np.zeros(m.shape[0], np.int32)
    if offset == 6:
        o = m[:, -5:].astype(np.int32) - 48
        sign = m[:, -6]
        fine &= ((sign == ord("+")) | (sign == ord("-"))) & (m[:, -3] == ord(":"))
        fine &= ((o[:, [0, 1, 3, 4]] >= 0) & (o[:, [0, 1, 3, 4]] <= 9)).all(axis=1)
        oh, om = o[:, 0] * 10 + o[:, 1], o[:, 3] * 10 + o[:, 4]
        fine &= (oh <= 23) & (om <= 59)
        shift = np.where(sign == ord("-"), -1, 1) * (oh * 3600 + om * 60)
    month_ok = (month >= 1) & (month <= 12)
    fine &= month_ok & (day >= 1) & (day <= _days_in_month(year, np.where(month_ok, month, 1)))
    fine &= (
        (year >= FIRST_YEAR) & (year <= LAST_YEAR) & (hour <= 23) & (minute <= 59) & (second <= 59)
    )
    days = days_from_civil(year, np.clip(month, 1, 12), day).astype(np.int64)
    return days * _DAY + (hour * 3600 + minute * 60 + second - shift), fine


def _days_in_month(year: Seconds, month: Seconds) -> Seconds:
    leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
    days: Seconds = _DAYS_IN_MONTH[month] + (leap & (month == 2))
    return days


def days_from_civil(year: Seconds, month: Seconds, day: Seconds) -> Seconds:
    """Days since 1970-01-01 of proleptic Gregorian dates (H. Hinnant's algorithm)."""
    y = year - (month <= 2)
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (month + np.where(month > 2, -3, 9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    days: Seconds = era * 146_097 + doe - 719_468
    return days


def civil_from_days(days: Seconds) -> tuple[Seconds, Seconds, Seconds]:
    """(year, month, day) of days since 1970-01-01; the inverse of `days_from_civil`."""
    z = days + 719_468
    era = z // 146_097
    doe = z - era * 146_097
    yoe = (doe - doe // 1460 + doe // 36_524 - doe // 146_096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + np.where(mp < 10, 3, -9)
    return yoe + era * 400 + (month <= 2), month, day


def format_many(seconds: Seconds) -> NDArray[np.bytes_]:
    """'YYYY-MM-DDTHH:MM:SSZ' for each epoch second, in bulk."""
    n = seconds.shape[0]
    days, rest = np.divmod(seconds, _DAY)
    year, month, day = civil_from_days(days)
    fields = (year // 100, year % 100, month, day, rest // 3600, rest // 60 % 60, rest % 60)
    out = np.frombuffer(b"0000-00-00T00:00:00Z" * n, np.uint8).reshape(n, 20).copy()
    for value, at in zip(fields, (0, 2, 5, 8, 11, 14, 17), strict=True):
        out[:, at] = 48 + value // 10
        out[:, at + 1] = 48 + value % 10
    return out.reshape(-1).view("S20")


def format_instant(at: datetime) -> str:
    """An aware datetime in UTC with 'Z': the form evidence is written in."""
    return at.astimezone(UTC).isoformat().replace("+00:00", "Z")
