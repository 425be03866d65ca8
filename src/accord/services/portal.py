"""What a customer's portal and the provider's console show, from the store.

Every figure is a statement of `accord.services.statements` (live for the month that
runs, frozen once over), so the web says what the API says. The contract is explained by
`accord.contracts.explain`, the words of `accord contract explain`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from rich.console import Console
from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.contracts.explain import explain
from accord.contracts.loader import LoadedContract
from accord.domain.evidence import MaintenanceWindow
from accord.services.contract_versions import load_version
from accord.services.statements import customer_month
from accord.store.evidence_rows import stored_evidence
from accord.store.models import ContractVersion, Customer, Subscription

__all__ = [
    "CustomerView",
    "customer_view",
    "customer_zone",
    "customers_of",
    "month_label",
    "past_months",
]

MONTHS_SHOWN = 12  # past statements listed


@dataclass(frozen=True)
class ContractView:
    title: str
    zone: str
    explained: str  # the contract in words, as `accord contract explain` prints it


@dataclass(frozen=True)
class CustomerView:
    key: str
    name: str
    contracts: tuple[ContractView, ...]
    month: dict[str, Any]  # this month's statement document, live, 'as of'
    past: tuple[str, ...]  # labels of past months with a statement, newest first
    maintenance: tuple[MaintenanceWindow, ...]  # announced, not over yet, soonest first


def month_label(now: datetime, zone: str) -> str:
    local = now.astimezone(ZoneInfo(zone))
    return f"{local.year:04d}-{local.month:02d}"


def past_months(first: datetime, now: datetime, zone: str) -> tuple[str, ...]:
    """The months from the one holding `first` to the one before now's, newest first."""
    labels: list[str] = []
    year, number = (int(x) for x in month_label(now, zone).split("-"))
    start = month_label(first, zone)
    while len(labels) < MONTHS_SHOWN:
        year, number = (year - 1, 12) if number == 1 else (year, number - 1)
        label = f"{year:04d}-{number:02d}"
        if label < start:
            break
        labels.append(label)
    return tuple(labels)


def customers_of(session: Session, tenant: str) -> list[Customer]:
    return list(
        session.scalars(
            select(Customer).where(Customer.tenant_id == tenant).order_by(Customer.name)
        )
    )


def customer_zone(session: Session, customer: Customer) -> str:
    """The zone of the customer's latest contract (UTC without a subscription)."""
    subscription = session.scalars(
        select(Subscription)
        .where(Subscription.tenant_id == customer.tenant_id,
               Subscription.customer_key == customer.key)
        .order_by(Subscription.starts_at.desc())
    ).first()  # fmt: skip
    if subscription is None:
        return "UTC"
    version = session.get(
        ContractVersion, (customer.tenant_id, subscription.contract_key, subscription.version)
    )
    assert version is not None  # a foreign key holds it
    return load_version(version).contract.zone


def customer_view(
    session: Session, customer: Customer, now: datetime, grace: timedelta, explained: bool = True
) -> CustomerView:
    """The portal's page of one customer (`explained`: with its contracts in words)."""
    subscriptions = list(
        session.scalars(
            select(Subscription)
            .where(Subscription.tenant_id == customer.tenant_id,
                   Subscription.customer_key == customer.key)
            .order_by(Subscription.starts_at, Subscription.id)
        )
    )  # fmt: skip
    contracts, zone, windows = [], "UTC", []
    for subscription in subscriptions:
        version = session.get(
            ContractVersion, (customer.tenant_id, subscription.contract_key, subscription.version)
        )
        assert version is not None  # a foreign key holds it
        loaded = load_version(version)
        zone = loaded.contract.zone
        words = _words(loaded, now.year) if explained else ""
        contracts.append(ContractView(loaded.contract.title, zone, words))
        evidence = stored_evidence(session, subscription, now, now)
        windows += [w for w in evidence.maintenance if w.end > now and w.announced_at]
    label = month_label(now, zone)
    month = customer_month(session, customer.tenant_id, customer.key, label, now, grace)
    first = min((s.starts_at for s in subscriptions), default=now)
    return CustomerView(
        customer.key,
        customer.name,
        tuple(contracts),
        month,
        past_months(first, now, zone),
        tuple(sorted(set(windows), key=lambda w: w.start)),
    )


def _words(loaded: LoadedContract, year: int) -> str:
    console = Console(record=True, width=96, color_system=None, file=io.StringIO())
    for block in explain(loaded, year):
        console.print(block)
    return console.export_text()
