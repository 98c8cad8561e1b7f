"""The audit log's hash chain: an entry's hash covers its content and the previous entry's hash,
so that changing, removing or inserting an entry anywhere but at the end breaks every hash
after it. `verify()` walks the chain; `head()` is the latest hash, to be kept elsewhere (a
truncated tail is found by checking that a head kept earlier is still in the chain).

When the chain is written. Entries are inserted as their change is flushed (so that the request
and the tests see them at once), without their place in the chain; the transaction seals them
just before it commits: under one lock it reads the last sealed entry, then gives each of its
entries the next `seq`, the previous hash and its own hash. Two transactions can therefore never
chain to the same previous entry:
- on PostgreSQL the lock is `pg_advisory_xact_lock`, held until the commit. It is the last lock
  a transaction takes, and its holder only writes its own new rows before committing, so it
  cannot take part in a deadlock (taking it at the first flush would: a row lock taken before
  it by one transaction and after it by another);
- on SQLite every writing transaction already holds the database's write lock (requests begin
  IMMEDIATE; a deferred transaction that inserted an entry holds it since that insert).
The seal is one UPDATE of rows not sealed yet, which the triggers allow (schema.py); a sealed
row can no longer change.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session

from digiweb.audit.models import AuditLog
from digiweb.audit.schema import CONTENT_COLUMNS
from digiweb.extensions import db

GENESIS = "0" * 64  # the "previous hash" of the first entry
# The hash covers the entry's place, every column the triggers keep from changing, and the link.
HASHED = ("seq", *CONTENT_COLUMNS, "prev_hash")
LOCK_KEY = 0x6469676977656241  # "digiwebA": the advisory lock of the audit chain
_UNSEALED = "audit_unsealed"


def _plain(name: str, value):
    if name == "created_at" and value is not None:
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if name == "changes":
        # what the JSON column gives back (tuples as lists, keys as strings)
        return json.loads(json.dumps(value if value is not None else {}, default=str))
    return value


def canonical(values: dict) -> bytes:
    """The bytes that are hashed: the fields as sorted, compact JSON (UTF-8)."""
    content = {name: _plain(name, values.get(name)) for name in HASHED}
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def digest(values: dict) -> str:
    """sha256 (hex) of an entry's canonical content, its previous hash included."""
    return hashlib.sha256(canonical(values)).hexdigest()


def entry_values(entry) -> dict:
    return {name: getattr(entry, name) for name in HASHED}


# --- sealing at commit ---------------------------------------------------------------------------


@event.listens_for(Session, "transient_to_pending")
def _track_new_entry(session: Session, instance) -> None:
    if isinstance(instance, AuditLog):
        session.info.setdefault(_UNSEALED, []).append(instance)


@event.listens_for(Session, "before_commit")
def _seal(session: Session) -> None:
    if session.in_nested_transaction():  # a savepoint's release: the outer commit seals
        return
    entries = session.info.pop(_UNSEALED, None)
    if not entries:
        return
    entries = [e for e in entries if e in session and e.entry_hash is None]
    if not entries:
        return
    session.flush()  # ids and times of the entries still pending
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
    last = connection.execute(
        sa.select(AuditLog.seq, AuditLog.entry_hash)
        .where(AuditLog.seq.is_not(None))
        .order_by(AuditLog.seq.desc())
        .limit(1)
    ).first()
    seq, previous = (last.seq, last.entry_hash) if last else (0, GENESIS)
    for entry in sorted(entries, key=lambda e: e.id):
        seq += 1
        entry.seq = seq
        entry.prev_hash = previous
        entry.entry_hash = previous = digest(entry_values(entry))
    # Session.commit flushes these changes right after this hook.


@event.listens_for(Session, "after_transaction_end")
def _forget_rolled_back(session: Session, transaction) -> None:
    if transaction.parent is None:  # the outer transaction ended (a commit already sealed)
        session.info.pop(_UNSEALED, None)


# --- verification --------------------------------------------------------------------------------


@dataclass
class Verdict:
    checked: int
    head: str
    problem: str | None = None
    entry_id: int | None = None
    seq: int | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def _rows(connection, batch: int = 2000) -> Iterator:
    """Every sealed entry in chain order, in batches (the log grows without bound)."""
    columns = [getattr(AuditLog, name) for name in HASHED] + [AuditLog.entry_hash]
    after = 0
    while True:
        rows = connection.execute(
            sa.select(*columns)
            .where(AuditLog.seq.is_not(None), AuditLog.seq > after)
            .order_by(AuditLog.seq)
            .limit(batch)
        ).all()
        if not rows:
            return
        yield from rows
        after = rows[-1].seq


def verify(connection=None, expected_head: str | None = None) -> Verdict:
    """Walk the chain from the first entry. The first entry whose content does not give its hash
    was altered; a gap in `seq` or a previous hash that is not the hash before it means entries
    were removed or inserted; an entry without a seal was written past the application.
    `expected_head`, a head printed earlier, must still be in the chain (else its tail went)."""
    connection = connection if connection is not None else db.session.connection()
    previous, expected_seq, checked, seen_head = GENESIS, 1, 0, expected_head is None
    for row in _rows(connection):
        values = row._asdict()
        where = {"entry_id": row.id, "seq": row.seq, "checked": checked, "head": previous}
        if row.seq != expected_seq:
            return Verdict(
                problem=f"entry {row.id} is at position {row.seq} where {expected_seq} was "
                "expected: entries before it were removed",
                **where,
            )
        if row.prev_hash != previous:
            return Verdict(
                problem=f"entry {row.id} (position {row.seq}) does not follow the entry before "
                "it: an entry was removed, inserted or altered just before it",
                **where,
            )
        if digest(values) != row.entry_hash:
            return Verdict(
                problem=f"entry {row.id} (position {row.seq}) was altered: its content no "
                "longer gives its hash",
                **where,
            )
        previous, expected_seq, checked = row.entry_hash, expected_seq + 1, checked + 1
        seen_head = seen_head or row.entry_hash == expected_head
    unsealed = connection.execute(
        sa.select(AuditLog.id).where(AuditLog.seq.is_(None)).order_by(AuditLog.id).limit(1)
    ).scalar()
    if unsealed is not None:
        return Verdict(
            checked=checked,
            head=previous,
            entry_id=unsealed,
            problem=f"entry {unsealed} is outside the chain: it was inserted past the application",
        )
    if not seen_head:
        return Verdict(
            checked=checked,
            head=previous,
            problem=f"the head {expected_head} kept earlier is no longer in the chain: entries at "
            "its end were removed",
        )
    return Verdict(checked=checked, head=previous)


def head(connection=None) -> tuple[int, str]:
    """(position, hash) of the latest sealed entry; (0, GENESIS) for an empty log."""
    connection = connection if connection is not None else db.session.connection()
    row = connection.execute(
        sa.select(AuditLog.seq, AuditLog.entry_hash)
        .where(AuditLog.seq.is_not(None))
        .order_by(AuditLog.seq.desc())
        .limit(1)
    ).first()
    return (row.seq, row.entry_hash) if row else (0, GENESIS)
