"""Restore drill: a backup restored gives back every record of every table."""

import shutil

import pytest

from digiweb.extensions import db
from digiweb.plans.models import Project
from tests.conftest import ON_POSTGRES


def _dump_all_tables() -> dict:
    content = {}
    for table in db.metadata.sorted_tables:
        order = list(table.primary_key.columns) or list(table.columns)
        rows = db.session.execute(db.select(table).order_by(*order)).all()
        content[table.name] = [tuple(row) for row in rows]
    return content


@pytest.fixture
def needs_pg_tools():
    if ON_POSTGRES and not shutil.which("pg_dump"):
        pytest.skip("pg_dump is not installed")


def test_restore_drill_gives_back_every_record(demo_app, tmp_path, needs_pg_tools):
    runner = demo_app.test_cli_runner()
    before = _dump_all_tables()
    assert len(before["projects"]) > 200
    db.session.commit()
    file = tmp_path / "digiweb.backup"
    result = runner.invoke(args=["backup", str(file)])
    assert result.exit_code == 0, result.output
    assert file.stat().st_size > 0

    # Damage the data after the backup.
    db.session.execute(db.delete(Project).where(Project.sequence > 3))
    db.session.commit()
    assert len(_dump_all_tables()["projects"]) < len(before["projects"])

    result = runner.invoke(args=["restore", str(file), "--yes"])
    assert result.exit_code == 0, result.output
    db.session.remove()
    assert _dump_all_tables() == before


def test_restore_refuses_a_file_that_is_not_a_backup(demo_app, tmp_path):
    if ON_POSTGRES:
        pytest.skip("the SQLite integrity check is what this test exercises")
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"not a database at all" * 100)
    count = db.session.scalar(db.select(db.func.count(Project.id)))
    result = demo_app.test_cli_runner().invoke(args=["restore", str(bogus), "--yes"])
    assert result.exit_code != 0
    assert "not a valid SQLite database" in result.output
    db.session.remove()
    assert db.session.scalar(db.select(db.func.count(Project.id))) == count


def test_restore_asks_for_confirmation(demo_app, tmp_path):
    result = demo_app.test_cli_runner().invoke(args=["restore", str(tmp_path / "x")], input="n\n")
    assert result.exit_code != 0
