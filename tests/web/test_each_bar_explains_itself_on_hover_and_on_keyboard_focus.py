"""A day's bar says what happened that day to the mouse, to the keyboard and to a screen
reader; with the script the bars of a row take one tab stop, without it every bar does."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import DESKTOP, screenshot
from .site import export, served

NOW = "2026-10-22T19:00Z"
SIXTH = "Tue 6 Oct 2026: down 15 h 30 min; up 35.4 % of the known time."


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("site")
    export(folder, NOW)
    with served(folder) as url:
        yield url


def shown_tip(page: Page, selector: str) -> str | None:
    """The sentence the bar shows beside it (its ::after), or None when it shows nothing."""
    return page.locator(selector).evaluate(
        """bar => {
            const tip = getComputedStyle(bar, "::after");
            if (tip.display === "none" || tip.content === "none") return null;
            const box = bar.getBoundingClientRect();
            return box.width > 0 ? JSON.parse(tip.content) : null;
        }"""
    )


def _tab_to_a_bar(page: Page) -> None:
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('bar')"):
            return
    raise AssertionError("no bar is reachable with the Tab key")


def test_hovering_a_bar_shows_its_sentence(browser: Browser, site: str) -> None:
    page = browser.new_page(viewport=DESKTOP)  # type: ignore[arg-type]
    page.goto(site)
    bar = page.locator(".scope", has_text="store-12").locator(".bar").nth(-17)  # 6 October
    assert shown_tip(page, ".scope:has-text('store-12') .bar >> nth=-17") is None
    bar.hover()
    expect(bar).to_have_attribute("aria-label", SIXTH)
    assert shown_tip(page, ".bar:hover") == SIXTH
    screenshot(page, "status-bar-hover", full_page=False)
    page.close()


def test_the_keyboard_reaches_the_bars_and_moves_day_by_day(browser: Browser, site: str) -> None:
    page = browser.new_page(viewport=DESKTOP)  # type: ignore[arg-type]
    page.goto(site)
    _tab_to_a_bar(page)
    focused = page.locator(".bar:focus")
    assert shown_tip(page, ".bar:focus") == focused.get_attribute("aria-label")
    today = focused.get_attribute("aria-label")
    assert today is not None and today.startswith("Thu 22 Oct 2026")  # the last, today
    page.keyboard.press("ArrowLeft")
    expect(page.locator(".bar:focus")).to_have_attribute(
        "aria-label", "Wed 21 Oct 2026: up all day."
    )
    assert shown_tip(page, ".bar:focus") == "Wed 21 Oct 2026: up all day."
    page.keyboard.press("Tab")  # one tab stop a row: Tab leaves for the next row
    assert page.evaluate("document.activeElement.closest('ol.bars') !== null")
    assert page.locator("ol.bars").nth(1).locator(".bar:focus").count() == 1
    page.close()


def test_without_the_script_every_bar_still_explains_itself(browser: Browser, site: str) -> None:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(site)
    _tab_to_a_bar(page)
    first = page.locator(".bar:focus")
    assert shown_tip(page, ".bar:focus") == first.get_attribute("aria-label")
    assert (first.get_attribute("aria-label") or "").startswith("Sat 25 Jul 2026")  # 90 days ago
    page.keyboard.press("Tab")
    expect(page.locator(".bar:focus")).to_have_attribute("aria-label", "Sun 26 Jul 2026: no data.")
    context.close()


def test_times_show_in_the_reader_s_zone_on_request(browser: Browser, site: str) -> None:
    context = browser.new_context(viewport=DESKTOP, timezone_id="Asia/Tokyo")  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(site)
    banner = page.locator(".banner")
    expect(banner).to_contain_text("Thu 22 Oct 2026, 12:00 PDT")
    page.get_by_role("button", name="Show times in my time zone").click()
    expect(banner.locator(".reader")).to_contain_text("GMT+9")
    context.close()
