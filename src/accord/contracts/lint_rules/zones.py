"""Time zones that cannot be what the contract means."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

from accord.contracts.lint_rules.base import (
    Check,
    Context,
    Finding,
    Rule,
    describe_week,
)

# Names that stand for an offset, not a place. Hawaii keeps no summer time, so 'HST' is
# not among them; 'EST' and 'MST' are, since New York and Denver do keep it.
_OFFSET_NAMES = {"UTC", "UCT", "GMT", "GMT0", "GMT+0", "GMT-0", "Greenwich", "Universal",
                 "Zulu", "EST", "MST"}  # fmt: skip
_PLACES = {
    "EST": "'America/New_York'",
    "MST": "'America/Denver'",
}
_BRITISH_ISLES = "'Europe/London' (UK) or 'Europe/Dublin' (Ireland)"


def is_fixed_offset(zone: str) -> bool:
    """True for zone names that are an offset (UTC, GMT, EST, Etc/GMT+5...), not a place."""
    return zone in _OFFSET_NAMES or zone.startswith("Etc/")


def keeps_summer_time(zone: str, year: int) -> bool:
    """Whether the zone's offset in January differs from July's."""
    tz = ZoneInfo(zone)
    winter, summer = datetime(year, 1, 15, tzinfo=tz), datetime(year, 7, 15, tzinfo=tz)
    return winter.utcoffset() != summer.utcoffset()


FIXED_ZONE = Rule(
    "A403",
    "business hours on a fixed-offset zone",
    "Hours such as '9am-5pm GMT' stay on GMT all year, while Ireland and the UK move to "
    "summer time: from late March to late October they are 10:00-18:00 on local clocks. "
    "Most SLAs mean local time; use the place's zone ('Europe/Dublin'), or keep the "
    "offset and say in the calendar's description that the hours do not follow summer "
    "time.",
)


def fixed_zone(context: Context) -> Iterator[Finding]:
    contract = context.contract
    home = contract.zone if keeps_summer_time(contract.zone, context.today.year) else None
    for name, calendar in contract.calendars.items():
        if is_fixed_offset(calendar.zone) and not calendar.around_the_clock:
            yield (
                ("calendars", name, "zone"),
                _message(f"calendar {name!r} ({describe_week(calendar)})", calendar.zone, home),
            )
    maintenance = contract.maintenance
    zone = maintenance.zone if maintenance is not None and maintenance.windows else None
    if zone is not None and is_fixed_offset(zone):
        yield ("maintenance", "zone"), _message("the maintenance windows", zone, home)


def _message(what: str, zone: str, home: str | None) -> str:
    place = _PLACES.get(zone.removeprefix("Etc/"), _BRITISH_ISLES)
    own = f"; the contract's own zone {home!r} does" if home is not None else ""
    return (
        f"{what} is on {zone!r}, a fixed offset that never moves to summer time{own}: "
        f"did the SLA mean local time, an hour earlier in summer? If so use {place}; "
        "if not, say that the hours stay on the offset all year"
    )


RULES: list[tuple[Rule, Check]] = [(FIXED_ZONE, fixed_zone)]
