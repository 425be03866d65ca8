"""Per-customer opt-in, other customers' notices, and third-party issues (Ethnio E7)."""

from __future__ import annotations

import pytest

from accord.notify import Notice, Recipient
from accord.notify.notices import with_cc

MAINTENANCE = Notice("maintenance_announced", "acme", {})
THIRD_PARTY = Notice("incident_opened", "acme", {}, third_party=True)


def test_a_customer_that_opted_out_of_a_kind_does_not_get_it() -> None:
    only_incidents = Recipient("acme", ("json://x",), kinds=frozenset({"incident_opened"}))
    assert not only_incidents.wants(MAINTENANCE)
    assert only_incidents.wants(Notice("incident_opened", "acme", {}))


def test_a_customer_never_gets_another_customers_notice() -> None:
    assert not Recipient("globex", ("json://x",)).wants(MAINTENANCE)


@pytest.mark.parametrize(
    ("policy", "opted", "wanted"),
    [
        ("off", True, False),
        ("opt_in", False, False),
        ("opt_in", True, True),
        ("always", False, True),
    ],
)
def test_third_party_issues_follow_the_contract_and_the_opt_in(
    policy: str, opted: bool, wanted: bool
) -> None:
    recipient = Recipient("acme", ("json://x",), third_party=opted)
    assert recipient.wants(THIRD_PARTY, policy) is wanted  # type: ignore[arg-type]


def test_cc_addresses_join_those_already_in_the_url_once_each() -> None:
    url = with_cc("mailto://h:25?to=a@x.test&cc=b@x.test", ("b@x.test", "c@x.test"))
    assert url == "mailto://h:25?to=a@x.test&cc=b@x.test,c@x.test"
