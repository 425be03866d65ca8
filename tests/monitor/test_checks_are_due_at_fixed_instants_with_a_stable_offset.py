"""Due instants: shift + k x interval from the epoch, a stable offset per monitor."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from accord.monitor.schedule import next_due, offset
from hypothesis_budget import examples


@examples(500)
@given(
    after=st.floats(0, 4e9, allow_nan=False),
    interval=st.sampled_from([1.0, 10.0, 30.0, 60.0, 300.0, 3600.0]),
    key=st.text(min_size=1, max_size=20),
)
def test_the_next_due_instant_is_the_first_slot_at_or_after_the_given_one(
    after: float, interval: float, key: str
) -> None:
    shift = offset(key, interval)
    due = next_due(after, interval, shift)
    assert after <= due < after + interval + 1e-6
    k = (due - shift) / interval
    assert abs(k - round(k)) < 1e-6


def test_the_offset_is_stable_and_inside_the_interval() -> None:
    first = [offset(f"monitor-{i}", 60) for i in range(100)]
    again = [offset(f"monitor-{i}", 60) for i in range(100)]
    assert first == again
    assert all(0 <= o < 60 for o in first)


def test_ten_thousand_monitors_spread_over_the_minute() -> None:
    # No thundering herd: no second of the minute holds more than twice its fair share.
    seconds = Counter(int(offset(f"https://svc-{i}.test/|eu|paris", 60)) for i in range(10_000))
    assert len(seconds) == 60
    assert max(seconds.values()) < 2 * 10_000 / 60


def test_a_late_check_does_not_move_the_following_ones() -> None:
    shift = offset("api|", 60)
    slot = 60 * 16_667 + shift  # a due instant
    on_time = next_due(slot + 0.5, 60, shift)  # a check that started half a second late
    after_a_slow_check = next_due(slot + 59.5, 60, shift)  # one that started very late
    assert on_time == after_a_slow_check == slot + 60
