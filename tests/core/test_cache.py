"""digiweb.cache: results keyed on the data version never outlive a change of data."""

import sqlalchemy as sa

from digiweb import cache
from digiweb.audit.models import AuditLog
from digiweb.departments.models import Department
from digiweb.extensions import db
from tests.factories import make_department


def _version() -> int:
    db.session.expire_all()
    return db.session.execute(sa.text("SELECT value FROM data_version WHERE id = 1")).scalar() or 0


def test_every_commit_that_changes_data_gives_a_new_version(app):
    before = _version()
    make_department("CACHE1")
    db.session.commit()
    first = _version()
    assert first != before

    department = db.session.scalar(db.select(Department).filter_by(code="CACHE1"))
    department.name_fr = "Ministère renommé"
    db.session.commit()
    assert _version() not in (before, first)


def test_a_commit_without_changes_or_with_only_audit_entries_keeps_the_version(app):
    make_department("CACHE2")
    db.session.commit()
    version = _version()
    db.session.commit()
    assert _version() == version
    db.session.add(AuditLog(action="login_failed", entity_type="user", entity_id=None))
    db.session.commit()
    assert _version() == version


def test_a_rolled_back_change_keeps_the_version(app):
    make_department("CACHE3")
    db.session.commit()
    version = _version()
    make_department("CACHE4")
    db.session.flush()
    db.session.rollback()
    assert _version() == version
    # The flag of the rolled-back flush does not leak into the next, empty, commit.
    db.session.commit()
    assert _version() == version


def test_core_writes_bump_by_hand(app):
    version = _version()
    cache.bump_data_version(db.session.connection())
    db.session.commit()
    assert _version() != version


def test_cached_computes_once_per_version_and_key(app):
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    with app.test_request_context():
        assert cache.cached("test", ("a",), compute) == 1
        assert cache.cached("test", ("a",), compute) == 1
        assert cache.cached("test", ("b",), compute) == 2
    make_department("CACHE5")
    db.session.commit()
    with app.test_request_context():
        # A new version: the old entry can no longer be reached.
        assert cache.cached("test", ("a",), compute) == 3
    assert len(calls) == 3


def test_the_cache_can_be_turned_off(app):
    app.config["CACHE_ENABLED"] = False
    calls = []
    for _ in range(2):
        cache.cached("test", "k", lambda: calls.append(1))
    assert len(calls) == 2


def test_the_store_keeps_at_most_its_size(app):
    app.config["CACHE_MAX_ENTRIES"] = 3
    app.extensions.pop("digiweb_cache", None)
    for i in range(10):
        cache.cached("test", i, lambda i=i: i)
    assert cache.cache_stats()["entries"] == 3
    cache.clear_cache()
    assert cache.cache_stats()["entries"] == 0


def test_a_session_with_uncommitted_changes_neither_reads_nor_fills_the_cache(app):
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    with app.test_request_context():
        assert cache.cached("test", "pending", compute) == 1
        make_department("CACHE6")  # flushed, not committed: no version names this state yet
        assert cache.cached("test", "pending", compute) == 2
        assert cache.cached("test", "pending", compute) == 3
        db.session.rollback()
        assert cache.cached("test", "pending", compute) == 1  # the entry from before
