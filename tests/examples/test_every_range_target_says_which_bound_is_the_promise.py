"""A target written as a range ('5-15 min') names the bound that is the commitment."""

from __future__ import annotations

import pytest

from accord.contracts.types import DurationRange

from .seed_examples import contract, with_support


@pytest.mark.parametrize("name", with_support())
def test_no_example_leaves_a_range_target_without_its_bound(name: str) -> None:
    support = contract(name).support
    assert support is not None
    for key, severity in support.severities.items():
        for clock in ("first_response", "temporary_resolution", "resolution"):
            target = getattr(severity, clock)
            if target is not None and isinstance(target.within, DurationRange):
                assert target.bound is not None, f"{name}: severity {key} {clock}"
        update = severity.periodic_update
        if update is not None and isinstance(update.every, DurationRange):
            assert update.bound is not None, f"{name}: severity {key} periodic_update"
