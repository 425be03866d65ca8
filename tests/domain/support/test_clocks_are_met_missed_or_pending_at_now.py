"""A clock is met when achieved by its due instant, missed when achieved later or not
achieved before `now` passes the due instant, and pending (None) otherwise."""

from __future__ import annotations

import pytest

from .support_examples import ethnio, one, ticket

OPENED = "2029-07-02T08:00-07:00"  # Level 3: 6 open hours -> 14:00
DUE = "2029-07-02T14:00-07:00"


@pytest.mark.parametrize(
    ("reply", "now", "met"),
    [
        (None, "2029-07-02T13:00-07:00", None),
        (None, DUE, None),
        (None, "2029-07-02T14:00:01-07:00", False),
        ("2029-07-02T13:59-07:00", "2029-07-09T00:00-07:00", True),
        (DUE, "2029-07-09T00:00-07:00", True),
        ("2029-07-02T14:01-07:00", "2029-07-09T00:00-07:00", False),
        # A reply after `now` has not happened yet.
        ("2029-07-02T13:59-07:00", "2029-07-02T13:00-07:00", None),
    ],
)
def test_the_verdict_depends_on_the_reply_and_on_now(
    reply: str | None, now: str, met: bool | None
) -> None:
    steps = () if reply is None else ((reply, "first_response"),)
    clock = one(ethnio(), ticket("3", OPENED, *steps), now).clock("first_response")  # type: ignore[arg-type]
    assert clock is not None
    assert clock.met is met


@pytest.mark.parametrize("kind", ["update", "workaround", "resolved", "closed"])
def test_any_message_from_support_counts_as_the_first_response(kind: str) -> None:
    t = ticket("3", OPENED, ("2029-07-02T09:00-07:00", kind))  # type: ignore[arg-type]
    clock = one(ethnio(), t, "2029-07-09T00:00-07:00").clock("first_response")
    assert clock is not None
    assert clock.met is True


def test_sub_second_parts_of_the_evidence_are_dropped() -> None:
    t = ticket("3", "2029-07-02T08:00:00.900-07:00", ("2029-07-02T14:00:00.500-07:00", "update"))
    clock = one(ethnio(), t, "2029-07-09T00:00-07:00").clock("first_response")
    assert clock is not None
    assert clock.met is True
    assert clock.achieved_at is not None and clock.achieved_at.microsecond == 0
