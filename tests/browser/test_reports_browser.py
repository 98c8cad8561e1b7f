"""The reviewer downloads the minutes of MNS-2021-001 in each language from Chromium, through
the download buttons of reports/_download.html (busy while the server prints)."""

import pytest
from flask import render_template_string

from digiweb import create_app
from tests.conftest import browser_login

BUTTONS = (
    '{% from "reports/_download.html" import pdf_buttons %}'
    '{{ pdf_buttons("reports.minutes", {"reference": "MNS-2021-001"}, _("Minutes")) }}'
)


def download_buttons(ui_lang: str) -> str:
    """The buttons as the server renders them in a page of the given language."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    with app.test_request_context(f"/?lang={ui_lang}"):
        return render_template_string(BUTTONS)


@pytest.mark.browser
@pytest.mark.parametrize("ui_lang", ["ar", "fr"])
def test_reviewer_downloads_the_minutes_in_both_languages(live_server, page, ui_lang):
    browser_login(page, live_server, "reviewer", ui_lang)
    assert page.evaluate("document.documentElement.lang") == ui_lang
    page.evaluate(
        "html => document.querySelector('main').insertAdjacentHTML('afterbegin', html)",
        download_buttons(ui_lang),
    )
    for lang in ("ar", "fr"):
        link = page.locator(f"#pdf-reports-minutes-{lang}")
        assert link.get_attribute("hreflang") == lang
        with page.expect_download() as info:
            link.click()
        assert link.get_attribute("aria-busy") == "true"
        download = info.value
        # the demo minutes are not approved yet: the draft, named so
        assert download.suggested_filename == f"minutes-MNS-2021-001-{lang}-draft.pdf"
        with open(download.path(), "rb") as handle:
            assert handle.read(5) == b"%PDF-"
    # Printing in the other language did not switch the pages' language.
    page.reload()
    assert page.evaluate("document.documentElement.lang") == ui_lang
