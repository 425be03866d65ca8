"""Which reader reads a sample file: by its suffix, and for CSV by its size.

Typed files (Parquet, Arrow IPC) and big CSV files go through Arrow
(`accord.evidence.arrow_files`); small CSV files, JSON Lines and any CSV file the Arrow
path hands back go to the reference reader (`accord.evidence.sample_files`).
"""

from __future__ import annotations

from pathlib import Path

from accord.evidence.problems import Problems
from accord.evidence.sample_files import read_text_samples
from accord.evidence.sample_table import SampleTable
from accord.files import FileRefused, check_regular

COLUMNAR_SUFFIXES = (".parquet", ".arrow", ".feather", ".ipc")  # typed files, read through Arrow
ARROW_FROM = 1 << 20  # bytes of CSV from which the file is read through Arrow


def read_sample_file(path: Path, table: SampleTable, problems: Problems) -> None:
    """Add the samples of a .csv, .jsonl, .ndjson, .parquet, .arrow, .feather or .ipc file."""
    suffix = path.suffix.lower()
    try:
        check_regular(path)  # a named pipe would block Arrow for ever
    except FileRefused as error:
        problems.line(1, 1, (), str(error))
        return
    if suffix in COLUMNAR_SUFFIXES or (suffix == ".csv" and _big(path)):
        # Imported here: pyarrow takes a tenth of a second to load, more than a small file.
        from accord.evidence import arrow_files

        if suffix != ".csv":
            arrow_files.read_columnar(path, table, problems)
            return
        if arrow_files.read_csv(path, table):
            return
    read_text_samples(path, table, problems)


def _big(path: Path) -> bool:
    """Big enough for the Arrow path to pay for loading pyarrow."""
    try:
        return path.stat().st_size >= ARROW_FROM
    except OSError:
        return False
