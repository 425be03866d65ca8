"""A601: `version: 1.10` is read as the number 1.1."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from accord.problems import Problem


@pytest.mark.parametrize(
    ("version", "finding"),
    [("1.10", "the number 1.1"), ("3", "the number 3"), ('"1.10"', None), ("v1.10", None)],
)
def test_it_finds_a_version_read_as_a_number(
    lint: Callable[..., list[Problem]], version: str, finding: str | None
) -> None:
    found = lint(f"version: {version}\n", "A601")
    if finding is None:
        assert found == []
    else:
        [problem] = found
        assert (problem.path, problem.line, problem.column) == ("version", 1, 10)
        assert f"the version is {finding}" in problem.message
