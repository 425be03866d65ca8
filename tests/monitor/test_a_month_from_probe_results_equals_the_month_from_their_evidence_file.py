"""The statement of a month from probe results equals the one from the same checks as a
file: the service's samples and a customer's independent check agree to the second."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from accord.contracts.loader import LoadedContract, load_contract
from accord.domain.evidence import Evidence
from accord.domain.period import month
from accord.evidence import read_evidence
from accord.monitor.export import write_checks
from accord.monitor.monitors import Monitor, from_contract
from accord.monitor.probes import ProbeResult
from accord.monitor.samples import Checked, to_samples
from accord.monitor.schedule import offset
from accord.services.evaluate import evaluate
from hypothesis_budget import examples

EXAMPLE = Path(__file__).parents[2] / "examples" / "contracts" / "letsignit.yaml"
OCTOBER = month(2026, 10, "Europe/Paris")
NOW = datetime(2026, 11, 20, tzinfo=UTC)


def with_locations(loaded: LoadedContract, locations: list[str], quorum: int) -> LoadedContract:
    objectives = []
    for o in loaded.contract.availability:
        assert o.measurement is not None
        m = o.measurement.model_copy(update={"locations": locations, "quorum": quorum})
        objectives.append(o.model_copy(update={"measurement": m}))
    contract = loaded.contract.model_copy(update={"availability": objectives})
    return LoadedContract(contract, loaded.path, loaded.document)


@st.composite
def checks(draw: st.DrawFn, monitors: list[Monitor]) -> list[Checked]:
    """Runs of checks of every monitor, somewhere in October or across its ends."""
    found: list[Checked] = []
    hours = int(OCTOBER.seconds / 3600)
    for m in monitors:
        start = OCTOBER.start + timedelta(hours=draw(st.sampled_from([-2, hours - 1, 100])))
        first = start.timestamp() + offset(m.key, m.interval)
        count = draw(st.integers(0, 40))
        outage = draw(st.lists(st.booleans(), min_size=count, max_size=count))
        for k, failing in enumerate(outage):
            late = draw(st.floats(0, 2.5, allow_nan=False))  # a check starts a little late
            skip = draw(st.integers(0, 30)) == 0  # and sometimes not at all
            if skip:
                continue
            at = datetime.fromtimestamp(first + k * m.interval + late, UTC)
            latency = None if failing else draw(st.floats(1, 900, allow_nan=False))
            found.append((m, ProbeResult(at, not failing, latency, "")))
    return draw(st.permutations(found))


LOADED = with_locations(load_contract(EXAMPLE), ["paris", "dublin", "oregon"], quorum=2)
MONITORS = from_contract(
    LOADED.contract,
    {"server-benchmark": "https://a.test/", "application-servers": "https://b.test/"},
)


@examples(200)
@given(checked=checks(MONITORS))
def test_the_statements_are_equal(checked: list[Checked]) -> None:
    service = evaluate(LOADED, Evidence(samples=to_samples(checked)), [OCTOBER], NOW)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "checks.csv"
        write_checks(checked, path)
        from_file = evaluate(LOADED, read_evidence(path), [OCTOBER], NOW)
    assert service == from_file
    assert len(from_file[0].availability) == 2
