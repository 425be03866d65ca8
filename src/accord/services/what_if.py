"""What if an outage lasts longer: what each customer would be owed this month.

For every customer of the tenant, the month that runs now is simulated with an outage from
`now` for `hours` (on one location, or the whole service) by `accord.services.evaluate.
simulate`, the use case behind `accord simulate`: the credit owed as the evidence stands,
and with the outage.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from accord.domain.evidence import Outage
from accord.services.contract_versions import load_version
from accord.services.evaluate import known_scopes, simulate
from accord.services.portal import customer_zone, customers_of, month_label
from accord.services.statements import months_of

__all__ = ["Exposure", "what_if"]


@dataclass(frozen=True)
class Exposure:
    customer: str  # key
    name: str
    contract: str  # contract id
    owed: float | None  # this month as the evidence stands, after the cap; None: unknown
    if_so: float | None  # with the outage
    currency: str | None

    @property
    def difference(self) -> float | None:
        return None if self.owed is None or self.if_so is None else self.if_so - self.owed


def what_if(
    session: Session, tenant: str, now: datetime, hours: float, scope: str | None
) -> list[Exposure]:
    """Each customer's credit with and without the outage; customers without `scope`
    (when one is given) are left out: the outage does not touch them."""
    outage = Outage(now, now + timedelta(hours=hours), scope)
    found = []
    for customer in customers_of(session, tenant):
        label = month_label(now, customer_zone(session, customer))
        for month in months_of(session, tenant, customer.key, label):
            if scope is not None and scope not in known_scopes(month.evidence):
                continue
            result = simulate(load_version(month.version), month.evidence, month.period,
                              [outage], now, month.subscription.plan)  # fmt: skip
            total, after = result.before.credit_total, result.after.credit_total
            found.append(Exposure(customer.key, customer.name, result.before.contract,
                                  total.amount, after.amount, after.currency))  # fmt: skip
    return found
