"""A refused send (issue 17, point 10): the 422 page lists what is missing once, each project
a link to its form, the fields joined with the page language's comma and the French colon
spaced."""

import html
import re

import pytest

from digiweb.extensions import db
from tests.factories import client_as

CONFIRM = {"confirm": "yes"}


def text(response) -> str:
    return html.unescape(re.sub(r"\s+", " ", response.get_data(as_text=True)))


@pytest.mark.parametrize("lang, comma, colon", [("fr", ", ", " : "), ("ar", "، ", ": ")])
def test_the_missing_list_shows_once_with_links(app, world, lang, comma, colon):
    plan = world.plan
    project = plan.projects[0]
    project.end_date, project.budget_dzd = None, None
    db.session.commit()
    client = client_as(app, "officer-da", lang)
    response = client.post(f"/plans/{plan.id}/submit", data={"version": plan.version, **CONFIRM})
    assert response.status_code == 422
    body = text(response)
    item = re.search(rf'<li id="missing-project-{project.id}">(.*?)</li>', body).group(1)
    assert f'href="/projects/{project.id}/edit"' in item
    assert f"</a>{colon}" in item and comma in item
    error = body[body.index('id="review-error"') : body.index('id="missing-before-sending"')]
    assert project.reference not in error  # not listed twice
    assert 'href="#missing-before-sending"' in error
