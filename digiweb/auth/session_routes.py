"""The session warning's two endpoints (used by static/js/session.js).

`GET /session/status` tells how long the session has left without counting as activity
(`PASSIVE_ENDPOINTS` in digiweb.security), so that a tab left open asks before warning while the
user works in another tab. `POST /session/extend` ("Stay signed in", CSRF checked like every
POST) is a request like any other: the before_request hook has already renewed the idle time;
the absolute limit is never moved. Without a login both answer a JSON 401 (`JSON_PATHS`).
"""

from flask import jsonify, redirect, request

from digiweb.auth import bp
from digiweb.security import safe_next_url, session_times


@bp.get("/session/status")
def session_status():
    return jsonify(session_times())


@bp.post("/session/extend")
def session_extend():
    if request.accept_mimetypes.best == "application/json" or request.is_json:
        return jsonify(session_times())
    # a plain form post (no script): back to where the user was
    return redirect(safe_next_url(request.form.get("next")))


@bp.app_context_processor
def session_warning_context():
    """`session_times()` for the session dialog included by base.html."""
    return {"session_times": session_times}
