"""digiweb: the digitization action plans of the ministerial departments."""

import importlib
import logging

from flask import jsonify, render_template, request, session
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, SecurityError
from werkzeug.middleware.proxy_fix import ProxyFix

import config as config_module
from digiweb import errors, i18n, integrity, numbers, static_files, templating
from digiweb.auth.account_routes import require_own_password
from digiweb.extensions import babel, csrf, db, limiter, login_manager, migrate
from digiweb.htmx import add_vary_header, is_htmx, refresh_response
from digiweb.security import (
    add_security_headers,
    enforce_session_timeouts,
    redirect_to_login,
    require_login,
)
from digiweb.transaction import App

# Every area is a blueprint package with `bp` in its __init__.py.
BLUEPRINTS = (
    "core",
    "auth",
    "admin",
    "campaigns",
    "plans",
    "review",
    "notifications",
    "projects",
    "documents",
    "dashboard",
    "meetings",
    "reports",
    "api",
    "jobs",
)

ERROR_CODES = (400, 403, 404, 405, 413, 422, 429, 500, 503)


def create_app(test_config=None) -> App:
    app = App(__name__, instance_path=str(config_module.INSTANCE_DIR))
    app.config.from_object(config_module.config_from_environment())
    if test_config is not None:
        if isinstance(test_config, dict):
            app.config.from_object(config_module.TestConfig)
            app.config.update(test_config)
        else:
            app.config.from_object(test_config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = config_module._secret_key()
    if app.config.get("REQUIRE_BASE_URL") and not app.config.get("BASE_URL"):
        raise RuntimeError(
            "BASE_URL must be set in production (e.g. https://digiweb.example.dz): e-mail "
            "links are made from it and requests for other hosts are refused"
        )
    if proxies := int(app.config.get("TRUSTED_PROXY_COUNT") or 0):
        # Behind reverse proxies: the client's address, the scheme and the host as the nearest
        # proxy received them (X-Forwarded-For/-Proto/-Host); see docs/deployment.md.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=1, x_host=1)

    static_files.init_app(app)  # first: its compression must run after every other hook
    numbers.init_app(app)  # before the blueprints: their <int:…> rules use it
    _init_extensions(app)
    i18n.init_app(app)
    templating.init_app(app)
    for name in BLUEPRINTS:
        module = importlib.import_module(f"digiweb.{name}")
        app.register_blueprint(module.bp)
    importlib.import_module("digiweb.api.bearer").init_app(app)  # API tokens on /api/
    _init_request_hooks(app)
    _init_error_handlers(app)
    errors.init_app(app)
    integrity.init_app(app)
    _init_cli(app)
    logging.getLogger("fontTools").setLevel(logging.WARNING)
    return app


def _init_extensions(app: App) -> None:
    from digiweb import models  # noqa: F401 - registers every table
    from digiweb.database import configure_engine

    db.init_app(app)
    with app.app_context():
        for engine in db.engines.values():
            configure_engine(engine)
    migrate.init_app(app, db, directory=str(config_module.BASE_DIR / "migrations"))
    csrf.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale)
    limiter.init_app(app)

    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.session_protection = "strong"
    login_manager.unauthorized_handler(redirect_to_login)

    @login_manager.user_loader
    def load_user(cookie_id: str):
        from digiweb.auth.models import User

        user_id, _, token = cookie_id.partition(":")
        if not user_id.isdigit() or not token:
            return None
        user = db.session.get(User, int(user_id))
        if user is None or not user.active or user.session_token != token:
            return None
        return user


def _init_request_hooks(app: App) -> None:
    @app.before_request
    def remember_language():
        """`?lang=` switches the session's language. It never writes the account's stored
        preference (a read request never writes): logging in does, with the language chosen."""
        lang = i18n.requested_language()
        if lang is not None:
            session["lang"] = lang
        return None

    app.before_request(enforce_session_timeouts)
    app.before_request(require_login)
    app.before_request(require_own_password)  # a password an admin chose is changed first
    app.after_request(add_vary_header)
    app.after_request(add_security_headers)
    static_files.init_request_hook(app)  # last registered, so first run: before the headers


def _error_page(code: int, message: str | None = None):
    template = "errors/_error.html" if is_htmx() else "errors/error.html"
    return render_template(template, code=code, message=message), code


def _init_error_handlers(app: App) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error):
        if is_htmx():
            return refresh_response(400)
        return _error_page(400, _("The form had expired. Please reload the page and try again."))

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if isinstance(error, SecurityError):  # a Host outside TRUSTED_HOSTS: no URL to build
            return "Bad Request: unknown host\n", 400, {"Content-Type": "text/plain"}
        if request.path.startswith("/api/"):
            return jsonify(error=error.name, status=error.code), error.code
        if error.code not in ERROR_CODES:
            return error
        return _error_page(error.code)

    @app.errorhandler(Exception)
    def server_error(error: Exception):
        app.logger.exception("unhandled error on %s %s", request.method, request.path)
        db.session.rollback()
        if request.path.startswith("/api/"):
            return jsonify(error="Internal Server Error", status=500), 500
        return _error_page(500)


def _init_cli(app: App) -> None:
    from digiweb.cli import register_commands

    register_commands(app)
