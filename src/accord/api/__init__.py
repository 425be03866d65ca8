"""The HTTP API under /api/v1: FastAPI, one router per resource (`routers/`), dependencies
as `Annotated` aliases (`deps`), errors as problem documents (`problems`), cursor
pagination (`pagination`), request and response models (`schemas`); `app` assembles them.
"""
