"""Malformed inputs, generated: each breaks one thing in a valid contract, evidence file or
command line, and says how `accord` must refuse it.

A case is files written into an empty folder, the command run there, the exit status
expected and where the first line of stderr must point: `file:line:` of the broken line,
or the option given (`error: --period`). The base files beside this module are valid; a
case changes one line of one of them (or one option), so the line a refusal must name is
the line changed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).parent
BASE_CONTRACT = (HERE / "base_contract.yaml").read_text(encoding="utf-8")
BASE_EVIDENCE = (HERE / "base_evidence.json").read_text(encoding="utf-8")
SAMPLES = (HERE / "samples.csv").read_text(encoding="utf-8")
ICS = (HERE / "closed.ics").read_bytes()
NOW = "2026-11-20T09:00Z"

FIFO = "<fifo>"  # a file given as this text is made a named pipe
DEV_ZERO = "<dev/zero>"  # ... a symlink to /dev/zero
OUTSIDE = "<outside>"  # ... a symlink to a file in the folder above


@dataclass(frozen=True)
class Case:
    name: str  # shown as the test id
    files: dict[str, bytes | str]  # path in the folder -> content (or a special marker)
    argv: tuple[str, ...]  # the command; '{dir}' is the folder
    code: int  # exit status expected
    where: str  # how stderr's first line starts; '{dir}' is the folder
    line: int | None = None  # the line the first problem is on, when the case knows it
    secret: str | None = None  # text that must not appear in the output
    outside: dict[str, bytes] = field(default_factory=dict)  # files in the folder above


def base_files(**changes: bytes | str) -> dict[str, bytes | str]:
    files: dict[str, bytes | str] = {
        "c.yaml": BASE_CONTRACT,
        "e.json": BASE_EVIDENCE,
        "samples.csv": SAMPLES,
        "closed.ics": ICS,
    }
    files.update(changes)
    return files


EVALUATE = ("evaluate", "{dir}/c.yaml", "--evidence", "{dir}/e.json", "--period", "2026-10",
            "--now", NOW)  # fmt: skip
CHECK = ("contract", "check", "{dir}/c.yaml")


def _line_of(text: str, needle: str) -> int:
    index = text.index(needle)
    return text.count("\n", 0, index) + 1


def contract_change(name: str, old: str, new: str, *, check: bool = True) -> Iterator[Case]:
    """The base contract with `old` replaced by `new`: refused by check and evaluate at
    the line of `old`."""
    assert BASE_CONTRACT.count(old) == 1, old
    text = BASE_CONTRACT.replace(old, new)
    line = _line_of(BASE_CONTRACT, old)
    files = base_files(**{"c.yaml": text})
    commands = [("evaluate", EVALUATE)] + ([("check", CHECK)] if check else [])
    for command, argv in commands:
        yield Case(f"{command}-{name}", files, argv, 1, "{dir}/c.yaml:", line)


# --- the contract -------------------------------------------------------------------

NUMBER_SLOTS = {
    "target": "target: 99.9",
    "credit-percent": "percent: 10",
    "per": "per: 1",
    "cap": "cap_percent: 50",
    "missed-months": "missed_months: 3",
    "at-most": "at_most: 500",
    "under": "under: 1000",
    "required": "required_percent: 90",
}
BAD_NUMBERS = {
    "nan": "nan",
    "dot-nan": ".nan",
    "NaN": "NaN",
    "inf": "inf",
    "dot-inf": ".inf",
    "minus-inf": "-.inf",
    "Infinity": "Infinity",
    "1e999": "1e999",
    "1.0e999": "1.0e999",
    "minus-1e999": "-1e999",
    "underscore-thousands": "1_000",
    "underscore-digits": "9_9",
    "arabic-indic": "\u0669\u0669",
    "fullwidth": "\uff19\uff19",
    "5000-digits": "9" * 5000,
    "5000-digit-float": "9" * 5000 + ".5",
    "hex": "0x1F",
    "quoted-nan": '"nan"',
    "quoted-underscore": '"9_9"',
}


def _number_cases() -> Iterator[Case]:
    for slot, line in NUMBER_SLOTS.items():
        key = line.split(":")[0]
        for name, value in BAD_NUMBERS.items():
            yield from contract_change(f"{slot}-{name}", line, f"{key}: {value}")


DURATION_SLOTS = {
    "interval": "interval: 1m",
    "minimum-outage": "minimum_outage: 5m",
    "lasts": "lasts: 2h",
    "notice": "notice: 48h",
    "cap": "monthly_cap: 8h",
    "within": "within: 4h",
}
BAD_DURATIONS = {
    "underscore": "9_9h",
    "arabic-indic": "\u0661h",
    "huge": "9" * 5000 + " days",
    "1e999": "1e999 days",
    "nan": "nan h",
}
BAD_INTERVALS = {
    "zero": "0s",
    "zero-minutes": "0m",
    "sub-second": "0.5s",
    "fraction-second": "1.5s",
    "business-day": "1 business day",
    "business-days": "2 business days",
}


def _duration_cases() -> Iterator[Case]:
    for slot, line in DURATION_SLOTS.items():
        key = line.split(":")[0]
        for name, value in BAD_DURATIONS.items():
            yield from contract_change(f"{slot}-{name}", line, f"{key}: {value}")
    for name, value in BAD_INTERVALS.items():
        yield from contract_change(f"interval-{name}", "interval: 1m", f"interval: {value}")
    for key in ("notice", "monthly_cap"):
        line = DURATION_SLOTS["notice" if key == "notice" else "cap"]
        yield from contract_change(f"{key}-business-days", line, f"{key}: 2 business days")
    yield from contract_change("minimum-outage-business", "minimum_outage: 5m",
                               "minimum_outage: 1 business day")  # fmt: skip
    yield from contract_change("lasts-zero", "lasts: 2h", "lasts: 0h")
    yield from contract_change("lasts-business", "lasts: 2h", "lasts: 1 business day")
    yield from contract_change("half-business-day", "within: 2 business days",
                               "within: 1.5 days")  # fmt: skip


def _date_cases() -> Iterator[Case]:
    dates = {
        "year-0": "0000-01-01",
        "year-10000": "10000-01-01",
        "month-13": "2024-13-01",
        "feb-30": "2024-02-30",
        "arabic-indic": "\u0662\u0660\u0662\u0664-01-01",
    }
    for name, value in dates.items():
        yield from contract_change(f"effective-from-{name}", "effective_from: 2024-01-01",
                                   f"effective_from: {value}")  # fmt: skip
    for name, value in {"feb-30": "02-30", "zero": "00-00", "year-10000": "10000-12-25",
                        "year-0": "0000-12-25"}.items():  # fmt: skip
        yield from contract_change(f"holiday-{name}", 'date: "12-25"', f'date: "{value}"')
    offsets = {
        "huge-offset": "99999999999999999999 days after Christmas",
        "million-days": "1000000 days after Christmas",
        "million-days-before": "4000000 days before Christmas",
        "5000-digits": "9" * 5000 + " days after Christmas",
    }
    for name, value in offsets.items():
        yield from contract_change(f"rule-{name}", "rule: 1 day after Christmas",
                                   f"rule: {value}")  # fmt: skip


def _calendar_cases() -> Iterator[Case]:
    yield from contract_change("never-open", 'mon-fri: ["09:00-18:00"]', "mon-fri: []")
    yield from contract_change("never-open-empty-hours", 'mon-fri: ["09:00-18:00"]',
                               "{}")  # fmt: skip
    yield from contract_change("as-needed-false", "as_needed: true", "as_needed: false")
    yield from contract_change("unknown-zone", "zone: Europe/Paris\ncalendars",
                               "zone: Mars/Olympus\ncalendars")  # fmt: skip


def _yaml_cases() -> Iterator[Case]:
    many_keys = "".join(f"unknown_{i}: 1\n" for i in range(20_000))
    yield Case("check-20000-unknown-keys", base_files(**{"c.yaml": BASE_CONTRACT + many_keys}),
               CHECK, 1, "{dir}/c.yaml:")  # fmt: skip
    twice = BASE_CONTRACT + "".join("title: again\n" for _ in range(20_000))
    yield Case("check-a-key-20000-times", base_files(**{"c.yaml": twice}), CHECK, 1,
               "{dir}/c.yaml:")  # fmt: skip
    yield Case("check-not-utf8", base_files(**{"c.yaml": b"id: \xff\xfe\n"}), CHECK, 1,
               "{dir}/c.yaml:1:")  # fmt: skip
    yield Case("check-cr-only", base_files(**{"c.yaml": BASE_CONTRACT.replace("\n", "\r")
               .replace("version: \"1\"", "version: [")}), CHECK, 1,
               "{dir}/c.yaml:")  # fmt: skip
    yield Case("check-nul", base_files(**{"c.yaml": "id: a\0b\n"}), CHECK, 1, "{dir}/c.yaml:1:")
    yield Case("check-empty", base_files(**{"c.yaml": ""}), CHECK, 1, "{dir}/c.yaml:1:")
    yield Case("check-a-list", base_files(**{"c.yaml": "- 1\n"}), CHECK, 1, "{dir}/c.yaml:1:")
    yield Case("check-nested", base_files(**{"c.yaml": "a: " + "[" * 5000}), CHECK, 1,
               "{dir}/c.yaml:")  # fmt: skip
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9)
    )
    yield Case("check-alias-bomb", base_files(**{"c.yaml": bomb}), CHECK, 1, "{dir}/c.yaml:")
    yield Case("check-tag", base_files(**{"c.yaml": BASE_CONTRACT.replace(
        "title: Base SLA", "title: !!python/object:os.system x")}), CHECK, 1,
        "{dir}/c.yaml:3:")  # fmt: skip
    # An explicit scalar tag on text it does not fit.
    for tagged in ("!!int x", "!!int 0x10", "!!int 1.5", "!!float 1x", "!!bool x", "!!bool yes"):
        yield from contract_change(f"tag-{tagged[2:]}", 'version: "1"', f"version: {tagged}")


def _objectives(count: int) -> str:
    return "".join(f"  - id: o{i}\n    target: 99.9\n" for i in range(count))


def many_objectives_contract(count: int = 10_000) -> str:
    head, _, _ = BASE_CONTRACT.partition("availability:\n")
    return head + "availability:\n" + _objectives(count)


# --- files that are not files, and references that leave their folder ------------------

SPECIALS = {"fifo": FIFO, "dev-zero": DEV_ZERO, "a-folder": "<dir>"}


def _special_file_cases() -> Iterator[Case]:
    for name, marker in SPECIALS.items():
        yield Case(f"check-contract-{name}", base_files(**{"c.yaml": marker}), CHECK, 1,
                   "{dir}/c.yaml:1:1:")  # fmt: skip
        yield Case(f"evaluate-contract-{name}", base_files(**{"c.yaml": marker}), EVALUATE, 1,
                   "{dir}/c.yaml:1:1:")  # fmt: skip
        yield Case(f"evaluate-evidence-{name}", base_files(**{"e.json": marker}), EVALUATE, 1,
                   "{dir}/e.json:1:1:")  # fmt: skip
        yield Case(f"evaluate-bare-csv-{name}", base_files(**{"s.csv": marker}),
                   (*EVALUATE[:3], "{dir}/s.csv", *EVALUATE[4:]), 1,
                   "{dir}/s.csv:1:1:")  # fmt: skip
        # a link to /dev/zero leaves the folder: refused at the reference, unread
        where = "{dir}/e.json:3:" if marker == DEV_ZERO else "{dir}/samples.csv:1:1:"
        yield Case(f"evaluate-sample-file-{name}", base_files(**{"samples.csv": marker}),
                   EVALUATE, 1, where)  # fmt: skip
        yield Case(f"check-ical-{name}", base_files(**{"closed.ics": marker}), CHECK, 1,
                   "{dir}/c.yaml:17:")  # fmt: skip
        for suffix in (".parquet", ".arrow"):
            yield Case(f"evaluate-bare{suffix}-{name}", base_files(**{"s" + suffix: marker}),
                       (*EVALUATE[:3], "{dir}/s" + suffix, *EVALUATE[4:]), 1,
                       "{dir}/s" + suffix + ":1:1:")  # fmt: skip


SECRET = "SECRET_TOKEN=hunter2"
ESCAPES = {
    "nul": "sam\x00ples.csv",
    "absolute": "{outside}/secret.csv",
    "dot-dot": "../secret.csv",
    "dot-dot-inside": "sub/../../secret.csv",
    "symlink": "link.csv",
}


def _escape_cases() -> Iterator[Case]:
    outside = {"secret.csv": f"{SECRET}\n".encode(), "secret.ics": f"{SECRET}\n".encode()}
    for name, reference in ESCAPES.items():
        evidence = BASE_EVIDENCE.replace('"samples.csv"', json.dumps(reference))
        files = base_files(**{"e.json": evidence})
        if name == "symlink":
            files["link.csv"] = OUTSIDE + "secret.csv"
        yield Case(f"evaluate-samples-{name}", files, EVALUATE, 1, "{dir}/e.json:3:",
                   secret=SECRET, outside=outside)  # fmt: skip
        ics = reference.replace(".csv", ".ics")
        contract = BASE_CONTRACT.replace("ical: [closed.ics]", f'ical: ["{ics}"]')
        files = base_files(**{"c.yaml": contract})
        if name == "symlink":
            files["link.ics"] = OUTSIDE + "secret.ics"
        for command, argv in (("check", CHECK), ("evaluate", EVALUATE)):
            yield Case(f"{command}-ical-{name}", files, argv, 1, "{dir}/c.yaml:17:",
                       secret=SECRET, outside=outside)  # fmt: skip


# --- iCalendar ------------------------------------------------------------------------


def _ics(*event: str) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//accord//tests//EN", "BEGIN:VEVENT",
             "UID:1", *event, "END:VEVENT", "END:VCALENDAR"]  # fmt: skip
    return ("\r\n".join(lines) + "\r\n").encode()


BAD_ICS = {
    "secondly": _ics("DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=SECONDLY"),
    "minutely": _ics("DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=MINUTELY"),
    "year-1": _ics("DTSTART;VALUE=DATE:00010101", "RRULE:FREQ=DAILY"),
    "timed": _ics("DTSTART:20260101T100000Z"),
    "no-dtstart": _ics("SUMMARY:x"),
    "bad-rrule": _ics("DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=NEVER"),
    "bad-date": _ics("DTSTART;VALUE=DATE:20261399"),
    "not-ics": b"hello\n",
    "not-utf8": b"\xff\xfe\x00",
    "empty": b"",
    "huge-interval": _ics("DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=DAILY;INTERVAL=" + "9" * 30),
}


def _ical_cases() -> Iterator[Case]:
    for name, content in BAD_ICS.items():
        yield Case(f"check-ical-{name}", base_files(**{"closed.ics": content}), CHECK, 1,
                   "{dir}/c.yaml:17:")  # fmt: skip


# --- evidence -------------------------------------------------------------------------


def evidence_change(name: str, old: str, new: str, code: int = 1) -> Iterator[Case]:
    assert BASE_EVIDENCE.count(old) == 1, old
    line = _line_of(BASE_EVIDENCE, old)
    files = base_files(**{"e.json": BASE_EVIDENCE.replace(old, new)})
    yield Case(f"evaluate-evidence-{name}", files, EVALUATE, code, "{dir}/e.json:", line)


INSTANT = '"2026-10-06T08:00:00+02:00"'
BAD_INSTANTS = {
    "year-1": '"0001-01-01T00:00:00+02:00"',
    "year-0": '"0000-01-01T00:00:00Z"',
    "year-9999-end": '"9999-12-31T23:59:59-05:00"',
    "year-10000": '"10000-01-01T00:00:00Z"',
    "arabic-indic": '"\u0662\u0660\u0662\u0666-10-06T08:00:00+02:00"',
    "no-offset": '"2026-10-06T08:00:00"',
    "offset-24": '"2026-10-06T08:00:00+24:00"',
    "number": "1e999",
    "huge-int": "9" * 5000,
    "nan": "NaN",
    "leap-second": '"2026-10-06T23:59:60Z"',
    "final-newline": '"2026-10-06T08:00:00+02:00\\n"',
}


def _evidence_cases() -> Iterator[Case]:
    for name, value in BAD_INSTANTS.items():
        yield from evidence_change(f"outage-{name}", f'"start": {INSTANT}', f'"start": {value}')
    numbers = {"nan": "NaN", "inf": "Infinity", "1e999": "1e999", "huge": "9" * 5000,
               "text": '"1000"', "underscore": '"1_000"'}  # fmt: skip
    for name, value in numbers.items():
        yield from evidence_change(f"fee-{name}", '"monthly": 1000', f'"monthly": {value}')
        yield from evidence_change(f"metric-{name}", '"value": 120', f'"value": {value}')
    yield from evidence_change(
        "repeated-top-key", '"fees": {', '"plan": "a", "plan": "b", "fees": {'
    )
    yield from evidence_change("repeated-field", '"monthly": 1000', '"monthly": 1000, "monthly": 2')
    yield from evidence_change("unknown-field", '"monthly": 1000', '"monthly": 1000, "yearly": 2')
    yield from evidence_change("ticket-twice", '"id": "T-1"', '"id": "T-1", "id": "T-2"')
    yield from evidence_change("reported-year-1", '"reported_at": "2026-10-06T08:10:00+02:00"',
                               '"reported_at": "0001-01-01T00:00:00+01:00"')  # fmt: skip
    files = base_files(**{"e.json": "\ufeff" + BASE_EVIDENCE})
    yield Case("evaluate-evidence-bom", files, EVALUATE, 1, "{dir}/e.json:1:")
    for name, content in {"not-utf8": b'{"plan": "\xff"}', "nul": b'{"plan": "a\x00"}',
                          "a-list": b"[]", "a-number": b"1e999", "deep": b"[" * 100_000,
                          "empty": b"", "cr-only": b'{\r"plan": 5\r}'}.items():  # fmt: skip
        yield Case(f"evaluate-evidence-{name}", base_files(**{"e.json": content}), EVALUATE, 1,
                   "{dir}/e.json:")  # fmt: skip


def _bare(name: str, suffix: str, content: bytes, where: str = "") -> Case:
    argv = (*EVALUATE[:3], "{dir}/s" + suffix, *EVALUATE[4:])
    return Case(f"evaluate-{suffix[1:]}-{name}", base_files(**{"s" + suffix: content}), argv, 1,
                "{dir}/s" + suffix + ":" + where)  # fmt: skip


ROW = "2026-10-01T00:00:00Z,true,paris,100"


def _sample_file_cases() -> Iterator[Case]:
    head = "at,ok,location,response_ms\n"
    csv_rows = {
        "not-utf8": (head + "2026-10-01T00:00:00Z,true,par\xe9s,1\n").encode("latin-1"),
        "not-utf8-header": b"at,ok,loc\xe9\n",
        "cr-only": (head + ROW + "\n").replace("\n", "\r").encode() + b"2026-13-01T00:00Z,x,,\r",
        "nan-response": (head + "2026-10-01T00:00:00Z,true,paris,nan\n").encode(),
        "inf-response": (head + "2026-10-01T00:00:00Z,true,paris,inf\n").encode(),
        "1e999-response": (head + "2026-10-01T00:00:00Z,true,paris,1e999\n").encode(),
        "underscore-response": (head + "2026-10-01T00:00:00Z,true,paris,1_000\n").encode(),
        "arabic-response": (head + "2026-10-01T00:00:00Z,true,paris,\u0661\n").encode(),
        "arabic-instant": (head + "\u0662026-10-01T00:00:00Z,true,paris,1\n").encode(),
        "year-1": (head + "0001-01-01T00:00:00+01:00,true,paris,1\n").encode(),
        "year-9999": (head + "9999-12-31T23:00:00-05:00,true,paris,1\n").encode(),
        "conflict": (head + ROW + "\n" + ROW.replace("true", "false") + "\n").encode(),
        "conflict-quoted": (head + ROW + '\n"2026-10-01T00:00:00Z",false,paris,100\n').encode(),
        "extra-column": (head + ROW + ",x\n").encode(),
        "bad-ok": (head + "2026-10-01T00:00:00Z,yes,paris,1\n").encode(),
        "nul": (head + ROW + "\0\n").encode(),
        "huge-field": (head + "2026-10-01T00:00:00Z,true," + "x" * 100_000 + ",1\n").encode(),
        "header-only-bad": b"when,ok\n",
    }
    for name, content in csv_rows.items():
        yield _bare(name, ".csv", content)
    sample = {"at": "2026-10-01T00:00:00Z", "ok": True, "location": "paris"}
    one = json.dumps(sample)
    jsonl = {
        "two-on-a-line-bad-third": (one + one + "\n" + one + "\n{\n").encode(),
        "two-on-a-line": (one + " " + one + "\n").encode(),
        "nan": one.replace("}", ', "response_ms": NaN}').encode(),
        "infinity": one.replace("}", ', "response_ms": Infinity}').encode(),
        "huge-int": one.replace("}", ', "response_ms": ' + "9" * 5000 + "}").encode(),
        "repeated-key": one.replace("}", ', "ok": false}').encode(),
        "not-utf8": one.replace("paris", "par\xe9s").encode("latin-1"),
        "conflict": (one + "\n" + one.replace("true", "false") + "\n").encode(),
        "a-list": b"[1, 2]\n",
        "deep": b"[" * 100_000 + b"\n",
        "cr-only": (one + "\r" + one + "\r{").encode(),
        "arabic-instant": one.replace("2026", "\u0662\u0660\u0662\u0666").encode(),
        "year-1": one.replace("2026-10-01T00:00:00Z", "0001-01-01T00:00:00+01:00").encode(),
    }
    for name, content in jsonl.items():
        yield _bare(name, ".jsonl", content)


# --- options --------------------------------------------------------------------------

BAD_OPTIONS = {
    ("--period", "0001-01"): 2,
    ("--period", "0000-01"): 2,
    ("--period", "9999-12"): 2,
    ("--period", "10000-01"): 2,
    ("--period", "1900-01..2099-12"): 2,
    ("--period", "2026-1O"): 2,
    ("--period", "\u0662\u0660\u0662\u0666-10"): 2,
    ("--period", "2026-10..9999-12"): 2,
    ("--now", "9999-12-31T23:59Z"): 2,
    ("--now", "0001-01-01T00:00+01:00"): 2,
    ("--now", "\u0662\u0660\u0662\u0666-11-20T09:00Z"): 2,
    ("--now", "2026-11-20T09:00:00+99:00"): 2,
    ("--now", "9" * 5000): 2,
    ("--plan", "x" * 5000): 2,
    ("--plan", "p" * 100_000): 2,
    ("--format", "xml"): 2,
    ("--format", ""): 2,
    ("--bogus", "1"): 2,
    ("--evidence-file", "e.json"): 2,
}


def _option_cases() -> Iterator[Case]:
    for (option, value), code in BAD_OPTIONS.items():
        argv = [*EVALUATE]
        if option in argv:
            argv[argv.index(option) + 1] = value
        else:
            argv += [option, value]
        yield Case(f"evaluate-option-{option[2:]}-{value[:20]}", base_files(), tuple(argv), code,
                   f"error: {option}")  # fmt: skip
    outages = [
        "0001-01-01T00:00+01:00/0001-01-02T00:00+01:00",
        "9999-12-31T23:00Z/9999-12-31T23:59-05:00",
        "2026-10-01T00:00Z/" + "9" * 5000,
        "\u0662026-10-01T00:00Z/2026-10-02T00:00Z",
    ]
    for value in outages:
        argv = ("simulate", *EVALUATE[1:], "--add-outage", value)
        yield Case(
            f"simulate-add-outage-{value[:24]}", base_files(), argv, 2, "error: --add-outage"
        )
    for year in ("0", "10000", "-5", "9" * 30):
        argv = ("calendar", "holidays", "{dir}/c.yaml", "--year", year)
        yield Case(f"calendar-year-{year[:10]}", base_files(), argv, 1, "error: --year")
    dues = {
        ("--from", "9999-12-31T23:00Z"): "error: --from",
        ("--from", "0001-01-01T00:00+01:00"): "error: --from",
        ("--add", "9" * 5000 + "h"): "error: --add",
        ("--add", "1e999h"): "error: --add",
        ("--add", "9_9h"): "error: --add",
    }
    for (option, value), where in dues.items():
        args = {"--from": "2026-11-25T20:00+01:00", "--add": "4h"} | {option: value}
        argv = ("calendar", "due", "{dir}/c.yaml", "--from", args["--from"], "--add",
                args["--add"])  # fmt: skip
        yield Case(f"calendar-due-{option[2:]}-{value[:16]}", base_files(), argv, 1, where)


def _surrogate_cases() -> Iterator[Case]:
    """JSON's escape of half a character (a lone surrogate) is not text."""
    yield from evidence_change("surrogate-ticket-id", '"T-1"', '"\\ud800"')
    yield from evidence_change("surrogate-currency", '"EUR"', '"\\udfff"')


def _zone_folder_cases() -> Iterator[Case]:
    """A zone name that is a folder of the zone database, not a zone."""
    yield from contract_change("zone-a-folder", "zone: Europe/Paris\ncalendars:",
                               "zone: Europe\ncalendars:")  # fmt: skip
    yield from contract_change("zone-a-folder-america", "zone: Europe/Paris\ncalendars:",
                               "zone: America\ncalendars:")  # fmt: skip


def all_cases() -> list[Case]:
    generators = (_number_cases, _duration_cases, _date_cases, _calendar_cases, _yaml_cases,
                  _special_file_cases, _escape_cases, _ical_cases, _evidence_cases,
                  _sample_file_cases, _option_cases, _surrogate_cases,
                  _zone_folder_cases)  # fmt: skip
    return [case for generate in generators for case in generate()]
