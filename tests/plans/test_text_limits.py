"""A pasted 10,000-character title (issue 17, point 10): the form shows a counter « n / 300 »
(static/js/app.js, tested in tests/browser/test_counter_browser.py) instead of letting maxlength
cut it without a word, and the server refuses beyond the limit with its message, the text kept."""

import html
import re

import pytest

from digiweb.extensions import db
from digiweb.plans.models import Project
from tests.plans.helpers import project_form


@pytest.mark.parametrize(
    "lang, message", [("fr", "300 caractères au maximum."), ("ar", "300 حرفا على الأكثر.")]
)
def test_a_title_beyond_the_limit_is_refused_with_its_message(world, client_for, lang, message):
    long_title = "Plateforme " * 1000  # 11,000 characters
    before = db.session.scalar(db.select(db.func.count(Project.id)))
    response = client_for("officer-mf", lang=lang).post(
        f"/plans/{world.plan_mf.id}/projects", data=project_form("new", title_fr=long_title)
    )
    assert response.status_code == 422
    body = html.unescape(response.get_data(as_text=True))
    assert message in body
    field = re.search(r'<input[^>]*name="new-title_fr"[^>]*>', body).group(0)
    assert 'maxlength="300"' in field  # what app.js turns into a counter
    assert long_title.strip() in body  # the text is kept, not cut
    assert db.session.scalar(db.select(db.func.count(Project.id))) == before


def test_the_script_counts_limited_fields():
    from pathlib import Path

    script = (Path(__file__).resolve().parents[2] / "digiweb/static/js/app.js").read_text()
    assert "char-count" in script and "data-limit" in script
