"""The dashboard's filters apply on change (htmx); their button is a fallback for browsers without
JavaScript only (issue 17, point 10: a click sent the same request a second time)."""

import re


def test_the_show_button_is_for_browsers_without_javascript(demo_app, as_user):
    page = as_user("reviewer", "fr").get("/dashboard").get_data(as_text=True)
    form = re.search(r'<form class="filters dashboard-filters".*?</form>', page, re.S).group(0)
    assert 'hx-trigger="change' in form
    buttons = re.findall(r"<button[^>]*>", form)
    assert len(buttons) == 1
    assert re.search(r"<noscript>\s*<button type=\"submit\"", form)


def test_without_javascript_the_form_still_filters(demo_app, as_user):
    response = as_user("reviewer", "fr").get("/dashboard?year=2021&target=citizens")
    assert response.status_code == 200
