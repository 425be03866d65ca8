"""The web: server-rendered pages from the same services as the API and the CLI.

- `templating`: the Jinja environment and the filters every page shares (times in the
  contract's zone with its name, durations, percents);
- `charts`: SVG drawn on the server (the 90 days of uptime bars);
- `status_page`: the public status page, rendered from `accord.services.status`;
- `export`: the status page written as a static site (`accord status export`).

Pages work without JavaScript; `static/enhance.js` only adds keyboard roving over the
bars and times in the reader's own zone. Nothing is fetched from another host.
"""

from __future__ import annotations

from accord.web.export import export_site
from accord.web.status_page import render_status_page

__all__ = ["export_site", "render_status_page"]
