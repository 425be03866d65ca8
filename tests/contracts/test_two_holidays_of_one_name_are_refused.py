from collections.abc import Callable
from pathlib import Path

import pytest

from accord.contracts.loader import ContractInvalid, load_contract

BODY = """\
calendars:
  biz:
    zone: Europe/Paris
    hours: {{mon-fri: ["09:00-17:00"]}}
    holidays:
      - {{name: Bridge, rule: 1 day after {base}}}
      - {{name: {second}, date: "05-01"}}
"""


def test_two_holidays_of_one_name_are_refused_where_the_list_stands(
    contract_file: Callable[..., Path],
) -> None:
    path = contract_file(BODY.format(base="Bridge", second="Bridge"))
    with pytest.raises(ContractInvalid) as caught:
        load_contract(path)
    (problem,) = caught.value.problems
    assert problem.path == "calendars.biz.holidays"
    assert problem.line == 6
    assert "'Bridge'" in problem.message


def test_holidays_of_different_names_are_accepted(contract_file: Callable[..., Path]) -> None:
    path = contract_file(BODY.format(base="May Day", second="May Day"))
    assert len(load_contract(path).contract.calendars["biz"].holidays) == 2
