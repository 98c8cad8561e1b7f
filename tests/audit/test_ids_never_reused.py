"""Ids are never given twice (SQLite AUTOINCREMENT; PostgreSQL's sequences never go back): a
deleted project's id went to the next project, so its history mixed two projects and old links
opened the other one. And the migration that brought it (with the audit chain) on a database
that already holds data."""

import pytest
import sqlalchemy as sa
from sqlalchemy import create_engine, inspect
from sqlalchemy.pool import NullPool

from digiweb import create_app
from digiweb.extensions import db
from digiweb.plans.models import Project
from tests.factories import make_campaign, make_department, make_plan, make_project
from tests.test_migrations import keep_logging_as_it_was  # noqa: F401 - fixture


def test_a_deleted_projects_id_is_not_given_again(app):
    department = make_department("MX")
    plan = make_plan(make_campaign(year=2031, departments=[department]), department)
    first = make_project(plan)
    second = make_project(plan)
    db.session.commit()
    gone = second.id
    db.session.delete(second)
    db.session.commit()
    third = make_project(plan)
    db.session.commit()
    assert third.id > gone > first.id


def test_every_table_with_a_generated_key_is_autoincrement_on_sqlite(app):
    keys = {t: list(t.primary_key.columns) for t in db.metadata.sorted_tables}
    tables = [
        t
        for t, key in keys.items()
        if len(key) == 1 and key[0].autoincrement and isinstance(key[0].type, sa.Integer)
    ]
    assert {"projects", "plans", "meetings", "decisions", "users", "audit_log"} <= {
        t.name for t in tables
    }
    assert all(t.dialect_options["sqlite"]["autoincrement"] for t in tables)


def _flask_db(app, *args):
    result = app.test_cli_runner().invoke(args=["db", *args])
    assert result.exit_code == 0, result.output


@pytest.mark.filterwarnings("ignore:'get_engine' is deprecated:DeprecationWarning")
@pytest.mark.usefixtures("keep_logging_as_it_was")
def test_the_migration_keeps_the_data_chains_the_log_and_stops_id_reuse(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url})
    _flask_db(app, "upgrade", "d51bee822368")
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as conn:
        for code in ("DA", "DB", "DC"):
            conn.execute(
                sa.text(
                    "INSERT INTO departments (code, name_ar, name_fr, active, created_at, "
                    "version) VALUES (:c, 'x', 'x', 1, '2026-01-01 10:00:00.000000', 1)"
                ),
                {"c": code},
            )
        conn.execute(sa.text("DELETE FROM departments WHERE code = 'DC'"))
        for action in ("first", "second"):
            conn.execute(
                sa.text(
                    "INSERT INTO audit_log (created_at, actor_name, action, entity_type, "
                    "entity_label, changes, ip) VALUES ('2026-01-01 10:00:00.123456', 'a', "
                    ":action, 'department', '', '{\"code\": [null, \"DA\"]}', '10.0.0.1')"
                ),
                {"action": action},
            )
    _flask_db(app, "upgrade", "heads")  # and the later batch migrations (meeting_attendees…)
    with engine.begin() as conn:
        sql = dict(conn.execute(sa.text("SELECT name, sql FROM sqlite_master")).all())
        # every table whose key is a generated id, those a later batch migration copied too
        # (the projects table lost AUTOINCREMENT that way once: c7d2e9a41b53)
        generated = [
            t.name
            for t in db.metadata.sorted_tables
            if [c.name for c in t.primary_key.columns] == ["id"] and t.name != "data_version"
        ]
        assert {"departments", "projects", "users", "meeting_attendees"} <= set(generated)
        assert [name for name in generated if "AUTOINCREMENT" not in sql[name]] == []
        assert {"projects_search_insert", "projects_search_update", "audit_log_no_update"} <= set(
            sql
        )
        # (an id freed before the upgrade is not known to SQLite: only later ones are kept)
        conn.execute(sa.text("DELETE FROM departments WHERE code = 'DB'"))  # id 2, the last
        conn.execute(
            sa.text(
                "INSERT INTO departments (code, name_ar, name_fr, active, created_at, version) "
                "VALUES ('DD', 'x', 'x', 1, '2026-01-01 10:00:00.000000', 1)"
            )
        )
        assert conn.execute(sa.text("SELECT id FROM departments WHERE code = 'DD'")).scalar() == 3
    result = app.test_cli_runner().invoke(args=["audit", "verify"])
    assert result.exit_code == 0, result.output
    assert "2 entries checked" in result.output
    with app.app_context():
        assert {c["name"] for c in inspect(db.engine).get_columns("audit_log")} >= {
            "seq",
            "prev_hash",
            "entry_hash",
        }
        db.engine.dispose()
    engine.dispose()
    assert Project.__tablename__ == "projects"
