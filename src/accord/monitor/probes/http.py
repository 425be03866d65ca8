"""HTTP(S) probes: status, headers only, a keyword in the body, or a value in a JSON body.

`http_headers` sends HEAD and reads no body (Letsignit's header check, L5); `http` and
`http_keyword` send GET. A status in `expect_status` (by default 200-399) is up; redirects
are not followed, so a redirect is judged by its own status. One client is shared by all
checks of a probe, so connections to one host are reused the way a browser would.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from accord.monitor.probes.http_client import HttpAnswer, HttpClient, HttpFailure
from accord.monitor.probes.result import ProbeResult, ProbeTarget, finish, remaining, started


class HttpProbe:
    """Checks a URL; keeps connections alive between checks of one host."""

    def __init__(self, max_connections: int = 100, keep_alive: bool = True) -> None:
        self.client = HttpClient(per_host=max_connections, keep_alive=keep_alive)

    async def aclose(self) -> None:
        await self.client.aclose()

    async def __call__(self, target: ProbeTarget, deadline: float) -> ProbeResult:
        at, t0 = started()
        method = "HEAD" if target.kind == "http_headers" else "GET"
        timeout = min(target.timeout, remaining(deadline))
        try:
            answer = await asyncio.wait_for(
                self.client.request(method, target.target, target.verify_tls), timeout
            )
        except TimeoutError:
            return finish(at, t0, target, False, f"no answer within {target.timeout:g} s", False)
        except (HttpFailure, OSError, ValueError, asyncio.IncompleteReadError) as error:
            return finish(at, t0, target, False, _error_words(error), False)
        ok, reason = _judge(target, answer)
        return finish(at, t0, target, ok, reason)


def _judge(target: ProbeTarget, response: HttpAnswer) -> tuple[bool, str]:
    status = f"{response.status} {response.reason}".strip()
    accepted = target.expect_status or range(200, 400)
    if response.status not in accepted:
        return False, f"status {status}"
    if target.keyword is not None and target.keyword not in response.text:
        return False, f"{status}, but the body lacks {target.keyword!r}"
    if target.json_path is not None:
        return _judge_json(target.json_path, target.json_value, response.text, status)
    return True, status


def _judge_json(path: str, expected: str | None, body: str, status: str) -> tuple[bool, str]:
    try:
        found: Any = json.loads(body)
    except ValueError:
        return False, f"{status}, but the body is not JSON"
    for key in path.split("."):
        if isinstance(found, dict) and key in found:
            found = found[key]
        elif isinstance(found, list) and key.isdigit() and int(key) < len(found):
            found = found[int(key)]
        else:
            return False, f"{status}, but the JSON has no {path!r}"
    text = found if isinstance(found, str) else json.dumps(found)
    if expected is not None and text != expected:
        return False, f"{status}, but {path} is {text!r}, not {expected!r}"
    return True, f"{status}, {path} = {text}"


def _error_words(error: BaseException) -> str:
    if isinstance(error, asyncio.IncompleteReadError):
        return "the connection closed in the middle of the answer"
    return str(error) or type(error).__name__
