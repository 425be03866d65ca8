"""/tokens: API tokens, shown once, stored as a hash, expiring and revocable."""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from sqlalchemy import select

from accord.api.deps import NowDep, PrincipalDep, SessionDep, require
from accord.api.pagination import CursorParam, LimitParam, Page, decode_cursor, encode_cursor
from accord.api.problems import Refusal, problem_responses
from accord.api.schemas import TokenCreate, TokenCreated, TokenPublic
from accord.services.accounts import TokenRefused, create_token, revoke_token, token_view
from accord.store.models import ApiToken, Customer

router = APIRouter(prefix="/tokens", tags=["tokens"])


@router.get("", response_model=Page[TokenPublic], responses=problem_responses(401, 403, 422))
def list_tokens(
    session: SessionDep,
    principal: PrincipalDep,
    limit: LimitParam = 100,
    cursor: CursorParam = None,
) -> Page[TokenPublic]:
    """The tenant's tokens for a provider admin, the customer's for a customer admin;
    never their secrets."""
    require(principal, "provider_admin", "customer_admin")
    after = decode_cursor(cursor, 1)
    query = select(ApiToken).where(ApiToken.tenant_id == principal.tenant)
    if not principal.provider:
        query = query.where(ApiToken.customer_key == principal.customer)
    if after is not None:
        try:
            query = query.where(ApiToken.id > uuid.UUID(str(after[0])))
        except ValueError:
            raise Refusal(
                422, "query.cursor: not a cursor this list gave", "query.cursor"
            ) from None
    rows = list(session.scalars(query.order_by(ApiToken.id).limit(limit + 1)))
    items = [TokenPublic.model_validate(token_view(t)) for t in rows[:limit]]
    more = len(rows) > limit
    return Page(items=items, next_cursor=encode_cursor([items[-1].id]) if more else None)


@router.post(
    "",
    response_model=TokenCreated,
    status_code=201,
    responses=problem_responses(401, 403, 404, 409, 422),
)
def create(
    body: TokenCreate, session: SessionDep, principal: PrincipalDep, now: NowDep
) -> TokenCreated:
    require(principal, "provider_admin", "customer_admin")
    if body.customer is not None and (
        session.get(Customer, (principal.tenant, body.customer)) is None
        or not principal.sees(body.customer)
    ):
        raise Refusal(404, f"no customer {body.customer!r}", "body.customer")
    try:
        token, text = create_token(
            session, principal, body.user, body.role, body.customer, body.expires_at, now
        )
    except TokenRefused as error:
        status = 403 if "may not" in str(error) else 409 if "user" in str(error) else 422
        raise Refusal(status, str(error), "body.role") from None
    session.commit()
    return TokenCreated.model_validate({**token_view(token), "token": text})


@router.delete(
    "/{token}", response_model=TokenPublic, responses=problem_responses(401, 403, 404, 422)
)
def revoke(
    token: uuid.UUID, session: SessionDep, principal: PrincipalDep, now: NowDep
) -> TokenPublic:
    """Revoke a token: it is refused from now on."""
    require(principal, "provider_admin", "customer_admin")
    found = session.get(ApiToken, (principal.tenant, token))
    if found is None or not (principal.provider or found.customer_key == principal.customer):
        raise Refusal(404, f"no token {token}")
    if found.revoked_at is None:
        revoke_token(session, principal, found, now)
        session.commit()
    return TokenPublic.model_validate(token_view(found))
