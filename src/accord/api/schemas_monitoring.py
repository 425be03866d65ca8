"""What the monitoring routes read and write: monitors, their leases for remote agents."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, Field

from accord.api.schemas import Name, StrictInput

__all__ = ["AgentClaim", "AssignedMonitor"]

AgentName = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$")]


class AgentClaim(StrictInput):
    agent: AgentName = Field(description="The agent's name: its leases are held in it.")
    location: Name = Field(description="The monitors' location the agent probes from.")
    lease: int = Field(300, ge=30, le=3600, description="Seconds the claim holds unrenewed.")
    backlog: int = Field(0, ge=0, le=10**12, description="Checks the agent holds unsent.")


class AssignedMonitor(BaseModel):
    customer: str
    monitor: dict[str, Any] = Field(description="The monitor: target, interval, rule, ...")
