"""Exports made in the background, with their progress, a download and a notification.

- `submit()` (in a POST) records an ExportJob and hands it to the runner once the request's
  transaction is committed (digiweb/jobs/runner.py: RQ on Redis, or a thread of the web process
  when no JOBS_REDIS_URL is configured).
- A finished file is taken again, without making it, by a later request for the same export by
  a user who sees the same (same kind and parameters, role, department and language) while the
  data has not changed (the data version) and the file has not expired (JOBS_KEEP_HOURS).
- `execute()` runs in the worker: the job's progress is written through a connection of its own
  (the export streams its rows inside the session's transaction), the file goes to JOBS_DIR,
  the owner gets a notification; a failure is recorded and the runner tries again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa
from flask import current_app

from digiweb.auth.models import User
from digiweb.cache import data_version
from digiweb.db_types import utcnow
from digiweb.extensions import db
from digiweb.jobs.models import ExportJob
from digiweb.transaction import after_commit

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
PROGRESS_EVERY = 0.5  # seconds between two writes of the progress


@dataclass(frozen=True)
class Kind:
    """An export that can run as a job: `count(params, user)` says how big it is (rows),
    `make(params, user, target, progress)` writes the file into the binary file `target`
    (calling `progress(done, total)` now and then) and `filename(params)` names it."""

    count: Callable
    make: Callable
    filename: Callable
    mimetype: str


KINDS: dict[str, Kind] = {}


def register(name: str, kind: Kind) -> None:
    KINDS[name] = kind


def _cache_key(kind: str, params: dict, user: User, language: str) -> str:
    who = {"role": user.role.value, "department": user.department_id, "language": language}
    text = json.dumps({"kind": kind, "params": params, "who": who}, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def jobs_dir() -> Path:
    folder = Path(current_app.config.get("JOBS_DIR") or Path(current_app.instance_path) / "exports")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _reusable(key: str, version: int, user: User) -> ExportJob | None:
    """The user's own job for this export still under way, or a finished file of anyone's."""
    now = utcnow()
    candidates = db.session.scalars(
        db.select(ExportJob)
        .where(ExportJob.cache_key == key, ExportJob.data_version == version)
        .where(ExportJob.status.in_(("queued", "running", "done")))
        .order_by(ExportJob.id.desc())
    )
    for job in candidates:
        if job.status == "done":
            if (job.expires_at is None or job.expires_at > now) and Path(job.path).is_file():
                return job
        elif job.user_id == user.id:
            return job
    return None


def submit(kind: str, params: dict, user: User, language: str) -> ExportJob:
    """The job that gives `user` this export: one under way or a finished file of the same
    data, else a new one, run once the request commits."""
    key = _cache_key(kind, params, user, language)
    version = data_version()
    found = _reusable(key, version, user)
    if found is not None and found.user_id == user.id:
        return found
    job = ExportJob(
        user_id=user.id,
        kind=kind,
        params=params,
        language=language,
        cache_key=key,
        data_version=version,
        filename=KINDS[kind].filename(params),
    )
    if found is not None:  # the same file, made for someone who sees the same: shared
        job.status, job.path, job.done, job.total = "done", found.path, found.total, found.total
        job.finished_at, job.expires_at = utcnow(), found.expires_at
        db.session.add(job)
        db.session.flush()
        return job
    db.session.add(job)
    db.session.flush()
    forget_expired()
    job_id = job.id
    after_commit(lambda: _enqueue(job_id))
    return job


def _enqueue(job_id: int) -> None:
    from digiweb.jobs import runner

    runner.enqueue(current_app._get_current_object(), job_id)


def forget_expired() -> int:
    """Delete the files of expired jobs; their rows stay, as a record, with the status
    `expired` (their page asks for the export again). Run by each new job (submit) and by the
    workers' cleanup (digiweb/jobs/runner.py). Answers how many jobs expired."""
    now = utcnow()
    expired = db.session.scalars(
        db.select(ExportJob).where(ExportJob.status == "done", ExportJob.expires_at < now)
    ).all()
    for job in expired:
        if job.path and not db.session.scalar(
            db.select(sa.func.count(ExportJob.id)).where(
                ExportJob.path == job.path, ExportJob.expires_at >= now
            )
        ):
            Path(job.path).unlink(missing_ok=True)
        job.status, job.path = "expired", ""
    return len(expired)


def is_expired(job: ExportJob) -> bool:
    return job.status == "expired" or (
        job.status == "done" and job.expires_at is not None and job.expires_at <= utcnow()
    )


def worker_stopped(job_id: int, retried: bool) -> None:
    """The worker making the job died (RQ found it abandoned): it waits for another attempt,
    or has failed after the last one."""
    _write_state(
        job_id,
        status="queued" if retried else "failed",
        error="The worker stopped during the attempt.",
    )


def _write_state(job_id: int, **values) -> None:
    """Progress and state through a connection of its own, committed at once."""
    table = ExportJob.__table__
    with db.engine.begin() as connection:
        connection.execute(sa.update(table).where(table.c.id == job_id).values(**values))


def execute(job_id: int, last_attempt: bool = True) -> None:
    """Make the job's file (in a worker or the embedded thread, inside an app context).
    Raises after recording a failure, so that the runner tries again: the row says `queued`
    (waiting for that attempt, its page still polled) unless this was the last one."""
    job = db.session.get(ExportJob, job_id)
    if job is None or job.status == "done":
        return
    kind = KINDS[job.kind]
    _write_state(job_id, status="running", attempts=job.attempts + 1, error="")
    user = db.session.get(User, job.user_id)
    folder = jobs_dir()
    path = folder / f"{job_id}-{secrets.token_hex(8)}{Path(job.filename).suffix}"
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_EVERY or done >= total:
            last[0] = now
            _write_state(job_id, done=done, total=total)

    try:
        # The file in the language of the request that asked for it.
        with _request_context(query_string={"lang": job.language}):
            total = kind.count(job.params, user)
            _write_state(job_id, done=0, total=total)
            with open(path, "wb") as target:
                kind.make(job.params, user, target, progress)
        db.session.rollback()  # the export only read
        _finish(job_id, str(path), total)  # a failure here too is recorded and tried again
    except Exception as error:
        db.session.rollback()
        path.unlink(missing_ok=True)
        _write_state(
            job_id,
            status="failed" if last_attempt else "queued",
            error=f"{type(error).__name__}: {error}"[:2000],
        )
        log.exception("export job %s failed", job_id)
        raise


def _finish(job_id: int, path: str, total: int) -> None:
    from digiweb.notifications.models import NotificationKind
    from digiweb.notifications.services import notify_users

    job = db.session.get(ExportJob, job_id)
    hours = int(current_app.config.get("JOBS_KEEP_HOURS") or 24)
    job.status, job.path, job.done, job.total = "done", path, total, total
    job.finished_at = utcnow()
    job.expires_at = job.finished_at + timedelta(hours=hours)
    user = db.session.get(User, job.user_id)
    notify_users(
        [user],
        NotificationKind.EXPORT_READY,
        {"filename": job.filename},
        link=_job_path(job.id),
    )
    db.session.commit()


def _job_path(job_id: int) -> str:
    from flask import url_for

    with _request_context():
        return url_for("jobs.job", job_id=job_id)


def _request_context(**kwargs):
    """A request of the worker's own (the job's language, url_for), on BASE_URL's host: in
    production TRUSTED_HOSTS refuses the test client's `localhost` (url_for then failed after
    the file was made, and every attempt with it)."""
    base_url = current_app.config.get("BASE_URL") or None
    return current_app.test_request_context("/", base_url=base_url, **kwargs)


def file_size(job: ExportJob) -> int | None:
    try:
        return os.path.getsize(job.path)
    except OSError:
        return None
