"""What the API reads and writes, separate from the tables: Create and Public models."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from accord.services.accounts import Role

__all__ = [
    "Batch",
    "ContractUploaded",
    "ContractPublic",
    "CustomerCreate",
    "CustomerPublic",
    "LintFinding",
    "LocationCreate",
    "LocationPublic",
    "SubscriptionCreate",
    "SubscriptionPublic",
    "SubscriptionUpdate",
    "TokenCreate",
    "TokenCreated",
    "TokenPublic",
    "VersionPublic",
]

KEY = r"^[a-z0-9][a-z0-9_.-]{0,63}$"
Key = Annotated[str, Field(pattern=KEY, description="Lower-case letters, digits, '-', '_', '.'.")]
# Text for people: no control characters (PostgreSQL cannot even store a NUL in text).
Name = Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f\x7f]+$")]


def _aware(value: datetime) -> datetime:
    if value.utcoffset() is None:
        raise ValueError("give the UTC offset, like 2026-10-01T00:00:00Z")
    return value


def _text(value: object) -> object:
    # A number is not an instant: JSON has no dates, only ISO 8601 text.
    if not isinstance(value, str | datetime):
        raise ValueError("expected an ISO 8601 instant with a UTC offset, as text")
    return value


Instant = Annotated[datetime, BeforeValidator(_text), AfterValidator(_aware)]


class StrictInput(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CustomerCreate(StrictInput):
    key: Key
    name: Name


class CustomerPublic(BaseModel):
    key: str
    name: str
    created_at: datetime


class LocationCreate(StrictInput):
    key: Key = Field(description="The scope evidence names, e.g. 'store-12'.")
    name: Name


class LocationPublic(BaseModel):
    customer: str
    key: str
    name: str
    created_at: datetime


class LintFinding(BaseModel):
    line: int
    column: int
    path: str
    code: str
    message: str


class VersionPublic(BaseModel):
    contract: str
    version: str
    effective_from: datetime | None
    uploaded_at: datetime
    uploaded_by: str


class ContractPublic(BaseModel):
    key: str
    name: str
    created_at: datetime


class ContractUploaded(BaseModel):
    contract: str
    version: str
    created: bool  # False: this very text was already stored under this version
    check: str  # 'ok': the contract passed its check (a failed one is a 422 problem)
    lint: list[LintFinding]


Money = Annotated[float, Field(ge=0, le=1e12)]
Currency = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]


class SubscriptionCreate(StrictInput):
    contract: Key
    version: Annotated[str, Field(min_length=1, max_length=64)]
    plan: Annotated[str, Field(min_length=1, max_length=64)] | None = None
    currency: Currency | None = None
    monthly_fee: Money | None = None
    fees_by_scope: dict[Key, Money] = {}
    first_order_at: Instant | None = None
    starts_at: Instant
    ends_at: Instant | None = None


class SubscriptionUpdate(StrictInput):
    ends_at: Instant | None = Field(description="When the subscription ends; null: open-ended.")


class SubscriptionPublic(BaseModel):
    id: str
    customer: str
    contract: str
    version: str
    plan: str | None
    currency: str | None
    monthly_fee: float | None
    fees_by_scope: dict[str, float]
    first_order_at: str | None
    starts_at: str | None
    ends_at: str | None


class Batch(BaseModel):
    batch_key: str
    kind: str
    count: int = Field(description="Items the batch stored.")
    created: bool = Field(description="False: the batch was already stored; nothing added.")
    received_at: datetime


class TokenCreate(StrictInput):
    user: Name = Field(description="The user the token acts for; made on first use.")
    role: Role
    customer: Key | None = Field(None, description="For customer_admin, customer_viewer, auditor.")
    expires_at: Instant | None = None


class TokenPublic(BaseModel):
    id: str
    user: str
    role: str
    customer: str | None
    created_at: str | None
    expires_at: str | None
    revoked_at: str | None


class TokenCreated(TokenPublic):
    token: str = Field(description="The token itself: shown this once, stored only as a hash.")


Document = dict[str, Any]
