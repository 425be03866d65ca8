"""Maintenance rules that leave the customer guessing when the service may go down."""

from __future__ import annotations

from collections.abc import Iterator

from accord.contracts.lint_rules.base import Check, Context, Finding, Rule

NOTICE_WITHOUT_PERIOD = Rule(
    "A502",
    "maintenance needs notice but the contract gives no notice period",
    "Unannounced maintenance counts as downtime, yet no `notice` says how far ahead the "
    "announcement must come: an e-mail one minute before would do. Give the period "
    "(`notice: 48h`), or `notice: 0m` if any announcement before the start will do.",
)


def notice_without_period(context: Context) -> Iterator[Finding]:
    maintenance = context.contract.maintenance
    if maintenance is None:
        return
    if maintenance.without_notice == "downtime" and maintenance.notice is None:
        at = ("maintenance", "announce") if maintenance.announce else ("maintenance",)
        yield (
            at,
            (
                "maintenance without notice counts as downtime, but how long before the start "
                "must the notice come? Add `notice:`"
            ),
        )


UNBOUNDED = Rule(
    "A503",
    "maintenance excluded without window or cap",
    "Maintenance is excluded from downtime at any time of the week and for any length: a "
    "provider could call a whole month maintenance. Say where it may fall (`windows`) or "
    "how much a month may be excluded (`monthly_cap`).",
)


def unbounded(context: Context) -> Iterator[Finding]:
    maintenance = context.contract.maintenance
    if maintenance is None or maintenance.windows or maintenance.monthly_cap is not None:
        return
    yield (
        ("maintenance",),
        (
            "maintenance may fall at any time and last any time and still be excluded: is "
            "there a window or a monthly cap?"
        ),
    )


RULES: list[tuple[Rule, Check]] = [
    (NOTICE_WITHOUT_PERIOD, notice_without_period),
    (UNBOUNDED, unbounded),
]
