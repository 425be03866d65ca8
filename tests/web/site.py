"""The exported status site, served by a real local HTTP server (as another host would)."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cli.runner import EXAMPLES, accord

# The five seed examples, whose evidence covers October 2026 (the others cover November).
SEEDS = ("ethnio", "infopromo", "istockist", "lavi-qtrac", "letsignit")


def export(folder: Path, now: str) -> None:
    contracts = [str(EXAMPLES / "contracts" / f"{name}.yaml") for name in SEEDS]
    run = accord("status", "export", str(folder), *contracts, "--title", "Example status",
                 "--evidence-dir", str(EXAMPLES / "evidence"), "--now", now)  # fmt: skip
    assert run.code == 0, run.err


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """A static file server on a free loopback port; yields its base URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
