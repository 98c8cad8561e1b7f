"""A job survives the death of its worker: an RQ worker process (`flask jobs worker`, on a
redis-server of the test's own) is killed with SIGKILL, with its work horse and its scheduler,
while it makes a job; a new worker finds the job abandoned (RQ's StartedJobRegistry cleanup,
every JOBS_CLEANUP_SECONDS), the row says it waits for another attempt, and RQ's retry makes it.

The job is `gated` (tests/jobs/gated_kind.py, loaded through JOBS_KIND_MODULES): it stays under
way until the test opens its gate, so the kill always falls inside it. About 75 s: RQ keeps a
dead worker's job (and its scheduler's lock) for 60 s after the last heartbeat, then the retry
waits its first interval (10 s)."""

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from digiweb.extensions import db
from digiweb.jobs.services import KINDS
from tests.conftest import ON_POSTGRES
from tests.jobs import gated_kind
from tests.jobs.test_export_jobs import ROOT, _app, _client, _job, _user_id
from tests.security.test_rate_limits import redis_url  # noqa: F401 - the fixture

pytestmark = pytest.mark.slow


def _descendants(pid: int) -> list[int]:
    """The processes under `pid` (the work horse is in a process group of its own)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _worker(env, log: Path) -> subprocess.Popen:
    with log.open("ab") as output:  # the child keeps its own descriptor
        return subprocess.Popen(
            [sys.executable, "-m", "flask", "--app", "wsgi", "jobs", "worker"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def _wait(job_id, statuses, seconds, seen=None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job = _job(job_id)
        if seen is not None and (not seen or seen[-1] != job.status):
            seen.append(job.status)
        if job.status in statuses:
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} is {_job(job_id).status}, not {statuses}")


def test_a_job_whose_worker_is_killed_is_made_by_the_next_worker(
    request,
    tmp_path,
    redis_url,  # noqa: F811
):
    from digiweb.auth.models import User
    from digiweb.jobs import services

    assert "gated" in KINDS  # imported above, as JOBS_KIND_MODULES does in the worker
    gate = tmp_path / "gate"
    app = _app(request, tmp_path, JOBS_REDIS_URL=redis_url)
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "JOBS_REDIS_URL": redis_url,
        "JOBS_DIR": str(tmp_path / "exports"),
        "JOBS_KIND_MODULES": gated_kind.__name__,
        "JOBS_HEARTBEAT_SECONDS": "1",
        "JOBS_CLEANUP_SECONDS": "1",
        "DIGIWEB_INSTANCE": str(tmp_path / "instance"),
    }
    log = tmp_path / "worker.log"
    with app.app_context():
        client = _client(app, "viewer")
        with app.test_request_context():
            viewer = db.session.get(User, _user_id("viewer"))
            job_id = services.submit("gated", {"gate": str(gate)}, viewer, "fr").id
            db.session.commit()  # enqueued on Redis once committed
        db.session.remove()
        if not ON_POSTGRES:
            db.engine.dispose()

        first = _worker(env, log)
        doomed = [first.pid]
        try:
            job = _wait(job_id, {"running"}, 120)
            assert job.attempts == 1
            doomed += _descendants(first.pid)  # its work horse and its scheduler
            assert len(doomed) >= 2, log.read_text()[-3000:]
        finally:
            for pid in doomed:  # as systemd kills a unit's processes, or a power cut
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            first.wait(timeout=10)
        time.sleep(1)
        job = _job(job_id)
        assert (job.status, job.attempts, job.done) == ("running", 1, 0)  # as the dead left it
        gate.touch()  # the next attempt may end

        second = _worker(env, log)
        try:
            seen: list[str] = []
            job = _wait(job_id, {"done", "failed"}, 240, seen)
        finally:
            second.terminate()
            second.wait(timeout=60)
        worker_log = log.read_text()
        assert (job.status, job.attempts, job.done, job.total) == ("done", 2, 2, 2), worker_log[
            -3000:
        ]
        assert seen[:2] == ["running", "queued"], seen  # the row said it waited for a retry
        assert job.error == "" and Path(job.path).read_bytes() == gated_kind.CONTENT
        download = client.get(f"/jobs/{job_id}/download")
        assert download.status_code == 200 and download.get_data() == gated_kind.CONTENT
        download.close()
        db.session.remove()
