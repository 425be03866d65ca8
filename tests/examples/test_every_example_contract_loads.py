"""The example contracts (seeds, and public SLAs of the wider market) load and pass
`accord contract check`."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from accord.cli import app

from .seed_examples import EXAMPLES, FILES, contract


def test_the_examples_are_exactly_the_listed_contracts() -> None:
    assert sorted(p.name for p in EXAMPLES.glob("*.yaml")) == FILES


@pytest.mark.parametrize("name", FILES)
def test_each_example_loads_into_the_contract_model(name: str) -> None:
    assert contract(name).id == name.removesuffix(".yaml")


@pytest.mark.parametrize("name", FILES)
def test_accord_contract_check_says_each_example_is_ok(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    path = EXAMPLES / name
    result = CliRunner().invoke(app, ["contract", "check", str(path)])
    c = contract(name)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"{path}: ok ({c.id} {c.version})\n"
