"""The foundation as a person uses it, in Debian's Chromium: log in in Arabic (right to left),
switch to French (left to right) with the header's link, then filter the departments through
htmx, without the page being reloaded."""

import re

import pytest

from tests.conftest import browser_login

pytestmark = pytest.mark.browser


def _html_lang_dir(page) -> tuple[str, str]:
    return tuple(
        page.evaluate("() => [document.documentElement.lang, document.documentElement.dir]")
    )


def _visible_codes(page) -> list[str]:
    return page.locator("#departments-table tbody tr td:first-child").all_inner_texts()


def _wait_for_codes(page, codes: list[str]) -> None:
    """Wait until the table lists exactly these department codes (the swap has happened)."""
    page.wait_for_function(
        """codes => JSON.stringify(Array.from(
             document.querySelectorAll('#departments-table tbody tr td:first-child'),
             cell => cell.innerText.trim())) === JSON.stringify(codes)""",
        arg=codes,
    )


def test_login_arabic_switch_to_french_and_filter_departments(live_server, page):
    browser_login(page, live_server, "admin", "ar")
    assert _html_lang_dir(page) == ("ar", "rtl")
    assert page.locator("h1").first.inner_text().strip() != ""
    assert "/login" not in page.url

    page.click("a.lang-switch")
    page.wait_for_load_state("networkidle")
    assert _html_lang_dir(page) == ("fr", "ltr")
    assert page.locator("a.lang-switch").inner_text().strip() == "العربية"

    page.click("nav.main-nav a[href='/admin/departments']")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text().strip() == "Départements"
    assert len(_visible_codes(page)) == 34
    assert page.locator(".result-count").inner_text().strip() == "34 départements"

    # a marker that a page load would wipe out
    page.evaluate("() => { window.__marker = 1; }")
    page.locator("input[name=q]").press_sequentially("finan", delay=30)
    _wait_for_codes(page, ["MF"])
    assert page.locator(".result-count").inner_text().strip() == "1 département"
    assert page.evaluate("() => window.__marker") == 1, "the page was reloaded"
    assert re.search(r"/admin/departments\?q=finan$", page.url), page.url
    assert _html_lang_dir(page) == ("fr", "ltr")

    # Arabic typed without hamza still finds the department, and no match says so
    page.fill("input[name=q]", "اشغال")
    _wait_for_codes(page, ["MTP"])
    page.fill("input[name=q]", "zzz")
    page.wait_for_selector(".empty-state")
    assert page.evaluate("() => window.__marker") == 1

    # back in history restores the earlier list as a full page
    page.go_back()
    page.wait_for_load_state("networkidle")
    assert "q=" in page.url
