"""The page cache: built once, served from memory, rebuilt in the background when old."""

from __future__ import annotations

import threading

from accord.web.cache import PageCache


def test_a_fresh_page_is_built_once() -> None:
    built: list[int] = []
    cache = PageCache(fresh_for=3600)

    def build() -> bytes:
        built.append(1)
        return b"page %d" % len(built)

    assert [cache.get("k", build) for _ in range(3)] == [b"page 1"] * 3
    assert len(built) == 1


def test_an_old_page_is_served_while_its_successor_is_built() -> None:
    release, started = threading.Event(), threading.Event()
    cache = PageCache(fresh_for=0)
    assert cache.get("k", lambda: b"old") == b"old"

    def slow() -> bytes:
        started.set()
        release.wait(10)
        return b"new"

    assert cache.get("k", slow) == b"old"  # at once, while the rebuild waits
    assert started.wait(10)
    assert cache.get("k", slow) == b"old"  # one rebuild at a time: still the old page
    release.set()
    for _ in range(200):
        if cache.get("k", lambda: b"newer") != b"old":
            break
        threading.Event().wait(0.01)
    assert cache.get("k", lambda: b"newer") in (b"new", b"newer")


def test_a_forgotten_page_is_built_again_on_the_next_request() -> None:
    cache = PageCache(fresh_for=3600)
    cache.get("k", lambda: b"before")
    cache.forget("k")
    assert cache.get("k", lambda: b"after") == b"after"
