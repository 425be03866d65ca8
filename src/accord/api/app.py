"""The FastAPI application: the routers under /api/v1, problem documents, the runtime."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI
from sqlalchemy.orm import Session, sessionmaker

import accord
from accord.api.deps import Runtime
from accord.api.problems import install_handlers
from accord.api.routers import (
    audit,
    contracts,
    customers,
    evidence,
    monitors,
    statements,
    subscriptions,
    tickets,
    tokens,
)
from accord.settings import Settings
from accord.web.routes import mount as mount_web

__all__ = ["PREFIX", "create_app"]

PREFIX = "/api/v1"


def create_app(settings: Settings, sessions: sessionmaker[Session]) -> FastAPI:
    app = FastAPI(
        title="accord",
        version=accord.__version__,
        description="Service level agreements as executable, measured commitments: "
        "contracts, customers, evidence, live and frozen statements. See docs/api.md.",
        openapi_url=f"{PREFIX}/openapi.json",
        docs_url=f"{PREFIX}/docs",
        redoc_url=None,
    )
    app.state.runtime = Runtime(settings, sessions)
    install_handlers(app)
    api = APIRouter(prefix=PREFIX)
    for module in (
        contracts,
        customers,
        subscriptions,
        evidence,
        monitors,
        statements,
        tickets,
        audit,
        tokens,
    ):
        api.include_router(module.router)
    api.include_router(evidence.batches)
    app.include_router(api)
    # Prometheus scrapes the process's metrics: checks, probe latency, scheduling lag,
    # agents' upload backlog (accord.monitor.metrics).
    from prometheus_client import make_asgi_app

    app.mount("/metrics", make_asgi_app())
    mount_web(app)  # the status page and the other web pages, beside the API
    return app
