"""What every section of the contract language shares: strictness and a few words."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

EXCLUDABLE_CAUSES = ("force_majeure", "third_party", "attack", "customer")
Clock = Literal["business", "calendar"]
SLUG = r"^[a-z0-9][a-z0-9_.-]*$"


class Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, coerce_numbers_to_str=True
    )


def _key(value: Any) -> Any:
    # YAML reads `1:` as an integer key; severities and plans are names, so keep text.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def keys_as_text(value: Any) -> Any:
    return {_key(k): v for k, v in value.items()} if isinstance(value, dict) else value
