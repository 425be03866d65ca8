"""`accord contract explain`: what a contract promises, in plain words and tables.

The explanation is a list of Rich renderables, one block per section of the contract, so
the CLI only prints it and tests can read it back as text. Sections the contract leaves
out are left out here too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from accord.contracts import explain_words as words
from accord.contracts.calendars import contract_calendars
from accord.contracts.loader import LoadedContract
from accord.contracts.model import Availability, Calendar, Contract, Support, TieredCredit
from accord.domain.calendars import holidays_in_year

HolidayDates = Callable[[str], list[tuple[date, str]]]  # calendar name -> (date, holiday)
Line = tuple[str, str | None]  # a label and its value; lines without a value are left out

_REQUIRES = {
    "automatic": "given without asking",
    "election": "given if the customer elects to receive them",
    "claim": "given only on a claim",
}
_APPLIED = {
    "next_invoice": "deducted from the next invoice",
    "future_fees": "credited against future fees",
    "refund": "refunded",
}
_THIRD_PARTY = {"off": None, "opt_in": "sent to customers who opt in", "always": "always sent"}


def explain(loaded: LoadedContract, year: int) -> list[RenderableType]:
    """The contract in words, with the days its calendars close in `year`.

    The contract must have passed `check_contract`: its calendars are built here."""
    contract = loaded.contract
    built = contract_calendars(loaded)

    def holidays(name: str) -> list[tuple[date, str]]:
        return [(h.date, h.name) for h in holidays_in_year(built[name], year)]

    sections = [
        _identity(contract),
        _preconditions(contract),
        _calendars(contract, year, holidays),
        _availability(contract),
        _maintenance(loaded),
        _exclusions(contract),
        _credits(contract),
        _support(contract),
        _performance(contract),
        _the_rest(contract),
    ]
    return [block for section in sections for block in section]


def _heading(text: str) -> Text:
    return Text(f"\n{text}", style="bold underline")


def _lines(*pairs: Line) -> Text:
    """'label: value' lines, without the lines whose value is absent."""
    text = Text()
    for label, value in pairs:
        if value:
            text.append(f"{label}: ", style="bold")
            text.append(f"{value}\n")
    text.rstrip()
    return text


def _table(*columns: str) -> Table:
    table = Table(show_header=True, header_style="bold")
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _when(condition: object, value: str) -> str | None:
    return value if condition else None


def _identity(c: Contract) -> Iterator[RenderableType]:
    yield Text(c.title, style="bold")
    until = f" until {c.effective_until}" if c.effective_until else " (no end date)"
    notice = c.revision_notice
    yield _lines(
        ("Provider", c.provider),
        ("Contract", f"{c.id}, version {c.version}"),
        ("In force", f"from {c.effective_from}{until}"),
        ("Replaces", c.supersedes),
        ("Changes", _when(notice, f"announced {words.duration(notice)} ahead" if notice else "")),
        ("Source", words.source(c.source)),
        ("Months", f"calendar months in {c.zone}"),
    )
    if c.plans:
        table = _table("Plan", "Name", "Description")
        for key, plan in c.plans.items():
            default = " (default)" if key == c.default_plan else ""
            table.add_row(key + default, plan.name or "", plan.description or "")
        yield table


def _calendars(c: Contract, year: int, holidays: HolidayDates) -> Iterator[RenderableType]:
    if not c.calendars:
        return
    yield _heading("Calendars")
    table = _table("Calendar", "Zone", "Open", "Holidays", f"Closed in {year}")
    for name, calendar in c.calendars.items():
        dates = "\n".join(f"{day:%a %d %b}: {label}" for day, label in holidays(name))
        title = name + (f"\n({calendar.description})" if calendar.description else "")
        table.add_row(title, calendar.zone, _hours(calendar), _rules(calendar), dates or "-")
    yield table


def _hours(calendar: Calendar) -> str:
    if calendar.hours == "always":
        return "24 hours, 7 days"
    return "\n".join(f"{days}: {', '.join(str(r) for r in ranges)}"
                     for days, ranges in calendar.hours.items())  # fmt: skip


def _rules(calendar: Calendar) -> str:
    found = [words.holiday(h) for h in calendar.holidays]
    for country in calendar.country_holidays:
        where = country.country + (f"-{country.subdivision}" if country.subdivision else "")
        found.append(f"public holidays of {where}")
    found += [f"closed days listed in {path}" for path in calendar.ical]
    return "\n".join(found) or "none"


def _availability(c: Contract) -> Iterator[RenderableType]:
    if not c.availability:
        return
    yield _heading("Availability")
    for o in c.availability:
        kind = "a benchmark, no remedy attached" if o.benchmark_only else "a commitment"
        excluded = "left out of the month" if o.excluded_time == "leaves_denominator" else (
            "counted as uptime")  # fmt: skip
        credit = words.credit(o.credit, c.credits, o.scope) if o.credit else "none"
        yield _lines(
            (o.id, f"{o.description}, {kind}" if o.description else kind),
            ("  Target", f"{words.target(o)} per {o.window.replace('_', ' ')}, per {o.scope}"),
            ("  Covers", words.covers(o.covers) if o.covers else None),
            ("  Scope downtime", _rollup(o)),
            (
                "  Measured by",
                words.requests(o.requests) if o.requests else words.measurement(o.measurement),
            ),
            ("  Counted in", _MINUTES.get(o.downtime_minutes or "")),
            ("  Excluded time", excluded),
            ("  Without evidence", _SILENCE[o.without_evidence]),
            ("  Credit", credit),
        )
        if isinstance(o.credit, TieredCredit):
            yield _tiers(o.credit, c, o.scope, "Achieved availability", "%")


_SILENCE = {
    "no_data": "a month with no sample and no outage record is no data, neither met nor missed",
    "up": "a month with no sample and no outage record counts as up",
}

_MINUTES = {
    "any_second": "whole minutes; a minute with any second down is down",
    "whole_minute": "whole minutes; a minute is down only when all of it is (partial "
    "minutes do not count)",
}


def _rollup(o: Availability) -> str | None:
    """How scope evidence reaches a whole-service objective, once scopes are in play."""
    if o.scope != "service" or (o.rollup == "never" and o.covers is None):
        return None
    return words.rollup(o.rollup)


def _maintenance(loaded: LoadedContract) -> Iterator[RenderableType]:
    m = loaded.contract.maintenance
    if m is None:
        return
    yield _heading("Maintenance")
    raw = loaded.document.data.get("maintenance")
    written = [str(w) for w in raw.get("windows") or []] if isinstance(raw, dict) else []
    zone = m.zone or loaded.contract.zone
    per, cap = m.cap
    yield _lines(
        ("Allowed windows", f"{'; '.join(written)} ({zone})" if written else "any time"),
        ("Recurring slots", "; ".join(words.recurring(r) for r in m.recurring)),
        ("Also as needed", "yes" if m.as_needed else "no"),
        ("Notice", f"{words.duration(m.notice)} ahead" if m.notice else "no period stated"),
        ("Announced by", ", ".join(m.announce)),
        ("Cap", f"{words.duration(cap)} a {per}" if cap else "none"),
        ("Beyond the cap", _when(cap, _counts(m.beyond_cap))),
        ("Outside the windows", _when(written, _counts(m.outside_windows))),
        ("Without notice", _counts(m.without_notice)),
        ("Timing", _when(m.low_usage_periods, "in low-usage periods where possible")),
    )


def _counts(treatment: str) -> str:
    return "counts as downtime" if treatment == "downtime" else "excluded from downtime"


def _preconditions(c: Contract) -> Iterator[RenderableType]:
    if not c.preconditions:
        return
    yield _heading("Applies only when")
    for p in c.preconditions:
        test = next(f"{word} {value:g}" if isinstance(value, float) else f"{word} {value}"
                    for word, value in (
            ("at least", p.at_least), ("at most", p.at_most), ("equal to", p.equals))
            if value is not None)  # fmt: skip
        which = f" (for {', '.join(p.objectives)})" if p.objectives else ""
        yield _lines((f"  {p.id}", f"{p.description}{which}: evidence fact '{p.fact}' {test}"))


def _exclusions(c: Contract) -> Iterator[RenderableType]:
    e = c.exclusions
    intro = e.introductory_period
    lines = _lines(
        ("Downtime caused by", ", ".join(words.CAUSES[cause] for cause in e.causes)),
        ("Before the customer's notice", _when(e.downtime_from_initial_notice, "not counted")),
        (
            "Introductory period",
            _when(
                intro, f"the first {words.duration(intro)} after the first order" if intro else ""
            ),
        ),  # fmt: skip
        ("Out of scope", "; ".join(e.out_of_scope)),
    )
    if not (lines.plain or e.conditions):
        return
    yield _heading("Exclusions")
    yield lines
    for condition in e.conditions:
        yield _lines((f"  Void when ({condition.id})", condition.description))


_COMBINE = {
    "max": "only the largest credit is paid",
    "sum": "their credits add up",
}


def _credits(c: Contract) -> Iterator[RenderableType]:
    k = c.credits
    if k is None:
        return
    yield _heading("Credits and claims")
    cap = f"at most {words.percent(k.cap_percent)} a month" if k.cap_percent is not None else None
    end = k.termination
    termination = (f"the customer may terminate after {end.missed_months} missed months "
                   f"within {end.within_months}") if end else None  # fmt: skip
    yield _lines(
        ("Credits are", f"{_REQUIRES[k.requires]}, {_APPLIED[k.applied_to]}"),
        ("Taken of", words.basis(k, "location" if k.basis == "scope_fee" else "service")),
        ("Cap", cap or "none"),
        ("One scope, several objectives", _COMBINE[k.combine]),
        ("Claim", words.claim(k.claim) if k.claim else None),
        ("Sole remedy", _when(k.sole_remedy, "yes: credits are the only remedy")),
        ("Termination", termination),
    )


def _support(c: Contract) -> Iterator[RenderableType]:
    s = c.support
    if s is None:
        return
    yield _heading("Support")
    after = s.after_hours_messages
    answered = f"answered within {words.clock(after, s.calendar)}" if after else None
    start = "at the next opening" if s.outside_hours == "next_opening" else "at once"
    paused = "pauses" if s.pause_while_awaiting_customer else "does not pause"
    yield _lines(
        ("Hours", f"calendar {s.calendar!r}"),
        ("Who may open tickets", ", ".join(s.who_may_open) if s.who_may_open else "anyone"),
        ("Outside hours", f"clocks start {start}"),
        ("After-hours messages", answered),
        ("Reclassification", s.reclassification.replace("_", " ")),
        ("Waiting on the customer", f"{paused} the clocks"),
        ("Closed when", ", ".join(rule.on.replace("_", " ") for rule in s.closure)),
        ("Billable", "; ".join(s.billable)),
    )
    if s.channels:
        table = _table("Channel", "Kind", "Address", "Hours", "Who / what")
        for ch in s.channels:
            who = "; ".join([*ch.eligible, *ch.topics])
            who += "" if ch.opens_tickets else " (does not open tickets)"
            table.add_row(ch.name, ch.kind, ch.address or "", ch.calendar or s.calendar, who)
        yield table
    yield _severities(s, c)
    yield from _compliance_and_escalation(s)


def _severities(s: Support, c: Contract) -> Table:
    table = _table("Severity", "Coverage", "First response", "Updates", "Workaround",
                   "Resolution")  # fmt: skip
    for key, sev in s.severities.items():
        on = sev.coverage or s.calendar
        clocks = (sev.first_response, sev.periodic_update, sev.temporary_resolution,
                  sev.resolution)  # fmt: skip
        calendar = c.calendars.get(on)
        always = calendar is not None and calendar.around_the_clock
        cells = [words.clock(t, on, always) if t else "-" for t in clocks]
        name = f"{key}: {sev.name}"
        if sev.downgrade_on_workaround:
            name += f"\n(drops to {sev.downgrade_on_workaround} on a workaround)"
        table.add_row(name, on, *cells)
    return table


def _compliance_and_escalation(s: Support) -> Iterator[RenderableType]:
    for rule in s.compliance:
        which = ", ".join(rule.severities) if rule.severities else "all severities"
        metrics = ", ".join(m.replace("_", " ") for m in rule.metrics)
        yield Text(f"{words.percent(rule.required_percent)} of the month's tickets ({which}) "
                   f"must meet their {metrics} target")  # fmt: skip
    for i, contact in enumerate(s.escalation, start=1):
        details = ", ".join(x for x in (contact.role, contact.contact) if x)
        line = f"Escalation {i}: {contact.name}" + (f" ({details})" if details else "")
        if contact.respond_within:
            line += f"; responds within {words.clock(contact.respond_within, s.calendar)}"
        yield Text(line)


def _performance(c: Contract) -> Iterator[RenderableType]:
    if not c.performance:
        return
    yield _heading("Performance")
    table = _table("Objective", "Promise", "Per", "Measured by", "Credit")
    tiered = []
    for p in c.performance:
        measure = f"the achieved {p.metric or 'ratio'}"
        credit = words.credit(p.credit, c.credits, p.scope, measure) if p.credit else "none"
        if isinstance(p.credit, TieredCredit):
            credit = credit.replace("(table below)", f"(table '{p.id}' below)")
            tiered.append((p, p.credit))
        title = p.id + (f"\n({p.description})" if p.description else "")
        table.add_row(title, words.performance(p), p.scope, words.measurement(p.measurement),
                      credit)  # fmt: skip
    yield table
    for p, rule in tiered:  # every table the rows above mention
        unit = "%" if p.ratio is not None or p.bands else p.unit
        yield _tiers(rule, c, p.scope, f"{p.id}: achieved {p.metric or 'ratio'}", unit)


def _tiers(rule: TieredCredit, c: Contract, scope: str, measure: str, unit: str) -> Table:
    """A credit table: each tier's range in words, and what it pays."""
    table = _table(measure, "Credit")
    basis = words.basis(c.credits, scope)
    for tier in rule.tiers:
        reading = f"{tier.range}  {words.tier_range(str(tier.range), unit)}"
        table.add_row(reading, f"{words.percent(tier.percent)} of {basis}")
    return table


def _the_rest(c: Contract) -> Iterator[RenderableType]:
    lines: list[Line] = []
    if c.incidents is not None:
        automatic = c.incidents.opened_from_monitoring
        lines += [("Incidents", _when(automatic, "opened automatically from monitoring")),
                  ("Lifecycle", " -> ".join(c.incidents.lifecycle))]  # fmt: skip
    if c.notifications is not None:
        n = c.notifications
        lines += [("Third-party issue alerts", _THIRD_PARTY[n.third_party_issues]),
                  ("Copies", _when(n.cc_allowed, "the customer may add CC addresses")),
                  ("Notification channels", ", ".join(n.channels))]  # fmt: skip
    if c.status_page is not None:
        host = " (served from a separate host)" if c.status_page.separate_host else ""
        lines.append(("Status page", (c.status_page.url or "yes") + host))
    if c.data is not None:
        lines += _data_lines(c)
    text = _lines(*lines)
    if text.plain:
        yield _heading("Incidents, status and data")
        yield text


def _data_lines(c: Contract) -> list[Line]:
    assert c.data is not None
    d, say = c.data, words.duration
    return [
        ("Backups", f"every {say(d.backup_every)}" if d.backup_every else None),
        ("Backups kept", say(d.backup_retention) if d.backup_retention else None),
        ("Download after termination",
         f"for {say(d.export_after_termination)}" if d.export_after_termination else None),
        ("Physical media", f"on request within {say(d.physical_media_within)} of termination"
                           if d.physical_media_within else None),
        ("Personal data", f"anonymized {say(d.anonymize_after_termination)} after termination"
                          if d.anonymize_after_termination else None),
    ]  # fmt: skip
