"""Small batches reuse the open periods laid out for whole blocks of time: one deadline at
a time, near a block's edge or across it, is the scalar form's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from accord.domain.calendars import (
    add_business_time,
    add_business_time_many,
    business_seconds_between_many,
    business_time_between,
)
from accord.domain.calendars.business_time_arrays import _BLOCK
from hypothesis_budget import examples

from .calendar_strategies import Case, cases

EDGE = 60 * _BLOCK  # a block's edge in the 2030s


@examples(300)
@given(
    case=cases(),
    offset=st.integers(-3 * 86_400, 3 * 86_400),
    hours=st.integers(0, 72),
)
def test_one_deadline_near_a_block_edge_is_the_scalar_forms(
    case: Case, offset: int, hours: int
) -> None:
    start = EDGE + offset
    [due] = add_business_time_many(case.cal, np.array([start]), np.array([hours * 3600]))
    at = datetime.fromtimestamp(start, UTC)
    assert due == add_business_time(case.cal, at, timedelta(hours=hours)).timestamp()
    later = start + hours * 3600
    [open_s] = business_seconds_between_many(case.cal, np.array([start]), np.array([later]))
    scalar = business_time_between(case.cal, at, datetime.fromtimestamp(later, UTC))
    assert open_s == scalar.total_seconds()
