"""Rendered pages kept in memory and kept current: what makes the status page fast.

A page is built once, then served from memory. Once it is older than its `fresh_for`, the
next request still gets it at once while one background thread builds its successor
(stale while revalidating): no request ever waits for a rebuild except the very first.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["PageCache"]

log = logging.getLogger(__name__)


@dataclass
class _Entry:
    body: bytes
    built: float  # time.monotonic() when it was built
    rebuilding: bool = False


class PageCache:
    def __init__(self, fresh_for: float = 30.0) -> None:
        self.fresh_for = fresh_for  # seconds
        self._entries: dict[str, _Entry] = {}
        self._lock = threading.Lock()

    def get(self, key: str, build: Callable[[], bytes]) -> bytes:
        """The page: from memory, else built now (the first request of a page builds it);
        an exception of `build` reaches the caller and nothing is kept."""
        found = self.cached(key, build)
        if found is not None:
            return found
        body = build()
        with self._lock:
            self._entries[key] = _Entry(body, time.monotonic())
        return body

    def cached(self, key: str, build: Callable[[], bytes]) -> bytes | None:
        """The page from memory, at once (starting its rebuild when old); None when it was
        never built, so that an event loop can build it elsewhere."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if time.monotonic() - entry.built > self.fresh_for and not entry.rebuilding:
                entry.rebuilding = True
                threading.Thread(target=self._rebuild, args=(key, build), daemon=True).start()
            return entry.body

    def forget(self, key: str) -> None:
        """Drop a page, so that the next request builds it (after a change it must show)."""
        with self._lock:
            self._entries.pop(key, None)

    def _rebuild(self, key: str, build: Callable[[], bytes]) -> None:
        try:
            body = build()
        except Exception:  # keep serving the old page; a later request tries again
            log.exception("rebuilding the page %s failed", key)
            with self._lock:
                entry = self._entries.get(key)
                if entry is not None:
                    entry.rebuilding = False
            return
        with self._lock:
            self._entries[key] = _Entry(body, time.monotonic())
