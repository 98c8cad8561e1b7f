"""The audit log's hash chain and the database's own protection of it (digiweb/audit/).

Each entry's hash covers its content and the previous entry's hash; `flask audit verify` names
the first entry altered, removed or inserted; triggers refuse UPDATE and DELETE whoever asks.
Tampering is simulated as someone with the database's owner rights would do it: the triggers
lifted (schema.suspended), then a plain SQL statement."""

import itertools
import threading

import pytest
import sqlalchemy as sa

from digiweb.audit import chain, schema
from digiweb.audit.models import AuditLog
from digiweb.audit.services import record
from digiweb.extensions import db
from tests.conftest import ON_POSTGRES


def _entries(count: int, start: int = 0) -> None:
    for number in range(start, start + count):
        record("test_event", "project", number, label=f"P-{number}", changes={"title": ["a", "b"]})
    db.session.commit()


def _tamper(statement: str, **params) -> None:
    with schema.suspended(db.session):
        db.session.execute(sa.text(statement), params)
    db.session.commit()


def _ids() -> list[int]:
    return list(db.session.scalars(sa.select(AuditLog.id).order_by(AuditLog.seq)))


def test_entries_are_chained_in_order_and_verify(app, runner):
    _entries(3)
    _entries(2, start=3)
    rows = list(db.session.scalars(sa.select(AuditLog).order_by(AuditLog.seq)))
    assert [r.seq for r in rows] == [1, 2, 3, 4, 5]
    assert rows[0].prev_hash == chain.GENESIS
    assert all(b.prev_hash == a.entry_hash for a, b in itertools.pairwise(rows))
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 0, result.output
    assert "5 entries checked" in result.output
    head = runner.invoke(args=["audit", "head"])
    assert head.output.strip() == f"5 {rows[-1].entry_hash}"


def test_an_altered_entry_is_named(app, runner):
    _entries(4)
    second = _ids()[1]
    _tamper("UPDATE audit_log SET actor_name = 'someone else' WHERE id = :id", id=second)
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 1
    assert f"entry {second} (position 2) was altered" in result.output


def test_a_removed_entry_is_found(app, runner):
    _entries(4)
    ids = _ids()
    _tamper("DELETE FROM audit_log WHERE id = :id", id=ids[1])
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 1
    assert f"entry {ids[2]} is at position 3 where 2 was expected" in result.output


def test_an_inserted_entry_is_found(app, runner):
    """A forged entry slipped in at position 2 (the later ones moved up one place): the entry
    after it no longer follows."""
    _entries(3)
    ids = _ids()
    _tamper("UPDATE audit_log SET seq = -seq WHERE seq >= 2")  # in two steps: seq is unique
    _tamper("UPDATE audit_log SET seq = 1 - seq WHERE seq < 0")
    forged = AuditLog(action="login", entity_type="user", actor_name="ghost", changes={})
    db.session.add(forged)
    db.session.flush()
    db.session.info.pop("audit_unsealed", None)  # written past the seal, as raw SQL would
    with schema.suspended(db.session):
        db.session.execute(
            sa.text("UPDATE audit_log SET seq = 2, prev_hash = :p, entry_hash = :h WHERE id = :id"),
            {"p": "0" * 64, "h": "f" * 64, "id": forged.id},
        )
    db.session.commit()
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 1
    assert f"entry {forged.id} (position 2) does not follow" in result.output
    assert ids[1] != forged.id


def test_an_entry_written_past_the_application_is_outside_the_chain(app, runner):
    _entries(2)
    db.session.execute(
        sa.text(
            "INSERT INTO audit_log (created_at, actor_name, action, entity_type, entity_label, "
            "changes, ip) VALUES (CURRENT_TIMESTAMP, 'x', 'login', 'user', '', '{}', '')"
        )
    )
    db.session.commit()
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 1
    assert "outside the chain" in result.output


def test_a_cut_tail_is_found_with_a_head_kept_earlier(app, runner):
    _entries(3)
    kept = runner.invoke(args=["audit", "head"]).output.split()[1]
    _tamper("DELETE FROM audit_log WHERE seq = 3")
    assert runner.invoke(args=["audit", "verify"]).exit_code == 0  # the rest still holds
    result = runner.invoke(args=["audit", "verify", "--head", kept])
    assert result.exit_code == 1
    assert "no longer in the chain" in result.output


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_log SET actor_name = 'someone else'",
        "UPDATE audit_log SET entry_hash = NULL",
        "DELETE FROM audit_log",
    ],
)
def test_the_database_refuses_updates_and_deletes(app, statement):
    _entries(2)
    with pytest.raises(sa.exc.DBAPIError, match="append-only"):
        db.session.execute(sa.text(statement))
    db.session.rollback()
    assert runner_ok()


@pytest.mark.skipif(not ON_POSTGRES, reason="TRUNCATE is PostgreSQL's")
def test_postgresql_refuses_truncate(app):
    _entries(1)
    with pytest.raises(sa.exc.DBAPIError, match="append-only"):
        db.session.execute(sa.text("TRUNCATE audit_log"))
    db.session.rollback()


def runner_ok() -> bool:
    return chain.verify().ok


def test_the_orm_refuses_to_change_or_delete_a_sealed_entry(app):
    _entries(1)
    entry = db.session.scalar(sa.select(AuditLog))
    entry.actor_name = "someone else"
    with pytest.raises(RuntimeError, match="append-only"):
        db.session.flush()
    db.session.rollback()
    db.session.delete(db.session.scalar(sa.select(AuditLog)))
    with pytest.raises(RuntimeError, match="append-only"):
        db.session.flush()
    db.session.rollback()


def test_rolled_back_entries_leave_no_hole(app):
    record("kept", "plan", 1)
    db.session.commit()
    record("dropped", "plan", 2)
    db.session.flush()
    db.session.rollback()
    with db.session.begin_nested():
        record("in a savepoint", "plan", 3)
    nested = db.session.begin_nested()
    record("savepoint rolled back", "plan", 4)
    db.session.flush()
    nested.rollback()
    record("kept too", "plan", 5)
    db.session.commit()
    actions = list(db.session.scalars(sa.select(AuditLog.action).order_by(AuditLog.seq)))
    assert actions == ["kept", "in a savepoint", "kept too"]
    verdict = chain.verify()
    assert verdict.ok and verdict.checked == 3


def test_concurrent_writers_never_chain_to_the_same_entry(app):
    """Eight threads, each its own session and transactions, writing at once: one chain."""
    errors = []

    def write(number):
        try:
            with app.app_context():
                for round_ in range(5):
                    record("concurrent", "plan", number * 100 + round_)
                    db.session.commit()
                db.session.remove()
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    verdict = chain.verify()
    assert verdict.ok, verdict.problem
    assert verdict.checked == 40


def test_demo_reset_empties_the_log_through_its_triggers(app):
    from digiweb.demo.services import reset_database

    _entries(2)
    reset_database()
    assert db.session.scalar(sa.select(sa.func.count(AuditLog.id))) == 0
    with pytest.raises(sa.exc.DBAPIError):  # the triggers are back
        _entries(1)
        db.session.execute(sa.text("DELETE FROM audit_log"))
    db.session.rollback()


@pytest.mark.postgres
@pytest.mark.skipif(not ON_POSTGRES, reason="PostgreSQL's privileges")
def test_the_privileges_of_docs_deployment_leave_the_app_only_insert_and_seal(app):
    """The GRANT/REVOKE of docs/deployment.md: the application's role inserts and seals
    entries, and may neither change, delete, truncate them nor lift the triggers."""
    import uuid

    role = f"digiweb_app_{uuid.uuid4().hex[:8]}"
    setup = [
        f"CREATE ROLE {role} NOLOGIN",
        f"GRANT USAGE ON SCHEMA public TO {role}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}",
        f"REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM {role}",
        f"GRANT UPDATE (seq, prev_hash, entry_hash) ON audit_log TO {role}",
    ]
    for statement in setup:
        db.session.execute(sa.text(statement))
    db.session.commit()
    try:
        db.session.execute(sa.text(f"SET LOCAL ROLE {role}"))
        _entries(2)  # inserted and sealed as the application's role
        db.session.execute(sa.text(f"SET LOCAL ROLE {role}"))
        for statement in (
            "UPDATE audit_log SET actor_name = 'x'",
            "DELETE FROM audit_log",
            "TRUNCATE audit_log",
            "ALTER TABLE audit_log DISABLE TRIGGER USER",
        ):
            with pytest.raises(sa.exc.DBAPIError), db.session.begin_nested():
                db.session.execute(sa.text(statement))
        db.session.rollback()
        assert chain.verify().checked == 2
    finally:
        db.session.rollback()
        db.session.execute(sa.text(f"DROP OWNED BY {role}"))
        db.session.execute(sa.text(f"DROP ROLE {role}"))
        db.session.commit()
