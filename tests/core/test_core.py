import pytest

from tests.conftest import login
from tests.factories import PASSWORD, make_user


def test_healthz_is_public_json(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_healthz_reports_database_failure(app, client, monkeypatch):
    from digiweb.extensions import db

    def broken(*args, **kwargs):
        raise RuntimeError("database down")

    monkeypatch.setattr(db.session, "execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["status"] != "ok"


@pytest.mark.parametrize("path", ["/", "/healthz", "/login", "/does-not-exist"])
def test_security_headers_on_every_response(client, path):
    response = client.get(path)
    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "HX-Request" in response.headers.get("Vary", "")


def test_session_cookie_flags(app, client):
    make_user("amina")
    from digiweb.extensions import db

    db.session.commit()
    response = client.post("/login", data={"username": "amina", "password": PASSWORD})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_production_cookies_are_secure(monkeypatch):
    import importlib

    import config

    monkeypatch.setenv("DIGIWEB_ENV", "production")
    monkeypatch.delenv("SESSION_COOKIE_SECURE", raising=False)
    reloaded = importlib.reload(config)
    try:
        assert reloaded.config_from_environment().SESSION_COOKIE_SECURE is True
    finally:
        monkeypatch.delenv("DIGIWEB_ENV")
        importlib.reload(config)


def test_request_size_limit(client):
    response = client.post("/login", data={"username": "x" * (6 * 1024 * 1024)})
    assert response.status_code == 413
    assert "<html" in response.get_data(as_text=True)


def test_anonymous_home_redirects_to_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_anonymous_htmx_request_gets_hx_redirect(client):
    response = client.get("/", headers={"HX-Request": "true"})
    assert response.status_code == 401
    assert response.headers["HX-Redirect"].startswith("/login")


def test_error_pages_full_and_fragment(app, client):
    user = make_user("reader", role=__import__("digiweb.auth.models").auth.models.Role.VIEWER)
    from digiweb.extensions import db

    db.session.commit()
    login(client, user.username, PASSWORD)
    page = client.get("/no/such/page?lang=fr")
    assert page.status_code == 404
    assert "<html" in page.get_data(as_text=True)
    assert "Page introuvable" in page.get_data(as_text=True)
    fragment = client.get("/no/such/page", headers={"HX-Request": "true"})
    assert fragment.status_code == 404
    body = fragment.get_data(as_text=True)
    assert "<html" not in body and "Page introuvable" in body
