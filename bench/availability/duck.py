"""The same evaluation written as SQL for DuckDB, the peer the array path is measured against.

The samples are scanned in place from a pandas frame over the same arrays. One window pass
over the samples, partitioned by vantage point and ordered by time, gives each sample its
neighbours (`lead`, `lag`: offsets only, a running sum over every sample was five times
slower); everything after works on the few rows that matter (failures, gaps, first
samples), where the failure runs are numbered.
Quorum is a sweep (`sum() OVER` the +1/-1 boundaries); the month is then cut into
elementary segments at every boundary of every span set, and each segment classed by the
same precedence as the domain. As in the domain, the minimum outage applies to each episode
of downtime, measured and recorded outages of a counted cause merged. The allowed
maintenance nights come from the calendar engine (one small table), as they do for the
array path.

Formulations tried on the 44.7 million samples, one thread (seconds, on a busy machine):
numbering failure runs with a running `sum(ok::INT) OVER (... ROWS UNBOUNDED PRECEDING)`
over every sample, about 28; this file's offsets-only pass, about 5 to 7; the same with
`ORDER BY scope, location, monitor, ts` and no `PARTITION BY`, slower by a second or two;
`ORDER BY rowid` on a table loaded in vantage-point order (trusting the physical order),
no faster; scanning the pandas frame in place rather than a native table, about 25 %
slower. A second thread gains up to 1.7x when the machine is otherwise quiet, and little
when other work holds the second CPU.
"""

from __future__ import annotations

from typing import Any

import duckdb
import numpy as np
import pandas as pd

from accord.domain.availability import epoch_seconds
from accord.domain.availability.maintenance import allowed_time, given_notice
from accord.domain.evidence import CAUSES

from .scenario import Scenario

Figures = dict[str, tuple[int, dict[str, int], int]]  # scope -> (downtime, excluded, no data)


def connect(scenario: Scenario, threads: int) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute(f"SET threads={threads}")
    s = scenario.evidence.samples
    con.register(
        "samples",
        pd.DataFrame(
            {
                "ts": s.at,
                "ok": s.ok,
                "scope": s.scope,
                "location": s.location,
                "monitor": s.monitor,
            },
            copy=False,
        ),
    )
    code = {name: i for i, name in enumerate(s.scopes)}
    o = scenario.evidence.outages
    con.register(
        "outages",
        pd.DataFrame(
            {
                "scope": [code[x.scope] if x.scope else 0 for x in o],
                "s": [epoch_seconds(x.start) for x in o],
                "e": [epoch_seconds(x.end) for x in o],
                "cause": [x.cause for x in o],
            }
        ),
    )
    rules = scenario.objective.maintenance
    assert rules is not None
    w = scenario.evidence.maintenance
    con.register(
        "windows",
        pd.DataFrame(
            {
                "scope": [code[x.scope] if x.scope else 0 for x in w],
                "s": [epoch_seconds(x.start) for x in w],
                "e": [epoch_seconds(x.end) for x in w],
                "noticed": [given_notice(x, rules.notice) for x in w],
            }
        ),
    )
    starts, ends = allowed_time(rules, scenario.period)
    con.register("allowed", pd.DataFrame({"s": starts, "e": ends}))
    con.register("lines", pd.DataFrame({"scope": np.arange(1, len(s.scopes), dtype=np.int32)}))
    return con


def query(scenario: Scenario) -> str:
    o, m = scenario.objective, scenario.objective.measurement
    assert m is not None and o.maintenance is not None and o.maintenance.monthly_cap is not None
    p0, p1 = epoch_seconds(scenario.period.start), epoch_seconds(scenario.period.end)
    excluded = [c for c in CAUSES if c in o.excluded_causes]
    counted = [c for c in CAUSES if c not in o.excluded_causes and c != "maintenance"]
    kinds = ["p", "m", "sd", "w", "we", "a", *excluded, "counted"]
    counts = ",\n        ".join(
        f"sum(sum(d) FILTER (WHERE k = '{k}')) OVER (PARTITION BY scope ORDER BY t) AS c_{k}"
        for k in kinds
    )
    cause_case = " ".join(f"WHEN coalesce(c_{c}, 0) > 0 THEN '{c}'" for c in excluded)
    return f"""
WITH ordered AS (
    SELECT scope, location, monitor, ts, ok,
           lead(ts) OVER w AS nxt, lag(ts) OVER w AS prv, lag(ok) OVER w AS prev_ok
    FROM samples
    WINDOW w AS (PARTITION BY scope, location, monitor ORDER BY ts)
),
rare AS (  -- the only rows that matter from here on
    SELECT *, CASE WHEN nxt IS NOT NULL AND nxt - ts <= {m.interval * m.tolerance}
                   THEN nxt ELSE ts + {m.interval} END AS hold,
           nxt IS NULL OR nxt - ts > {m.interval * m.tolerance} AS ends_piece
    FROM ordered
    WHERE NOT ok OR prv IS NULL OR nxt IS NULL OR nxt - ts > {m.interval * m.tolerance}
),
data_spans AS (  -- each stretch of a vantage point between silences
    SELECT scope, coalesce(lag(nxt) OVER v, first_at) AS s, hold AS e
    FROM (SELECT *, min(ts) OVER (PARTITION BY scope, location, monitor) AS first_at
          FROM rare WHERE ends_piece OR prv IS NULL)
    WHERE ends_piece
    WINDOW v AS (PARTITION BY scope, location, monitor ORDER BY ts)
),
failing AS (  -- a run of failures starts after a passing sample (or none)
    SELECT *, count(*) OVER (PARTITION BY scope, location, monitor, run) AS run_length
    FROM (SELECT *, sum(CASE WHEN prev_ok IS DISTINCT FROM false THEN 1 ELSE 0 END)
                    OVER (PARTITION BY scope, location, monitor ORDER BY ts) AS run
          FROM rare WHERE NOT ok)
),
confirmed AS (
    SELECT *, CASE WHEN lag(run) OVER v = run AND lag(hold) OVER v = ts THEN 0 ELSE 1 END
              AS opens
    FROM failing WHERE run_length >= {m.confirmations}
    WINDOW v AS (PARTITION BY scope, location, monitor ORDER BY ts)
),
down_spans AS (
    SELECT scope, min(ts) AS s, max(hold) AS e
    FROM (SELECT *, sum(opens) OVER (PARTITION BY scope, location, monitor ORDER BY ts) AS piece
          FROM confirmed)
    GROUP BY scope, location, monitor, piece
),
quorum_down AS ({_quorum("down_spans", m.quorum)}),
given AS (  -- outages on the lines they concern
    SELECT l.scope, o.s, o.e, o.cause FROM outages o JOIN lines l ON o.scope IN (0, l.scope)
),
down_or_given AS (  -- measured down, and recorded outages of a counted cause
    SELECT scope, s, e FROM quorum_down
    UNION ALL SELECT scope, s, e FROM given WHERE cause IN ({_list(counted)})
),
episodes AS ({_quorum("down_or_given", 1)}),
sample_down AS (  -- the minimum outage applies to each episode, measured or recorded
    SELECT scope, greatest(s, {p0}) AS s, least(e, {p1}) AS e
    FROM episodes WHERE e - s >= {m.minimum_outage} AND e > {p0} AND s < {p1}
),
measured AS ({_quorum("data_spans", m.quorum)}),
spans(scope, s, e, k) AS (
    SELECT scope, {p0}, {p1}, 'p' FROM lines
    UNION ALL SELECT scope, s, e, 'm' FROM measured
    UNION ALL SELECT scope, s, e, 'sd' FROM sample_down
    UNION ALL SELECT w.scope, w.s, w.e, 'w' FROM windows w
    UNION ALL SELECT scope, s, e, 'w' FROM given WHERE cause = 'maintenance'
    UNION ALL SELECT w.scope, w.s, w.e, 'we' FROM windows w WHERE w.noticed
    UNION ALL SELECT l.scope, a.s, a.e, 'a' FROM allowed a CROSS JOIN lines l
    UNION ALL SELECT scope, s, e, cause FROM given WHERE cause IN ({_list(excluded)})
    UNION ALL SELECT scope, s, e, 'counted' FROM given WHERE cause IN ({_list(counted)})
),
edges AS (
    SELECT scope, s AS t, 1 AS d, k FROM spans UNION ALL SELECT scope, e, -1, k FROM spans
),
segments AS (
    SELECT scope, t, lead(t) OVER (PARTITION BY scope ORDER BY t) - t AS len,
        {counts}
    FROM edges GROUP BY scope, t
),
classed AS (
    SELECT *, CASE WHEN c_p > 0 AND c_we > 0 AND c_a > 0 THEN len ELSE 0 END AS eligible
    FROM segments WHERE c_p > 0 AND len > 0
),
capped AS (
    SELECT *, least(eligible, greatest(0, {o.maintenance.monthly_cap} - coalesce(sum(eligible)
              OVER (PARTITION BY scope ORDER BY t ROWS BETWEEN UNBOUNDED PRECEDING
                    AND 1 PRECEDING), 0))) AS excused
    FROM classed
),
judged AS (
    SELECT scope, excused, len - excused AS rest,
        CASE {cause_case}
             WHEN coalesce(c_m, 0) = 0 AND coalesce(c_w, 0) = 0 AND coalesce(c_counted, 0) = 0
                  {"".join(f" AND coalesce(c_{c}, 0) = 0" for c in excluded)} THEN 'no_data'
             WHEN coalesce(c_sd, 0) > 0 OR coalesce(c_w, 0) > 0 THEN 'down'
             ELSE 'up' END AS class
    FROM capped
)
SELECT scope, sum(excused) AS maintenance,
       {", ".join(f"sum(rest) FILTER (WHERE class = '{c}') AS {c}" for c in excluded)},
       sum(rest) FILTER (WHERE class = 'no_data') AS no_data,
       sum(rest) FILTER (WHERE class = 'down') AS down
FROM judged GROUP BY scope ORDER BY scope
"""


def _quorum(table: str, quorum: int) -> str:
    """Where at least `quorum` spans of `table` overlap, per scope, merged."""
    return f"""
    SELECT scope, min(t) AS s, max(t_end) AS e FROM (
        SELECT *, sum(opens) OVER (PARTITION BY scope ORDER BY t) AS piece FROM (
            SELECT *, CASE WHEN lag(t_end) OVER (PARTITION BY scope ORDER BY t) = t
                           THEN 0 ELSE 1 END AS opens
            FROM (SELECT scope, t, lead(t) OVER (PARTITION BY scope ORDER BY t) AS t_end,
                         sum(sum(d)) OVER (PARTITION BY scope ORDER BY t) AS n
                  FROM (SELECT scope, s AS t, 1 AS d FROM {table}
                        UNION ALL SELECT scope, e, -1 FROM {table})
                  GROUP BY scope, t)
            WHERE n >= {quorum}))
    GROUP BY scope, piece"""


def _list(names: list[str]) -> str:
    return ", ".join(f"'{n}'" for n in names) or "NULL"


def figures(con: duckdb.DuckDBPyConnection, sql: str, scenario: Scenario) -> Figures:
    rows: list[Any] = con.execute(sql).fetchall()
    excluded = [c for c in CAUSES if c in scenario.objective.excluded_causes]
    names = scenario.evidence.samples.scopes
    found: Figures = {}
    for row in rows:
        reasons = dict(zip(["maintenance", *excluded], row[1 : 2 + len(excluded)], strict=True))
        found[names[row[0]]] = (
            int(row[-1] or 0),
            {k: int(v) for k, v in reasons.items() if v},
            int(row[-2] or 0),
        )
    return found
