"""A small HTTP/1.1 client for probes: one request, the status, the headers, the body.

Probing needs less than a general client and must cost little per check: no redirects
(a redirect is judged by its own status), no cookies, no proxies, no decompression.
Connections are kept alive per (scheme, host, port, verification) and reused; one that
the server closed while idle is replaced once, silently. TLS verifies the chain and the
host name unless asked not to. The caller bounds the whole request with its timeout.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit

MAX_HEAD = 64 * 1024  # bytes of status line and headers read at most
MAX_BODY = 4 * 1024 * 1024  # bytes of body kept (a keyword or JSON check reads no more)

Connection = tuple[asyncio.StreamReader, asyncio.StreamWriter]
PoolKey = tuple[str, str, int, bool]


class HttpFailure(Exception):
    """The exchange failed: no connection, a broken answer, a refused certificate."""


@dataclass(frozen=True)
class HttpAnswer:
    status: int
    reason: str  # the reason phrase as sent
    headers: dict[str, str]  # names in lower case; repeated headers joined by ', '
    body: bytes  # empty for HEAD, 1xx, 204 and 304

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


class HttpClient:
    def __init__(self, per_host: int = 64, keep_alive: bool = True) -> None:
        self.per_host = per_host
        self.keep_alive = keep_alive
        self._idle: dict[PoolKey, list[Connection]] = {}
        self._contexts = {True: ssl.create_default_context(), False: _unverified()}

    async def request(self, method: str, url: str, verify: bool = True) -> HttpAnswer:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise HttpFailure(f"not an http(s) URL: {url!r}")
        https = parts.scheme == "https"
        key = (parts.scheme, parts.hostname, parts.port or (443 if https else 80), verify)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        host = parts.netloc.rpartition("@")[2]
        empty = "Content-Length: 0\r\n" if method == "POST" else ""  # a remediation call
        head = (f"{method} {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: accord-probe\r\n"
                f"Accept: */*\r\nConnection: {'keep-alive' if self.keep_alive else 'close'}\r\n"
                f"{empty}\r\n").encode("latin-1")  # fmt: skip
        idle = self._idle.get(key)
        while idle:
            connection = idle.pop()
            with contextlib.suppress(HttpFailure, OSError, asyncio.IncompleteReadError):
                return await self._exchange(key, connection, head, method)
            # The server closed it while it was idle: a new connection will do.
        return await self._exchange(key, await self._open(key), head, method)

    async def aclose(self) -> None:
        for connections in self._idle.values():
            for _, writer in connections:
                await _closed(writer)
        self._idle.clear()

    async def _open(self, key: PoolKey) -> Connection:
        scheme, host, port, verify = key
        context = self._contexts[verify] if scheme == "https" else None
        try:
            return await asyncio.open_connection(
                host, port, ssl=context, server_hostname=host if context else None
            )
        except ssl.SSLError as error:
            raise HttpFailure(f"TLS: {error}") from None
        except OSError as error:
            raise HttpFailure(
                f"cannot connect to {host}:{port}: {error.strerror or error}"
            ) from None

    async def _exchange(
        self, key: PoolKey, connection: Connection, head: bytes, method: str
    ) -> HttpAnswer:
        reader, writer = connection
        try:
            writer.write(head)
            answer, reusable = await _read_answer(reader, method)
        except BaseException:
            writer.close()  # no waiting here: this may be a cancellation
            raise
        pool = self._idle.setdefault(key, [])
        if reusable and self.keep_alive and len(pool) < self.per_host:
            pool.append(connection)
        else:
            await _closed(writer)
        return answer


async def _read_answer(reader: asyncio.StreamReader, method: str) -> tuple[HttpAnswer, bool]:
    try:
        raw = await reader.readuntil(b"\r\n\r\n")
    except asyncio.LimitOverrunError:
        raise HttpFailure("the answer's headers are too long") from None
    if len(raw) > MAX_HEAD:
        raise HttpFailure("the answer's headers are too long")
    lines = raw.decode("latin-1").split("\r\n")
    version, _, rest = lines[0].partition(" ")
    code, _, reason = rest.partition(" ")
    if not version.startswith("HTTP/1.") or not code.isdigit():
        raise HttpFailure(f"not an HTTP answer: {lines[0][:80]!r}")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if sep:
            name = name.strip().lower()
            headers[name] = (
                f"{headers[name]}, {value.strip()}" if name in headers else value.strip()
            )
    status = int(code)
    if 100 <= status < 200 and status != 101:
        return await _read_answer(reader, method)  # an interim answer: the real one follows
    reusable = headers.get("connection", "").lower() != "close" and version != "HTTP/1.0"
    if method == "HEAD" or status in (204, 304):
        return HttpAnswer(status, reason, headers, b""), reusable
    if "chunked" in headers.get("transfer-encoding", "").lower():
        return HttpAnswer(status, reason, headers, await _chunked(reader)), reusable
    if "content-length" in headers:
        length = int(headers["content-length"])
        body = await reader.readexactly(length)
        return HttpAnswer(status, reason, headers, body[:MAX_BODY]), reusable
    return HttpAnswer(status, reason, headers, (await reader.read(MAX_BODY))), False


async def _chunked(reader: asyncio.StreamReader) -> bytes:
    parts: list[bytes] = []
    kept = 0
    while True:
        size = int((await reader.readline()).split(b";")[0].strip() or b"0", 16)
        if size == 0:
            while (await reader.readline()) not in (b"\r\n", b""):
                pass  # trailers
            return b"".join(parts)
        chunk = await reader.readexactly(size + 2)
        if kept < MAX_BODY:
            parts.append(chunk[:-2])
            kept += size


async def _closed(writer: asyncio.StreamWriter) -> None:
    writer.close()
    with contextlib.suppress(OSError, ssl.SSLError):
        await writer.wait_closed()


def _unverified() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context
