"""No lost data: database failures answer 503 with the user's input, and a form is saved once.

- A database that fails (``OperationalError``, a dropped connection) rolls the request back and
  answers 503: a GET gets the translated error page; a form post gets a page (or, over htmx, a
  fragment) holding a form that posts every submitted value again to the same URL, with a fresh
  CSRF token. Nothing the user typed is lost and nothing was half-written.
- Create forms carry a one-time token (``submit_once()`` in the template). The token is written
  in ``form_submissions`` (primary key: the token) in the same transaction as the record it
  creates, just before the commit. A second post of the same form (double click, a resent POST,
  "Send again" after a commit whose answer was lost) finds the token taken, writes nothing and
  answers with the first result (a redirect to it, or "already saved").
"""

from __future__ import annotations

import logging
import re
import secrets
from datetime import timedelta

import sqlalchemy as sa
from flask import (
    Flask,
    flash,
    g,
    has_request_context,
    jsonify,
    make_response,
    redirect,
    render_template,
    request,
)
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import event
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.orm import Mapped, Session, mapped_column

from digiweb.db_types import UTCDateTime, utcnow
from digiweb.extensions import db
from digiweb.htmx import is_htmx

log = logging.getLogger(__name__)

TOKEN_FIELD = "_submission"  # noqa: S105 - a field name, not a secret
TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
KEEP_SUBMISSIONS = timedelta(days=30)
READ_METHODS = {"GET", "HEAD", "OPTIONS"}
# Submitted fields the user never sees (carried as hidden inputs by the "send again" form).
HIDDEN_FIELDS = re.compile(r"(^|-)(version|csrf_token|next)$|^" + TOKEN_FIELD + "$")


class FormSubmission(db.Model):
    """A create form that has been saved: its one-time token and where its result is."""

    __tablename__ = "form_submissions"

    token: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    user_id: Mapped[int | None] = mapped_column(sa.Integer)
    path: Mapped[str] = mapped_column(sa.String(500))
    location: Mapped[str | None] = mapped_column(sa.String(500))
    created_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow, index=True)


# --- one-time form tokens ------------------------------------------------------------------


def submit_once() -> Markup:
    """The hidden one-time token of a create form (a new value at every rendering)."""
    token = secrets.token_urlsafe(24)
    # Both parts are ours (a constant and URL-safe base64): nothing to escape.
    return Markup(f'<input type="hidden" name="{TOKEN_FIELD}" value="{token}">')  # noqa: S704


def _submitted_token() -> str | None:
    if request.method in READ_METHODS:
        return None
    token = request.form.get(TOKEN_FIELD, "")
    return token if TOKEN_PATTERN.match(token) else None


def _check_submission():
    """before_request: a token already saved means this form was saved before."""
    token = _submitted_token()
    if token is None:
        return None
    g.submission_token = token
    if db.session.get(FormSubmission, token) is not None:
        return already_saved(token)
    return None


@event.listens_for(Session, "before_commit", insert=True)
def _consume_token(session: Session) -> None:
    """Write the request's token in the transaction that saves what the form created."""
    if not has_request_context() or session.in_nested_transaction():
        return
    token = g.get("submission_token")
    if token is None or g.get("submission_pending"):
        return
    if not (session.new or session.dirty or session.deleted or g.get("submission_wrote")):
        return
    user_id = current_user.get_id() if current_user and current_user.is_authenticated else None
    session.add(
        FormSubmission(
            token=token,
            user_id=int(user_id.partition(":")[0]) if user_id else None,
            path=request.path[:500],
        )
    )
    g.submission_pending = True
    session.flush()


@event.listens_for(Session, "after_flush")
def _request_wrote(session: Session, _flush_context) -> None:
    if has_request_context() and g.get("submission_token") is not None:
        g.submission_wrote = True


@event.listens_for(Session, "after_commit")
def _token_saved(session: Session) -> None:
    if has_request_context() and g.get("submission_pending"):
        g.submission_saved = True


@event.listens_for(Session, "after_rollback")
def _token_dropped(session: Session) -> None:
    if has_request_context() and not g.get("submission_saved"):
        g.submission_pending = g.submission_wrote = False


def _remember_result(response):
    """after_request: keep where the saved form led, so that a second post is sent there too."""
    token = g.get("submission_token")
    if not g.get("submission_saved") or token is None:
        return response
    location = response.headers.get("Location") if response.status_code in (302, 303) else None
    if location:
        try:
            db.session.execute(
                sa.update(FormSubmission)
                .where(FormSubmission.token == token)
                .values(location=location[:500])
            )
            if secrets.randbelow(100) == 0:
                db.session.execute(
                    sa.delete(FormSubmission).where(
                        FormSubmission.created_at < utcnow() - KEEP_SUBMISSIONS
                    )
                )
            db.session.commit()
        except DBAPIError:
            db.session.rollback()
            log.warning("could not remember where submission %s led", token[:8])
    return response


def is_duplicate_submission(error: IntegrityError) -> bool:
    statement = (error.statement or "").lstrip().upper()
    return statement.startswith("INSERT INTO FORM_SUBMISSIONS") or "form_submissions" in str(
        error.orig
    )


def already_saved(token: str):
    """The answer to a form saved before: its result, never a second record."""
    db.session.rollback()
    first = db.session.get(FormSubmission, token)
    location = first.location if first is not None else None
    message = _("This form had already been saved: it was not saved a second time.")
    if request.path.startswith("/api/"):
        return jsonify(error=message, status=409), 409
    if is_htmx():
        flash(message, "info")
        response = make_response("", 409)
        if location:
            response.headers["HX-Location"] = location
        else:
            response.headers["HX-Refresh"] = "true"
        return response
    if location:
        flash(message, "info")
        return redirect(location, 303)
    back = request.referrer if (request.referrer or "").startswith(request.host_url) else None
    page = render_template("errors/already_saved.html", message=message, back=back)
    return make_response(page, 409)


# --- database failures -----------------------------------------------------------------------


def is_database_unavailable(error: Exception) -> bool:
    if isinstance(error, OperationalError | InterfaceError):
        return True
    return isinstance(error, DBAPIError) and bool(error.connection_invalidated)


def _submitted_values() -> list[tuple[str, str, str]]:
    """Every submitted value as (name, value, kind), in the order of the form; kind is
    'hidden' (the user never saw it), 'password' (shown masked) or 'text'."""
    values = []
    for name, value in request.form.items(multi=True):
        if name == "csrf_token":
            continue
        if HIDDEN_FIELDS.search(name):
            kind = "hidden"
        elif "password" in name:
            kind = "password"
        else:
            kind = "text"
        values.append((name, value, kind))
    return values


def _field_label(name: str) -> str:
    from digiweb.plans.services import FIELD_LABELS

    short = name.rsplit("-", 1)[-1]
    label = FIELD_LABELS.get(short)
    return str(label) if label is not None else short


def database_unavailable(error: Exception):
    """503: nothing was saved; the user's input comes back in a form that sends it again."""
    log.warning("database unavailable on %s %s: %s", request.method, request.path, error)
    try:
        db.session.rollback()
    except DBAPIError:
        db.session.remove()
    message = _(
        "The database is not available at the moment: nothing was saved. Your input is kept "
        "below; send it again in a moment."
    )
    if request.path.startswith("/api/"):
        response = jsonify(error="Service Unavailable", status=503)
    elif request.method in READ_METHODS:
        response = _render_fallback(
            "errors/_error.html" if is_htmx() else "errors/error.html",
            code=503,
            message=None,
        )
    else:
        response = _render_fallback(
            "errors/_unavailable.html" if is_htmx() else "errors/unavailable.html",
            code=503,
            message=message,
            action=request.path
            + (f"?{request.query_string.decode()}" if request.query_string else ""),
            values=_submitted_values(),
            field_label=_field_label,
        )
    response = make_response(response)
    response.status_code = 503
    response.headers["Retry-After"] = "5"
    return response


def _render_fallback(template: str, **context):
    """The page with the site's layout; without it when the layout itself needs the database."""
    try:
        return render_template(template, **context)
    except Exception:  # the layout reads the database (user, notifications): go without it
        log.warning("rendering %s without the layout", template, exc_info=True)
        db.session.remove()
        bare = "errors/unavailable_bare.html"
        return render_template(bare, **context)


def _server_error(kind: str):
    """A database error nobody handles: logged, rolled back, a 500 (JSON under /api/)."""
    from digiweb import _error_page

    log.exception("unhandled %s on %s %s", kind, request.method, request.path)
    db.session.rollback()
    if request.path.startswith("/api/"):
        return jsonify(error="Internal Server Error", status=500), 500
    return _error_page(500)


def _integrity_error(error: IntegrityError):
    token = g.get("submission_token")
    if token is not None and is_duplicate_submission(error):
        return already_saved(token)
    return _server_error("integrity error")


def _dbapi_error(error: DBAPIError):
    if is_database_unavailable(error):
        return database_unavailable(error)
    return _server_error("database error")


def init_app(app: Flask) -> None:
    app.jinja_env.globals["submit_once"] = submit_once
    app.before_request(_check_submission)
    app.after_request(_remember_result)
    app.register_error_handler(OperationalError, database_unavailable)
    app.register_error_handler(InterfaceError, database_unavailable)
    app.register_error_handler(IntegrityError, _integrity_error)
    app.register_error_handler(DBAPIError, _dbapi_error)
