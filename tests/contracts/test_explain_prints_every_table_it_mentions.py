"""`contract explain` prints each table a sentence refers to, with the right words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

BODY = """
performance:
  - id: delayed
    ratio: {bad: orders_delayed, total: orders_total, window: 30m, at_most_percent: 10}
    credit:
      kind: tiered
      tiers: [{range: "[0, 10]", percent: 0}, {range: "(10, 100]", percent: 5}]
preconditions:
  - id: multi-zone
    description: the customer runs in two or more zones
    fact: zones
    at_least: 2
availability:
  - id: storage
    target: 99.9
    requests: {interval: 5m, reading: error_threshold, error_threshold_percent: 5}
  - id: region
    target: 99.99
    window: calendar_quarter
    covers: ["eu-*"]
    rollup: all
    downtime_minutes: whole_minute
"""


def test_a_tiered_performance_credit_has_its_table(
    contract_file: Callable[..., Path], accord: Callable[..., Any]
) -> None:
    run = accord("contract", "explain", contract_file(BODY))
    assert run.code == 0, run.err
    text = " ".join(str(run.out).split())
    assert "by tier of the achieved ratio (table 'delayed' below)" in text
    assert "delayed: achieved ratio" in text  # the table's heading
    assert "(10, 100] from 10 % (excluded) up to 100 %" in text
    assert "availability" not in text.split("Performance")[1].split("delayed: achieved")[0]


def test_the_new_keys_are_explained(
    contract_file: Callable[..., Path], accord: Callable[..., Any]
) -> None:
    run = accord("contract", "explain", contract_file(BODY))
    text = " ".join(str(run.out).split())
    assert "per calendar quarter" in text
    assert "Covers: the scopes 'eu-*'" in text
    assert "the whole service is down while every covered scope is down" in text
    assert "a minute is down only when all of it is" in text
    assert "an interval above 5 % is down" in text
    assert "the customer runs in two or more zones" in text
