"""Charts drawn on the server as SVG: the days of an uptime bar, and what each says.

A bar is one day. Its height is split by class, downtime on top, then maintenance,
excluded time and no data, and up at the bottom; a class with any time gets at least a
few pixels, so five minutes of downtime can be seen next to a clean day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from accord.services.status import Day
from accord.web.templating import long_date, long_duration

__all__ = ["HEIGHT", "Bar", "Segment", "bars", "bars_html"]

HEIGHT = 40  # of a bar, in SVG units
MINIMUM = 8  # height of a class that has any time at all
CLASSES = ("down", "maintenance", "excluded", "no_data")  # from the top; 'up' fills the rest


@dataclass(frozen=True)
class Segment:
    kind: str  # one of CLASSES, or 'up'
    y: int
    height: int


@dataclass(frozen=True)
class Bar:
    day: Day
    kind: str  # the worst class of the day: what its colour says at a glance
    segments: tuple[Segment, ...]  # top to bottom
    label: str  # the day explained in one sentence


def bars(days: Sequence[Day]) -> list[Bar]:
    return [_bar(d) for d in days]


def _bar(day: Day) -> Bar:
    amounts = {"down": day.down, "maintenance": day.maintenance,
               "excluded": day.excluded, "no_data": day.no_data}  # fmt: skip
    heights = {k: max(MINIMUM, round(HEIGHT * v / day.seconds)) if v else 0
               for k, v in amounts.items()}  # fmt: skip
    while sum(heights.values()) > HEIGHT:  # many small classes: take from the largest
        largest = max(heights, key=lambda k: heights[k])
        heights[largest] -= 1
    segments, y = [], 0
    for kind in CLASSES:
        if heights[kind]:
            segments.append(Segment(kind, y, heights[kind]))
            y += heights[kind]
    if y < HEIGHT:
        segments.append(Segment("up", y, HEIGHT - y))
    kind = next((k for k in CLASSES if amounts[k]), "up")
    if kind == "no_data" and day.up:
        kind = "up"  # a day partly known (today) reads by what is known
    return Bar(day, kind, tuple(segments), explain(day))


def explain(day: Day) -> str:
    """'Tue 6 Oct 2026: down 18 h; maintenance 4 h; 24.9 % of the day up.'"""
    parts = [
        f"{name} {long_duration(amount)}"
        for name, amount in (("down", day.down), ("maintenance", day.maintenance),
                             ("excluded", day.excluded), ("no data", day.no_data))
        if amount
    ]  # fmt: skip
    if day.no_data == day.seconds:
        return f"{long_date(day.day)}: no data."
    if not parts:
        return f"{long_date(day.day)}: up all day."
    counted = day.seconds - day.no_data
    share = 100 * day.up / counted if counted else 0.0
    return f"{long_date(day.day)}: {'; '.join(parts)}; up {share:.1f} % of the known time."


def bars_html(days: Sequence[Day], label: str) -> Markup:
    """The days as a list of bars, each a small SVG drawn here, focusable, with its sentence
    as its accessible name, which the stylesheet shows as a tip on hover and on focus
    (`content: attr(aria-label)`: no script needed, and the sentence is written once).

    Written in Python rather than a template macro: a page of many rows has tens of
    thousands of bars, and this is the loop that decides how fast it renders."""
    drawn = bars(days)
    half = len(drawn) // 2
    items = [f'<ol class="bars" aria-label="{escape(label)}">']
    for i, bar in enumerate(drawn):
        text = escape(bar.label)
        late = " late" if i >= half else ""
        rects = "".join(
            f'<rect class="{s.kind}" y="{s.y}" width="4" height="{s.height}"/>'
            for s in bar.segments
        )
        items.append(
            f'<li class="bar {bar.kind}{late}" tabindex="0" aria-label="{text}">'
            f'<svg viewBox="0 0 4 {HEIGHT}" preserveAspectRatio="none" aria-hidden="true">'
            f"{rects}</svg></li>"
        )
    items.append("</ol>")
    return Markup("\n".join(items))
