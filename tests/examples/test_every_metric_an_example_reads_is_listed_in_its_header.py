"""Evidence files are written against the metric names listed at the top of each example."""

from __future__ import annotations

import re

import pytest

from .seed_examples import FILES, contract, header


def metrics_read(name: str) -> set[str]:
    found: set[str] = set()
    for objective in contract(name).performance:
        if objective.metric is not None:
            found.add(objective.metric)
        if objective.ratio is not None:
            found |= {objective.ratio.bad, objective.ratio.total}
    return found


@pytest.mark.parametrize("name", FILES)
def test_each_metric_an_example_reads_is_listed_in_its_header(name: str) -> None:
    listed = set(re.findall(r"metric `([a-z0-9_]+)`", header(name)))
    assert listed == metrics_read(name)


@pytest.mark.parametrize("name", FILES)
def test_metric_names_are_snake_case(name: str) -> None:
    for metric in metrics_read(name):
        assert re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", metric), metric
