"""Who runs the jobs: RQ workers on Redis in production, a thread of the web process otherwise.

- JOBS_REDIS_URL set: the job goes to RQ's queue `digiweb` (kept in Redis: it outlives a web
  server or worker restart, and RQ tries a failed job again, MAX_ATTEMPTS in all). Workers run
  `flask --app wsgi jobs worker` (a systemd unit in docs/deployment.md) and build the app from
  the same environment as the web servers.
- A worker that dies under a job (SIGKILL, OOM, machine down) leaves it in RQ's
  StartedJobRegistry with a deadline its heartbeats kept pushing back (heartbeat + 60 s); the
  cleanup of a live worker (every JOBS_CLEANUP_SECONDS: RQ's own default is 10 minutes) then
  finds it abandoned, tells `abandoned()` (the row says so) and RQ tries it again, as after a
  failure (docs/decisions.md, 46).
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
                execute(job_id, last_attempt=attempt == MAX_ATTEMPTS)
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
    from rq import get_current_job

    from digiweb import create_app
    from digiweb.jobs.services import execute

    if _worker_app is None:
        use_app(create_app())
    current = get_current_job()
    last_attempt = current is None or not current.retries_left
    with _worker_app.app_context():
        db.engine.dispose(close=False)  # a forked work horse opens connections of its own
        try:
            execute(job_id, last_attempt=last_attempt)
        finally:
            db.session.remove()


def abandoned(job, exc_type, exc_value, traceback) -> bool:
    """An RQ exception handler: a job whose worker died (AbandonedJobError, found by the
    registry cleanup of another worker, before RQ retries it) is written back as waiting for
    its next attempt, or failed after the last one; without this its row would say `running`
    for ever. Other failures were written by `execute` itself."""
    from rq.exceptions import AbandonedJobError

    from digiweb.jobs.services import worker_stopped

    if exc_type is AbandonedJobError and _worker_app is not None and job.args:
        with _worker_app.app_context():
            try:
                worker_stopped(int(job.args[0]), retried=bool(job.retries_left))
            finally:
                db.session.remove()
    return True  # the other handlers (RQ's own: retry or failed registry) go on


def worker(app: Flask, connection, name: str | None = None):
    """The RQ worker of `flask jobs worker`: a heartbeat every JOBS_HEARTBEAT_SECONDS and a
    registry cleanup (abandoned jobs, expired files) every JOBS_CLEANUP_SECONDS."""
    from rq import Queue, Worker

    class ExportWorker(Worker):
        def run_maintenance_tasks(self):
            super().run_maintenance_tasks()
            from digiweb.jobs.services import forget_expired

            with app.app_context():
                try:
                    forget_expired()
                    db.session.commit()
                except Exception:
                    db.session.rollback()
                    log.exception("the expired export files could not be removed")
                finally:
                    db.session.remove()

    use_app(app)
    cleanup = int(app.config.get("JOBS_CLEANUP_SECONDS") or 30)
    return ExportWorker(
        [Queue(QUEUE, connection=connection)],
        connection=connection,
        name=name,
        exception_handlers=[abandoned],
        job_monitoring_interval=int(app.config.get("JOBS_HEARTBEAT_SECONDS") or 10),
        maintenance_interval=cleanup,
        # An idle worker waits for a job `worker_ttl - 15` s at a time (RQ) before it looks at
        # its maintenance again: without this, 405 s, whatever the maintenance interval.
        worker_ttl=cleanup + 15,
    )
