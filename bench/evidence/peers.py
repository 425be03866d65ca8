"""The peers of the end-to-end benchmark, each run as a process of its own by `run`.

`python -m bench.evidence.peers duckdb FOLDER csv|parquet` reads the samples with DuckDB
(`read_csv` / `read_parquet` into a table) and computes the per-store figures with the SQL
of `bench/availability/duck.py`; it prints them as JSON (store -> [downtime, excluded,
no data] in seconds). `python -m bench.evidence.peers polars FOLDER csv|parquet` reads the
samples with polars, hands the columns to accord's evaluation and prints the statements
as `accord evaluate --format json` does.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

NOW = datetime(2027, 1, 1, tzinfo=UTC)  # after the month: every clock has stopped


def duckdb_figures(folder: Path, form: str) -> dict[str, object]:
    import duckdb

    from ..availability import duck
    from ..availability.scenario import LOCATIONS
    from .files import events_scenario

    scenario = events_scenario(folder)
    con = duck.connect(scenario, threads=2)
    scopes = ", ".join(f"'{name}'" for name in scenario.evidence.samples.scopes)
    locations = ", ".join(f"'{name}'" for name in ("", *LOCATIONS))
    con.execute(f"CREATE TYPE store AS ENUM ({scopes})")
    con.execute(f"CREATE TYPE place AS ENUM ({locations})")
    if form == "csv":
        source = (
            f"read_csv('{folder / 'samples.csv'}', header = true, columns = "
            "{'at': 'TIMESTAMPTZ', 'ok': 'BOOLEAN', 'scope': 'store', 'location': 'place'})"
        )
    else:
        source = f"read_parquet('{folder / 'samples.parquet'}')"
    con.execute(
        'CREATE TABLE native AS SELECT epoch("at")::BIGINT AS ts, ok, '
        "enum_code(scope::store)::INTEGER AS scope, "
        "enum_code(location::place)::INTEGER AS location, "
        f"0 AS monitor FROM {source}"
    )
    sql = duck.query(scenario).replace("FROM samples", "FROM native")
    _ = duckdb
    return {k: list(v) for k, v in duck.figures(con, sql, scenario).items()}


def polars_statements(folder: Path, form: str) -> list[object]:
    import numpy as np
    import polars as pl

    from accord.contracts.check import check_contract
    from accord.domain.evidence import Samples
    from accord.domain.period import parse_months
    from accord.domain.statement import statement_json
    from accord.evidence import read_evidence
    from accord.services import evaluate as service

    events = read_evidence(folder / "events.json")
    names = json.loads((folder / "names.json").read_text())
    schema = {"at": pl.String, "ok": pl.Boolean, "scope": pl.Enum(names["scopes"]),
              "location": pl.Enum(names["locations"])}  # fmt: skip
    if form == "csv":
        frame = pl.read_csv(folder / "samples.csv", schema=schema).with_columns(
            pl.col("at").str.to_datetime("%Y-%m-%dT%H:%M:%SZ", time_unit="ms", time_zone="UTC")
        )
    else:
        frame = pl.read_parquet(folder / "samples.parquet").with_columns(
            pl.col("scope").cast(schema["scope"]), pl.col("location").cast(schema["location"])
        )
    n = frame.height
    samples = Samples(
        at=frame["at"].dt.epoch("s").to_numpy(),
        ok=frame["ok"].to_numpy(),
        scope=frame["scope"].to_physical().to_numpy().astype(np.int32),
        location=frame["location"].to_physical().to_numpy().astype(np.int32),
        monitor=np.zeros(n, np.int32),
        response_ms=np.full(n, np.nan),
        scopes=tuple(names["scopes"]),
        locations=tuple(names["locations"]),
    )
    del frame
    loaded = check_contract(folder / "contract.yaml")
    periods = parse_months("2026-10", loaded.contract.zone)
    evidence = type(events)(**{**events.__dict__, "samples": samples})
    return [statement_json(s) for s in service.evaluate(loaded, evidence, periods, NOW)]


if __name__ == "__main__":
    peer, folder, form = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    found = duckdb_figures(folder, form) if peer == "duckdb" else polars_statements(folder, form)
    json.dump(found, sys.stdout)
