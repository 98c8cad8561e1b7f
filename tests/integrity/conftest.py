"""Fixtures of the integrity tests: a database with the demo data of the test's own, served by
gunicorn."""

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from tests.conftest import ON_POSTGRES
from tests.integrity.helpers import (
    Server,
    _admin_engine,
    build_postgres_template,
    copy_database,
    drop_database,
)


@pytest.fixture(scope="session")
def integrity_template(request):
    """The demo database every served copy starts from (a file on SQLite, a TEMPLATE database
    on PostgreSQL)."""
    if not ON_POSTGRES:
        yield request.getfixturevalue("sqlite_demo_template")
        return
    name = build_postgres_template()
    yield name
    engine = _admin_engine()
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


@pytest.fixture
def database_url(integrity_template, tmp_path):
    url = copy_database(integrity_template, tmp_path)
    yield url
    drop_database(url)


@pytest.fixture
def served(database_url, tmp_path):
    """gunicorn (3 workers × 4 threads) serving a fresh copy of the demo data."""
    server = Server(database_url, log=tmp_path / "gunicorn.log").start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def shared_database_url(integrity_template, tmp_path_factory):
    url = copy_database(integrity_template, tmp_path_factory.mktemp("shared"))
    yield url
    drop_database(url)


@pytest.fixture(scope="module")
def shared_served(shared_database_url, tmp_path_factory):
    """gunicorn on one copy of the demo data for a whole module (tests on distinct records)."""
    log = tmp_path_factory.mktemp("shared-log") / "gunicorn.log"
    server = Server(shared_database_url, log=log).start()
    yield server
    server.stop()


@pytest.fixture
def engine_of():
    """engine_of(url): a plain engine on the served database, to check what it holds."""
    engines = []

    def factory(url):
        engine = create_engine(url, poolclass=NullPool)
        engines.append(engine)
        return engine

    yield factory
    for engine in engines:
        engine.dispose()
