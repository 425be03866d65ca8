"""The demo tenant: the example contracts, a customer on each with its locations and
fees, and the example evidence, so that a newcomer's first `accord serve --demo` shows
real statements at once. Loading twice changes nothing.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from accord.evidence import read_evidence
from accord.services.accounts import Principal, create_token, ensure_tenant
from accord.services.contract_versions import upload_version
from accord.services.customers import add_customer, add_location, add_subscription
from accord.services.ingest import store_evidence
from accord.services.passwords import set_password
from accord.store.models import Customer

__all__ = ["DEMO_TENANT", "CUSTOMERS", "DemoTokens", "load_demo"]

DEMO_TENANT = "demo"
ACTOR = "accord demo"
# The example contract each demo customer is on, by file name (examples/contracts/).
CUSTOMERS = {
    "ethnio": ("northwind", "Northwind Research"),
    "infopromo": ("globex", "Globex Retail"),
    "istockist": ("initech", "Initech Supplies"),
    "lavi-qtrac": ("bayside-market", "Bayside Market"),
    "letsignit": ("umbrella", "Umbrella Legal"),
}


@dataclass(frozen=True)
class DemoTokens:
    admin: str  # provider_admin of the demo tenant
    viewer: str  # customer_viewer of bayside-market
    viewer_customer: str
    admin_password: str  # the web password of demo-admin
    viewer_password: str  # the web password of bayside-viewer


def load_demo(session: Session, examples: Path, now: datetime) -> DemoTokens | None:
    """Load the demo into the store; None when it was loaded before (tokens are shown
    once, at the first load)."""
    ensure_tenant(session, DEMO_TENANT, "Demo provider", now)
    if session.get(Customer, (DEMO_TENANT, "bayside-market")) is not None:
        return None
    for name, (key, title) in CUSTOMERS.items():
        source = (examples / "contracts" / f"{name}.yaml").read_text(encoding="utf-8")
        version = upload_version(session, DEMO_TENANT, source, ACTOR, now).version
        evidence = read_evidence(examples / "evidence" / f"{name}.json")
        add_customer(session, DEMO_TENANT, key, title, ACTOR, now)
        for scope in sorted(evidence.scopes_named(with_tickets=True)):
            add_location(session, DEMO_TENANT, key, scope, scope, ACTOR, now)
        fees = evidence.fees
        add_subscription(
            session,
            DEMO_TENANT,
            key,
            {
                "contract": version.contract_key,
                "version": version.version,
                "plan": evidence.plan,
                "currency": fees.currency if fees else None,
                "monthly_fee": fees.monthly if fees else None,
                "fees_by_scope": dict(fees.by_scope) if fees else {},
                "first_order_at": evidence.first_order_at,
                "starts_at": version.effective_from,
            },
            ACTOR,
            now,
        )
        store_evidence(
            session,
            DEMO_TENANT,
            key,
            "document",
            f"demo-{name}",
            "example",
            evidence,
            ACTOR,
            now,
            keep_raw=True,
        )
    root = Principal(DEMO_TENANT, ACTOR, "provider_admin", None, None)
    _, admin = create_token(session, root, "demo-admin", "provider_admin", None, None, now)
    _, viewer = create_token(
        session, root, "bayside-viewer", "customer_viewer", "bayside-market", None, now
    )
    # Random, shown once like the tokens: a fixed demo password would open any demo left
    # running on a reachable host.
    passwords = {name: secrets.token_urlsafe(12) for name in ("demo-admin", "bayside-viewer")}
    for name, password in passwords.items():
        set_password(session, DEMO_TENANT, name, password, ACTOR, now)
    session.commit()
    return DemoTokens(
        admin, viewer, "bayside-market", passwords["demo-admin"], passwords["bayside-viewer"]
    )
