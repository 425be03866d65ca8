"""Notices through Apprise to a real SMTP server and a real webhook receiver."""

from __future__ import annotations

import asyncio

from accord.notify import Notice, Recipient, deliver
from notify.receivers import mail_url, smtp_server, webhook_receiver

OPENED = Notice(
    "incident_opened",
    "acme",
    {"service": "Letsignit", "title": "Application servers down", "scopes": " (paris)",
     "started_at": "2026-10-05 08:01 UTC", "cause": "unplanned", "status": "investigating",
     "message": "HTTPS header check failing from 2 of 3 locations."},
)  # fmt: skip


def test_the_incident_is_mailed_to_the_customer_and_copied_to_its_cc_list() -> None:
    with smtp_server() as (box, port):
        acme = Recipient("acme", (mail_url(port, "ops@acme.test"),), cc=("cto@acme.test",))
        done = asyncio.run(deliver(OPENED, [acme]))
    assert [d.ok for d in done] == [True]
    ((sender, recipients, message),) = box.messages
    assert sender == "status@provider.test"
    assert sorted(recipients) == ["cto@acme.test", "ops@acme.test"]
    assert message["Subject"] == "[Letsignit] Incident opened: Application servers down"
    assert message["Cc"] == "cto@acme.test"
    text = message.get_payload()[0].get_payload(decode=True).decode()  # type: ignore[index, union-attr]
    assert "affecting Letsignit (paris)" in text
    assert "Started: 2026-10-05 08:01 UTC" in text


def test_the_incident_is_posted_to_the_customers_webhook() -> None:
    with webhook_receiver() as (received, address):
        acme = Recipient("acme", (f"json://{address}/hooks/status",))
        done = asyncio.run(deliver(OPENED, [acme]))
    assert done[0].ok and done[0].channel == "json://127.0.0.1"
    (posted,) = received
    assert posted["title"] == "[Letsignit] Incident opened: Application servers down"
    assert "HTTPS header check failing" in posted["message"]


def test_a_failing_channel_is_reported_not_raised() -> None:
    from notify.receivers import free_port

    acme = Recipient("acme", (f"json://127.0.0.1:{free_port()}/nobody",))
    done = asyncio.run(deliver(OPENED, [acme]))
    assert [d.ok for d in done] == [False]
