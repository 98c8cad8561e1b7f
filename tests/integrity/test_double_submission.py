"""A create form sent twice with the same payload (a double click, a resent POST) creates one
record: the second post writes nothing at all and answers with the first result."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import text
from werkzeug.datastructures import MultiDict

from digiweb.extensions import db
from digiweb.integrity import FormSubmission
from digiweb.plans.models import Plan, PlanStatus
from tests.integrity.helpers import HX, Browser, form_fields, forms_of, with_values


def _counts() -> dict:
    db.session.rollback()
    return {
        t.name: db.session.scalar(db.select(db.func.count()).select_from(t))
        for t in db.metadata.sorted_tables
    }


def _text(response) -> str:
    return response.get_data(as_text=True)


def _plan(status: PlanStatus) -> Plan:
    return db.session.scalars(
        db.select(Plan).where(Plan.status == status).order_by(Plan.id)
    ).first()


def _new_meeting(client) -> str:
    form = form_fields(_text(client.get("/meetings/new")), "/meetings/new")
    payload = with_values(form, title_ar="اجتماع", title_fr="Réunion", date="2021-06-15")
    response = client.post("/meetings/new", data=MultiDict(payload))
    assert response.status_code == 302
    return response.headers["Location"]


def _twice(client, page: str, action: str, values: dict, headers=None):
    """Post the form found on `page` twice with the same payload; return both answers and
    what each changed in the database."""
    form = form_fields(_text(client.get(page)), action)
    assert any(name == "_submission" for name, _v in form), f"no one-time token in {action}"
    payload = MultiDict(with_values(form, **values))
    before = _counts()
    first = client.post(action, data=payload, headers=headers)
    after_first = _counts()
    second = client.post(action, data=payload, headers=headers)
    after_second = _counts()
    assert first.status_code in (200, 302, 303), _text(first)[:3000]
    created = {k: after_first[k] - before[k] for k in before if after_first[k] != before[k]}
    assert created, "the first post created nothing"
    assert after_second == after_first, "the second post wrote something"
    return first, second


def _assert_second_answer(first, second, htmx: bool):
    if htmx:
        assert second.status_code == 409
        assert second.headers.get("HX-Refresh") == "true" or second.headers.get("HX-Location")
    elif first.status_code in (302, 303):
        assert second.status_code == 303
        assert second.headers["Location"] == first.headers["Location"]
    else:
        assert second.status_code == 409


def test_add_project_twice_creates_one_project(as_user):
    for htmx in (False, True):
        _add_project_twice(as_user, htmx)


def _add_project_twice(as_user, htmx):
    plan = _plan(PlanStatus.DRAFT)
    officer = as_user(f"officer-{plan.department.code.lower()}", lang="ar")
    first, second = _twice(
        officer,
        f"/plans/{plan.id}/projects/new",
        f"/plans/{plan.id}/projects",
        {"new-title_ar": "مشروع أرسل مرتين", "new-title_fr": "Projet envoyé deux fois"},
        headers=HX if htmx else None,
    )
    _assert_second_answer(first, second, htmx)
    if not htmx:
        # The user lands on the project created by the first post, told it was saved once.
        page = officer.get(second.headers["Location"])
        assert "سبق حفظ هذه الاستمارة" in _text(page)


def test_new_meeting_twice_creates_one_meeting(as_user):
    secretary = as_user("reviewer", lang="fr")
    first, second = _twice(
        secretary,
        "/meetings/new",
        "/meetings/new",
        {"title_ar": "اجتماع مرتين", "title_fr": "Réunion deux fois", "date": "2021-07-01"},
    )
    _assert_second_answer(first, second, htmx=False)


MEETING_PARTS = (
    ("/agenda", {"title_ar": "بند جديد", "title_fr": "Nouveau point"}),
    ("/decisions", {"text_ar": "قرار جديد", "text_fr": "Nouvelle décision"}),
    ("/attendees", {"name": "عبد الله", "function_ar": "مدير", "function_fr": "Directeur"}),
)


def test_meeting_parts_added_twice_are_added_once(as_user):
    secretary = as_user("reviewer", lang="ar")
    meeting_url = _new_meeting(secretary)
    for htmx in (False, True):
        for action, values in MEETING_PARTS:
            first, second = _twice(
                secretary, meeting_url, meeting_url + action, values, headers=HX if htmx else None
            )
            _assert_second_answer(first, second, htmx)


def test_a_remark_sent_twice_is_recorded_once(as_user):
    plan = _plan(PlanStatus.SUBMITTED)
    reviewer = as_user("reviewer", lang="ar")
    page = _text(reviewer.get(f"/plans/{plan.id}"))
    action = next(a["action"] for a, _f in forms_of(page) if "remark" in a.get("action", ""))
    first, second = _twice(
        reviewer, f"/plans/{plan.id}", action, {"comment": "ملاحظة أرسلت مرتين"}, headers=HX
    )
    _assert_second_answer(first, second, htmx=True)


def test_campaign_user_and_department_created_once(as_user):
    admin = as_user("admin", lang="fr")
    for page, values in (
        ("/campaigns/new", {"year": "2022", "title_ar": "حملة 2022", "title_fr": "Campagne 2022"}),
        (
            "/admin/users/new",
            {
                "username": "agent-double",
                "password": "Un-mot-de-passe-2021",
                "confirm": "Un-mot-de-passe-2021",
                "full_name": "Agent double",
                "role": "viewer",
                "department": "",
            },
        ),
        (
            "/admin/departments/new",
            {"code": "MTEST", "name_ar": "وزارة الاختبار", "name_fr": "Ministère de l'essai"},
        ),
    ):
        first, second = _twice(admin, page, page, values)
        _assert_second_answer(first, second, htmx=False)


def test_a_failed_validation_leaves_the_token_usable(as_user):
    """Nothing is saved on a 422, so the same form, corrected, still saves (once)."""
    plan = _plan(PlanStatus.DRAFT)
    officer = as_user(f"officer-{plan.department.code.lower()}")
    action = f"/plans/{plan.id}/projects"
    form = form_fields(_text(officer.get(f"/plans/{plan.id}/projects/new")), action)
    bad = officer.post(action, data=MultiDict(with_values(form, new__progress="cent")))
    assert bad.status_code == 422
    good = MultiDict(with_values(form, new__title_fr="Corrigé"))
    assert officer.post(action, data=good).status_code == 302
    assert officer.post(action, data=good).status_code == 303
    assert db.session.scalar(db.select(db.func.count()).select_from(FormSubmission)) == 1


@pytest.mark.slow
def test_simultaneous_double_submissions_against_gunicorn(served, database_url, engine_of):
    """Five copies of one form posted at the same moment to gunicorn: one project."""
    engine = engine_of(database_url)
    with engine.connect() as conn:
        plan_id, code = conn.execute(
            text(
                "SELECT pl.id, lower(d.code) FROM plans pl JOIN departments d "
                "ON d.id = pl.department_id WHERE pl.status = 'draft' ORDER BY pl.id LIMIT 1"
            )
        ).one()
    officer = Browser(served.url).login(f"officer-{code}")
    action = f"/plans/{plan_id}/projects"
    for round_, headers in enumerate((None, HX)):
        form = form_fields(officer.get(f"/plans/{plan_id}/projects/new").text, action)
        title = f"Double clic {round_}"
        payload = with_values(form, new__title_fr=title)
        barrier = threading.Barrier(5)

        def post(_i, payload=payload, headers=headers, barrier=barrier):
            barrier.wait(30)
            return officer.post(action, payload, headers=headers)

        with ThreadPoolExecutor(5) as pool:
            statuses = sorted(a.status for a in pool.map(post, range(5)))
        assert not [s for s in statuses if s >= 500], statuses
        assert sum(s in (200, 302) for s in statuses) == 1, statuses
        with engine.connect() as conn:
            count = conn.execute(
                text("SELECT count(*) FROM projects WHERE title_fr = :t"), {"t": title}
            ).scalar()
        assert count == 1
