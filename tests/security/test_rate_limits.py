"""Rate limits through Flask-Limiter (ASVS 6.3.1 against password guessing from one address,
2.4.1 against anti-automation on costly operations): the login POST per IP address, PDF
renderings per user, a translated 429; the storage is shared between app servers when
RATELIMIT_STORAGE_URI points to Redis. The per-account lock after 5 failures is tested in
tests/auth/test_auth.py (test_login_throttled_after_five_failures)."""

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import textwrap
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import ON_POSTGRES, CSRFClient, _make_app, login

ROOT = Path(__file__).resolve().parents[2]


def _app_with_limits(request, config: dict):
    """The demo app, created last: Flask-Limiter is one object per process and the app created
    last configures it, so the session fixtures that build an app of their own on first use
    (the PostgreSQL demo snapshot) are set up first."""
    if ON_POSTGRES:
        for name in ("postgres_database", "postgres_demo_snapshot"):
            with contextlib.suppress(pytest.FixtureLookupError):
                request.getfixturevalue(name)
    app = _make_app(request, "demo", config)
    from digiweb.extensions import limiter

    assert limiter.enabled
    return app


@pytest.fixture
def limited_app(request):
    """The demo app with the limiter on and tiny limits (the test config turns it off). The
    limiter is one object per process: the app created last configures it."""
    app = _app_with_limits(
        request,
        {
            "RATELIMIT_ENABLED": True,
            "RATELIMIT_LOGIN": "3 per hour",
            "RATELIMIT_PDF": "2 per hour",
        },
    )
    app.test_client_class = CSRFClient
    with app.app_context():
        yield app


def _wrong_login(client, address="10.0.0.1", lang="fr", **headers):
    return client.post(
        f"/login?lang={lang}",
        data={"username": "nobody", "password": "wrong"},
        environ_base={"REMOTE_ADDR": address},
        headers=headers,
    )


def test_login_posts_are_limited_per_address(limited_app):
    client = limited_app.test_client()
    assert [_wrong_login(client).status_code for _ in range(3)] == [401, 401, 401]
    response = _wrong_login(client)
    assert response.status_code == 429
    assert "Trop de requêtes" in response.get_data(as_text=True)
    assert int(response.headers["Retry-After"]) > 0
    # the form itself can still be read, and another address is not affected
    assert client.get("/login", environ_base={"REMOTE_ADDR": "10.0.0.1"}).status_code == 200
    assert _wrong_login(limited_app.test_client(), address="10.0.0.2").status_code == 401


def test_the_429_page_is_translated_and_a_fragment_for_htmx(limited_app):
    client = limited_app.test_client()
    for _ in range(3):
        _wrong_login(client, lang="ar")
    page = _wrong_login(client, lang="ar").get_data(as_text=True)
    assert 'dir="rtl"' in page and "طلبات كثيرة في وقت قصير" in page
    fragment = _wrong_login(client, lang="fr", **{"HX-Request": "true"})
    assert fragment.status_code == 429
    text = fragment.get_data(as_text=True)
    assert "<html" not in text and "Trop de requêtes en peu de temps" in text


def test_the_limit_counts_the_right_login_too(limited_app):
    """The limit is per address, before the password is checked: a correct password from an
    address that has used up its budget waits too (it cannot be used to test guesses)."""
    client = limited_app.test_client()
    for _ in range(3):
        _wrong_login(client)
    response = client.post(
        "/login",
        data={"username": "admin", "password": "digiweb-demo"},
        environ_base={"REMOTE_ADDR": "10.0.0.1"},
    )
    assert response.status_code == 429


def test_behind_a_trusted_proxy_the_forwarded_address_counts(request):
    """With TRUSTED_PROXY_COUNT=1 (ProxyFix), each client behind the proxy has its own budget,
    and a first hop forged by the client does not open a new one."""
    app = _app_with_limits(
        request,
        {"RATELIMIT_ENABLED": True, "RATELIMIT_LOGIN": "3 per hour", "TRUSTED_PROXY_COUNT": 1},
    )
    app.test_client_class = CSRFClient
    with app.app_context():
        client = app.test_client()

        def post(forwarded):
            return _wrong_login(client, address="10.9.9.9", **{"X-Forwarded-For": forwarded})

        assert [post("192.0.2.7").status_code for _ in range(3)] == [401, 401, 401]
        assert post("192.0.2.7").status_code == 429
        assert post("192.0.2.8").status_code == 401
        assert post("203.0.113.1, 192.0.2.7").status_code == 429


def test_pdf_renderings_are_limited_per_user(limited_app):
    reviewer = limited_app.test_client()
    login(reviewer, "reviewer")
    viewer = limited_app.test_client()
    login(viewer, "viewer")
    url = "/reports/campaign/2021.pdf?lang=fr"
    assert [reviewer.get(url).status_code for _ in range(2)] == [200, 200]
    refused = reviewer.get(url)
    # ?lang= names the document's language; the page stays in the user's (Arabic)
    assert refused.status_code == 429 and "طلبات كثيرة" in refused.get_data(as_text=True)
    assert viewer.get(url).status_code == 200  # each user has their own budget


def test_every_pdf_route_has_a_limit(limited_app):
    """Every route that renders a PDF (those added later too) carries a Flask-Limiter limit."""
    from flask_limiter.util import get_qualified_name

    from digiweb.extensions import limiter

    limited = {
        name
        for name, view in limited_app.view_functions.items()
        if limiter.limit_manager.decorated_limits(get_qualified_name(view))
    }
    pdf_routes = {
        rule.endpoint for rule in limited_app.url_map.iter_rules() if rule.rule.endswith(".pdf")
    }
    assert pdf_routes >= {"reports.minutes", "reports.campaign", "reports.plan"}
    assert pdf_routes <= limited
    assert "auth.login" in limited


# --- storage shared between servers --------------------------------------------------------------

SERVER_SCRIPT = textwrap.dedent(
    """
    import json, sys
    from digiweb import create_app
    from digiweb.extensions import db

    storage, database, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    app = create_app({
        "SQLALCHEMY_DATABASE_URI": database,
        "RATELIMIT_ENABLED": True,
        "RATELIMIT_STORAGE_URI": storage,
        "RATELIMIT_LOGIN": "3 per hour",
        "WTF_CSRF_ENABLED": False,
    })
    with app.app_context():
        db.create_all()
    client = app.test_client()
    statuses = [
        client.post("/login", data={"username": "x", "password": "y"},
                    environ_base={"REMOTE_ADDR": "10.1.1.1"}).status_code
        for _ in range(count)
    ]
    print(json.dumps(statuses))
    """
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def redis_url(tmp_path):
    """A redis-server of our own on a free port, or a skip (CI installs redis-server)."""
    server = shutil.which("redis-server")
    if server is None:
        if os.environ.get("CI") == "true":
            pytest.fail("redis-server is missing: the shared rate-limit test must run in CI")
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    port = _free_port()
    process = subprocess.Popen(
        [
            server,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=10)


def _server(storage: str, tmp_path, count: int) -> list[int]:
    """One app server in its own process (its own limiter) posting `count` wrong logins."""
    database = f"sqlite:///{tmp_path / uuid.uuid4().hex}.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", SERVER_SCRIPT, storage, database, str(count)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_with_redis_two_servers_share_the_limit(redis_url, tmp_path):
    """Server A uses 2 of the 3 allowed posts, server B gets 1 more and then 429: the count
    lives in Redis. The control: with memory:// each server counts alone."""
    assert _server(redis_url, tmp_path, 2) == [401, 401]
    assert _server(redis_url, tmp_path, 2) == [401, 429]
    assert _server("memory://", tmp_path, 2) == [401, 401]
    assert _server("memory://", tmp_path, 2) == [401, 401]


def test_with_redis_down_requests_go_through(request):
    """RATELIMIT_SWALLOW_ERRORS: a storage that does not answer costs the limit, not the
    service (no 500 on the login form)."""
    app = _app_with_limits(
        request,
        {
            "RATELIMIT_ENABLED": True,
            "RATELIMIT_LOGIN": "3 per hour",
            "RATELIMIT_STORAGE_URI": f"redis://127.0.0.1:{_free_port()}/0",
        },
    )
    app.test_client_class = CSRFClient
    with app.app_context():
        client = app.test_client()
        assert [_wrong_login(client).status_code for _ in range(4)] == [401] * 4
        assert client.get("/login").status_code == 200
