"""ASVS 5.0 level 2 requirements that no other test proves (docs/security.md maps each
requirement to its tests)."""

import re
from pathlib import Path

from digiweb.auth.models import Role, User
from digiweb.extensions import db
from tests.conftest import login
from tests.factories import PASSWORD, make_user

TEMPLATES = Path(__file__).resolve().parents[2] / "digiweb"


def test_passwords_are_stored_with_a_slow_salted_hash(app):
    """V11.4.2: scrypt (Werkzeug's default), salted: two accounts with the same password get
    different hashes, and neither holds the password."""
    first = make_user("hash-a", role=Role.VIEWER)
    second = make_user("hash-b", role=Role.VIEWER)
    first.set_password(PASSWORD)
    second.set_password(PASSWORD)
    db.session.commit()
    assert first.password_hash.startswith("scrypt:")
    assert first.password_hash != second.password_hash
    assert PASSWORD not in first.password_hash


def test_a_failed_login_does_not_tell_whether_the_account_exists(app, client):
    """V6.3.8: the same answer for an unknown user and for a wrong password."""
    make_user("nadia", role=Role.VIEWER)
    db.session.commit()
    unknown = client.post("/login?lang=fr", data={"username": "nobody", "password": "x" * 12})
    wrong = client.post("/login?lang=fr", data={"username": "nadia", "password": "x" * 12})
    assert unknown.status_code == wrong.status_code == 401

    def message(response):
        return re.search(
            r'<div class="error-summary".*?</div>', response.get_data(as_text=True), re.S
        ).group(0)

    assert message(unknown) == message(wrong)


def test_long_passwords_of_any_characters_are_accepted_whole(app, client):
    """V6.2.5, V6.2.9: 64+ characters of any kind (Arabic, spaces, symbols), not truncated."""
    password = "كلمة سر طويلة جدا 🙂 with spaces & symbols !" * 2
    assert len(password) >= 64
    make_user("long", role=Role.VIEWER).set_password(password)
    db.session.commit()
    assert client.post("/login", data={"username": "long", "password": password}).status_code == 302
    client.post("/logout")
    shorter = password[:-1]
    assert client.post("/login", data={"username": "long", "password": shorter}).status_code == 401


def test_authenticated_pages_are_not_stored_by_caches(app, client):
    """V14.3.2: pages with personal or official data carry Cache-Control: no-store."""
    make_user("cache", role=Role.REVIEWER)
    db.session.commit()
    login(client, "cache", PASSWORD)
    for path in ("/", "/projects", "/api/v1/plans?year=2021"):
        assert "no-store" in client.get(path).headers.get("Cache-Control", ""), path


def test_templates_hold_no_inline_script_style_or_event_handler():
    """V3.4.3 (strict CSP without 'unsafe-inline'): no <script> without src, no on*= handler
    and no style= attribute in any page template (PDF templates are rendered by WeasyPrint, not
    by browsers, and are left out)."""
    offenders = []
    for path in TEMPLATES.rglob("templates/**/*.html"):
        if "/pdf/" in str(path) or path.name.startswith("pdf"):
            continue
        text = path.read_text()
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text):
            offenders.append(f"{path}: inline script")
        if re.search(r"\son[a-z]+\s*=", text):
            offenders.append(f"{path}: event handler attribute")
        if re.search(r"\sstyle\s*=", text):
            offenders.append(f"{path}: style attribute")
    assert offenders == []


def test_a_server_error_shows_no_internals(app, client):
    """V16.5.1: an unhandled exception gives the translated 500 page (a fragment for htmx,
    JSON under /api/), never a stack trace, a file path or the exception's text."""
    from pathlib import Path

    import digiweb
    from digiweb.security import public

    checkout = str(Path(digiweb.__file__).resolve().parent.parent)  # where this clone lives

    @public
    def explode():
        raise RuntimeError(f"secret-internal-detail {checkout}/digiweb/x.py")

    app.add_url_rule("/explode-for-test", "explode_for_test", explode)
    app.add_url_rule("/api/v1/explode-for-test", "api_explode_for_test", explode)
    for headers in ({}, {"HX-Request": "true"}):
        response = client.get("/explode-for-test?lang=fr", headers=headers)
        body = response.get_data(as_text=True)
        assert response.status_code == 500
        assert "secret-internal-detail" not in body and "Traceback" not in body
        assert checkout not in body
    api = client.get("/api/v1/explode-for-test")
    assert api.status_code == 500 and api.get_json()["status"] == 500
    assert "secret-internal-detail" not in api.get_data(as_text=True)


def test_api_answers_are_json_with_nosniff(demo_app, as_user):
    """V4.1.1: every API answer says what it is (application/json) and cannot be sniffed as
    HTML, errors included."""
    client = as_user("reviewer")
    for path in ("/api/v1/stats?year=2021", "/api/v1/stats?year=abc", "/api/v1/nothing"):
        response = client.get(path)
        assert response.mimetype == "application/json", path
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_a_deactivated_account_cannot_log_in(app, client):
    """V6.3.x / V8.3: an account switched off by the administrator has no way in."""
    user = make_user("gone", role=Role.VIEWER)
    user.active = False
    db.session.commit()
    response = client.post("/login", data={"username": "gone", "password": PASSWORD})
    assert response.status_code == 401
    assert db.session.scalar(db.select(User.active).where(User.username == "gone")) is False


def test_isolation_headers_on_pages_and_api(app, client):
    """V3.5.8, V3.4.x: Cross-Origin-Opener-Policy, Permissions-Policy and X-Frame-Options on
    pages, on JSON answers and on error pages alike."""
    for path in ("/login", "/api/v1/stats", "/no-such-page"):
        headers = client.get(path).headers
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin", path
        assert "camera=()" in headers["Permissions-Policy"], path
        assert headers["X-Frame-Options"] == "DENY", path
