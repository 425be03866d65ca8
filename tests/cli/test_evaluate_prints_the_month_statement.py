"""`accord evaluate`: one statement per month, as tables or JSON."""

from __future__ import annotations

import json

import pytest

from .runner import NOW, accord, contract, evidence


def lavi(*more: str) -> list[str]:
    return ["evaluate", contract("lavi-qtrac"), "--evidence", evidence("lavi-qtrac"), *more]


def test_the_readme_command_prints_the_lavi_statement_as_tables() -> None:
    run = accord(*lavi("--period", "2026-10", "--now", NOW))
    assert run.code == 0, run.err
    assert "lavi-qtrac version 1 · 2026-10 · times in America/Los_Angeles" in run.out
    assert "97.342 %" in run.out  # store-12
    assert "105.00 USD" in run.out
    assert "Claim deadline: 2026-12-01 00:00 PST" in run.out
    assert run.err == ""


def test_json_gives_one_statement_object_for_one_month() -> None:
    run = accord(*lavi("--period", "2026-10", "--format", "json", "--now", NOW))
    assert run.code == 0, run.err
    data = json.loads(run.out)
    assert data["period"]["start"] == "2026-10-01T00:00:00-07:00"
    assert data["credit_total"] == {
        "amount": 105.0, "currency": "USD", "capped": False, "uncapped": 105.0,
        "requires": "claim",
    }  # fmt: skip
    assert data["claim_deadline"] == "2026-12-01T00:00:00-08:00"
    [t1001] = [t for t in data["support"]["tickets"] if t["id"] == "T-1001"]
    first = t1001["metrics"][0]
    assert (first["metric"], first["due"], first["met"]) == (
        "first_response", "2026-10-06T09:00:00-07:00", True,
    )  # fmt: skip


def test_a_range_gives_a_list_and_the_termination_right_looks_back_over_it() -> None:
    run = accord("evaluate", contract("ethnio"), "--evidence", evidence("ethnio"),
                 "--period", "2026-08..2026-10", "--format", "json", "--now", NOW)  # fmt: skip
    assert run.code == 0, run.err
    data = json.loads(run.out)
    assert [s["period"]["label"] for s in data] == ["2026-08", "2026-09", "2026-10"]
    assert [s["termination_right"]["granted"] for s in data] == [False, False, True]


def test_a_plan_given_on_the_command_line_replaces_the_evidence_plan() -> None:
    run = accord("evaluate", contract("infopromo"), "--evidence", evidence("infopromo"),
                 "--period", "2026-10", "--plan", "standard", "--format", "json",
                 "--now", NOW)  # fmt: skip
    assert run.code == 0, run.err
    data = json.loads(run.out)
    assert (data["plan"], data["availability"][0]["target_percent"]) == ("standard", 99.9)
    assert data["credits"][0]["percent"] == pytest.approx(10 * (99.9 - 99.626359), abs=1e-5)


@pytest.mark.parametrize("name", ["letsignit", "ethnio", "infopromo", "istockist", "lavi-qtrac"])
def test_every_example_evaluates_on_its_evidence_in_both_forms(name: str) -> None:
    for form in ("table", "json"):
        run = accord("evaluate", contract(name), "--evidence", evidence(name),
                     "--period", "2026-10", "--format", form, "--now", NOW)  # fmt: skip
        assert run.code == 0, run.err
    assert json.loads(run.out)["contract"] == name


def test_without_now_the_clocks_are_judged_at_the_current_time() -> None:
    run = accord(*lavi("--period", "2026-10", "--format", "json"))
    assert run.code == 0, run.err
    assert json.loads(run.out)["credit_total"]["amount"] == 105.0
