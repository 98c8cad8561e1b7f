"""The one transaction rule, the one optimistic version check.

- Services change the session and flush; they never commit and never roll back.
- A request that changes data (POST, PUT, PATCH, DELETE) commits once, after its view returned
  a response below 400; any other answer (a refusal, a form shown again with errors, an
  exception) leaves nothing written. A view that must keep a write while refusing (a failed
  login counts against the account) says so with `keep_on_refusal()`.
- A GET (or HEAD, OPTIONS) never writes. Under `STRICT_READ_REQUESTS` (the test suite) a change
  flushed during a read request raises; elsewhere it is logged and discarded.
- A CLI command commits once when it ends without an error (`@commits`).
- `check_version()` is the one optimistic check: the version the user's form was based on must
  be the stored one, else `Conflict`; a change request without a version is `MissingVersion`.
"""

from __future__ import annotations

import functools
import hashlib
import logging

from flask import Flask, current_app, g, has_request_context, request, session
from sqlalchemy import event
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from digiweb.errors import Conflict, MissingVersion, Refusal
from digiweb.extensions import db

log = logging.getLogger(__name__)

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class ReadRequestWrote(RuntimeError):
    """A GET flushed a change (raised under STRICT_READ_REQUESTS only)."""


class App(Flask):
    """Flask with the request's single commit: after the view, before the response leaves."""

    def full_dispatch_request(self):
        g.read_only_request = request.method in READ_METHODS
        return super().full_dispatch_request()

    def dispatch_request(self):
        result = super().dispatch_request()
        if request.method in READ_METHODS:
            return result
        response = self.make_response(result)
        if response.status_code < 400 or g.get("keep_on_refusal"):
            try:
                db.session.commit()
            except Exception:
                session.pop("_flashes", None)  # "saved" must not be shown for what was not
                raise
        else:
            db.session.rollback()
        return response


def keep_on_refusal() -> None:
    """Commit this request's changes even though it answers with an error status."""
    g.keep_on_refusal = True


def release() -> None:
    """End the request's transaction before slow work (a password hash) so that it holds no
    database lock meanwhile. Only allowed before the request changed anything."""
    if db.session.new or db.session.dirty or db.session.deleted:
        raise RuntimeError("release() with unsaved changes: they would be committed")
    db.session.commit()


def discard() -> None:
    """Drop what the request changed so far (before showing the stored values again)."""
    db.session.rollback()


def commits(command):
    """A CLI command's changes are committed once, when it ends without an error."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            result = command(*args, **kwargs)
        except BaseException:
            db.session.rollback()
            raise
        db.session.commit()
        return result

    return wrapper


def after_commit(callback) -> None:
    """Run `callback` once the transaction in progress is committed (e-mails, notices to other
    systems); never when it is rolled back."""
    db.session.info.setdefault("after_commit", []).append(callback)


@event.listens_for(Session, "after_commit")
def _run_after_commit(session: Session) -> None:
    for callback in session.info.pop("after_commit", []):
        callback()


@event.listens_for(Session, "after_transaction_end")
def _drop_after_rollback(session: Session, transaction) -> None:
    if transaction.parent is None:  # the outer transaction ended without a commit
        session.info.pop("after_commit", None)


def parse_version(submitted) -> int:
    """The version a form was based on; `MissingVersion` when absent or not a number."""
    if submitted is None or (isinstance(submitted, str) and not submitted.strip()):
        raise MissingVersion()
    try:
        return int(submitted)
    except (TypeError, ValueError):
        raise MissingVersion() from None


def check_version(record, submitted, message: str | None = None) -> None:
    """Refuse a change based on another version of `record` than the stored one."""
    if parse_version(submitted) != record.version:
        raise Conflict(message, version=record.version)


def fingerprint(record, fields) -> str:
    """The optimistic check of a row without a version column (an attendee, an agenda item):
    a fingerprint of its fields, carried by the form instead of a version."""
    text = "\x1f".join(str(getattr(record, name)) for name in fields)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def check_fingerprint(record, submitted, fields) -> None:
    """`check_version` for a row without a version column."""
    if not submitted:
        raise MissingVersion()
    current = fingerprint(record, fields)
    if submitted != current:
        raise Conflict(version=current)


def flush_or_conflict() -> None:
    """Flush; a concurrent writer that bumped the version first makes it a `Conflict`."""
    try:
        db.session.flush()
    except StaleDataError:
        raise Conflict() from None


# --- numbered rows ------------------------------------------------------------------------------


def insert_numbered(make_row, next_number, attempts: int, refusal: str):
    """Insert `make_row(number)` with the next free number (`next_number()`). Two writers that
    computed the same number cannot both keep it: the unique constraint refuses the second
    insert (in a savepoint, so the transaction goes on), which retries with the next number;
    after `attempts` tries, `Refusal(refusal, 409)`."""
    number = next_number()
    for _attempt in range(attempts):
        row = make_row(number)
        try:
            with db.session.begin_nested():
                db.session.add(row)
                db.session.flush()
        except IntegrityError:
            number = max(number + 1, next_number())
            continue
        return row
    raise Refusal(refusal, 409)


# --- a GET never writes -------------------------------------------------------------------------


def _in_read_request() -> bool:
    """Inside a read request the app dispatches (not a test's or a script's request context)."""
    return has_request_context() and g.get("read_only_request", False)


def _refuse_read_write(what: str) -> None:
    message = f"{request.method} {request.path} {what}: a read request must not write"
    if current_app.config.get("STRICT_READ_REQUESTS"):
        raise ReadRequestWrote(message)
    log.error(message)


@event.listens_for(Session, "before_flush")
def _read_request_flush(session: Session, _context, _instances) -> None:
    if not _in_read_request():
        return
    if session.new or session.deleted or any(session.is_modified(o) for o in session.dirty):
        _refuse_read_write("flushed a change")


@event.listens_for(Session, "do_orm_execute")
def _read_request_statement(state) -> None:
    if _in_read_request() and (state.is_update or state.is_delete or state.is_insert):
        _refuse_read_write("executed a write statement")
