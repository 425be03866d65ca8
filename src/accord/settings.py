"""The service's settings: one typed object, from the environment and then the flags.

Built by `load_settings` (never at import), failing loudly on a bad value with the name
of the variable. `redacted()` is what `accord serve` prints at start: the database
password never leaves the process.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from typing import Any

__all__ = ["DEFAULT_DATABASE", "Settings", "SettingsInvalid", "load_settings"]

DEFAULT_DATABASE = "sqlite:///accord.db"  # the embedded default: a file where serve runs
_PREFIX = "ACCORD_"


class SettingsInvalid(ValueError):
    """A setting that cannot be used; the message names it and its value."""


@dataclass(frozen=True)
class Settings:
    database_url: str = (
        DEFAULT_DATABASE  # SQLAlchemy URL: sqlite:///... or postgresql+psycopg://...
    )
    host: str = "127.0.0.1"  # where `accord serve` listens
    port: int = 8000
    raw_sample_retention_days: int = 35  # raw samples kept this long; runs are kept forever
    statement_grace_days: int = 0  # a month is frozen this many days after it ends

    @property
    def embedded(self) -> bool:
        """True for the SQLite default, which serve migrates itself."""
        return self.database_url.startswith("sqlite")

    def redacted(self) -> dict[str, Any]:
        """The settings with the database password hidden, for printing."""
        shown = asdict(self)
        shown["database_url"] = redact_url(self.database_url)
        return shown


def redact_url(url: str) -> str:
    """'postgresql+psycopg://user:secret@host/db' -> '...user:***@host/db'."""
    scheme, sep, rest = url.partition("://")
    credentials, at, place = rest.rpartition("@")
    if not sep or not at or ":" not in credentials:
        return url
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}:***@{place}"


def load_settings(env: Mapping[str, str] | None = None, **flags: Any) -> Settings:
    """Settings from `env` (default: the process environment), then `flags` not None."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    for name, default in asdict(Settings()).items():
        text = env.get(_PREFIX + name.upper())
        if text is not None:
            values[name] = _parse(_PREFIX + name.upper(), text, type(default))
    values |= {name: value for name, value in flags.items() if value is not None}
    settings = replace(Settings(), **values)
    _check(settings)
    return settings


def _parse(name: str, text: str, kind: type) -> Any:
    if kind is int:
        try:
            return int(text)
        except ValueError:
            raise SettingsInvalid(f"{name}: expected a whole number, got {text!r}") from None
    return text


def _check(settings: Settings) -> None:
    url = settings.database_url
    if not url.startswith(("sqlite://", "postgresql+psycopg://", "postgresql://")):
        raise SettingsInvalid(
            f"ACCORD_DATABASE_URL: expected sqlite:///FILE or postgresql+psycopg://..., "
            f"got {redact_url(url)!r}"
        )
    if not 0 < settings.port < 65536:
        raise SettingsInvalid(f"ACCORD_PORT: expected 1 to 65535, got {settings.port}")
    if settings.raw_sample_retention_days < 0:
        raise SettingsInvalid(
            f"ACCORD_RAW_SAMPLE_RETENTION_DAYS: expected 0 or more days, "
            f"got {settings.raw_sample_retention_days}"
        )
    if settings.statement_grace_days < 0:
        raise SettingsInvalid(
            f"ACCORD_STATEMENT_GRACE_DAYS: expected 0 or more days, "
            f"got {settings.statement_grace_days}"
        )
