"""Sample files read through Arrow: big CSV at the speed of the engine, Parquet, Arrow IPC.

CSV: pyarrow cuts and converts the file on every core. This path only ever gives what the
reference reader (`accord.evidence.sample_files`) gives: a file it cannot be sure to read
the same way (quotes, a carriage return, an instant of another shape, a field that does
not convert, text that is not UTF-8, a NUL) makes `read_csv` return False, and the
reference reader then reads the file and says what is wrong where.

Parquet and Arrow IPC (`.arrow`, `.feather`, `.ipc`) carry types: `at` a timestamp with a
time zone (any unit, fractions of a second dropped) or text as in CSV, `ok` a boolean,
`scope`, `location` and `monitor` text (null: not given), `response_ms` a number (null:
not measured). A problem is reported at its row: `file:ROW:1: field: message`, ROW
counting the first row as 1.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
from numpy.typing import NDArray

from accord.domain.evidence import Samples
from accord.evidence.instants import parse_many
from accord.evidence.problems import Problems
from accord.evidence.sample_files import WIDEST, header_columns, numbers_of
from accord.evidence.sample_table import NAMES, SAMPLE_FIELDS, Report, SampleTable

_BLOCK = 1 << 24  # bytes of CSV each thread converts at a time
_HEAD = 1 << 16  # bytes read to find the header line
_UTC = pa.timestamp("s", "UTC")


class _Doubt(Exception):
    """The fast path cannot promise the reference reader's result: hand the file back."""


# --- CSV -------------------------------------------------------------------------------


def read_csv(path: Path, table: SampleTable) -> bool:
    """Add the samples of a CSV file to `table` and return True, or leave `table` as it
    was and return False when the reference reader must read the file."""
    found = _csv_header(path)
    if found is None or _has_carriage_return(path):
        return False
    columns, header_bytes = found
    if path.stat().st_size <= header_bytes:
        return True  # a header and no sample
    text = pa.string()
    types = {name: pa.dictionary(pa.int32(), text) for name in NAMES}
    types |= {"at": text, "ok": pa.bool_(), "response_ms": text}
    try:
        arrow = pa_csv.read_csv(
            path,
            read_options=pa_csv.ReadOptions(column_names=columns, skip_rows=1, block_size=_BLOCK),
            parse_options=pa_csv.ParseOptions(quote_char=False, newlines_in_values=False),
            convert_options=pa_csv.ConvertOptions(
                column_types={name: types[name] for name in columns},
                true_values=["true", "1"],
                false_values=["false", "0"],
                null_values=[],
                strings_can_be_null=False,
            ),
        )
    except (pa.ArrowException, OSError):
        return False
    if any(_quoted(arrow.column(name)) for name in NAMES if name in columns):
        return False  # the reference reader takes quotes away, Arrow here does not
    saved = table.checkpoint()
    try:
        table.add(_columns(arrow, table, _doubt))
    except _Doubt:
        table.rollback(saved)
        return False
    return True


def _csv_header(path: Path) -> tuple[list[str], int] | None:
    """The column names and the header's length with its line end, when the header is one
    the fast path reads as the reference reader does."""
    with path.open("rb") as file:
        head = file.read(_HEAD)
    end = head.find(b"\n")
    end = len(head) if end < 0 and len(head) < _HEAD else end  # a header alone
    if end < 0 or b'"' in head[:end] or b"\0" in head:
        return None
    try:
        line = head[:end].decode("utf-8")
    except UnicodeDecodeError:
        return None
    columns = header_columns(line, Problems(str(path)))
    return None if columns is None else (columns, end + 1)


def _has_carriage_return(path: Path) -> bool:
    """Arrow ends a line at a lone carriage return, the reference reader does not."""
    with path.open("rb") as file:
        return any(b"\r" in chunk for chunk in iter(lambda: file.read(_BLOCK), b""))


def _quoted(column: pa.ChunkedArray) -> bool:
    return any(pc.any(pc.match_substring(c.dictionary, '"')).as_py() for c in column.chunks)


def _doubt(row: int, name: str, message: str) -> None:
    raise _Doubt(message)


def _batches(arrow: pa.Table) -> Iterator[pa.RecordBatch]:
    """The table's batches, each let go once converted (the table itself is not kept)."""
    batches = arrow.to_batches()
    del arrow
    batches.reverse()
    while batches:
        yield batches.pop()


# --- Parquet and Arrow IPC -------------------------------------------------------------


def read_columnar(path: Path, table: SampleTable, problems: Problems) -> None:
    """Add the samples of a Parquet or Arrow IPC file to `table`, reporting what is wrong."""
    try:
        arrow = _read_table(path)
    except (pa.ArrowException, OSError, ValueError) as error:
        kind = "Parquet" if path.suffix.lower() == ".parquet" else "an Arrow IPC file"
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        problems.line(1, 1, (), f"cannot read as {kind}: {first}")
        return
    if not _schema_fine(arrow.schema, problems):
        return

    def report(row: int, name: str, message: str) -> None:
        problems.line(row + 1, 1, (name,), message)

    block = _columns(arrow, table, report)
    if not problems.found:
        table.add(block)


def _read_table(path: Path) -> pa.Table:
    if path.suffix.lower() == ".parquet":
        import pyarrow.parquet as pq  # only when a Parquet file is read

        return pq.read_table(path, read_dictionary=list(NAMES))
    with pa.memory_map(str(path)) as source:
        try:
            return pa.ipc.open_file(source).read_all()
        except pa.ArrowInvalid:
            source.seek(0)
            return pa.ipc.open_stream(source).read_all()


def _schema_fine(schema: pa.Schema, problems: Problems) -> bool:
    for name in schema.names:
        if name not in SAMPLE_FIELDS or schema.names.count(name) > 1:
            why = "is given twice" if name in SAMPLE_FIELDS else "is not a sample field"
            problems.line(1, 1, (name,), f"column {name!r} {why}; the columns are "
                          f"{', '.join(SAMPLE_FIELDS)}")  # fmt: skip
    for needed in ("at", "ok"):
        if needed not in schema.names:
            problems.line(1, 1, (), f"the file has no {needed!r} column")
    expected = {
        "at": (_is_instant, "a timestamp with a time zone, or text"),
        "ok": (pa.types.is_boolean, "booleans"),
        "response_ms": (_is_number, "numbers"),
    } | {name: (_is_text, "text") for name in NAMES}
    for field in schema:
        test, words = expected.get(field.name, (None, ""))
        if test is not None and not test(field.type):
            detail = " without a time zone" if pa.types.is_timestamp(field.type) else ""
            problems.line(1, 1, (field.name,), f"expected {words}, got {field.type}{detail}")
    return not problems.found


def _is_instant(kind: pa.DataType) -> bool:
    return (pa.types.is_timestamp(kind) and kind.tz is not None) or _is_text(kind)


def _is_number(kind: pa.DataType) -> bool:
    return bool(pa.types.is_integer(kind) or pa.types.is_floating(kind))


def _is_text(kind: pa.DataType) -> bool:
    if pa.types.is_dictionary(kind):
        kind = kind.value_type
    return bool(pa.types.is_string(kind) or pa.types.is_large_string(kind))


# --- one batch to the columns of `SampleTable` ------------------------------------------


def _columns(arrow: pa.Table, table: SampleTable, report: Report) -> dict[str, NDArray[Any]]:
    """The table's columns as `SampleTable.add` takes them, converted a batch at a time
    into arrays made once (no concatenation), each batch let go once converted."""
    rows = arrow.num_rows
    block: dict[str, NDArray[Any]] = {
        "at": np.empty(rows, np.int64),
        "ok": np.empty(rows, np.bool_),
        **{name: np.zeros(rows, np.int32) for name in NAMES},
        "response_ms": np.full(rows, np.nan),
    }
    done = 0
    for batch in _batches(arrow):
        columns = dict(zip(batch.schema.names, batch.columns, strict=True))
        part = slice(done, done + batch.num_rows)

        def here(row: int, name: str, message: str, first: int = done) -> None:
            report(first + row, name, message)

        block["at"][part] = _at(columns["at"], here)
        block["ok"][part] = _ok(columns["ok"], here)
        for name in NAMES:
            if name in columns:
                block[name][part] = _codes(columns[name], name, table, here)
        if "response_ms" in columns:
            block["response_ms"][part] = _response(columns["response_ms"], here)
        done += batch.num_rows
    return block


def _at(column: pa.Array, report: Report) -> NDArray[np.int64]:
    _no_nulls(column, "at", report)
    if pa.types.is_timestamp(column.type):
        unit = {"s": 1, "ms": 1_000, "us": 1_000_000, "ns": 1_000_000_000}[column.type.unit]
        seconds = np.asarray(column.cast(pa.int64()).to_numpy(zero_copy_only=False), np.int64)
        return seconds // unit if unit > 1 else seconds  # whole seconds, fractions dropped
    if pa.types.is_dictionary(column.type):
        column = column.cast(column.type.value_type)
    if pa.types.is_large_string(column.type):
        column = column.cast(pa.string())
    fast = _common_shape(column)
    if fast is not None:
        return fast
    _no_nul(column, "at", report)
    seconds, failures = parse_many(_fixed_width(column))
    for row, message in failures[:5]:
        report(row, "at", message)
    return seconds


def _common_shape(column: pa.Array) -> NDArray[np.int64] | None:
    """Instants all written `YYYY-MM-DDThh:mm:ssZ` (or with ` `, or `+hh:mm`), converted by
    Arrow; None for any other shape, left to `parse_many`. The checks here keep Arrow to
    the texts `parse_instant` accepts: Arrow itself checks digits and calendar dates."""
    rows = len(column)
    offsets, data = _buffers(column)
    if rows == 0:
        return np.empty(0, np.int64)
    width = int(offsets[1] - offsets[0])
    if width not in (20, 25) or int(offsets[-1] - offsets[0]) != rows * width:
        return None
    if (np.diff(offsets) != width).any():
        return None
    m = data[offsets[0] : offsets[-1]].reshape(rows, width)
    fine = (m[:, 4] == 45) & (m[:, 7] == 45) & (m[:, 13] == 58) & (m[:, 16] == 58)
    fine &= (m[:, 10] == 84) | (m[:, 10] == 32)  # 'T' or ' '
    fine &= (m[:, 0] >= 49) & (m[:, 0] <= 56)  # years 1000 to 8999: no edge of the calendar
    fine &= (m[:, 14] <= 53) & (m[:, 17] <= 53)  # minutes and seconds below 60
    if width == 20:
        fine &= m[:, 19] == 90  # 'Z'
    else:
        fine &= ((m[:, 19] == 43) | (m[:, 19] == 45)) & (m[:, 22] == 58)
        hours = (m[:, 20].astype(np.int16) - 48) * 10 + m[:, 21] - 48
        fine &= (hours >= 0) & (hours <= 23) & (m[:, 23] >= 48) & (m[:, 23] <= 53)
    if not fine.all():
        return None
    try:
        stamps = pc.cast(column, _UTC)
    except pa.ArrowInvalid:
        return None
    return np.asarray(stamps.cast(pa.int64()).to_numpy(zero_copy_only=False), np.int64)


def _ok(column: pa.Array, report: Report) -> NDArray[np.bool_]:
    _no_nulls(column, "ok", report)
    return np.asarray(column.to_numpy(zero_copy_only=False), np.bool_)


def _codes(column: pa.Array, name: str, table: SampleTable, report: Report) -> NDArray[np.int32]:
    """Shared codes of a text column; null is '' (not given), as in JSON."""
    if not pa.types.is_dictionary(column.type):
        column = column.dictionary_encode()
    names = column.dictionary.to_pylist()
    for text in names:
        if text is not None and ("\0" in text or len(text.encode()) > WIDEST):
            report(0, name, f"a name longer than {WIDEST} bytes or holding NUL: {text[:40]!r}")
    codes = table.codes(name, [text or "" for text in names])
    indices = column.indices.fill_null(len(names)) if column.null_count else column.indices
    lookup = np.append(codes, np.int32(0))  # the last: a null row, not given
    found: NDArray[np.int32] = lookup[indices.to_numpy(zero_copy_only=False)]
    return found


def _response(column: pa.Array, report: Report) -> NDArray[np.float64]:
    if _is_text(column.type):
        if pa.types.is_dictionary(column.type):
            column = column.cast(column.type.value_type)
        if pa.types.is_large_string(column.type):
            column = column.cast(pa.string())
        _no_nul(column, "response_ms", report)
        if len(column) and pc.max(pc.binary_length(column)).as_py() > WIDEST:
            report(0, "response_ms", f"a field longer than {WIDEST} characters")
        return numbers_of(_fixed_width(column), report)
    values = np.asarray(column.cast(pa.float64()).to_numpy(zero_copy_only=False), np.float64)
    bad = ~np.isnan(values) & (~np.isfinite(values) | (values < 0))
    for row in np.flatnonzero(bad)[:5].tolist():
        report(row, "response_ms", f"expected a number of milliseconds >= 0, got {values[row]}")
    return values


def _no_nulls(column: pa.Array, name: str, report: Report) -> None:
    if column.null_count:
        nulls = np.flatnonzero(column.is_null().to_numpy(zero_copy_only=False))
        for row in nulls[:5].tolist():
            report(row, name, "missing")


def _no_nul(column: pa.Array, name: str, report: Report) -> None:
    if len(column) and pc.any(pc.match_substring(column, "\0")).as_py():
        report(0, name, "a NUL character in the text")


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


def _fixed_width(column: pa.Array) -> NDArray[np.bytes_]:
    """The texts of a string array as NumPy fixed-width bytes (as the reference reader has)."""
    offsets, data = _buffers(column)
    lengths = np.diff(offsets)
    width = max(int(lengths.max(initial=0)), 1)
    out = np.zeros((len(column), width), np.uint8)
    inside = np.arange(width) < lengths[:, None]
    out[inside] = data[offsets[0] : offsets[-1]]
    return out.reshape(-1).view(f"S{width}")


# --- writing ---------------------------------------------------------------------------


def write_columnar(samples: Samples, path: Path) -> None:
    """Write samples as a Parquet file (`.parquet`) or an Arrow IPC file (the others).

    `at` is a UTC timestamp in seconds; scope, location and monitor are dictionary-coded
    text, null where not given, and left out when no sample gives them; response_ms is
    left out when no sample has one.
    """
    columns: dict[str, pa.Array] = {
        "at": pa.array(samples.at.view("datetime64[s]"), _UTC),
        "ok": pa.array(samples.ok, pa.bool_()),
    }
    for name, names, codes in (
        ("scope", samples.scopes, samples.scope),
        ("location", samples.locations, samples.location),
        ("monitor", samples.monitors, samples.monitor),
    ):
        if codes.size and codes.any():
            indices = pa.array(codes, pa.int32(), mask=codes == 0)
            columns[name] = pa.DictionaryArray.from_arrays(indices, pa.array(names, pa.string()))
    if (~np.isnan(samples.response_ms)).any():
        ms = samples.response_ms
        columns["response_ms"] = pa.array(ms, pa.float64(), mask=np.isnan(ms))
    arrow = pa.table(columns)
    if path.suffix.lower() == ".parquet":
        import pyarrow.parquet as pq

        pq.write_table(arrow, path)
        return
    with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, arrow.schema) as writer:
        writer.write_table(arrow)
