"""Signing in to the web pages: with a password or an API token; sessions in the store.

A reader signs in with its organisation, user name and password (Argon2, set with
`accord password set`), or with an API token of the service: the same accounts, roles
and tenant isolation as the API. The session lives in the database (every process of
the service knows it; a restart signs no one out); its cookie is HttpOnly, Secure and
SameSite=Strict and holds only the tenant and a random secret. Every form carries a CSRF
token: the session's own, or before sign-in a random one also set in a cookie (double
submit).
"""

from __future__ import annotations

import hmac
import secrets
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from accord.api.deps import Runtime
from accord.services.accounts import authenticate
from accord.services.browser_sessions import (
    LIFETIME,
    SignedIn,
    close_session,
    find_session,
    open_session,
)
from accord.services.passwords import check_password
from accord.store.models import ApiToken
from accord.web.templating import environment

__all__ = ["COOKIE", "CSRF_COOKIE", "page", "router", "same_token", "signed_in", "who"]

router = APIRouter(include_in_schema=False)
COOKIE = "accord_session"
CSRF_COOKIE = "accord_csrf"  # before sign-in only
REFUSED = "That organisation, user name and password do not match, or the token is unknown, expired or revoked."  # noqa: E501


def _runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


def signed_in(request: Request) -> SignedIn | None:
    """The request's live session, looked up once per request."""
    if not hasattr(request.state, "signed_in"):
        runtime = _runtime(request)
        with runtime.sessions() as session:
            request.state.signed_in = find_session(
                session, request.cookies.get(COOKIE), runtime.clock()
            )
    found: SignedIn | None = request.state.signed_in
    return found


def who(request: Request) -> SignedIn:
    """The signed-in reader; anyone else is sent to the sign-in form."""
    found = signed_in(request)
    if found is None:
        raise HTTPException(303, headers={"Location": "/signin"})
    return found


def page(name: str, request: Request, status: int = 200, **context: object) -> HTMLResponse:
    html = (
        environment()
        .get_template(name)
        .render(static_base="", home="/", signed_in=signed_in(request), **context)
    )
    return HTMLResponse(html, status)


def same_token(given: str | None, expected: str | None) -> bool:
    """Whether a form's CSRF token is the expected one (in constant time)."""
    return bool(given) and bool(expected) and hmac.compare_digest(str(given), str(expected))


def _cookie(response: Response, name: str, value: str, max_age: int) -> None:
    response.set_cookie(
        name, value, max_age=max_age, path="/", httponly=True, secure=True, samesite="strict"
    )


@router.get("/signin", response_class=HTMLResponse)
def signin_form(request: Request, error: str | None = None) -> HTMLResponse:
    csrf = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)
    response = page("signin.html", request, 401 if error else 200,
                    title="Sign in", csrf=csrf, error=error)  # fmt: skip
    _cookie(response, CSRF_COOKIE, csrf, 3600)
    return response


@router.post("/signin")
def signin(
    request: Request,
    csrf: Annotated[str, Form()],
    token: Annotated[str, Form()] = "",
    organisation: Annotated[str, Form()] = "",
    user: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
) -> Response:
    if not same_token(csrf, request.cookies.get(CSRF_COOKIE)):
        raise HTTPException(403, "the form is out of date: reload it and sign in again")
    runtime = _runtime(request)
    now = runtime.clock()
    with runtime.sessions() as session:
        if token.strip():
            principal = authenticate(session, token.strip(), now)
            found = principal and session.get(ApiToken, (principal.tenant, principal.token_id))
            user_id = found.user_id if found else None
        else:
            checked = check_password(session, organisation.strip(), user.strip(), password)
            principal, user_id = (checked[0], checked[1].id) if checked else (None, None)
        if principal is None or user_id is None:
            return signin_form(request, error=REFUSED)
        opened = open_session(session, principal, user_id, now)
        session.commit()
    target = "/console" if principal.provider else f"/portal/{principal.customer}"
    response = RedirectResponse(target, 303)
    _cookie(response, COOKIE, opened.cookie, int(LIFETIME.total_seconds()))
    response.delete_cookie(CSRF_COOKIE, path="/")
    return response


@router.post("/signout")
def signout(request: Request, csrf: Annotated[str, Form()]) -> Response:
    found = signed_in(request)
    if found is None or not same_token(csrf, found.csrf):
        raise HTTPException(403, "the form is out of date: reload the page")
    with _runtime(request).sessions() as session:
        close_session(session, found.cookie)
        session.commit()
    response = RedirectResponse("/", 303)
    response.delete_cookie(COOKIE, path="/")
    return response
