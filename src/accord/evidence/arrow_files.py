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
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pa_csv

from accord.domain.evidence import Samples
from accord.evidence.arrow_columns import UTC_SECONDS, columns_of, is_text
from accord.evidence.problems import Problems
from accord.evidence.sample_files import header_columns
from accord.evidence.sample_table import NAMES, SAMPLE_FIELDS, SampleTable

_BLOCK = 1 << 24  # bytes of CSV each thread converts at a time
_SLICE = 1 << 26  # bytes of CSV read at a time: what the Arrow form of a slice holds
_HEAD = 1 << 16  # bytes read to find the header line


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
        block = columns_of(_csv_batches(mapped, header_bytes, columns), capacity, table, _doubt)
        # The reference reader takes quotes away (the csv module); Arrow here keeps them.
        if any('"' in name for names in table.tables.values() for name in names):
            raise _Doubt("quotes")
    except (_Doubt, pa.ArrowException):
        table.rollback(saved)
        return False
    table.add(block)
    return True


def _csv_batches(mapped: mmap.mmap, start: int, columns: list[str]) -> Iterator[pa.RecordBatch]:
    """The file's rows in batches, read a slice of whole lines at a time with every core,
    straight from the page cache. Arrow cuts the next slice while the caller converts
    this one, so at most two slices are held at once."""
    slices = _slices(mapped, start)
    with ThreadPoolExecutor(1, thread_name_prefix="accord-csv") as ahead:
        pending = ahead.submit(_csv_slice, mapped, next(slices), columns)
        for later in [*slices, None]:
            arrow = pending.result()
            if later is not None:
                pending = ahead.submit(_csv_slice, mapped, later, columns)
            yield from _batches(arrow)
            del arrow


def _slices(mapped: mmap.mmap, start: int) -> Iterator[tuple[int, int]]:
    """(start, end) of slices of about `_SLICE` bytes of whole lines."""
    size = len(mapped)
    while start < size:
        end = size if start + _SLICE >= size else mapped.find(b"\n", start + _SLICE) + 1
        end = end or size
        yield start, end
        start = end


def _csv_slice(mapped: mmap.mmap, where: tuple[int, int], columns: list[str]) -> pa.Table:
    """One slice of lines as an Arrow table: instants and names as text, `ok` as booleans."""
    start, end = where
    if mapped.find(b"\r", start, end) >= 0:
        raise _Doubt("a carriage return")  # Arrow ends a line there, the reference not
    types = {name: pa.string() for name in (*NAMES, "at", "response_ms")} | {"ok": pa.bool_()}
    # The map is not closed here: it goes when the last buffer over it goes.
    arrow = pa_csv.read_csv(
        pa.BufferReader(pa.py_buffer(memoryview(mapped)[start:end])),
        read_options=pa_csv.ReadOptions(column_names=columns, block_size=_BLOCK),
        parse_options=pa_csv.ParseOptions(quote_char=False, newlines_in_values=False),
        convert_options=pa_csv.ConvertOptions(
            column_types={name: types[name] for name in columns},
            true_values=["true", "1"],
            false_values=["false", "0"],
            null_values=[],
            strings_can_be_null=False,
        ),
    )
    # Pages of the file read are let go: the page cache keeps them, the process not.
    mapped.madvise(mmap.MADV_DONTNEED, start - start % mmap.PAGESIZE, end - start)
    return arrow


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

    block = columns_of(batches, rows, table, report)
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
    } | {name: (is_text, "text") for name in NAMES}
    for field in schema:
        test, words = expected.get(field.name, (None, ""))
        if test is not None and not test(field.type):
            detail = " without a time zone" if pa.types.is_timestamp(field.type) else ""
            problems.line(1, 1, (field.name,), f"expected {words}, got {field.type}{detail}")
    return not problems.found


def _is_instant(kind: pa.DataType) -> bool:
    return (pa.types.is_timestamp(kind) and kind.tz is not None) or is_text(kind)


def _is_number(kind: pa.DataType) -> bool:
    return bool(pa.types.is_integer(kind) or pa.types.is_floating(kind))


# --- writing ---------------------------------------------------------------------------


def write_columnar(samples: Samples, path: Path) -> None:
    """Write samples as a Parquet file (`.parquet`) or an Arrow IPC file (the others).

    `at` is a UTC timestamp in seconds; scope, location and monitor are dictionary-coded
    text, null where not given, and left out when no sample gives them; response_ms is
    left out when no sample has one.
    """
    columns: dict[str, pa.Array] = {
        "at": pa.array(samples.at.view("datetime64[s]"), UTC_SECONDS),
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
