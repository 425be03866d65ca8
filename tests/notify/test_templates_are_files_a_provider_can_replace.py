"""Every notice kind has a template file; a provider's own folder replaces the wording."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.notify import NOTICE_KINDS, Notice, render
from accord.notify.send import TEMPLATES


@pytest.mark.parametrize("kind", NOTICE_KINDS)
def test_each_kind_renders_a_title_and_a_body(kind: str) -> None:
    title, body = render(Notice(kind, "acme", {"service": "Ethnio"}))  # type: ignore[arg-type]
    assert title.startswith("[Ethnio]")
    assert body.strip()


def test_a_missing_value_stays_as_written_rather_than_failing() -> None:
    title, _ = render(Notice("credit_owed", "acme", {"service": "Ethnio"}))
    assert title == "[Ethnio] Service credit owed for ${period}"


def test_a_folder_of_the_providers_own_templates_is_used(tmp_path: Path) -> None:
    for path in TEMPLATES.glob("*.txt"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "incident_resolved.txt").write_text("Fixed: ${title}\nAll good.\n", "utf-8")
    title, body = render(Notice("incident_resolved", "acme", {"title": "API"}), tmp_path)
    assert (title, body) == ("Fixed: API", "All good.\n")
