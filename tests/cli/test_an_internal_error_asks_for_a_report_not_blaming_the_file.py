"""A fault of the program is not reported as a fault of the user's contract file."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from accord import cli
from accord.services import evaluate as service

EXAMPLES = Path(__file__).parents[2] / "examples"
ARGS = [
    "accord", "evaluate", str(EXAMPLES / "contracts" / "ethnio.yaml"),
    "--evidence", str(EXAMPLES / "evidence" / "ethnio.json"), "--period", "2026-10",
]  # fmt: skip


def a_bug(*_: object, **__: object) -> None:
    raise ValueError("a bug in the evaluation")


@pytest.fixture
def broken(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setattr(service, "evaluate", a_bug)
    monkeypatch.delenv("ACCORD_DEBUG", raising=False)
    return monkeypatch


def test_it_prints_one_line_asking_for_a_report_and_exits_3(
    broken: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    broken.setattr(sys, "argv", ARGS)
    with pytest.raises(SystemExit) as stop:
        cli.main()
    err = capsys.readouterr().err
    assert stop.value.code == cli.INTERNAL_ERROR
    assert err.splitlines() == [
        "internal error, please report it (run again with --debug for the details): "
        "ValueError: a bug in the evaluation"
    ]
    assert "ethnio.yaml" not in err


def test_debug_shows_the_traceback(broken: pytest.MonkeyPatch) -> None:
    broken.setattr(sys, "argv", [ARGS[0], "--debug", *ARGS[1:]])
    with pytest.raises(ValueError, match="a bug in the evaluation"):
        cli.main()


def test_a_term_the_evaluation_cannot_count_is_still_the_files_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    text = (EXAMPLES / "contracts" / "letsignit.yaml").read_text()
    odd = tmp_path / "letsignit.yaml"
    odd.write_text(text.replace("as_needed: true", "as_needed: false"))
    assert odd.read_text() != text
    monkeypatch.setattr(sys, "argv", [ARGS[0], "evaluate", str(odd), "--evidence",
                                      str(EXAMPLES / "evidence" / "letsignit.json"),
                                      "--period", "2026-10"])  # fmt: skip
    with pytest.raises(SystemExit) as stop:
        cli.main()
    assert stop.value.code == 1
    [line] = capsys.readouterr().err.splitlines()
    where = 1 + text[: text.index("as_needed: true")].count("\n")  # its line in the file
    assert line.startswith(f"{odd}:{where}:14: maintenance.as_needed: false")
