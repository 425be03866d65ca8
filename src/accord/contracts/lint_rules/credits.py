"""Credit tables and remedies: holes, overlaps, silent ends, and misses with no remedy."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from accord.contracts.lint_rules.base import Check, Context, Finding, Rule, availability, percent
from accord.contracts.model import Availability, FlatCredit, LinearCredit, Tier, TieredCredit
from accord.contracts.source import PathKey


@dataclass(frozen=True)
class Piece:
    """A point or an open interval of achieved availability between two tier bounds."""

    low: float  # the point itself, or the open interval's lower end
    high: float  # equal to low for a point
    tiers: tuple[int, ...]  # indexes of the tiers that contain it

    @property
    def sample(self) -> float:
        return (self.low + self.high) / 2


def pieces(tiers: list[Tier], also: tuple[float, ...] = ()) -> list[Piece]:
    """[0, 100] cut at every tier bound (and at `also`), each piece with its tiers.

    Every value inside one piece lies in the same tiers, so testing one sample of each
    piece tells exactly where a table has holes and overlaps."""
    bounds = {0.0, 100.0, *also}
    for tier in tiers:
        bounds.update(b for b in (tier.range.low, tier.range.high) if b is not None)
    ordered = sorted(bounds)
    found: list[Piece] = []
    for i, low in enumerate(ordered):
        found.append(Piece(low, low, ()))
        if i + 1 < len(ordered):
            found.append(Piece(low, ordered[i + 1], ()))
    return [
        Piece(p.low, p.high, tuple(i for i, t in enumerate(tiers) if t.range.contains(p.sample)))
        for p in found
    ]


def span(run: list[Piece]) -> str:
    """Words for consecutive pieces: 'exactly 99.5 %' or '(99.9 %, 99.95 %)'."""
    first, last = run[0], run[-1]
    if len(run) == 1 and first.low == first.high:
        return f"exactly {percent(first.low)}"
    opening = "[" if first.low == first.high else "("
    closing = "]" if last.low == last.high else ")"
    return f"{opening}{percent(first.low)}, {percent(last.high)}{closing}"


def covered(found: list[Piece]) -> list[int]:
    """Indexes of the pieces that some tier contains."""
    return [i for i, p in enumerate(found) if p.tiers]


def runs(found: list[Piece], keep: list[bool]) -> list[list[Piece]]:
    """Maximal runs of consecutive pieces whose `keep` flag is set."""
    grouped: list[list[Piece]] = []
    for i, piece in enumerate(found):
        if keep[i] and i > 0 and keep[i - 1]:
            grouped[-1].append(piece)
        elif keep[i]:
            grouped.append([piece])
    return grouped


def targets(objective: Availability) -> list[tuple[str, float, PathKey]]:
    """(words for the plan, target, path of the target) for each plan's target."""
    if isinstance(objective.target, float):
        return [("", objective.target, ("target",))]
    return [(f" for plan {plan!r}", value, ("target", plan))
            for plan, value in objective.target.items()]  # fmt: skip


def tiered(context: Context) -> Iterator[tuple[PathKey, Availability, TieredCredit]]:
    for path, objective in availability(context.contract):
        if isinstance(objective.credit, TieredCredit):
            yield path, objective, objective.credit


GAP = Rule(
    "A101",
    "credit tiers leave a hole",
    "Some availability between the table's lowest and highest tier falls in no tier, so "
    "nothing says what a month there earns. Make each tier start where the one above "
    "ends, with one bracket closed and the other open: '[99.4, 99.5)' then '[99.5, 99.9]'.",
)


def holes(context: Context) -> Iterator[Finding]:
    for base, _, credit in tiered(context):
        found = pieces(credit.tiers)
        tiered_pieces = covered(found)
        if not tiered_pieces:
            continue
        first, last = tiered_pieces[0], tiered_pieces[-1]
        inside = [first < i < last and not p.tiers for i, p in enumerate(found)]
        for run in runs(found, inside):
            after = found[found.index(run[-1]) + 1]
            yield (
                (*base, "credit", "tiers", after.tiers[0], "range"),
                (
                    f"no tier covers availability of {span(run)}: what credit does a month "
                    "there earn? Close the hole between the neighbouring tiers"
                ),
            )


OVERLAP = Rule(
    "A102",
    "credit tiers overlap",
    "Some availability falls in two tiers with different credits, so two amounts are "
    "owed for the same month. Make the bounds meet with one side open: '[99.4, 99.5)'.",
)


def overlaps(context: Context) -> Iterator[Finding]:
    for base, _, credit in tiered(context):
        found = pieces(credit.tiers)
        twice = [len(p.tiers) > 1 for p in found]
        for run in runs(found, twice):
            first, second = run[0].tiers[:2]
            a, b = credit.tiers[first], credit.tiers[second]
            yield (
                (*base, "credit", "tiers", second, "range"),
                (
                    f"availability of {span(run)} lies in tier {a.range} ({percent(a.percent)}) "
                    f"and in tier {b.range} ({percent(b.percent)}): which credit applies?"
                ),
            )


SILENT_TOP = Rule(
    "A103",
    "nothing said between the credit table's top and the objective",
    "The objective asks for more than the top of the credit table, so a month between "
    "the two misses the objective yet no tier says what it earns (Letsignit: a 99.95 % "
    "benchmark over a table that ends at 99.9 %). Extend the table up to the objective, "
    "or say that a miss above the table earns nothing with a 0 % tier.",
)


def silent_top(context: Context) -> Iterator[Finding]:
    tables = list(tiered(context))
    for base, objective, credit in tables:
        for plan, target, at in targets(objective):
            found = pieces(credit.tiers, also=(target,))
            tiered_pieces = covered(found)
            if not tiered_pieces:
                continue
            above = [i > tiered_pieces[-1] and not p.tiers and p.high <= target and p.low < target
                     for i, p in enumerate(found)]  # fmt: skip
            for run in runs(found, above):
                yield (
                    (*base, *at),
                    (
                        f"the objective{plan} is {percent(target)} but the credit table stops "
                        f"at {percent(run[0].low)}: a month of {span(run)} misses the objective "
                        "and no tier says what it earns"
                    ),
                )
    for path, objective in availability(context.contract):
        if objective.credit is not None or not objective.benchmark_only:
            continue
        for _, other, credit in tables:
            top = max((t.range.high or 100.0) for t in credit.tiers)
            for plan, target, at in targets(objective):
                if target > top:
                    yield (
                        (*path, *at),
                        (
                            f"the benchmark{plan} is {percent(target)} but the credit table of "
                            f"{other.id!r} stops at {percent(top)}: nothing says whether a "
                            f"month between the two is a failure, or what it earns"
                        ),
                    )


SILENT_BOTTOM = Rule(
    "A104",
    "credit table silent below its lowest tier",
    "The lowest tier has a floor, so a month below it falls outside the table: is the "
    "credit the lowest tier's, more, or nothing? Open the lowest tier downwards, "
    "'[0, 99)' or '(, 99)', if its credit is meant for every worse month.",
)


def silent_bottom(context: Context) -> Iterator[Finding]:
    for base, _, credit in tiered(context):
        found = pieces(credit.tiers)
        tiered_pieces = covered(found)
        if not tiered_pieces or tiered_pieces[0] == 0:
            continue
        lowest = found[tiered_pieces[0]]
        yield (
            (*base, "credit", "tiers", lowest.tiers[0], "range"),
            (
                f"no tier covers availability below {percent(lowest.low)}: is a worse month "
                "owed this tier's credit, more, or nothing?"
            ),
        )


PAYS_WHEN_MET = Rule(
    "A105",
    "a tier pays credit although the objective is met",
    "A tier with a credit covers availability at or above the objective, so the table "
    "and the objective disagree on what counts as a failure (Letsignit: a 99 % guarantee "
    "with credits from 99.5 % down). Either the objective or the table is not the one "
    "meant; make them agree.",
)


def pays_when_met(context: Context) -> Iterator[Finding]:
    for base, objective, credit in tiered(context):
        for plan, target, _ in targets(objective):
            paying = [j for j, tier in enumerate(credit.tiers)
                      if tier.percent > 0 and _reaches(tier, target)]  # fmt: skip
            if not paying:
                continue
            named = ", ".join(f"{credit.tiers[j].range} ({percent(credit.tiers[j].percent)})"
                              for j in paying)  # fmt: skip
            yield (
                (*base, "credit", "tiers", paying[0], "range"),
                (
                    f"availability of {percent(target)} or more meets the objective{plan}, yet "
                    f"tier{'s' if len(paying) > 1 else ''} {named} pay credit there: is such a "
                    "month a failure or not?"
                ),
            )


def _reaches(tier: Tier, target: float) -> bool:
    """Whether the tier holds some availability at or above `target`."""
    high = tier.range.high if tier.range.high is not None else 100.0
    return high > target or (high == target and tier.range.high_inclusive)


CAP_BELOW_TIER = Rule(
    "A106",
    "a credit the cap never lets through",
    "The cap on credits is lower than the credit of a tier (or of a flat credit), so "
    "that tier can never be paid as written. Lower the tier or raise the cap.",
)


def cap_below_tier(context: Context) -> Iterator[Finding]:
    credits = context.contract.credits
    if credits is None or credits.cap_percent is None:
        return
    cap = credits.cap_percent
    for objective in context.contract.availability:
        rule = objective.credit
        amounts = [t.percent for t in rule.tiers] if isinstance(rule, TieredCredit) else []
        amounts += [rule.percent] if isinstance(rule, FlatCredit) else []
        over = [a for a in amounts if a > cap]
        if over:
            yield (
                ("credits", "cap_percent"),
                (
                    f"the cap of {percent(cap)} is below the {percent(max(over))} that "
                    f"{objective.id!r} promises: which of the two is owed?"
                ),
            )


LINEAR_OF = Rule(
    "A107",
    "'for every 1 % of downtime' without saying 1 % of what",
    "A linear credit can count every point of downtime from 100 % or only the points "
    "below the objective; with a 99 % objective and 97.5 % achieved that is 2 steps or "
    "1. Write `of: downtime` or `of: shortfall`.",
)


def linear_of(context: Context) -> Iterator[Finding]:
    for path, objective in availability(context.contract):
        credit: PathKey = (*path, "credit")
        if isinstance(objective.credit, LinearCredit) and not context.written((*credit, "of")):
            yield (
                (*credit, "kind"),
                (
                    f"{percent(objective.credit.percent)} for every {objective.credit.per:g} "
                    "point(s): of total downtime, or of the shortfall below the objective? "
                    "Say `of: downtime` or `of: shortfall`"
                ),
            )


NO_REMEDY = Rule(
    "A108",
    "an availability objective with no remedy",
    "The objective is not marked as a benchmark and carries no credit, so a missed "
    "month has no stated consequence. Add a `credit:` or write `benchmark_only: true`.",
)


def no_remedy(context: Context) -> Iterator[Finding]:
    for path, objective in availability(context.contract):
        if objective.credit is None and not objective.benchmark_only:
            yield (
                (*path, "id"),
                (
                    f"{objective.id!r} has no credit and is not marked benchmark_only: "
                    "what happens when a month misses it?"
                ),
            )


PLAN_WITHOUT_TARGET = Rule(
    "A109",
    "a plan with no target",
    "The objective gives targets per plan but leaves out a plan the contract defines, "
    "so customers on that plan have no commitment. Give every plan a target.",
)


def plan_without_target(context: Context) -> Iterator[Finding]:
    plans = list(context.contract.plans)
    for path, objective in availability(context.contract):
        if isinstance(objective.target, dict):
            missing = [p for p in plans if p not in objective.target]
            if missing:
                yield (
                    (*path, "target"),
                    (
                        f"no target for plan(s) {', '.join(repr(p) for p in missing)}: "
                        f"what does {objective.id!r} promise them?"
                    ),
                )


NEVER_TERMINATES = Rule(
    "A110",
    "a termination right that can never arise",
    "The right to terminate needs more missed months than the period it counts them in.",
)


def never_terminates(context: Context) -> Iterator[Finding]:
    credits = context.contract.credits
    rule = credits.termination if credits is not None else None
    if rule is not None and rule.missed_months > rule.within_months:
        yield (
            ("credits", "termination", "missed_months"),
            (f"{rule.missed_months} missed months can never fit in {rule.within_months}"),
        )


CLAIM_IN_BUSINESS_DAYS = Rule(
    "A111",
    "a claim window in business days",
    "A claim clause names no calendar, so 'within 5 business days' has no business days "
    "to count and gives no deadline. Give the window in days (or hours).",
)


def claim_in_business_days(context: Context) -> Iterator[Finding]:
    credits = context.contract.credits
    claim = credits.claim if credits is not None else None
    if claim is not None and claim.within is not None and claim.within.unit == "business_days":
        yield (
            ("credits", "claim", "within"),
            (
                f"{claim.within}: business days of which calendar? A claim window names none, "
                "so no deadline can be set; give it in days"
            ),
        )


RULES: list[tuple[Rule, Check]] = [
    (GAP, holes),
    (OVERLAP, overlaps),
    (SILENT_TOP, silent_top),
    (SILENT_BOTTOM, silent_bottom),
    (PAYS_WHEN_MET, pays_when_met),
    (CAP_BELOW_TIER, cap_below_tier),
    (LINEAR_OF, linear_of),
    (NO_REMEDY, no_remedy),
    (PLAN_WITHOUT_TARGET, plan_without_target),
    (NEVER_TERMINATES, never_terminates),
    (CLAIM_IN_BUSINESS_DAYS, claim_in_business_days),
]
