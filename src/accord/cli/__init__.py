"""The `accord` command: parse, call a service, render. No logic of its own.

A mistake in what the user gave (a file, an option) is reported on one line where it
is; anything else is a fault of the program: one line asking for a report, exit 3, and
the traceback with `--debug` (or ACCORD_DEBUG=1).
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

INTERNAL_ERROR = 3  # a fault of the program, not of the user's input

# Every command and group: the module under accord.cli that defines it, and the line
# `accord --help` shows for it. A command's module is imported only when the command
# runs (or shows its own help): importing them all (contracts, numpy, pyarrow, the
# service) cost a second of CPU before anything was done.
COMMANDS: dict[str, tuple[str, str]] = {
    "contract": ("contract", "Check, lint, explain and describe contract files."),
    "calendar": ("calendar", "A contract's holidays, and deadlines counted on its calendars."),
    "evaluate": ("evaluate", "Statements of one month or of a range of months: availability, "
                 "credits, support, performance, claims and the termination right."),
    "simulate": ("evaluate", "What hypothetical outages would cost: the month's credits "
                 "before and after, per objective and scope, and the difference."),
    "evidence": ("evidence", "Convert evidence files."),
    "maintenance": ("maintenance", "Check maintenance plans against a contract."),
    "serve": ("serve", "Run the service: the HTTP API under /api/v1 (see docs/api.md)."),
    "demo": ("serve", "`accord serve --demo`: the service with the demo tenant loaded."),
    "token": ("serve", "API tokens."),
    "password": ("password", "Passwords for the web pages."),
    "export": ("serve", "Write everything of a customer as files `accord evaluate` reads: per "
               "subscription the contract and the evidence, and the frozen statements."),
    "worker": ("worker", "Probe the monitors this worker claims, store the results, open and "
               "resolve incidents."),
    "agent": ("agent", "Probe a location's monitors, keep every check in a local file, "
              "upload it once."),
    "db": ("db", "The service's database."),
    "status": ("status", "The public status page."),
}  # fmt: skip


def load_command(name: str) -> Any:
    """The click command of `name`, built from its module (its `app`, or `register`)."""
    module = importlib.import_module(f"accord.cli.{COMMANDS[name][0]}")
    if hasattr(module, "app"):
        command = typer.main.get_group(module.app)
        command.name = name
        return command
    holder = typer.Typer()
    module.register(holder)
    return typer.main.get_group(holder).commands[name]


class _Commands(TyperGroup):
    """Commands loaded when they are used; `--help` lists them from `COMMANDS` alone."""

    def list_commands(self, ctx: Any) -> list[str]:
        return [*super().list_commands(ctx), *COMMANDS]

    def get_command(self, ctx: Any, name: str) -> Any:
        if name in self.commands or name not in COMMANDS:
            return super().get_command(ctx, name)
        return TyperCommand(name, help=COMMANDS[name][1])  # a stand-in, for listing

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        if args and args[0] in COMMANDS and args[0] not in self.commands:
            self.add_command(load_command(args[0]), args[0])
        return super().resolve_command(ctx, args)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Usage errors on one line (`error: --option: what is wrong`, exit 2) instead of
        the framework's box of several lines."""
        standalone_mode = kwargs.pop("standalone_mode", True)
        kwargs["standalone_mode"] = False
        if not standalone_mode:
            return super().main(*args, **kwargs)
        try:
            code = super().main(*args, **kwargs)
        except typer.Abort:
            typer.echo("error: aborted", err=True)
            sys.exit(1)
        except _USAGE_ERRORS as error:
            if type(error).__name__ == "NoArgsIsHelpError":  # a bare group: its help
                typer.echo(str(getattr(error, "format_message", error.__str__)()), err=True)
            else:
                typer.echo(f"error: {usage_words(error)}", err=True)
            sys.exit(getattr(error, "exit_code", 2))
        sys.exit(code if isinstance(code, int) else 0)


# The framework's base of user errors (Typer may carry its own copy of Click).
_USAGE_ERRORS: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
)


def usage_words(error: Exception) -> str:
    """One line: the option or argument at fault, then what is wrong with it."""
    param = getattr(error, "param", None)
    text = getattr(error, "message", None) if param is not None else None
    if text is None:
        text = error.format_message() if hasattr(error, "format_message") else str(error)
    words = " ".join(str(text).split()).removeprefix("Value error, ") or "missing"
    unknown = getattr(error, "option_name", None)  # an option no command has
    if unknown:
        return f"{unknown}: {words[:1].lower()}{words[1:]}"
    if param is None:
        return words
    opts = getattr(param, "opts", [])
    name = opts[0] if param.param_type_name == "option" and opts else str(param.name).upper()
    return f"{name}: {words}"


app = typer.Typer(
    name="accord",
    cls=_Commands,
    help="Service level agreements as executable, measured commitments.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _options(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of an internal error.")
    ] = False,
) -> None:
    if debug:
        os.environ["ACCORD_DEBUG"] = "1"


def main() -> None:
    try:
        app()
    except Exception as error:  # the user's mistakes were reported where they were made
        if os.environ.get("ACCORD_DEBUG") == "1":
            raise
        name = type(error).__name__
        print(
            f"internal error, please report it (run again with --debug for the details): "
            f"{name}: {error}".splitlines()[0],
            file=sys.stderr,
        )
        sys.exit(INTERNAL_ERROR)
