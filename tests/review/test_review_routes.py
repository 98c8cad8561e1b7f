"""The review routes through HTTP: access for every role, refusals with a message and nothing
changed, two reviewers at once, htmx fragments, remarks, answers, follow-up."""

import html
import re

import pytest
import sqlalchemy as sa

from digiweb.audit.models import AuditLog
from digiweb.extensions import db
from digiweb.plans.models import Plan, PlanEvent, PlanEventKind, PlanStatus, ProgressUpdate, Project
from digiweb.review import remarks as review_remarks
from digiweb.review import services
from tests.factories import client_as
from tests.review.decision_helpers import accept_all

CONFIRM = {"confirm": "yes"}  # the box that confirms what cannot be undone (digiweb/confirm.py)
USERNAMES = {
    "owner": "officer-da",
    "other": "officer-db",
    "reviewer": "reviewer",
    "reviewer2": "reviewer2",
    "admin": "admin",
    "viewer": "viewer",
}


@pytest.fixture
def as_role(app, world):
    def factory(role: str, lang: str | None = None):
        return client_as(app, USERNAMES[role], lang)

    return factory


def set_status(plan_id: int, status: PlanStatus) -> Plan:
    plan = db.session.get(Plan, plan_id)
    plan.status = status
    db.session.commit()
    return plan


def state(plan_id: int):
    """What a refused request must leave untouched."""
    db.session.expire_all()
    plan = db.session.get(Plan, plan_id)
    return (
        plan.status,
        plan.version,
        db.session.scalar(sa.select(sa.func.count(PlanEvent.id))),
        db.session.scalar(
            sa.select(sa.func.count(AuditLog.id)).where(AuditLog.entity_type != "user")
        ),
    )


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


LEGAL_FROM = {
    "submit": PlanStatus.DRAFT,
    "return": PlanStatus.SUBMITTED,
    "approve": PlanStatus.SUBMITTED,
    "reopen": PlanStatus.APPROVED,
}
FORM = {
    "submit": {**CONFIRM},
    "return": {"comment": "Précisez les dates."},
    "approve": {"comment": "", **CONFIRM},
    "reopen": {"reason": "Budget à revoir"},
}
# What each role gets for each action on a plan in the status the action needs.
EXPECTED = {
    "submit": {"owner": 303, "other": 404, "reviewer": 403, "admin": 403, "viewer": 403},
    "return": {"owner": 403, "other": 404, "reviewer": 303, "admin": 303, "viewer": 403},
    "approve": {"owner": 403, "other": 404, "reviewer": 303, "admin": 303, "viewer": 403},
    "reopen": {"owner": 403, "other": 404, "reviewer": 303, "admin": 303, "viewer": 403},
}


@pytest.mark.parametrize("role", ["owner", "other", "reviewer", "admin", "viewer"])
@pytest.mark.parametrize("action", list(EXPECTED))
def test_workflow_routes_by_role(world, as_role, action, role):
    plan = set_status(world.plan.id, LEGAL_FROM[action])
    if action == "approve":
        accept_all(plan)  # approving needs every project decided
        db.session.commit()
    client = as_role(role)
    before = state(plan.id)
    data = {"version": plan.version, **FORM[action]}
    response = client.post(f"/plans/{plan.id}/{action}", data=data)
    assert response.status_code == EXPECTED[action][role]
    if response.status_code == 303:
        assert (
            response.headers["Location"].endswith(f"/plans/{plan.id}")
            or "/review" in (response.headers["Location"])
        )
        assert state(plan.id)[0] != before[0]
    else:
        assert state(plan.id) == before
        if response.status_code == 403:
            assert "error-summary" in text(response)  # the refusal is explained


@pytest.mark.parametrize("action", list(EXPECTED))
def test_anonymous_posts_go_to_login(client, world, action):
    plan = world.plan
    response = client.post(f"/plans/{plan.id}/{action}", data={"version": plan.version})
    assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize(
    "path",
    ["/plans", "/plans/{plan}/review", "/projects/{project}/progress", "/notifications"],
)
def test_anonymous_pages_go_to_login(client, world, path):
    path = path.format(plan=world.plan.id, project=world.plan.projects[0].id)
    response = client.get(path)
    assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize(
    ("role", "expected"),
    [("owner", 403), ("other", 403), ("reviewer", 200), ("admin", 200), ("viewer", 200)],
)
def test_board_access(world, as_role, role, expected):
    assert as_role(role).get("/plans").status_code == expected


def test_illegal_transition_answers_409_with_a_translated_message(world, as_role):
    plan = set_status(world.plan.id, PlanStatus.APPROVED)
    client = as_role("reviewer", lang="fr")
    before = state(plan.id)
    response = client.post(f"/plans/{plan.id}/approve", data={"version": plan.version, **CONFIRM})
    assert response.status_code == 409
    assert "Seul un plan envoyé peut être approuvé" in text(response)
    assert state(plan.id) == before


def test_return_without_comment_is_422_and_keeps_the_remarks_typed(world, as_role):
    plan = set_status(world.plan.id, PlanStatus.SUBMITTED)
    project = plan.projects[0]
    client = as_role("reviewer", lang="fr")
    before = state(plan.id)
    response = client.post(
        f"/plans/{plan.id}/return",
        data={"version": plan.version, "comment": " ", f"remark-{project.id}": "Dates à revoir"},
    )
    assert response.status_code == 422
    body = text(response)
    assert "Expliquez dans un commentaire" in body
    assert 'value="Dates à revoir"' in body
    assert state(plan.id) == before


def test_incomplete_plan_answers_422_listing_what_is_missing(world, as_role):
    plan = world.plan
    plan.projects[0].end_date = None
    db.session.commit()
    client = as_role("owner", lang="fr")
    before = state(plan.id)
    response = client.post(f"/plans/{plan.id}/submit", data={"version": plan.version, **CONFIRM})
    assert response.status_code == 422
    body = text(response)
    assert "ne peut pas encore être envoyé" in body
    assert plan.projects[0].reference in body
    assert state(plan.id) == before


def test_two_reviewers_at_once_one_wins_the_other_gets_a_clear_message(world, as_role):
    plan = set_status(world.plan.id, PlanStatus.SUBMITTED)
    accept_all(plan)
    db.session.commit()
    first, second = as_role("reviewer", lang="fr"), as_role("reviewer2", lang="fr")
    # Both opened the plan at the same version.
    page = text(second.get(f"/plans/{plan.id}/review"))
    approve_form = page[page.index('id="action-approve"') :]
    seen = int(re.search(r'name="version" value="(\d+)"', approve_form).group(1))
    assert seen == plan.version
    assert (
        first.post(f"/plans/{plan.id}/approve", data={"version": seen, **CONFIRM}).status_code
        == 303
    )
    response = second.post(
        f"/plans/{plan.id}/return", data={"version": seen, "comment": "Budget à revoir"}
    )
    assert response.status_code == 409
    body = text(response)
    assert "Quelqu'un d'autre a modifié ce plan entre-temps" in body
    assert "Approuvé" in body  # the current state
    assert "Budget à revoir" in body  # and what the second reviewer had typed
    db.session.expire_all()
    plan = db.session.get(Plan, plan.id)
    assert plan.status == PlanStatus.APPROVED
    assert (
        db.session.scalar(
            sa.select(sa.func.count(PlanEvent.id)).where(PlanEvent.kind == PlanEventKind.RETURNED)
        )
        == 0
    )


def test_officer_of_another_department_gets_404_everywhere(world, as_role):
    plan = set_status(world.plan.id, PlanStatus.SUBMITTED)
    remark = services_remark(world, plan)
    project = plan.projects[0]
    client = as_role("other")
    before = state(plan.id)
    for method, path, data in [
        ("get", f"/plans/{plan.id}/review", None),
        ("post", f"/plans/{plan.id}/remarks", {"comment": "x"}),
        ("post", f"/plans/{plan.id}/remarks/{remark}/answer", {"comment": "x"}),
        ("get", f"/projects/{project.id}/progress", None),
        ("post", f"/projects/{project.id}/progress", {"status": "in_progress", "progress": 5}),
    ]:
        response = getattr(client, method)(path, data=data)
        assert response.status_code == 404, path
    assert state(plan.id) == before


def services_remark(world, plan) -> int:
    from flask import current_app

    with current_app.test_request_context("/"):
        return review_remarks.add_remark(plan, world.reviewer, "Précisez la cible").id


def test_remark_and_answer_through_htmx(world, as_role):
    plan = set_status(world.plan.id, PlanStatus.SUBMITTED)
    project = plan.projects[1]
    reviewer = as_role("reviewer", lang="fr")
    response = reviewer.post(
        f"/plans/{plan.id}/remarks",
        data={"project": str(project.id), "comment": "Le budget semble sous-estimé"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    body = text(response)
    assert "<html" not in body and 'id="review-panel"' in body
    assert "Le budget semble sous-estimé" in body and "Votre remarque a été ajoutée" in body
    remark = db.session.scalars(
        sa.select(PlanEvent).where(PlanEvent.kind == PlanEventKind.REMARK)
    ).one()
    assert remark.project_id == project.id
    # Empty remark: 422 fragment with the message next to the field.
    response = reviewer.post(
        f"/plans/{plan.id}/remarks",
        data={"project": "", "comment": ""},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 422 and "Rédigez la remarque" in text(response)
    reviewer.post(f"/plans/{plan.id}/return", data={"version": plan.version, "comment": "À revoir"})
    officer = as_role("owner", lang="fr")
    page = text(officer.get(f"/plans/{plan.id}/review"))
    assert "Le budget semble sous-estimé" in page and f"/remarks/{remark.id}/answer" in page
    response = officer.post(
        f"/plans/{plan.id}/remarks/{remark.id}/answer",
        data={"comment": "Budget réévalué à 20 MDA"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200 and "Budget réévalué à 20 MDA" in text(response)
    assert db.session.get(PlanEvent, remark.id).resolved
    # Without JavaScript: a plain post redirects back to the plan.
    remark2 = services_remark_returned(world, plan)
    response = officer.post(
        f"/plans/{plan.id}/remarks/{remark2}/answer", data={"comment": "Corrigé"}
    )
    assert response.status_code == 303


def services_remark_returned(world, plan) -> int:
    from flask import current_app

    with current_app.test_request_context("/"):
        return review_remarks.add_remark(
            db.session.get(Plan, plan.id), world.reviewer, "Autre point"
        ).id


def test_viewer_cannot_remark(world, as_role):
    plan = set_status(world.plan.id, PlanStatus.SUBMITTED)
    before = state(plan.id)
    response = as_role("viewer").post(f"/plans/{plan.id}/remarks", data={"comment": "x"})
    assert response.status_code == 403
    assert state(plan.id) == before


def test_panel_page_and_fragment(world, as_role):
    plan = set_status(world.plan.id, PlanStatus.SUBMITTED)
    client = as_role("reviewer", lang="fr")
    page = client.get(f"/plans/{plan.id}/review")
    fragment = client.get(f"/plans/{plan.id}/review", headers={"HX-Request": "true"})
    assert page.status_code == fragment.status_code == 200
    assert "<html" in text(page) and "<html" not in text(fragment)
    assert 'id="review-panel"' in text(fragment)
    assert "HX-Request" in fragment.headers["Vary"]
    assert f'action="/plans/{plan.id}/approve"' in text(page)
    assert f'action="/plans/{plan.id}/return"' in text(page)


def test_the_officer_sees_send_but_not_review_actions(world, as_role):
    page = text(as_role("owner", lang="fr").get(f"/plans/{world.plan.id}/review"))
    assert f'action="/plans/{world.plan.id}/submit"' in page
    assert "/approve" not in page and "/return" not in page


def test_the_viewer_sees_no_action(world, as_role):
    plan = set_status(world.plan.id, PlanStatus.SUBMITTED)
    page = text(as_role("viewer").get(f"/plans/{plan.id}/review"))
    for action in ("submit", "return", "approve", "reopen", "remarks"):
        assert f"/plans/{plan.id}/{action}" not in page


def test_the_timeline_shows_each_step_with_actor_and_comment(world, as_role):
    plan = world.plan
    officer, reviewer = as_role("owner", lang="fr"), as_role("reviewer", lang="fr")
    officer.post(f"/plans/{plan.id}/submit", data={"version": plan.version, **CONFIRM})
    plan = db.session.get(Plan, plan.id)
    reviewer.post(
        f"/plans/{plan.id}/return", data={"version": plan.version, "comment": "Revoir les dates"}
    )
    page = text(reviewer.get(f"/plans/{plan.id}/review"))
    timeline = page[page.index('id="plan-timeline"') :]
    assert "Plan envoyé" in timeline and "Renvoyé pour révision" in timeline
    assert "officer-da" in timeline and "reviewer" in timeline
    assert "Revoir les dates" in timeline


def test_changes_since_return_are_shown_to_the_reviewer(world, as_role):
    plan = world.plan
    officer, reviewer = as_role("owner", lang="fr"), as_role("reviewer", lang="fr")
    officer.post(f"/plans/{plan.id}/submit", data={"version": plan.version, **CONFIRM})
    plan = db.session.get(Plan, plan.id)
    reviewer.post(f"/plans/{plan.id}/return", data={"version": plan.version, "comment": "Budget"})
    project = db.session.get(Plan, plan.id).projects[0]
    project.budget_dzd = 20_000_000
    db.session.commit()
    plan = db.session.get(Plan, plan.id)
    assert (
        officer.post(
            f"/plans/{plan.id}/submit", data={"version": plan.version, **CONFIRM}
        ).status_code
        == 303
    )
    page = text(reviewer.get(f"/plans/{plan.id}/review"))
    section = page[page.index('id="changes-since-return"') :]
    assert f'id="change-project-{project.id}"' in section
    assert "20\u202f000\u202f000" in section and "12\u202f500\u202f000" in section


def test_csrf_is_required(world, as_role):
    plan = set_status(world.plan.id, PlanStatus.SUBMITTED)
    client = as_role("reviewer")
    before = state(plan.id)
    response = client.post(
        f"/plans/{plan.id}/approve", data={"version": plan.version}, headers={"X-CSRFToken": ""}
    )
    assert response.status_code == 400
    assert state(plan.id) == before


# --- yearly follow-up ---------------------------------------------------------------------------


def approve(world) -> Plan:
    from flask import current_app

    with current_app.test_request_context("/"):
        services.submit_plan(world.plan, world.owner, world.plan.version)
        accept_all(world.plan)
        services.approve_plan(world.plan, world.reviewer, world.plan.version)
    return db.session.get(Plan, world.plan.id)


def test_progress_form_after_approval(world, as_role):
    plan = approve(world)
    project = plan.projects[0]
    officer = as_role("owner", lang="fr")
    page = text(officer.get(f"/plans/{plan.id}/review"))
    assert f'id="progress-{project.id}"' in page
    data = {
        "version": project.version,
        "status": "in_progress",
        "progress": "35",
        "note": "Marché notifié",
        "rating": "green",
    }
    response = officer.post(
        f"/projects/{project.id}/progress", data=data, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    body = text(response)
    assert "<html" not in body and "Marché notifié" in body and "Le suivi de" in body
    project = db.session.get(Project, project.id)
    assert (project.status.value, project.progress) == ("in_progress", 35)
    # A stale version: 409, current values shown, the input kept.
    stale = {**data, "progress": "50", "note": "Deuxième note"}
    response = officer.post(f"/projects/{project.id}/progress", data=stale)
    assert response.status_code == 409
    body = text(response)
    assert "Deuxième note" in body and 'value="50"' in body
    assert db.session.scalar(sa.select(sa.func.count(ProgressUpdate.id))) == 1
    # Bad input: 422 with the message at the field.
    bad = {**data, "status": "completed", "progress": "80", "note": "x"}
    response = officer.post(f"/projects/{project.id}/progress", data=bad)
    assert response.status_code == 422 and "Un projet achevé est à 100" in text(response)


@pytest.mark.parametrize("role", ["reviewer", "viewer", "admin"])
def test_only_the_officer_records_progress(world, as_role, role):
    project = approve(world).projects[0]
    response = as_role(role).post(
        f"/projects/{project.id}/progress",
        data={"version": project.version, "status": "in_progress", "progress": "5", "note": "x"},
    )
    assert response.status_code == 403
    assert db.session.scalar(sa.select(sa.func.count(ProgressUpdate.id))) == 0


def test_no_progress_before_approval(world, as_role):
    project = world.plan.projects[0]
    response = as_role("owner").post(
        f"/projects/{project.id}/progress",
        data={"version": project.version, "status": "in_progress", "progress": "5", "note": "x"},
    )
    assert response.status_code == 403
