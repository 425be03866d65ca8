"""The same evaluation as a plain Python loop: sample by sample, then lists of spans.

What a careful engineer would write without arrays; it gives the per-sample cost of
Python itself. It follows the domain's rules (docs/evidence.md) for what the benchmark's
month holds: scoped samples, outages and maintenance, one objective measured per scope.
"""

from __future__ import annotations

from accord.domain.availability import epoch_seconds
from accord.domain.availability.maintenance import allowed_time, given_notice
from accord.domain.evidence import CAUSES, Samples

from .duck import Figures
from .scenario import Scenario

Span = tuple[int, int]


def merge(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s, e in sorted(spans):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def intersect(a: list[Span], b: list[Span]) -> list[Span]:
    out, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        s, e = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if s < e:
            out.append((s, e))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return merge(out)


def subtract(a: list[Span], b: list[Span]) -> list[Span]:
    out = []
    for s, e in a:
        for bs, be in b:
            if be <= s or bs >= e:
                continue
            if bs > s:
                out.append((s, bs))
            s = max(s, be)
        if s < e:
            out.append((s, e))
    return merge(out)


def at_least(k: int, spans: list[Span]) -> list[Span]:
    events = sorted([(s, 1) for s, _ in spans] + [(e, -1) for _, e in spans])
    out, count, start = [], 0, 0
    for t, d in events:
        if count >= k and count + d < k:
            out.append((start, t))
        if count < k <= count + d:
            start = t
        count += d
    return merge(out)


def total(spans: list[Span]) -> int:
    return sum(e - s for s, e in spans)


def vantage(
    points: list[tuple[int, bool]], interval: int, limit: int, confirmations: int
) -> tuple[list[Span], list[Span]]:
    """(data spans, confirmed down spans) of one vantage point's time-ordered samples."""
    data: list[Span] = []
    down: list[Span] = []
    run: list[Span] = []
    piece = None
    for i, (t, good) in enumerate(points):
        nxt = points[i + 1][0] if i + 1 < len(points) else None
        hold = nxt if nxt is not None and nxt - t <= limit else t + interval
        piece = t if piece is None else piece
        if hold != nxt:  # a silence follows: the stretch with data ends here
            data.append((piece, hold))
            piece = None
        if not good:
            run.append((t, hold))
            continue
        if len(run) >= confirmations:
            down += run
        run = []
    if len(run) >= confirmations:
        down += run
    return data, merge(down)


def evaluate_loop(scenario: Scenario, samples: Samples) -> Figures:
    """Figures per scope for `samples` (a slice of the scenario's, whole scopes)."""
    o, m = scenario.objective, scenario.objective.measurement
    assert m is not None and o.maintenance is not None
    p0, p1 = epoch_seconds(scenario.period.start), epoch_seconds(scenario.period.end)
    period = [(p0, p1)]
    series: dict[tuple[int, int, int], list[tuple[int, bool]]] = {}
    for t, good, scope, location, monitor in zip(
        samples.at.tolist(),
        samples.ok.tolist(),
        samples.scope.tolist(),
        samples.location.tolist(),
        samples.monitor.tolist(),
        strict=True,
    ):
        series.setdefault((scope, location, monitor), []).append((t, good))
    starts, ends = allowed_time(o.maintenance, scenario.period)
    allowed = list(zip(starts.tolist(), ends.tolist(), strict=True))
    found: Figures = {}
    for code in sorted({key[0] for key in series}):
        name = samples.scopes[code]
        data: list[Span] = []
        down: list[Span] = []
        for key, points in series.items():
            if key[0] == code:
                points.sort()
                d, f = vantage(points, m.interval, m.interval * m.tolerance, m.confirmations)
                data += d
                down += f
        measured = intersect(at_least(m.quorum, data), period)
        sample_down = [(s, e) for s, e in at_least(m.quorum, down) if e - s >= m.minimum_outage]
        outages = [x for x in scenario.evidence.outages if x.scope in (None, name)]
        spans = {
            c: merge(
                [(epoch_seconds(x.start), epoch_seconds(x.end)) for x in outages if x.cause == c]
            )
            for c in CAUSES
        }
        windows = [x for x in scenario.evidence.maintenance if x.scope in (None, name)]
        every = merge(
            [(epoch_seconds(w.start), epoch_seconds(w.end)) for w in windows] + spans["maintenance"]
        )
        eligible = merge(
            [
                (epoch_seconds(w.start), epoch_seconds(w.end))
                for w in windows
                if given_notice(w, o.maintenance.notice)
            ]
        )
        eligible = intersect(intersect(eligible, allowed), period)
        excused, left = [], o.maintenance.monthly_cap
        for s, e in eligible:
            if left is not None and left <= 0:
                break
            take = e - s if left is None else min(e - s, left)
            excused.append((s, s + take))
            left = None if left is None else left - take
        taken, excluded = merge(excused), {"maintenance": total(excused)}
        for cause in CAUSES:
            if cause in o.excluded_causes:
                own = subtract(intersect(spans[cause], period), taken)
                excluded[cause] = total(own)
                taken = merge(taken + own)
        counted = merge(
            [
                s
                for c in CAUSES
                if c not in o.excluded_causes and c != "maintenance"
                for s in spans[c]
            ]
        )
        known = merge(measured + [s for c in CAUSES for s in spans[c]] + every)
        no_data = subtract(subtract(period, known), taken)
        downtime = subtract(intersect(merge(sample_down + counted + every), period), taken)
        found[name] = (total(downtime), {k: v for k, v in excluded.items() if v}, total(no_data))
    return found
