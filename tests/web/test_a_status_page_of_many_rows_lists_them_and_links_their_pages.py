"""Past sixty rows, the index lists each row's state and figure and links to its
service's page, which draws the bars: a page of a thousand rows of bars would not load."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from accord.contracts.loader import load_contract
from accord.domain.evidence import Evidence, Outage
from accord.services.status import service_status
from accord.web.export import COMPACT_ROWS, export_site
from cli.runner import EXAMPLES

NOW = datetime(2026, 11, 20, 20, tzinfo=UTC)


def _stores(count: int) -> Evidence:
    start = datetime(2026, 10, 5, 16, tzinfo=UTC)
    return Evidence(
        outages=tuple(
            Outage(start + timedelta(hours=i), start + timedelta(hours=i, minutes=30), f"s-{i}")
            for i in range(count)
        )
    )


def _export(folder: Path, stores: int) -> str:
    lavi = load_contract(EXAMPLES / "contracts" / "lavi-qtrac.yaml")
    export_site(folder, [service_status(lavi, _stores(stores), NOW)], NOW, "Stores")
    return (folder / "index.html").read_text()


def test_many_rows_are_listed_and_their_bars_are_on_the_service_s_page(tmp_path: Path) -> None:
    index = _export(tmp_path, COMPACT_ROWS + 1)
    assert '<ol class="bars"' not in index
    assert index.count('href="./services/lavi-qtrac.html"') == COMPACT_ROWS + 1
    page = (tmp_path / "services" / "lavi-qtrac.html").read_text()
    assert page.count('<ol class="bars"') == COMPACT_ROWS + 1


def test_a_page_of_few_rows_draws_the_bars_itself(tmp_path: Path) -> None:
    index = _export(tmp_path, COMPACT_ROWS)
    assert index.count('<ol class="bars"') == COMPACT_ROWS
