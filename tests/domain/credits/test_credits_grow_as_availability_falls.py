"""Properties: less availability never earns less credit; the total never passes the cap."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from accord.domain.evidence import Fees
from accord.domain.remedies import Earned, availability_credit, credit_lines, credit_total

from .conftest import policy, rule

percents = st.floats(min_value=0, max_value=100, allow_nan=False)


@st.composite
def tier_tables(draw: st.DrawFn) -> Any:
    """Contiguous tables from 0 up to a top bound, credit growing as the tier goes down."""
    bounds = sorted(set(draw(st.lists(st.integers(1, 9999), min_size=1, max_size=6))))
    credits = sorted(draw(st.lists(st.integers(0, 100), min_size=len(bounds),
                                   max_size=len(bounds))), reverse=True)  # fmt: skip
    low = 0.0
    tiers = []
    for bound, credit in zip(bounds, credits, strict=True):
        tiers.append({"range": f"[{low}, {bound / 100})", "percent": credit})
        low = bound / 100
    return rule(kind="tiered", tiers=list(reversed(tiers)))


rules = st.one_of(
    st.builds(
        lambda p, per, of, rounding: rule(
            kind="linear", percent=p, per=per, of=of, rounding=rounding
        ),  # fmt: skip
        st.integers(1, 50),
        st.sampled_from([0.1, 0.5, 1.0, 2.0]),
        st.sampled_from(["downtime", "shortfall"]),
        st.sampled_from(["incremental", "pro_rata"]),
    ),
    st.builds(lambda p: rule(kind="flat", percent=p), st.integers(0, 100)),
    st.builds(lambda m: rule(kind="proportional", multiplier=m), st.sampled_from([1, 5, 10])),
    tier_tables(),
)


@given(rule=rules, a=percents, b=percents, target=percents)
def test_less_availability_never_earns_less_credit(
    rule: Any, a: float, b: float, target: float
) -> None:
    worse, better = min(a, b), max(a, b)
    earned_worse = availability_credit(rule, worse, target)
    earned_better = availability_credit(rule, better, target)
    assert earned_worse is not None and earned_better is not None
    assert earned_worse >= earned_better


@given(
    earned=st.lists(st.tuples(st.sampled_from([None, "a", "b"]), percents), max_size=8),
    cap=percents,
    basis=st.sampled_from(["monthly_fee", "scope_fee"]),
    combine=st.sampled_from(["max", "sum"]),
)
def test_the_total_never_passes_the_cap_and_otherwise_is_the_sum(
    earned: list[tuple[str | None, float]], cap: float, basis: str, combine: str
) -> None:
    fees = Fees("EUR", 1000.0, {"a": 400.0, "b": 250.0})
    rules = policy(basis=basis, cap_percent=cap, combine=combine)
    lines = credit_lines([Earned(f"x{i}", s, p) for i, (s, p) in enumerate(earned)], rules, fees)
    total = credit_total(lines, rules, fees)
    assert total.amount is not None
    paid: dict[str | None, list[float]] = {}  # per scope: what its objectives earn
    for line in lines:
        paid.setdefault(line.scope, []).append(line.amount or 0.0)
    groups: dict[str | None, float] = {}
    for scope, amounts in paid.items():
        key = scope if basis == "scope_fee" else None
        once = max(amounts) if combine == "max" else sum(amounts)
        groups[key] = groups.get(key, 0.0) + once
    fee = {None: 1000.0, "a": 400.0, "b": 250.0}
    expected = sum(min(amount, fee[key] * cap / 100) for key, amount in groups.items())
    assert abs(total.amount - expected) <= 0.01 * (len(groups) + 1)
    assert total.amount <= sum(fee[key] * cap / 100 for key in groups) + 0.005
