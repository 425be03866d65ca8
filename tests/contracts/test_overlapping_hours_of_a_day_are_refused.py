from collections.abc import Callable
from pathlib import Path

import pytest

from accord.contracts.loader import ContractInvalid, load_contract

BODY = """\
calendars:
  biz:
    zone: Europe/Paris
    hours:
      mon-fri: [{ranges}]
"""


def test_two_ranges_of_one_day_that_overlap_are_refused_at_their_line(
    contract_file: Callable[..., Path],
) -> None:
    path = contract_file(BODY.format(ranges='"08:00-23:00", "22:00-23:30"'))
    with pytest.raises(ContractInvalid) as caught:
        load_contract(path)
    (problem,) = caught.value.problems
    assert (problem.line, problem.path) == (5, "calendars.biz.hours")
    assert "overlap" in problem.message


def test_two_ranges_that_only_touch_are_accepted(contract_file: Callable[..., Path]) -> None:
    path = contract_file(BODY.format(ranges='"08:00-12:00", "12:00-18:00"'))
    assert load_contract(path).contract.calendars["biz"].week[0] == ((480, 1080),)
