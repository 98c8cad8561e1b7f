"""The trigram index behind the project search (issue 7), on SQLite and on PostgreSQL.

`projects.search_text` holds the normalised text (`digiweb.i18n.normalize_search`); the search
looks for each word of the query as a substring of it (`LIKE '%word%'`). That scan reads every
row; a trigram index finds the rows holding a substring of 3 characters or more directly:

- SQLite: an external-content FTS5 table `projects_search` with the `trigram` tokenizer over
  `search_text` (rowid = projects.id), kept in step by three triggers. It is only ever used as a
  pre-filter: the LIKE stays in the query, so the results are exactly those of the scan.
- PostgreSQL: the `pg_trgm` extension and a GIN index `ix_projects_search_trgm`
  (`gin_trgm_ops`) on `search_text`, which the planner uses for the LIKE by itself.

Neither is part of the models' metadata (SQLAlchemy cannot describe them): the same statements
below are run after `db.create_all()` creates `projects` (DDL events, used by the tests) and are
written into the initial migration by `migrations/env.py` (which also hides them from
autogenerate, so `flask db check` stays clean).

Careful: an Alembic batch operation on `projects` under SQLite (copy, drop, rename) drops the
triggers; a migration doing one must run `UPGRADE["sqlite"]` and `REBUILD_SQLITE` afterwards.
"""

import sqlalchemy as sa
from sqlalchemy import event

from digiweb.plans.models import Project

FTS_TABLE = "projects_search"
TRGM_INDEX = "ix_projects_search_trgm"
MIN_TRIGRAM_LENGTH = 3

UPGRADE = {
    "sqlite": (
        "CREATE VIRTUAL TABLE IF NOT EXISTS projects_search USING fts5(search_text, "
        "content='projects', content_rowid='id', tokenize='trigram')",
        "CREATE TRIGGER IF NOT EXISTS projects_search_insert AFTER INSERT ON projects BEGIN "
        "INSERT INTO projects_search(rowid, search_text) VALUES (new.id, new.search_text); END",
        "CREATE TRIGGER IF NOT EXISTS projects_search_delete AFTER DELETE ON projects BEGIN "
        "INSERT INTO projects_search(projects_search, rowid, search_text) "
        "VALUES ('delete', old.id, old.search_text); END",
        "CREATE TRIGGER IF NOT EXISTS projects_search_update "
        "AFTER UPDATE OF search_text ON projects BEGIN "
        "INSERT INTO projects_search(projects_search, rowid, search_text) "
        "VALUES ('delete', old.id, old.search_text); "
        "INSERT INTO projects_search(rowid, search_text) VALUES (new.id, new.search_text); END",
    ),
    "postgresql": (
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        "CREATE INDEX IF NOT EXISTS ix_projects_search_trgm ON projects "
        "USING gin (search_text gin_trgm_ops)",
    ),
}
DOWNGRADE = {
    "sqlite": ("DROP TABLE IF EXISTS projects_search",),
    "postgresql": ("DROP INDEX IF EXISTS ix_projects_search_trgm",),
}
# Fills the FTS table from `projects` (after rows were written with the triggers missing).
REBUILD_SQLITE = "INSERT INTO projects_search(projects_search) VALUES ('rebuild')"


def is_search_index_object(name: str | None, type_: str) -> bool:
    """For Alembic's include_name/include_object: the objects this module manages."""
    if not name:
        return False
    if type_ == "table":
        return name == FTS_TABLE or name.startswith(f"{FTS_TABLE}_")
    return type_ == "index" and name == TRGM_INDEX


def _run(statements, connection) -> None:
    for statement in statements:
        connection.exec_driver_sql(statement)


@event.listens_for(Project.__table__, "before_create")
def _before_create(table, connection, **kw) -> None:
    if connection.dialect.name == "postgresql":
        # The extension must exist before the index (a superuser creates it once in
        # production if the application's user may not: see README).
        _run(UPGRADE["postgresql"][:1], connection)


@event.listens_for(Project.__table__, "after_create")
def _after_create(table, connection, **kw) -> None:
    statements = UPGRADE.get(connection.dialect.name, ())
    if connection.dialect.name == "postgresql":
        statements = statements[1:]
    _run(statements, connection)


@event.listens_for(Project.__table__, "before_drop")
def _before_drop(table, connection, **kw) -> None:
    _run(DOWNGRADE.get(connection.dialect.name, ()), connection)


fts_table = sa.table(FTS_TABLE, sa.column("rowid", sa.Integer), sa.column(FTS_TABLE))

_present: dict[str, bool] = {}


def has_trigram_index(session) -> bool:
    """Whether this database has the SQLite FTS table (looked up once per database)."""
    bind = session.get_bind()
    if bind.dialect.name != "sqlite":
        return False
    key = bind.url.render_as_string(hide_password=True)
    if key not in _present:
        found = session.execute(
            sa.text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"),
            {"name": FTS_TABLE},
        ).first()
        _present[key] = found is not None
    return _present[key]


def fts_phrase(words: list[str]) -> str:
    """An FTS5 query that needs every word as a substring: `"w1" "w2"` (quotes doubled)."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)
