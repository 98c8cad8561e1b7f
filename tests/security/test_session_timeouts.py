"""Idle (30 min) and absolute (12 h) session timeouts, the endpoints of the session warning,
and what an htmx request meets after the session has ended (ASVS 7.3.1, 7.3.2)."""

import time

from digiweb.auth.models import Role
from digiweb.extensions import db
from tests.conftest import IsolatedClient, login
from tests.factories import PASSWORD, make_user


def _user(app):
    user = make_user("samira", role=Role.REVIEWER)
    db.session.commit()
    return user


def _age(client, **seconds):
    """Move the session's clocks back: _age(client, seen=600) = last request 10 minutes ago."""
    with client.session_transaction() as session:
        for key, value in seconds.items():
            session[key] -= value


def _times(client):
    with client.session_transaction() as session:
        return session["seen"], session["login_at"]


def test_extend_renews_the_idle_time_but_never_the_absolute_limit(app, client):
    _user(app)
    login(client, "samira", PASSWORD)
    _age(client, seen=25 * 60, login_at=11 * 3600)
    response = client.post("/session/extend", headers={"Accept": "application/json"})
    assert response.status_code == 200
    times = response.get_json()
    assert times["idle_remaining"] >= app.config["SESSION_IDLE_TIMEOUT"] - 2
    assert 3600 - 5 <= times["absolute_remaining"] <= 3600
    seen, login_at = _times(client)
    assert abs(seen - time.time()) < 5  # the idle clock starts again
    assert abs(login_at - (time.time() - 11 * 3600)) < 5  # the absolute one does not move


def test_status_tells_the_time_left_without_counting_as_activity(app, client):
    _user(app)
    login(client, "samira", PASSWORD)
    _age(client, seen=20 * 60)
    seen_before, _ = _times(client)
    times = client.get("/session/status").get_json()
    assert 10 * 60 - 5 <= times["idle_remaining"] <= 10 * 60
    assert _times(client)[0] == seen_before
    # so the session still ends at its time, however often the page asks
    _age(client, seen=11 * 60)
    response = client.get("/session/status")
    assert response.status_code == 401 and response.get_json()["status"] == 401


def test_extend_needs_the_csrf_token(app, raw_client):
    _user(app)
    app.test_client_class = IsolatedClient
    login_page = raw_client.get("/login").get_data(as_text=True)
    token = login_page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    raw_client.post(
        "/login", data={"username": "samira", "password": PASSWORD, "csrf_token": token}
    )
    _age(raw_client, seen=25 * 60)
    seen_before, _ = _times(raw_client)
    response = raw_client.post("/session/extend", headers={"Accept": "application/json"})
    assert response.status_code == 400
    assert _times(raw_client)[0] == seen_before


def test_extend_needs_a_login(app, client):
    response = client.post("/session/extend", headers={"Accept": "application/json"})
    assert response.status_code == 401
    assert response.mimetype == "application/json"


def test_extend_after_the_end_does_not_revive_the_session(app, client):
    _user(app)
    login(client, "samira", PASSWORD)
    _age(client, seen=31 * 60)
    response = client.post("/session/extend", headers={"Accept": "application/json"})
    assert response.status_code == 401
    assert client.get("/").status_code == 302


def test_extend_as_a_plain_form_goes_back_to_the_page(app, client):
    _user(app)
    login(client, "samira", PASSWORD)
    response = client.post("/session/extend", data={"next": "/projects?q=x"})
    assert response.status_code == 302 and response.headers["Location"] == "/projects?q=x"
    response = client.post("/session/extend", data={"next": "https://evil.example/"})
    assert response.headers["Location"] == "/"


def test_htmx_request_after_the_end_leads_to_the_login_page(app, client):
    """Not a login form swapped into a fragment: htmx follows HX-Redirect with a full page."""
    _user(app)
    login(client, "samira", PASSWORD)
    _age(client, seen=31 * 60)
    response = client.get("/projects?q=x", headers={"HX-Request": "true"})
    assert response.status_code == 401
    assert response.headers["HX-Redirect"].startswith("/login")
    assert response.get_data() == b""
    # the login page then says why
    page = client.get("/login?lang=fr").get_data(as_text=True)
    assert "Votre session a expiré" in page


def test_htmx_post_after_the_absolute_limit_leads_to_the_login_page(app, client):
    _user(app)
    login(client, "samira", PASSWORD)
    _age(client, login_at=12 * 3600 + 1)
    response = client.post("/session/extend", headers={"HX-Request": "true"})
    assert response.status_code == 401
    response = client.post("/logout", headers={"HX-Request": "true"})
    assert response.status_code == 401 and response.headers["HX-Redirect"] == "/login"


def test_pages_carry_the_warning_with_the_configured_timeouts(app, client):
    _user(app)
    login(client, "samira", PASSWORD, lang="fr")
    page = client.get("/").get_data(as_text=True)
    assert 'role="alertdialog"' in page
    assert f'data-idle-timeout="{30 * 60}"' in page
    assert 'data-warn-before="300"' in page
    assert "Rester connecté" in page and "/static/js/session.js" in page
    arabic = client.get("/?lang=ar").get_data(as_text=True)
    assert "البقاء متصلا" in arabic
    # not on the login page of an anonymous visitor
    client.post("/logout")
    assert "session-dialog" not in client.get("/login").get_data(as_text=True)
