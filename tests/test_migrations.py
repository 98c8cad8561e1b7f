"""The migrations build the schema of the models: `flask db upgrade` on an empty database, then
`flask db check` finds nothing to generate. On SQLite (a temporary file) and, when
TEST_DATABASE_URL is set, on a PostgreSQL database made for the test and dropped after."""

import logging
import uuid

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from digiweb import create_app
from digiweb.extensions import db
from tests.conftest import ON_POSTGRES, POSTGRES_URL

# migrations/env.py (Flask-Migrate's template) still tries Flask-SQLAlchemy's deprecated
# get_engine() first; only that warning is let through until env.py uses db.engine directly.
pytestmark = pytest.mark.filterwarnings("ignore:'get_engine' is deprecated:DeprecationWarning")


@pytest.fixture(autouse=True)
def keep_logging_as_it_was():
    """Alembic's env.py runs logging.config.fileConfig, which replaces the root handlers and
    disables the loggers that already exist; put them back for the tests that follow."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    loggers = {
        name: logger.disabled
        for name, logger in logging.Logger.manager.loggerDict.items()
        if isinstance(logger, logging.Logger)
    }
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    for name, disabled in loggers.items():
        logging.getLogger(name).disabled = disabled


def _flask_db(app, *args: str):
    result = app.test_cli_runner().invoke(args=["db", *args])
    assert result.exit_code == 0, f"flask db {' '.join(args)}: {result.output}{result.exception}"
    return result


def _check_migrations(url: str) -> None:
    app = create_app({"SQLALCHEMY_DATABASE_URI": url})
    try:
        _flask_db(app, "upgrade")
        with app.app_context():
            tables = set(inspect(db.engine).get_table_names())
        assert set(db.metadata.tables) <= tables
        assert "alembic_version" in tables
        _flask_db(app, "check")
        # and back: the downgrade empties the database, the upgrade builds it again
        _flask_db(app, "downgrade", "base")
        with app.app_context():
            assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        _flask_db(app, "upgrade")
        _flask_db(app, "check")
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


def test_migrations_match_the_models_on_sqlite(tmp_path):
    _check_migrations(f"sqlite:///{tmp_path / 'migrated.db'}")


@pytest.mark.postgres
@pytest.mark.skipif(not ON_POSTGRES, reason="TEST_DATABASE_URL is not set")
def test_migrations_match_the_models_on_postgresql():
    server = make_url(POSTGRES_URL)
    name = f"digiweb_migrations_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        _check_migrations(server.set(database=name).render_as_string(hide_password=False))
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
