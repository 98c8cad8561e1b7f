"""Who runs the jobs: RQ workers on Redis in production, a thread of the web process otherwise.

- JOBS_REDIS_URL set: the job goes to RQ's queue `digiweb` (kept in Redis: it outlives a web
  server or worker restart, and RQ tries a failed job again, MAX_ATTEMPTS in all). Workers run
  `flask --app wsgi jobs worker` (a systemd unit in docs/deployment.md) and build the app from
  the same environment as the web servers.
- Not set (`make run`, a single server): a daemon thread of the web process runs the job at
  once, with the same attempts; a job under way is lost if the process stops (asked again by a
  click, its row then says it failed or stays queued).
"""

from __future__ import annotations

import logging
import threading

from flask import Flask

from digiweb.extensions import db

log = logging.getLogger(__name__)

QUEUE = "digiweb"
RETRY_INTERVALS = [10, 60]  # seconds before the second and the third attempt
JOB_TIMEOUT = 3600  # seconds: the largest export or report


def _redis(url: str):
    from redis import Redis

    return Redis.from_url(url)


def enqueue(app: Flask, job_id: int) -> None:
    url = app.config.get("JOBS_REDIS_URL")
    if url:
        from rq import Queue, Retry

        from digiweb.jobs.services import MAX_ATTEMPTS

        Queue(QUEUE, connection=_redis(url)).enqueue(
            "digiweb.jobs.runner.run",
            job_id,
            retry=Retry(max=MAX_ATTEMPTS - 1, interval=RETRY_INTERVALS),
            job_timeout=JOB_TIMEOUT,
            job_id=f"export-{job_id}",
        )
        return
    thread = threading.Thread(target=_in_thread, args=(app, job_id), daemon=True)
    thread.start()
    if app.config.get("JOBS_INLINE"):  # the test suite: done before the answer, no thread left
        thread.join()
        return
    app.extensions.setdefault("digiweb_job_threads", []).append(thread)


def _in_thread(app: Flask, job_id: int) -> None:
    from digiweb.jobs.services import MAX_ATTEMPTS, execute

    for attempt in range(1, MAX_ATTEMPTS + 1):
        with app.app_context():
            try:
                execute(job_id)
                return
            except Exception:
                log.warning("export job %s: attempt %s of %s failed", job_id, attempt, MAX_ATTEMPTS)
            finally:
                db.session.remove()


_worker_app: Flask | None = None


def use_app(app: Flask) -> None:
    """The app of this worker process (`flask jobs worker` gives its own)."""
    global _worker_app
    _worker_app = app


def run(job_id: int) -> None:
    """RQ's entry point, in the worker (or the work horse it forked for the job)."""
    from digiweb import create_app
    from digiweb.jobs.services import execute

    if _worker_app is None:
        use_app(create_app())
    with _worker_app.app_context():
        db.engine.dispose(close=False)  # a forked work horse opens connections of its own
        try:
            execute(job_id)
        finally:
            db.session.remove()
