"""The one error vocabulary of every area, and the one place that turns it into an answer.

Services raise:
- `Refusal`: a rule refused the operation. Its message is already translated; `status` is the
  HTTP answer (403 not allowed, 404 gone, 409 wrong state, 422 invalid input), `field` the form
  field the message belongs next to, `details` an optional list the page shows under it.
- `Conflict` (409): the record changed since the user loaded it; nothing was written. It carries
  the version now stored, so that the form shown again can be sent deliberately.
- `MissingVersion` (400): a change request came without the version it was based on.

A route that shows a form again calls `attach(form, error)` and renders the form with the
returned status (and, for a conflict, `compare(mine, current)` for the side-by-side table).
Anything a route does not catch is answered by `refusal_response()`: JSON under /api/, an htmx
reload that shows the message, or the error page. Areas never define their own copies.
"""

from __future__ import annotations

from flask import Flask, flash, jsonify, make_response, render_template, request
from flask_babel import gettext as _
from sqlalchemy.orm.exc import StaleDataError

from digiweb.htmx import is_htmx


class Refusal(Exception):
    """A rule refused the operation; nothing was written."""

    status = 422

    def __init__(
        self,
        message: str,
        status: int | None = None,
        *,
        field: str | None = None,
        details: list | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.field = field
        self.details = list(details or ())
        if status is not None:
            self.status = status


class Conflict(Refusal):
    """The record changed after the user opened it: nothing was overwritten."""

    status = 409

    def __init__(self, message: str | None = None, *, version=None, field: str | None = None):
        super().__init__(
            message
            or _(
                "Someone else saved this record after you opened it. Nothing was overwritten: "
                "compare the current values with yours, then save again if yours should win."
            ),
            field=field,
        )
        self.version = version


class MissingVersion(Refusal):
    """A change without the version it was based on cannot be checked against other edits."""

    status = 400

    def __init__(self):
        super().__init__(
            _(
                "This request did not say which version of the record it changes, so it was "
                "refused. Reload the page and try again."
            )
        )


def attach(form, error: Refusal) -> int:
    """Put the message next to its field (or at the top of the form); the status to answer."""
    fields = getattr(form, "_fields", {})
    if error.field and error.field in fields:
        field = fields[error.field]
        field.errors = [*field.errors, error.message]
    else:
        form.form_errors.append(error.message)
    if isinstance(error, Conflict) and error.version is not None and "version" in fields:
        fields["version"].data = str(error.version)
    return error.status


def _shown(field) -> str:
    """A form field's value as the user reads it (choice labels, not codes)."""
    data = field.data
    choices = getattr(field, "choices", None)
    if choices:
        labels = {str(value): str(label) for value, label, *_rest in _iter_choices(field)}
        if isinstance(data, list | tuple | set):
            return "، ".join(labels.get(str(v), str(v)) for v in data) if data else "—"
        return labels.get(str(data), "—" if data in (None, "") else str(data))
    if data is None or data == "":
        return "—"
    return str(data)


def _iter_choices(field):
    for choice in field.iter_choices():
        yield choice[0], choice[1]


def compare(mine, current, hidden=("version", "csrf_token", "submit")) -> list[dict]:
    """The rows of a conflict: each field's stored value next to the one the user entered."""
    rows = []
    for name, field in mine._fields.items():
        if name in hidden or field.type in ("HiddenField", "CSRFTokenField", "SubmitField"):
            continue
        stored, entered = _shown(current[name]), _shown(field)
        rows.append(
            {
                "name": name,
                "label": field.label.text,
                "current": stored,
                "mine": entered,
                "differs": stored != entered,
            }
        )
    return rows


def refusal_response(error: Refusal):
    """The answer to a refusal nobody turned into a form: JSON, an htmx reload, or a page."""
    if request.path.startswith("/api/"):
        body = {"error": error.message, "status": error.status}
        if error.field:
            body["field"] = error.field
        return jsonify(body), error.status
    if is_htmx():
        flash(error.message, "error")
        response = make_response("", error.status)
        response.headers["HX-Refresh"] = "true"
        return response
    page = render_template(
        "errors/error.html", code=error.status, message=error.message, details=error.details
    )
    return make_response(page, error.status)


def _concurrent_change(_error: StaleDataError):
    """Two writers of one row at the same moment, found at a flush or at the commit."""
    return refusal_response(Conflict())


def init_app(app: Flask) -> None:
    app.register_error_handler(Refusal, refusal_response)
    app.register_error_handler(StaleDataError, _concurrent_change)
