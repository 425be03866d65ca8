"""Quorum: when what the vantage points saw is data, and downtime.

A second of a scope's line has data when at least `quorum` vantage points watching it
have a sample holding it; it is measured down when at least `quorum` of them are down at
once (how long an outage must last to be recorded is `downtime_periods`' rule). A line
no vantage point watches is judged by its records alone: it has data all month when the
caller says so (records touch the month, or the contract takes silence as up), else none.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from accord.domain.availability import intervals as iv
from accord.domain.availability.intervals import Spans
from accord.domain.availability.scope_lines import Placer, on_lines
from accord.domain.availability.vantage_points import VantageSpans


def watched(
    vantage: VantageSpans | None, scopes: tuple[str, ...], place: Placer
) -> NDArray[np.bool_]:
    """Per line, whether a vantage point watches it (`scopes` names the samples' codes)."""
    seen = np.zeros(place.axis.lines, np.bool_)
    if vantage is not None:
        lines_of_code = place.code_lines(scopes)
        codes = set(vantage.scope.tolist())
        seen[sorted({line for code in codes for line in lines_of_code[code]})] = True
    return seen


def measured(
    vantage: VantageSpans | None,
    scopes: tuple[str, ...],
    place: Placer,
    inside: Spans,
    quorum: int,
    all_month: NDArray[np.bool_],
) -> tuple[Spans, Spans]:
    """Where the samples give data (quorum) in the month, and measured downtime, whole.

    `scopes` names the samples' scope codes; a line no vantage point watches has data all
    month where `all_month` says so (it is judged by the given records alone), else none.
    """
    unwatched = ~watched(vantage, scopes, place) & all_month
    everywhere = Spans(inside.start[unwatched], inside.end[unwatched])  # one span per line
    if vantage is None:
        return everywhere, iv.empty()
    lines_of_code = place.code_lines(scopes)
    vp_lines = [lines_of_code[code] for code in vantage.scope]
    data = on_lines(place.axis, vp_lines, vantage.data_vp, vantage.data_start, vantage.data_end)
    down = on_lines(place.axis, vp_lines, vantage.down_vp, vantage.down_start, vantage.down_end)
    found = iv.union(iv.at_least(quorum, *data), everywhere)
    return iv.intersect(found, inside), iv.at_least(quorum, *down)
