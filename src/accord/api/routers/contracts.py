"""/contracts: upload a version (checked and linted), list, read, explain."""

from __future__ import annotations

import io
from typing import Annotated

from fastapi import APIRouter, Path, Request, Response
from fastapi.responses import PlainTextResponse
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from accord.api.deps import KEY_PATTERN, NowDep, PrincipalDep, SessionDep, require
from accord.api.pagination import CursorParam, LimitParam, Page, decode_cursor, encode_cursor
from accord.api.problems import FieldError, Refusal, problem_responses
from accord.api.schemas import ContractPublic, ContractUploaded, LintFinding, VersionPublic
from accord.services import audit
from accord.services.accounts import Principal
from accord.services.contract_versions import (
    ContractInvalid,
    VersionExists,
    load_version,
    upload_version,
)
from accord.store.models import ContractVersion, StoredContract, Subscription

router = APIRouter(prefix="/contracts", tags=["contracts"])
ContractKey = Annotated[str, Path(pattern=KEY_PATTERN)]
VersionKey = Annotated[str, Path(min_length=1, max_length=64)]
YAML_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/yaml": {"schema": {"type": "string"}}},
    }
}
MAX_CONTRACT = 1 << 20  # bytes


class VersionSource(VersionPublic):
    source: str  # the YAML exactly as uploaded


def _visible(session: Session, principal: Principal) -> set[str] | None:
    """Contract keys a customer's principal may read (those of its subscriptions);
    None for provider roles, who read them all."""
    if principal.provider:
        return None
    require(principal, "customer_admin", "customer_viewer")
    rows = session.scalars(
        select(Subscription.contract_key).where(
            Subscription.tenant_id == principal.tenant,
            Subscription.customer_key == principal.customer,
        )
    )
    return set(rows)


def _contract(session: Session, principal: Principal, key: str) -> StoredContract:
    visible = _visible(session, principal)
    found = session.get(StoredContract, (principal.tenant, key))
    if found is None or (visible is not None and key not in visible):
        raise Refusal(404, f"no contract {key!r}")
    return found


def _version(session: Session, principal: Principal, key: str, version: str) -> ContractVersion:
    _contract(session, principal, key)
    found = session.get(ContractVersion, (principal.tenant, key, version))
    if found is None:
        raise Refusal(404, f"contract {key!r} has no version {version!r}")
    return found


@router.get("", response_model=Page[ContractPublic], responses=problem_responses(401, 403, 422))
def list_contracts(
    session: SessionDep,
    principal: PrincipalDep,
    limit: LimitParam = 100,
    cursor: CursorParam = None,
) -> Page[ContractPublic]:
    after = decode_cursor(cursor, 1)
    query = select(StoredContract).where(StoredContract.tenant_id == principal.tenant)
    visible = _visible(session, principal)
    if visible is not None:
        query = query.where(StoredContract.key.in_(visible))
    if after is not None:
        query = query.where(StoredContract.key > str(after[0]))
    rows = list(session.scalars(query.order_by(StoredContract.key).limit(limit + 1)))
    items = [ContractPublic(key=r.key, name=r.name, created_at=r.created_at) for r in rows[:limit]]
    more = len(rows) > limit
    return Page(items=items, next_cursor=encode_cursor([items[-1].key]) if more else None)


@router.post(
    "",
    response_model=ContractUploaded,
    status_code=201,
    openapi_extra=YAML_BODY,
    responses={
        200: {"model": ContractUploaded, "description": "Already stored"},
        **problem_responses(401, 403, 409, 413, 422),
    },
)
async def upload_contract(
    request: Request,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    now: NowDep,
) -> ContractUploaded:
    """Check the YAML and keep it as a version; the answer lists the linter's findings.
    A contract that fails its check is refused (422, every problem with its line and
    column) and nothing is stored."""
    require(principal, "provider_admin")
    body = await request.body()
    if len(body) > MAX_CONTRACT:
        raise Refusal(413, f"a contract is at most {MAX_CONTRACT} bytes")
    try:
        source = body.decode("utf-8")
    except UnicodeDecodeError:
        raise Refusal(422, "body: the contract is not UTF-8 text", field="body") from None
    try:
        uploaded = await run_in_threadpool(
            upload_version, session, principal.tenant, source, principal.actor, now
        )
    except ContractInvalid as error:
        errors = [
            FieldError(field=p.path or "body", message=p.message, line=p.line, column=p.column)
            for p in error.problems
        ]
        raise Refusal(
            422, f"the contract fails its check: {error.problems[0]}", errors=errors
        ) from None
    except VersionExists as error:
        raise Refusal(409, str(error), field="version") from None
    version = uploaded.version
    if uploaded.created:
        audit.record(
            session,
            principal.tenant,
            principal.actor,
            "create",
            f"contracts/{version.contract_key}/versions/{version.version}",
            now,
            after={"contract": version.contract_key, "version": version.version},
        )
        session.commit()
    else:
        response.status_code = 200
    return ContractUploaded(
        contract=version.contract_key,
        version=version.version,
        created=uploaded.created,
        check="ok",
        lint=[
            LintFinding(line=p.line, column=p.column, path=p.path, code=p.code, message=p.message)
            for p in uploaded.lint
        ],
    )


@router.get(
    "/{contract}", response_model=ContractPublic, responses=problem_responses(401, 403, 404, 422)
)
def read_contract(
    contract: ContractKey, session: SessionDep, principal: PrincipalDep
) -> ContractPublic:
    found = _contract(session, principal, contract)
    return ContractPublic(key=found.key, name=found.name, created_at=found.created_at)


def _public(v: ContractVersion) -> VersionPublic:
    return VersionPublic(
        contract=v.contract_key,
        version=v.version,
        effective_from=v.effective_from,
        uploaded_at=v.uploaded_at,
        uploaded_by=v.uploaded_by,
    )


@router.get(
    "/{contract}/versions",
    response_model=Page[VersionPublic],
    responses=problem_responses(401, 403, 404, 422),
)
def list_versions(
    contract: ContractKey,
    session: SessionDep,
    principal: PrincipalDep,
    limit: LimitParam = 100,
    cursor: CursorParam = None,
) -> Page[VersionPublic]:
    _contract(session, principal, contract)
    after = decode_cursor(cursor, 1)
    query = select(ContractVersion).where(
        ContractVersion.tenant_id == principal.tenant, ContractVersion.contract_key == contract
    )
    if after is not None:
        query = query.where(ContractVersion.version > str(after[0]))
    rows = list(session.scalars(query.order_by(ContractVersion.version).limit(limit + 1)))
    items = [_public(v) for v in rows[:limit]]
    more = len(rows) > limit
    return Page(items=items, next_cursor=encode_cursor([items[-1].version]) if more else None)


@router.get(
    "/{contract}/versions/{version}",
    response_model=VersionSource,
    responses=problem_responses(401, 403, 404, 422),
)
def read_version(
    contract: ContractKey, version: VersionKey, session: SessionDep, principal: PrincipalDep
) -> VersionSource:
    found = _version(session, principal, contract, version)
    return VersionSource(**_public(found).model_dump(), source=found.source)


@router.get(
    "/{contract}/versions/{version}/explanation",
    response_class=PlainTextResponse,
    responses=problem_responses(401, 403, 404, 422),
)
def explain_version(
    contract: ContractKey,
    version: VersionKey,
    session: SessionDep,
    principal: PrincipalDep,
    now: NowDep,
) -> str:
    """The contract in plain words and tables, as `accord contract explain` prints it."""
    from rich.console import Console

    from accord.contracts.explain import explain

    loaded = load_version(_version(session, principal, contract, version))
    console = Console(file=io.StringIO(), width=100, no_color=True, record=True)
    for part in explain(loaded, now.year):
        console.print(part)
    return console.export_text()


__all__ = ["router"]
