"""The store's tables, one module per concept; importing this registers them all.

- `tenancy`: tenants, users, API tokens, browser sessions, the audit log;
- `customers`: customers, locations, contracts and their versions, subscriptions;
- `evidence`: ingest batches, sample runs and raw samples, outages, maintenance,
  tickets and their events, metrics;
- `statements`: frozen statements of closed months;
- `monitoring`: monitors and their leases, incidents and their timelines.

Every tenant-owned table has `tenant_id` first in its primary key and its indexes.
"""

from accord.store.models.customers import (
    ContractVersion,
    Customer,
    Location,
    StoredContract,
    Subscription,
)
from accord.store.models.evidence import (
    IngestBatch,
    RawSample,
    SampleRun,
    StoredMaintenance,
    StoredMetric,
    StoredOutage,
    StoredTicket,
    StoredTicketEvent,
)
from accord.store.models.monitoring import IncidentUpdate, StoredIncident, StoredMonitor
from accord.store.models.statements import FrozenStatement
from accord.store.models.tenancy import ApiToken, AuditEntry, BrowserSession, Tenant, User

__all__ = [
    "ApiToken",
    "AuditEntry",
    "BrowserSession",
    "ContractVersion",
    "Customer",
    "FrozenStatement",
    "StoredIncident",
    "IncidentUpdate",
    "IngestBatch",
    "Location",
    "RawSample",
    "SampleRun",
    "StoredContract",
    "StoredMaintenance",
    "StoredMetric",
    "StoredMonitor",
    "StoredOutage",
    "StoredTicket",
    "StoredTicketEvent",
    "Subscription",
    "Tenant",
    "User",
]
