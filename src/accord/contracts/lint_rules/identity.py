"""The contract's identity: what the YAML reader may have changed behind the author."""

from __future__ import annotations

from collections.abc import Iterator

from accord.contracts.lint_rules.base import Check, Context, Finding, Rule

VERSION_AS_NUMBER = Rule(
    "A601",
    "a version written as a number",
    "YAML reads `version: 1.10` as the number 1.1, so versions 1.1 and 1.10 become the "
    'same. Quote it: `version: "1.10"`.',
)


def version_as_number(context: Context) -> Iterator[Finding]:
    written = context.document.data.get("version")
    if isinstance(written, int | float) and not isinstance(written, bool):
        yield (
            ("version",),
            (f"the version is the number {written!r}, not the text written: quote it"),
        )


RULES: list[tuple[Rule, Check]] = [(VERSION_AS_NUMBER, version_as_number)]
