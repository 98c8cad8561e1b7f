"""audit log hash chain and triggers; ids never reused on SQLite; login throttle epoch and
forced password change on users

Revision ID: 7c1e5a9d3b20
Revises: d51bee822368
Create Date: 2026-12-02 20:20:00.000000

- audit_log gets its chain (seq, prev_hash, entry_hash); the entries already there are chained
  in id order, so that `flask audit verify` holds right after the upgrade;
- triggers refuse UPDATE and DELETE on audit_log (and TRUNCATE on PostgreSQL), except the
  one-time seal of an entry not sealed yet (digiweb/audit/schema.py; the SQL is copied here so
  that this migration stays what it was);
- on SQLite every table whose key is one generated integer is rebuilt AUTOINCREMENT, so that a
  deleted row's id is never given again (PostgreSQL's sequences never go back). Rebuilding
  `projects` drops the search index's triggers: they are created again and the index rebuilt.
"""
from alembic import op
import sqlalchemy as sa

import digiweb.db_types


# revision identifiers, used by Alembic.
revision = '7c1e5a9d3b20'
down_revision = 'd51bee822368'
branch_labels = None
depends_on = None

ID_TABLES = (
    'campaigns', 'departments', 'users', 'audit_log', 'meetings', 'notifications', 'plans',
    'reminders', 'agenda_items', 'decisions', 'meeting_attendees', 'meeting_documents',
    'projects', 'plan_events', 'progress_updates',
)

_CONTENT = ('id', 'created_at', 'actor_id', 'actor_name', 'action', 'entity_type', 'entity_id',
            'entity_label', 'changes', 'ip')
_SQLITE_CHANGED = ' OR '.join(f'NEW.{c} IS NOT OLD.{c}' for c in _CONTENT)
_PG_ROW = lambda p: ', '.join(f'{p}.{c}::text' if c == 'changes' else f'{p}.{c}' for c in _CONTENT)  # noqa: E731

TRIGGERS = {
    'sqlite': (
        "CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log "
        f"WHEN OLD.entry_hash IS NOT NULL OR {_SQLITE_CHANGED} "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused'); END",
        "CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused'); END",
    ),
    'postgresql': (
        "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        "BEGIN\n"
        "  IF TG_OP = 'UPDATE' THEN\n"
        f"    IF OLD.entry_hash IS NULL AND ({_PG_ROW('NEW')}) IS NOT DISTINCT FROM ({_PG_ROW('OLD')}) THEN\n"
        "      RETURN NEW;\n"
        "    END IF;\n"
        "  END IF;\n"
        "  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP\n"
        "    USING ERRCODE = 'insufficient_privilege';\n"
        "END\n"
        "$$",
        "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
        "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
        "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
        "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
    ),
}
DROP_TRIGGERS = {
    'sqlite': ("DROP TRIGGER IF EXISTS audit_log_no_update",
               "DROP TRIGGER IF EXISTS audit_log_no_delete"),
    'postgresql': ("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log",
                   "DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log",
                   "DROP FUNCTION IF EXISTS audit_log_append_only()"),
}
# digiweb/projects/search_index.py as it was: the triggers a rebuild of `projects` drops.
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


def _run(statements):
    for statement in statements:
        op.execute(sa.text(statement))


def _rebuild_sqlite(autoincrement: bool):
    for name in ID_TABLES:
        with op.batch_alter_table(name, recreate='always',
                                  table_kwargs={'sqlite_autoincrement': autoincrement}):
            pass
    _run(SEARCH_TRIGGERS_SQLITE)


def _chain_existing_entries():
    """Seal the entries written before the chain existed, in id order."""
    from digiweb.audit.chain import GENESIS, HASHED, digest

    bind = op.get_bind()
    log = sa.table(
        'audit_log',
        sa.column('id', sa.Integer), sa.column('seq', sa.Integer),
        sa.column('created_at', digiweb.db_types.UTCDateTime()),
        sa.column('actor_id', sa.Integer), sa.column('actor_name', sa.String),
        sa.column('action', sa.String), sa.column('entity_type', sa.String),
        sa.column('entity_id', sa.Integer), sa.column('entity_label', sa.String),
        sa.column('changes', sa.JSON), sa.column('ip', sa.String),
        sa.column('prev_hash', sa.String), sa.column('entry_hash', sa.String),
    )
    previous, seq = GENESIS, 0
    rows = bind.execute(sa.select(log).order_by(log.c.id)).mappings().all()
    for row in rows:
        seq += 1
        values = {**{name: row[name] for name in HASHED}, 'seq': seq, 'prev_hash': previous}
        entry_hash = digest(values)
        bind.execute(log.update().where(log.c.id == row['id'])
                     .values(seq=seq, prev_hash=previous, entry_hash=entry_hash))
        previous = entry_hash


def upgrade():
    dialect = op.get_bind().dialect.name
    # users: login_epoch (an administrator's unlock forgets the login throttle's counts) and
    # must_change_password (a password an administrator chose is changed at the next login)
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('login_epoch', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('must_change_password', sa.Boolean(), server_default=sa.text('false'), nullable=False))
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('seq', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('prev_hash', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('entry_hash', sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_audit_log_seq'), ['seq'])
    _chain_existing_entries()
    if dialect == 'sqlite':
        _rebuild_sqlite(autoincrement=True)
    _run(TRIGGERS.get(dialect, ()))


def downgrade():
    dialect = op.get_bind().dialect.name
    _run(DROP_TRIGGERS.get(dialect, ()))
    if dialect == 'sqlite':
        _rebuild_sqlite(autoincrement=False)
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_audit_log_seq'), type_='unique')
        batch_op.drop_column('entry_hash')
        batch_op.drop_column('prev_hash')
        batch_op.drop_column('seq')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('must_change_password')
        batch_op.drop_column('login_epoch')
