"""What every section of the contract language shares: strictness and a few words."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict

from accord.contracts.source import is_decimal

EXCLUDABLE_CAUSES = ("force_majeure", "third_party", "attack", "customer")
Clock = Literal["business", "calendar"]
SLUG = r"^[a-z0-9][a-z0-9_.-]*$"


class Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=True,
        coerce_numbers_to_str=True,
        allow_inf_nan=False,  # nan and inf are no contract's numbers
        defer_build=True,
    )


def _in_digits(value: Any) -> Any:
    # A number given as text ('"5"') is read as that number; what else Python would take
    # ('1_000', 'nan', 'inf', other scripts' digits) is refused.
    if isinstance(value, str) and not is_decimal(value):
        raise ValueError(
            f"expected a number written with the digits 0-9 (and a '.'), got {value[:30]!r}"
        )
    return value


Number = Annotated[float, BeforeValidator(_in_digits)]  # finite (allow_inf_nan is off)
Count = Annotated[int, BeforeValidator(_in_digits)]


def _key(value: Any) -> Any:
    # YAML reads `1:` as an integer key; severities and plans are names, so keep text.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def keys_as_text(value: Any) -> Any:
    return {_key(k): v for k, v in value.items()} if isinstance(value, dict) else value
