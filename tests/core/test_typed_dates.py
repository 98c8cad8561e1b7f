"""Dates typed dd/mm/yyyy in both languages (issue 17, point 8): a text box with a placeholder
in the page's language, read by digiweb.i18n.parse_date (ISO and Arabic-Indic digits too), the
error translated and the input kept; no <input type="date"> (which shows mm/dd/yyyy) left."""

import re
from datetime import date
from pathlib import Path

import pytest
from flask_babel import force_locale
from werkzeug.datastructures import MultiDict

from digiweb.forms import DATE_PATTERN, BaseForm, TypedDateField
from tests.factories import client_as, make_world


class DateForm(BaseForm):
    class Meta:
        csrf = False

    when = TypedDateField("when")


@pytest.mark.parametrize("typed", ["25/03/2021", "2021-03-25", "٢٥/٠٣/٢٠٢١", " 25.03.2021 "])
def test_a_typed_date_is_read_day_first(app, typed):
    with app.test_request_context("/"):
        form = DateForm(formdata=MultiDict({"when": typed}))
        assert form.validate()
        assert form.when.data == date(2021, 3, 25)
        assert re.fullmatch(DATE_PATTERN, typed)


@pytest.mark.parametrize(
    "lang, message, placeholder",
    [("fr", "Saisissez une date valide", "jj/mm/aaaa"), ("ar", "أدخل", "يي/شش/سسسس")],
)
def test_a_wrong_date_is_refused_in_the_language_with_the_input_kept(
    app, lang, message, placeholder
):
    with app.test_request_context("/"), force_locale(lang):
        form = DateForm(formdata=MultiDict({"when": "03/25/2021"}))
        assert not form.validate()
        assert message in form.when.errors[0]
        html = str(form.when())
        assert 'type="text"' in html and 'value="03/25/2021"' in html
        assert f'placeholder="{placeholder}"' in html and 'inputmode="numeric"' in html
        assert "pattern=" in html


def test_a_stored_date_is_shown_day_first(app):
    with app.test_request_context("/"):
        form = DateForm(data={"when": date(2021, 3, 25)})
        assert 'value="25/03/2021"' in str(form.when())


def test_no_browser_date_input_is_left():
    root = Path(__file__).resolve().parents[2] / "digiweb"
    found = [
        str(path.relative_to(root))
        for path in root.rglob("*.html")
        if 'type="date"' in path.read_text()
    ]
    assert found == []


def test_the_project_form_offers_a_typed_date(app):
    with app.test_request_context("/"):
        world = make_world(2030)
        from digiweb.extensions import db

        db.session.commit()
        plan_id = world.plan_mf.id
    page = client_as(app, "officer-mf", "fr").get(f"/plans/{plan_id}/projects/new")
    body = page.get_data(as_text=True)
    assert 'type="date"' not in body
    assert body.count('placeholder="jj/mm/aaaa"') == 2
