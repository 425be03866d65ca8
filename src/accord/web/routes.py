"""The web pages `accord serve` shows beside the API: the home page and the status pages.

Routes are thin: find the tenant, call a service, render. A status page and its feeds
are served from the `PageCache` the app keeps current, so a request costs a dictionary
lookup; the page says the instant it is 'as of'.
"""

from __future__ import annotations

from importlib import resources
from typing import Annotated

from fastapi import APIRouter, FastAPI, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from accord.api.deps import Runtime
from accord.services.tenant_status import tenant_status
from accord.store.models import Tenant
from accord.web import portal, signin
from accord.web.cache import PageCache
from accord.web.feeds import render_atom, render_rss
from accord.web.status_page import render_status_page
from accord.web.templating import environment

__all__ = ["mount"]

router = APIRouter(include_in_schema=False)
TenantKey = Annotated[str, Path(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")]
HTML = "text/html; charset=utf-8"
KINDS = {
    "page": HTML,
    "rss": "application/rss+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
}


def mount(app: FastAPI, fresh_for: float = 30.0) -> None:
    """Add the pages and their static files to the service's app."""
    app.state.pages = PageCache(fresh_for)
    static = resources.files("accord.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(router)
    app.include_router(signin.router)
    app.include_router(portal.router)


def _runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    with _runtime(request).sessions() as session:
        tenants = session.execute(select(Tenant.id, Tenant.name).order_by(Tenant.name)).all()
    page = (
        environment()
        .get_template("home.html")
        .render(title="accord", static_base="", home="/", tenants=tenants)
    )
    return HTMLResponse(page)


@router.get("/status/{tenant}")
async def status_page(tenant: TenantKey, request: Request) -> Response:
    return await _cached(request, tenant, "page")


@router.get("/status/{tenant}/feed.rss")
async def status_rss(tenant: TenantKey, request: Request) -> Response:
    return await _cached(request, tenant, "rss")


@router.get("/status/{tenant}/feed.atom")
async def status_atom(tenant: TenantKey, request: Request) -> Response:
    return await _cached(request, tenant, "atom")


async def _cached(request: Request, tenant: str, kind: str) -> Response:
    """From memory without touching the database; the first request of a page builds it
    in a worker thread, so the event loop never waits for the store."""
    runtime = _runtime(request)
    pages: PageCache = request.app.state.pages

    def build() -> bytes:
        return _build(runtime, tenant, kind)

    key = f"{tenant}/{kind}"
    body = pages.cached(key, build)
    if body is None:
        try:
            body = await run_in_threadpool(pages.get, key, build)
        except _NoTenant:
            raise HTTPException(404, f"no status page {tenant!r}") from None
    return Response(body, media_type=KINDS[kind])


class _NoTenant(LookupError):
    pass


def _build(runtime: Runtime, tenant: str, kind: str) -> bytes:
    now = runtime.clock()
    with runtime.sessions() as session:
        known = session.get(Tenant, tenant)
        if known is None:
            raise _NoTenant(tenant)
        name = known.name
        statuses = tenant_status(session, tenant, now)
    base = f"/status/{tenant}"
    title = f"{name}: status"
    if kind == "rss":
        return render_rss(statuses, now, title, base).encode()
    if kind == "atom":
        return render_atom(statuses, now, title, base).encode()
    return render_status_page(
        statuses, now, title=title, base=base, static_base="", home=base
    ).encode()
