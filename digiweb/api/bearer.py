"""`Authorization: Bearer <token>` on /api/: a personal token (digiweb.auth.tokens) logs its
owner in for that one request, with exactly the rights of the owner's session.

- Only under /api/ (elsewhere the header is ignored: the pages stay for browsers).
- Flask-Login's request loader: it is asked only when the request has no session login, so a
  browser's session is unchanged. The request leaves no session behind (no cookie is set and
  the session timeouts are not counted: digiweb.security.enforce_session_timeouts).
- Read-only: a request with a token and another method than GET/HEAD/OPTIONS is refused (403,
  401 for a bad token) before anything else runs, CSRF check included. A token request that
  only reads needs no CSRF token, like any GET.
- A wrong, expired or revoked token, or one whose account is deactivated, is a 401 JSON answer
  with `WWW-Authenticate: Bearer error="invalid_token"`.
- Rate-limited per token (RATELIMIT_API_TOKEN, one budget across every /api/ endpoint, kept in
  the limiter's store, Redis in production); each use is counted there and logged (logger
  `digiweb.api.tokens`), never written to the database: a GET does not write.
"""

from __future__ import annotations

import logging

from flask import Flask, g, jsonify, request, session
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from digiweb.auth.tokens import ApiToken, hash_token, rate_key, token_for
from digiweb.extensions import limiter, login_manager
from digiweb.security import configured_limit
from digiweb.transaction import READ_METHODS

log = logging.getLogger("digiweb.api.tokens")

SCOPE = "api-token"  # the limiter's bucket: one per token, shared by every /api/ endpoint


def presented_token() -> str | None:
    """The token of an /api/ request's `Authorization: Bearer` header ("" when the header
    names the scheme without a token), None without one."""
    if not request.path.startswith("/api/"):
        return None
    scheme, _sep, value = request.headers.get("Authorization", "").strip().partition(" ")
    if scheme.lower() != "bearer":
        return None
    return value.strip()


PROBLEMS = {
    "invalid": _l("This API token is not valid."),
    "revoked": _l("This API token has been revoked."),
    "deactivated": _l("The account of this API token is deactivated."),
    "expired": _l("This API token has expired."),
}


def _problem(token: ApiToken | None) -> str | None:
    """Why `token` cannot be used (a key of PROBLEMS), None when it can. Never translated
    here: the language of the answer may depend on the user being loaded (select_locale)."""
    if token is None:
        return "invalid"
    if token.revoked_at is not None:
        return "revoked"
    if not token.is_usable():
        return "expired" if token.user.active else "deactivated"
    return None


def _load_user_from_token(_request):
    """Flask-Login's request loader (called only when the session has no login)."""
    raw = presented_token()
    if raw is None:
        return None
    token = token_for(raw)
    problem = _problem(token)
    if problem is not None:
        g.token_refusal = problem
        log.info("refused API token (%s) on %s %s", problem, request.method, request.path)
        return None
    g.api_token_id = token.id
    log.info(
        "API token %s of %s used: %s %s",
        token.id,
        token.user.username,
        request.method,
        request.full_path.rstrip("?"),
    )
    return token.user


def token_refusal_response():
    """The 401 of a request whose token cannot be used (None when it presented none)."""
    problem = g.get("token_refusal")
    if problem is None:
        return None
    response = jsonify(error=str(PROBLEMS[problem]), status=401)
    response.status_code = 401
    response.headers["WWW-Authenticate"] = 'Bearer error="invalid_token"'
    return response


def _bearer_first():
    """The first before_request of a request with a token: a token never changes anything,
    and its owner is loaded now, before any hook puts something in the session (`?lang=`):
    Flask-Login's session protection would otherwise take the request for a stolen session
    and not ask the request loader."""
    raw = presented_token()
    if raw is None:
        return None
    if request.method not in READ_METHODS:
        problem = _problem(token_for(raw))
        if problem is not None:
            g.token_refusal = problem
            return token_refusal_response()
        message = _("API tokens are read-only: they can only read (GET).")
        return jsonify(error=message, status=403), 403
    current_user.is_authenticated  # noqa: B018 - Flask-Login loads the user (the loader above)
    return None


def _no_session_for_tokens(response):
    """A token request leaves no cookie behind (its `?lang=` applies to this request only)."""
    if presented_token() is not None:
        session.modified = False
    return response


def _token_rate_key() -> str:
    return rate_key(hash_token(presented_token() or ""))


def uses_in_window(token: ApiToken) -> int | None:
    """How many requests the token made in the current window of the longest limit of
    RATELIMIT_API_TOKEN, a day by default (None when the limiter is off or its store cannot be
    read)."""
    from flask import current_app
    from limits import parse_many

    if not limiter.enabled:
        return None
    try:
        items = parse_many(current_app.config["RATELIMIT_API_TOKEN"])
        item = max(items, key=lambda limit: limit.get_expiry())
        prefix = current_app.config.get("RATELIMIT_KEY_PREFIX", "")
        args = [prefix, token.rate_key, SCOPE] if prefix else [token.rate_key, SCOPE]
        _reset, remaining = limiter.limiter.get_window_stats(item, *args)
    except Exception:  # the store is down: the page still opens
        log.warning("could not read the API token's use from the limiter's store")
        return None
    return item.amount - remaining


def init_app(app: Flask) -> None:
    login_manager.request_loader(_load_user_from_token)
    app.before_request_funcs.setdefault(None, []).insert(0, _bearer_first)
    app.after_request(_no_session_for_tokens)


def limit_blueprint(bp) -> None:
    """Every route of the API blueprint counts against the token's budget."""
    limiter.shared_limit(
        configured_limit("RATELIMIT_API_TOKEN"),
        scope=SCOPE,
        key_func=_token_rate_key,
        exempt_when=lambda: presented_token() is None,
        override_defaults=False,
    )(bp)
