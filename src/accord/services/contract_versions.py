"""Contracts kept in the store: a version is checked and linted on upload, kept verbatim,
and loaded back into the model (once per process: loading is the slow part).

The source is written to a file named by its digest in a folder of the process, so that
checking, linting and the calendars read it exactly as they read a contract on disk.
"""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.contracts.check import check_contract
from accord.contracts.lint import lint_contract
from accord.contracts.loader import ContractInvalid, LoadedContract
from accord.problems import Problem
from accord.store.models import ContractVersion, StoredContract

__all__ = ["Uploaded", "VersionExists", "load_version", "loaded_source", "upload_version"]


class VersionExists(ValueError):
    """A version already stored under this contract with another text."""


@dataclass(frozen=True)
class Uploaded:
    version: ContractVersion
    created: bool  # False when the same text was already stored under this version
    lint: tuple[Problem, ...]  # findings of the linter, for the uploader to read


@cache
def _folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="accord-contracts-"))


@cache
def loaded_source(source: str, shown_as: str = "contract.yaml") -> LoadedContract:
    """The checked contract of `source`; raises ContractInvalid with every problem."""
    digest = hashlib.sha256(source.encode()).hexdigest()
    folder = _folder() / digest
    folder.mkdir(exist_ok=True)
    path = folder / "contract.yaml"
    path.write_text(source, encoding="utf-8")
    return check_contract(path, shown_as=shown_as)


def load_version(version: ContractVersion) -> LoadedContract:
    return loaded_source(version.source, f"{version.contract_key}@{version.version}")


def upload_version(
    session: Session, tenant: str, source: str, actor: str, now: datetime
) -> Uploaded:
    """Check `source` and keep it as a version of the contract it names; a source that
    fails its check raises ContractInvalid and stores nothing."""
    loaded = loaded_source(source, "body")
    contract = loaded.contract
    findings = tuple(lint_contract(loaded, today=date(now.year, now.month, now.day)))
    found = session.get(ContractVersion, (tenant, contract.id, contract.version))
    if found is not None:
        if found.source != source:
            raise VersionExists(
                f"contract {contract.id!r} already has a version {contract.version!r} with "
                "another text; give the new text a new version"
            )
        return Uploaded(found, False, findings)
    if session.get(StoredContract, (tenant, contract.id)) is None:
        session.add(
            StoredContract(tenant_id=tenant, key=contract.id, name=contract.title, created_at=now)
        )
        session.flush()
    version = ContractVersion(
        tenant_id=tenant,
        contract_key=contract.id,
        version=contract.version,
        effective_from=_local_midnight(contract.effective_from, contract.zone),
        source=source,
        uploaded_at=now,
        uploaded_by=actor,
    )
    session.add(version)
    session.flush()
    return Uploaded(version, True, findings)


def _local_midnight(day: date, zone: str) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(zone)).astimezone(UTC)


def versions_of(session: Session, tenant: str, contract: str) -> list[ContractVersion]:
    return list(
        session.scalars(
            select(ContractVersion)
            .where(ContractVersion.tenant_id == tenant, ContractVersion.contract_key == contract)
            .order_by(ContractVersion.uploaded_at, ContractVersion.version)
        )
    )


__all__ += ["ContractInvalid", "versions_of"]
