"""Caching that is safe across workers and servers: entries are keyed on the data version.

Every transaction that changes data also changes the one row of ``data_version`` (a random
value, set just before the commit, in the same transaction). A cached result is stored under the
version read at the start of the computation, so it can only be served while the database still
holds that very state; any commit, by any process on any server, makes every older entry
unreachable. Nothing needs to be invalidated by hand and nothing stale can be served.

- ``data_version()``: the current value (one primary-key read, memoised for the request).
- ``cached(namespace, key, compute)``: ``compute()`` once per (version, namespace, key) in this
  process; the store is a small LRU in memory (each worker keeps its own, which is fine: a miss
  only costs the computation).
- ``bump_data_version(connection)``: for writes that bypass the ORM session (bulk Core inserts,
  COPY, restore); ORM sessions bump by themselves (see ``_bump_before_commit``).

The version is read *before* the data: a commit landing between the two reads stores newer data
under the older key, which is harmless (the next request sees the new version and recomputes).
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

import sqlalchemy as sa
from flask import current_app, has_app_context, has_request_context, request
from sqlalchemy import event
from sqlalchemy.orm import Mapped, Session, mapped_column

from digiweb.extensions import db

T = TypeVar("T")

# Tables whose changes never affect a cached result: writing them alone does not bump.
IGNORED_TABLES = frozenset({"audit_log", "notifications", "data_version"})
DEFAULT_MAX_ENTRIES = 512
_ENVIRON_KEY = "digiweb.data_version"


class DataVersion(db.Model):
    """One row (id 1) whose value changes with every committed change of data."""

    __tablename__ = "data_version"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    value: Mapped[int] = mapped_column(sa.BigInteger, default=0)


def _new_value() -> int:
    # Random rather than a counter: a restored backup, or another branch of history, can never
    # reuse a value that a running server has cached for a different state.
    return secrets.randbits(62) + 1


def bump_data_version(connection: sa.Connection) -> None:
    """Give the data a new version inside the caller's transaction."""
    table = DataVersion.__table__
    result = connection.execute(sa.update(table).where(table.c.id == 1).values(value=_new_value()))
    if result.rowcount == 0:
        connection.execute(sa.insert(table).values(id=1, value=_new_value()))
    if has_request_context():
        request.environ.pop(_ENVIRON_KEY, None)


def data_version() -> int:
    """The version of the data as this request sees it (0 when never written)."""
    # Memoised on the request itself (not on g, which outlives it in the CLI and in tests).
    if has_request_context() and _ENVIRON_KEY in request.environ:
        return request.environ[_ENVIRON_KEY]
    table = DataVersion.__table__
    value = db.session.execute(sa.select(table.c.value).where(table.c.id == 1)).scalar()
    value = value or 0
    if has_request_context():
        request.environ[_ENVIRON_KEY] = value
    return value


class _LRU:
    def __init__(self, max_entries: int):
        self.max_entries = max_entries
        self._data: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable) -> tuple[bool, Any]:
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                self.hits += 1
                return True, self._data[key]
            self.misses += 1
            return False, None

    def put(self, key: Hashable, value: Any) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.max_entries:
                self._data.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self.hits = self.misses = 0


def _store() -> _LRU | None:
    if not has_app_context() or not current_app.config.get("CACHE_ENABLED", True):
        return None
    store = current_app.extensions.get("digiweb_cache")
    if store is None:
        store = _LRU(current_app.config.get("CACHE_MAX_ENTRIES", DEFAULT_MAX_ENTRIES))
        current_app.extensions["digiweb_cache"] = store
    return store


def cached(namespace: str, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``'s result for this state of the data, computed at most once per process.

    ``key`` must hold everything the result depends on besides the data: filters, the user's
    scope (department), the language when the result holds translated text. Results must not be
    mutated by callers (they are shared).
    """
    store = _store()
    if store is None or _has_uncommitted_changes(db.session):
        # The version only changes at the commit: a session holding changes not committed yet
        # sees data that no version names, so it neither reads nor fills the cache.
        return compute()
    full_key = (data_version(), namespace, key)
    found, value = store.get(full_key)
    if found:
        return value
    value = compute()
    store.put(full_key, value)
    return value


def _has_uncommitted_changes(session: Session) -> bool:
    return bool(
        session.info.get("digiweb_changed") or session.new or session.dirty or session.deleted
    )


def cache_stats() -> dict[str, int]:
    store = _store()
    if store is None:
        return {"hits": 0, "misses": 0, "entries": 0}
    return {"hits": store.hits, "misses": store.misses, "entries": len(store._data)}


def clear_cache() -> None:
    store = _store()
    if store is not None:
        store.clear()


def _changes_data(session: Session) -> bool:
    for obj in (*session.new, *session.dirty, *session.deleted):
        table = getattr(obj, "__tablename__", None)
        if table not in IGNORED_TABLES and (obj not in session.dirty or session.is_modified(obj)):
            return True
    return False


@event.listens_for(Session, "after_flush")
def _remember_changes(session: Session, _flush_context) -> None:
    # Flushed changes are no longer in new/dirty/deleted at commit time: remember them here.
    # (In after_flush, new/dirty/deleted still hold what this flush wrote.)
    if not session.info.get("digiweb_changed") and _changes_data(session):
        session.info["digiweb_changed"] = True


@event.listens_for(Session, "before_commit")
def _bump_before_commit(session: Session) -> None:
    # The bump is the last write of the transaction: on PostgreSQL its row lock is held only
    # for the moment of the commit, so it cannot take part in a deadlock with other rows.
    # A savepoint's commit (begin_nested) fires this event too: bumping there would take the
    # lock mid-transaction (a deadlock with a login found by tests/integrity), so the flag is
    # kept for the real commit.
    if session.in_nested_transaction():
        return
    if session.info.get("digiweb_changed") or _changes_data(session):
        session.flush()
        bump_data_version(session.connection())
    session.info.pop("digiweb_changed", None)


@event.listens_for(Session, "after_rollback")
def _forget_changes(session: Session) -> None:
    session.info.pop("digiweb_changed", None)
