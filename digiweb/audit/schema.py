"""The database's own protection of the audit log: triggers that refuse UPDATE and DELETE (and
TRUNCATE on PostgreSQL), whoever connects, ORM or not.

One exception, the seal: a row inserted by the transaction that is committing gets its place in
the chain (`seq`, `prev_hash`, `entry_hash`) once, while its hash is still empty, and nothing
else of it may change then (digiweb/audit/chain.py explains why the chain is written at commit).

The triggers are created by `db.create_all()` (the DDL events in models.py, used by the tests)
and by the migration that added the chain; the migration copies this SQL so that it stays as it
was when it ran. `suspended()` lifts them for the demo's --reset (on PostgreSQL only the table's
owner may: the application's role, without UPDATE/DELETE privileges, cannot; see
docs/deployment.md), and the test suite's PostgreSQL emptier sets
`session_replication_role = replica`, which skips every ordinary trigger.
"""

from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import text

# Every column but the three the seal writes.
CONTENT_COLUMNS = (
    "id",
    "created_at",
    "actor_id",
    "actor_name",
    "action",
    "entity_type",
    "entity_id",
    "entity_label",
    "changes",
    "ip",
)

_SQLITE_CHANGED = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in CONTENT_COLUMNS)

SQLITE = (
    "CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log "
    f"WHEN OLD.entry_hash IS NOT NULL OR {_SQLITE_CHANGED} "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused'); END",
)
SQLITE_DROP = (
    "DROP TRIGGER IF EXISTS audit_log_no_update",
    "DROP TRIGGER IF EXISTS audit_log_no_delete",
)


def _row(prefix: str) -> str:
    return ", ".join(
        f"{prefix}.{c}::text" if c == "changes" else f"{prefix}.{c}" for c in CONTENT_COLUMNS
    )


POSTGRESQL = (
    "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$\n"
    "BEGIN\n"
    "  IF TG_OP = 'UPDATE' THEN\n"
    f"    IF OLD.entry_hash IS NULL AND ({_row('NEW')}) IS NOT DISTINCT FROM ({_row('OLD')}) THEN\n"
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
)
POSTGRESQL_DROP = (
    "DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log",
    "DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log",
)
POSTGRESQL_DROP_FUNCTION = "DROP FUNCTION IF EXISTS audit_log_append_only()"

CREATE = {"sqlite": SQLITE, "postgresql": POSTGRESQL}
DROP = {"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}


def _run(connection, statements) -> None:
    for statement in statements:
        connection.execute(text(statement))


def create(connection) -> None:
    _run(connection, CREATE.get(connection.dialect.name, ()))


def drop(connection) -> None:
    _run(connection, DROP.get(connection.dialect.name, ()))


@contextmanager
def suspended(session):
    """Inside the session's transaction, the audit log's triggers are off (the demo's reset
    deletes every row); they are back when the block ends, in the same transaction."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        session.execute(text("ALTER TABLE audit_log DISABLE TRIGGER USER"))
        yield
        session.execute(text("ALTER TABLE audit_log ENABLE TRIGGER USER"))
        return
    drop(connection)
    yield
    create(connection)
