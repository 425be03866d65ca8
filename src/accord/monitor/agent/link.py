"""The agent's side of the API: claim monitors, send sealed batches.

Plain HTTP calls from the standard library, run in a thread: the agent makes a few a
second at most. Any failure to reach the server (refused connection, timeout, a 5xx) is
`Unreachable`: the agent keeps its checks and tries again later. A 4xx answer to a batch
other than 401/403/429 is final (`Refused`): the batch would be refused again.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from accord.monitor.agent.buffer import Sealed
from accord.monitor.monitors import Monitor
from accord.monitor.stored import from_document

RETRIED = (401, 403, 408, 429)  # answers that may change without the batch changing


class Unreachable(Exception):
    """The server did not answer for good: try again later."""


class Refused(Exception):
    """The server refused a batch for good (the answer says why)."""


@dataclass(frozen=True)
class Assigned:
    customer: str
    monitor: Monitor


class Link:
    def __init__(self, server: str, token: str, timeout: float = 60.0) -> None:
        self.api = server.rstrip("/") + "/api/v1"
        self.token = token
        self.timeout = timeout

    def claim(self, agent: str, location: str, lease: int, backlog: int) -> list[Assigned]:
        """Renew this agent's leases and take free monitors of `location`."""
        doc = {"agent": agent, "location": location, "lease": lease, "backlog": backlog}
        answer = self._call("POST", "/monitors/leases", json.dumps(doc).encode(),
                            "application/json")  # fmt: skip
        return [Assigned(a["customer"], from_document(a["monitor"])) for a in answer]

    def send(self, batch: Sealed) -> bool:
        """Send a batch; True when stored now, False when the server already had it."""
        path = f"/customers/{quote(batch.customer)}/evidence/samples/batches/{batch.key}"
        answer = self._call("PUT", path, batch.body, "text/csv")
        return bool(answer["created"])

    def _call(self, method: str, path: str, data: bytes, media: str) -> Any:
        request = urllib.request.Request(
            self.api + path,
            data=data,
            method=method,
            headers={"Authorization": f"Bearer {self.token}", "Content-Type": media},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as error:
            text = error.read().decode("utf-8", "replace")[:500]
            if error.code >= 500 or error.code in RETRIED:
                raise Unreachable(f"{method} {path}: {error.code} {text}") from None
            raise Refused(f"{error.code} {text}") from None
        except (OSError, ValueError) as error:  # URLError, resets, timeouts, bad JSON
            raise Unreachable(f"{method} {path}: {error}") from None
