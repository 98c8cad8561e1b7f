"""projects: ids never reused again on SQLite. The migration that bounded the project texts
(c7d2e9a41b53) copied the table in batch mode without `sqlite_autoincrement`, so a migrated
SQLite database gave a deleted project's id to the next project again. Every table whose key
is a generated `id` and lacks AUTOINCREMENT is copied again with it (today: projects); the
search index's triggers, dropped by the copy, are created again and the index rebuilt.
PostgreSQL is untouched (its sequences never go back).

Revision ID: f4b2d8e6a1c9
Revises: a3f6c1d8e2b7
Create Date: 2026-12-03 03:20:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f4b2d8e6a1c9'
down_revision = 'a3f6c1d8e2b7'
branch_labels = None
depends_on = None

# The SQL of digiweb/projects/search_index.py as it is today.
SEARCH_TRIGGERS_SQLITE = (
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
    "INSERT INTO projects_search(projects_search) VALUES ('rebuild')",
)


def _tables_without_autoincrement(bind) -> list[str]:
    inspector = sa.inspect(bind)
    found = []
    for name, sql in bind.execute(
        sa.text("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
    ):
        if name.startswith(('sqlite_', 'projects_search', 'alembic_')) or 'AUTOINCREMENT' in sql:
            continue
        key = inspector.get_pk_constraint(name).get('constrained_columns') or []
        columns = {c['name']: c for c in inspector.get_columns(name)}
        if key == ['id'] and isinstance(columns['id']['type'], sa.Integer) and name != 'data_version':
            found.append(name)
    return found


def upgrade():
    bind = op.get_bind()
    if bind.dialect.name != 'sqlite':
        return
    tables = _tables_without_autoincrement(bind)
    for name in tables:
        with op.batch_alter_table(name, recreate='always',
                                  table_kwargs={'sqlite_autoincrement': True}):
            pass
    if 'projects' in tables:
        for statement in SEARCH_TRIGGERS_SQLITE:
            op.execute(sa.text(statement))


def downgrade():
    # Nothing to undo: AUTOINCREMENT is what the schema wants (digiweb/models.py).
    pass
