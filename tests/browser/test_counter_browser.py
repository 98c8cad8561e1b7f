"""In Chromium (issue 17, point 10): a limited field shows « n / limit »; a paste longer than the
limit is kept whole and marked, instead of being cut by maxlength without a word; the server
then refuses it with its message."""

import pytest
from playwright.sync_api import expect

from tests.conftest import browser_login

pytestmark = pytest.mark.browser


def test_a_long_paste_is_counted_not_cut(page, live_server):
    browser_login(page, live_server, "officer-mme", "fr")
    page.goto(f"{live_server}/my-plan")
    page.wait_for_load_state("networkidle")
    plan_url = page.url.split("#")[0]
    page.goto(f"{plan_url}/projects/new")
    title = page.locator("input[name$='title_fr']")
    counter = page.locator(".char-count").first
    expect(counter).to_have_text("0 / 300")
    title.fill("x" * 400)
    expect(title).to_have_value("x" * 400)
    expect(page.locator("#" + title.get_attribute("id") + "-count")).to_have_text("400 / 300")
    expect(page.locator("#" + title.get_attribute("id") + "-count")).to_have_class(
        "char-count over"
    )
