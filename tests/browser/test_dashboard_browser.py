"""The viewer reads the seed's sentence on the dashboard, in Arabic and in French, clicks "31"
and lands on the citizen-oriented projects; the filters work through htmx."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from digiweb.i18n import strip_bidi
from tests.conftest import browser_login
from tests.dashboard.test_dashboard_summary import SEED_AR, SEED_FR

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("lang", "sentence"), [("ar", SEED_AR), ("fr", SEED_FR)])
def test_viewer_reads_the_summary_and_follows_31(page, live_server, lang, sentence):
    browser_login(page, live_server, "viewer", lang)
    page.goto(f"{live_server}/dashboard?year=2021")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    summary = page.locator(f"#summary-{lang}")
    assert strip_bidi(summary.inner_text()).strip() == sentence
    # The copy button appears once the script has run (hidden without JavaScript).
    expect(page.locator(f'button[data-copy-target="summary-{lang}"]')).to_be_visible()

    citizens = page.locator("#kpi-citizens")
    expect(citizens).to_have_text("31")
    citizens.click()
    page.wait_for_load_state("networkidle")
    url = urlsplit(page.url)
    assert url.path == "/projects"
    assert parse_qs(url.query) == {"year": ["2021"], "target": ["citizens"]}


def test_filters_update_the_figures_and_the_address(page, live_server):
    browser_login(page, live_server, "viewer", "fr")
    page.goto(f"{live_server}/dashboard?year=2021")
    page.select_option("#target", "economic_operators")
    expect(page.locator("#kpi-projects")).to_have_text("22")
    expect(page).to_have_url(re.compile(r"/dashboard\?.*target=economic_operators"))
    # the summary keeps telling the whole campaign
    assert strip_bidi(page.locator("#summary-fr").inner_text()).strip() == SEED_FR
    page.select_option("#department", "MF")
    expect(page).to_have_url(re.compile(r"department=MF"))
    expect(page.locator("#department-mf")).to_be_visible()
    expect(page.locator("#department-mj")).to_have_count(0)
    # Back in history restores the previous state as a full page.
    page.go_back()
    expect(page.locator("#department-mj")).to_be_visible()
