"""A provider of many services: one contract file and one evidence file per service.

Each service's contract is the Letsignit example's (99 % a month, maintenance windows with
notice, causes excluded) under its own id and title; its evidence holds 90 days and more
of outages of every cause and maintenance windows, announced or not, from a fixed seed.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).parents[2]
TEMPLATE = ROOT / "examples" / "contracts" / "letsignit.yaml"
CAUSES = ["unplanned"] * 6 + ["third_party", "attack", "maintenance"]
FIRST = datetime(2026, 8, 1, tzinfo=UTC)
NOW = datetime(2026, 11, 20, 12, tzinfo=UTC)


def write(folder: Path, services: int, seed: int = 11) -> list[Path]:
    """Write services x (contract, evidence) into folder/contracts and folder/evidence."""
    rng = random.Random(seed)
    text = TEMPLATE.read_text()
    (folder / "contracts").mkdir(parents=True, exist_ok=True)
    (folder / "evidence").mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(services):
        name = f"service-{n:04d}"
        contract = folder / "contracts" / f"{name}.yaml"
        contract.write_text(
            text.replace("id: letsignit", f"id: {name}", 1).replace(
                "title: Letsignit Service Level Agreement", f"title: Service {n:04d}", 1
            )
        )
        (folder / "evidence" / f"{name}.json").write_text(json.dumps(_evidence(rng)))
        paths.append(contract)
    return paths


def _evidence(rng: random.Random) -> dict[str, object]:
    def span(longest_minutes: int) -> tuple[datetime, datetime]:
        start = FIRST + timedelta(minutes=rng.randrange(0, 110 * 24 * 60))
        return start, start + timedelta(minutes=rng.randrange(1, longest_minutes))

    outages = []
    for _ in range(rng.randrange(2, 12)):
        start, end = span(240)
        outages.append(
            {"start": start.isoformat(), "end": end.isoformat(), "cause": rng.choice(CAUSES)}
        )
    maintenance = []
    for _ in range(rng.randrange(0, 5)):
        start, end = span(300)
        window: dict[str, str] = {"start": start.isoformat(), "end": end.isoformat()}
        if rng.random() < 0.7:
            window["announced_at"] = (start - timedelta(days=rng.randrange(0, 10))).isoformat()
        maintenance.append(window)
    return {"fees": {"currency": "EUR", "monthly": 1200}, "outages": outages,
            "maintenance": maintenance}  # fmt: skip
