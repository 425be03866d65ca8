"""Judging each contender against the oracle, and the "## Calendars" section of BENCHMARKS.md.

The section is rewritten in place (up to the next "## " heading); other sections stay.
"""

from __future__ import annotations

import os
import platform
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np

from bench.calendars.oracle import MinuteOracle
from bench.calendars.peers import Ints, Mask

HEADING = "## Calendars"
_LOCAL = ZoneInfo("America/Los_Angeles")


def _local(seconds: int) -> str:
    moment = datetime.fromtimestamp(seconds, UTC).astimezone(_LOCAL)
    return moment.strftime("%a %Y-%m-%d %H:%M %Z")


@dataclass(frozen=True)
class Row:
    name: str  # the contender
    count: int  # deadlines computed
    micros: float  # microseconds per deadline, best run
    first_micros: float  # microseconds per deadline, first run
    wrong: int  # deadlines that differ from the oracle's (errors included)
    raised: int  # of those, deadlines the contender failed to compute (it raised)
    same_open_time: int  # of those, a different instant with no open time in between
    examples: tuple[str, ...]  # a few mismatches, in local time

    @property
    def off(self) -> int:
        """Mismatches by open time: the contender counted open time differently."""
        return self.wrong - self.raised - self.same_open_time

    @classmethod
    def judge(
        cls,
        name: str,
        times: list[float],
        found: Ints,
        raised: Mask,
        expected: Ints,
        starts: Ints,
        added: Ints,
        oracle: MinuteOracle,
    ) -> Row:
        count = len(found)
        wrong = np.flatnonzero((found != expected) | raised)
        computed = wrong[~raised[wrong]]
        same = np.zeros(len(computed), dtype=bool)
        ok = (found[computed] % 60 == 0) & (found[computed] >= oracle.start)
        ok &= found[computed] < oracle.end
        between = oracle.open_minutes_between(found[computed][ok], expected[computed][ok])
        same[ok] = between == 0

        def show(k: int, what: str) -> str:
            answer = "an error" if raised[k] else _local(int(found[k]))
            return (
                f"{name}: {_local(int(starts[k]))} + {int(added[k])} h -> {answer}"
                f" (oracle: {_local(int(expected[k]))}; {what})"
            )

        examples = (
            [show(int(k), "open time differs") for k in computed[~same][:2]]
            + [show(int(k), "same open time") for k in computed[same][:1]]
            + [show(int(k), "raised") for k in wrong[raised[wrong]][:1]]
        )
        return cls(
            name=name,
            count=count,
            micros=min(times) / count * 1e6,
            first_micros=times[0] / count * 1e6,
            wrong=len(wrong),
            raised=int(raised.sum()),
            same_open_time=int(same.sum()),
            examples=tuple(examples),
        )

    def line(self) -> str:
        return f"{self.name:36} {self.count:>9,} {self.micros:>10.3f} µs {self.wrong:>6} wrong"

    def cells(self) -> str:
        return (
            f"| {self.name} | {self.count:,} | {self.micros:,.3f} | {self.wrong:,} "
            f"| {self.off:,} | {self.same_open_time:,} | {self.raised:,} |"
        )


@dataclass(frozen=True)
class Scenario:
    title: str  # what was computed
    rows: list[Row]  # one per contender; accord's array form first


def _table(scenario: Scenario) -> list[str]:
    return [
        "| Implementation | Deadlines | µs per deadline | Mismatches | by open time "
        "| same open time | errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
        *[row.cells() for row in scenario.rows],
    ]


def _speedup(scenario: Scenario) -> str:
    accord = scenario.rows[0]
    peers = [row for row in scenario.rows if not row.name.startswith("accord")]
    fastest = min(peers, key=lambda row: row.micros)
    return (
        f"The array form is **{fastest.micros / accord.micros:,.0f}x** faster per deadline "
        f"than the fastest peer ({fastest.name}, {fastest.micros:,.1f} µs). Its first run in "
        f"a fresh process, which also finds the zone's clock changes and the holidays and "
        f"builds the open periods, took {accord.first_micros:.3f} µs per deadline."
    )


_WHY = {
    "by open time": (
        "Across a clock change it counts wall-clock hours rather than elapsed time: it "
        "credits the hour skipped in spring (deadlines an hour early) and misses the hour "
        "repeated in autumn (deadlines an hour late)."
    ),
    "same open time": (
        "The oracle's deadline is a closing time and the library answers with the next "
        "opening instead: the same open time, a later instant."
    ),
    "errors": "It raised an error on a local time that does not exist (the spring-forward gap).",
}


def _mismatches(scenario: Scenario) -> list[str]:
    lines = []
    for row in scenario.rows:
        if row.wrong == 0:
            lines.append(f"- {row.name}: no mismatch in {row.count:,} deadlines.")
            continue
        lines.append(f"- {row.name}: {row.wrong:,} of {row.count:,} differ from the oracle.")
        lines += [
            f"  - {count:,} {label}. {_WHY[label]}"
            for label, count in [
                ("by open time", row.off),
                ("same open time", row.same_open_time),
                ("errors", row.raised),
            ]
            if count
        ]
        lines += [f"  - e.g. {example}" for example in row.examples]
    return lines


def section(lavi: Scenario, night: Scenario, command: str) -> str:
    versions = ", ".join(
        f"{package} {version(package)}"
        for package in ("numpy", "pandas", "businesstimedelta", "holidays")
    )
    return "\n".join(
        [
            HEADING,
            "",
            f"Measured {datetime.now(UTC):%Y-%m-%d} on {os.cpu_count()} CPUs (nproc), "
            f"{platform.machine()}, Python {platform.python_version()}, {versions}.",
            f"Command: `{command}` (under a minute; `--no-write` prints without writing).",
            "",
            "Every answer is checked against a minute-by-minute oracle: each UTC minute of "
            "the horizon converted to local time with zoneinfo and judged by the definition. "
            "Peers get the same inputs (the first deadlines of the same list), the calendar "
            "in their own terms and the holiday dates written out. Times are the best of "
            "five runs for the array form (building the open periods included) and of three "
            "for the peers. A mismatch has the same open time as the oracle's answer when "
            "no open minute lies between the two instants.",
            "",
            "### Lavi support deadlines",
            "",
            "America/Los_Angeles, Monday to Friday 06:00-18:00, holidays 1 Jan, last Monday "
            "of May, 4 Jul, first Monday of September, last Thursday and last Friday of "
            "November, 25 Dec. Starts: random whole minutes over 2026-2027; durations: "
            "random whole business hours, 0 to 40.",
            "",
            *_table(lavi),
            "",
            _speedup(lavi),
            "",
            *_mismatches(lavi),
            "",
            "### Night desk at the clock changes",
            "",
            "Lavi's hours never meet the 02:00 clock changes, so this smaller set does: "
            "America/Los_Angeles, every day 00:00-04:00 (closed on 25 Dec), starts within "
            "three days of the four clock changes of 2026-2027, durations 0 to 12 business "
            "hours. Here the array form's time is mostly building the open periods.",
            "",
            *_table(night),
            "",
            *_mismatches(night),
            "",
        ]
    )


def write_section(path: Path, lavi: Scenario, night: Scenario, command: str) -> None:
    """Replace the "## Calendars" section (up to the next "## " heading) or add it."""
    text = path.read_text() if path.exists() else "# Benchmarks\n"
    new = section(lavi, night, command)
    pattern = re.compile(rf"^{re.escape(HEADING)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: new + "\n", text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + new
    path.write_text(text.rstrip("\n") + "\n")
