"""Rendering notices from their template files and sending them through Apprise.

A template is a text file named after the notice kind (`incident_opened.txt`): its first
line is the title (the e-mail subject), the rest the body, with `${name}` placeholders
(Python's `string.Template`). A provider points `templates` at its own folder to change
the wording; a placeholder the notice does not fill stays as written, never an error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from string import Template
from urllib.parse import urlsplit

from accord.notify.notices import Notice, Recipient, ThirdParty

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class Delivery:
    customer: str
    channel: str  # the URL's scheme and host, never its secrets
    ok: bool


def render(notice: Notice, templates: Path = TEMPLATES) -> tuple[str, str]:
    """The (title, body) of a notice from its template file."""
    text = (templates / f"{notice.kind}.txt").read_text(encoding="utf-8")
    filled = Template(text).safe_substitute(notice.values)
    title, _, body = filled.partition("\n")
    return title.strip(), body.strip() + "\n"


async def deliver(
    notice: Notice,
    recipients: Sequence[Recipient],
    policy: ThirdParty = "off",
    templates: Path = TEMPLATES,
) -> list[Delivery]:
    """Send `notice` to every recipient that wants it; one delivery per channel."""
    import apprise  # heavy: only where notices are sent

    title, body = render(notice, templates)
    done = []
    for recipient in recipients:
        if not recipient.wants(notice, policy):
            continue
        for url in recipient.channel_urls():
            channel = apprise.Apprise()
            added = channel.add(url)
            ok = bool(added) and bool(await channel.async_notify(body=body, title=title))
            done.append(Delivery(recipient.customer, _shown(url), ok))
    return done


def _shown(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname or ''}"
