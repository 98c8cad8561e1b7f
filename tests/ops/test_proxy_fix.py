"""Behind a reverse proxy (TRUSTED_PROXY_COUNT): the client's address, the scheme and the host
come from the X-Forwarded-* headers of the trusted proxies only; without the setting those
headers are ignored (a client could forge them)."""

import pytest
from flask import jsonify, request

from digiweb.audit.models import AuditLog
from digiweb.extensions import db
from digiweb.security import public
from tests.conftest import CSRFClient, _make_app

FORWARDED = {
    # The client forged a first address; nginx appended the address it saw.
    "X-Forwarded-For": "198.51.100.9, 203.0.113.7",
    "X-Forwarded-Proto": "https",
    "X-Forwarded-Host": "digiweb.intranet.example",
}


def _app(pytest_request, proxies: int | None):
    config = {} if proxies is None else {"TRUSTED_PROXY_COUNT": proxies}
    app = _make_app(pytest_request, "empty", config)

    @public
    def where():
        return jsonify(
            remote_addr=request.remote_addr,
            url_root=request.url_root,
            secure=request.is_secure,
        )

    app.add_url_rule("/_test/where", "test_where", where)
    app.test_client_class = CSRFClient
    return app


@pytest.fixture
def proxied_app(request):
    app = _app(request, 1)
    with app.app_context():
        yield app
        db.session.remove()


@pytest.fixture
def direct_app(request):
    app = _app(request, None)
    with app.app_context():
        yield app
        db.session.remove()


def _failed_login_address(app) -> str:
    client = app.test_client()
    # Over HTTPS Flask-WTF also checks that the Referer is the same host, as a browser sends it.
    headers = {**FORWARDED, "Referer": "https://digiweb.intranet.example/login"}
    response = client.post(
        "/login", data={"username": "nobody", "password": "wrong"}, headers=headers
    )
    assert response.status_code == 401
    db.session.remove()
    entry = db.session.scalars(
        db.select(AuditLog).where(AuditLog.action == "login_failed").order_by(AuditLog.id.desc())
    ).first()
    return entry.ip


def test_behind_one_trusted_proxy_the_forwarded_values_are_used(proxied_app):
    body = proxied_app.test_client().get("/_test/where", headers=FORWARDED).get_json()
    assert body == {
        "remote_addr": "203.0.113.7",  # the address nginx saw, not the forged one
        "url_root": "https://digiweb.intranet.example/",
        "secure": True,
    }


def test_the_audit_log_records_the_clients_address_behind_the_proxy(proxied_app):
    assert _failed_login_address(proxied_app) == "203.0.113.7"


def test_behind_the_proxy_a_post_from_another_site_is_refused(proxied_app):
    # HTTPS as seen through the proxy turns on Flask-WTF's strict Referer check.
    headers = {**FORWARDED, "Referer": "https://evil.example/login"}
    response = proxied_app.test_client().post(
        "/login", data={"username": "nobody", "password": "wrong"}, headers=headers
    )
    assert response.status_code == 400
    assert db.session.scalar(db.select(db.func.count(AuditLog.id))) == 0


def test_without_the_setting_forwarded_headers_are_ignored(direct_app):
    body = direct_app.test_client().get("/_test/where", headers=FORWARDED).get_json()
    assert body == {"remote_addr": "127.0.0.1", "url_root": "http://localhost/", "secure": False}
    assert _failed_login_address(direct_app) == "127.0.0.1"
