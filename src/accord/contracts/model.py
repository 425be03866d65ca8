"""The contract language: what an SLA promises, as a validated model.

Every section is optional except identity and time zone, so a contract says only what its
SLA says. Unknown keys are refused everywhere (`extra="forbid"`); the loader turns every
refusal into `file:line:column: key: what was expected`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import (
    BeforeValidator,
    Field,
    field_validator,
    model_validator,
)

from accord.contracts.durations import Duration
from accord.contracts.model_base import (
    EXCLUDABLE_CAUSES,
    SLUG,
    Clock,
    Strict,
    keys_as_text,
)
from accord.contracts.model_credits import (
    Claim,
    CreditRule,
    Credits,
    FlatCredit,
    LinearCredit,
    ProportionalCredit,
    Termination,
    Tier,
    TieredCredit,
)
from accord.contracts.model_objectives import (
    Availability,
    Band,
    Measurement,
    Performance,
    Probe,
    Ratio,
    RequestMeasurement,
)
from accord.contracts.model_support import (
    Channel,
    Closure,
    Compliance,
    Contact,
    Severity,
    Support,
    Target,
    Update,
)
from accord.contracts.types import (
    DurationField,
    FixedDurationField,
    HolidayRuleField,
    NthWeekdayRule,
    TimeRange,
    TimeRangeField,
    Week,
    WindowField,
    ZoneField,
    overlapping_ranges,
    parse_day_set,
    parse_nth_weekday,
    parse_time_of_day,
    week_from_ranges,
)
from accord.domain.calendars.hours import merge

# Causes and support metrics are the domain's own words.
from accord.domain.evidence import Cause
from accord.domain.period import Window
from accord.domain.support.terms import Metric

__all__ = [
    "Availability",
    "Band",
    "Calendar",
    "Cause",
    "Channel",
    "Claim",
    "Clock",
    "Closure",
    "Compliance",
    "Condition",
    "Contact",
    "Contract",
    "CountryHolidays",
    "CreditRule",
    "Credits",
    "DataLifecycle",
    "EXCLUDABLE_CAUSES",
    "Exclusions",
    "FlatCredit",
    "Holiday",
    "Incidents",
    "LinearCredit",
    "Maintenance",
    "Measurement",
    "Metric",
    "Notifications",
    "Performance",
    "Plan",
    "Precondition",
    "Probe",
    "ProportionalCredit",
    "Ratio",
    "Recurring",
    "RequestMeasurement",
    "SLUG",
    "Source",
    "Severity",
    "StatusPage",
    "Strict",
    "Support",
    "Target",
    "Termination",
    "Tier",
    "TieredCredit",
    "Update",
]


# --- calendars -------------------------------------------------------------------------


class Holiday(Strict):
    """One holiday: a fixed date ('12-25' every year, or '2026-12-24' once) or a rule."""

    name: str
    date: str | None = Field(default=None, pattern=r"^(\d{4}-)?\d{2}-\d{2}$")
    rule: HolidayRuleField | None = None

    @field_validator("date")
    @classmethod
    def _real_date(cls, value: str | None) -> str | None:
        if value is not None:
            parts = [int(p) for p in value.split("-")]
            year, month, day = parts if len(parts) == 3 else [2024, *parts]  # a leap year
            date(year, month, day)
        return value

    @model_validator(mode="after")
    def _one_kind(self) -> Holiday:
        if (self.date is None) == (self.rule is None):
            raise ValueError("a holiday has exactly one of 'date' or 'rule'")
        return self


class CountryHolidays(Strict):
    """Public holidays of a country (from the `holidays` package), only when asked."""

    country: str = Field(pattern=r"^[A-Z]{2,3}$")
    subdivision: str | None = None


class Calendar(Strict):
    """Opening hours in a zone: weekly ranges, minus holidays."""

    zone: ZoneField
    hours: Literal["always"] | dict[str, list[TimeRangeField]]
    holidays: list[Holiday] = []
    country_holidays: list[CountryHolidays] = []
    ical: list[str] = []  # iCalendar files of closed days, relative to the contract file
    description: str | None = None

    @field_validator("holidays")
    @classmethod
    def _one_holiday_a_name(cls, value: list[Holiday]) -> list[Holiday]:
        # Relative holidays count from a name: two holidays of one name make that ambiguous.
        names = [h.name for h in value]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise ValueError(f"holiday names must differ; given more than once: {twice}")
        return value

    @field_validator("hours")
    @classmethod
    def _day_sets(
        cls, value: Literal["always"] | dict[str, list[TimeRange]]
    ) -> Literal["always"] | dict[str, list[TimeRange]]:
        if isinstance(value, dict):
            seen: set[int] = set()
            for spec in value:
                days = set(parse_day_set(spec))
                if overlapping_ranges(value[spec]):
                    listed = ", ".join(str(r) for r in value[spec])
                    raise ValueError(f"the hours of {spec!r} overlap ({listed}); merge them")
                if days & seen:
                    raise ValueError(f"day set {spec!r} repeats a day given before")
                seen |= days
        return value

    @property
    def week(self) -> Week:
        """The weekly hours laid on seven days, ranges past midnight continued."""
        if self.hours == "always":
            return tuple(((0, 1440),) for _ in range(7))
        by_day: dict[int, list[TimeRange]] = {}
        for spec, ranges in self.hours.items():
            for day in parse_day_set(spec):
                by_day.setdefault(day, []).extend(ranges)
        return week_from_ranges(by_day)

    @property
    def around_the_clock(self) -> bool:
        """Open every minute of every day with no holiday: a clock on it needs no business
        hours, so 'business' and 'calendar' time agree."""
        full = all(day == ((0, 1440),) for day in self.week)
        return full and not (self.holidays or self.country_holidays or self.ical)


# --- plans, measurement and availability ------------------------------------------------


class Plan(Strict):
    name: str | None = None
    description: str | None = None


# --- maintenance and exclusions ---------------------------------------------------------


class Recurring(Strict):
    """A recurring maintenance slot: 'third saturday of month' at 18:00 for 17h."""

    on: str
    at: str
    lasts: FixedDurationField

    @field_validator("on")
    @classmethod
    def _rule(cls, value: str) -> str:
        rule = parse_nth_weekday(value, month_required=False)
        if rule.month is not None:
            raise ValueError(f"a recurring slot names no month ('... of month'), got {value!r}")
        return value

    @field_validator("at")
    @classmethod
    def _time(cls, value: str) -> str:
        parse_time_of_day(value)
        return value

    @field_validator("lasts")
    @classmethod
    def _some_time(cls, value: Duration) -> Duration:
        if not value.seconds:
            raise ValueError(f"a maintenance slot lasts some time, got {value.text!r}")
        return value

    @property
    def rule(self) -> NthWeekdayRule:
        return parse_nth_weekday(self.on, month_required=False)


class Maintenance(Strict):
    zone: ZoneField | None = None  # of the windows; the contract's zone by default
    windows: list[WindowField] = []  # allowed; empty means any time
    recurring: list[Recurring] = []
    as_needed: bool = True  # besides the recurring slots
    notice: FixedDurationField | None = None  # advance notice required
    announce: list[str] = []  # e-mail, status page, ...
    monthly_cap: FixedDurationField | None = None
    quarterly_cap: FixedDurationField | None = None  # per calendar quarter, instead of a month
    yearly_cap: FixedDurationField | None = None  # per calendar year ('at most 10 h a year')
    beyond_cap: Literal["downtime", "excluded"] = "downtime"
    outside_windows: Literal["downtime", "excluded"] = "downtime"
    without_notice: Literal["downtime", "excluded"] = "downtime"
    low_usage_periods: bool = False  # 'where possible, in low usage periods' (V2)

    @model_validator(mode="after")
    def _one_cap(self) -> Maintenance:
        given = [c for c in (self.monthly_cap, self.quarterly_cap, self.yearly_cap) if c]
        if len(given) > 1:
            raise ValueError("give one of monthly_cap, quarterly_cap or yearly_cap")
        return self

    @property
    def cap(self) -> tuple[Window, Duration | None]:
        """The cap and the calendar window it counts in (a month when there is none)."""
        if self.quarterly_cap is not None:
            return "quarter", self.quarterly_cap
        if self.yearly_cap is not None:
            return "year", self.yearly_cap
        return "month", self.monthly_cap

    @field_validator("as_needed")
    @classmethod
    def _as_needed(cls, value: bool) -> bool:
        # Refused rather than read loosely: the slots would narrow the allowed windows, and
        # the evaluation does not check maintenance against the recurring slots yet.
        if not value:
            raise ValueError(
                "false (maintenance only in the recurring slots) cannot be "
                "evaluated yet; the recurring slots are not checked against maintenance"
            )
        return value

    @property
    def allowed_week(self) -> Week | None:
        """The union of the allowed windows, or None when any time is allowed."""
        if not self.windows:
            return None
        return tuple(tuple(merge([p for w in self.windows for p in w[day]])) for day in range(7))


class Condition(Strict):
    """A condition that voids the guarantee, in the contract's words."""

    id: str = Field(pattern=SLUG)
    description: str


class Precondition(Strict):
    """When the SLA applies at all, as a fact of the customer's setup (evidence `facts`)."""

    id: str = Field(pattern=SLUG)
    description: str  # 'the customer runs in two or more availability zones'
    fact: str = Field(min_length=1)  # the fact's name in the evidence ('zones')
    at_least: float | None = None
    at_most: float | None = None
    equals: str | float | bool | None = None
    objectives: list[str] = []  # the objectives it governs (their ids); empty: the whole SLA

    @model_validator(mode="after")
    def _one_test(self) -> Precondition:
        given = [v for v in (self.at_least, self.at_most, self.equals) if v is not None]
        if len(given) != 1:
            raise ValueError("a precondition has exactly one of at_least, at_most or equals")
        return self


class Exclusions(Strict):
    causes: list[Literal["force_majeure", "third_party", "attack", "customer"]] = []
    downtime_from_initial_notice: bool = False  # no liability before the customer reports
    introductory_period: FixedDurationField | None = None  # after the first order (S8)
    conditions: list[Condition] = []  # other voiding conditions
    out_of_scope: list[str] = []  # beta features, client hardware, ...


# --- the rest --------------------------------------------------------------------------


class Incidents(Strict):
    opened_from_monitoring: bool = False
    lifecycle: list[str] = []  # steps of remediation, in order


class Notifications(Strict):
    third_party_issues: Literal["off", "opt_in", "always"] = "off"
    cc_allowed: bool = False
    channels: list[str] = []


class StatusPage(Strict):
    url: str | None = None
    separate_host: bool = False


class DataLifecycle(Strict):
    backup_every: DurationField | None = None
    backup_retention: DurationField | None = None
    export_after_termination: DurationField | None = None
    physical_media_within: DurationField | None = None
    anonymize_after_termination: DurationField | None = None


class Source(Strict):
    """The public SLA a contract encodes, cited as a reader would look it up."""

    title: str  # the document's own title
    date: str | None = None  # its date or version as published ('2019-10-29', 'undated')
    location: str  # where it is published: an address, or the provider's site and page


class Contract(Strict):
    id: str = Field(pattern=SLUG)
    title: str
    provider: str
    version: str
    effective_from: date
    effective_until: date | None = None
    supersedes: str | None = None  # 'id@version' of the contract this one replaces
    revision_notice: DurationField | None = None  # notice given before a new version
    source: str | Source | None = None  # the SLA it encodes: a citation (or free text)
    zone: ZoneField  # months are counted in this zone
    plans: Annotated[dict[str, Plan], BeforeValidator(keys_as_text)] = {}
    default_plan: str | None = None
    calendars: dict[str, Calendar] = {}
    availability: list[Availability] = []
    maintenance: Maintenance | None = None
    exclusions: Exclusions = Exclusions()
    preconditions: list[Precondition] = []  # the SLA applies only when all of them hold
    credits: Credits | None = None
    performance: list[Performance] = []
    support: Support | None = None
    incidents: Incidents | None = None
    notifications: Notifications | None = None
    status_page: StatusPage | None = None
    data: DataLifecycle | None = None

    @field_validator("supersedes")
    @classmethod
    def _reference(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^[a-z0-9][a-z0-9_.-]*@\S+$", value):
            raise ValueError(f"expected 'contract-id@version', got {value!r}")
        return value
