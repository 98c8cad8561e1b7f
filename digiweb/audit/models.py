from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Mapped, mapped_column

from digiweb.audit import schema
from digiweb.db_types import UTCDateTime, utcnow
from digiweb.extensions import db


class AuditLog(db.Model):
    """Append-only record of who changed what, chained: each entry holds the hash of its content
    and of the entry before it (digiweb/audit/chain.py). Rows are never updated nor deleted:
    the ORM refuses it here, the database's triggers refuse it whoever asks (schema.py)."""

    __tablename__ = "audit_log"
    __table_args__ = (sa.Index("ix_audit_log_entity", "entity_type", "entity_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    actor_name: Mapped[str] = mapped_column(sa.String(64), default="")
    action: Mapped[str] = mapped_column(sa.String(64), index=True)
    entity_type: Mapped[str] = mapped_column(sa.String(32))
    entity_id: Mapped[int | None]
    entity_label: Mapped[str] = mapped_column(sa.String(200), default="")
    # {"field": [old, new], ...} for changes; free details for other events.
    changes: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    ip: Mapped[str] = mapped_column(sa.String(64), default="")
    # The chain, written once when the transaction that made the entry commits: its position
    # (1, 2, 3… with no gap), the previous entry's hash, and the hash of this one.
    seq: Mapped[int | None] = mapped_column(unique=True)
    prev_hash: Mapped[str | None] = mapped_column(sa.String(64))
    entry_hash: Mapped[str | None] = mapped_column(sa.String(64))


SEAL_COLUMNS = frozenset({"seq", "prev_hash", "entry_hash"})


@event.listens_for(AuditLog, "before_update")
def _refuse_change(mapper, connection, target):
    """Only the seal of an entry not sealed yet may be written; nothing else, ever."""
    state = sa.inspect(target)
    changed = {attr.key for attr in state.attrs if attr.history.has_changes()}
    was = state.attrs.entry_hash.history.deleted
    if not changed <= SEAL_COLUMNS or any(value is not None for value in was):
        raise RuntimeError("the audit log is append-only")


@event.listens_for(AuditLog, "before_delete")
def _refuse_delete(mapper, connection, target):
    raise RuntimeError("the audit log is append-only")


@event.listens_for(AuditLog.__table__, "after_create")
def _create_triggers(table, connection, **kw):
    schema.create(connection)


@event.listens_for(AuditLog.__table__, "after_drop")
def _drop_function(table, connection, **kw):
    if connection.dialect.name == "postgresql":
        connection.execute(sa.text(schema.POSTGRESQL_DROP_FUNCTION))
