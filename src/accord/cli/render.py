"""The table form of statements and simulations, for people at a terminal.

Every figure comes from the statement as computed; this module only formats, to fit 80
columns: times in the contract zone (named once, in the heading) without the year,
durations as hours and minutes, percents to three decimals, unknowns as a dash. The
JSON form (`accord.domain.statement`) carries every figure in full.

A month of many tickets is summarised: a table of every ticket's clocks took minutes to
lay out for 100,000 tickets and pages no one reads, so past `SUMMARY_OVER` tickets the
statement shows the compliance per severity and clock (with the clocks missed) and lists
only the missed clocks, at the end, as plain aligned lines written as they are (rich
would take seconds to lay out 70,000 lines); `accord evaluate --all-rows` draws every
ticket.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from itertools import groupby
from typing import Any
from zoneinfo import ZoneInfo

from rich import box
from rich.console import Console, Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from accord.domain.availability import AvailabilityResult
from accord.domain.statement import Statement, local_iso, statement_json
from accord.services.evaluate import Simulation
from accord.services.findings import local_time, money_words

DASH = "-"
SUMMARY_OVER = 50  # tickets in a month past which the table summarises them
CLOCKS = {"first_response": "first response", "periodic_update": "update",
          "temporary_resolution": "temporary fix", "resolution": "resolution"}  # fmt: skip


PAID = {"automatic": "paid without a claim", "election": "owed if the customer elects it",
        "claim": "owed only if claimed"}  # fmt: skip


def percent(value: float | None, places: int = 3) -> str:
    return DASH if value is None else f"{value:.{places}f} %"


def span(seconds: float) -> str:
    """'19h30', '6h', '30m', '0', '45s': short enough for a column."""
    if 0 < seconds < 60:
        return f"{seconds:g}s"
    hours, minutes = divmod(round(seconds / 60), 60)
    if not hours:
        return f"{minutes}m" if minutes else "0"
    return f"{hours}h{minutes:02d}" if minutes else f"{hours}h"


def verdict(met: bool | None, unknown: str = "no data") -> Text:
    if met is None:
        return Text(unknown, style="yellow")
    return Text("met", style="green") if met else Text("missed", style="bold red")


def money(amount: float | None, currency: str | None) -> str:
    return DASH if amount is None else money_words(amount, currency)


def when(value: datetime | None, zone: str) -> str:
    """'10-06 08:30' in the contract zone; the heading names the zone."""
    if value is None:
        return DASH
    return value.astimezone(ZoneInfo(zone)).strftime("%m-%d %H:%M")


def _table(title: str, *columns: str, right: Sequence[str] = ()) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
                  pad_edge=False, show_edge=False)  # fmt: skip
    for name in columns:
        table.add_column(name, justify="right" if name in right else "left")
    return table


def statement_view(s: Statement, all_rows: bool = False) -> RenderableType:
    """The month as tables; its tickets summarised past SUMMARY_OVER unless `all_rows`."""
    summary = summarised(s, all_rows)
    plan = f" · plan {s.plan}" if s.plan else ""
    heading = (f"{s.contract} version {s.version} · {s.period.label}{plan} · "
               f"times in {s.period.zone}")  # fmt: skip
    parts: list[RenderableType] = [Rule(heading, align="left"), *_availability(s)]
    if s.not_applicable:  # a precondition is not met: no credit is owed
        reasons = "; ".join(s.not_applicable)
        parts.append(Text(f"Credits: not applicable: the SLA applies only when {reasons}"))
    elif s.credit_requires is not None:  # the contract has some credit rule
        parts.append(_credits(s))
    if s.performance:
        parts.append(_performance(s))
    if s.tickets and not summary:
        parts.append(_tickets(s))
    if any(c.tickets or c.pending for c in s.compliance):
        parts.append(_compliance(s, missed=summary))
    remedies = _remedies(s)
    if remedies.plain:
        parts.append(remedies)
    if s.findings:
        notes = "\n".join(f"- {f.message}" for f in s.findings)
        parts.append(Group(Text("Findings", style="bold"), Text(notes)))
    return Group(*_spaced(parts))


def _spaced(parts: list[RenderableType]) -> list[RenderableType]:
    """A blank line before each part after the heading: tables need air between them."""
    return [parts[0], *(x for p in parts[1:] for x in (Text(""), p))]


def _availability(s: Statement) -> list[Table]:
    tables = []
    for objective, rows in groupby(s.availability, key=lambda r: r.objective):
        group = list(rows)
        kind = " (benchmark, no remedy)" if objective in s.benchmarks else ""
        title = f"Availability: {objective}, target {percent(group[0].target_percent, 2)}{kind}"
        if group[0].window is not None:  # judged on a quarter or a year, not the period
            title += f", judged on {group[0].window}"
        table = _table(title, "Scope", "Achieved", "Down", "Excluded", "No data", "Result",
                       right=("Achieved", "Down", "No data"))  # fmt: skip
        for row in group:
            excluded = "\n".join(
                f"{reason.replace('_', ' ')} {span(sec)}" for reason, sec in row.excluded_seconds
            )
            table.add_row(row.scope or "service", percent(row.achieved_percent),
                          span(row.downtime_seconds), excluded or DASH,
                          span(row.no_data_seconds), _result(row))  # fmt: skip
        tables.append(table)
    return tables


def _result(row: AvailabilityResult) -> Text:
    """Without a verdict: 'no data' when nothing was judged, else the plan sets no target."""
    return verdict(row.met, "no data" if row.achieved_percent is None else "no target")


def _credits(s: Statement) -> Table:
    table = _table("Credits (before the cap)", "Objective", "Scope", "Percent", "Amount",
                   right=("Percent", "Amount"))  # fmt: skip
    for line in s.credits:
        amount = money(line.amount, line.currency)
        if not line.added:  # another objective pays more for this scope (combine: max)
            amount += " (not added: one credit a scope)"
        table.add_row(line.objective, line.scope or "service", percent(line.percent, 2),
                      amount)  # fmt: skip
    total = s.credit_total
    label = "Total owed, capped" if total.capped else "Total owed"
    table.add_row(Text(label, style="bold"), "", "",
                  Text(money(total.amount, total.currency), style="bold"))  # fmt: skip
    return table


def _performance(s: Statement) -> Table:
    table = _table("Performance", "Objective", "Promise", "Achieved", "Values", "Result",
                   right=("Achieved", "Values"))  # fmt: skip
    for p in s.performance:
        name = f"{p.objective} ({p.scope})" if p.scope else p.objective
        achieved = DASH if p.achieved is None else f"{p.achieved:.3f} {p.unit}".rstrip()
        table.add_row(name, p.requirement, achieved, str(p.samples), verdict(p.met))
    return table


def _tickets(s: Statement) -> Table:
    zone = s.period.zone
    table = _table("Tickets opened in the month", "Ticket", "Sev", "Opened", "Clock", "Due",
                   "Done", "Result")  # fmt: skip
    for t in s.tickets:
        lead = [t.id, t.severity, when(t.opened_at, zone)]
        for c in t.clocks:
            table.add_row(*lead, CLOCKS[c.metric], when(c.due, zone), when(c.achieved_at, zone),
                          verdict(c.met, "pending"))  # fmt: skip
            lead = ["", "", ""]
        if not t.clocks:
            table.add_row(*lead, DASH, DASH, DASH, Text("no target"))
    return table


def _compliance(s: Statement, missed: bool = False) -> Table:
    """Per severity and clock; with `missed`, the missed clocks counted too."""
    counts = ("Tickets", "Met", *(("Missed",) if missed else ()))
    numbers = (*counts, "Achieved", "Required")
    table = _table("Support compliance", "Sev", "Clock", *numbers, "Result", right=numbers)
    for c in s.compliance:
        if not c.tickets and not c.pending:
            continue  # no ticket of the month has this clock: nothing to show
        extra = (f"{c.tickets - c.tickets_met:,}",) if missed else ()
        table.add_row(c.severity, CLOCKS[c.metric], f"{c.tickets:,}", f"{c.tickets_met:,}",
                      *extra, percent(c.achieved_percent, 1), percent(c.required_percent, 1),
                      verdict(c.compliant, "pending"))  # fmt: skip
    return table


BREACH_HEADS = ("Ticket", "Sev", "Opened", "Clock", "Due", "Done")


def summarised(s: Statement, all_rows: bool) -> bool:
    return not all_rows and len(s.tickets) > SUMMARY_OVER


def print_breaches(s: Statement, console: Console) -> None:
    """'Missed clocks', then one aligned line per missed clock, in the tickets' order."""
    zone = s.period.zone
    rows = [
        (t.id, t.severity, when(t.opened_at, zone), CLOCKS[c.metric], when(c.due, zone),
         when(c.achieved_at, zone))
        for t in s.tickets
        for c in t.clocks
        if c.met is False
    ]  # fmt: skip
    console.print()
    console.print(Text(f"Missed clocks: {len(rows):,} ({len(s.tickets):,} tickets opened in "
                       "the month; --all-rows lists every ticket)", style="bold"))  # fmt: skip
    if rows:
        widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(BREACH_HEADS)]
        lines = [_aligned(BREACH_HEADS, widths), *(_aligned(row, widths) for row in rows)]
        console.file.write("\n".join(lines) + "\n")


def _aligned(cells: tuple[str, ...], widths: list[int]) -> str:
    return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()


def _remedies(s: Statement) -> Text:
    lines = []
    if s.credit_requires is not None:
        lines.append(f"Credit: {PAID[s.credit_requires]}")
    if s.claim_deadline is not None:
        lines.append(f"Claim deadline: {local_time(s.claim_deadline, s.period.zone)}")
    right = s.termination_right
    if right is not None:
        state = {True: "granted", False: "not granted", None: "undecided (months lack data)"}
        missed = ", ".join(right.missed) or "none"
        lines.append(
            f"Termination right: {state[right.granted]} ({right.missed_months} missed months "
            f"within {right.within_months}; missed: {missed})"
        )
    return Text("\n".join(lines))


def print_statements(
    statements: Sequence[Statement], console: Console, all_rows: bool = False
) -> None:
    for i, s in enumerate(statements):
        if i:
            console.print()
        console.print(statement_view(s, all_rows))
        if summarised(s, all_rows):
            print_breaches(s, console)


# --- simulations -----------------------------------------------------------------------


def simulation_view(result: Simulation) -> RenderableType:
    before = result.before
    zone = before.period.zone
    heading = (
        f"What if: {before.contract} version {before.version} · {before.period.label} · "
        f"times in {zone}"
    )
    added = _table("Hypothetical outages", "Start", "End", "Scope")
    for o in result.added:
        added.add_row(when(o.start, zone), when(o.end, zone), o.scope or "whole service")
    currency = next((line.currency for line in result.after.credits if line.currency), "")
    numbers = ("Before", "After", "Difference")
    title = f"Credits before and after, {currency}".rstrip(", ")
    table = _table(title, "Objective", "Scope", *numbers, right=numbers)
    for c in result.changes:
        table.add_row(c.objective, c.scope or "service", _owed(c.amount_before, c.percent_before),
                      _owed(c.amount_after, c.percent_after),
                      _amount(c.difference))  # fmt: skip
    old, new = before.credit_total, result.after.credit_total
    table.add_row(
        Text("Total owed", style="bold"), "", _amount(old.amount),
        _amount(new.amount) + (" capped" if new.capped else ""),
        Text(_amount(result.difference), style="bold"),
    )  # fmt: skip
    # A month without evidence is no data before; the outages alone then judge it after.
    said = [
        Text(f"{when_}: {f.message}")
        for when_, s in (("Before", before), ("After", result.after))
        for f in s.findings
        if f.kind in ("records_only", "silence_as_up")
        or (f.kind == "no_data" and "no evidence" in f.message)
    ]
    return Group(*_spaced([Rule(heading, align="left"), added, table, *said]))


def _amount(value: float | None) -> str:
    return DASH if value is None else f"{value:,.2f}"


def _owed(amount: float | None, share: float | None) -> str:
    return f"{_amount(amount)} ({DASH if share is None else f'{share:g} %'})"


def simulation_json(result: Simulation) -> dict[str, Any]:
    before, after = statement_json(result.before), statement_json(result.after)
    total_before, total_after = before["credit_total"], after["credit_total"]
    zone = result.before.period.zone
    return {
        "contract": before["contract"],
        "period": before["period"],
        "added_outages": [
            {"start": local_iso(o.start, zone), "end": local_iso(o.end, zone), "scope": o.scope}
            for o in result.added
        ],
        "changes": [
            {"objective": c.objective, "scope": c.scope, "percent_before": c.percent_before,
             "percent_after": c.percent_after, "amount_before": c.amount_before,
             "amount_after": c.amount_after,
             "difference": c.difference}
            for c in result.changes
        ],
        "credit_total": {
            "before": total_before["amount"],
            "after": total_after["amount"],
            "difference": result.difference,
            "currency": total_after["currency"],
            "capped_after": total_after["capped"],
        },
        "before": before,
        "after": after,
    }  # fmt: skip
