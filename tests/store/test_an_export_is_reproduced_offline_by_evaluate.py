"""`accord export --customer C` writes files from which `accord evaluate`, offline, gives
the figures of the customer's frozen statement."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine

from accord.services.demo import load_demo
from accord.services.statements import customer_month
from accord.store.database import make_sessions
from cli.runner import accord

EXAMPLES = Path(__file__).parents[2] / "examples"
NOW = datetime(2026, 12, 2, 12, tzinfo=UTC)


def test_the_exported_files_give_the_frozen_statement(engine: Engine, tmp_path: Path) -> None:
    sessions = make_sessions(engine)
    with sessions() as session:
        load_demo(session, EXAMPLES, NOW)
        frozen = customer_month(session, "demo", "bayside-market", "2026-10", NOW, timedelta())
        session.commit()
    assert frozen["status"] == "frozen"
    url = engine.url.render_as_string(hide_password=False)
    run = accord("export", "--customer", "bayside-market", "--tenant", "demo",
                 "--out", str(tmp_path / "out"), "--database", url)  # fmt: skip
    assert run.code == 0, run.err
    [folder] = (tmp_path / "out").glob("1-lavi-qtrac@*")
    offline = accord("evaluate", str(folder / "contract.yaml"), "--evidence",
                     str(folder / "evidence.json"), "--period", "2026-10",
                     "--now", frozen["as_of"], "--format", "json")  # fmt: skip
    assert offline.code == 0, offline.err
    [statement] = frozen["statements"]
    assert json.loads(offline.out) == {k: v for k, v in statement.items() if k != "subscription"}
    kept = json.loads((tmp_path / "out" / "statements" / "2026-10.json").read_text())
    assert kept["evidence_sha256"] == frozen["evidence_sha256"]


def test_export_names_a_customer_it_does_not_know(engine: Engine) -> None:
    url = engine.url.render_as_string(hide_password=False)
    run = accord("export", "--customer", "nobody", "--tenant", "demo", "--database", url)
    assert run.code == 2 and "tenant 'demo' has no customer 'nobody'" in run.err
