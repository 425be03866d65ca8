"""Samples gathered from several sources into the columns of one `Samples` value.

Each source (the JSON document itself, a CSV file, a JSON Lines file) adds a block of
rows; scope, location and monitor names are coded against tables shared by all blocks,
'' (not given) being code 0, the others in order of first appearance.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeGuard

import numpy as np
from numpy.typing import NDArray

from accord.domain.evidence import Samples
from accord.evidence.instants import parse_many
from accord.evidence.problems import holds_nul

Report = Callable[[int, str, str], None]  # (row, field, message) of a bad sample
Place = tuple[str, int, int]  # file, line, column of a sample
Where = Callable[[int], Place]  # the place of a block's row
SAMPLE_FIELDS = ("at", "ok", "scope", "location", "monitor", "response_ms")
NAMES = ("scope", "location", "monitor")
_ALLOWED = frozenset(SAMPLE_FIELDS)


class SampleTable:
    def __init__(self) -> None:
        self.tables: dict[str, dict[str, int]] = {name: {"": 0} for name in NAMES}
        self.blocks: list[dict[str, NDArray[Any]]] = []
        self.wheres: list[tuple[int, Where | None]] = []  # each block's size and places

    def codes(self, field: str, names: Sequence[str]) -> NDArray[np.int32]:
        """The code of each of `names` in the shared table, new names added at its end."""
        table = self.tables[field]
        return np.array([table.setdefault(name, len(table)) for name in names], np.int32)

    def checkpoint(self) -> tuple[dict[str, int], int]:
        """What `rollback` needs to undo whatever is added after this call."""
        return {name: len(t) for name, t in self.tables.items()}, len(self.blocks)

    def rollback(self, saved: tuple[dict[str, int], int]) -> None:
        sizes, blocks = saved
        for name, size in sizes.items():
            kept = list(self.tables[name].items())[:size]
            self.tables[name] = dict(kept)
        del self.blocks[blocks:]
        del self.wheres[blocks:]

    def add(self, block: dict[str, NDArray[Any]], where: Where | None = None) -> None:
        """Add columns at, ok, scope, location, monitor (shared codes) and response_ms;
        `where` gives the place of a row in its file, for messages."""
        self.blocks.append(block)
        self.wheres.append((len(block["at"]), where))

    def place(self, row: int) -> Place | None:
        """Where the sample at `row` of the whole table was read, when known."""
        for size, where in self.wheres:
            if row < size:
                return None if where is None else where(row)
            row -= size
        return None

    def add_objects(self, rows: Sequence[Any], report: Report, where: Where | None = None) -> None:
        """Add sample objects as JSON gives them, reporting each bad field; `where` gives
        the place of each of `rows`."""
        if not self._add_plain(rows, where):
            self._add_checked(rows, report, where)

    def _add_plain(self, rows: Sequence[Any], where: Where | None) -> bool:
        """Add rows column by column when every row is well formed; False if one is not.

        The usual case, checked a column at a time: a fraction of the cost of checking
        row by row, which is left to find and report what is wrong.
        """
        if not all(type(r) is dict and r.keys() <= _ALLOWED for r in rows):
            return False
        at = [r.get("at") for r in rows]
        ok = [r.get("ok") for r in rows]
        names = [[r.get(name) for r in rows] for name in NAMES]
        response = [r.get("response_ms") for r in rows]
        if not {type(a) for a in at} <= {str} or not {type(o) for o in ok} <= {bool}:
            return False
        if any(not {type(v) for v in column} <= {str, type(None)} for column in names):
            return False
        if any(holds_nul(v) for column in names for v in set(column) if v):
            return False
        kinds = {type(v) for v in response}
        if not kinds <= {int, float, type(None)}:
            return False
        if float in kinds and any(v != v for v in response):  # NaN given, not absent
            return False
        if type(None) in kinds:
            response = [math.nan if v is None else v for v in response]
        ms = np.array(response, np.float64)
        if (ms < 0).any() or np.isinf(ms).any() or any("\0" in a for a in at):
            return False
        seconds, failures = parse_many(np.array([a.encode() for a in at], dtype=np.bytes_))
        if failures:
            return False
        block: dict[str, NDArray[Any]] = {
            "at": seconds,
            "ok": np.array(ok, np.bool_),
            "response_ms": ms,
        }
        for name, column in zip(NAMES, names, strict=True):
            block[name] = self.codes(name, [v or "" for v in column])
        self.add(block, where)
        return True

    def _add_checked(self, rows: Sequence[Any], report: Report, where: Where | None) -> None:
        checked = [_sample(row, i, report) for i, row in enumerate(rows)]
        timed = [c for c in checked if c.at is not None]
        seconds, failures = parse_many(np.array([c.at for c in timed], dtype=np.bytes_))
        for k, message in failures:
            report(timed[k].row, "at", message)
        keep = np.array([c.fine for c in timed], np.bool_)
        keep[[k for k, _ in failures]] = False
        good = [c for c, fine in zip(timed, keep.tolist(), strict=True) if fine]
        block: dict[str, NDArray[Any]] = {
            "at": seconds[keep],
            "ok": np.array([c.ok for c in good], np.bool_),
            "response_ms": np.array([c.response_ms for c in good], np.float64),
        }
        for k, name in enumerate(NAMES):
            block[name] = self.codes(name, [c.names[k] for c in good])
        kept = [c.row for c in good]
        self.add(block, None if where is None else (lambda row: where(kept[row])))

    def samples(self) -> Samples:
        """The columns of every block, each block's part let go once copied (the blocks are
        consumed): with tens of millions of samples, two copies of a column at once is the
        most memory reading takes."""

        def column(key: str, dtype: type) -> NDArray[Any]:
            parts = [part for b in self.blocks if len(part := b.pop(key))]
            if not parts:
                return np.empty(0, dtype)
            if len(parts) == 1 and parts[0].dtype == dtype:
                return parts[0]  # one block: already the column
            found: NDArray[Any] = np.concatenate(parts, dtype=dtype, casting="unsafe")
            del parts
            return found

        return Samples(
            at=column("at", np.int64),
            ok=column("ok", np.bool_),
            scope=column("scope", np.int32),
            location=column("location", np.int32),
            monitor=column("monitor", np.int32),
            response_ms=column("response_ms", np.float64),
            scopes=tuple(self.tables["scope"]),
            locations=tuple(self.tables["location"]),
            monitors=tuple(self.tables["monitor"]),
        )


@dataclass(frozen=True)
class _Checked:
    row: int  # position among the objects given
    at: bytes | None  # the instant's text, None when missing or not text
    fine: bool  # every field but `at` is right (`at` is parsed in bulk afterwards)
    ok: bool
    names: tuple[str, str, str]  # scope, location, monitor; '' when not given
    response_ms: float  # NaN when not given


def _sample(row: Any, i: int, report: Report) -> _Checked:
    """The fields of one sample object, each wrong one reported."""
    if not isinstance(row, dict):
        report(i, "", f"a sample is an object with 'at' and 'ok', got {_kind(row)}")
        return _Checked(i, None, False, False, ("", "", ""), math.nan)
    fine = True
    for key in getattr(row, "twice", ()):
        report(i, key, f"field {key!r} is given more than once")
        fine = False
    for key in row:
        if key not in SAMPLE_FIELDS:
            report(i, key, f"unknown field {key!r}; a sample has {', '.join(SAMPLE_FIELDS)}")
            fine = False
    at, ok = row.get("at"), row.get("ok")
    if not isinstance(at, str) or "\0" in at:
        report(i, "at", "missing" if at is None else f"expected an instant as text, got {at!r}")
        at = None
    if not isinstance(ok, bool):
        report(i, "ok", "missing" if ok is None else f"expected true or false, got {ok!r}")
        fine = False
    names = []
    for name in NAMES:
        value = row.get(name)
        if value is not None and not isinstance(value, str):
            report(i, name, f"expected text, got {value!r}")
            fine = False
        elif value is not None and holds_nul(value):
            report(i, name, f"a NUL character is not allowed, got {value!r}")
            fine = False
        names.append(value if isinstance(value, str) else "")
    response = row.get("response_ms")
    if response is not None and (not _number(response) or response < 0):
        report(i, "response_ms", f"expected a number of milliseconds >= 0, got {response!r}")
        fine = False
    return _Checked(
        row=i,
        at=None if at is None else at.encode("utf-8"),
        fine=fine,
        ok=ok is True,
        names=(names[0], names[1], names[2]),
        response_ms=float(response) if _number(response) else math.nan,
    )


def _number(value: Any) -> TypeGuard[float]:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false"}.get(
        type(value), "a number" if _number(value) else repr(value)
    )
