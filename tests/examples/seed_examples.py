"""The shipped example contracts (five seeds, four of the wider market), the clause IDs
of the seeds, and their comments."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from accord.contracts.loader import load_contract
from accord.contracts.model import Contract

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "contracts"

# The clause inventory of the mission, per example file: every ID must be written in a
# comment of its file where the clause is encoded (or where its absence is explained).
CLAUSES: dict[str, list[str]] = {
    "letsignit.yaml": [f"L{n}" for n in range(1, 11)],
    "ethnio.yaml": [f"E{n}" for n in range(1, 8)],
    "infopromo.yaml": [f"I{n}" for n in range(1, 8)],
    "istockist.yaml": [f"S{n}" for n in range(1, 11)],
    "lavi-qtrac.yaml": [f"V{n}" for n in range(1, 10)],
    # Public SLAs of the wider market: no clause inventory; readings in their comments.
    "aws-s3.yaml": [],
    "aws-compute.yaml": [],
    "slack.yaml": [],
    "gitlab-support.yaml": [],
}
FILES = sorted(CLAUSES)
SEEDS = sorted(name for name, ids in CLAUSES.items() if ids)  # the mission's five

# A comment starts at '#' at the start of a line or after a blank (YAML's own rule).
_COMMENT = re.compile(r"(?:^|\s)#(.*)$")


@cache
def contract(name: str) -> Contract:
    return load_contract(EXAMPLES / name).contract


def comments(name: str) -> list[str]:
    """The text of every comment of an example, one entry per line."""
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    found = (_COMMENT.search(line) for line in text.splitlines())
    return [match.group(1) for match in found if match is not None]


def header(name: str) -> str:
    """The comment block at the top of an example, before its first key."""
    lines = (EXAMPLES / name).read_text(encoding="utf-8").splitlines()
    block: list[str] = []
    for line in lines:
        if line and not line.startswith("#"):
            break
        block.append(line)
    return "\n".join(block)


def with_support() -> list[str]:
    """The examples whose SLA has a support section."""
    return [name for name in FILES if contract(name).support is not None]
