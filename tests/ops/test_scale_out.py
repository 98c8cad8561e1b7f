"""Scale-out: two gunicorn servers (separate processes, two workers each) on one PostgreSQL
database and one SECRET_KEY behave as one application.

- a session opened on server A is valid on server B (signed cookie, per-user token in the
  database), and so is its CSRF token;
- a write on A is seen at once on B, including on pages B has just served (and may have cached:
  digiweb/cache.py keys caches on the database-held data version);
- logging out on A ends the very same cookie on B;
- an edit based on a version that A has already replaced is refused by B with 409;
- a large export asked on A is made by the one RQ worker (on the shared Redis), followed and
  downloaded on B (JOBS_DIR shared, the job's row in the database).

The servers are real (gunicorn, `wsgi:app`, production settings), so the requests go through
http.client with the cookies handled by hand (the cookies are `Secure` in production and the
test talks plain HTTP on loopback).
"""

import json
import re
import time
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from tests.conftest import ON_POSTGRES
from tests.integrity.helpers import (
    Browser,
    Server,
    build_postgres_template,
    csrf_of,
    drop_database,
    jobs_worker,
    postgres_url,
    redis_server,
)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.slow,
    pytest.mark.skipif(not ON_POSTGRES, reason="needs PostgreSQL (TEST_DATABASE_URL)"),
]

SECRET_KEY = "scale-out-test-" + uuid.uuid4().hex  # the same on both servers
CSRF_INPUT = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
CSRF_HEADER = re.compile(r'"X-CSRFToken": "([^"]+)"')


# --- one user's browser: its cookies travel with it from server to server (Browser.on) ----


def _browser(server: Server) -> Browser:
    return Browser(server.url, headers={"User-Agent": "scale-out-test", "Accept-Language": "fr"})


def _login(server: Server, username: str) -> Browser:
    return _browser(server).login(username, "fr")


def _csrf_token(browser: Browser, path: str) -> str:
    answer = browser.get(path)
    assert answer.status == 200, (path, answer.status)
    return csrf_of(answer.text)


# --- two servers on one database ---------------------------------------------------------------


@pytest.fixture(scope="module")
def database():
    """A database of our own, with the demo data, dropped at the end."""
    url = postgres_url(build_postgres_template(prefix="digiweb_scaleout"))
    try:
        yield url
    finally:
        drop_database(url)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("scale-out")


@pytest.fixture(scope="module")
def settings(database, folder):
    """The environment of every server and of the worker: one database, one Redis, one
    JOBS_DIR (a shared mount in production)."""
    with redis_server(folder) as redis_url:
        yield {
            "DATABASE_URL": database,
            "SECRET_KEY": SECRET_KEY,
            "DIGIWEB_ENV": "production",
            "BASE_URL": "http://127.0.0.1",  # required in production; the trusted host
            "PYTHONUNBUFFERED": "1",
            "JOBS_REDIS_URL": redis_url,
            "JOBS_DIR": str(folder / "exports"),
            "JOBS_XLSX_THRESHOLD": "100",  # the demo's 2021 list (222 projects) is a job
        }


@pytest.fixture(scope="module")
def servers(settings, database, folder):
    """Two gunicorn servers (two workers each) on `wsgi:app` with the production settings."""
    started = []
    try:
        for name in ("A", "B"):
            server = Server(
                database,
                workers=2,
                threads=1,
                log=folder / f"{name}.log",
                app="wsgi:app",
                env={**settings, "DIGIWEB_INSTANCE": str(folder / name)},
            )
            started.append(server)
            server.start(timeout=90)
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


def _project_value(database: str, project_id: int, column: str):
    engine = create_engine(database, poolclass=NullPool)
    with engine.connect() as conn:
        value = conn.execute(
            text(f"SELECT {column} FROM projects WHERE id = :id"), {"id": project_id}
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
        answer = _browser(server).get("/healthz")
        assert answer.status == 200 and '"ok"' in answer.text


def test_a_session_opened_on_a_is_valid_on_b(servers, followed_project):
    a, b = servers
    user = _login(a, f"officer-{followed_project.code.lower()}")
    # Several requests, so that both of B's workers see the cookie.
    for _ in range(4):
        answer = user.on(b).get("/projects?lang=fr")
        assert answer.status == 200
        assert followed_project.full_name in answer.text  # the same user, in the page header
    # The CSRF token issued on A is accepted on B (same SECRET_KEY, token in the cookie).
    token = _csrf_token(user, "/projects")
    answer = user.on(b).post("/logout", {"csrf_token": token})
    assert answer.status == 302 and "/login" in answer.headers["Location"]


def _stats(browser) -> dict:
    answer = browser.get("/api/v1/stats?year=2021")
    assert answer.status == 200
    return json.loads(answer.text)["by_status"]


def _without_tokens(page: str) -> str:
    page = CSRF_HEADER.sub("", page)
    return CSRF_INPUT.sub("", page)


def test_a_write_on_a_is_read_at_once_on_b_even_from_a_cached_page(
    servers, database, followed_project
):
    a, b = servers
    officer = _login(a, f"officer-{followed_project.code.lower()}")
    reviewer = _login(b, "reviewer")
    search = f"/projects?lang=fr&q={followed_project.reference}"
    # B serves the list, the figures and the dashboard first, several times so that each of its
    # workers does: whatever B caches is now warm.
    for _ in range(4):
        answer = officer.on(b).get(search)
        assert answer.status == 200
        before = _progress_cell(answer.text, followed_project.id)
        stats_before = _stats(officer.on(b))
        answer = reviewer.get("/dashboard?lang=fr")
        assert answer.status == 200
        dashboard_before = answer.text
    current_status = _project_value(database, followed_project.id, "status")
    new_status = "completed" if current_status != "completed" else "in_progress"
    new_progress = "100" if new_status == "completed" else ("37" if before != "37" else "38")

    version = _project_value(database, followed_project.id, "version")
    token = _csrf_token(officer, "/projects")
    answer = officer.post(
        f"/projects/{followed_project.id}/progress",
        {
            "csrf_token": token,
            "version": version,
            "status": new_status,
            "progress": new_progress,
            "note": "Avancement constaté sur le serveur A",
            "rating": "green",
        },
    )
    assert answer.status == 303, answer.text[:500]

    expected = dict(stats_before)
    expected[current_status] -= 1
    expected[new_status] = expected.get(new_status, 0) + 1
    for _ in range(4):  # whichever worker of B answers
        answer = officer.on(b).get(search)
        assert answer.status == 200
        assert _progress_cell(answer.text, followed_project.id) == new_progress
        assert _stats(officer.on(b)) == expected
        answer = reviewer.get("/dashboard?lang=fr")
        assert answer.status == 200
        assert _without_tokens(answer.text) != _without_tokens(dashboard_before)


def test_logout_on_a_ends_the_same_cookie_on_b(servers, followed_project):
    a, b = servers
    user = _login(a, f"officer-{followed_project.code.lower()}")
    stolen = dict(user.cookies)  # the cookie as it was before the logout
    assert user.on(b).get("/projects").status == 200
    token = _csrf_token(user, "/projects")
    assert user.post("/logout", {"csrf_token": token}).status == 302

    replay = _browser(b)
    replay.cookies = stolen
    for _ in range(4):
        answer = replay.get("/projects")
        assert answer.status == 302 and "/login" in answer.headers["Location"]


def test_a_stale_edit_sent_to_b_after_an_edit_on_a_gets_409(servers, database, followed_project):
    a, b = servers
    username = f"officer-{followed_project.code.lower()}"
    first = _login(a, username)
    second = _login(b, username)
    version = _project_value(database, followed_project.id, "version")

    def form(browser, progress, note):
        return {
            "csrf_token": _csrf_token(browser, "/projects"),
            "version": version,  # both pages were loaded at this version
            "status": "in_progress",
            "progress": progress,
            "note": note,
            "rating": "green",
        }

    answer = first.post(
        f"/projects/{followed_project.id}/progress", form(first, "55", "Saisie sur A")
    )
    assert answer.status == 303
    answer = second.post(
        f"/projects/{followed_project.id}/progress", form(second, "66", "Saisie sur B")
    )
    assert answer.status == 409
    assert "Saisie sur B" in answer.text  # the user's input is kept
    assert _project_value(database, followed_project.id, "version") == version + 1
    answer = second.get(f"/projects?lang=fr&q={followed_project.reference}")
    assert _progress_cell(answer.text, followed_project.id) == "55"


def test_an_export_asked_on_a_is_made_by_the_worker_followed_and_downloaded_on_b(
    servers, settings, database, folder
):
    a, b = servers
    viewer = _login(a, "viewer")
    offer = viewer.get("/projects.xlsx?year=2021&lang=fr")
    assert offer.status == 200 and "222 projets" in offer.text  # too large: offered as a job
    action = re.search(r'<form method="post" action="(/jobs/[^"]+)"', offer.text)[1]
    asked = viewer.post(action.replace("&amp;", "&"), {"csrf_token": csrf_of(offer.text)})
    assert asked.status == 303, asked.text[:500]
    job_path = asked.headers["Location"].removeprefix("http://127.0.0.1")
    job_id = int(job_path.rsplit("/", 1)[1])
    assert _job_row(database, job_id)[0] == "queued"  # no web server makes it: Redis has it

    on_b = viewer.on(b)
    with jobs_worker({**settings, "DIGIWEB_INSTANCE": str(folder / "worker")}, folder / "rq.log"):
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            fragment = on_b.get(job_path, headers={"HX-Request": "true"})
            assert fragment.status == 200
            if 'id="job-download"' in fragment.text:
                break
            assert 'hx-trigger="every 1s"' in fragment.text  # B's page keeps polling
            time.sleep(0.3)
        else:
            raise AssertionError((folder / "rq.log").read_text()[-3000:])
    status, attempts, done, total = _job_row(database, job_id)
    assert (status, attempts, done, total) == ("done", 1, 222, 222)
    assert f"export-{job_id}" in (folder / "rq.log").read_text()  # the worker made it
    download = on_b.get(f"{job_path}/download")
    assert download.status == 200
    assert download.headers["Content-Type"].endswith("spreadsheetml.sheet")
    assert download.text.startswith("PK")  # an XLSX (a zip), served by B from JOBS_DIR
    # the other server has the same answer, and another user none
    assert viewer.get(f"{job_path}/download").status == 200
    assert _login(b, "reviewer").get(job_path).status == 404


def _job_row(database: str, job_id: int):
    engine = create_engine(database, poolclass=NullPool)
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT status, attempts, done, total FROM export_jobs WHERE id = :id"),
            {"id": job_id},
        ).one()
    engine.dispose()
    return tuple(row)
