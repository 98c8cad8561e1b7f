"""Two officers' sessions adding projects to the same plan at the same moment, on PostgreSQL
(SQLite serialises writers with BEGIN IMMEDIATE, so the race cannot happen there)."""

import threading
import time

import pytest
from sqlalchemy import text

from digiweb.auth.models import User
from digiweb.extensions import db
from digiweb.plans import services
from digiweb.plans.models import Plan, Project
from tests.conftest import ON_POSTGRES

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not ON_POSTGRES, reason="needs PostgreSQL (TEST_DATABASE_URL)"),
]


def _wait_until_someone_waits_on_a_lock(timeout: float = 20.0) -> None:
    """Poll pg_stat_activity until another backend is blocked on a lock (bounded wait)."""
    deadline = time.monotonic() + timeout
    with db.engine.connect() as conn:
        while time.monotonic() < deadline:
            waiting = conn.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE wait_event_type = 'Lock' AND datname = current_database()"
                )
            ).scalar()
            if waiting:
                return
            conn.commit()
            time.sleep(0.05)
    raise AssertionError("the second session never waited on a lock")


def _race(app, plan_id: int, officer_id: int) -> dict:
    """Session A adds a project and holds its transaction open until session B is blocked
    behind it, then commits; B must then succeed with another number."""
    results, errors = {}, []
    a_inserted = threading.Event()

    def add(name: str, hold: bool):
        try:
            with app.test_request_context():
                officer = db.session.get(User, officer_id)
                plan = db.session.get(Plan, plan_id)
                project = services.create_project(plan, {"title_fr": name}, officer)
                if hold:
                    a_inserted.set()
                    _wait_until_someone_waits_on_a_lock()
                db.session.commit()
                results[name] = project.reference
                db.session.remove()
        except Exception as error:  # reported to the test below
            errors.append(error)
            a_inserted.set()

    first = threading.Thread(target=add, args=("A", True))
    first.start()
    assert a_inserted.wait(20)
    second = threading.Thread(target=add, args=("B", False))
    second.start()
    first.join(30)
    second.join(30)
    assert not errors, errors
    return results


def _ids(world):
    plan_id = world.plan_mf.id
    officer_id = db.session.scalar(db.select(User.id).where(User.username == "officer-mf"))
    db.session.commit()
    return plan_id, officer_id


def test_concurrent_adds_wait_for_each_other_and_get_distinct_numbers(app, world):
    results = _race(app, *_ids(world))
    assert sorted(results.values()) == ["2030-MF-002", "2030-MF-003"]


def test_without_the_plan_lock_the_unique_constraint_is_retried(app, world, monkeypatch):
    """Even when both sessions computed the same number (no row lock), the second insert waits
    on the unique index, fails once it sees the first, and retries with the next number."""
    monkeypatch.setattr(services, "lock_plan", lambda plan: plan)
    results = _race(app, *_ids(world))
    assert sorted(results.values()) == ["2030-MF-002", "2030-MF-003"]
    db.session.expire_all()
    assert db.session.scalar(db.select(db.func.count(Project.id))) == 4
