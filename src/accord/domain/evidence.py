"""What happened, as plain immutable values: the input of every evaluation.

Instants are aware UTC datetimes. Samples, which can be tens of millions, are columns
(NumPy arrays) rather than objects; everything else is a tuple of frozen dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

Cause = Literal["unplanned", "maintenance", "force_majeure", "third_party", "attack", "customer"]
CAUSES: tuple[Cause, ...] = (
    "unplanned", "maintenance", "force_majeure", "third_party", "attack", "customer",
)  # fmt: skip
EventType = Literal[
    "first_response", "update", "workaround", "resolved", "reclassified",
    "awaiting_customer", "customer_replied", "closed",
]  # fmt: skip
EVENT_TYPES: tuple[EventType, ...] = (
    "first_response", "update", "workaround", "resolved", "reclassified",
    "awaiting_customer", "customer_replied", "closed",
)  # fmt: skip


Fact = str | float | bool  # a fact of the customer's setup: 'zones': 3, 'plan_tier': 'gold'


@dataclass(frozen=True)
class Fees:
    currency: str  # ISO 4217 code
    monthly: float | None  # the whole monthly fee, when the basis is the monthly fee
    by_scope: dict[str, float] = field(default_factory=dict)  # fee per scope (location)


@dataclass(frozen=True)
class Samples:
    """Probe results as columns; row i is one check at at[i] seconds since the epoch."""

    at: NDArray[np.int64]  # UTC epoch seconds
    ok: NDArray[np.bool_]  # True when the check passed
    scope: NDArray[np.int32]  # index into scopes; scopes[0] is '' (the whole service)
    location: NDArray[np.int32]  # index into locations; locations[0] is '' (not given)
    monitor: NDArray[np.int32]  # index into monitors; monitors[0] is '' (not given)
    response_ms: NDArray[np.float64]  # NaN when not measured
    scopes: tuple[str, ...] = ("",)
    locations: tuple[str, ...] = ("",)
    monitors: tuple[str, ...] = ("",)

    def __len__(self) -> int:
        return int(self.at.shape[0])

    @staticmethod
    def empty() -> Samples:
        import numpy as np  # here: evidence without samples (a contract's terms) needs none

        return Samples(
            at=np.empty(0, np.int64),
            ok=np.empty(0, np.bool_),
            scope=np.empty(0, np.int32),
            location=np.empty(0, np.int32),
            monitor=np.empty(0, np.int32),
            response_ms=np.empty(0, np.float64),
        )

    def take(self, index: NDArray[np.bool_] | NDArray[np.intp]) -> Samples:
        """The rows picked by `index` (a mask or row numbers), with the same name tables."""
        return Samples(
            at=self.at[index], ok=self.ok[index], scope=self.scope[index],
            location=self.location[index], monitor=self.monitor[index],
            response_ms=self.response_ms[index], scopes=self.scopes,
            locations=self.locations, monitors=self.monitors,
        )  # fmt: skip


@dataclass(frozen=True)
class Requests:
    """Request counts per interval as columns; row i counts the requests of the interval
    that starts at at[i] (a storage or database SLA's 'valid requests')."""

    at: NDArray[np.int64]  # UTC epoch seconds: the start of the row's interval
    total: NDArray[np.int64]  # valid requests in the interval, >= 0
    errors: NDArray[np.int64]  # of them, failed ones (0 <= errors <= total)
    scope: NDArray[np.int32]  # index into scopes; scopes[0] is '' (the whole service)
    scopes: tuple[str, ...] = ("",)

    def __len__(self) -> int:
        return int(self.at.shape[0])

    @staticmethod
    def empty() -> Requests:
        import numpy as np

        none = np.empty(0, np.int64)
        return Requests(none, none, none, np.empty(0, np.int32))


@dataclass(frozen=True)
class Outage:
    start: datetime  # UTC
    end: datetime  # UTC, after start
    scope: str | None = None  # None: the whole service (every scope)
    cause: Cause = "unplanned"
    reported_at: datetime | None = None  # the customer's initial notice, when known


@dataclass(frozen=True)
class MaintenanceWindow:
    start: datetime  # UTC
    end: datetime  # UTC, after start
    scope: str | None = None  # None: the whole service
    announced_at: datetime | None = None  # None: never announced


@dataclass(frozen=True)
class TicketEvent:
    at: datetime  # UTC
    type: EventType
    severity: str | None = None  # the new severity, for 'reclassified'


@dataclass(frozen=True)
class Ticket:
    id: str
    severity: str  # severity key as the contract names it
    opened_at: datetime  # UTC; the initial notice
    opened_by_role: str | None = None
    events: tuple[TicketEvent, ...] = ()  # sorted by time
    scope: str | None = None


@dataclass(frozen=True)
class MetricPoint:
    name: str  # e.g. 'response_ms', 'connect_ms', 'orders_delayed'
    at: datetime  # UTC
    value: float
    scope: str | None = None


@dataclass(frozen=True)
class Evidence:
    plan: str | None = None
    fees: Fees | None = None
    samples: Samples = field(default_factory=Samples.empty)
    outages: tuple[Outage, ...] = ()
    maintenance: tuple[MaintenanceWindow, ...] = ()
    tickets: tuple[Ticket, ...] = ()
    metrics: tuple[MetricPoint, ...] = ()
    first_order_at: datetime | None = None  # start of an introductory period (S8)
    requests: Requests = field(default_factory=Requests.empty)  # counts per interval
    facts: dict[str, Fact] = field(default_factory=dict)  # the customer's setup, by name

    def scopes_named(self, with_tickets: bool = False) -> set[str]:
        """Scopes named in samples, outages, maintenance and fees (and tickets when asked)."""
        found = {s for s in self.samples.scopes if s} | {s for s in self.requests.scopes if s}
        found |= {o.scope for o in self.outages if o.scope}
        found |= {w.scope for w in self.maintenance if w.scope}
        if with_tickets:
            found |= {t.scope for t in self.tickets if t.scope}
        if self.fees is not None:
            found |= {s for s in self.fees.by_scope if s}
        return found
