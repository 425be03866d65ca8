"""The bare part, for context: outages of 5 minutes or more straight from the samples.

Per vantage point (scope, location, monitor), in time order: a run is a stretch of
consecutive failing samples (no passing sample of that vantage point between them;
silences are ignored here); it lasts from its first failure to one interval after its last
(the last failure holds for one interval). Runs lasting at least the minimum outage are
kept and their durations summed per scope. None of the rest of the evaluation is here: no
confirmations, quorum, gaps, clipping, maintenance or causes.

Both sides trust what the arrays already are: grouped by vantage point and in time order
within each. The NumPy pass reads the arrays in place; DuckDB reads the native table
loaded from them in that order, so its `rowid` follows it (the result is checked equal to
the NumPy pass per scope, which would catch any other order).

Formulations tried on the 44.7 million samples (best of 2 or 3, seconds at 1 / 2 threads):

- islands keyed by a running count of passing samples,
  `sum(ok::INT) OVER (PARTITION BY scope, location, monitor ORDER BY ts ROWS UNBOUNDED
  PRECEDING)` over every sample, then the failures grouped by that key: 4.3 / 3.2 on the
  first 200 stores alone (8.9 million samples, about 2 M samples/s), not tried larger;
- run starts from `lag(ok)` over every sample (partitioned by vantage point, ordered by
  time), then a running count of starts over the failures only: 3.75 / 2.1;
- the difference of two `row_number()`s, one over every sample and one over the failures
  only (both partitioned and ordered by time): 3.76 / 2.15;
- `ASOF LEFT JOIN` of each failure to the last passing sample before it, whose time keys
  the island: 0.94 / 0.97 on the first 200 stores (about 9.5 M samples/s);
- failures only, island key `rowid - row_number() OVER (ORDER BY rowid)`: 0.18 / 0.09,
  the fastest, used below (`QUERY`); the same partitioned by vantage point, 0.97 / 0.33;
  with the failures materialized first, 0.23 / 0.13; run starts and ends found by
  `ANTI JOIN`s on `rowid` +- 1 and paired by an `ASOF JOIN`, 0.19 / 0.10.

Every formulation that orders by time with a window over every sample pays for sorting or
partitioning the 44.7 million rows; the `rowid` one only filters the column `ok` (0.04 s)
and then works on the 0.4 million failures. The whole evaluation cannot skip that pass in
the same way: it needs each sample's neighbour for the silences, not only the failures'.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from accord.domain.evidence import Samples

Totals = dict[int, int]  # scope code -> seconds of kept runs (scopes with none left out)


def query(interval: int, minimum: int, table: str = "native") -> str:
    """The fastest formulation found: islands of failures keyed by their position."""
    return f"""
SELECT scope, sum(d) FROM (
    SELECT scope, max(ts) - min(ts) + {interval} AS d FROM (
        SELECT scope, location, monitor, ts, rowid - row_number() OVER (ORDER BY rowid) AS k
        FROM {table} WHERE NOT ok)
    GROUP BY scope, location, monitor, k)
WHERE d >= {minimum} GROUP BY scope ORDER BY scope"""


def ordered_query(interval: int, minimum: int, table: str = "native") -> str:
    """The same without trusting the physical order: run starts from `lag(ok)` by time."""
    return f"""
SELECT scope, sum(d) FROM (
    SELECT scope, max(ts) - min(ts) + {interval} AS d FROM (
        SELECT *, sum(CASE WHEN prev_ok IS DISTINCT FROM false THEN 1 ELSE 0 END)
                  OVER (PARTITION BY scope, location, monitor ORDER BY ts) AS k
        FROM (SELECT scope, location, monitor, ts, ok,
                     lag(ok) OVER (PARTITION BY scope, location, monitor ORDER BY ts) AS prev_ok
              FROM {table})
        WHERE NOT ok)
    GROUP BY scope, location, monitor, k)
WHERE d >= {minimum} GROUP BY scope ORDER BY scope"""


def totals(rows: list[tuple[int, int]]) -> Totals:
    return {int(scope): int(d) for scope, d in rows if d}


def run_lengths(samples: Samples, interval: int, minimum: int) -> NDArray[np.int64]:
    """Seconds of kept failure runs per scope code: one pass over `ok`, then the failures."""
    out = np.zeros(len(samples.scopes), np.int64)
    fails = np.flatnonzero(~samples.ok)
    if fails.size == 0:
        return out
    a, b = fails[1:], fails[:-1]
    joined = np.diff(fails) == 1  # next to each other and in the same vantage point
    for key in (samples.scope, samples.location, samples.monitor):
        joined &= key[a] == key[b]
    starts = fails[np.concatenate(([True], ~joined))]
    ends = fails[np.concatenate((~joined, [True]))]
    lasting = samples.at[ends] - samples.at[starts] + interval
    kept = lasting >= minimum
    np.add.at(out, samples.scope[starts[kept]], lasting[kept])
    return out


def as_totals(seconds: NDArray[np.int64]) -> Totals:
    return {int(i): int(v) for i, v in enumerate(seconds) if v}
