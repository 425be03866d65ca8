"""Notice is judged from the moment the plan is announced (now)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from accord.contracts.loader import load_contract
from services.maintenance.plans import EXAMPLES, plan


def ethnio_with_notice(tmp_path: Path, notice: str) -> Path:
    text = (EXAMPLES / "ethnio.yaml").read_text(encoding="utf-8")
    assert "notice: 0m" in text
    path = tmp_path / "ethnio.yaml"
    path.write_text(text.replace("notice: 0m", f"notice: {notice}"), encoding="utf-8")
    return path


def test_a_friday_window_announced_a_day_ahead_of_a_48_hour_notice_is_refused(
    tmp_path: Path,
) -> None:
    contract = load_contract(ethnio_with_notice(tmp_path, "48h"))
    now = datetime(2026, 10, 9, 3, 0, tzinfo=UTC)  # Thursday 20:00 Pacific
    check = plan(contract, datetime(2026, 10, 9, 20, 0), hours=4, now=now)
    assert check.short_notice == 1
    assert not check.accepted
    assert "1 window(s) announced with less than 48 h notice" in check.reasons


def test_the_same_window_announced_a_week_ahead_is_accepted(tmp_path: Path) -> None:
    contract = load_contract(ethnio_with_notice(tmp_path, "48h"))
    now = datetime(2026, 10, 2, tzinfo=UTC)
    check = plan(contract, datetime(2026, 10, 9, 20, 0), hours=4, now=now)
    assert check.short_notice == 0 and check.accepted
