"""Passwords are stored as Argon2id hashes, never as given; short ones are refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from accord.services.passwords import PasswordRefused, check_password, set_password
from accord.store.models import User
from api.service import NOW, running_service

PASSWORD = "a long enough passphrase"


def test_a_password_is_stored_as_an_argon2id_hash_and_checked(tmp_path: Path) -> None:
    with running_service("sqlite", tmp_path) as service:
        service.token("acme", "provider_admin", user="ann")
        with service.sessions() as session:
            set_password(session, "acme", "ann", PASSWORD, "test", NOW)
            session.commit()
            stored = session.scalars(select(User.password_argon2)).one()
            assert stored is not None and stored.startswith("$argon2id$")
            assert PASSWORD not in stored
            checked = check_password(session, "acme", "ann", PASSWORD)
            assert checked is not None and checked[0].role == "provider_admin"
            assert check_password(session, "acme", "ann", PASSWORD.upper()) is None


def test_a_short_password_or_an_unknown_user_is_refused(tmp_path: Path) -> None:
    with running_service("sqlite", tmp_path) as service:
        service.token("acme", "provider_admin", user="ann")
        with service.sessions() as session:
            with pytest.raises(PasswordRefused, match="at least 12 characters"):
                set_password(session, "acme", "ann", "short", "test", NOW)
            with pytest.raises(PasswordRefused, match="no user 'bob'"):
                set_password(session, "acme", "bob", PASSWORD, "test", NOW)
            assert check_password(session, "acme", "ann", PASSWORD) is None  # none set
