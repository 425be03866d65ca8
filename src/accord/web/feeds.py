"""RSS and Atom feeds of a status page: its incidents and maintenance, newest first.

An entry's id is stable (contract, scope, kind and start), so a reader that polls sees an
incident once, and again only as an update when it ends.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime

from accord.services.status import ServiceStatus
from accord.web.templating import environment, iso_utc, local_time, long_duration

__all__ = ["Entry", "entries", "render_atom", "render_rss"]


@dataclass(frozen=True)
class Entry:
    id: str  # stable: 'accord:contract:scope:kind:start'
    title: str
    summary: str
    updated: datetime  # UTC: when it last changed (an incident's end once it is over)


def entries(statuses: Sequence[ServiceStatus], now: datetime) -> list[Entry]:
    found: list[Entry] = []
    for s in statuses:
        for i in s.incidents:
            where = f"{s.title}, {i.scope}" if i.scope else s.title
            state = "ongoing" if i.ongoing else "resolved"
            text = f"Started {local_time(i.start, s.zone)}."
            if not i.ongoing:
                text += f" Resolved {local_time(i.end, s.zone)}, after "
                text += f"{long_duration((i.end - i.start).total_seconds())}."
            found.append(Entry(_id(s.contract, i.scope, "incident", i.start),
                               f"Incident ({state}): {where}", text,
                               i.start if i.ongoing else i.end))  # fmt: skip
        for w in (*s.maintenance, *s.past_maintenance):
            where = f"{s.title}, {w.scope}" if w.scope else s.title
            text = f"From {local_time(w.start, s.zone)} to {local_time(w.end, s.zone)}."
            updated = w.announced_at or w.start
            found.append(Entry(_id(s.contract, w.scope, "maintenance", w.start),
                               f"Maintenance: {where}", text, min(updated, now)))  # fmt: skip
    return sorted(found, key=lambda e: (e.updated, e.id), reverse=True)


def _id(contract: str, scope: str | None, kind: str, start: datetime) -> str:
    return f"accord:{contract}:{scope or '*'}:{kind}:{iso_utc(start)}"


def render_rss(statuses: Sequence[ServiceStatus], now: datetime, title: str, link: str) -> str:
    return environment().get_template("feed.rss").render(
        title=title, link=link, entries=entries(statuses, now),
        rfc822=format_datetime, now=now,
    )  # fmt: skip


def render_atom(statuses: Sequence[ServiceStatus], now: datetime, title: str, link: str) -> str:
    return environment().get_template("feed.atom").render(
        title=title, link=link, entries=entries(statuses, now), now=now,
    )  # fmt: skip
