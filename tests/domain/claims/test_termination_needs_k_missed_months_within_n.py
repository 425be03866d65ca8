"""E4: three missed months in any six-month period give the customer the right to leave."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.domain.remedies import TerminationRule, termination_right

ETHNIO = TerminationRule(missed_months=3, within_months=6)


def months(*flags: bool | None) -> list[tuple[str, bool | None]]:
    return [(f"2026-{i + 1:02d}", flag) for i, flag in enumerate(flags)]


@pytest.mark.parametrize(
    ("flags", "granted"),
    [
        ((), False),
        ((True, True), False),
        ((True, True, True), True),
        ((True, False, False, False, True, True), True),  # months 1-6: three
        ((False, True, False, False, False, True, True), True),  # months 2-7: three
        ((True, False, False, False, False, True, True), False),  # two in any six
        ((True, False, False, False, False, False, True, True), False),  # never 3 in 6
        ((True, True, None), None),  # the unknown month decides
        ((True, None, False, False, False, False, False, True), False),  # too far apart
    ],
)
def test_the_right_is_granted_by_k_misses_in_some_window_of_n(
    flags: tuple[bool | None, ...], granted: bool | None
) -> None:
    right = termination_right(ETHNIO, months(*flags))
    assert right.granted is granted


def test_the_right_lists_the_months_it_looked_at() -> None:
    right = termination_right(ETHNIO, months(True, None, False))
    assert right.missed == ("2026-01",)
    assert right.unknown == ("2026-02",)
    assert right.considered == ("2026-01", "2026-02", "2026-03")


def _grants(flags: tuple[bool, ...], k: int, n: int) -> bool:
    return any(sum(flags[i : i + n]) >= k for i in range(max(1, len(flags) - n + 1)))


@given(
    flags=st.lists(st.sampled_from([True, False, None]), max_size=9),
    k=st.integers(1, 4),
    n=st.integers(1, 7),
)
def test_the_right_agrees_with_every_way_the_unknown_months_could_turn_out(
    flags: list[bool | None], k: int, n: int
) -> None:
    unknown = [i for i, f in enumerate(flags) if f is None]
    outcomes = set()
    for guess in itertools.product([True, False], repeat=len(unknown)):
        filled = list(flags)
        for i, value in zip(unknown, guess, strict=True):
            filled[i] = value
        outcomes.add(_grants(tuple(bool(f) for f in filled), k, n))
    expected = outcomes.pop() if len(outcomes) == 1 else None
    rule = TerminationRule(missed_months=k, within_months=n)
    assert termination_right(rule, months(*flags)).granted is expected
