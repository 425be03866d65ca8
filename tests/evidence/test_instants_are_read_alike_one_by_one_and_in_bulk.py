from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.domain.availability import epoch_seconds
from accord.evidence.instants import format_instant, format_many, parse_instant, parse_many

GOOD = [
    ("2026-10-01T12:00:00Z", datetime(2026, 10, 1, 12, tzinfo=UTC)),
    ("2026-10-01T12:00:00+02:00", datetime(2026, 10, 1, 10, tzinfo=UTC)),
    ("2026-10-01 12:00:00-07:30", datetime(2026, 10, 1, 19, 30, tzinfo=UTC)),
    ("2026-10-01T12:00Z", datetime(2026, 10, 1, 12, tzinfo=UTC)),
    ("2026-10-01T12:00:00.5Z", datetime(2026, 10, 1, 12, 0, 0, 500_000, tzinfo=UTC)),
    ("2026-10-01T12:00:00,123456789+00:00", datetime(2026, 10, 1, 12, 0, 0, 123_456, tzinfo=UTC)),
    ("2028-02-29T23:59:59Z", datetime(2028, 2, 29, 23, 59, 59, tzinfo=UTC)),
    ("2026-10-25T02:30:00+01:00", datetime(2026, 10, 25, 1, 30, tzinfo=UTC)),
]
BAD = [
    ("2026-10-01T12:00:00", "has no UTC offset"),
    ("2026-10-01", "expected an ISO 8601 time"),
    ("2026-02-29T00:00:00Z", "not a real time"),
    ("2026-10-01T24:00:00Z", "not a real time"),
    ("2026-10-01T12:00:60Z", "not a real time"),
    ("2026-10-01T12:00:00+24:00", "impossible UTC offset"),
    ("2026-10-01T12:00:00+02:60", "impossible UTC offset"),
    ("2026-10-01T12:00:00.Z", "expected an ISO 8601 time"),
    ("2026-10-01x12:00:00Z", "expected an ISO 8601 time"),
    ("2026-10-01T12:00:00+0200", "expected an ISO 8601 time"),
    (" 2026-10-01T12:00:00Z", "expected an ISO 8601 time"),
    ("", "expected an ISO 8601 time"),
]


@pytest.mark.parametrize(("text", "instant"), GOOD)
def test_an_instant_with_an_offset_is_read_in_utc(text: str, instant: datetime) -> None:
    assert parse_instant(text) == instant
    seconds, failures = parse_many(np.array([text.encode()]))
    assert failures == [] and seconds[0] == epoch_seconds(instant)


@pytest.mark.parametrize(("text", "why"), BAD)
def test_anything_else_is_refused_saying_why(text: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        parse_instant(text)
    _, failures = parse_many(np.array([text.encode()]))
    assert len(failures) == 1 and why in failures[0][1]


moments = st.datetimes(min_value=datetime(2, 1, 2), max_value=datetime(9998, 12, 30),
                       timezones=st.just(UTC))  # fmt: skip
offsets = st.integers(-23 * 60 - 59, 23 * 60 + 59).map(lambda m: timezone(timedelta(minutes=m)))
spellings = st.sampled_from(("T", " "))


@given(st.lists(st.tuples(moments, offsets, spellings, st.booleans()), max_size=30))
def test_bulk_reading_agrees_with_reading_one_by_one(cases: list[tuple[datetime, timezone, str,
                                                                      bool]]) -> None:  # fmt: skip
    texts = []
    for moment, zone, separator, zulu in cases:
        local = moment.astimezone(zone) if not zulu else moment
        text = local.isoformat(separator)
        texts.append(text.replace("+00:00", "Z") if zulu else text)
    seconds, failures = parse_many(np.array([t.encode() for t in texts], dtype=np.bytes_))
    assert failures == []
    assert seconds.tolist() == [epoch_seconds(parse_instant(t)) for t in texts]


@given(st.lists(st.integers(-62_135_596_800 + 86_400, 253_402_300_799 - 86_400), max_size=50))
def test_bulk_writing_agrees_with_writing_one_by_one(seconds: list[int]) -> None:
    written = format_many(np.array(seconds, np.int64))
    expected = [format_instant(datetime(1970, 1, 1, tzinfo=UTC) + timedelta(seconds=s))
                for s in seconds]  # fmt: skip
    assert [w.decode() for w in written.tolist()] == expected
