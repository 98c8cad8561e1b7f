"""Scale-out: two gunicorn servers (separate processes, two workers each) on one PostgreSQL
database and one SECRET_KEY behave as one application.

- a session opened on server A is valid on server B (signed cookie, per-user token in the
  database), and so is its CSRF token;
- a write on A is seen at once on B, including on pages B has just served (and may have cached:
  digiweb/cache.py keys caches on the database-held data version);
- logging out on A ends the very same cookie on B;
- an edit based on a version that A has already replaced is refused by B with 409.

The servers are real (gunicorn, `wsgi:app`, production settings), so the requests go through
http.client with the cookies handled by hand (the cookies are `Secure` in production and the
test talks plain HTTP on loopback).
"""

import http.client
import json
import os
import re
import socket
import subprocess
import sys
import time
import uuid
from html import unescape
from pathlib import Path
from urllib.parse import urlencode

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from tests.conftest import DEMO_PASSWORD, ON_POSTGRES, POSTGRES_URL

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.slow,
    pytest.mark.skipif(not ON_POSTGRES, reason="needs PostgreSQL (TEST_DATABASE_URL)"),
]

ROOT = Path(__file__).resolve().parents[2]
SECRET_KEY = "scale-out-test-" + uuid.uuid4().hex  # the same on both servers
CSRF_INPUT = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
CSRF_HEADER = re.compile(r'"X-CSRFToken": "([^"]+)"')


# --- a tiny HTTP client with a cookie jar that can be pointed at either server -------------


class Browser:
    """One user's browser: its cookies travel with it from server to server."""

    def __init__(self):
        self.cookies: dict[str, str] = {}

    def request(self, server: "Server", method: str, path: str, form: dict | None = None):
        headers = {"User-Agent": "scale-out-test", "Accept-Language": "fr"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            content = response.read().decode("utf-8", "replace")
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    self._store(value)
            return response.status, dict(response.getheaders()), content
        finally:
            conn.close()

    def _store(self, header: str) -> None:
        pair, _, attributes = header.partition(";")
        name, _, value = pair.strip().partition("=")
        expired = "max-age=0" in attributes.lower() or "expires=thu, 01 jan 1970" in (
            attributes.lower()
        )
        if expired or not value:
            self.cookies.pop(name, None)
        else:
            self.cookies[name] = value

    def get(self, server, path):
        return self.request(server, "GET", path)

    def post(self, server, path, form):
        return self.request(server, "POST", path, form)

    def csrf_token(self, server, path="/login?lang=fr") -> str:
        status, _, page = self.get(server, path)
        assert status == 200, (path, status)
        found = CSRF_INPUT.search(page) or CSRF_HEADER.search(page)
        assert found, f"no CSRF token on {path}"
        return unescape(found.group(1))

    def login(self, server, username: str) -> None:
        token = self.csrf_token(server)
        status, _headers, _ = self.post(
            server,
            "/login?lang=fr",
            {"username": username, "password": DEMO_PASSWORD, "csrf_token": token},
        )
        assert status == 302, f"login of {username} on {server.name}: {status}"


# --- two servers on one database ---------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, name: str, database_url: str, instance: Path, log: Path):
        self.name = name
        self.port = _free_port()
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "SECRET_KEY": SECRET_KEY,
            "DIGIWEB_ENV": "production",
            "DIGIWEB_INSTANCE": str(instance),
            "PYTHONUNBUFFERED": "1",
        }
        env.pop("TEST_DATABASE_URL", None)
        self.log = log
        self._log_file = log.open("w")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--workers",
                "2",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--timeout",
                "60",
                "wsgi:app",
            ],
            cwd=ROOT,
            env=env,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
        )

    def wait_ready(self, timeout: float = 90) -> bool:
        """True once /healthz answers; False if gunicorn exited because its port was taken in
        the meantime (the caller tries another port)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.stop()
                log = self.log.read_text()
                if "Address already in use" in log:
                    return False
                pytest.fail(f"server {self.name} exited:\n{log}")
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
            try:
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    return True
            except OSError:
                pass
            finally:
                conn.close()
            time.sleep(0.2)
        pytest.fail(f"server {self.name} did not start:\n{self.log.read_text()}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if not self._log_file.closed:
            self._log_file.close()


@pytest.fixture(scope="module")
def database():
    """A database of our own, with the demo data, dropped at the end."""
    from digiweb import create_app
    from digiweb.demo.services import load_demo
    from digiweb.extensions import db

    admin_url = make_url(POSTGRES_URL)
    name = f"digiweb_scaleout_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin_url.set(database=name).render_as_string(hide_password=False)
    try:
        app = create_app({"SQLALCHEMY_DATABASE_URI": url})
        with app.app_context():
            db.create_all()
            load_demo()
            db.session.remove()
            db.engine.dispose()
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="module")
def servers(database, tmp_path_factory):
    folder = tmp_path_factory.mktemp("scale-out")
    started = []
    try:
        for name in ("A", "B"):
            started.append(Server(name, database, folder / name, folder / f"{name}.log"))
        for index, server in enumerate(started):
            for _ in range(3):
                if server.wait_ready():
                    break
                server = started[index] = Server(
                    server.name, database, folder / server.name, folder / f"{server.name}.log"
                )
            else:
                pytest.fail(f"no free port for server {server.name}")
        yield started
    finally:
        for server in started:
            server.stop()


@pytest.fixture(scope="module")
def followed_project(database):
    """A project of an approved plan (its officer records progress) and that officer."""
    engine = create_engine(database, poolclass=NullPool)
    with engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT p.id, p.reference, d.code, u.full_name FROM projects p "
                "JOIN plans pl ON pl.id = p.plan_id "
                "JOIN departments d ON d.id = pl.department_id "
                "JOIN users u ON u.username = 'officer-' || lower(d.code) "
                "WHERE pl.status = 'approved' ORDER BY p.id LIMIT 1"
            )
        ).one()
    engine.dispose()
    return row


def _project_version(database: str, project_id: int) -> int:
    engine = create_engine(database, poolclass=NullPool)
    with engine.connect() as conn:
        version = conn.execute(
            text("SELECT version FROM projects WHERE id = :id"), {"id": project_id}
        ).scalar_one()
    engine.dispose()
    return version


def _project_status(database: str, project_id: int) -> str:
    engine = create_engine(database, poolclass=NullPool)
    with engine.connect() as conn:
        value = conn.execute(
            text("SELECT status FROM projects WHERE id = :id"), {"id": project_id}
        ).scalar_one()
    engine.dispose()
    return value


def _progress_cell(page: str, project_id: int) -> str:
    row = re.search(rf'<tr id="project-{project_id}">(.*?)</tr>', page, re.S)
    assert row, f"project-{project_id} is not on the page"
    cells = re.findall(r"<bdi dir=\"ltr\">(\d+)&nbsp;%</bdi>", row.group(1))
    assert cells, "no progress cell"
    return cells[0]


# --- the tests ---------------------------------------------------------------------------------


def test_servers_are_separate_processes(servers):
    a, b = servers
    assert a.port != b.port
    assert a.process.pid != b.process.pid
    for server in servers:
        status, _, body = Browser().get(server, "/healthz")
        assert status == 200 and '"ok"' in body


def test_a_session_opened_on_a_is_valid_on_b(servers, followed_project):
    a, b = servers
    user = Browser()
    user.login(a, f"officer-{followed_project.code.lower()}")
    # Several requests, so that both of B's workers see the cookie.
    for _ in range(4):
        status, _, page = user.get(b, "/projects?lang=fr")
        assert status == 200
        assert followed_project.full_name in page  # the same user, in the page header
    # The CSRF token issued on A is accepted on B (same SECRET_KEY, token in the cookie).
    token = user.csrf_token(a, "/projects")
    status, headers, _ = user.post(b, "/logout", {"csrf_token": token})
    assert status == 302 and "/login" in headers["Location"]


def _stats(browser, server) -> dict:
    status, _, body = browser.get(server, "/api/v1/stats?year=2021")
    assert status == 200
    return json.loads(body)["by_status"]


def _without_tokens(page: str) -> str:
    page = CSRF_HEADER.sub("", page)
    return CSRF_INPUT.sub("", page)


def test_a_write_on_a_is_read_at_once_on_b_even_from_a_cached_page(
    servers, database, followed_project
):
    a, b = servers
    officer, reviewer = Browser(), Browser()
    officer.login(a, f"officer-{followed_project.code.lower()}")
    reviewer.login(b, "reviewer")
    search = f"/projects?lang=fr&q={followed_project.reference}"
    # B serves the list, the figures and the dashboard first, several times so that each of its
    # workers does: whatever B caches is now warm.
    for _ in range(4):
        status, _, page = officer.get(b, search)
        assert status == 200
        before = _progress_cell(page, followed_project.id)
        stats_before = _stats(officer, b)
        status, _, dashboard_before = reviewer.get(b, "/dashboard?lang=fr")
        assert status == 200
    current_status = _project_status(database, followed_project.id)
    new_status = "completed" if current_status != "completed" else "in_progress"
    new_progress = "100" if new_status == "completed" else ("37" if before != "37" else "38")

    version = _project_version(database, followed_project.id)
    token = officer.csrf_token(a, "/projects")
    status, _, body = officer.post(
        a,
        f"/projects/{followed_project.id}/progress",
        {
            "csrf_token": token,
            "version": version,
            "status": new_status,
            "progress": new_progress,
            "note": "Avancement constaté sur le serveur A",
        },
    )
    assert status == 303, body[:500]

    expected = dict(stats_before)
    expected[current_status] -= 1
    expected[new_status] = expected.get(new_status, 0) + 1
    for _ in range(4):  # whichever worker of B answers
        status, _, page = officer.get(b, search)
        assert status == 200
        assert _progress_cell(page, followed_project.id) == new_progress
        assert _stats(officer, b) == expected
        status, _, dashboard = reviewer.get(b, "/dashboard?lang=fr")
        assert status == 200
        assert _without_tokens(dashboard) != _without_tokens(dashboard_before)


def test_logout_on_a_ends_the_same_cookie_on_b(servers, followed_project):
    a, b = servers
    user = Browser()
    user.login(a, f"officer-{followed_project.code.lower()}")
    stolen = dict(user.cookies)  # the cookie as it was before the logout
    assert user.get(b, "/projects")[0] == 200
    token = user.csrf_token(a, "/projects")
    assert user.post(a, "/logout", {"csrf_token": token})[0] == 302

    replay = Browser()
    replay.cookies = stolen
    for _ in range(4):
        status, headers, _ = replay.get(b, "/projects")
        assert status == 302 and "/login" in headers["Location"]


def test_a_stale_edit_sent_to_b_after_an_edit_on_a_gets_409(servers, database, followed_project):
    a, b = servers
    first, second = Browser(), Browser()
    username = f"officer-{followed_project.code.lower()}"
    first.login(a, username)
    second.login(b, username)
    version = _project_version(database, followed_project.id)

    def form(browser, server, progress, note):
        return {
            "csrf_token": browser.csrf_token(server, "/projects"),
            "version": version,  # both pages were loaded at this version
            "status": "in_progress",
            "progress": progress,
            "note": note,
        }

    status, _, _ = first.post(
        a, f"/projects/{followed_project.id}/progress", form(first, a, "55", "Saisie sur A")
    )
    assert status == 303
    status, _, page = second.post(
        b, f"/projects/{followed_project.id}/progress", form(second, b, "66", "Saisie sur B")
    )
    assert status == 409
    assert "Saisie sur B" in page  # the user's input is kept
    assert _project_version(database, followed_project.id) == version + 1
    status, _, page = second.get(b, f"/projects?lang=fr&q={followed_project.reference}")
    assert _progress_cell(page, followed_project.id) == "55"
