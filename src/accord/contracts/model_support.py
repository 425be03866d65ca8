"""The contract language, support section: channels, severities and their clocks."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, model_validator

from accord.contracts.model_base import Clock, Strict, keys_as_text
from accord.contracts.types import (
    Duration,
    DurationField,
    DurationOrRangeField,
    DurationRange,
    PercentField,
)
from accord.domain.support.terms import Metric, Reclassification


class Channel(Strict):
    name: str
    kind: Literal["email", "phone", "portal", "chat", "emergency_line", "monitoring"]
    address: str | None = None
    calendar: str | None = None  # when the channel is staffed; the support calendar by default
    opens_tickets: bool = True
    eligible: list[str] = []  # who may use it, e.g. subscribers
    topics: list[str] = []  # what it may be used for


def whole_days(amount: Duration | DurationRange, clock: str | None) -> None:
    """Days on a business clock count business dates: refuse a fraction of one."""
    for one in (amount.low, amount.high) if isinstance(amount, DurationRange) else (amount,):
        counted = one.unit == "business_days" or (one.unit == "days" and clock != "calendar")
        if counted and not one.amount.is_integer():
            raise ValueError(f"{one.text!r} on a business clock needs whole days")


class Target(Strict):
    """A clock: due `within` after its start, counted on `clock`."""

    within: DurationOrRangeField
    bound: Literal["lower", "upper"] | None = None  # which end of a range is the promise
    clock: Clock | None = None  # business: the coverage calendar's open time
    calendar: str | None = None  # overrides the severity's coverage calendar

    @model_validator(mode="after")
    def _whole_days(self) -> Target:
        whole_days(self.within, self.clock)
        return self


class Update(Strict):
    every: DurationOrRangeField
    bound: Literal["lower", "upper"] | None = None
    clock: Clock | None = None
    calendar: str | None = None

    @model_validator(mode="after")
    def _whole_days(self) -> Update:
        whole_days(self.every, self.clock)
        return self


class Severity(Strict):
    name: str
    definition: str | None = None
    coverage: str | None = None  # calendar of this severity; the support calendar by default
    first_response: Target | None = None
    periodic_update: Update | None = None
    temporary_resolution: Target | None = None
    resolution: Target | None = None
    downgrade_on_workaround: str | None = None  # severity it drops to (S3)
    third_party: bool = False  # concerns third parties (Ethnio level 4)


class Compliance(Strict):
    required_percent: PercentField  # share of the month's tickets that must meet the target
    metrics: list[Metric] = Field(min_length=1)
    severities: list[str] | None = None  # all severities when absent


class Closure(Strict):
    on: Literal["resolved", "no_customer_reply", "customer_confirmation"]
    after: DurationField | None = None  # for no_customer_reply


class Contact(Strict):
    name: str
    role: str | None = None
    contact: str | None = None
    respond_within: Target | None = None


class Support(Strict):
    calendar: str  # the default calendar of support clocks
    channels: list[Channel] = []
    who_may_open: list[str] | None = None  # roles allowed to open tickets; anyone when absent
    outside_hours: Literal["next_opening", "immediately"] = "next_opening"
    after_hours_messages: Target | None = None  # answered within ... of the next opening
    severities: Annotated[dict[str, Severity], BeforeValidator(keys_as_text)]
    reclassification: Reclassification = "any_time"
    pause_while_awaiting_customer: bool = True
    closure: list[Closure] = []
    compliance: list[Compliance] = []
    escalation: list[Contact] = []  # in order: move up when one cannot be reached
    billable: list[str] = []  # work outside the SLA that may be invoiced
