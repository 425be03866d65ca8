"""The static status page in Chromium: whole at a phone's width and a desktop's, served
from another host with nothing fetched from anywhere else."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from .conftest import DESKTOP, PHONE, screenshot
from .site import export, served

NOW = "2026-10-22T19:00Z"  # store-40 of the Lavi example is down


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("site")
    export(folder, NOW)
    with served(folder) as url:
        yield url


@pytest.mark.parametrize(("name", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_the_page_fits_the_screen_and_says_the_state_first(
    browser: Browser, site: str, name: str, viewport: dict[str, int]
) -> None:
    context = browser.new_context(viewport=viewport)  # type: ignore[arg-type]
    page = context.new_page()
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    page.goto(site)
    expect(page.get_by_role("heading", level=1)).to_have_text("Partial outage")
    expect(page.locator(".scope", has_text="store-40").locator(".state")).to_have_text("Outage")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"{name}: {width}px wide, wider than the screen"
    bars = page.locator("ol.bars").first.locator(".bar")
    assert bars.count() == 90
    box = bars.first.bounding_box()
    assert box is not None and box["width"] >= 2 and box["height"] >= 30
    assert asked and all(u.startswith(site) for u in asked), asked
    screenshot(page, f"status-{name}")
    screenshot(page, f"status-{name}-top", full_page=False)
    context.close()


def test_the_page_stays_up_with_the_service_down(browser: Browser, tmp_path: Path) -> None:
    # The export is plain files: any server shows it, whether accord runs or not.
    export(tmp_path, NOW)
    page = browser.new_page()
    page.goto((tmp_path / "index.html").as_uri())
    expect(page.get_by_role("heading", name="Scheduled maintenance")).to_be_visible()
    expect(page.locator("link[rel=stylesheet]")).to_have_count(1)
    color = page.locator(".banner").evaluate("e => getComputedStyle(e).backgroundColor")
    assert color == "rgb(207, 34, 46)"  # the stylesheet loaded beside the page: outage red
    page.close()
