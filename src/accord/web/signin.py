"""Signing in to the web pages: sessions in cookies, and a CSRF token on every form.

A reader signs in with an API token of the service (`accord token create`, or the ones
`accord serve --demo` prints): the same accounts, roles and tenant isolation as the API.
The session lives in the server's memory (a restart signs everyone out); its cookie is
HttpOnly, Secure and SameSite=Strict and holds only a random id. Every form carries a
CSRF token: the session's own, or before sign-in a random one also set in a cookie
(double submit). Passwords are not there yet: the service's users have none to check.
"""

from __future__ import annotations

import hmac
import secrets
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from accord.services.accounts import Principal

__all__ = ["COOKIE", "CSRF_COOKIE", "LIFETIME", "WebSession", "WebSessions", "same_token"]

COOKIE = "accord_session"
CSRF_COOKIE = "accord_csrf"  # before sign-in only
LIFETIME = timedelta(hours=8)


@dataclass(frozen=True)
class WebSession:
    id: str  # random, 256 bits: the cookie's value
    principal: Principal  # who signed in
    csrf: str  # the token every form of this session carries
    expires_at: datetime  # UTC


class WebSessions:
    """The signed-in sessions of one running service."""

    def __init__(self) -> None:
        self._by_id: dict[str, WebSession] = {}
        self._lock = threading.Lock()

    def open(self, principal: Principal, now: datetime) -> WebSession:
        found = WebSession(
            secrets.token_urlsafe(32), principal, secrets.token_urlsafe(32), now + LIFETIME
        )
        with self._lock:
            self._by_id[found.id] = found
        return found

    def find(self, session_id: str | None, now: datetime) -> WebSession | None:
        if not session_id:
            return None
        with self._lock:
            found = self._by_id.get(session_id)
            if found is not None and found.expires_at <= now:
                del self._by_id[session_id]
                return None
        return found

    def close(self, session_id: str) -> None:
        with self._lock:
            self._by_id.pop(session_id, None)


def same_token(given: str | None, expected: str | None) -> bool:
    """Whether a form's CSRF token is the expected one (in constant time)."""
    return bool(given) and bool(expected) and hmac.compare_digest(str(given), str(expected))
