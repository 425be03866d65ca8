"""A contract of 10,000 objectives is a valid contract: checked, not refused as an alias
expansion, and in time linear in its size (the duplicate checks use sets)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from accord.contracts.check import check_contract


def _objectives(count: int) -> str:
    return "availability:\n" + "".join(
        f"  - id: store-{i}\n"
        f"    target: 99.{i % 10}\n"
        "    measurement: {probe: http, interval: 1m, minimum_outage: 5m, quorum: 1}\n"
        "    credit: {kind: linear, percent: 10, per: 1}\n"
        for i in range(count)
    )


def test_ten_thousand_objectives_are_accepted(contract_file: Callable[..., Path]) -> None:
    loaded = check_contract(contract_file(_objectives(10_000)))
    assert len(loaded.contract.availability) == 10_000
    assert loaded.contract.availability[-1].id == "store-9999"


def test_an_id_used_twice_among_them_is_named(contract_file: Callable[..., Path]) -> None:
    from accord.contracts.loader import ContractInvalid

    text = _objectives(10_000).replace("id: store-9999\n", "id: store-17\n")
    try:
        check_contract(contract_file(text))
    except ContractInvalid as error:
        [problem] = error.problems
        assert problem.path == "availability.9999.id" and "store-17" in problem.message
        assert problem.line == 2 + 4 * 9999
    else:
        raise AssertionError("an id used twice was accepted")
