"""Caching that cannot go stale and cannot leak: entries are keyed on the data version, and on
who asked whenever the result depends on it.

Freshness. Every transaction that changes data also changes the one row of ``data_version`` (a
random value, set just before the commit, in the same transaction). A cached result is stored
under the version read at the start of the computation, so it can only be served while the
database still holds that very state; any commit, by any process on any server, makes every
older entry unreachable. Nothing needs to be invalidated by hand and nothing stale can be served.

What counts as a change is what reaches the database, not how the code asked for it: an
engine-level ``after_cursor_execute`` listener marks the connection when a statement that ran
was an INSERT, UPDATE or DELETE (``context.isinsert/isupdate/isdelete``) on a table other than
IGNORED_TABLES, or a textual statement (``text()``, ``exec_driver_sql``) that writes. That one
hook sees ORM flushes, ``session.execute(update(...))`` / ``delete`` / ``insert`` (ORM-enabled or
on a Table), Query.update/delete, ``session.connection().execute(...)``, executemany batches and
hand-written SQL. The alternatives each miss something: ``do_orm_execute`` does not see flushes
nor statements run on ``session.connection()``, ``after_bulk_update/delete`` only see the legacy
Query methods, ``after_flush`` only sees the unit of work. A new version too many costs a cache
miss, one missing would serve stale pages: unknown cases count as changes (a textual write on
any table, a DML statement whose table cannot be told, a write undone by a savepoint's rollback).

The session's connection (recorded by ``after_begin``) carries the mark until the session's real
commit, where ``_bump_before_commit`` writes the new version as the last statement of the
transaction; a savepoint's commit does not bump (see there), the rollback of the whole
transaction forgets the mark. Writes on a connection outside any session (``engine.begin()``,
COPY through the raw driver cursor) are not bumped by themselves: call
``bump_data_version(connection)`` in their transaction.

Isolation. A result that depends on the user is cached only through ``cached_for_viewer`` (data)
or ``cached_html`` (HTML), whose key always holds a ``Viewer``: the role, the department, the
language and the script root (the URL prefix links are built with). The computation receives
that Viewer instead of the user, and the HTML is rendered in a sealed Jinja environment where
``current_user`` is the Viewer, undefined names raise, and ``request``, ``session``, ``g``, the
CSRF token and the other per-user globals raise when used (in included and imported templates
too; no context processor runs). A template that reads anything about the user or the request
beyond the key therefore fails loudly (in tests) instead of serving one user's page to another.
Python code cannot be sealed that way: a computation reads who asked from its Viewer argument
only, and anything else it reads from the request (filters, htmx or not) goes into ``key``.
Prefer caching data (query results, figures, ``cached``): HTML is cached where rendering
dominates the cost of a page (the project list and its page, the dashboard's figures and form).

- ``data_version()``: the current value (one primary-key read, memoised for the request).
- ``cached(namespace, key, compute)``: ``compute()`` once per (version, namespace, key) in this
  process, for results that depend on the data and ``key`` only; the store is a small LRU in
  memory (each worker keeps its own, which is fine: a miss only costs the computation).
- ``cached_for_viewer`` / ``cached_html``: the same, keyed on the Viewer too.
- ``bump_data_version(connection)``: for writes that bypass the session.

The version is read *before* the data: a commit landing between the two reads stores newer data
under the older key, which is harmless (the next request sees the new version and recomputes).
"""

from __future__ import annotations

import re
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

import sqlalchemy as sa
from flask import current_app, has_app_context, has_request_context, request, url_for
from flask_login import current_user
from jinja2 import StrictUndefined
from markupsafe import Markup
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, Session, mapped_column
from sqlalchemy.sql.elements import TextClause

from digiweb.extensions import db

T = TypeVar("T")

# Tables whose changes never affect a cached result: writing them alone does not bump.
IGNORED_TABLES = frozenset(
    {"audit_log", "notifications", "data_version", "form_submissions", "api_tokens", "export_jobs"}
)
DEFAULT_MAX_ENTRIES = 512
_ENVIRON_KEY = "digiweb.data_version"
_WROTE = "digiweb.wrote"  # on Connection.info: this transaction wrote data
_CONNECTIONS = "digiweb.connections"  # on Session.info: the connections of its transaction


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

    For results that depend on the data and on ``key`` only (filters, a campaign): nothing about
    who asks. A result that depends on the user's role, department or language goes through
    ``cached_for_viewer`` or ``cached_html``. Results must not be mutated by callers (they are
    shared).
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
    return bool(_wrote(session) or session.new or session.dirty or session.deleted)


def cache_stats() -> dict[str, int]:
    store = _store()
    if store is None:
        return {"hits": 0, "misses": 0, "entries": 0}
    return {"hits": store.hits, "misses": store.misses, "entries": len(store._data)}


def clear_cache() -> None:
    store = _store()
    if store is not None:
        store.clear()


# --- who asked: the Viewer ----------------------------------------------------------------------


class CachedContentError(RuntimeError):
    """A cached computation or template read something about the user or the request that its
    cache key does not hold (it would be served to other users)."""


@dataclass(frozen=True)
class Viewer:
    """All that a result cached for several users may know about who asked: the role, the
    department, the language and the script root. It stands in for ``current_user`` in cached
    computations and templates: anything else (id, name, e-mail, token...) raises."""

    role: str | None
    department_id: int | None
    language: str
    script_root: str

    @property
    def is_authenticated(self) -> bool:
        return self.role is not None

    @property
    def is_anonymous(self) -> bool:
        return self.role is None

    @property
    def is_officer(self) -> bool:
        return self.role == "officer"

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def can_review(self) -> bool:
        return self.role in ("reviewer", "admin")

    @property
    def sees_all_departments(self) -> bool:
        return self.role is not None and self.role != "officer"

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)  # Python's own protocols (copy, __html__...)
        raise CachedContentError(f"a cached result read current_user.{name}, not in its key")


def viewer() -> Viewer:
    """The Viewer of this request (role, department, language, script root)."""
    from digiweb.i18n import language

    user = current_user if has_request_context() else None
    if user is not None and user.is_authenticated:
        role = getattr(user.role, "value", user.role)
        department_id = user.department_id
    else:
        role = department_id = None
    script_root = request.script_root if has_request_context() else ""
    return Viewer(role, department_id, language(), script_root)


def cached_for_viewer(namespace: str, key: Hashable, compute: Callable[[Viewer], T]) -> T:
    """``compute(viewer)``, cached like ``cached`` under ``key`` and the request's Viewer: users
    of another role, department or language never get it. ``compute`` must read who asked from
    its argument only (services take it in place of the user)."""
    who = viewer()
    return cached(namespace, (who, key), lambda: compute(who))


def cached_html(
    namespace: str, template: str, key: Hashable, context: Callable[[Viewer], dict]
) -> Markup:
    """``template`` rendered with ``context(viewer)`` in the sealed environment, cached under
    ``key`` and the request's Viewer. ``key`` holds everything else the context depends on
    (filters, the year, whether it is an htmx fragment...)."""
    return cached_for_viewer(
        namespace, key, lambda who: render_sealed(template, who, **context(who))
    )


# Jinja globals a cached template may use: they depend on the language (in the Viewer) and on
# the arguments only. Every other global (request, session, g, csrf_token, nav_items, ...)
# raises when a sealed template uses it; names nobody passed are StrictUndefined.
SAFE_GLOBALS = frozenset(
    {
        "_",
        "gettext",
        "ngettext",
        "pgettext",
        "npgettext",
        "range",
        "dict",
        "lipsum",
        "cycler",
        "joiner",
        "namespace",
        "field_attrs",
        "error_title",
        "error_text",
        # the language's arrow and colon (digiweb.i18n), the date pattern (a constant)
        "arrow",
        "colon",
        "date_pattern",
    }
)


class _Forbidden:
    """A global that a cached template must not use: any use raises."""

    def __init__(self, name: str):
        self._name = name

    def _fail(self, *_args, **_kwargs):
        raise CachedContentError(f"a cached template used {self._name}, which depends on the user")

    __call__ = __str__ = __html__ = __bool__ = __iter__ = __len__ = __getitem__ = _fail

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        self._fail()


def _sealed_url_for(endpoint: str, **values) -> str:
    # Links relative to the host, with the script root of the Viewer.
    if "_external" in values or "_scheme" in values:
        raise CachedContentError("a cached template built an external URL (host not in its key)")
    return url_for(endpoint, **values)


def _sealed_environment():
    env = current_app.extensions.get("digiweb_sealed_jinja")
    if env is None:
        app_env = current_app.jinja_env
        # Its own template cache: templates cached by the app's environment are bound to the
        # app's globals.
        env = app_env.overlay(undefined=StrictUndefined, cache_size=100)
        env.globals = {
            name: value if name in SAFE_GLOBALS else _Forbidden(name)
            for name, value in app_env.globals.items()
        }
        env.globals["url_for"] = _sealed_url_for
        current_app.extensions["digiweb_sealed_jinja"] = env
    return env


def render_sealed(template: str, who: Viewer, **context) -> Markup:
    """``template`` rendered with ``context`` and what the Viewer tells only (no context
    processor runs): ``current_user`` is the Viewer; ``current_lang``, ``text_dir`` and
    ``other_lang`` come from its language."""
    from digiweb.i18n import text_direction

    values = {
        "current_user": who,
        "current_lang": who.language,
        "text_dir": text_direction(who.language),
        "other_lang": "fr" if who.language == "ar" else "ar",
        **context,
    }
    html = _sealed_environment().get_template(template).render(values)
    return Markup(html)  # noqa: S704 - rendered by Jinja with autoescaping


# --- what counts as a change of data -------------------------------------------------------------

# A textual statement that writes: its first keyword, after comments (a WITH counts when a data
# changing keyword follows it somewhere).
_TEXT_STATEMENT = re.compile(r"\s*(?:(?:--[^\n]*\n|/\*.*?\*/)\s*)*(\w+)", re.S)
_TEXT_WRITES = frozenset({"insert", "update", "delete", "merge", "replace", "upsert", "truncate"})
_TEXT_WRITES_COPY = _TEXT_WRITES | {"copy"}
_DML_WORD = re.compile(r"\b(insert|update|delete|merge)\b", re.I)


def _writes_data(statement: str, context) -> bool:
    if context is None:
        return False
    if context.isinsert or context.isupdate or context.isdelete:
        table = getattr(getattr(context.compiled.statement, "table", None), "name", None)
        return table not in IGNORED_TABLES
    compiled = context.compiled
    if compiled is not None and not isinstance(compiled.statement, TextClause):
        return False  # a SELECT, DDL... built with SQLAlchemy
    match = _TEXT_STATEMENT.match(statement)
    word = match.group(1).lower() if match else ""
    return word in _TEXT_WRITES_COPY or (word == "with" and bool(_DML_WORD.search(statement)))


@event.listens_for(Engine, "after_cursor_execute")
def _note_write(connection, _cursor, statement, _parameters, context, _executemany) -> None:
    if _writes_data(statement, context):
        connection.info[_WROTE] = True


@event.listens_for(Session, "after_begin")
def _track_connection(session: Session, transaction, connection) -> None:
    # The root transaction on this connection starts with nothing written; a savepoint shares
    # the connection (and what the transaction wrote before it).
    if transaction.parent is not None:
        return
    connection.info.pop(_WROTE, None)
    tracked = session.info.get(_CONNECTIONS)
    if tracked is None or tracked[0] is not transaction:
        session.info[_CONNECTIONS] = (transaction, [connection])
    else:
        tracked[1].append(connection)  # a second bind of the same transaction


def _wrote(session: Session) -> bool:
    _transaction, connections = session.info.get(_CONNECTIONS, (None, ()))
    try:
        return any(connection.info.get(_WROTE) for connection in connections)
    except sa.exc.SQLAlchemyError:  # a connection lost mid-transaction: assume the worst
        return True


@event.listens_for(Session, "before_commit")
def _bump_before_commit(session: Session) -> None:
    # The bump is the last write of the transaction: on PostgreSQL its row lock is held only
    # for the moment of the commit, so it cannot take part in a deadlock with other rows.
    # A savepoint's commit (begin_nested) fires this event too: bumping there would take the
    # lock mid-transaction (a deadlock with a login found by tests/integrity), so the mark is
    # kept for the real commit.
    if session.in_nested_transaction():
        return
    session.flush()  # what the commit is about to write, written now (and marked)
    if _wrote(session):
        bump_data_version(session.connection())


@event.listens_for(Session, "after_transaction_end")
def _forget_connections(session: Session, transaction) -> None:
    # Committed (and bumped) or rolled back: the list goes (the connections are closed by now;
    # their mark is cleared when a session next begins a transaction on them).
    if transaction.parent is None:
        session.info.pop(_CONNECTIONS, None)
