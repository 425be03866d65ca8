"""Request counts per interval: inline in the document, or in CSV and JSON Lines files.

A row counts the valid requests of one interval: `at` (the interval's start), `total`,
and either `errors` (failed requests) or `good` (succeeded ones; errors = total - good),
with an optional `scope`. CSV files name their columns in a header row; JSON Lines files
hold one object a line. Every bad row is reported with its place: the document's
line:column, or the file's line (and column, in a CSV file).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from accord.domain.evidence import Requests
from accord.evidence.instants import parse_instant
from accord.evidence.problems import KeyPath, Problems
from accord.files import FileRefused, ReferenceRefused, read_bytes, referenced

REQUEST_FIELDS = ("at", "total", "errors", "good", "scope")
REQUEST_SUFFIXES = (".csv", ".jsonl")
Row = tuple[int, int, int, str]  # interval start (epoch seconds), total, errors, scope
Report = Callable[[KeyPath, str], None]  # (field path within the row, message)


def row_of(obj: Any, report: Report) -> Row | None:
    """One request row from an object (JSON, or a CSV row as text), or None if bad."""
    if not isinstance(obj, dict):
        report((), f"expected an object with {', '.join(REQUEST_FIELDS)}")
        return None
    for key in obj:
        if key not in REQUEST_FIELDS:
            report((key,), f"unknown field {key!r}; expected one of {', '.join(REQUEST_FIELDS)}")
    given = [k for k in ("errors", "good") if obj.get(k) not in (None, "")]
    if len(given) != 1:
        report((), "give exactly one of 'errors' or 'good' with 'total'")
        return None
    at = _instant(obj.get("at"), report)
    total, part = _count(obj, "total", report), _count(obj, given[0], report)
    if at is None or total is None or part is None:
        return None
    if part > total:
        report((given[0],), f"{given[0]} {part} is more than the total {total}")
        return None
    scope = obj.get("scope") or ""
    if not isinstance(scope, str):
        report(("scope",), f"expected a scope name, got {scope!r}")
        return None
    return at, total, part if given[0] == "errors" else total - part, scope


def _instant(value: Any, report: Report) -> int | None:
    if not isinstance(value, str):
        report(("at",), f"expected an instant with its offset, got {value!r}")
        return None
    try:
        return int(parse_instant(value).timestamp())
    except ValueError as error:
        report(("at",), str(error))
        return None


def _count(obj: dict[str, Any], key: str, report: Report) -> int | None:
    value = obj.get(key)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        report((key,), f"expected a whole number of requests >= 0, got {value!r}")
        return None
    return value


def read_requests(
    value: Any, folder: Path, problems: Problems, outside_allowed: bool = False
) -> Requests:
    """The document's `requests`: row objects and names of CSV or JSON Lines files (kept
    in the document's folder unless `outside_allowed`)."""
    if value is None:
        return Requests.empty()
    if not isinstance(value, list):
        problems.at(("requests",), "expected a list of request counts or file names")
        return Requests.empty()
    rows: list[Row] = []
    for i, item in enumerate(value):
        if isinstance(item, str):
            rows += _file(folder, item, ("requests", i), problems, outside_allowed)
        else:
            found = row_of(item, _in_document(problems, ("requests", i)))
            rows += [found] if found else []
    return as_columns(rows)


def _in_document(problems: Problems, row: KeyPath) -> Report:
    def report(path: KeyPath, message: str) -> None:
        problems.at((*row, *path), message)

    return report


def _file(
    folder: Path, name: str, path: KeyPath, problems: Problems, outside_allowed: bool
) -> list[Row]:
    try:
        file = referenced(folder, name, outside_allowed)
    except ReferenceRefused as error:
        problems.at(path, f"request file {name!r} is {error}")
        return []
    if file.suffix.lower() not in REQUEST_SUFFIXES:
        problems.at(
            path, f"a request file ends in {', '.join(REQUEST_SUFFIXES)}, got {file.name!r}"
        )
        return []
    if not file.is_file():
        problems.at(path, f"no request file {file.name!r} next to this document")
        return []
    found = Problems(str(file))
    rows = read_request_file(file, found)
    problems.found.extend(found.found)
    return rows


def read_request_file(path: Path, problems: Problems) -> list[Row]:
    """The rows of a CSV or JSON Lines file of request counts; problems by line."""
    try:
        text = read_bytes(path).decode("utf-8")
    except FileRefused as error:
        problems.line(1, 1, (), str(error))
        return []
    except UnicodeDecodeError:
        problems.line(1, 1, (), "not UTF-8 text")
        return []
    rows: list[Row] = []
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(text.splitlines())
        header = list(reader.fieldnames or [])
        for name in ("at", "total"):
            if name not in header:
                problems.line(1, 1, (), f"the header names no {name!r} column")
                return []
        for number, record in enumerate(reader, start=2):
            found = row_of(dict(record), _at_line(problems, number, header))
            rows += [found] if found else []
        return rows
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as error:
            problems.line(number, error.colno, (), f"not JSON: {error.msg}")
            continue
        found = row_of(obj, _at_line(problems, number, None))
        rows += [found] if found else []
    return rows


def _at_line(problems: Problems, number: int, header: list[str] | None) -> Report:
    def report(path: KeyPath, message: str) -> None:
        column = 1
        if header and path and path[0] in header:
            column = header.index(str(path[0])) + 1
        problems.line(number, column, path, message)

    return report


def as_columns(rows: list[Row]) -> Requests:
    """The rows as columns, scopes coded in order of first appearance after '' (code 0)."""
    if not rows:
        return Requests.empty()
    names: dict[str, int] = {"": 0}
    codes = [names.setdefault(r[3], len(names)) for r in rows]
    return Requests(
        at=np.array([r[0] for r in rows], np.int64),
        total=np.array([r[1] for r in rows], np.int64),
        errors=np.array([r[2] for r in rows], np.int64),
        scope=np.array(codes, np.int32),
        scopes=tuple(names),
    )
