"""What is announced, to whom: notices, recipients and their choices.

A notice is one event to tell (an incident opened, a maintenance window announced, ...)
with the values its template fills in. A recipient is one customer's set of channels
(Apprise URLs: `mailto://`, `json://`, `slack://`, ...) with the kinds it opted into and
the addresses to copy (Ethnio E7). Third-party issues reach a recipient only as the
contract says (`notifications.third_party_issues`: off, opt_in or always).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

NoticeKind = Literal[
    "incident_opened", "incident_updated", "incident_resolved",
    "maintenance_announced", "ticket_near_breach", "credit_owed",
]  # fmt: skip
NOTICE_KINDS: tuple[NoticeKind, ...] = (
    "incident_opened", "incident_updated", "incident_resolved",
    "maintenance_announced", "ticket_near_breach", "credit_owed",
)  # fmt: skip
ThirdParty = Literal["off", "opt_in", "always"]


@dataclass(frozen=True)
class Notice:
    kind: NoticeKind
    customer: str  # the customer it concerns
    values: Mapping[str, str]  # what the template fills in
    third_party: bool = False  # about a third party's issue (E7)


@dataclass(frozen=True)
class Recipient:
    customer: str
    urls: tuple[str, ...]  # Apprise URLs of the customer's channels
    kinds: frozenset[NoticeKind] = frozenset(NOTICE_KINDS)  # what it opted into
    cc: tuple[str, ...] = ()  # addresses copied on e-mail
    third_party: bool = False  # opted into third-party issues
    extra: Mapping[str, str] = field(default_factory=dict)  # reserved for channel options

    def wants(self, notice: Notice, policy: ThirdParty = "off") -> bool:
        """Whether this recipient is to receive `notice` under the contract's policy."""
        if notice.customer != self.customer or notice.kind not in self.kinds:
            return False
        if not notice.third_party:
            return True
        return policy == "always" or (policy == "opt_in" and self.third_party)

    def channel_urls(self) -> list[str]:
        """The URLs to notify, e-mail ones carrying the CC list."""
        return [with_cc(url, self.cc) if url.startswith("mailto") else url for url in self.urls]


def with_cc(url: str, cc: tuple[str, ...]) -> str:
    """A mailto URL with `cc` added to any CC it already has."""
    if not cc:
        return url
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    known = [a for a in query.get("cc", "").split(",") if a]
    query["cc"] = ",".join(dict.fromkeys([*known, *cc]))
    return urlunsplit(parts._replace(query=urlencode(query, safe="@,")))
