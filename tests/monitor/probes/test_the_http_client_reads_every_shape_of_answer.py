"""The probes' HTTP client against a real server speaking HTTP/1.1 in several ways."""

from __future__ import annotations

import asyncio

import pytest

from accord.monitor.probes.http_client import HttpAnswer, HttpClient, HttpFailure

ANSWERS = {
    b"/length": b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
    b"/chunked": (
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-Trailer: 1\r\n\r\n"
    ),  # fmt: skip
    b"/until-close": b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nall of it",
    b"/interim": b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n",
    b"/garbage": b"SSH-2.0-OpenSSH_9.2\r\n\r\n",
    b"/repeated": b"HTTP/1.1 200 OK\r\nSet-Cookie: a\r\nSet-Cookie: b\r\nContent-Length: 0\r\n\r\n",
}


async def serve(connections: list[int], close_after_one: bool) -> asyncio.Server:
    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        connections.append(1)
        while True:
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except (asyncio.IncompleteReadError, ConnectionError):
                break
            method, path = head.split(b" ")[:2]
            reply = ANSWERS[path]
            if method == b"HEAD":
                reply = reply.split(b"\r\n\r\n")[0] + b"\r\n\r\n"
            writer.write(reply)
            await writer.drain()
            if path == b"/until-close" or close_after_one:
                break
        writer.close()
        await writer.wait_closed()

    return await asyncio.start_server(answer, "127.0.0.1", 0)


def exchange(paths: list[str], method: str = "GET", close_after_one: bool = False
             ) -> tuple[list[HttpAnswer | str], int]:  # fmt: skip
    connections: list[int] = []

    async def main() -> list[HttpAnswer | str]:
        server = await serve(connections, close_after_one)
        port = server.sockets[0].getsockname()[1]
        client = HttpClient()
        found: list[HttpAnswer | str] = []
        for path in paths:
            try:
                found.append(await client.request(method, f"http://127.0.0.1:{port}{path}"))
            except HttpFailure as error:
                found.append(str(error))
            await asyncio.sleep(0.01)
        await client.aclose()
        server.close()
        await server.wait_closed()
        return found

    return asyncio.run(main()), len(connections)


def test_bodies_by_length_by_chunks_and_until_close_are_read_whole() -> None:
    answers, _ = exchange(["/length", "/chunked", "/until-close"])
    assert [a.text for a in answers if isinstance(a, HttpAnswer)] == [
        "hello", "hello world", "all of it",
    ]  # fmt: skip


def test_a_kept_alive_connection_serves_the_next_checks() -> None:
    answers, connections = exchange(["/length"] * 5)
    assert all(isinstance(a, HttpAnswer) and a.status == 200 for a in answers)
    assert connections == 1


def test_a_connection_the_server_closed_while_idle_is_replaced_silently() -> None:
    answers, connections = exchange(["/length"] * 3, close_after_one=True)
    assert all(isinstance(a, HttpAnswer) and a.text == "hello" for a in answers)
    assert connections == 3


def test_an_interim_answer_is_skipped_for_the_final_one() -> None:
    (answer,), _ = exchange(["/interim"])
    assert isinstance(answer, HttpAnswer) and (answer.status, answer.body) == (204, b"")


def test_head_reads_no_body_and_repeated_headers_are_joined() -> None:
    (answer,), _ = exchange(["/repeated"], method="HEAD")
    assert isinstance(answer, HttpAnswer)
    assert answer.headers["set-cookie"] == "a, b"


@pytest.mark.parametrize(
    ("url", "words"),
    [("/garbage", "not an HTTP answer: 'SSH-2.0-OpenSSH_9.2'")],
)
def test_something_else_than_http_is_a_failure_in_words(url: str, words: str) -> None:
    (answer,), _ = exchange([url])
    assert answer == words


def test_a_url_that_is_not_http_is_refused() -> None:
    with pytest.raises(HttpFailure, match="not an http"):
        asyncio.run(HttpClient().request("GET", "ftp://example.test/"))
