"""20 users save the same record at the same moment, from the same version, against gunicorn
(3 processes × 4 threads) on SQLite or PostgreSQL: exactly one save wins per version, the 19
others get 409 with their own input and the current values, never a 500; the database holds
exactly the winner's values, one version further, with one audit entry."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import text

from tests.integrity.helpers import HX, Browser, form_fields, with_values

USERS = 20
pytestmark = pytest.mark.slow


def _browsers(url: str, username: str, count: int = USERS) -> list[Browser]:
    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(lambda _i: Browser(url).login(username), range(count)))


def _forms(browsers, page, action):
    """Each user opens the form (its own CSRF token, the same version for everyone)."""
    with ThreadPoolExecutor(len(browsers)) as pool:
        return list(pool.map(lambda b: form_fields(b.get(page).text, action), browsers))


def _race(browsers, path, payloads, htmx_every=2):
    """Every browser posts its payload at the same moment (half of them over htmx)."""
    barrier = threading.Barrier(len(browsers))

    def post(i):
        barrier.wait(30)
        headers = HX if i % htmx_every == 0 else None
        return browsers[i].post(path, payloads[i], headers=headers)

    with ThreadPoolExecutor(len(browsers)) as pool:
        return list(pool.map(post, range(len(browsers))))


def _one_winner(answers, payload_values):
    statuses = [a.status for a in answers]
    assert not [s for s in statuses if s >= 500], statuses
    won = [i for i, a in enumerate(answers) if a.status in (200, 302, 303)]
    assert len(won) == 1, statuses
    lost = [i for i in range(len(answers)) if i not in won]
    assert all(answers[i].status == 409 for i in lost), statuses
    for i in lost:
        # The conflict view keeps the user's own input and shows what is now saved.
        assert payload_values[i] in answers[i].text
        assert payload_values[won[0]] in answers[i].text
    return won[0]


def _editable_project(engine):
    with engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT p.id, p.version, lower(d.code) FROM projects p "
                "JOIN plans pl ON pl.id = p.plan_id JOIN departments d ON d.id = pl.department_id "
                "WHERE pl.status = 'draft' ORDER BY p.id LIMIT 1"
            )
        ).one()


def _audit_count(engine, entity_type, entity_id, action):
    with engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT count(*) FROM audit_log WHERE entity_type = :t AND entity_id = :i "
                "AND action = :a"
            ),
            {"t": entity_type, "i": entity_id, "a": action},
        ).scalar()


def test_twenty_concurrent_edits_of_one_project(shared_served, shared_database_url, engine_of):
    engine = engine_of(shared_database_url)
    project_id, version, code = _editable_project(engine)
    browsers = _browsers(shared_served.url, f"officer-{code}")
    path = f"/projects/{project_id}/edit"
    audits_before = _audit_count(engine, "project", project_id, "project_updated")

    for round_ in range(2):  # one winner for each version
        forms = _forms(browsers, path, path)
        prefix = f"p{project_id}"
        values = [f"Titre concurrent {round_}-{i}" for i in range(USERS)]
        payloads = [
            with_values(
                forms[i],
                **{f"{prefix}-title_fr": values[i], f"{prefix}-title_ar": f"عنوان متزامن {i}"},
            )
            for i in range(USERS)
        ]
        answers = _race(browsers, path, payloads)
        winner = _one_winner(answers, values)

        with engine.connect() as conn:
            row = conn.execute(
                text("SELECT title_fr, title_ar, version FROM projects WHERE id = :i"),
                {"i": project_id},
            ).one()
        assert row.title_fr == values[winner]
        assert row.title_ar == f"عنوان متزامن {winner}"
        assert row.version == version + round_ + 1
    assert _audit_count(engine, "project", project_id, "project_updated") == audits_before + 2
    assert "Traceback" not in shared_served.log_text()


def test_twenty_concurrent_edits_of_a_plans_own_fields(
    shared_served, shared_database_url, engine_of
):
    engine = engine_of(shared_database_url)
    with engine.connect() as conn:
        plan_id, version, code = conn.execute(
            text(
                "SELECT pl.id, pl.version, lower(d.code) FROM plans pl "
                "JOIN departments d ON d.id = pl.department_id WHERE pl.status = 'draft' "
                "ORDER BY pl.id LIMIT 1"
            )
        ).one()
    browsers = _browsers(shared_served.url, f"officer-{code}")
    action = f"/plans/{plan_id}/details"
    forms = _forms(browsers, f"/plans/{plan_id}", action)
    names = [f"المسؤول رقم {i}" for i in range(USERS)]
    payloads = [with_values(forms[i], contact_name=names[i]) for i in range(USERS)]
    answers = _race(browsers, action, payloads)
    winner = _one_winner(answers, names)
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT contact_name, version FROM plans WHERE id = :i"), {"i": plan_id}
        ).one()
    assert row.contact_name == names[winner]
    assert row.version == version + 1
    assert _audit_count(engine, "plan", plan_id, "plan_updated") >= 1


def test_twenty_concurrent_edits_of_a_meeting(shared_served, shared_database_url, engine_of):
    engine = engine_of(shared_database_url)
    secretary = Browser(shared_served.url).login("reviewer")
    form = form_fields(secretary.get("/meetings/new").text, "/meetings/new")
    created = secretary.post(
        "/meetings/new",
        with_values(
            form, title_ar="اجتماع الاختبار", title_fr="Réunion d'essai", date="2021-06-15"
        ),
    )
    assert created.status in (302, 303), created.text[:2000]
    reference = created.headers["Location"].rstrip("/").rsplit("/", 1)[-1]
    path = f"/meetings/{reference}/edit"
    browsers = _browsers(shared_served.url, "reviewer")
    forms = _forms(browsers, path, path)
    titles = [f"Réunion modifiée {i}" for i in range(USERS)]
    payloads = [with_values(forms[i], title_fr=titles[i]) for i in range(USERS)]
    answers = _race(browsers, path, payloads)
    winner = _one_winner(answers, titles)
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT title_fr, version FROM meetings WHERE reference = :r"), {"r": reference}
        ).one()
    assert row.title_fr == titles[winner]
