"""The customer portal and the provider console, behind sign-in.

A customer (admin, viewer, or auditor: the same, read-only) sees its own contract in
words, this month live 'as of', past statements (JSON and CSV), tickets with their clocks,
maintenance announced and claim deadlines. A provider sees every customer's month. Another
customer's page is a 404, the same as one that does not exist, as in the API.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, Response

from accord.api.deps import Runtime
from accord.cli.common import parse_instant
from accord.domain.evidence import MaintenanceWindow
from accord.services.browser_sessions import SignedIn
from accord.services.maintenance_web import NoSubscription, Planned, plan_maintenance
from accord.services.portal import customer_view, customer_zone, customers_of
from accord.services.statements import customer_month
from accord.services.what_if import Exposure, what_if
from accord.store.models import Customer
from accord.web.cache import PageCache
from accord.web.signin import page, same_token
from accord.web.signin import who as signed_in_reader
from accord.web.statement_csv import statement_csv

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
Key = Annotated[str, Path(pattern=r"^[a-z0-9][a-z0-9_.-]{0,63}$")]
Month = Annotated[str, Path(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")]


def _runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


def _provider(request: Request) -> SignedIn:
    """The signed-in provider; anyone else finds no console here."""
    who = signed_in_reader(request)
    if not who.principal.provider:
        raise HTTPException(404, "no console here")
    return who


def _provider_form(request: Request, csrf: str) -> SignedIn:
    """The signed-in provider posting a form of this session (its CSRF token)."""
    who = _provider(request)
    if not same_token(csrf, who.csrf):
        raise HTTPException(403, "the form is out of date: reload the page")
    return who


def _customer(request: Request, key: str) -> tuple[SignedIn, Customer]:
    """The customer, when the signed-in reader may see it; else 404, as if it did not
    exist, so that another customer's pages cannot be found by trying ids."""
    who = signed_in_reader(request)
    with _runtime(request).sessions() as session:
        found = session.get(Customer, (who.principal.tenant, key))
        if found is None or not who.principal.sees(key):
            raise HTTPException(404, f"no customer {key!r}")
        session.expunge(found)
    return who, found


@router.get("/portal/{customer}", response_class=HTMLResponse)
def portal(request: Request, customer: Key) -> HTMLResponse:
    who, found = _customer(request, customer)
    runtime = _runtime(request)
    grace = timedelta(days=runtime.settings.statement_grace_days)
    with runtime.sessions() as session:
        view = customer_view(session, found, runtime.clock(), grace)
        session.commit()  # a month just over is frozen on first sight, as in the API
    return page("portal.html", request, title=f"{view.name}: portal", who=who, view=view)


@router.get("/portal/{customer}/statements/{month}.{kind}")
def statement_file(request: Request, customer: Key, month: Month, kind: str) -> Response:
    if kind not in ("json", "csv"):
        raise HTTPException(404, "statements are JSON or CSV")
    _, found = _customer(request, customer)
    runtime = _runtime(request)
    grace = timedelta(days=runtime.settings.statement_grace_days)
    assert re.match(r"^\d{4}-\d{2}$", month)
    with runtime.sessions() as session:
        body = customer_month(session, found.tenant_id, found.key, month, runtime.clock(), grace)
        session.commit()
    name = f"{found.key}-{month}.{kind}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    if kind == "csv":
        return Response(statement_csv(body), media_type="text/csv; charset=utf-8", headers=headers)
    text = json.dumps(body, indent=2, ensure_ascii=False)
    return Response(text, media_type="application/json", headers=headers)


@router.get("/console", response_class=HTMLResponse)
def console(request: Request, planned: Planned | None = None, error: str | None = None,
            status: int = 200, exposures: list[Exposure] | None = None,
            asked: str = "") -> HTMLResponse:  # fmt: skip
    who = _provider(request)
    runtime = _runtime(request)
    grace = timedelta(days=runtime.settings.statement_grace_days)
    now = runtime.clock()
    with runtime.sessions() as session:
        views = [
            customer_view(session, c, now, grace, explained=False)
            for c in customers_of(session, who.principal.tenant)
        ]
        session.commit()
    return page("console.html", request, status, title="Provider console", who=who,
                 views=views, now=now, planned=planned, error=error, exposures=exposures,
                 asked=asked)  # fmt: skip


@router.post("/console/what-if", response_class=HTMLResponse)
def what_if_form(
    request: Request,
    csrf: Annotated[str, Form()],
    hours: Annotated[float, Form(gt=0, le=744)],
    location: Annotated[str, Form()] = "",
) -> HTMLResponse:
    """If an outage starting now lasts `hours`, what would each customer be owed?"""
    who = _provider_form(request, csrf)
    runtime = _runtime(request)
    with runtime.sessions() as session:
        found = what_if(session, who.principal.tenant, runtime.clock(), hours, location or None)
    asked = f"{hours:g} h from now" + (f" at {location}" if location else " on every service")
    return console(request, exposures=found, asked=asked)


@router.post("/console/maintenance", response_class=HTMLResponse)
def plan(
    request: Request,
    csrf: Annotated[str, Form()],
    customer: Annotated[str, Form()],
    start: Annotated[str, Form()],
    hours: Annotated[float, Form(gt=0, le=72)],
    location: Annotated[str, Form()] = "",
) -> HTMLResponse:
    """Plan a window: refused with the contract's reasons, or saved and shown."""
    who = _provider_form(request, csrf)
    runtime = _runtime(request)
    now = runtime.clock()
    with runtime.sessions() as session:
        found = session.get(Customer, (who.principal.tenant, customer))
        if found is None:
            return console(request, error=f"No customer {customer!r}.", status=422)
        zone = customer_zone(session, found)
        try:
            begins = parse_instant(start, zone)
        except ValueError as error:
            return console(request, error=f"Start: {error}.", status=422)
        window = MaintenanceWindow(begins, begins + timedelta(hours=hours), location or None)
        try:
            planned = plan_maintenance(session, who.principal.tenant, customer, window,
                                       who.principal.actor, now)  # fmt: skip
        except NoSubscription as error:
            return console(request, error=f"{error}.", status=422)
    if planned.saved:
        pages: PageCache = request.app.state.pages
        for kind in ("page", "rss", "atom"):
            pages.forget(f"{who.principal.tenant}/{kind}")
    return console(request, planned=planned, status=200 if planned.saved else 422)
