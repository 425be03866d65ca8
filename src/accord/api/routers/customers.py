"""/customers and their /locations: who the provider serves, and where."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import select

from accord.api.deps import CustomerDep, NowDep, PrincipalDep, SessionDep, require
from accord.api.pagination import CursorParam, LimitParam, Page, decode_cursor, encode_cursor
from accord.api.problems import Refusal, problem_responses
from accord.api.schemas import CustomerCreate, CustomerPublic, LocationCreate, LocationPublic
from accord.services.customers import Conflict, add_customer, add_location
from accord.store.models import Customer, Location

router = APIRouter(prefix="/customers", tags=["customers"])


def _public(c: Customer) -> CustomerPublic:
    return CustomerPublic(key=c.key, name=c.name, created_at=c.created_at)


@router.get("", response_model=Page[CustomerPublic], responses=problem_responses(401, 422))
def list_customers(
    session: SessionDep,
    principal: PrincipalDep,
    limit: LimitParam = 100,
    cursor: CursorParam = None,
) -> Page[CustomerPublic]:
    """Every customer for provider roles; a customer's own record for its roles."""
    after = decode_cursor(cursor, 1)
    query = select(Customer).where(Customer.tenant_id == principal.tenant)
    if not principal.provider:
        query = query.where(Customer.key == principal.customer)
    if after is not None:
        query = query.where(Customer.key > str(after[0]))
    rows = list(session.scalars(query.order_by(Customer.key).limit(limit + 1)))
    items = [_public(c) for c in rows[:limit]]
    more = len(rows) > limit
    return Page(items=items, next_cursor=encode_cursor([items[-1].key]) if more else None)


@router.post(
    "",
    response_model=CustomerPublic,
    status_code=201,
    responses=problem_responses(401, 403, 409, 422),
)
def create_customer(
    body: CustomerCreate, session: SessionDep, principal: PrincipalDep, now: NowDep
) -> CustomerPublic:
    require(principal, "provider_admin")
    try:
        customer = add_customer(
            session, principal.tenant, body.key, body.name, principal.actor, now
        )
    except Conflict as error:
        raise Refusal(409, str(error), field="body.key") from None
    session.commit()
    return _public(customer)


@router.get(
    "/{customer}", response_model=CustomerPublic, responses=problem_responses(401, 404, 422)
)
def read_customer(customer: CustomerDep) -> CustomerPublic:
    return _public(customer)


def _location(x: Location) -> LocationPublic:
    return LocationPublic(customer=x.customer_key, key=x.key, name=x.name, created_at=x.created_at)


@router.get(
    "/{customer}/locations",
    response_model=Page[LocationPublic],
    responses=problem_responses(401, 404, 422),
)
def list_locations(
    customer: CustomerDep,
    session: SessionDep,
    limit: LimitParam = 100,
    cursor: CursorParam = None,
) -> Page[LocationPublic]:
    after = decode_cursor(cursor, 1)
    query = select(Location).where(
        Location.tenant_id == customer.tenant_id, Location.customer_key == customer.key
    )
    if after is not None:
        query = query.where(Location.key > str(after[0]))
    rows = list(session.scalars(query.order_by(Location.key).limit(limit + 1)))
    items = [_location(x) for x in rows[:limit]]
    more = len(rows) > limit
    return Page(items=items, next_cursor=encode_cursor([items[-1].key]) if more else None)


@router.post(
    "/{customer}/locations",
    response_model=LocationPublic,
    status_code=201,
    responses=problem_responses(401, 403, 404, 409, 422),
)
def create_location(
    customer: CustomerDep,
    body: LocationCreate,
    session: SessionDep,
    principal: PrincipalDep,
    now: NowDep,
) -> LocationPublic:
    require(principal, "provider_admin")
    try:
        location = add_location(
            session, principal.tenant, customer.key, body.key, body.name, principal.actor, now
        )
    except Conflict as error:
        raise Refusal(409, str(error), field="body.key") from None
    session.commit()
    return _location(location)
