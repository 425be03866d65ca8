"""The status page as a static site: files any web server (or a bucket) can serve.

`accord status export DIR` writes `index.html`, a page per service
(`services/CONTRACT.html`), the RSS and Atom feeds and the stylesheet and script, with
links relative to the folder, so the page stays up on another host when
the service is down. Files are written beside their final name and renamed into place: a
reader never gets half a page.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import datetime
from importlib import resources
from pathlib import Path

from accord.services.status import ServiceStatus
from accord.web.feeds import render_atom, render_rss
from accord.web.status_page import render_status_page
from accord.web.templating import file_name

__all__ = ["STATIC_FILES", "export_site"]

STATIC_FILES = ("style.css", "enhance.js")
COMPACT_ROWS = 60  # beyond this many rows, the index lists them and each service's page
# draws the bars: a page of a thousand rows of bars would be tens of megabytes


def export_site(
    folder: Path, statuses: Sequence[ServiceStatus], now: datetime, title: str, link: str = ""
) -> list[Path]:
    """Write the site into `folder` (created when missing); the paths written, in order."""
    compact = sum(len(s.scopes) for s in statuses) > COMPACT_ROWS
    pages = {
        "index.html": render_status_page(statuses, now, title=title, base=".", compact=compact),
        "feed.rss": render_rss(statuses, now, title, link or "index.html"),
        "feed.atom": render_atom(statuses, now, title, link or "index.html"),
    }
    for s in statuses:
        pages[f"services/{file_name(s.contract)}.html"] = render_status_page(
            [s], now, title=f"{title}: {s.title}", base=".."
        )
    static = resources.files("accord.web") / "static"
    pages |= {f"static/{name}": (static / name).read_text("utf-8") for name in STATIC_FILES}
    written = []
    for name, text in pages.items():
        written.append(_write(folder / name, text))
    return written


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)
    return path
