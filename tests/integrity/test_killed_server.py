"""gunicorn is killed (-9, master and workers) while officers add and edit projects: the
database is consistent afterwards, every save that was acknowledged is there, each change has
its audit entry, and the app starts again and serves."""

import http.client
import threading
import time

import pytest
from sqlalchemy import text

import digiweb.models  # noqa: F401 - every table in the metadata
from digiweb.extensions import db
from tests.integrity.helpers import Browser, Server, form_fields, with_values

pytestmark = pytest.mark.slow
WRITERS_PER_PLAN = 2
LOAD_SECONDS = 3.0


def _editable_plans(engine):
    with engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT pl.id, lower(d.code) FROM plans pl JOIN departments d "
                "ON d.id = pl.department_id WHERE pl.status IN ('draft', 'returned') "
                "ORDER BY pl.id"
            )
        ).all()


def _writer(url, plan_id, code, name, stop, acknowledged):
    """Add a project, then edit it, again and again; remember what the server confirmed."""
    try:
        browser = Browser(url, timeout=30).login(f"officer-{code}")
        number = 0
        while not stop.is_set():
            number += 1
            title = f"{name}-{number}"
            action = f"/plans/{plan_id}/projects"
            form = form_fields(browser.get(f"/plans/{plan_id}/projects/new").text, action)
            answer = browser.post(action, with_values(form, new__title_fr=title))
            if answer.status != 302:
                continue
            acknowledged.append(("created", title))
            project_id = int(answer.headers["Location"].rsplit("project-", 1)[1])
            path = f"/projects/{project_id}/edit"
            form = form_fields(browser.get(path).text, path)
            edited = f"{title} édité"
            answer = browser.post(path, with_values(form, **{f"p{project_id}-title_fr": edited}))
            if answer.status == 302:
                acknowledged.append(("edited", edited))
    except (OSError, http.client.HTTPException):
        return  # the server is gone: that is the point


def _orphans(conn) -> list[str]:
    """Rows whose foreign key points at nothing, for every foreign key of the schema."""
    found = []
    for table in db.metadata.sorted_tables:
        for fk in table.foreign_keys:
            child, parent = table.name, fk.column.table.name
            column, target = fk.parent.name, fk.column.name
            count = conn.execute(
                text(
                    f'SELECT count(*) FROM "{child}" c LEFT JOIN "{parent}" p '
                    f'ON c."{column}" = p."{target}" '
                    f'WHERE c."{column}" IS NOT NULL AND p."{target}" IS NULL'
                )
            ).scalar()
            if count:
                found.append(f"{child}.{column} -> {parent}: {count}")
    return found


def test_a_server_killed_during_writes_leaves_a_consistent_database(
    served, database_url, engine_of, tmp_path
):
    engine = engine_of(database_url)
    with engine.connect() as conn:
        first_new_id = conn.execute(text("SELECT max(id) FROM projects")).scalar() + 1
        start_audit = conn.execute(text("SELECT max(id) FROM audit_log")).scalar()
    stop, acknowledged = threading.Event(), []
    threads = [
        threading.Thread(
            target=_writer,
            args=(served.url, plan_id, code, f"K{plan_id}w{i}", stop, acknowledged),
            daemon=True,
        )
        for plan_id, code in _editable_plans(engine)
        for i in range(WRITERS_PER_PLAN)
    ]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 30
    while len(acknowledged) < 10 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(LOAD_SECONDS / 3)
    served.kill()  # mid-load: requests are in flight in every worker
    stop.set()
    for thread in threads:
        thread.join(35)
    assert len(acknowledged) >= 10

    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        assert _orphans(conn) == []

        # Every acknowledged save is there (a commit answered is a commit kept).
        titles = set(
            conn.execute(
                text("SELECT title_fr FROM projects WHERE id >= :i"), {"i": first_new_id}
            ).scalars()
        )
        for kind, title in acknowledged:
            if kind == "created":
                assert title in titles or f"{title} édité" in titles, title
            else:
                assert title in titles, title

        # Each new project has its creation entry, and one update entry per version step:
        # the audit log is written in the transaction of the change, never apart from it.
        rows = conn.execute(
            text(
                "SELECT p.id, p.version, p.plan_id, p.department_id, pl.department_id, "
                "(SELECT count(*) FROM audit_log a WHERE a.entity_type = 'project' "
                " AND a.entity_id = p.id AND a.action = 'project_created' AND a.id > :a), "
                "(SELECT count(*) FROM audit_log a WHERE a.entity_type = 'project' "
                " AND a.entity_id = p.id AND a.action = 'project_updated' AND a.id > :a) "
                "FROM projects p JOIN plans pl ON pl.id = p.plan_id WHERE p.id >= :i"
            ),
            {"i": first_new_id, "a": start_audit},
        ).all()
        assert rows
        for _id, version, _plan, department, plan_department, created, updated in rows:
            assert created == 1
            assert version == 1 + updated
            assert department == plan_department
        entries = conn.execute(
            text(
                "SELECT count(*) FROM audit_log a WHERE a.id > :a AND a.entity_type = 'project' "
                "AND a.action = 'project_created' AND a.entity_id NOT IN (SELECT id FROM projects)"
            ),
            {"a": start_audit},
        ).scalar()
        assert entries == 0  # no entry for a project that was not kept
        duplicates = conn.execute(
            text("SELECT reference FROM projects GROUP BY reference HAVING count(*) > 1")
        ).all()
        assert duplicates == []

    # The app starts again on the same database and serves reads and writes.
    again = Server(database_url, workers=2, threads=2, log=tmp_path / "again.log").start()
    try:
        plan_id, code = _editable_plans(engine)[0]
        officer = Browser(again.url).login(f"officer-{code}")
        assert officer.get(f"/plans/{plan_id}").status == 200
        action = f"/plans/{plan_id}/projects"
        form = form_fields(officer.get(f"/plans/{plan_id}/projects/new").text, action)
        assert officer.post(action, with_values(form, new__title_fr="Après")).status == 302
    finally:
        again.stop()
