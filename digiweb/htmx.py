"""The few htmx helpers: one URL answers a full page, or a fragment to an htmx request."""

from flask import make_response, render_template, request


def is_htmx() -> bool:
    """An htmx request that wants a fragment (a history restore wants the full page)."""
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


def render(page: str, fragment: str, status: int = 200, **context):
    """Render `fragment` for htmx requests, else the `page` (which includes the fragment)."""
    template = fragment if is_htmx() else page
    return make_response(render_template(template, **context), status)


def refresh_response(status: int = 200):
    """Ask htmx to reload the whole page (after a language change or an expired token)."""
    response = make_response("", status)
    response.headers["HX-Refresh"] = "true"
    return response


def add_vary_header(response):
    response.vary.add("HX-Request")
    return response
