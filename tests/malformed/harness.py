"""Run one malformed case in a fresh folder and say what is wrong with how it was refused."""

from __future__ import annotations

import os
import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from typer.testing import CliRunner

from accord.cli import app

from .cases import DEV_ZERO, FIFO, OUTSIDE, Case

HANG = 120  # seconds: a hang detector for inputs that never end, not a speed assertion
LOCATED = re.compile(r"^(\S[^:]*:\d+:\d+: |error: --[a-z-]+)")


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str
    crash: BaseException | None  # anything raised but the exit


class Hung(Exception):
    pass


@contextmanager
def hang_detector(seconds: int) -> Iterator[None]:
    def stop(signum: int, frame: FrameType | None) -> None:
        raise Hung(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def lay_out(case: Case, root: Path) -> Path:
    """Write the case's files under `root`/case (and `root`/outside); the case folder."""
    folder, outside = root / "case", root / "outside"
    folder.mkdir()
    outside.mkdir()
    for name, content in case.outside.items():
        (outside / name).write_bytes(content)
    for name, content in case.files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if content == FIFO:
            os.mkfifo(path)
        elif content == DEV_ZERO:
            path.symlink_to("/dev/zero")
        elif content == "<dir>":
            path.mkdir()
        elif isinstance(content, str) and content.startswith(OUTSIDE):
            path.symlink_to(outside / content.removeprefix(OUTSIDE))
        else:
            data = content.encode() if isinstance(content, str) else content
            path.write_bytes(data.replace(b"{outside}", str(outside).encode()))
    return folder


def run(case: Case, root: Path) -> tuple[Outcome, Path]:
    folder = lay_out(case, root)
    argv = [a.replace("{dir}", str(folder)) for a in case.argv]
    with hang_detector(HANG):
        result = CliRunner().invoke(app, argv, env={"COLUMNS": "200", "NO_COLOR": "1"})
    crash = result.exception
    if isinstance(crash, SystemExit):
        crash = None
    return Outcome(result.exit_code, result.stdout, result.stderr, crash), folder


def faults(case: Case, outcome: Outcome, folder: Path) -> list[str]:
    """What is wrong with the refusal; empty when the case was refused as it must be."""
    if outcome.crash is not None:
        return [f"raised {type(outcome.crash).__name__}: {str(outcome.crash)[:200]}"]
    found = []
    lines = outcome.err.splitlines()
    if outcome.code != case.code:
        found.append(f"exit {outcome.code}, expected {case.code}: {outcome.err[:300]!r}")
    if not lines:
        return found + ["nothing on stderr"]
    where = case.where.replace("{dir}", str(folder))
    if case.line is not None:
        where += f"{case.line}:"
    if not lines[0].startswith(where):
        found.append(f"first line does not start with {where!r}: {lines[0][:300]!r}")
    for line in lines:
        if not LOCATED.match(line) and not line.startswith("(stopped after"):
            found.append(f"a line without its place: {line[:300]!r}")
            break
        if len(line) > 500:
            found.append(f"a line of {len(line)} characters")
            break
    if case.secret is not None and case.secret in outcome.out + outcome.err:
        found.append("the output shows a foreign file's content")
    return found
