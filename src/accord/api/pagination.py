"""Cursor pagination: a page of items and an opaque cursor to the next page.

The cursor is the sort key of the page's last item, so a page stays right while rows are
added before it (unlike an offset). Lists are ordered by a unique key.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel

from accord.api.problems import Refusal

__all__ = ["CursorParam", "LimitParam", "Page", "decode_cursor", "encode_cursor"]

T = TypeVar("T")
LimitParam = Annotated[int, Query(ge=1, le=1000, description="Items per page.")]
CursorParam = Annotated[
    str | None, Query(max_length=500, description="The `next_cursor` of the previous page.")
]


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None  # None on the last page


def encode_cursor(key: Sequence[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(key)).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, width: int) -> list[Any] | None:
    """The key in `cursor`, a list of `width` values; a bad cursor is a 422 naming it."""
    if cursor is None:
        return None
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except ValueError:
        key = None
    if (
        not isinstance(key, list)
        or len(key) != width
        or not all(isinstance(v, str | int) and not isinstance(v, bool) for v in key)
    ):
        raise Refusal(422, "query.cursor: not a cursor this list gave", field="query.cursor")
    return key
