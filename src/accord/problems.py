"""A problem at one place of a file the user gave: `file:line:col: key: message`.

Shared by the contract and evidence readers and the CLI, so every located error reads
alike and the CLI prints them without knowing where they came from.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Problem", "did_you_mean", "line_column"]


@dataclass(frozen=True)
class Problem:
    """Something wrong or doubtful at one place of a file."""

    file: str  # the file as given on the command line
    line: int  # 1-based
    column: int  # 1-based
    path: str  # dotted key path, e.g. 'support.severities.1.first_response.within'
    message: str  # what is wrong and what was expected
    code: str = "error"  # 'error' for validation, a lint code such as 'A101' otherwise

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        key = f" {self.path}:" if self.path else ""
        tag = "" if self.code == "error" else f" [{self.code}]"
        return f"{where}:{tag}{key} {self.message}"


def line_column(text: str, offset: int) -> tuple[int, int]:
    """Line and column (both 1-based) of the character at `offset` in `text`."""
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def did_you_mean(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str:
    """The hint "; did you mean 'x'?" for the choice closest to `word`, or '' when none is."""
    if len(word) > 100:  # difflib is quadratic in the length: no name is that long
        return ""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return f"; did you mean {close[0]!r}?" if close else ""
