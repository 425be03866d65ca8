"""Arrow record batches into the NumPy columns of `SampleTable`, for every Arrow reader.

The arrays are read from Arrow's own buffers: `Array.to_numpy` and `pa.array` go through
pyarrow's pandas bridge, which imports pandas (over a second) wherever it is installed.
Names are coded run by run: a file grouped by vantage point has a handful of runs per
million rows, and only the runs' names are looked up.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from numpy.typing import NDArray

from accord.evidence.instants import parse_many
from accord.evidence.sample_files import WIDEST, numbers_of
from accord.evidence.sample_table import NAMES, Report, SampleTable

UTC_SECONDS = pa.timestamp("s", "UTC")
# Instants the fast shape check hands to Arrow: UTC seconds from 1000-01-02 to 8999-12-30,
# so that the local year of any offset lies where the reference reader reads it alike.
_EARLIEST, _LATEST = (
    int(datetime(*day, tzinfo=UTC).timestamp()) for day in ((1000, 1, 2), (8999, 12, 30))
)
_FEW_RUNS = 1_000  # runs of a name in a batch written one by one, not repeated
# Bytes 13, 16 and 19 of an instant ('hh:mm:ssZ'), read from byte 12 as a little-endian
# number: ':' (58) at 1 and 4, 'Z' (90), '+' (43) or '-' (45) at 7.
_SEPARATORS_MASK = np.uint64(0xFF << 56 | 0xFF << 32 | 0xFF << 8)
_SEPARATORS_Z, _SEPARATORS_PLUS, _SEPARATORS_MINUS = (
    np.uint64(last << 56 | 58 << 32 | 58 << 8) for last in (90, 43, 45)
)


def columns_of(
    batches: Iterator[pa.RecordBatch], capacity: int, table: SampleTable, report: Report
) -> dict[str, NDArray[Any]]:
    """The batches' columns as `SampleTable.add` takes them, each converted into arrays
    made once for `capacity` rows (no concatenation), each batch let go once converted.
    Memory the rows do not reach is never touched."""
    block: dict[str, NDArray[Any]] = {
        "at": np.empty(capacity, np.int64),
        "ok": np.empty(capacity, np.bool_),
        **{name: np.zeros(capacity, np.int32) for name in NAMES},
    }
    response: NDArray[np.float64] | None = None
    done = 0
    for batch in batches:
        columns = dict(zip(batch.schema.names, batch.columns, strict=True))
        rows = batch.num_rows
        if done + rows > len(block["at"]):
            block = {key: _grown(column, done + rows) for key, column in block.items()}
            response = None if response is None else _grown(response, done + rows, np.nan)
        part = slice(done, done + rows)

        def here(row: int, name: str, message: str, first: int = done) -> None:
            report(first + row, name, message)

        block["at"][part] = _at(columns["at"], here)
        block["ok"][part] = _ok(columns["ok"], here)
        for name in NAMES:
            if name in columns:
                _codes(block[name][part], columns[name], name, table, here)
        if "response_ms" in columns:
            if response is None:
                response = np.full(len(block["at"]), np.nan)
            response[part] = _response(columns["response_ms"], here)
        done += rows
        del batch, columns
    found = {key: column[:done] for key, column in block.items()}
    # No column of response times: one NaN stands for all (read-only, no memory).
    nothing = np.broadcast_to(np.float64(np.nan), (done,))
    found["response_ms"] = nothing if response is None else response[:done]
    return found


def _grown(column: NDArray[Any], rows: int, fill: float = 0) -> NDArray[Any]:
    """A column with room for at least `rows` (only when the estimate fell short)."""
    grown = np.full(max(rows, 2 * len(column)), fill, column.dtype)
    grown[: len(column)] = column
    return grown


# --- instants ---------------------------------------------------------------------------


def _at(column: pa.Array, report: Report) -> NDArray[np.int64]:
    _no_nulls(column, "at", report)
    if pa.types.is_timestamp(column.type):
        unit = {"s": 1, "ms": 1_000, "us": 1_000_000, "ns": 1_000_000_000}[column.type.unit]
        seconds = fixed_width(column.cast(pa.int64()), np.int64)
        return seconds // unit if unit > 1 else seconds  # whole seconds, fractions dropped
    column = plain_text(column)
    fast = _common_shape(column)
    if fast is not None:
        return fast
    _no_nul(column, "at", report)
    seconds, failures = parse_many(texts(column))
    for row, message in failures[:5]:
        report(row, "at", message)
    return seconds


def _common_shape(column: pa.Array) -> NDArray[np.int64] | None:
    """Instants all written `YYYY-MM-DDThh:mm:ssZ` (or with ` `, or `+hh:mm`), converted by
    Arrow; None for any other shape, left to `parse_many`.

    Arrow's ISO 8601 parser reads fields by position and checks digits, calendar dates,
    hours, minutes, seconds and offsets; what it takes beside the reference reader's forms
    (an hour alone, `hhmm`, an offset `+hh`, a fraction, years 0000 and 9999) is told apart
    by the length, the separators after the hour and the minute, and the years kept to
    `_EARLIEST`..`_LATEST` (`tests/evidence/test_big_csv_reads_alike_through_arrow.py`).
    """
    rows = len(column)
    offsets, data = _buffers(column)
    if rows == 0:
        return np.empty(0, np.int64)
    width = int(offsets[1] - offsets[0])
    if width not in (20, 25) or int(offsets[-1] - offsets[0]) != rows * width:
        return None
    if (np.diff(offsets) != width).any():
        return None
    # The 8 bytes from the hour's second digit, as one number a row: ':' at 1 and 4, and
    # 'Z' at 7 (or '+'/'-' at 7 and ':' at 10 for an offset), one test for all.
    tail = np.ndarray((rows,), "<u8", data, int(offsets[0]) + 12, (width,))
    if width == 20:
        fine = (tail & _SEPARATORS_MASK) == _SEPARATORS_Z
    else:
        fine = ((tail & _SEPARATORS_MASK) == _SEPARATORS_PLUS) | (
            (tail & _SEPARATORS_MASK) == _SEPARATORS_MINUS
        )
        fine &= data[int(offsets[0]) + 22 : int(offsets[-1]) : width] == 58  # '+hh:mm'
    if not fine.all():
        return None
    try:
        stamps = pc.cast(column, UTC_SECONDS)
    except pa.ArrowInvalid:
        return None
    seconds = fixed_width(stamps, np.int64)  # a timestamp's buffer holds its seconds
    if int(seconds.min()) < _EARLIEST or int(seconds.max()) > _LATEST:
        return None
    return seconds


# --- the other columns -----------------------------------------------------------------


def _ok(column: pa.Array, report: Report) -> NDArray[np.bool_]:
    _no_nulls(column, "ok", report)
    return bits(column)


def _codes(
    out: NDArray[np.int32], column: pa.Array, name: str, table: SampleTable, report: Report
) -> None:
    """Write into `out` the shared codes of a text column; null is '' (not given), as in
    JSON."""
    if pa.types.is_dictionary(column.type):
        out[:] = _dictionary_codes(column, name, table, report)
        return
    runs = pc.run_end_encode(column)  # rows of one vantage point come in long runs
    ends = fixed_width(runs.run_ends, np.int32)
    coded = _dictionary_codes(pc.dictionary_encode(runs.values), name, table, report)
    if len(ends) > _FEW_RUNS:
        out[:] = np.repeat(coded, np.diff(ends, prepend=np.int32(0)))
        return
    start = 0
    for end, code in zip(ends.tolist(), coded.tolist(), strict=True):
        out[start:end] = code
        start = end


def _dictionary_codes(
    column: pa.Array, name: str, table: SampleTable, report: Report
) -> NDArray[np.int32]:
    names = column.dictionary.to_pylist()
    for text in names:
        if text is not None and ("\0" in text or len(text.encode()) > WIDEST):
            report(0, name, f"a name longer than {WIDEST} bytes or holding NUL: {text[:40]!r}")
    codes = table.codes(name, [text or "" for text in names])
    indices = column.indices.fill_null(len(names)) if column.null_count else column.indices
    lookup = np.append(codes, np.int32(0))  # the last: a null row, not given
    indices = indices if indices.type == pa.int32() else indices.cast(pa.int32())
    found: NDArray[np.int32] = lookup[fixed_width(indices, np.int32)]
    return found


def _response(column: pa.Array, report: Report) -> NDArray[np.float64]:
    if is_text(column.type):
        column = plain_text(column)
        _no_nul(column, "response_ms", report)
        if len(column) and pc.max(pc.binary_length(column)).as_py() > WIDEST:
            report(0, "response_ms", f"a field longer than {WIDEST} characters")
        return numbers_of(texts(column), report)
    values = fixed_width(column.cast(pa.float64()).fill_null(np.nan), np.float64)
    bad = ~np.isnan(values) & (~np.isfinite(values) | (values < 0))
    for row in np.flatnonzero(bad)[:5].tolist():
        report(row, "response_ms", f"expected a number of milliseconds >= 0, got {values[row]}")
    return values


def _no_nulls(column: pa.Array, name: str, report: Report) -> None:
    if column.null_count:
        for row in np.flatnonzero(bits(column.is_null()))[:5].tolist():
            report(row, name, "missing")


def _no_nul(column: pa.Array, name: str, report: Report) -> None:
    if len(column) and pc.any(pc.match_substring(column, "\0")).as_py():
        report(0, name, "a NUL character in the text")


def is_text(kind: pa.DataType) -> bool:
    if pa.types.is_dictionary(kind):
        kind = kind.value_type
    return bool(pa.types.is_string(kind) or pa.types.is_large_string(kind))


# --- Arrow buffers as NumPy ------------------------------------------------------------


def plain_text(column: pa.Array) -> pa.Array:
    """A text column as a plain string array (not a dictionary, 32-bit offsets)."""
    if pa.types.is_dictionary(column.type):
        column = column.cast(column.type.value_type)
    if pa.types.is_large_string(column.type):
        column = column.cast(pa.string())
    return column


def fixed_width(column: pa.Array, dtype: type) -> NDArray[Any]:
    """The values of a numeric array without nulls, read from its buffer (no copy)."""
    data = column.buffers()[1]
    if data is None:
        return np.empty(0, dtype)
    values: NDArray[Any] = np.frombuffer(data, dtype)
    return values[column.offset : column.offset + len(column)]


def bits(column: pa.Array) -> NDArray[np.bool_]:
    """The values of a boolean array without nulls."""
    data = column.buffers()[1]
    if data is None or len(column) == 0:
        return np.zeros(len(column), np.bool_)
    packed = np.frombuffer(data, np.uint8)
    unpacked = np.unpackbits(packed, count=column.offset + len(column), bitorder="little")
    found: NDArray[np.bool_] = unpacked[column.offset :].view(np.bool_)
    return found


def _buffers(column: pa.Array) -> tuple[NDArray[np.int32], NDArray[np.uint8]]:
    """The offsets (one more than rows) and the bytes of a string array."""
    _, offset_buffer, data_buffer = column.buffers()
    offsets = np.frombuffer(offset_buffer, np.int32)[
        column.offset : column.offset + len(column) + 1
    ]
    data = (
        np.frombuffer(data_buffer, np.uint8) if data_buffer is not None else np.empty(0, np.uint8)
    )
    return offsets, data


def texts(column: pa.Array) -> NDArray[np.bytes_]:
    """The texts of a string array as NumPy fixed-width bytes (as the reference reader has)."""
    offsets, data = _buffers(column)
    lengths = np.diff(offsets)
    width = max(int(lengths.max(initial=0)), 1)
    out = np.zeros((len(column), width), np.uint8)
    inside = np.arange(width) < lengths[:, None]
    out[inside] = data[offsets[0] : offsets[-1]]
    return out.reshape(-1).view(f"S{width}")
