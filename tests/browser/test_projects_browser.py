"""The consolidated project list in Debian's Chromium: a reviewer types an Arabic query spelt
differently from the data (ة typed as ه, no hamza); the results update without a page load, the
URL holds the query, and Back brings the previous list back."""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.conftest import browser_login

pytestmark = pytest.mark.browser

# The data says « شهادة الجنسية الجزائرية » (the nationality certificate projects).
VARIANT_QUERY = "شهاده الجنسيه"
CANONICAL_QUERY = "شهادة الجنسية"


def _total(page) -> int:
    return int(page.locator("#project-count").get_attribute("data-total"))


def _wait_for_total(page, total: int) -> None:
    page.wait_for_function(
        "n => document.querySelector('#project-count')?.dataset.total === String(n)", arg=total
    )


def _listed_references(page) -> list[str]:
    return [
        text.strip()
        for text in page.locator("#project-results tbody tr td:first-child").all_inner_texts()
    ]


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_reviewer_searches_with_a_variant_spelling(live_server, page, lang):
    browser_login(page, live_server, "reviewer", lang)
    expected = page.request.get(
        f"{live_server}/api/v1/projects", params={"year": "2021", "q": CANONICAL_QUERY}
    ).json()
    assert 0 < expected["total"] < 222
    expected_references = [item["reference"] for item in expected["items"]]

    page.goto(f"{live_server}/projects?year=2021")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => document.documentElement.dir") == ("rtl" if lang == "ar" else "ltr")
    assert _total(page) == 222
    first_list = _listed_references(page)
    assert len(first_list) == 50

    page.evaluate("() => { window.__marker = 1; }")  # a page load would wipe it out
    page.locator("#filter-q").press_sequentially(VARIANT_QUERY, delay=20)
    _wait_for_total(page, expected["total"])
    assert page.evaluate("() => window.__marker") == 1, "the page was reloaded"
    assert _listed_references(page) == expected_references
    assert parse_qs(urlsplit(page.url).query)["q"] == [VARIANT_QUERY]
    assert parse_qs(urlsplit(page.url).query)["year"] == ["2021"]

    page.go_back()
    _wait_for_total(page, 222)
    assert _listed_references(page) == first_list
    assert "q=" not in page.url
    assert page.locator("#filter-q").input_value() == ""

    page.go_forward()
    _wait_for_total(page, expected["total"])
    assert page.locator("#filter-q").input_value() == VARIANT_QUERY


def test_filters_and_pages_without_javascript(live_server, browser):
    """The same page with JavaScript off: the form's button and the page links still work."""
    context = browser.new_context(locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    try:
        browser_login(page, live_server, "viewer", "fr")
        page.goto(f"{live_server}/projects")
        page.select_option("#filter-target", "economic_operators")
        page.fill("#filter-q", "")
        page.click("#project-filters button[type=submit]")
        page.wait_for_load_state("load")
        assert "target=economic_operators" in page.url
        assert _total(page) == 22

        page.goto(f"{live_server}/projects?year=2021&sort=-budget")
        first = _listed_references(page)
        page.click("nav.pagination a[rel=next]")
        page.wait_for_load_state("load")
        query = parse_qs(urlsplit(page.url).query)
        assert query["page"] == ["2"] and query["sort"] == ["-budget"]
        second = _listed_references(page)
        assert len(first) == len(second) == 50 and not set(first) & set(second)
    finally:
        context.close()


def test_language_switch_keeps_the_filters_chosen_through_htmx(live_server, page):
    browser_login(page, live_server, "reviewer", "ar")
    page.goto(f"{live_server}/projects?year=2021")
    page.select_option("#filter-target", "citizens")
    _wait_for_total(page, 31)
    page.click("a.lang-switch")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => document.documentElement.lang") == "fr"
    query = parse_qs(urlsplit(page.url).query)
    assert query["target"] == ["citizens"] and query["year"] == ["2021"]
    assert _total(page) == 31
