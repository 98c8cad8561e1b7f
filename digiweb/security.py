"""Who may do what. Every route needs a login unless it is marked @public; role checks and
per-object checks live here so that every area applies the same rules (default deny)."""

from collections.abc import Callable
from functools import wraps
from urllib.parse import urlsplit

from flask import abort, current_app, g, redirect, request, url_for
from flask_login import current_user

from digiweb.auth.models import Role
from digiweb.extensions import db


def public(view: Callable) -> Callable:
    """Mark a view as reachable without logging in."""
    view.is_public = True
    return view


def roles_required(*roles: Role) -> Callable:
    """Allow only users with one of `roles` (403 for the others)."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return current_app.login_manager.unauthorized()
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def enforce_session_timeouts():
    """before_request hook: a session idle for 30 minutes, or older than 12 hours, ends."""
    import time

    from flask import session
    from flask_login import logout_user

    if not current_user.is_authenticated:
        return None
    if g.get("api_token_id") is not None:  # a script's token: no session to time out
        return None
    now = int(time.time())
    config = current_app.config
    started = session.setdefault("login_at", now)
    last_seen = session.get("seen", now)
    if now - last_seen > config["SESSION_IDLE_TIMEOUT"] or (
        now - started > config["SESSION_ABSOLUTE_TIMEOUT"]
    ):
        logout_user()
        lang = session.get("lang")
        session.clear()
        if lang:
            session["lang"] = lang
        session["expired"] = True
        return None
    if request.endpoint not in ("static", *PASSIVE_ENDPOINTS):
        session["seen"] = now
    return None


# Endpoints that do not count as activity (the session warning asks how long is left).
PASSIVE_ENDPOINTS = ("auth.session_status",)
# Paths whose clients are scripts: a missing login is a JSON 401, not a redirect to a page.
JSON_PATHS = ("/api/", "/session/")


def session_times() -> dict:
    """Seconds left before the idle and the absolute timeouts of the current session."""
    import time

    from flask import session

    now = int(time.time())
    config = current_app.config
    idle = config["SESSION_IDLE_TIMEOUT"] - (now - session.get("seen", now))
    absolute = config["SESSION_ABSOLUTE_TIMEOUT"] - (now - session.get("login_at", now))
    return {"idle_remaining": max(idle, 0), "absolute_remaining": max(absolute, 0)}


def require_login():
    """before_request hook: default deny for every endpoint not marked @public."""
    if request.endpoint is None or request.endpoint == "static":
        return None
    view = current_app.view_functions.get(request.endpoint)
    if view is None or getattr(view, "is_public", False):
        return None
    if not current_user.is_authenticated:
        return current_app.login_manager.unauthorized()
    return None


def department_scope(user) -> int | None:
    """The only department a user may see, or None when the user sees all of them."""
    return None if user.sees_all_departments else user.department_id


def can_see_department(user, department_id: int) -> bool:
    scope = department_scope(user)
    return scope is None or scope == department_id


def visible_or_404(model, object_id: int):
    """The department's object (a plan, a project) of that id when the current user may see
    it; 404 when it does not exist and, alike, when an officer reaches for another
    department's object (its existence stays hidden)."""
    found = db.session.get(model, object_id)
    if found is None or not can_see_department(current_user, found.department_id):
        abort(404)
    return found


def can_edit_department_plan(user, department_id: int) -> bool:
    """Officers edit their own department's plan; nobody else writes in a plan."""
    return user.role == Role.OFFICER and user.department_id == department_id


def safe_next_url(target: str | None, fallback: str = "core.home") -> str:
    """Only a local path (no scheme, no host, no '//' or backslash tricks) may be a redirect
    target after login."""
    if target:
        parts = urlsplit(target)
        if (
            not parts.scheme
            and not parts.netloc
            and target.startswith("/")
            and not target.startswith("//")
            and "\\" not in target
        ):
            return target
    return url_for(fallback)


def client_address() -> str:
    """The client's IP address (behind TRUSTED_PROXY_COUNT reverse proxies, ProxyFix in
    create_app has already put the address the nearest trusted proxy saw in remote_addr)."""
    return request.remote_addr or "unknown"


def rate_limit_key() -> str:
    """Flask-Limiter's key: the user when logged in (PDFs: each user their own budget, even
    behind one proxy), else the client's address (the login form)."""
    if current_user and getattr(current_user, "is_authenticated", False):
        return f"user:{current_user.id}"
    return client_address_key()


def client_address_key() -> str:
    """Flask-Limiter's key for limits per IP address whoever is logged in (the login form)."""
    return f"ip:{client_address()}"


def configured_limit(name: str) -> Callable[[], str]:
    """A limit read from the configuration at request time (tests can make it tiny)."""
    return lambda: current_app.config[name]


def redirect_to_login():
    from flask import jsonify
    from flask_babel import gettext as _

    from digiweb.htmx import is_htmx

    if request.path.startswith(JSON_PATHS):
        from digiweb.api.bearer import token_refusal_response

        if (refused := token_refusal_response()) is not None:
            return refused  # a wrong, expired or revoked API token
        message = _("Your session has ended or you are not logged in. Please log in.")
        return jsonify(error=message, status=401), 401
    login = url_for("auth.login", next=request.full_path if request.method == "GET" else None)
    if is_htmx():
        response = current_app.response_class("", 401)
        response.headers["HX-Redirect"] = login
        return response
    return redirect(login)


SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
        "form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def add_security_headers(response):
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if current_app.config.get("SESSION_COOKIE_SECURE"):
        response.headers.setdefault(
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains"
        )
    if current_user and getattr(current_user, "is_authenticated", False):
        response.headers.setdefault("Cache-Control", "no-store")
    return response
