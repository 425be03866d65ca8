"""Preconditions: when an SLA applies at all ("only when the customer runs in two or more
zones"), judged on the facts of the customer's setup that the evidence states.

A precondition names a fact and one comparison (`at_least`, `at_most` or `equals`). It is
met when the fact is given and compares as written; a fact not given leaves it unmet, and
the reason says so, since an SLA that applies "only when" cannot be assumed to apply.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from accord.domain.evidence import Fact


@dataclass(frozen=True)
class PreconditionRule:
    description: str  # in the contract's words: 'the customer runs in two or more zones'
    fact: str  # the name of the fact in the evidence ('zones')
    at_least: float | None = None  # met when the fact is a number >= this
    at_most: float | None = None  # met when the fact is a number <= this
    equals: Fact | None = None  # met when the fact is exactly this
    objectives: frozenset[str] = frozenset()  # the objectives it governs; empty: the SLA


def unmet(
    preconditions: Sequence[PreconditionRule], facts: Mapping[str, Fact]
) -> list[tuple[frozenset[str], str]]:
    """Why the SLA, or some of its objectives, do not apply: for each precondition not
    met, in order, the objectives it governs (empty: the whole SLA) and the reason."""
    found = []
    for p in preconditions:
        value = facts.get(p.fact)
        if value is None:
            found.append((p.objectives, f"{p.description} (the evidence gives no fact {p.fact!r})"))
        elif not _holds(p, value):
            found.append((p.objectives, f"{p.description} ({p.fact} = {_shown(value)})"))
    return found


def _holds(p: PreconditionRule, value: Fact) -> bool:
    if p.equals is not None:
        return value == p.equals and type(value) is type(p.equals)
    if isinstance(value, bool) or not isinstance(value, float | int):
        return False
    return (p.at_least is None or value >= p.at_least) and (p.at_most is None or value <= p.at_most)


def _shown(value: Fact) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
