"""Customers, their locations and subscriptions: created and changed with an audit entry."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from accord.services import audit
from accord.services.contract_versions import load_version
from accord.store.models import ContractVersion, Customer, Location, Subscription

__all__ = [
    "Conflict",
    "Missing",
    "add_customer",
    "add_location",
    "add_subscription",
    "end_subscription",
    "subscription_view",
]


class Conflict(ValueError):
    """Something of that key exists already."""


class Missing(LookupError):
    """Something referred to does not exist (for this tenant)."""


def _at(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat().replace("+00:00", "Z")


def add_customer(
    session: Session, tenant: str, key: str, name: str, actor: str, now: datetime
) -> Customer:
    if session.get(Customer, (tenant, key)) is not None:
        raise Conflict(f"customer {key!r} exists already")
    customer = Customer(tenant_id=tenant, key=key, name=name, created_at=now)
    session.add(customer)
    session.flush()
    audit.record(
        session,
        tenant,
        actor,
        "create",
        f"customers/{key}",
        now,
        key,
        after={"key": key, "name": name},
    )
    return customer


def add_location(
    session: Session, tenant: str, customer: str, key: str, name: str, actor: str, now: datetime
) -> Location:
    if session.get(Location, (tenant, customer, key)) is not None:
        raise Conflict(f"location {key!r} of customer {customer!r} exists already")
    location = Location(tenant_id=tenant, customer_key=customer, key=key, name=name, created_at=now)
    session.add(location)
    session.flush()
    audit.record(
        session,
        tenant,
        actor,
        "create",
        f"customers/{customer}/locations/{key}",
        now,
        customer,
        after={"key": key, "name": name},
    )
    return location


def add_subscription(
    session: Session,
    tenant: str,
    customer: str,
    fields: dict[str, Any],
    actor: str,
    now: datetime,
) -> Subscription:
    """`fields`: contract, version, plan, currency, monthly_fee, fees_by_scope,
    first_order_at, starts_at, ends_at (as the API's SubscriptionCreate holds them)."""
    version = session.get(ContractVersion, (tenant, fields["contract"], fields["version"]))
    if version is None:
        raise Missing(f"contract {fields['contract']!r} has no version {fields['version']!r}")
    plans = load_version(version).contract.plans
    if fields.get("plan") is not None and fields["plan"] not in plans:
        known = ", ".join(repr(p) for p in plans) or "none"
        raise Missing(f"plan {fields['plan']!r} is not in the contract; its plans: {known}")
    subscription = Subscription(
        tenant_id=tenant,
        id=uuid.uuid4(),
        customer_key=customer,
        contract_key=fields["contract"],
        version=fields["version"],
        plan=fields.get("plan"),
        currency=fields.get("currency"),
        monthly_fee=fields.get("monthly_fee"),
        fees_by_scope=dict(fields.get("fees_by_scope") or {}),
        first_order_at=fields.get("first_order_at"),
        starts_at=fields["starts_at"],
        ends_at=fields.get("ends_at"),
        created_at=now,
    )
    session.add(subscription)
    session.flush()
    audit.record(
        session,
        tenant,
        actor,
        "create",
        f"customers/{customer}/subscriptions/{subscription.id}",
        now,
        customer,
        after=subscription_view(subscription),
    )
    return subscription


def end_subscription(
    session: Session,
    subscription: Subscription,
    ends_at: datetime | None,
    actor: str,
    now: datetime,
) -> None:
    before = subscription_view(subscription)
    subscription.ends_at = ends_at
    session.flush()
    audit.record(
        session,
        subscription.tenant_id,
        actor,
        "update",
        f"customers/{subscription.customer_key}/subscriptions/{subscription.id}",
        now,
        subscription.customer_key,
        before=before,
        after=subscription_view(subscription),
    )


def subscription_view(s: Subscription) -> dict[str, Any]:
    return {
        "id": str(s.id),
        "customer": s.customer_key,
        "contract": s.contract_key,
        "version": s.version,
        "plan": s.plan,
        "currency": s.currency,
        "monthly_fee": s.monthly_fee,
        "fees_by_scope": dict(s.fees_by_scope),
        "first_order_at": _at(s.first_order_at),
        "starts_at": _at(s.starts_at),
        "ends_at": _at(s.ends_at),
    }
