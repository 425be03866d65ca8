"""Sample files: CSV with a header row, or JSON Lines with one sample object per line.

CSV is the format for millions of samples. A file without quotes is cut into lines and
fields with NumPy, a block of about 16 MB at a time, and its instants are read in bulk
(`accord.evidence.instants`); a file with quotes goes through the `csv` module, slower
but the same rules. JSON Lines is read a block of lines at a time with `json`.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from accord.evidence.instants import parse_many
from accord.evidence.problems import Problems, locate, not_utf8, parse_json
from accord.evidence.sample_table import NAMES, SAMPLE_FIELDS, Report, SampleTable
from accord.files import FileRefused, read_bytes
from accord.problems import line_column

_BLOCK = 1 << 24  # bytes of a CSV file cut at a time
_LINES = 100_000  # JSON Lines parsed at a time
_OK = {b"true": True, b"false": False, b"1": True, b"0": False}
WIDEST = 256  # characters in one CSV field on the fast path


def read_text_samples(path: Path, table: SampleTable, problems: Problems) -> None:
    """The reference reader of CSV and JSON Lines sample files."""
    try:
        data = read_bytes(path)
    except FileRefused as error:
        problems.line(1, 1, (), str(error))
        return
    if path.suffix.lower() == ".csv":
        _read_csv(data, table, problems)
    else:
        _read_json_lines(data, table, problems)


# --- CSV -------------------------------------------------------------------------------


def _read_csv(data: bytes, table: SampleTable, problems: Problems) -> None:
    if b"\0" in data:
        problems.line(1, 1, (), "the file holds NUL characters: it is not a CSV text file")
        return
    try:
        data.decode("utf-8")  # fields are decoded one by one later, where a fault has no line
    except UnicodeDecodeError as error:
        problems.found.append(not_utf8(problems.file, error))
        return
    # Only the fast path cuts lines at '\n' alone; the csv module (for quoted files)
    # takes '\r' line ends, and a quoted field may hold one.
    lone = None if b'"' in data else _lone_carriage_return(data)
    if lone is not None:
        line, column = line_column(data[:lone].decode("utf-8"), lone)
        problems.line(
            line, column, (), "a line ends in '\\r' alone; lines end in '\\n' or '\\r\\n'"
        )
        return
    header_end = data.find(b"\n")
    header_end = len(data) if header_end < 0 else header_end
    columns = header_columns(data[:header_end].rstrip(b"\r").decode("utf-8", "replace"), problems)
    if columns is None:
        return
    if b'"' in data:
        _read_quoted_csv(data, columns, table, problems)
        return
    for first_line, block in _blocks(data, header_end + 1):
        _csv_block(block, first_line, columns, table, problems)
        if problems.full:
            return


def _lone_carriage_return(data: bytes) -> int | None:
    """The offset of the first '\\r' followed by more than '\\n' (old Mac line ends), if
    any; one that ends the file ends its last line."""
    if data.count(b"\r") == data.count(b"\r\n") + data.endswith(b"\r"):
        return None
    at = data.find(b"\r")
    while at >= 0:
        if data[at + 1 : at + 2] != b"\n" and at + 1 < len(data):
            return at
        at = data.find(b"\r", at + 2)
    return None


def header_columns(line: str, problems: Problems) -> list[str] | None:
    columns = [c.strip() for c in line.split(",")]
    for i, name in enumerate(columns):
        if name not in SAMPLE_FIELDS or name in columns[:i]:
            why = "is given twice" if name in columns[:i] else "is not a sample field"
            problems.line(
                1,
                line.find(name) + 1,
                (name,),
                f"column {name!r} {why}; the columns are {', '.join(SAMPLE_FIELDS)}",
            )
    for needed in ("at", "ok"):
        if needed not in columns:
            problems.line(1, 1, (), f"the header names no {needed!r} column")
    return None if problems.found else columns


def _blocks(data: bytes, start: int) -> Iterator[tuple[int, bytes]]:
    """(line number of its first line, whole lines) in blocks of about `_BLOCK` bytes."""
    line = 2
    while start < len(data):
        end = data.rfind(b"\n", start, start + _BLOCK) + 1 if start + _BLOCK < len(data) else 0
        end = end or len(data)
        block = data[start:end]
        yield line, block
        line += block.count(b"\n")
        start = end


def _csv_block(
    block: bytes, first_line: int, columns: list[str], table: SampleTable, problems: Problems
) -> None:
    if not block.endswith(b"\n"):
        block += b"\n"
    buf = np.frombuffer(block + b"\0" * WIDEST, np.uint8)  # room for the widest field
    marks = np.flatnonzero((buf == 10) | (buf == 44))  # commas and line ends, in order
    is_end = buf[marks] == 10
    ends = marks[is_end]
    commas = marks[~is_end]
    row_of_comma = (np.cumsum(is_end) - is_end)[~is_end]  # line ends before each comma
    starts = np.concatenate(([0], ends[:-1] + 1))
    stops = ends - ((ends > starts) & (buf[np.maximum(ends - 1, 0)] == 13))  # CRLF
    per_row = np.bincount(row_of_comma, minlength=ends.size)
    wanted = len(columns) - 1
    blank = stops == starts  # empty lines are skipped, like blank lines of JSON Lines
    fit = per_row == wanted
    for row in np.flatnonzero(~fit & ~blank)[:5].tolist():
        problems.line(
            first_line + row,
            1,
            (),
            f"expected {len(columns)} fields ({','.join(columns)}), got {per_row[row] + 1}",
        )
    keep = fit & ~blank
    cut = commas[keep[row_of_comma]].reshape(-1, wanted) if wanted else np.empty((keep.sum(), 0))
    field_start = np.column_stack((starts[keep], cut + 1)).astype(np.int64)
    field_stop = np.column_stack((cut, stops[keep])).astype(np.int64)
    line = first_line + np.flatnonzero(keep)  # the file line of each row kept
    wide = (field_stop - field_start > WIDEST).any(axis=1)
    for row in np.flatnonzero(wide)[:5].tolist():
        problems.line(int(line[row]), 1, (), f"a field longer than {WIDEST} characters")
    if wide.any():
        field_start, field_stop, line = field_start[~wide], field_stop[~wide], line[~wide]
    fields = {name: (field_start[:, k], field_stop[:, k]) for k, name in enumerate(columns)}
    first = field_start[:, 0]

    def report(row: int, name: str, message: str) -> None:
        column = int(fields[name][0][row] - first[row]) + 1
        problems.line(int(line[row]), column, (name,), message)

    table.add(
        _csv_columns(buf, fields, line.size, table, report),
        lambda row: (problems.file, int(line[row]), 1),
    )


def _csv_columns(
    buf: NDArray[np.uint8],
    fields: dict[str, tuple[Any, Any]],
    rows: int,
    table: SampleTable,
    report: Any,
) -> dict[str, NDArray[Any]]:
    at, failures = parse_many(_texts(buf, *fields["at"]))
    for row, message in failures:
        report(row, "at", message)
    ok_text = _texts(buf, *fields["ok"])
    ok = np.isin(ok_text, [b"true", b"1"])
    for row in np.flatnonzero(~ok & ~np.isin(ok_text, [b"false", b"0"]))[:5].tolist():
        report(row, "ok", f"expected true, false, 1 or 0, got {ok_text[row].decode()!r}")
    block: dict[str, NDArray[Any]] = {"at": at, "ok": ok}
    for name in NAMES:
        if name not in fields:
            block[name] = np.zeros(rows, np.int32)
            continue
        distinct, inverse = _factorize(_texts(buf, *fields[name]))
        names = [d.decode("utf-8", "replace") for d in distinct]
        block[name] = table.codes(name, names)[inverse]
    block["response_ms"] = (
        numbers_of(_texts(buf, *fields["response_ms"]), report)
        if "response_ms" in fields
        else np.full(rows, np.nan)
    )
    return block


def _texts(
    buf: NDArray[np.uint8], start: NDArray[np.int64], stop: NDArray[np.int64]
) -> NDArray[np.bytes_]:
    """The fields [start, stop) of `buf` as fixed-width byte strings (padded with NUL).

    Rows are copied out of a sliding-window view of the block (no index matrix), then
    the bytes past each field's end are cleared when widths differ.
    """
    length = stop - start
    width = int(length.max(initial=0)) or 1
    matrix = np.lib.stride_tricks.sliding_window_view(buf, width)[start]
    if (length != width).any():
        matrix[np.arange(width) >= length[:, None]] = 0
    return np.ascontiguousarray(matrix).reshape(-1).view(f"S{width}")


def _factorize(texts: NDArray[np.bytes_]) -> tuple[NDArray[np.bytes_], NDArray[np.int64]]:
    """Distinct texts in order of first appearance, and each row's index among them.

    Cheap when equal texts come together, as they do in files grouped by vantage point.
    """
    if texts.size == 0:
        return texts, np.empty(0, np.int64)
    new = np.concatenate(([True], texts[1:] != texts[:-1]))
    runs = texts[new]
    distinct, first, run_code = np.unique(runs, return_index=True, return_inverse=True)
    order = np.argsort(first)  # number them in order of first appearance
    rank = np.empty_like(order)
    rank[order] = np.arange(order.size)
    return distinct[order], rank[run_code][np.cumsum(new) - 1].astype(np.int64)


def numbers_of(texts: NDArray[np.bytes_], report: Any) -> NDArray[np.float64]:
    values = np.full(texts.size, np.nan)
    given = np.flatnonzero(texts != b"")
    try:
        parsed = texts[given].astype(np.float64)
        bad = ~np.isfinite(parsed) | (parsed < 0)
    except ValueError:
        parsed, bad = _one_by_one(texts[given])
    if given.size and (np.char.find(texts[given], b"_") >= 0).any():
        bad |= np.char.find(texts[given], b"_") >= 0  # float() reads '1_000' as 1000
    values[given] = parsed
    for row in given[bad][:5].tolist():
        report(
            row,
            "response_ms",
            f"expected a number of milliseconds >= 0, "
            f"got {texts[row].decode('utf-8', 'replace')!r}",
        )
    return values


def _one_by_one(texts: NDArray[np.bytes_]) -> tuple[NDArray[np.float64], NDArray[np.bool_]]:
    parsed = np.full(texts.size, np.nan)
    for i, text in enumerate(texts.tolist()):
        with contextlib.suppress(ValueError):
            parsed[i] = float(text)
    return parsed, ~np.isfinite(parsed) | (parsed < 0)


def _read_quoted_csv(
    data: bytes, columns: list[str], table: SampleTable, problems: Problems
) -> None:
    """The slow path for CSV with quoted fields: the csv module, then the same checks."""
    reader = csv.reader(io.StringIO(data.decode("utf-8", "replace"), newline=""))
    next(reader)
    rows: list[dict[str, Any]] = []
    lines: list[int] = []
    for record in reader:
        if not record:
            continue  # an empty line, skipped as in plain CSV
        if len(record) != len(columns):
            problems.line(
                reader.line_num, 1, (), f"expected {len(columns)} fields, got {len(record)}"
            )
            continue
        row: dict[str, Any] = dict(zip(columns, record, strict=True))
        ok = _OK.get(row["ok"].encode())
        row["ok"] = row["ok"] if ok is None else ok
        if row.get("response_ms", "") == "":
            row.pop("response_ms", None)
        else:
            with contextlib.suppress(ValueError):
                row["response_ms"] = float(row["response_ms"])
        rows.append(row)
        lines.append(reader.line_num)
    table.add_objects(
        rows,
        lambda i, name, message: problems.line(lines[i], 1, (name,), message),
        lambda i: (problems.file, lines[i], 1),
    )


# --- JSON Lines --------------------------------------------------------------------------


def _read_json_lines(data: bytes, table: SampleTable, problems: Problems) -> None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        problems.found.append(not_utf8(problems.file, error))
        return
    lines = text.split("\n")
    for begin in range(0, len(lines), _LINES):
        chunk = lines[begin : begin + _LINES]
        numbers = [begin + i + 1 for i, line in enumerate(chunk) if line.strip()]
        kept = [chunk[n - begin - 1] for n in numbers]
        try:
            rows = parse_json("[" + ",".join(kept) + "]")
        except (json.JSONDecodeError, RecursionError):
            _syntax_errors(kept, numbers, problems)
            return
        table.add_objects(
            rows,
            _line_reporter(kept, numbers, problems),
            lambda i, numbers=numbers: (problems.file, numbers[i], 1),  # type: ignore[misc]
        )
        if problems.full:
            return


def _line_reporter(kept: list[str], numbers: list[int], problems: Problems) -> Report:
    def report(i: int, name: str, message: str) -> None:
        path = (name,) if name else ()
        _, column = locate(kept[i], path)
        problems.line(numbers[i], column, path, message)

    return report


def _syntax_errors(kept: list[str], numbers: list[int], problems: Problems) -> None:
    for line, number in zip(kept, numbers, strict=True):
        try:
            parse_json(line)
        except json.JSONDecodeError as error:
            problems.line(number, error.colno, (), f"not valid JSON: {error.msg}")
        except RecursionError:
            problems.line(number, 1, (), "not valid JSON for a sample: nested too deeply")
