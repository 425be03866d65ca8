"""The termination right: when missed months let a customer leave (E4).

The right ('three months of any six-month period') is judged on the months given, in
order: granted when some run of `within_months` consecutive months holds `missed_months`
missed ones. A month whose result is unknown may be either, so the right is `None`
(undecided) when the unknown months alone could tip it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class TerminationRule:
    missed_months: int  # missed months that give the right, >= 1 ...
    within_months: int  # ... within this many consecutive months, >= 1


@dataclass(frozen=True)
class TerminationRight:
    granted: bool | None  # True: the customer may terminate; None: unknown months decide it
    missed: tuple[str, ...]  # months missed ('YYYY-MM') among those considered
    unknown: tuple[str, ...]  # months with no result among those considered
    considered: tuple[str, ...]  # the months looked at, in order
    missed_months: int  # how many missed months the contract requires ...
    within_months: int  # ... within this many consecutive months


def termination_right(
    rule: TerminationRule, months: Sequence[tuple[str, bool | None]]
) -> TerminationRight:
    """`months` are consecutive ('YYYY-MM', missed?) pairs, oldest first."""
    flags = [missed for _, missed in months]
    proven = _any_window(flags, rule, count_unknown=False)
    possible = _any_window(flags, rule, count_unknown=True)
    return TerminationRight(
        granted=True if proven else (None if possible else False),
        missed=tuple(label for label, missed in months if missed is True),
        unknown=tuple(label for label, missed in months if missed is None),
        considered=tuple(label for label, _ in months),
        missed_months=rule.missed_months,
        within_months=rule.within_months,
    )


def _any_window(flags: list[bool | None], rule: TerminationRule, count_unknown: bool) -> bool:
    hits = [f is True or (count_unknown and f is None) for f in flags]
    width = min(rule.within_months, len(hits))
    return any(sum(hits[i : i + width]) >= rule.missed_months for i in range(len(hits) - width + 1))
