"""The agent's buffer: a batch sealed once is sent with the same key and bytes however
often the agent restarts, until the server answers; one sample a second per vantage point."""

from __future__ import annotations

from pathlib import Path

from accord.monitor.agent import Buffer, Result


def _result(monitor: str, second: int, ok: str = "true") -> Result:
    at = f"2026-10-01T00:00:{second:02d}.250000Z"
    return Result("bayside", 1_790_812_800 + second, (at, ok, "", "paris", monitor, "1.500"))


def test_a_sealed_batch_is_the_same_after_a_restart(tmp_path: Path) -> None:
    with Buffer(tmp_path / "b.sqlite") as buffer:
        assert buffer.record([_result("api", s) for s in range(5)]) == 5
        assert buffer.seal(3) == 2
        first = buffer.pending(10)
        identity = buffer.id
    with Buffer(tmp_path / "b.sqlite") as buffer:  # killed, started again
        assert buffer.id == identity
        assert buffer.pending(10) == first
        assert buffer.seal(3) == 0  # nothing new: no new batch
        assert [b.count for b in first] == [3, 2]
        assert first[0].body.decode().splitlines()[0] == "at,ok,scope,location,monitor,response_ms"
        assert len({b.key for b in first}) == 2


def test_acknowledged_checks_leave_the_backlog_and_refused_ones_are_kept(tmp_path: Path) -> None:
    with Buffer(tmp_path / "b.sqlite") as buffer:
        buffer.record([_result("api", s) for s in range(4)])
        buffer.seal(2)
        stored, refused = buffer.pending(10)
        buffer.record([_result("api", 9)])
        assert buffer.backlog() == 5
        buffer.settle(stored.id, "stored", 100)
        buffer.settle(refused.id, "refused", 100, "422 bad")
        assert buffer.backlog() == 1 and buffer.pending(10) == []
        buffer.prune(101)
        assert buffer.seal(10) == 1
        (last,) = buffer.pending(10)
        assert last.key not in (stored.key, refused.key) and last.count == 1


def test_a_second_check_of_a_vantage_point_in_the_same_second_is_not_kept(
    tmp_path: Path,
) -> None:
    with Buffer(tmp_path / "b.sqlite") as buffer:
        kept = buffer.record([_result("api", 1), _result("api", 1, "false"), _result("web", 1)])
        assert kept == 2
