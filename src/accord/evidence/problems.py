"""Problems with evidence files, said with the file, line, column, field and value.

`json` parses fast but forgets where things were; when something is wrong, `locate`
walks the text again to the offending element, skipping whole values with the decoder,
so the position costs nothing until an error needs it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from accord.problems import Problem, line_column

__all__ = ["EvidenceInvalid", "KeyPath", "Problems", "dotted", "holds_nul", "locate"]

KeyPath = tuple[str | int, ...]
MOST = 50  # problems collected before reading stops: enough to see a pattern
_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


class EvidenceInvalid(Exception):
    """Evidence that cannot be used; `problems` says every place that is wrong."""

    def __init__(self, problems: list[Problem]) -> None:
        lines = [str(p) for p in problems]
        if len(problems) >= MOST:
            lines.append(f"(stopped after {MOST} problems)")
        super().__init__("\n".join(lines))
        self.problems = problems


def holds_nul(text: str) -> bool:
    """Whether `text` holds a NUL character: no name does, and no database can store it."""
    return "\0" in text


def dotted(path: Sequence[str | int]) -> str:
    """('samples', 12, 'at') -> 'samples[12].at'."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text


def shown(value: object) -> str:
    """A value as the file wrote it, cut short when long."""
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def locate(text: str, path: KeyPath, at_key: bool = False, last: bool = False
           ) -> tuple[int, int]:  # fmt: skip
    """Line and column (1-based) of the value at `path` in JSON `text` (or of its key).

    A key given twice is found where it is first given, or last with `last`.
    """
    i = _skip(text, 0)
    key_at = i
    for k, step in enumerate(path):
        found = _step(text, i, step, last and k == len(path) - 1)
        if found is None:
            break
        key_at, i = found
    where = key_at if at_key else i
    return line_column(text, where)


def _skip(text: str, i: int) -> int:
    match = _SPACE.match(text, i)
    return match.end() if match else i


def _step(text: str, i: int, step: str | int, last: bool = False) -> tuple[int, int] | None:
    """(key position, value position) of `step` inside the container at `i`, if there."""
    if i >= len(text):
        return None
    if text[i] == "{" and isinstance(step, str):
        i = _skip(text, i + 1)
        found = None
        while i < len(text) and text[i] == '"':
            key_at = i
            key, i = json.decoder.scanstring(text, i + 1)  # type: ignore[attr-defined]
            i = _skip(text, _skip(text, i) + 1)  # past the colon
            if key == step:
                found = (key_at, i)
                if not last:
                    return found
            i = _after(text, i)
        return found
    if text[i] == "[" and isinstance(step, int):
        i = _skip(text, i + 1)
        for _ in range(step):
            if i >= len(text) or text[i] == "]":
                return None
            i = _after(text, i)
        return i, i
    return None


def _after(text: str, i: int) -> int:
    """Position of the next element after the value at `i` (past a comma)."""
    _, end = _DECODER.raw_decode(text, i)
    end = _skip(text, end)
    return _skip(text, end + 1) if end < len(text) and text[end] == "," else end


class JsonObject(dict[str, Any]):
    """A JSON object given a key more than once; `twice` names those keys (the last
    value is kept, and the reader refuses the object)."""

    twice: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result  # the usual case: a plain dict, so bulk readers take it as it is
    repeated = JsonObject(pairs)
    counts = Counter(k for k, _ in pairs)
    repeated.twice = tuple(sorted(k for k, n in counts.items() if n > 1))
    return repeated


def _integer(text: str) -> int | float:
    # Past 4,300 digits int() refuses; a float of it is infinite, refused as any number
    # out of range is, at its place.
    return int(text) if len(text) <= 30 else float(text)


def parse_json(text: str) -> Any:
    """JSON as evidence reads it: repeated keys kept for the reader to refuse, integers
    of any length read without error (NaN and Infinity, which JSON does not have, are
    read as floats for the reader to refuse where a number is expected)."""
    return json.loads(text, object_pairs_hook=_object, parse_int=_integer)


def not_utf8(file: str, error: UnicodeDecodeError) -> Problem:
    """Where a file stops being UTF-8 text; the column counts bytes."""
    line, column = line_column(error.object[: error.start].decode("latin-1"), error.start)
    byte = error.object[error.start]
    return Problem(file, line, column, "", f"not UTF-8 text (byte {byte:#04x})")


class Problems:
    """Problems found in one file, collected up to `MOST`."""

    def __init__(self, file: str, text: str = "") -> None:
        self.file = file
        self.text = text  # the JSON text paths are located in
        self.found: list[Problem] = []

    @property
    def full(self) -> bool:
        return len(self.found) >= MOST

    def at(self, path: KeyPath, message: str, at_key: bool = False, last: bool = False) -> None:
        """A problem at `path` of the JSON text."""
        if self.full:
            return
        line, column = locate(self.text, path, at_key, last) if self.text else (1, 1)
        self.found.append(Problem(self.file, line, column, dotted(path), message))

    def place(self, path: KeyPath) -> tuple[int, int]:
        """Line and column of the value at `path` of the JSON text."""
        return locate(self.text, path) if self.text else (1, 1)

    def line(self, line: int, column: int, path: KeyPath, message: str) -> None:
        """A problem at a known line and column (CSV rows, JSON Lines)."""
        if not self.full:
            self.found.append(Problem(self.file, line, column, dotted(path), message))

    def raise_any(self) -> None:
        """Raise EvidenceInvalid with the problems, this file's first, in line order."""
        if self.found:
            order = sorted(
                self.found, key=lambda p: (p.file != self.file, p.file, p.line, p.column)
            )
            raise EvidenceInvalid(order)
