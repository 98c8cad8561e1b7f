"""Restore drill across the whole database: after a backup, rows are added, changed and deleted
in many tables; the restore gives back every table of the database exactly (not only the
models' tables), and the restored database takes new records (PostgreSQL sequences included)."""

import shutil

import pytest
import sqlalchemy as sa
from sqlalchemy import inspect

from digiweb.audit import chain
from digiweb.audit.services import record
from digiweb.auth.models import User
from digiweb.departments.models import Department
from digiweb.documents.models import Document
from digiweb.extensions import db
from digiweb.meetings.models import Meeting
from digiweb.plans.models import Plan, PlanStatus, Project
from digiweb.plans.services import create_project
from tests.conftest import ON_POSTGRES


@pytest.fixture
def needs_pg_tools():
    if ON_POSTGRES and not shutil.which("pg_dump"):
        pytest.skip("pg_dump is not installed")


def _every_table() -> dict:
    """Every table the database holds (asked from the database, not from the models)."""
    db.session.remove()
    tables = sorted(inspect(db.engine).get_table_names())
    content = {}
    with db.engine.connect() as conn:
        for name in tables:
            table = db.Table(name, db.MetaData(), autoload_with=conn)
            order = list(table.primary_key.columns) or list(table.columns)
            rows = conn.execute(db.select(table).order_by(*order)).all()
            content[name] = sorted(tuple(row) for row in rows)
    return content


def _attach_a_document():
    """An attached file (bytes that are not text) that the restore must give back."""
    meeting = db.session.scalars(db.select(Meeting)).first()
    data = b"%PDF-1.7\n\x00\xff\xfe" + bytes(range(256))
    db.session.add(
        Document(
            meeting_id=meeting.id,
            filename="ordre du jour.pdf",
            content_type="application/pdf",
            size=len(data),
            sha256="0" * 64,
            data=data,
        )
    )
    db.session.commit()


def _damage():
    """Add, change and delete in many tables, as a day of work (or a bad script) would."""
    user = db.session.scalar(db.select(User).where(User.username == "viewer"))
    user.full_name = "Changé après la sauvegarde"
    db.session.add(Department(code="MNEW", name_ar="وزارة جديدة", name_fr="Nouveau ministère"))
    meeting = db.session.scalars(db.select(Meeting)).first()
    meeting.title_fr = "Réunion changée"
    db.session.execute(db.delete(Project).where(Project.sequence > 5))
    db.session.execute(db.delete(Document))
    record("backup_drill", "plan", None, label="after the backup")
    db.session.commit()


def test_restore_gives_back_every_table_of_the_database(demo_app, tmp_path, needs_pg_tools):
    runner = demo_app.test_cli_runner()
    _attach_a_document()
    before = _every_table()
    assert {"projects", "audit_log", "users", "meetings", "form_submissions"} <= set(before)
    file = tmp_path / "digiweb.backup"
    result = runner.invoke(args=["backup", str(file)])
    assert result.exit_code == 0, result.output

    _damage()
    damaged = _every_table()
    assert damaged != before
    changed = {name for name in before if before[name] != damaged.get(name)}
    assert {"users", "departments", "meetings", "projects", "audit_log", "documents"} <= changed

    result = runner.invoke(args=["restore", str(file), "--yes"])
    assert result.exit_code == 0, result.output
    restored = _every_table()
    assert set(restored) == set(before)
    for name in before:
        assert restored[name] == before[name], f"table {name} differs after the restore"
    # the audit chain holds, and its triggers came back with the table
    assert chain.verify().ok
    with pytest.raises(sa.exc.DBAPIError, match="append-only"):
        db.session.execute(sa.text("DELETE FROM audit_log"))
    db.session.rollback()

    # The restored database takes new records (ids from restored sequences on PostgreSQL).
    with demo_app.test_request_context():
        plan = db.session.scalars(db.select(Plan).where(Plan.status == PlanStatus.DRAFT)).first()
        officer = db.session.scalar(db.select(User).where(User.department_id == plan.department_id))
        project = create_project(plan, {"title_fr": "Après la restauration"}, officer)
        db.session.add(Department(code="MAFTER", name_ar="بعد", name_fr="Après"))
        db.session.commit()
        assert project.id > max(row[0] for row in before["projects"])
