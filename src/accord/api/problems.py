"""Errors as RFC 9457 problem documents (`application/problem+json`), naming the field.

Every refusal goes through `Refusal` or the handlers here, so a client sees one shape:
type, title, status, detail, and for bad input `field` (the first bad field, as
'body.name' or 'query.limit') and `errors` (each field with its message, and for a bad
batch body its line and column).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException as StarletteHTTPException

__all__ = ["MEDIA_TYPE", "ProblemDocument", "Refusal", "install_handlers", "problem_responses"]

MEDIA_TYPE = "application/problem+json"
TITLES = {
    400: "Bad request",
    401: "Not authenticated",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    413: "Body too large",
    415: "Unsupported media type",
    422: "Unprocessable content",
    500: "Server error",
}


class FieldError(BaseModel):
    field: str  # 'body.name', 'query.limit', or for a batch body the item's field
    message: str
    line: int | None = None  # in a batch body
    column: int | None = None


class ProblemDocument(BaseModel):
    type: str = "about:blank"
    title: str
    status: int
    detail: str
    field: str | None = None
    errors: list[FieldError] = []


class Refusal(Exception):
    """Refuse a request with `status` and a sentence saying what is wrong."""

    def __init__(
        self,
        status: int,
        detail: str,
        field: str | None = None,
        errors: list[FieldError] | None = None,
    ) -> None:
        super().__init__(detail)
        self.document = ProblemDocument(
            title=TITLES.get(status, "Error"),
            status=status,
            detail=detail,
            field=field or (errors[0].field if errors else None),
            errors=errors or [],
        )


def _respond(document: ProblemDocument, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(
        document.model_dump(exclude_none=True), document.status, headers, media_type=MEDIA_TYPE
    )


def _field(location: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in location)


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(Refusal)
    async def _problem(request: Request, error: Refusal) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if error.document.status == 401 else None
        return _respond(error.document, headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        errors = [
            FieldError(field=_field(tuple(e["loc"])), message=e["msg"]) for e in error.errors()
        ]
        first = errors[0] if errors else FieldError(field="", message="invalid request")
        detail = f"{first.field}: {first.message}" if first.field else first.message
        return _respond(Refusal(422, detail, errors=errors).document)

    @app.exception_handler(DataError)
    async def _unstorable(request: Request, error: DataError) -> JSONResponse:
        # The database refused a value the request carried (a NUL in text, a number out
        # of its column's range): the request's fault, and its transaction was rolled back.
        detail = "a value of this request cannot be stored: " + str(error.orig).splitlines()[0]
        return _respond(Refusal(422, detail).document)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, error: StarletteHTTPException) -> JSONResponse:
        # Keep the headers Starlette gives (Allow on a 405).
        headers = dict(error.headers) if error.headers else None
        return _respond(Refusal(error.status_code, str(error.detail)).document, headers)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries saying that these statuses answer with a problem document (and 400,
    which any request may earn with a body that cannot be parsed)."""
    return {
        status: {
            "model": ProblemDocument,
            "content": {MEDIA_TYPE: {}},
            "description": TITLES.get(status, "Error"),
        }
        for status in sorted({400, *statuses})
    }
