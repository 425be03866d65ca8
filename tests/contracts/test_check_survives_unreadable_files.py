"""Whatever the file holds, `check` says what is wrong in one line: never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

NESTED = "a: " + "[" * 400 + "]" * 400 + "\n"
LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{before}'] * 10)}]\n"
    for before, name in zip("abcdef", "bcdefg", strict=True)
)

# (file content, "line:column", words the message must hold)
CASES = [
    pytest.param(b"", "1:1", "the file is empty", id="empty"),
    pytest.param(b"# nothing but a comment\n", "1:1", "the file is empty", id="a comment"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00", "1:1", "not UTF-8 text", id="binary junk"),
    pytest.param(b"id: x\ntitle: \xff\n", "2:8", "not UTF-8 text", id="a stray byte"),
    pytest.param(b"id: x\ntitle: a\x00b\n", "2:9", "0x0000 is not allowed", id="a NUL"),
    pytest.param(b"id: [x\n", "2:1", "not valid YAML", id="an open bracket"),
    pytest.param(b"id: x\n\ttitle: y\n", "2:1", "not valid YAML", id="a tab indent"),
    pytest.param(b"- id: x\n- id: y\n", "1:1", "a contract is a mapping", id="a list"),
    pytest.param(b"just words\n", "1:1", "a contract is a mapping", id="a bare string"),
    pytest.param(b"id: x\nid: y\n", "2:1", "id: this key is given twice", id="duplicate keys"),
    pytest.param(b"id: x\n---\nid: y\n", "2:1", "not valid YAML", id="two documents"),
    pytest.param(b"? [a, b]\n: c\n", "1:1", "a key must be plain text", id="a list as key"),
    pytest.param(b"id: !!python/name:os.system x\n", "1:5", "unsupported YAML tag",
                 id="a python tag"),
    pytest.param(b"a: &x [*x]\n", "1:4", "an alias refers to a value that holds it",
                 id="a recursive alias"),
    pytest.param(LAUGHS.encode(), None, "expands to more than", id="an alias bomb"),
    pytest.param(NESTED.encode(), "1:1", "nested too deeply", id="deep nesting"),
]  # fmt: skip


@pytest.mark.parametrize(("content", "where", "gist"), CASES)
def test_it_reports_unusable_content_in_one_line(
    tmp_path: Path,
    accord: Callable[..., Any],
    content: bytes,
    where: str | None,
    gist: str,
) -> None:
    file = tmp_path / "contract.yaml"
    file.write_bytes(content)
    run = accord("contract", "check", file)
    assert run.code == 1
    assert "Traceback" not in run.err
    [line] = run.err.splitlines()
    assert line.startswith(f"{file}:{where or ''}")
    assert gist in line


def test_it_reports_a_missing_file(tmp_path: Path, accord: Callable[..., Any]) -> None:
    run = accord("contract", "check", tmp_path / "absent.yaml")
    assert run.code == 1
    assert run.err == f"{tmp_path / 'absent.yaml'}:1:1: no such file\n"


def test_it_reports_a_directory(tmp_path: Path, accord: Callable[..., Any]) -> None:
    run = accord("contract", "check", tmp_path)
    assert run.code == 1
    assert run.err == f"{tmp_path}:1:1: is a directory; give the contract files in it\n"
