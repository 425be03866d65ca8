"""The public status page: the services' state now, 90 days of bars, incidents, maintenance.

One renderer for the page `accord serve` shows and the static site `accord status export`
writes; `base` is the path from the page to the site's root ('' served, '.' exported), so
the same HTML works at either place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from markupsafe import Markup

from accord.services.status import ScopeStatus, ServiceStatus
from accord.web.charts import bars_html
from accord.web.templating import environment

__all__ = ["Overall", "overall", "render_status_page"]

STATE_WORDS = {
    "operational": "Operational",
    "maintenance": "Under maintenance",
    "outage": "Outage",
}


@dataclass(frozen=True)
class Overall:
    state: str  # 'operational', 'maintenance', 'partial_outage', 'major_outage'
    headline: str  # what the banner says


def overall(statuses: Sequence[ServiceStatus]) -> Overall:
    states = [s.state for service in statuses for s in service.scopes]
    down = states.count("outage")
    if down and down == len(states):
        return Overall("major_outage", "Major outage")
    if down:
        return Overall("partial_outage", "Partial outage")
    if "maintenance" in states:
        return Overall("maintenance", "Maintenance in progress")
    return Overall("operational", "All systems operational")


def render_status_page(
    statuses: Sequence[ServiceStatus],
    now: datetime,
    *,
    title: str = "Service status",
    base: str = "",
    static_base: str | None = None,
    home: str | None = None,
    compact: bool = False,
) -> str:
    """The page's HTML. `base` is where the
    page's feeds (and service pages) are, `static_base` where /static is (default: `base`),
    `home` the address of the brand's link (default: `base`/index.html). `compact`
    lists each row's state and figure, linking to its service's page, instead of bars
    (for pages of many services: `services/CONTRACT.html`)."""
    incidents = sorted(
        ((s, i) for s in statuses for i in s.incidents), key=lambda p: p[1].start, reverse=True
    )
    return (
        environment()
        .get_template("status.html")
        .render(
            title=title,
            base=base,
            static_base=base if static_base is None else static_base,
            home=f"{base}/index.html" if home is None else home,
            now=now,
            services=[_Service(s) for s in statuses],
            compact=compact,
            open_incidents=[(s, i) for s, i in incidents if i.ongoing],
            past_incidents=[(s, i) for s, i in incidents if not i.ongoing],
            overall=overall(statuses),
            state_words=STATE_WORDS,
        )
    )


@dataclass(frozen=True)
class _Row:
    status: ScopeStatus
    name: str

    @property
    def bars(self) -> Markup:
        label = f"Last {len(self.status.days)} days of {self.name}, oldest first"
        return bars_html(self.status.days, label)


@dataclass(frozen=True)
class _Service:
    status: ServiceStatus

    @property
    def rows(self) -> list[_Row]:
        return [_Row(scope, scope.scope or "Whole service") for scope in self.status.scopes]
