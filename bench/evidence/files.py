"""The availability benchmark's month as files a user would give `accord evaluate`.

`write(folder, scopes, months)` lays out, from `bench.availability.scenario`:

- `contract.yaml`: the scenario's objective as a contract (interval 2 min, 2 confirmations,
  5-minute minimum outage, quorum of both locations, maintenance nights 18:00-11:00 Paris
  time with a day's notice and a 4-hour cap, force majeure, third parties and attacks
  excluded);
- `samples.csv`: every sample as a row `at,ok,scope,location` (`2026-10-01T00:00:00Z`);
- `evidence.json`: the outages and maintenance windows, naming `samples.csv`.

The files are made here, never committed: 1,000 stores x one month is a 2 GB CSV.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pa_csv

from accord.domain.evidence import MaintenanceWindow, Outage, Samples
from accord.evidence import read_evidence
from accord.evidence.instants import format_instant, format_many

from ..availability.scenario import OBJECTIVE, PERIOD, Scenario

_CONTRACT = """\
id: bench-stores
title: Benchmark stores
provider: accord benchmarks
version: "1"
effective_from: 2026-01-01
zone: Europe/Paris

availability:
  - id: stores
    target: 99%
    scope: location
    measurement:
      probe: http
      interval: {interval}s
      confirmations: 2
      minimum_outage: 5m
      quorum: 2
      locations: [paris, frankfurt]

maintenance:
  windows: ["18:00-11:00"]
  notice: 24h
  monthly_cap: 4h

exclusions:
  causes: [force_majeure, third_party, attack]
"""
_ROWS = 1 << 20  # rows written at a time


def contract_text(scenario: Scenario) -> str:
    """The scenario's objective as a contract."""
    measurement = scenario.objective.measurement
    assert measurement is not None
    return _CONTRACT.format(interval=measurement.interval)


def write(folder: Path, scenario: Scenario, samples_name: str = "samples.csv") -> Path:
    """Write the three files into `folder`; the evidence document's path."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "contract.yaml").write_text(contract_text(scenario))
    write_csv(folder / samples_name, scenario)
    evidence = folder / "evidence.json"
    evidence.write_text(json.dumps(document(scenario, samples_name), indent=1))
    # For the peers: the same outages and maintenance without samples, and the names.
    events = document(scenario, samples_name)
    del events["samples"]
    (folder / "events.json").write_text(json.dumps(events, indent=1))
    s = scenario.evidence.samples
    names = {"scopes": list(s.scopes), "locations": list(s.locations),
             "interval": scenario.objective.measurement.interval}  # type: ignore[union-attr]  # fmt: skip
    (folder / "names.json").write_text(json.dumps(names))
    return evidence


def events_scenario(folder: Path) -> Scenario:
    """The scenario of the files in `folder` without its samples (for DuckDB's tables)."""
    names = json.loads((folder / "names.json").read_text())
    events = read_evidence(folder / "events.json")
    samples = replace(Samples.empty(), scopes=tuple(names["scopes"]),
                      locations=tuple(names["locations"]))  # fmt: skip
    measurement = replace(OBJECTIVE.measurement, interval=names["interval"])  # type: ignore[type-var]
    objective = replace(OBJECTIVE, measurement=measurement)
    return Scenario(objective, replace(events, samples=samples), PERIOD, len(names["scopes"]) - 1)


def document(scenario: Scenario, samples_name: str) -> dict[str, object]:
    e = scenario.evidence

    def span(o: Outage | MaintenanceWindow) -> dict[str, object]:
        found: dict[str, object] = {"start": format_instant(o.start), "end": format_instant(o.end)}
        if o.scope:
            found["scope"] = o.scope
        return found

    return {
        "samples": samples_name,
        "outages": [{**span(o), "cause": o.cause} for o in e.outages],
        "maintenance": [
            span(w) | ({"announced_at": format_instant(w.announced_at)} if w.announced_at else {})
            for w in e.maintenance
        ],
    }


def write_csv(path: Path, scenario: Scenario) -> None:
    s = scenario.evidence.samples
    scopes = pa.array(s.scopes, pa.string())
    locations = pa.array(s.locations, pa.string())
    options = pa_csv.WriteOptions(include_header=False, quoting_style="none", batch_size=_ROWS)
    path.write_text("at,ok,scope,location\n")
    schema = pa.schema(
        [("at", pa.string()), ("ok", pa.bool_()), ("scope", pa.string()), ("location", pa.string())]
    )
    with (
        path.open("ab") as file,
        pa_csv.CSVWriter(file, schema, write_options=options) as writer,
    ):
        for begin in range(0, len(s), _ROWS):
            part = slice(begin, begin + _ROWS)
            at = pa.array(format_many(s.at[part]), pa.binary(20)).cast(pa.string())
            batch = pa.record_batch(
                [
                    at,
                    pa.array(s.ok[part]),
                    scopes.take(pa.array(s.scope[part])),
                    locations.take(pa.array(s.location[part])),
                ],
                schema=schema,
            )
            writer.write_batch(batch)
