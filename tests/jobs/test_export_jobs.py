"""Large exports as background jobs: /projects.xlsx above JOBS_XLSX_THRESHOLD rows answers a page
that offers the job (a GET writes nothing); the POST makes the job and leads to its page, which
htmx polls; the owner downloads the file and gets a notification; the same export of the same
data is not made twice; another user never sees the job. Run by the embedded thread (no Redis)
and by an RQ worker process on a real redis-server."""

import io
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from digiweb.extensions import db
from digiweb.jobs.models import ExportJob
from digiweb.jobs.services import KINDS, Kind
from digiweb.notifications.models import Notification, NotificationKind
from digiweb.plans.models import Project
from tests.conftest import ON_POSTGRES, CSRFClient, _make_app, login
from tests.factories import make_user
from tests.security.test_rate_limits import redis_url  # noqa: F401 - the fixture

ROOT = Path(__file__).resolve().parents[2]
THRESHOLD = 100  # the demo's 2021 list has 222 projects


def _app(request, tmp_path, **config):
    app = _make_app(
        request,
        "demo",
        {
            "JOBS_XLSX_THRESHOLD": THRESHOLD,
            "JOBS_DIR": str(tmp_path / "exports"),
            "JOBS_INLINE": False,  # the embedded thread, as under `make run`
            **config,
        },
    )
    app.test_client_class = CSRFClient
    return app


@pytest.fixture
def jobs_app(request, tmp_path):
    app = _app(request, tmp_path)
    with app.app_context():
        yield app
        db.session.remove()


def _client(app, username, lang=None):
    client = app.test_client()
    login(client, username, lang=lang)
    return client


def _wait_for_threads(app):
    for thread in app.extensions.get("digiweb_job_threads", []):
        thread.join(timeout=60)


def _job(job_id) -> ExportJob:
    db.session.rollback()
    return db.session.get(ExportJob, job_id)


def _start(client, query="year=2021"):
    page = client.get(f"/projects.xlsx?{query}")
    assert page.status_code == 200
    assert page.mimetype == "text/html"
    action = re.search(r'<form method="post" action="(/jobs/[^"]+)"', page.get_data(as_text=True))[
        1
    ]
    response = client.post(action.replace("&amp;", "&"))
    assert response.status_code == 303, (response.status_code, response.headers.get("Location"))
    return int(response.headers["Location"].rsplit("/", 1)[1])


def test_small_exports_are_still_made_in_the_request(jobs_app):
    client = _client(jobs_app, "officer-mf")
    response = client.get("/projects.xlsx?year=2021")
    assert response.mimetype.endswith("spreadsheetml.sheet")
    assert db.session.scalar(db.select(db.func.count(ExportJob.id))) == 0


def test_a_large_export_runs_as_a_job_with_progress_download_and_notification(jobs_app):
    client = _client(jobs_app, "viewer", lang="fr")
    page = client.get("/projects.xlsx?year=2021&sort=-budget")
    assert "222 projets" in page.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(ExportJob.id))) == 0  # the GET wrote nothing
    job_id = _start(client, "year=2021&sort=-budget")
    _wait_for_threads(jobs_app)
    job = _job(job_id)
    assert (job.status, job.done, job.total, job.attempts) == ("done", 222, 222, 1)
    assert job.params == {"year": "2021", "sort": "-budget"}
    # the page and its fragment (polled by htmx while the job runs)
    fragment = client.get(f"/jobs/{job_id}", headers={"HX-Request": "true"})
    text = fragment.get_data(as_text=True)
    assert 'id="job-download"' in text and "hx-trigger" not in text
    download = client.get(f"/jobs/{job_id}/download")
    assert download.status_code == 200
    assert job.filename in download.headers["Content-Disposition"]
    content = download.get_data()
    download.close()
    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    rows = list(sheet.values)
    assert len(rows) == 223 and rows[0][0]  # the header and every project
    budgets = [row[-1] for row in rows[1:] if isinstance(row[-1], int)]
    assert budgets == sorted(budgets, reverse=True)
    notification = db.session.scalars(
        db.select(Notification).where(Notification.kind == NotificationKind.EXPORT_READY)
    ).one()
    assert notification.link == f"/jobs/{job_id}"


def test_a_job_under_way_is_polled(jobs_app):
    viewer = _client(jobs_app, "viewer")
    queued = ExportJob(
        user_id=_user_id("viewer"),
        kind="projects_xlsx",
        params={},
        language="ar",
        cache_key="x",
        data_version=0,
        done=50,
        total=200,
        status="running",
        filename="x.xlsx",
    )
    db.session.add(queued)
    db.session.commit()
    text = viewer.get(f"/jobs/{queued.id}", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert 'hx-trigger="every 1s"' in text and 'value="25"' in text
    assert viewer.get(f"/jobs/{queued.id}/download").status_code == 404


def _user_id(username):
    from digiweb.auth.models import User

    return db.session.scalar(db.select(User.id).where(User.username == username))


def test_the_same_export_of_the_same_data_is_made_once(jobs_app):
    client = _client(jobs_app, "viewer")
    first = _start(client)
    _wait_for_threads(jobs_app)
    assert _start(client) == first  # the owner's own file
    assert db.session.scalar(db.select(db.func.count(ExportJob.id))) == 1


def test_another_account_does_not_see_the_job(jobs_app):
    job_id = _start(_client(jobs_app, "viewer"))
    _wait_for_threads(jobs_app)
    other = _client(jobs_app, "reviewer")
    assert other.get(f"/jobs/{job_id}").status_code == 404
    assert other.get(f"/jobs/{job_id}/download").status_code == 404


def test_a_file_is_shared_while_the_data_does_not_change(jobs_app):
    from digiweb.auth.models import Role

    make_user("viewer2", role=Role.VIEWER)
    db.session.commit()
    # (both log in first: a login writes, and any write is a new version of the data)
    viewer, viewer2 = (
        _client(jobs_app, "viewer", lang="ar"),
        _client_with_password(jobs_app, "viewer2"),
    )
    first = _start(viewer)
    _wait_for_threads(jobs_app)
    runs = len(jobs_app.extensions["digiweb_job_threads"])
    second = _start(viewer2)  # same role, same language, same data
    assert second != first and len(jobs_app.extensions["digiweb_job_threads"]) == runs
    assert (_job(second).status, _job(second).path) == ("done", _job(first).path)
    # a change of the data: the next export is made again
    project = db.session.scalars(db.select(Project).order_by(Project.id)).first()
    project.title_fr = "Titre changé"
    db.session.commit()
    third = _start(viewer)
    _wait_for_threads(jobs_app)
    assert third not in (first, second) and _job(third).status == "done"
    assert len(jobs_app.extensions["digiweb_job_threads"]) == runs + 1


def _client_with_password(app, username):
    from tests.factories import PASSWORD

    client = app.test_client()
    response = client.post("/login?lang=ar", data={"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def test_a_failing_job_is_tried_three_times_then_says_so(jobs_app):
    from digiweb.jobs import services

    def explode(params, user, target, progress):
        raise RuntimeError("boom")

    KINDS["boom"] = Kind(
        count=lambda params, user: 1, make=explode, filename=lambda p: "boom.xlsx", mimetype="x"
    )
    try:
        client = _client(jobs_app, "viewer")
        from digiweb.auth.models import User

        with jobs_app.test_request_context():
            job = services.submit("boom", {}, db.session.get(User, _user_id("viewer")), "fr")
            db.session.commit()
        _wait_for_threads(jobs_app)
        job = _job(job.id)
        assert (job.status, job.attempts) == ("failed", 3) and "boom" in job.error
        page = client.get(f"/jobs/{job.id}?lang=fr").get_data(as_text=True)
        assert "n'a pas pu" in page
        assert list(Path(jobs_app.config["JOBS_DIR"]).iterdir()) == []
    finally:
        del KINDS["boom"]


def test_rq_worker_on_redis_runs_the_job(request, tmp_path, redis_url):  # noqa: F811
    app = _app(request, tmp_path, JOBS_REDIS_URL=redis_url)
    with app.app_context():
        client = _client(app, "viewer")
        job_id = _start(client)
        assert _job(job_id).status == "queued"  # in Redis, waiting for a worker
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
            "JOBS_REDIS_URL": redis_url,
            "JOBS_DIR": str(tmp_path / "exports"),
            "DIGIWEB_INSTANCE": str(tmp_path / "instance"),
        }
        db.session.remove()
        if not ON_POSTGRES:
            db.engine.dispose()
        result = subprocess.run(
            [sys.executable, "-m", "flask", "--app", "wsgi", "jobs", "worker", "--burst"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        deadline = time.monotonic() + 30
        while _job(job_id).status != "done" and time.monotonic() < deadline:
            time.sleep(0.2)
        job = _job(job_id)
        assert (job.status, job.done, job.total) == ("done", 222, 222), job.error
        download = client.get(f"/jobs/{job_id}/download")
        assert download.status_code == 200 and download.get_data().startswith(b"PK")
        download.close()
        db.session.remove()


def test_a_large_campaign_report_runs_as_a_job(request, tmp_path):
    app = _app(request, tmp_path, JOBS_PDF_THRESHOLD=100, JOBS_INLINE=True)
    with app.app_context():
        client = _client(app, "reviewer", lang="ar")
        page = client.get("/reports/campaign/2021.pdf?lang=fr")
        assert page.status_code == 200 and page.mimetype == "text/html"
        assert db.session.scalar(db.select(db.func.count(ExportJob.id))) == 0
        action = re.search(r'action="(/jobs/campaign/[^"]+)"', page.get_data(as_text=True))[1]
        assert action == "/jobs/campaign/2021.pdf?lang=fr"
        response = client.post(action)
        assert response.status_code == 303
        job = _job(int(response.headers["Location"].rsplit("/", 1)[1]))
        assert (job.status, job.filename) == ("done", "campaign-2021-fr.pdf")
        download = client.get(f"/jobs/{job.id}/download")
        assert download.mimetype == "application/pdf" and download.get_data().startswith(b"%PDF")
        download.close()
        # the report is the staff's: an officer can neither read it nor make it
        officer = _client(app, "officer-mf")
        assert officer.get("/reports/campaign/2021.pdf").status_code == 403
        assert officer.post("/jobs/campaign/2021.pdf").status_code == 403
        assert _client(app, "viewer").post("/jobs/campaign/1999.pdf").status_code == 404
        db.session.remove()


def test_expired_files_are_removed_and_their_jobs_say_so(jobs_app):
    from datetime import timedelta

    from digiweb.db_types import utcnow
    from digiweb.jobs.services import forget_expired

    client = _client(jobs_app, "viewer", lang="fr")
    old, fresh = _start(client), _start(client, "year=2021&sort=-budget")
    _wait_for_threads(jobs_app)
    old_job, fresh_job = _job(old), _job(fresh)
    old_path, fresh_path = Path(old_job.path), Path(fresh_job.path)
    assert old_path.is_file() and fresh_path.is_file()
    old_job.expires_at = utcnow() - timedelta(minutes=1)  # JOBS_KEEP_HOURS ago and more
    db.session.commit()
    # past its expiry, the file is no longer offered even before the cleanup runs
    assert client.get(f"/jobs/{old}/download").status_code == 404
    assert forget_expired() == 1  # what submit() and the workers' cleanup run
    db.session.commit()
    old_job, fresh_job = _job(old), _job(fresh)
    assert not old_path.exists() and (old_job.status, old_job.path) == ("expired", "")
    assert fresh_path.is_file() and fresh_job.status == "done"
    page = client.get(f"/jobs/{old}", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "demandez" in page.lower() and "hx-trigger" not in page  # ask again; no more polling
    assert client.get(f"/jobs/{old}/download").status_code == 404
    download = client.get(f"/jobs/{fresh}/download")
    assert download.status_code == 200
    download.close()
    # asked again, the export is made again (an expired job is never taken from the cache)
    again = _start(client)
    _wait_for_threads(jobs_app)
    assert again != old and _job(again).status == "done" and Path(_job(again).path).is_file()


def test_a_failure_after_the_file_is_made_is_recorded_and_tried_again(jobs_app, monkeypatch):
    """(The notification's link failed in production workers: the row said `running` for ever
    and the file stayed behind.)"""
    from digiweb.jobs import services

    real, calls = services._job_path, []

    def fails_once(job_id):
        calls.append(job_id)
        if len(calls) == 1:
            raise RuntimeError("no URL")
        return real(job_id)

    monkeypatch.setattr(services, "_job_path", fails_once)
    job_id = _start(_client(jobs_app, "viewer"))
    _wait_for_threads(jobs_app)
    job = _job(job_id)
    assert (job.status, job.attempts, len(calls)) == ("done", 2, 2)
    assert [p.name for p in Path(jobs_app.config["JOBS_DIR"]).iterdir()] == [Path(job.path).name]
