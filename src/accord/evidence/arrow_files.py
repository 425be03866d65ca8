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

import mmap
import os
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
_SLICE = 1 << 26  # bytes of CSV read at a time: what the Arrow form of a slice holds
_HEAD = 1 << 16  # bytes read to find the header line
_UTC = pa.timestamp("s", "UTC")


class _Doubt(Exception):
    """The fast path cannot promise the reference reader's result: hand the file back."""


# --- CSV -------------------------------------------------------------------------------


def read_csv(path: Path, table: SampleTable) -> bool:
    """Add the samples of a CSV file to `table` and return True, or leave `table` as it
    was and return False when the reference reader must read the file."""
    found = _csv_header(path)
    if found is None:
        return False
    columns, header_bytes = found
    with path.open("rb") as file:
        size = os.fstat(file.fileno()).st_size
        if size <= header_bytes:
            return True  # a header and no sample
        mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    saved = table.checkpoint()
    # Every accepted row has at least 20 bytes ('YYYY-MM-DDThh:mmZ,1' and its line end).
    capacity = (size - header_bytes) // 20 + 1
    try:
        table.add(_columns(_csv_batches(mapped, header_bytes, columns), capacity, table, _doubt))
    except (_Doubt, pa.ArrowException):
        table.rollback(saved)
        return False
    return True


def _csv_batches(mapped: mmap.mmap, start: int, columns: list[str]) -> Iterator[pa.RecordBatch]:
    """The file's rows in batches, read a slice of whole lines at a time with every core,
    straight from the page cache; only one slice is held at once."""
    text = pa.string()
    types = {name: pa.dictionary(pa.int32(), text) for name in NAMES}
    types |= {"at": text, "ok": pa.bool_(), "response_ms": text}
    read = pa_csv.ReadOptions(column_names=columns, block_size=_BLOCK)
    parse = pa_csv.ParseOptions(quote_char=False, newlines_in_values=False)
    convert = pa_csv.ConvertOptions(
        column_types={name: types[name] for name in columns},
        true_values=["true", "1"],
        false_values=["false", "0"],
        null_values=[],
        strings_can_be_null=False,
    )
    size = len(mapped)
    while start < size:
        end = size if start + _SLICE >= size else mapped.find(b"\n", start + _SLICE) + 1
        end = end or size
        if mapped.find(b"\r", start, end) >= 0:
            raise _Doubt("a carriage return")  # Arrow ends a line there, the reference not
        # The map is not closed here: it goes when the last buffer over it goes.
        arrow = pa_csv.read_csv(
            pa.BufferReader(pa.py_buffer(memoryview(mapped)[start:end])),
            read_options=read,
            parse_options=parse,
            convert_options=convert,
        )
        # Pages of the file read are let go: the page cache keeps them, the process not.
        mapped.madvise(mmap.MADV_DONTNEED, start - start % mmap.PAGESIZE, end - start)
        for name in NAMES:
            if name in columns and _quoted(arrow.column(name)):
                raise _Doubt("quotes")  # the reference reader takes them away, Arrow here not
        yield from _batches(arrow)
        start = end


def _csv_header(path: Path) -> tuple[list[str], int] | None:
    """The column names and the header's length with its line end, when the header is one
    the fast path reads as the reference reader does."""
    with path.open("rb") as file:
        head = file.read(_HEAD)
    end = head.find(b"\n")
    end = len(head) if end < 0 and len(head) < _HEAD else end  # a header alone
    if end < 0 or b'"' in head[:end] or b"\0" in head:
        return None
    # Only a '\r' just before the header's '\n' is a plain line end; any other is the
    # reference reader's to judge (it refuses lines ending in '\r' alone).
    if b"\r" in (head[: end - 1] if head[end - 1 : end + 1] == b"\r\n" else head[:end]):
        return None
    try:
        line = head[:end].decode("utf-8")
    except UnicodeDecodeError:
        return None
    columns = header_columns(line, Problems(str(path)))
    return None if columns is None else (columns, end + 1)


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
        schema, rows, batches = _open_columnar(path)
    except (pa.ArrowException, OSError, ValueError) as error:
        kind = "Parquet" if path.suffix.lower() == ".parquet" else "an Arrow IPC file"
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        problems.line(1, 1, (), f"cannot read as {kind}: {first}")
        return
    if not _schema_fine(schema, problems):
        return

    def report(row: int, name: str, message: str) -> None:
        problems.line(row + 1, 1, (name,), message)

    block = _columns(batches, rows, table, report)
    if not problems.found:
        table.add(block)


def _open_columnar(path: Path) -> tuple[pa.Schema, int, Iterator[pa.RecordBatch]]:
    """The schema, the number of rows and the batches (read as they are taken)."""
    if path.suffix.lower() == ".parquet":
        import pyarrow.parquet as pq  # only when a Parquet file is read

        names = pq.read_schema(path).names
        parquet = pq.ParquetFile(path, read_dictionary=[n for n in NAMES if n in names])
        schema = parquet.schema_arrow
        return schema, parquet.metadata.num_rows, parquet.iter_batches(batch_size=1 << 20)
    source = pa.memory_map(str(path))
    try:
        reader = pa.ipc.open_file(source)
        batches = [reader.get_batch(i) for i in range(reader.num_record_batches)]
    except pa.ArrowInvalid:
        source.seek(0)
        batches = pa.ipc.open_stream(source).read_all().to_batches()
    schema = batches[0].schema if batches else reader.schema
    return schema, sum(b.num_rows for b in batches), iter(batches)


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


def _columns(
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
                block[name][part] = _codes(columns[name], name, table, here)
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
