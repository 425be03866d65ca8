"""The table form of statements and simulations, for people at a terminal.

Every figure comes from the statement as computed; this module only formats: instants in
the contract zone, durations as hours and minutes, percents to three decimals, unknowns
as a dash.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from accord.domain.statement import Statement
from accord.services.findings import duration_words, local_time, money_words

DASH = "-"


def percent(value: float | None, places: int = 3) -> str:
    return DASH if value is None else f"{value:.{places}f} %"


def verdict(met: bool | None) -> Text:
    if met is None:
        return Text("no data", style="yellow")
    return Text("met", style="green") if met else Text("missed", style="bold red")


def money(amount: float | None, currency: str | None) -> str:
    return DASH if amount is None else money_words(amount, currency)


def when(value: datetime | None, zone: str, short: bool = False) -> str:
    """Local time in the contract zone; `short` drops the year, as tables of one month do."""
    if value is None:
        return DASH
    text = local_time(value, zone)
    return text[5:] if short else text


def statement_view(s: Statement) -> RenderableType:
    parts: list[RenderableType] = [_availability(s)]
    if s.credit_total is not None:
        parts.append(_credits(s))
    if s.performance:
        parts.append(_performance(s))
    if s.tickets:
        parts.append(_tickets(s))
    if any(c.tickets or c.pending for c in s.compliance):
        parts.append(_compliance(s))
    parts.append(_remedies(s))
    if s.findings:
        parts.append(Text("Findings", style="bold"))
        parts.extend(Text(f"  - {f.message}") for f in s.findings)
    plan = f"  plan {s.plan}" if s.plan else ""
    title = f"{s.contract} v{s.version}  {s.period.label} ({s.period.zone}){plan}"
    return Panel(Group(*parts), title=title, title_align="left")


def _availability(s: Statement) -> Table:
    table = Table(title="Availability", title_justify="left", expand=True)
    for name in ("Objective", "Scope", "Target", "Achieved", "Downtime", "Excluded",
                 "No data", "Result"):  # fmt: skip
        table.add_column(name, justify="right" if name not in ("Objective", "Scope") else "left")
    for row in s.availability:
        excluded = ", ".join(
            f"{cause} {duration_words(sec)}" for cause, sec in row.excluded_seconds
        )
        name = row.objective + (" (benchmark)" if row.objective in s.benchmarks else "")
        table.add_row(
            name, row.scope or "service", percent(row.target_percent, 2),
            percent(row.achieved_percent), duration_words(row.downtime_seconds), excluded or DASH,
            duration_words(row.no_data_seconds), verdict(row.met),
        )  # fmt: skip
    return table


def _credits(s: Statement) -> Table:
    table = Table(title="Credits", title_justify="left", expand=True)
    for name in ("Objective", "Scope", "Percent", "Amount"):
        table.add_column(name, justify="right" if name in ("Percent", "Amount") else "left")
    for line in s.credits:
        table.add_row(line.objective, line.scope or "service", percent(line.percent, 2),
                      money(line.amount, line.currency))  # fmt: skip
    total = s.credit_total
    if total is not None:
        note = " (capped)" if total.capped else ""
        table.add_row(Text("Total" + note, style="bold"), "", "",
                      Text(money(total.amount, total.currency), style="bold"))  # fmt: skip
    return table


def _performance(s: Statement) -> Table:
    table = Table(title="Performance", title_justify="left", expand=True)
    for name in ("Objective", "Scope", "Promise", "Achieved", "Samples", "Result"):
        table.add_column(name, justify="right" if name in ("Achieved", "Samples") else "left")
    for p in s.performance:
        achieved = DASH if p.achieved is None else f"{p.achieved:.3f} {p.unit}".rstrip()
        table.add_row(p.objective, p.scope or "service", p.requirement, achieved,
                      str(p.samples), verdict(p.met))  # fmt: skip
    return table


def _tickets(s: Statement) -> Table:
    zone = s.period.zone
    table = Table(title="Tickets opened this month", title_justify="left", expand=True)
    for name in ("Ticket", "Severity", "Opened", "Clock", "Due", "Done", "Result"):
        table.add_column(name)
    for t in s.tickets:
        first = True
        for c in t.clocks or ():
            table.add_row(
                t.id if first else "", t.severity if first else "",
                when(t.opened_at, zone) if first else "", c.metric.replace("_", " "),
                when(c.due, zone, short=True), when(c.achieved_at, zone, short=True),
                verdict(c.met),
            )  # fmt: skip
            first = False
        if first:
            table.add_row(t.id, t.severity, when(t.opened_at, zone), DASH, DASH, DASH, "")
    return table


def _compliance(s: Statement) -> Table:
    table = Table(title="Support compliance", title_justify="left", expand=True)
    for name in ("Severity", "Clock", "Tickets", "Met", "Achieved", "Required", "Result"):
        table.add_column(name, justify="left" if name in ("Severity", "Clock") else "right")
    for c in s.compliance:
        if not c.tickets and not c.pending:
            continue  # no ticket of the month has this clock: nothing to show
        table.add_row(c.severity, c.metric.replace("_", " "), str(c.tickets),
                      str(c.tickets_met), percent(c.achieved_percent, 1),
                      percent(c.required_percent, 1), verdict(c.compliant))  # fmt: skip
    return table


def _remedies(s: Statement) -> Text:
    lines = []
    if s.credit_requires is not None:
        lines.append(f"Credit: {s.credit_requires}")
    if s.claim_deadlines:
        lines.append(f"Claim deadline: {when(s.claim_deadline, s.period.zone)}")
    right = s.termination_right
    if right is not None:
        state = {True: "granted", False: "not granted", None: "undecided (months lack data)"}
        missed = ", ".join(right.missed) or "none"
        lines.append(
            f"Termination right: {state[right.granted]} ({right.missed_months} missed months "
            f"within {right.within_months}; missed: {missed})"
        )
    return Text("\n".join(lines))


def print_statements(statements: Sequence[Statement], console: Console) -> None:
    for s in statements:
        console.print(statement_view(s))
