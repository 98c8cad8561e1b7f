"""Fixtures shared by the whole suite.

Each test gets a fresh database: on SQLite an in-memory copy of a template built once per run
(empty schema, or schema plus the demo data); on PostgreSQL (TEST_DATABASE_URL) a database
created for the run, emptied after each test and dropped at the end.
"""

import os
import shutil
import uuid

import pytest
from flask.testing import FlaskClient
from itsdangerous import URLSafeTimedSerializer
from sqlalchemy import create_engine, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from digiweb import create_app
from digiweb.extensions import db

DEMO_PASSWORD = "digiweb-demo"
POSTGRES_URL = os.environ.get("TEST_DATABASE_URL", "")
ON_POSTGRES = POSTGRES_URL.startswith("postgresql")


# --- password checks -------------------------------------------------------------------------


def _memoise_password_checks() -> None:
    """scrypt, werkzeug's default, costs about 0.1 s of CPU per check by design, and the suite
    logs the same accounts in (same stored hash, same password) well over a thousand times.
    The check is a pure function of (hash, password): its result is memoised for the run. The
    first check of each pair is a real one and a wrong password still fails; hashing a new
    password (password changes, new accounts) is not affected."""
    from functools import lru_cache

    import werkzeug.security

    from digiweb.auth import models as auth_models
    from digiweb.auth import services as auth_services

    memoised = lru_cache(maxsize=1024)(werkzeug.security.check_password_hash)
    # Modules that import the function by name, now and later.
    for module in (werkzeug.security, auth_models, auth_services):
        if hasattr(module, "check_password_hash"):
            module.check_password_hash = memoised


_memoise_password_checks()


# --- order -----------------------------------------------------------------------------------


def pytest_collection_modifyitems(config, items):
    """Tests marked `slow` run first: under xdist a long test then overlaps the many short ones
    instead of keeping one worker busy alone at the end of the run. (The sort is stable, so
    every worker still collects the same order.)"""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


# --- databases -------------------------------------------------------------------------------


SNAPSHOT_SCHEMA = "digiweb_demo_snapshot"


@pytest.fixture(scope="session")
def postgres_database():
    """A database of our own for this run (and this xdist worker), dropped at the end.

    Its tables are empty between tests (see _empty_postgres)."""
    if not ON_POSTGRES:
        yield None
        return
    admin_url = make_url(POSTGRES_URL)
    name = f"digiweb_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin_url.set(database=name).render_as_string(hide_password=False)
    app = create_app({"SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        db.create_all()
        db.engine.dispose()
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def postgres_demo_snapshot(postgres_database):
    """The demo data, loaded once per run into the (empty) database, copied into the schema
    SNAPSHOT_SCHEMA with the sequences' values, and the tables emptied again: each demo test
    then copies the snapshot back (~0.1 s) instead of loading the demo through the ORM (~3 s)."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": postgres_database})
    _load_demo(app)
    with app.app_context():
        _snapshot_demo()
    _empty_postgres(app)
    return SNAPSHOT_SCHEMA


def _tables() -> list[str]:
    return [table.name for table in db.metadata.sorted_tables]


def _snapshot_demo() -> None:
    """Copy every table, and the sequences' current values, into SNAPSHOT_SCHEMA."""
    with db.engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{SNAPSHOT_SCHEMA}"'))
        for name in _tables():
            conn.execute(
                text(f'CREATE TABLE "{SNAPSHOT_SCHEMA}"."{name}" AS TABLE public."{name}"')
            )
        conn.execute(
            text(
                f'CREATE TABLE "{SNAPSHOT_SCHEMA}".sequences AS '
                "SELECT sequencename AS name, last_value FROM pg_sequences "
                "WHERE schemaname = 'public' AND last_value IS NOT NULL"
            )
        )
    db.engine.dispose()


def _restore_demo(app) -> None:
    """Put the demo data back into the (empty) tables, as load_demo() left them."""
    with app.app_context():
        with db.engine.begin() as conn:
            for table in db.metadata.sorted_tables:
                columns = ", ".join(f'"{c.name}"' for c in table.columns if c.computed is None)
                conn.execute(
                    text(
                        f'INSERT INTO public."{table.name}" ({columns}) OVERRIDING SYSTEM VALUE '
                        f'SELECT {columns} FROM "{SNAPSHOT_SCHEMA}"."{table.name}"'
                    )
                )
            conn.execute(
                text(
                    "SELECT setval(format('public.%I', name)::regclass, last_value, true) "
                    f'FROM "{SNAPSHOT_SCHEMA}".sequences'
                )
            )
        db.engine.dispose()


def _empty_postgres(app) -> None:
    """Empty every table and restart every sequence, as a fresh database would be.

    DELETE, children first, in one transaction: on tables of a few hundred rows it takes
    milliseconds where TRUNCATE (new files for each of the tables) takes most of a second.
    TRUNCATE ... CASCADE remains the fallback if a foreign key stands in the way.

    The audit log's triggers refuse DELETE and TRUNCATE (digiweb/audit/schema.py): the emptier
    runs as a replica (`session_replication_role`, the test URL's user is a superuser), which
    fires no ordinary trigger, for this transaction only. The triggers stay as they are."""
    with app.app_context():
        db.session.remove()
        try:
            with db.engine.begin() as conn:
                conn.execute(text(_AS_REPLICA))
                for name in reversed(_tables()):
                    conn.execute(text(f'DELETE FROM public."{name}"'))
                conn.execute(text(_RESTART_SEQUENCES))
        except sa_exc.DBAPIError:
            tables = ", ".join(f'public."{name}"' for name in _tables())
            with db.engine.begin() as conn:
                conn.execute(text(_AS_REPLICA))
                conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        db.engine.dispose()


_AS_REPLICA = "SET LOCAL session_replication_role = replica"
_RESTART_SEQUENCES = (
    "SELECT setval(format('public.%I', sequencename)::regclass, 1, false) "
    "FROM pg_sequences WHERE schemaname = 'public'"
)


def _load_demo(app):
    from digiweb.demo.services import load_demo

    with app.app_context():
        load_demo()


def _build_sqlite_template(folder, name: str):
    path = folder / f"{name}.db"
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})
    with app.app_context():
        db.create_all()
    if name == "demo":
        _load_demo(app)
    with app.app_context():
        db.engine.dispose()
    return path


@pytest.fixture(scope="session")
def sqlite_empty_template(tmp_path_factory):
    """The empty schema, built once per run and copied into memory for each test."""
    return _build_sqlite_template(tmp_path_factory.mktemp("templates"), "empty")


@pytest.fixture(scope="session")
def sqlite_demo_template(tmp_path_factory):
    """The schema with the demo data, built once per run."""
    return _build_sqlite_template(tmp_path_factory.mktemp("templates"), "demo")


def _truncate_all(app):
    """Empty the PostgreSQL test database after a test (kept under its old name)."""
    _empty_postgres(app)


def _make_app(request, template: str, extra_config: dict | None = None):
    config = dict(extra_config or {})
    if ON_POSTGRES:
        url = request.getfixturevalue("postgres_database")
        config["SQLALCHEMY_DATABASE_URI"] = url
        app = create_app(config)
        request.addfinalizer(lambda: _truncate_all(app))
        if template == "demo":
            request.getfixturevalue("postgres_demo_snapshot")
            _restore_demo(app)
        return app
    template_path = request.getfixturevalue(f"sqlite_{template}_template")
    if "SQLALCHEMY_DATABASE_URI" not in config:
        path = request.getfixturevalue("tmp_path") / "digiweb.db"
        shutil.copyfile(template_path, path)
        config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{path}"
    app = create_app(config)
    request.addfinalizer(lambda: _dispose(app))
    return app


def _dispose(app):
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def app(request):
    """An app on an empty, fully migrated-equivalent schema."""
    app = _make_app(request, "empty")
    with app.app_context():
        yield app
        db.session.remove()


@pytest.fixture
def demo_app(request):
    """An app whose database holds the demo data of the seed."""
    app = _make_app(request, "demo")
    with app.app_context():
        yield app
        db.session.remove()


# --- clients ---------------------------------------------------------------------------------


class IsolatedClient(FlaskClient):
    """Each request runs in a fresh app context, as in production (no `g` shared with the
    test). What the test set up is committed first, so the request sees it, and the test's
    objects are reloaded afterwards."""

    def open(self, *args, **kwargs):
        db.session.commit()
        with self.application.app_context():
            return super().open(*args, **kwargs)


class CSRFClient(IsolatedClient):
    """A test client that sends a valid CSRF token with every state-changing request, as the
    browser does through the form field or the htmx header."""

    def open(self, *args, **kwargs):
        method = kwargs.get("method", "GET").upper()
        if method not in ("GET", "HEAD", "OPTIONS"):
            headers = dict(kwargs.pop("headers", None) or {})
            headers.setdefault("X-CSRFToken", self.csrf_token())
            kwargs["headers"] = headers
        return super().open(*args, **kwargs)

    def csrf_token(self) -> str:
        with self.session_transaction() as session:
            raw = session.setdefault("csrf_token", uuid.uuid4().hex)
        serializer = URLSafeTimedSerializer(self.application.secret_key, salt="wtf-csrf-token")
        return serializer.dumps(raw)


@pytest.fixture
def client(app):
    app.test_client_class = CSRFClient
    return app.test_client()


@pytest.fixture
def demo_client(demo_app):
    demo_app.test_client_class = CSRFClient
    return demo_app.test_client()


@pytest.fixture
def raw_client(app):
    """A client that sends no CSRF token by itself."""
    app.test_client_class = IsolatedClient
    return app.test_client()


def login(client, username: str, password: str = DEMO_PASSWORD, lang: str | None = None):
    url = "/login" + (f"?lang={lang}" if lang else "")
    response = client.post(url, data={"username": username, "password": password})
    assert response.status_code == 302, f"login of {username} failed: {response.status_code}"
    return response


@pytest.fixture
def as_user(demo_app):
    """as_user("officer-mf") -> a client logged in as that demo account."""

    def factory(username: str, lang: str | None = None):
        demo_app.test_client_class = CSRFClient
        c = demo_app.test_client()
        login(c, username, lang=lang)
        return c

    return factory


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


# --- query counting --------------------------------------------------------------------------


class QueryCounter:
    def __init__(self):
        self.statements: list[str] = []

    def __call__(self, conn, cursor, statement, parameters, context, executemany):
        if not statement.lstrip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK", "PRAGMA")):
            self.statements.append(statement)

    @property
    def count(self) -> int:
        return len(self.statements)


@pytest.fixture
def count_queries():
    """with count_queries() as counter: ...; counter.count is the number of SQL statements."""
    from contextlib import contextmanager

    from sqlalchemy import event

    @contextmanager
    def counting():
        counter = QueryCounter()
        engine = db.engine
        event.listen(engine, "before_cursor_execute", counter)
        try:
            yield counter
        finally:
            event.remove(engine, "before_cursor_execute", counter)

    return counting


# --- browser tests ---------------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


@pytest.fixture
def live_server(request):
    """The app with the demo data served on a free local port in a thread; yields its URL."""
    import threading

    from werkzeug.serving import make_server

    app = _make_app(request, "demo", {"RATELIMIT_ENABLED": False})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright. Outside CI a machine without Chromium skips the
    browser tests; in CI (CI=true) that is an error, so they always run there."""
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing: browser tests must run in CI")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="ar-DZ", accept_downloads=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def browser_login(page, base_url: str, username: str, lang: str = "ar"):
    """Log in through the real form; returns after the first page after login has loaded."""
    page.goto(f"{base_url}/login?lang={lang}")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_load_state("networkidle")


# --- services called as a request would ----------------------------------------------------


# {module of digiweb.review: its actions}
WORKFLOW_ACTIONS = {
    "services": ("submit_plan", "return_plan", "approve_plan", "reopen_plan"),
    "remarks": ("add_remark", "answer_remark"),
    "progress": ("record_progress",),
    "board": ("send_reminders",),
}


@pytest.fixture
def committing_services(monkeypatch):
    """Review services that commit after each successful call, as the request that calls them
    does (services only flush: digiweb.transaction). A refusal leaves the session as it is;
    the test rolls back, as the request would."""
    import importlib

    from digiweb.review import services

    def committing(action):
        def call(*args, **kwargs):
            result = action(*args, **kwargs)
            db.session.commit()
            return result

        return call

    for module_name, names in WORKFLOW_ACTIONS.items():
        module = importlib.import_module(f"digiweb.review.{module_name}")
        for name in names:
            monkeypatch.setattr(module, name, committing(getattr(module, name)))
    return services
