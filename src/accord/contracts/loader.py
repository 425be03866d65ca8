"""Load a contract file into the model, or say exactly where and what is wrong."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from accord.contracts.model import SLUG, Contract
from accord.contracts.source import (
    ContractSyntaxError,
    Document,
    PathKey,
    read_document,
    shorten,
)
from accord.domain.support.terms import Metric
from accord.problems import Problem, did_you_mean

__all__ = ["ContractInvalid", "LoadedContract", "load_contract", "Problem"]


class ContractInvalid(Exception):
    """A contract file that cannot be used; `problems` says every place that is wrong."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class LoadedContract:
    contract: Contract  # the validated model
    path: Path  # the file it came from (iCalendar files are relative to it)
    document: Document  # the raw data and the place of every key, for lint
    outside_allowed: bool = False  # iCalendar files may lie outside the contract's folder


def load_contract(
    path: Path | str, shown_as: str | None = None, outside_allowed: bool = False
) -> LoadedContract:
    path = Path(path)
    try:
        document = read_document(path, shown_as)
    except ContractSyntaxError as error:
        raise ContractInvalid([error.problem]) from None
    if not isinstance(document.data, dict):
        raise ContractInvalid([document.problem((), "a contract is a mapping of keys")])
    try:
        contract = Contract.model_validate(document.data)
    except ValidationError as error:
        # Enough to see a pattern; 20,000 unknown keys must not take minutes to say so.
        errors = _deepest(document, error.errors(include_url=False)[:_MOST])
        problems = [_explain(document, e) for e in errors]
        raise ContractInvalid(_unique(sorted(problems, key=_order))[:_MOST]) from None
    problems = [document.problem(p, m) for p, m in dangling_references(contract)]
    if problems:
        raise ContractInvalid(sorted(problems, key=_order))
    return LoadedContract(contract, path, document, outside_allowed)


_MOST = 50  # problems reported of one file


def _order(problem: Problem) -> tuple[int, int, str]:
    return (problem.line, problem.column, problem.message)


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[str] = set()
    return [p for p in problems if not (str(p) in seen or seen.add(str(p)))]  # type: ignore[func-returns-value]


_SHAPE_ERRORS = {"dict_type", "list_type", "literal_error", "model_type", "model_attributes_type"}


def _deepest(document: Document, errors: list[Any]) -> list[Any]:
    """Drop 'not the right shape' errors of one union member where another member says
    more precisely what is wrong below the same place (or at it, not about shape), and
    say the remaining shape errors of one place in one message."""
    places = [document.resolve(tuple(e["loc"])) for e in errors]

    def outdone(i: int) -> bool:
        return errors[i]["type"] in _SHAPE_ERRORS and any(
            j != i
            and places[j][: len(places[i])] == places[i]
            and (len(places[j]) > len(places[i]) or errors[j]["type"] not in _SHAPE_ERRORS)
            for j in range(len(errors))
        )

    kept = [(places[i], e) for i, e in enumerate(errors) if not outdone(i)]
    merged: list[Any] = []
    shapes: dict[PathKey, Any] = {}
    for place, error in kept:
        if error["type"] not in _SHAPE_ERRORS:
            merged.append(error)
        elif place in shapes:  # another member of a union: one or the other was expected
            first = shapes[place]
            first["msg"] += " or " + str(error["msg"]).removeprefix("Input should be ")
            first["type"] = "union_shape"
        else:
            shapes[place] = dict(error)
            merged.append(shapes[place])
    return merged


# pydantic's words for YAML readers; the first match of each pair is replaced.
_WORDS = (
    ("Input should be a valid dictionary", "expected a mapping of keys"),
    ("a valid dictionary", "a mapping of keys"),
    ("Input should be a valid list", "expected a list"),
    ("a valid list", "a list"),
    ("Input should be a valid string", "expected text"),
    ("Input should be a valid date or datetime", "expected a date as YYYY-MM-DD"),
    ("Input should be", "expected"),
    (" after validation", ""),
)
# Patterns of the model, in words.
_PATTERNS = {
    SLUG: "lower-case letters, digits, '.', '_' or '-' (e.g. 'support-hours')",
    r"^[A-Z]{2,3}$": "a country code in capitals such as 'US' or 'FR'",
    r"^(\d{4}-)?\d{2}-\d{2}$": "a date as 'MM-DD' (every year) or 'YYYY-MM-DD' (once)",
}


def _words(error: Any) -> str:
    message = str(error["msg"]).removeprefix("Value error, ")
    if error["type"] == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern")
        if pattern in _PATTERNS:
            return f"expected {_PATTERNS[pattern]}"
    for old, new in _WORDS:
        message = message.replace(old, new, 1)
    if error["type"] in ("literal_error", "union_shape") and isinstance(error.get("input"), str):
        choices = re.findall(r"'([^']*)'", message)
        hint = did_you_mean(error["input"], choices)
        if hint:
            return f"{message}, got {error['input']!r}{hint}"
    return message


def _explain(document: Document, error: Any) -> Problem:
    path: PathKey = tuple(error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        key = path[-1]
        allowed = _allowed_keys(path[:-1])
        hint = did_you_mean(str(key), allowed, cutoff=0.5)
        known = f" (known keys: {', '.join(allowed)})" if allowed and not hint else ""
        return document.problem(path, f"unknown key {key!r}{hint}{known}", at_key=True)
    if kind == "union_tag_invalid":
        tag, expected = error["ctx"]["tag"], error["ctx"]["expected_tags"]
        choices = [t.strip(" '") for t in str(expected).split(",")]
        hint = did_you_mean(str(tag), choices, cutoff=0.5)
        return document.problem(
            (*path, "kind"), f"unknown kind {tag!r}; expected one of {expected}{hint}"
        )
    if kind == "missing":
        return document.problem(path, f"missing required key {path[-1]!r}")
    message = _words(error)
    if "input" in error and _worth_showing(kind, error["input"], message):
        message = f"{message}, got {shorten(repr(error['input']))}"
    return document.problem(path, message)


def _worth_showing(kind: str, value: Any, message: str) -> bool:
    """Whether to add the value to the message: always for type errors; for a check's own
    message only when it does not already show it (and the value is short enough to read)."""
    if "did you mean" in message:
        return False
    if kind not in ("value_error", "assertion_error"):
        return True
    plain = isinstance(value, str | int | float) and not isinstance(value, bool)
    return plain and repr(value) not in message and " got " not in message


def _allowed_keys(path: PathKey) -> list[str]:
    """The keys the model accepts at `path`, following fields, lists, dicts and unions."""
    models: list[type[BaseModel]] = [Contract]
    for step in path:
        inner = [m for model in models if str(step) in model.model_fields
                 for m in _models_in(model.model_fields[str(step)].annotation)]  # fmt: skip
        # A step that names no field is a list index, a dict key or a union's tag.
        models = inner or [m for m in models if _tag(m) == step] or models
    return sorted({name for model in models for name in model.model_fields})


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in get_args(annotation) for m in _models_in(arg)]


def _tag(model: type[BaseModel]) -> Any:
    field = model.model_fields.get("kind")
    tags = get_args(field.annotation) if field is not None else ()
    return tags[0] if tags else None


def dangling_references(contract: Contract) -> list[tuple[PathKey, str]]:
    """Names used in one place that another place must define."""
    return list(_references(contract))


def _references(c: Contract) -> Iterator[tuple[PathKey, str]]:
    calendars = set(c.calendars)

    def calendar(path: PathKey, name: str | None) -> Iterator[tuple[PathKey, str]]:
        if name is not None and name not in calendars:
            yield path, _undefined("calendar", name, calendars)

    for i, objective in enumerate(c.availability):
        if isinstance(objective.target, dict):
            for plan in objective.target:
                if plan not in c.plans:
                    yield ("availability", i, "target", plan), _undefined("plan", plan, c.plans)
    if c.default_plan is not None and c.default_plan not in c.plans:
        yield ("default_plan",), _undefined("plan", c.default_plan, c.plans)
    if c.support is not None:
        s = c.support
        yield from calendar(("support", "calendar"), s.calendar)
        for i, channel in enumerate(s.channels):
            yield from calendar(("support", "channels", i, "calendar"), channel.calendar)
        for key, severity in s.severities.items():
            base: PathKey = ("support", "severities", key)
            yield from calendar((*base, "coverage"), severity.coverage)
            for metric in get_args(Metric):
                target = getattr(severity, metric)
                if target is not None:
                    yield from calendar((*base, metric, "calendar"), target.calendar)
            lower = severity.downgrade_on_workaround
            if lower is not None and lower not in s.severities:
                yield (
                    (*base, "downgrade_on_workaround"),
                    _undefined("severity", lower, s.severities),
                )
        for i, rule in enumerate(s.compliance):
            for j, name in enumerate(rule.severities or []):
                if name not in s.severities:
                    yield (
                        ("support", "compliance", i, "severities", j),
                        _undefined("severity", name, s.severities),
                    )
    names = [o.id for o in c.availability] + [o.id for o in c.performance]
    seen: set[str] = set()  # a set: a contract may hold thousands of objectives
    for i, name in enumerate(names):
        if name in seen or seen.add(name):  # type: ignore[func-returns-value]
            section = "availability" if i < len(c.availability) else "performance"
            index = i if i < len(c.availability) else i - len(c.availability)
            yield (section, index, "id"), f"objective id {name!r} is used twice"
    if c.effective_until is not None and c.effective_until <= c.effective_from:
        yield ("effective_until",), "effective_until must come after effective_from"


def _undefined(kind: str, name: str, defined: Any) -> str:
    choices = sorted(str(d) for d in defined)
    hint = did_you_mean(name, choices, cutoff=0.5)
    if hint:
        return f"no {kind} named {name!r}{hint}"
    listed = ", ".join(repr(c) for c in choices) or "none defined"
    return f"no {kind} named {name!r} (defined: {listed})"
