"""Each clause of the mission's inventory is named in a comment of its seed's example."""

from __future__ import annotations

import re

import pytest

from .seed_examples import CLAUSES, SEEDS, comments

CASES = [(name, clause) for name in SEEDS for clause in CLAUSES[name]]


@pytest.mark.parametrize(("name", "clause"), CASES)
def test_each_clause_id_appears_in_a_comment_of_its_example(name: str, clause: str) -> None:
    word = re.compile(rf"\b{clause}\b")
    assert any(word.search(text) for text in comments(name)), f"{clause} not in {name}"


@pytest.mark.parametrize("name", SEEDS)  # the others name products ('S3'), not clauses
def test_no_example_names_a_clause_of_another_seed_or_one_that_does_not_exist(
    name: str,
) -> None:
    named = {m for text in comments(name) for m in re.findall(r"\b[LEISV]\d{1,2}\b", text)}
    assert named <= set(CLAUSES[name]), sorted(named - set(CLAUSES[name]))
