"""/customers/{customer}/subscriptions: a customer on a contract version, plan and fees."""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from sqlalchemy import select

from accord.api.deps import CustomerDep, NowDep, PrincipalDep, SessionDep, require
from accord.api.pagination import CursorParam, LimitParam, Page, decode_cursor, encode_cursor
from accord.api.problems import Refusal, problem_responses
from accord.api.schemas import SubscriptionCreate, SubscriptionPublic, SubscriptionUpdate
from accord.services.customers import Missing, add_subscription, end_subscription, subscription_view
from accord.store.models import Customer, Subscription

router = APIRouter(prefix="/customers/{customer}/subscriptions", tags=["subscriptions"])


def _public(s: Subscription) -> SubscriptionPublic:
    return SubscriptionPublic(**subscription_view(s))


def _find(session: SessionDep, customer: Customer, subscription: uuid.UUID) -> Subscription:
    found = session.get(Subscription, (customer.tenant_id, subscription))
    if found is None or found.customer_key != customer.key:
        raise Refusal(404, f"customer {customer.key!r} has no subscription {subscription}")
    return found


@router.get(
    "", response_model=Page[SubscriptionPublic], responses=problem_responses(401, 403, 404, 422)
)
def list_subscriptions(
    customer: CustomerDep,
    session: SessionDep,
    principal: PrincipalDep,
    limit: LimitParam = 100,
    cursor: CursorParam = None,
) -> Page[SubscriptionPublic]:
    require(principal, "provider_admin", "provider_agent", "customer_admin", "customer_viewer")
    after = decode_cursor(cursor, 1)
    query = select(Subscription).where(
        Subscription.tenant_id == customer.tenant_id, Subscription.customer_key == customer.key
    )
    if after is not None:
        try:
            query = query.where(Subscription.id > uuid.UUID(str(after[0])))
        except ValueError:
            raise Refusal(
                422, "query.cursor: not a cursor this list gave", "query.cursor"
            ) from None
    rows = list(session.scalars(query.order_by(Subscription.id).limit(limit + 1)))
    items = [_public(s) for s in rows[:limit]]
    more = len(rows) > limit
    return Page(items=items, next_cursor=encode_cursor([items[-1].id]) if more else None)


@router.post(
    "",
    response_model=SubscriptionPublic,
    status_code=201,
    responses=problem_responses(401, 403, 404, 422),
)
def create_subscription(
    customer: CustomerDep,
    body: SubscriptionCreate,
    session: SessionDep,
    principal: PrincipalDep,
    now: NowDep,
) -> SubscriptionPublic:
    require(principal, "provider_admin")
    if body.ends_at is not None and body.ends_at <= body.starts_at:
        raise Refusal(422, "body.ends_at: the end is not after the start", "body.ends_at")
    try:
        subscription = add_subscription(
            session, principal.tenant, customer.key, body.model_dump(), principal.actor, now
        )
    except Missing as error:
        raise Refusal(422, f"body: {error}", "body.version") from None
    session.commit()
    return _public(subscription)


@router.get(
    "/{subscription}",
    response_model=SubscriptionPublic,
    responses=problem_responses(401, 403, 404, 422),
)
def read_subscription(
    customer: CustomerDep, subscription: uuid.UUID, session: SessionDep, principal: PrincipalDep
) -> SubscriptionPublic:
    require(principal, "provider_admin", "provider_agent", "customer_admin", "customer_viewer")
    return _public(_find(session, customer, subscription))


@router.patch(
    "/{subscription}",
    response_model=SubscriptionPublic,
    responses=problem_responses(401, 403, 404, 422),
)
def update_subscription(
    customer: CustomerDep,
    subscription: uuid.UUID,
    body: SubscriptionUpdate,
    session: SessionDep,
    principal: PrincipalDep,
    now: NowDep,
) -> SubscriptionPublic:
    """End a subscription (or make it open-ended again)."""
    require(principal, "provider_admin")
    found = _find(session, customer, subscription)
    if body.ends_at is not None and body.ends_at <= found.starts_at:
        raise Refusal(422, "body.ends_at: the end is not after the start", "body.ends_at")
    end_subscription(session, found, body.ends_at, principal.actor, now)
    session.commit()
    return _public(found)
