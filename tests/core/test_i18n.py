import re

import pytest
from flask_babel import gettext, ngettext

from digiweb.i18n import fmt_amount, fmt_date, normalize_search, strip_bidi

LANG_RE = re.compile(r'<html lang="(\w+)" dir="(\w+)">')


def test_login_page_is_arabic_rtl_by_default(client):
    body = client.get("/login").get_data(as_text=True)
    assert LANG_RE.search(body).groups() == ("ar", "rtl")
    assert "تسجيل الدخول" in body


def test_lang_parameter_switches_and_is_remembered(client):
    body = client.get("/login?lang=fr").get_data(as_text=True)
    assert LANG_RE.search(body).groups() == ("fr", "ltr")
    assert "Se connecter" in body
    body = client.get("/login").get_data(as_text=True)
    assert LANG_RE.search(body).groups() == ("fr", "ltr")
    body = client.get("/login?lang=ar").get_data(as_text=True)
    assert LANG_RE.search(body).groups() == ("ar", "rtl")


@pytest.mark.parametrize("value", ["zz", "ar-DZ", "../../etc", "", "fr_FR"])
def test_unknown_language_is_ignored_not_an_error(client, value):
    response = client.get(f"/login?lang={value}")
    assert response.status_code == 200
    assert LANG_RE.search(response.get_data(as_text=True)).groups() == ("ar", "rtl")


def test_accept_language_is_used_when_nothing_chosen(client):
    body = client.get("/login", headers={"Accept-Language": "fr-FR,fr;q=0.9"}).get_data(
        as_text=True
    )
    assert LANG_RE.search(body).groups() == ("fr", "ltr")


def test_language_choice_is_saved_on_the_user_at_login_not_by_the_link(app, client):
    from digiweb.auth.models import User
    from digiweb.extensions import db
    from tests.conftest import login
    from tests.factories import PASSWORD, make_user

    def stored():
        db.session.expire_all()
        return db.session.scalar(db.select(User).where(User.username == "karim")).language

    make_user("karim", language="ar")
    db.session.commit()
    login(client, "karim", PASSWORD)
    page = client.get("/?lang=fr", follow_redirects=True)
    assert 'lang="fr"' in page.get_data(as_text=True)
    assert stored() == "ar"  # a GET never writes
    client.post("/logout")
    login(client, "karim", PASSWORD, lang="fr")
    assert stored() == "fr"


@pytest.mark.parametrize(
    ("locale", "msgid", "expected"),
    [
        ("ar_DZ", "Log in", "تسجيل الدخول"),
        ("ar_DZ", "Economic operators", "المتعاملون الاقتصاديون"),
        ("fr_DZ", "Log in", "Se connecter"),
        ("fr_DZ", "Economic operators", "Opérateurs économiques"),
    ],
)
def test_known_translations(app, locale, msgid, expected):
    from flask_babel import force_locale

    with app.test_request_context(), force_locale(locale):
        assert gettext(msgid) == expected


def test_arabic_plural_rule_is_cldr(app):
    """The six Arabic forms: 0 zero, 1 one, 2 two, 3-10 few, 11-99 many, 100 other."""
    from babel.support import Translations

    translations = Translations.load(app.config["BABEL_TRANSLATION_DIRECTORIES"], ["ar"])
    plural = translations.plural
    assert [plural(n) for n in (0, 1, 2, 3, 11, 100)] == [0, 1, 2, 3, 4, 5]
    assert plural(103) == 3 and plural(111) == 4 and plural(1000) == 5


def test_arabic_ngettext_in_use(app):
    from flask_babel import force_locale

    with app.test_request_context(), force_locale("ar_DZ"):
        forms = {
            n: ngettext("%(num)d department", "%(num)d departments", n)
            for n in (0, 1, 2, 3, 11, 100)
        }
    # six different wordings once the number itself is set aside
    assert len({re.sub(r"\d+", "N", text) for text in forms.values()}) == 6, forms


def test_dates_are_day_month_year_with_latin_digits(app):
    from datetime import date

    from flask_babel import force_locale

    with app.test_request_context(), force_locale("ar_DZ"):
        assert fmt_date(date(2021, 3, 25)) == "25/03/2021"


def test_amounts_are_bidi_isolated_with_narrow_spaces(app):
    from flask_babel import force_locale

    with app.test_request_context(), force_locale("ar_DZ"):
        html = str(fmt_amount(1250000))
    assert html.startswith("<bdi>") and html.endswith("</bdi>")
    assert "1\u202f250\u202f000" in html and "دج" in html


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("أإآٱا", "ااااا"),
        ("مدرسة", "مدرسه"),
        ("مستشفى", "مستشفي"),
        ("مُحَمَّدٌ", "محمد"),
        ("رقمـــنة", "رقمنه"),
        ("٢٠٢١ ۲۰۲۱", "2021 2021"),
        ("Système d'Éducation", "systeme d'education"),
        ("\u200fمؤسسة\u200e", "موسسه"),
        ("شؤون ومسائل", "شوون ومسايل"),
    ],
)
def test_normalize_search(raw, normalized):
    assert normalize_search(raw) == normalized


def test_strip_bidi():
    assert strip_bidi("\u200f25\u200e/\u2066x\u2069") == "25/x"
