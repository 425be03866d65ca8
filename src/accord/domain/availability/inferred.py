"""How samples are read when the contract does not say how availability is measured.

Most seed SLAs promise a percentage without naming a probe or an interval. Samples given
for such an objective still count, read the plainest way the samples allow:

- each sample holds for the interval the samples keep themselves: the median of the
  spacings between consecutive samples of one vantage point (scope, location, monitor),
  taken over every vantage point together, rounded to a whole second (a half rounds up);
  spacings of zero (two samples at the same second) do not count;
- one failing sample is an outage (confirmations 1), one vantage point is enough (quorum
  1), and no outage is too short to record (no minimum).

When no vantage point has two samples at different seconds, there is no spacing to read
and `DEFAULT_INTERVAL` is used. The statement says which interval was inferred.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from accord.domain.availability.evaluate import MeasurementRule, of_monitors
from accord.domain.evidence import Samples

__all__ = ["DEFAULT_INTERVAL", "inferred_interval", "inferred_measurement"]

DEFAULT_INTERVAL = 60  # seconds, when the samples keep no spacing to read


def inferred_measurement(
    samples: Samples, monitors: frozenset[str] | None = None
) -> MeasurementRule | None:
    """The measurement read from `samples` of `monitors` (None: all); None without any."""
    keep = of_monitors(samples, monitors)
    if not keep.any():
        return None
    return MeasurementRule(interval=inferred_interval(samples, keep), monitors=monitors)


def inferred_interval(samples: Samples, keep: NDArray[np.bool_] | None = None) -> int:
    """Median spacing of consecutive samples of one vantage point, in whole seconds."""
    chosen = np.ones(len(samples), np.bool_) if keep is None else keep
    at = samples.at[chosen]
    keys = (samples.scope[chosen], samples.location[chosen], samples.monitor[chosen])
    order = np.lexsort((at, keys[2], keys[1], keys[0]))  # by vantage point, then time
    at = at[order]
    same = np.ones(max(at.size - 1, 0), np.bool_)
    for key in keys:
        ordered = key[order]
        same &= ordered[1:] == ordered[:-1]
    steps = np.diff(at)[same]
    steps = steps[steps > 0]
    if steps.size == 0:
        return DEFAULT_INTERVAL
    return max(1, int(np.floor(np.median(steps) + 0.5)))
