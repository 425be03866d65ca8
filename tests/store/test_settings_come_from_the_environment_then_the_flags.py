"""One typed settings object: environment first, flags over it, bad values named."""

from __future__ import annotations

import pytest

from accord.settings import DEFAULT_DATABASE, SettingsInvalid, load_settings


def test_it_runs_on_the_embedded_default_with_nothing_set() -> None:
    settings = load_settings({})
    assert settings.database_url == DEFAULT_DATABASE and settings.embedded


def test_a_flag_wins_over_the_environment() -> None:
    env = {"ACCORD_DATABASE_URL": "sqlite:///a.db", "ACCORD_PORT": "9000"}
    settings = load_settings(env, database_url="postgresql+psycopg://u@h/db", port=None)
    assert settings.database_url == "postgresql+psycopg://u@h/db" and settings.port == 9000
    assert not settings.embedded


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"ACCORD_PORT": "eighty"}, "ACCORD_PORT: expected a whole number, got 'eighty'"),
        ({"ACCORD_PORT": "70000"}, "ACCORD_PORT: expected 1 to 65535, got 70000"),
        ({"ACCORD_RAW_SAMPLE_RETENTION_DAYS": "-1"}, "ACCORD_RAW_SAMPLE_RETENTION_DAYS"),
    ],
)
def test_a_bad_value_is_refused_with_its_name(env: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsInvalid, match=message):
        load_settings(env)


def test_the_printed_settings_hide_the_database_password() -> None:
    env = {"ACCORD_DATABASE_URL": "postgresql+psycopg://accord:s3cret@db:5432/accord"}
    shown = load_settings(env).redacted()
    assert shown["database_url"] == "postgresql+psycopg://accord:***@db:5432/accord"
