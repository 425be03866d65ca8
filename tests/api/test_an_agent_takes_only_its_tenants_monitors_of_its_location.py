"""`POST /monitors/leases`: an agent takes the free monitors of its location in its own
tenant, keeps them while it renews, and only a provider_admin may probe."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.domain.availability import MeasurementRule
from accord.monitor.monitors import Monitor
from accord.monitor.probes import ProbeTarget
from accord.monitor.stored import save_monitors
from api.service import provider_with_customer, running_service
from databases import KINDS


def _monitors(location: str) -> list[Monitor]:
    rule = MeasurementRule(interval=60, confirmations=2)
    target = ProbeTarget("http", "https://example.test/health", expect_status=(200,))
    return [Monitor(n, target, 60, rule, location=location) for n in ("api", "web")]


@pytest.mark.parametrize("kind", KINDS)
def test_an_agent_takes_its_locations_monitors_once(kind: str, tmp_path: Path) -> None:
    with running_service(kind, tmp_path) as service:
        acme = provider_with_customer(service, "acme", "bayside")
        rival = provider_with_customer(service, "rival", "rival-co", "letsignit")
        with service.sessions() as session:
            save_monitors(session, "acme", "bayside", _monitors("paris") + _monitors("tokyo"))
            save_monitors(session, "rival", "rival-co", _monitors("paris"))
        claim = {"agent": "paris-1", "location": "paris", "lease": 60, "backlog": 3}
        answer = service.call("POST", "/monitors/leases", acme, json=claim)
        assert answer.status_code == 200, answer.text
        got = answer.json()
        assert sorted(a["monitor"]["name"] for a in got) == ["api", "web"]
        assert {a["customer"] for a in got} == {"bayside"}
        assert got[0]["monitor"]["target"]["expect_status"] == [200]
        # The same agent renews; another agent of the location finds nothing free.
        assert len(service.call("POST", "/monitors/leases", acme, json=claim).json()) == 2
        other = claim | {"agent": "paris-2"}
        assert service.call("POST", "/monitors/leases", acme, json=other).json() == []
        # A lease run out is free again.
        service.now[0] = service.now[0].replace(hour=service.now[0].hour + 1)
        assert len(service.call("POST", "/monitors/leases", acme, json=other).json()) == 2
        # The rival tenant's agent sees only its own.
        (theirs,) = [service.call("POST", "/monitors/leases", rival, json=claim).json()]
        assert {a["customer"] for a in theirs} == {"rival-co"}


@pytest.mark.parametrize("role", ["provider_agent", "customer_admin", "auditor"])
def test_only_a_provider_admin_may_probe(role: str, tmp_path: Path) -> None:
    with running_service("sqlite", tmp_path) as service:
        provider_with_customer(service, "acme", "bayside")
        token = service.token("acme", role, None if role.startswith("provider") else "bayside")
        claim = {"agent": "paris-1", "location": "paris"}
        assert service.call("POST", "/monitors/leases", token, json=claim).status_code == 403
