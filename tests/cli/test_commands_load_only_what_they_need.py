"""`accord` loads a command's module only when it runs: `--help` lists every command from
one table, whose lines are the commands' own; checking a contract needs no NumPy, no
table drawing, and no holiday or iCalendar package unless the contract names their data."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from accord.cli import COMMANDS, app, load_command

from .runner import accord


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_line_help_shows_is_the_commands_own(name: str) -> None:
    command = load_command(name)
    own = (command.help or "").split("\n\n")[0]
    assert " ".join(own.split()) == COMMANDS[name][1]


@pytest.mark.parametrize("module", sorted({module for module, _ in COMMANDS.values()}))
def test_every_command_a_module_defines_is_in_the_table(module: str) -> None:
    holder = typer.Typer()
    found = importlib.import_module(f"accord.cli.{module}")
    if hasattr(found, "register"):
        found.register(holder)
        names = set(typer.main.get_group(holder).commands)
    else:
        names = {name for name, (m, _) in COMMANDS.items() if m == module}
    assert names == {name for name, (m, _) in COMMANDS.items() if m == module}


def test_help_lists_every_command() -> None:
    run = accord("--help")
    assert run.code == 0
    assert all(name in run.out for name in COMMANDS)


def _modules_after(*args: str) -> set[str]:
    code = (
        "import sys\nfrom typer.testing import CliRunner\nfrom accord.cli import app\n"
        f"CliRunner().invoke(app, {list(args)!r})\nprint(' '.join(sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return set(run.stdout.split())


def test_help_imports_no_command_module() -> None:
    loaded = _modules_after("--help")
    assert not {f"accord.cli.{module}" for module, _ in COMMANDS.values()} & loaded
    assert not {"numpy", "pydantic", "accord.contracts.model"} & loaded


def test_checking_a_contract_needs_no_numpy() -> None:
    loaded = _modules_after("contract", "check", "examples/contracts/lavi-qtrac.yaml")
    assert "accord.contracts.model" in loaded
    assert not {"numpy", "pyarrow", "accord.services.evaluate"} & loaded


def test_the_app_runs_a_lazy_command() -> None:
    assert app is not None
    run = accord("contract", "check", "examples/contracts/lavi-qtrac.yaml")
    assert run.code == 0 and "ok (lavi-qtrac" in run.out


def _modules_of_the_command(*args: str) -> set[str]:
    """What `accord ARGS` itself imported (not a test runner), as it would at a terminal."""
    code = (
        f"import sys\nsys.argv = ['accord', *{list(args)!r}]\nfrom accord.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sys.modules), file=sys.stderr)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    return set(run.stderr.split())


def test_checking_a_contract_loads_no_holiday_ical_or_table_package_it_does_not_use() -> None:
    loaded = _modules_of_the_command("contract", "check", "examples/contracts/lavi-qtrac.yaml")
    assert "accord.contracts.model" in loaded
    assert not {"rich", "holidays", "icalendar", "dateutil.rrule", "numpy"} & loaded


def test_a_contract_naming_country_holidays_loads_the_holiday_data(tmp_path: Path) -> None:
    text = Path("examples/contracts/lavi-qtrac.yaml").read_text()
    opened = '    hours:\n      mon-fri: ["06:00-18:00"]\n'
    assert opened in text
    contract = tmp_path / "contract.yaml"
    contract.write_text(text.replace(opened, opened + "    country_holidays: [{country: US}]\n"))
    loaded = _modules_of_the_command("contract", "check", str(contract))
    assert "holidays" in loaded
