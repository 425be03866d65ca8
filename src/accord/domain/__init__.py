"""The domain: the pure rules of an SLA, with no I/O, no clock, no ORM and no web.

Every function that depends on time takes `now` or the period as an argument; inputs are
plain immutable values and results are small frozen dataclasses. One folder per concept,
one module per rule:

- `period`: the contract's month (a calendar month in the contract's zone);
- `evidence`: what happened, as plain values (samples as columns);
- `calendars/`: business hours, holidays by rule, zone clocks, business time and its
  array form;
- `availability/`: vantage points, quorum and minimum outage, scope lines, maintenance
  and its cap, inferred measurement, span arithmetic;
- `support/`: terms, the reference (the spec), the array engine, deadlines, compliance;
- `performance`: statistics, percentile bands and ratios against their bounds;
- `remedies/`: credits, claim deadlines, the termination right;
- `statement`: the month's record, laid out from the results above.

Imports point one way: `period` and `evidence` import nothing of the domain;
`calendars` imports neither; `availability` and `support` build on `calendars`;
`remedies` on `calendars` and `evidence`; `performance` on `remedies`; `statement`
imports the results of all. `docs/architecture.md` draws the whole package.
"""
