"""Quorum: when what the vantage points saw is data, and downtime.

A second of a scope's line has data when at least `quorum` vantage points watching it
have a sample holding it; it is measured down when at least `quorum` of them are down at
once (how long an outage must last to be recorded is `downtime_periods`' rule).
"""

from __future__ import annotations

import numpy as np

from accord.domain.availability import intervals as iv
from accord.domain.availability.intervals import Spans
from accord.domain.availability.scope_lines import Placer, on_lines
from accord.domain.availability.vantage_points import VantageSpans


def measured(
    vantage: VantageSpans | None,
    scopes: tuple[str, ...],
    place: Placer,
    inside: Spans,
    quorum: int,
) -> tuple[Spans, Spans]:
    """Where the samples give data (quorum) in the month, and measured downtime, whole.

    `scopes` names the samples' scope codes; a line no vantage point watches has data all
    month (it is judged by the given outages alone), and so has every line without samples.
    """
    if vantage is None:
        return inside, iv.empty()
    lines_of_code = place.code_lines(scopes)
    vp_lines = [lines_of_code[code] for code in vantage.scope]
    data = on_lines(place.axis, vp_lines, vantage.data_vp, vantage.data_start, vantage.data_end)
    down = on_lines(place.axis, vp_lines, vantage.down_vp, vantage.down_start, vantage.down_end)
    watched = sorted({line for lines in vp_lines for line in lines})
    unwatched = np.setdiff1d(np.arange(place.axis.lines), watched)
    everywhere = Spans(inside.start[unwatched], inside.end[unwatched])  # one span per line
    found = iv.union(iv.at_least(quorum, *data), everywhere)
    return iv.intersect(found, inside), iv.at_least(quorum, *down)
