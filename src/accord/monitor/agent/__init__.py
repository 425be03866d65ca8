"""The remote agent: probes from another network and uploads to the service over HTTP.

- `buffer`: the durable local SQLite buffer; batches sealed with their key and body;
- `link`: the calls to the service's API (claim monitors, send a batch);
- `probing`: the agent's loops (leases, probing, uploads) and `run_agent`.
"""

from accord.monitor.agent.buffer import Buffer, Result, Sealed
from accord.monitor.agent.link import Link, Refused, Unreachable
from accord.monitor.agent.probing import Agent, AgentSettings, run_agent, upload_round

__all__ = [
    "Agent",
    "Buffer",
    "Link",
    "Refused",
    "Result",
    "Sealed",
    "AgentSettings",
    "Unreachable",
    "run_agent",
    "upload_round",
]
