"""Jinja globals used by every template."""

from urllib.parse import urlencode

from flask import request
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from digiweb.forms import DATE_PATTERN
from digiweb.navigation import nav_for

ERROR_TITLES = {
    400: _l("Bad request"),
    403: _l("Access denied"),
    404: _l("Page not found"),
    405: _l("Method not allowed"),
    409: _l("Conflict"),
    413: _l("Too large"),
    422: _l("Invalid input"),
    429: _l("Too many requests"),
    500: _l("Server error"),
    503: _l("Service unavailable"),
}
ERROR_TEXTS = {
    400: _l("The request could not be understood."),
    403: _l("You do not have the right to open this page."),
    404: _l("The page or record you asked for does not exist."),
    405: _l("This action is not available here."),
    409: _l("Someone else changed this record in the meantime."),
    413: _l("The file or form sent is too large."),
    422: _l("Some of the data entered is not valid."),
    429: _l("Too many requests in a short time. Please wait a moment and try again."),
    500: _l("An unexpected error occurred. It has been recorded; please try again later."),
    503: _l("The service is temporarily unavailable. Please try again in a moment."),
}


def query_with(**changes) -> str:
    """The current query string with some parameters replaced (None removes one)."""
    args = request.args.to_dict(flat=False)
    for key, value in changes.items():
        if value is None or value == "":
            args.pop(key, None)
        else:
            args[key] = [value]
    return urlencode(args, doseq=True)


def field_attrs(field, direction=None, hint=None) -> dict:
    attrs = {}
    if direction:
        attrs["dir"] = direction
    if field.errors:
        attrs["aria-invalid"] = "true"
        attrs["aria-describedby"] = f"{field.id}-error"
    elif hint:
        attrs["aria-describedby"] = f"{field.id}-hint"
    return attrs


def init_app(app) -> None:
    app.jinja_env.globals.update(
        query_with=query_with,
        date_pattern=DATE_PATTERN,
        field_attrs=field_attrs,
        nav_items=lambda: nav_for(current_user),
        error_title=lambda code: ERROR_TITLES.get(code, ""),
        error_text=lambda code: ERROR_TEXTS.get(code, ""),
    )
