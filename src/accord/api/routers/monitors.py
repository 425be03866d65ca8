"""/monitors: what remote agents probe.

`POST /monitors/leases` is an agent's regular call: it renews the agent's leases, takes
the free monitors of its location and reports how many checks the agent holds unsent
(`accord_agent_upload_backlog` on /metrics). The agent sends its checks as sample batches
(`PUT /customers/{customer}/evidence/samples/batches/{key}`), idempotent by key.
"""

from __future__ import annotations

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from accord.api.deps import NowDep, PrincipalDep, SessionDep, require
from accord.api.problems import problem_responses
from accord.api.schemas_monitoring import AgentClaim, AssignedMonitor
from accord.monitor.metrics import BACKLOG
from accord.monitor.stored import claim, document

router = APIRouter(prefix="/monitors", tags=["monitors"])


@router.post(
    "/leases", response_model=list[AssignedMonitor], responses=problem_responses(401, 403, 422)
)
async def claim_monitors(
    body: AgentClaim, session: SessionDep, principal: PrincipalDep, now: NowDep
) -> list[AssignedMonitor]:
    """The monitors of `location` this agent holds (renewed) or takes (free ones)."""
    require(principal, "provider_admin")
    claimed = await run_in_threadpool(
        claim, session, body.agent, int(now.timestamp()), body.lease,
        location=body.location, tenant=principal.tenant,
    )  # fmt: skip
    BACKLOG.labels(body.agent).set(body.backlog)
    return [AssignedMonitor(customer=c.customer, monitor=document(c.monitor)) for c in claimed]
