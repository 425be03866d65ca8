"""The Arrow path for big CSV files gives exactly what the reference reader gives.

Whatever the file, `arrow_files.read_csv` either hands it back (False, the table left as
it was) or gives the very columns and name tables `read_evidence` gives for it; and a
file it refuses to vouch for is never one the reference reader refuses silently.
"""

from __future__ import annotations

import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
from hypothesis import assume, example, given
from hypothesis import strategies as st

from accord.domain.evidence import Samples
from accord.evidence import EvidenceInvalid, read_evidence
from accord.evidence.arrow_files import read_csv
from accord.evidence.duplicates import one_per_second
from accord.evidence.sample_table import SampleTable
from hypothesis_budget import examples

_GOOD_AT = st.builds(
    lambda day, h, m, s, form: form.format(day=day, h=h, m=m, s=s),
    st.integers(1, 28),
    st.integers(0, 23),
    st.integers(0, 59),
    st.integers(0, 59),
    st.sampled_from(["2026-10-{day:02d}T{h:02d}:{m:02d}:{s:02d}Z",
                     "2026-10-{day:02d} {h:02d}:{m:02d}:{s:02d}Z",
                     "2026-10-{day:02d}T{h:02d}:{m:02d}:{s:02d}+02:00",
                     "2026-10-{day:02d}T{h:02d}:{m:02d}:{s:02d}-09:30"]),
)  # fmt: skip
_ODD_AT = st.sampled_from([
    "2026-10-01T00:00:00.250Z", "2026-10-01T00:00Z", "2026-10-01T00:00:00",
    "0000-10-01T00:00:00Z", "2026-1-01T00:00:00Z", "2026-02-30T00:00:00Z",
    "2026-10-01T24:00:00Z", "2026-10-01T00:00:60Z", "2026-10-01T00:00:00+0200",
    "2026-10-01T00:00:00+24:00", "9999-12-31T23:59:59-23:59", "2026-10-01t00:00:00Z", "",
    "0001-12-31T23:59:59Z", "9999-01-01T00:00:00Z", "2026-10-01T000000+01", "2026-10-01T0000+0100",
    "2026-10-01T00:00:00+0200", "2026-10-01 00:00:00-02:30",
])  # fmt: skip
_GOOD_OK = st.sampled_from(["true", "false", "1", "0"])
_ODD_OK = st.sampled_from(["True", "", " true", "yes", "2"])
_NAME = st.sampled_from(["", "store-1", "store-2", "paris", "Zürich", "a b"])
_ODD_NAME = st.sampled_from(['"quoted"', '"a,b"', "x" * 300, "tab\there"])
_GOOD_MS = st.sampled_from(["", "12", "0", "1.5", "1e3", "250.125"])
_ODD_MS = st.sampled_from(["-1", "nan", "inf", "1_000", " 5", "x", "1e999"])


@st.composite
def csv_files(draw: st.DrawFn, odd: bool) -> bytes:
    """A sample CSV file; with `odd`, sometimes a value or a line the fast path doubts."""
    columns = [
        "at",
        "ok",
        *draw(
            st.lists(st.sampled_from(["scope", "location", "monitor", "response_ms"]), unique=True)
        ),
    ]
    draw(st.randoms()).shuffle(columns)

    def value(good: st.SearchStrategy[str], bad: st.SearchStrategy[str]) -> str:
        return draw(bad) if odd and draw(st.integers(0, 30)) == 0 else draw(good)

    makers = {"at": (_GOOD_AT, _ODD_AT), "ok": (_GOOD_OK, _ODD_OK),
              "scope": (_NAME, _ODD_NAME), "location": (_NAME, _ODD_NAME),
              "monitor": (_NAME, _ODD_NAME), "response_ms": (_GOOD_MS, _ODD_MS)}  # fmt: skip
    rows = [",".join(value(*makers[c]) for c in columns)
            for _ in range(draw(st.integers(0, 40)))]  # fmt: skip
    if odd and draw(st.booleans()):
        rows.insert(draw(st.integers(0, len(rows))), draw(st.sampled_from(["", "a,b,c,d,e,f,g"])))
    end = draw(st.sampled_from(["\r\n", "\r"])) if odd and draw(st.booleans()) else "\n"
    return (end.join([",".join(columns), *rows]) + end * draw(st.integers(0, 1))).encode()


def _reference(path: Path) -> Samples | None:
    try:
        return read_evidence(path).samples
    except EvidenceInvalid:
        return None


def _identical(a: Samples, b: Samples) -> bool:
    columns = ("at", "ok", "scope", "location", "monitor")
    return (
        all(np.array_equal(getattr(a, c), getattr(b, c)) for c in columns)
        and np.array_equal(a.response_ms, b.response_ms, equal_nan=True)
        and (a.scopes, a.locations, a.monitors) == (b.scopes, b.locations, b.monitors)
    )


def _both(data: bytes) -> tuple[Samples | None, Samples | None, bool]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "samples.csv"
        path.write_bytes(data)
        table = SampleTable()
        taken = read_csv(path, table)
        fast = table.samples() if taken else None
        if fast is not None:
            # The reference counts a repeated sample once and refuses two that disagree.
            fast, conflict = one_per_second(fast)
            if conflict is not None:
                assert _reference(path) is None
                assume(False)
        return _reference(path), fast, taken


@examples(300)
@given(csv_files(odd=True))
@example(b"at,ok\r\r")  # a header ending in '\r' alone, which the reference refuses
# Shapes Arrow's ISO 8601 parser takes beside the reference reader's, in every row:
@example(b"at,ok\n0001-12-31T23:59:59Z,true\n2026-10-01T00:00:00Z,true\n")
@example(b"at,ok\n2026-10-01T00:00:00Z,true\n9999-01-01T00:00:00Z,true\n")
@example(b"at,ok\n0000-01-01T00:00:00+01:00,true\n")
@example(b"at,ok\n2026-10-01T000000+01,true\n2026-10-01T0000+0100,true\n")
@example(b"at,ok\n2026-10-01T00:00:00+0200,true\n2026-10-01T00:00+02:00,false\n")
@example(b'at,ok,scope\n2026-10-01T00:00:00Z,true,a"b\n')  # a quote inside a name
def test_a_file_read_through_arrow_gives_what_the_reference_reader_gives(data: bytes) -> None:
    reference, fast, taken = _both(data)
    if taken:
        assert reference is not None, "read through Arrow, refused by the reference reader"
        assert fast is not None and _identical(fast, reference)


@examples(100)
@given(csv_files(odd=False))
def test_a_plain_file_is_read_through_arrow(data: bytes) -> None:
    reference, fast, taken = _both(data)
    assert taken and reference is not None and fast is not None
    assert _identical(fast, reference)


def test_a_file_handed_back_leaves_the_table_as_it_was(tmp_path: Path) -> None:
    table = SampleTable()
    table.codes("scope", ["kept"])
    path = tmp_path / "samples.csv"
    path.write_text("at,ok,scope\n2026-10-01T00:00:00Z,true,new\n2026-10-01T00:01:00Z,maybe,x\n")
    assert not read_csv(path, table)
    assert list(table.tables["scope"]) == ["", "kept"] and not table.blocks


def test_a_big_csv_file_is_read_through_arrow_with_the_same_samples(tmp_path: Path) -> None:
    # 40 days of minutes, each once: a sample given twice would be counted once
    start = datetime(2026, 10, 1)
    rows = [f"{start + timedelta(minutes=m):%Y-%m-%dT%H:%M:00Z},{'true' if m % 7 else 'false'},"
            f"store-{m % 3},{12.5 if m % 2 else ''}" for m in range(24 * 60 * 40)]  # fmt: skip
    text = "at,ok,scope,response_ms\n" + "\n".join(rows) + "\n"
    assert len(text) > 1 << 20  # over the size from which `read_evidence` takes Arrow
    path = tmp_path / "samples.csv"
    path.write_text(text)
    table = SampleTable()
    assert read_csv(path, table)
    read = read_evidence(path).samples
    assert _identical(read, table.samples())
    assert len(read) == 24 * 60 * 40 and read.scopes == ("", "store-0", "store-1", "store-2")
