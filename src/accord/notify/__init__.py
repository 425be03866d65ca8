"""Notifications: notices rendered from template files and sent through Apprise.

- `notices`: what is announced (`Notice`) and to whom (`Recipient`: channels, opt-in
  kinds, CC list, third-party issues);
- `send`: rendering from `templates/` and delivery (`deliver`), one result per channel.
"""

from accord.notify.notices import NOTICE_KINDS, Notice, NoticeKind, Recipient
from accord.notify.send import Delivery, deliver, render

__all__ = ["NOTICE_KINDS", "Delivery", "Notice", "NoticeKind", "Recipient", "deliver", "render"]
