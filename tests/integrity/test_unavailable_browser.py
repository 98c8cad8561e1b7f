"""In Chromium: the database fails while an officer saves a project in place (htmx): the 503
box replaces the form with every value typed (htmx is configured to swap 503), and "Send again"
saves them once the database is back."""

import pytest
from flask import has_request_context
from playwright.sync_api import expect
from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from tests.conftest import browser_login

pytestmark = pytest.mark.browser

TITLE = "بوابة رقمية للتصريحات — نسخة محفوظة رغم العطل"


@pytest.fixture
def failing_commits():
    class Switch:
        on = False

    switch = Switch()

    def fail(session):
        if switch.on and has_request_context() and not session.in_nested_transaction():
            raise OperationalError("COMMIT", None, Exception("injected: server closed"))

    event.listen(Session, "before_commit", fail)
    yield switch
    event.remove(Session, "before_commit", fail)


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_htmx_save_during_a_database_failure_keeps_the_input(
    live_server, page, failing_commits, lang, tmp_path
):
    browser_login(page, live_server, "officer-mpph", lang)
    page.goto(f"{live_server}/my-plan")
    page.wait_for_load_state("networkidle")  # htmx has processed the page
    edit = page.locator("a[hx-get$='/edit'][hx-target^='#project-']").first
    project_id = edit.get_attribute("hx-target").lstrip("#")
    edit.click()
    form = page.locator(f"form#{project_id}")
    expect(form).to_be_visible(timeout=15_000)
    form.locator("input[name$='-title_ar']").fill(TITLE)

    failing_commits.on = True
    form.locator("button[type=submit]").click()
    box = page.locator("#error-503")
    expect(box).to_be_visible(timeout=15_000)
    failing_commits.on = False
    expect(page.locator("#resend-form textarea").first).to_be_visible()
    values = page.locator("#resend-form textarea").evaluate_all("els => els.map(e => e.value)")
    assert TITLE in values
    assert page.evaluate("document.activeElement.id") == "error-503"
    page.screenshot(path=str(tmp_path / f"unavailable-{lang}.png"), full_page=True)

    page.locator("#resend-form button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator(f"#{project_id}")).to_contain_text(TITLE)
