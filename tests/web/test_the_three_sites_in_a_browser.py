"""`accord serve --demo` in Chromium: a visitor reads the status page, a customer signs in
with its password by keyboard alone, sees only its own statements and downloads one, a
provider signs in with a token and sees the console. Screenshots of each page go to
build/screenshots/."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, Page, expect

from service.server import Server, serving

from .conftest import DESKTOP, PHONE, screenshot


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("serve")
    with serving(["serve", "--demo", "--database", f"sqlite:///{folder}/demo.db"], folder) as s:
        yield s


def _token(server: Server, who: str) -> str:
    return server.line(f"demo: {who}").split()[-1]


def _password(server: Server, user: str) -> str:
    words = server.line("demo: web sign-in").replace(",", "").split()
    return words[words.index(f"'{user}'") + 2]


def _tab_to(page: Page, label: str, control: str) -> None:
    """Press Tab until the control labelled `label` (id `control`) has the focus."""
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == control:
            break
    expect(page.get_by_label(label, exact=True)).to_be_focused()  # the control is labelled


def _sign_in_by_keyboard(page: Page, server: Server, token: str) -> None:
    page.goto(server.url + "/signin")
    _tab_to(page, "API token", "token")
    page.keyboard.type(token)
    page.keyboard.press("Enter")


def _sign_in_with_password_by_keyboard(page: Page, server: Server, user: str) -> None:
    page.goto(server.url + "/signin")
    screenshot(page, "signin", full_page=False)
    _tab_to(page, "Organisation", "organisation")
    page.keyboard.type("demo")
    page.keyboard.press("Tab")
    page.keyboard.type(user)
    page.keyboard.press("Tab")
    expect(page.get_by_label("Password", exact=True)).to_be_focused()
    page.keyboard.type(_password(server, user))
    page.keyboard.press("Enter")


def test_a_visitor_reads_the_status_page_at_both_widths(browser: Browser, server: Server) -> None:
    for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        context = browser.new_context(viewport=viewport)  # type: ignore[arg-type]
        page = context.new_page()
        page.goto(server.url + "/")
        page.get_by_role("link", name="Demo provider").click()
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        expect(page.locator("ol.bars")).to_have_count(7)
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        screenshot(page, f"served-status-{name}", full_page=name == "desktop")
        context.close()


def test_a_customer_signs_in_sees_its_own_and_downloads_a_statement(
    browser: Browser, server: Server, tmp_path: Path
) -> None:
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)  # type: ignore[arg-type]
    page = context.new_page()
    _sign_in_with_password_by_keyboard(page, server, "bayside-viewer")
    expect(page).to_have_url(server.url + "/portal/bayside-market")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bayside Market")
    screenshot(page, "portal", full_page=False)
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").first.click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name.startswith("bayside-market-") and saved.suffix == ".csv"
    assert saved.read_text().startswith("period,status,contract")
    answer = page.goto(server.url + "/portal/northwind")  # another customer's id in the URL
    assert answer is not None and answer.status == 404
    context.close()


def test_the_provider_sees_the_console(browser: Browser, server: Server) -> None:
    context = browser.new_context(viewport=DESKTOP)  # type: ignore[arg-type]
    page = context.new_page()
    _sign_in_by_keyboard(page, server, _token(server, "provider admin token"))
    expect(page).to_have_url(server.url + "/console")
    expect(page.get_by_role("link", name="Bayside Market")).to_be_visible()
    screenshot(page, "console", full_page=False)
    screenshot(page, "console-full")
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(server.url + "/")
    context.close()


def test_the_provider_plans_a_window_sees_it_refused_then_one_on_the_status_page(
    browser: Browser, server: Server
) -> None:
    context = browser.new_context(viewport=DESKTOP)  # type: ignore[arg-type]
    page = context.new_page()
    _sign_in_by_keyboard(page, server, _token(server, "provider admin token"))
    day = datetime.now(ZoneInfo("America/Los_Angeles")).date() + timedelta(days=10)
    page.get_by_label("Customer", exact=True).select_option(label="Bayside Market")
    page.get_by_label("Start", exact=True).fill(f"{day:%Y-%m-%d}T22:00")
    page.get_by_label("Hours", exact=True).fill("10")  # Lavi's cap is 6 hours a month
    page.get_by_role("button", name="Check and save").click()
    expect(page.get_by_role("alert")).to_contain_text("Refused:")
    screenshot(page, "console-maintenance-refused", full_page=False)
    page.get_by_label("Customer", exact=True).select_option(label="Bayside Market")
    page.get_by_label("Start", exact=True).fill(f"{day:%Y-%m-%d}T22:00")
    page.get_by_label("Hours", exact=True).fill("2")
    page.get_by_role("button", name="Check and save").click()
    expect(page.get_by_role("status")).to_contain_text("Saved")
    page.get_by_role("link", name="status page").click()
    shown = f"{day:%a} {day.day} {day:%b %Y}, 22:00"
    expect(page.locator("section", has_text="Scheduled maintenance")).to_contain_text(shown)
    screenshot(page, "status-with-planned-maintenance")
    context.close()
