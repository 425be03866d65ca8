"""The contract language as a JSON Schema, for editors that complete and check YAML.

The schema comes from the model itself, so it cannot drift from what `accord contract
check` accepts; it is looser in one way only: the small languages inside values
(durations, windows, holiday rules) are described by a pattern, and `check` says exactly
what is wrong with them.
"""

from __future__ import annotations

import inspect
import json
import re
from functools import cache
from typing import Any

from accord.contracts import model, model_base, model_credits, model_objectives, model_support
from accord.contracts.model import Contract

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def contract_schema() -> dict[str, Any]:
    """The JSON Schema of a contract file, with its dialect and a title."""
    schema = Contract.model_json_schema(mode="validation")
    schema.pop("title", None)
    _describe(schema, "Contract")
    for name, definition in schema.get("$defs", {}).items():
        _describe(definition, name)
    return {
        "$schema": DIALECT,
        "title": "accord contract",
        "description": (
            "A service level agreement as an accord contract: identity and versions, "
            "calendars, availability objectives, maintenance, exclusions, credits, "
            "performance objectives and support. Validate fully with "
            "`accord contract check FILE`."
        ),
        **schema,
    }


def contract_schema_text() -> str:
    """The schema as indented JSON text, ending with a newline."""
    return json.dumps(contract_schema(), indent=2, ensure_ascii=False) + "\n"


_COMMENTED = re.compile(r"^    (\w+): [^#\n]*#\s*(.+)$", re.MULTILINE)


def _describe(definition: dict[str, Any], name: str) -> None:
    """Give each property the comment it carries in the model, for editors to show.

    The model's inline comments are the one place where a field is explained; reading
    them here keeps the schema from saying something else."""
    comments = field_comments(name)
    for field, schema in definition.get("properties", {}).items():
        if field in comments:
            known = schema.get("description")
            schema["description"] = f"{comments[field]}; {known}" if known else comments[field]


def field_comments(name: str) -> dict[str, str]:
    """The inline comment of each field of the model class `name` ({} when none)."""
    return _comments_by_class().get(name, {})


@cache
def _comments_by_class() -> dict[str, dict[str, str]]:
    try:
        source = "\n".join(inspect.getsource(module) for module in _MODEL_MODULES)
    except (OSError, TypeError):  # installed without sources: the schema just says less
        return {}
    found: dict[str, dict[str, str]] = {}
    for chunk in re.split(r"^(?=class )", source, flags=re.MULTILINE)[1:]:
        name = chunk[len("class ") :].split("(", 1)[0].split(":", 1)[0]
        fields = _COMMENTED.findall(chunk)
        found[name] = {f: text.strip() for f, text in fields if not text.startswith(_TOOLING)}
    return found


_MODEL_MODULES = (model, model_base, model_credits, model_objectives, model_support)
_TOOLING = ("fmt:", "type:", "noqa")  # comments for tools, not for readers
