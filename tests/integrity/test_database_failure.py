"""The database fails at the commit: the user gets 503 with the form and every value typed, in
their language, nothing is written, and "Send again" saves it once the database is back."""

import re

import pytest
from flask import has_request_context
from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from werkzeug.datastructures import MultiDict

from digiweb.extensions import db
from digiweb.meetings.models import Meeting
from digiweb.plans.models import Plan, PlanStatus, Project
from tests.integrity.helpers import HX, form_fields, with_values

ARABIC_TITLE = "منصة رقمية لتسيير الملفات — الإصدار ٢"
ARABIC_SUMMARY = "وصف المشروع باللغة العربية مع علامات الترقيم، والأرقام 2021."


@pytest.fixture
def failing_commits():
    """failing_commits.on = True: every commit of a request fails as a lost database would."""

    class Switch:
        on = False
        failures = 0

    switch = Switch()

    def fail(session):
        if switch.on and has_request_context() and not session.in_nested_transaction():
            switch.failures += 1
            raise OperationalError("COMMIT", None, Exception("injected: server closed"))

    event.listen(Session, "before_commit", fail)
    yield switch
    event.remove(Session, "before_commit", fail)


def _counts() -> dict:
    db.session.rollback()
    return {
        t.name: db.session.scalar(db.select(db.func.count()).select_from(t))
        for t in db.metadata.sorted_tables
    }


def _draft_project() -> Project:
    return db.session.scalars(
        db.select(Project)
        .join(Plan, Plan.id == Project.plan_id)
        .where(Plan.status == PlanStatus.DRAFT)
        .order_by(Project.id)
    ).first()


def _text(response) -> str:
    return response.get_data(as_text=True)


def _assert_form_kept(response, action: str, values: list[str], lang: str, htmx=False):
    assert response.status_code == 503
    assert response.headers["Retry-After"]
    html = _text(response)
    assert ("<html" in html) is not htmx
    resend = form_fields(html, action)
    names = {name for name, _value in resend}
    assert "csrf_token" in names
    sent = [value for _name, value in resend]
    for value in values:
        assert value in sent, value
    expected = {
        "fr": "est pas disponible pour le moment",
        "ar": "قاعدة البيانات غير متاحة",
    }[lang]
    assert expected in html
    assert {"fr": "Envoyer à nouveau", "ar": "إعادة الإرسال"}[lang] in html
    return resend


def test_project_edit_answers_503_with_every_value(as_user, failing_commits):
    for lang, htmx in (("ar", False), ("fr", True)):
        _edit_during_failure(as_user, failing_commits, lang, htmx)


def _edit_during_failure(as_user, failing_commits, lang, htmx):
    project = _draft_project()
    project_id, version, old_title = project.id, project.version, project.title_ar
    officer = as_user(f"officer-{project.department.code.lower()}", lang=lang)
    path = f"/projects/{project_id}/edit"
    form = form_fields(_text(officer.get(path)), path)
    title, summary = f"{ARABIC_TITLE} ({lang})", f"{ARABIC_SUMMARY} ({lang})"
    payload = with_values(
        form, **{f"p{project_id}-title_ar": title, f"p{project_id}-summary_ar": summary}
    )
    before = _counts()
    failing_commits.on = True
    response = officer.post(path, data=MultiDict(payload), headers=HX if htmx else None)
    failing_commits.on = False
    assert failing_commits.failures >= 1
    resend = _assert_form_kept(response, path, [title, summary], lang, htmx)
    assert _counts() == before
    project = db.session.get(Project, project_id)
    assert (project.title_ar, project.version) == (old_title, version)

    # The database is back: "Send again" saves exactly what the user typed.
    response = officer.post(path, data=MultiDict(resend))
    assert response.status_code == 302
    project = db.session.get(Project, project_id)
    assert (project.title_ar, project.summary_ar) == (title, summary)
    assert project.version == version + 1


def test_a_new_project_is_not_half_written_and_is_saved_once(as_user, failing_commits):
    project = _draft_project()
    plan_id = project.plan_id
    officer = as_user(f"officer-{project.department.code.lower()}", lang="ar")
    action = f"/plans/{plan_id}/projects"
    form = form_fields(_text(officer.get(f"/plans/{plan_id}/projects/new")), action)
    payload = with_values(form, new__title_ar=ARABIC_TITLE, new__summary_ar=ARABIC_SUMMARY)
    before = _counts()
    failing_commits.on = True
    response = officer.post(action, data=MultiDict(payload), headers=HX)
    failing_commits.on = False
    resend = _assert_form_kept(response, action, [ARABIC_TITLE, ARABIC_SUMMARY], "ar", htmx=True)
    assert _counts() == before  # no project, no audit entry, no token

    assert officer.post(action, data=MultiDict(resend)).status_code == 302
    assert officer.post(action, data=MultiDict(resend)).status_code in (
        303,
        409,
    )  # sent twice: once
    titles = db.session.scalars(db.select(Project.title_ar).where(Project.plan_id == plan_id))
    assert list(titles).count(ARABIC_TITLE) == 1


def test_plan_fields_answer_503(as_user, failing_commits):
    plan = _draft_project().plan
    plan_id, contact = plan.id, plan.contact_name
    officer = as_user(f"officer-{plan.department.code.lower()}", lang="fr")
    action = f"/plans/{plan_id}/details"
    form = form_fields(_text(officer.get(f"/plans/{plan_id}")), action)
    before = _counts()
    failing_commits.on = True
    payload = with_values(form, contact_name="السيدة فاطمة الزهراء")
    response = officer.post(action, data=MultiDict(payload))
    failing_commits.on = False
    _assert_form_kept(response, action, ["السيدة فاطمة الزهراء"], "fr")
    assert _counts() == before
    assert db.session.get(Plan, plan_id).contact_name == contact


def test_new_meeting_answers_503(as_user, failing_commits):
    secretary = as_user("reviewer", lang="ar")
    form = form_fields(_text(secretary.get("/meetings/new")), "/meetings/new")
    values = {
        "title_ar": "اجتماع لجنة الرقمنة",
        "title_fr": "Réunion du comité",
        "place_ar": "قاعة الاجتماعات الكبرى",
    }
    payload = with_values(form, date="2021-06-15", **values)
    before = _counts()
    failing_commits.on = True
    response = secretary.post("/meetings/new", data=MultiDict(payload))
    failing_commits.on = False
    _assert_form_kept(response, "/meetings/new", list(values.values()), "ar")
    assert _counts() == before
    assert (
        db.session.scalar(db.select(Meeting).where(Meeting.title_ar == values["title_ar"])) is None
    )


def test_new_user_answers_503_and_keeps_the_password_masked(as_user, failing_commits):
    admin = as_user("admin", lang="fr")
    form = form_fields(_text(admin.get("/admin/users/new")), "/admin/users/new")
    payload = with_values(
        form,
        username="agent-test",
        password="Un-mot-de-passe-long-2021",
        confirm="Un-mot-de-passe-long-2021",
        full_name="عبد القادر",
        role="viewer",
        department="",
    )
    before = _counts()
    failing_commits.on = True
    response = admin.post("/admin/users/new", data=MultiDict(payload))
    failing_commits.on = False
    _assert_form_kept(response, "/admin/users/new", ["agent-test", "عبد القادر"], "fr")
    assert re.search(r'type="password"[^>]*value="Un-mot-de-passe-long-2021"', _text(response))
    assert _counts() == before


def test_a_page_read_while_the_database_is_down_answers_a_translated_503(demo_app, as_user):
    for lang in ("ar", "fr"):
        _read_during_failure(as_user, lang)


def _read_during_failure(as_user, lang):
    viewer = as_user("viewer", lang=lang)
    engine = db.engine

    def fail(conn, cursor, statement, parameters, context, executemany):
        if "projects" in statement:
            raise OperationalError(statement, parameters, Exception("injected: no route to host"))

    event.listen(engine, "before_cursor_execute", fail)
    try:
        response = viewer.get("/projects")
    finally:
        event.remove(engine, "before_cursor_execute", fail)
    assert response.status_code == 503
    html = _text(response)
    assert {"fr": "Service indisponible", "ar": "الخدمة غير متوفرة"}[lang] in html
    assert viewer.get("/projects").status_code == 200
