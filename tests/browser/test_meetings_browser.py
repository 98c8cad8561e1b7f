"""The reviewer opens the demo meeting MNS-2021-001 in Debian's Chromium, adds an agenda item
through htmx without the page being reloaded, then moves it up, in Arabic and in French."""

import pytest

from tests.conftest import browser_login

pytestmark = pytest.mark.browser

REFERENCE = "MNS-2021-001"


def _agenda_texts(page) -> list[str]:
    return page.locator("#agenda .agenda-item .text-main").all_inner_texts()


@pytest.mark.parametrize(
    ("lang", "direction", "title_ar", "title_fr"),
    [
        ("ar", "rtl", "عرض حصيلة التكوين", "Bilan de la formation"),
        ("fr", "ltr", "متابعة التوصيات", "Suivi des recommandations"),
    ],
)
def test_reviewer_adds_an_agenda_item_and_moves_it_up(
    live_server, page, lang, direction, title_ar, title_fr
):
    browser_login(page, live_server, "reviewer", lang)
    page.goto(f"{live_server}/meetings/{REFERENCE}")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => document.documentElement.dir") == direction
    assert REFERENCE in page.locator("#meeting-page .meeting-ref").inner_text()
    before = _agenda_texts(page)
    assert len(before) >= 3
    shown = title_ar if lang == "ar" else title_fr

    page.evaluate("() => { window.__marker = 1; }")  # a page load would wipe it out
    form = page.locator("#agenda-add")
    form.locator("input[name=title_ar]").fill(title_ar)
    form.locator("input[name=title_fr]").fill(title_fr)
    form.locator("button[type=submit]").click()
    page.wait_for_function(
        "text => Array.from(document.querySelectorAll('#agenda .agenda-item .text-main'))"
        ".some(e => e.innerText.trim() === text)",
        arg=shown,
    )
    after = _agenda_texts(page)
    assert after == [*before, shown]
    assert page.evaluate("() => window.__marker") == 1, "the page was reloaded"
    assert page.locator("#flash-area .flash-success").count() == 1
    # The add form is empty again, ready for the next item.
    assert page.locator("#agenda-add input[name=title_fr]").input_value() == ""

    new_item = page.locator("#agenda .agenda-item", has_text=shown)
    new_item.locator("button", has_text="↑").click()
    page.wait_for_function(
        "([text, index]) => { const items = Array.from("
        "document.querySelectorAll('#agenda .agenda-item .text-main'), e => e.innerText.trim());"
        " return items.indexOf(text) === index; }",
        arg=[shown, len(before) - 1],
    )
    moved = _agenda_texts(page)
    assert moved == [*before[:-1], shown, before[-1]]
    assert page.evaluate("() => window.__marker") == 1, "the page was reloaded"
    # The moved item's button keeps the keyboard focus where the user was.
    # htmx applies autofocus when the swap settles, a moment after the new list is in the page.
    page.wait_for_function(
        "text => (document.activeElement.closest('.agenda-item')?.innerText || '').includes(text)",
        arg=shown,
    )

    # What the browser shows is what was stored.
    page.reload()
    page.wait_for_load_state("networkidle")
    assert _agenda_texts(page) == moved
