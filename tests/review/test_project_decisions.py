"""Per-project decisions (issue 17, point 2): a reviewer accepts or returns each project of a sent
plan, with a reason to return; approving needs every project decided; a return keeps the
decisions, shown to the officer; resending resets the decisions on the projects changed since.
Version-checked, audited, in the timeline (digiweb.review.decisions)."""

import re

import pytest
import sqlalchemy as sa

from digiweb.audit.models import AuditLog
from digiweb.errors import Conflict, Refusal
from digiweb.extensions import db
from digiweb.plans.models import Plan, PlanEvent, PlanEventKind, PlanStatus, Project
from digiweb.review import decisions, services
from digiweb.review.models import ProjectReview, ProjectVerdict
from tests.factories import client_as


def _sent(world) -> Plan:
    world.plan.status = PlanStatus.SUBMITTED
    db.session.commit()
    return world.plan


def _verdicts(plan_id: int) -> dict[int, ProjectVerdict | None]:
    return {
        row.project_id: row.verdict
        for row in db.session.scalars(
            sa.select(ProjectReview).where(ProjectReview.plan_id == plan_id)
        )
    }


@pytest.fixture
def sent(world, rctx):
    return _sent(world)


def test_accept_and_return_each_project_with_timeline_and_audit(world, sent):
    first, second = sent.projects
    decisions.decide(sent, first, world.reviewer, "accepted", "", 0)
    decisions.decide(sent, second, world.reviewer, "returned", "Budget à détailler", 0)
    db.session.commit()
    assert _verdicts(sent.id) == {first.id: ProjectVerdict.ACCEPTED, second.id: "returned"}
    kinds = [
        (e.kind, e.project_id, e.comment)
        for e in db.session.scalars(
            sa.select(PlanEvent).where(PlanEvent.plan_id == sent.id).order_by(PlanEvent.id)
        )
    ]
    assert (PlanEventKind.PROJECT_ACCEPTED, first.id, "") in kinds
    assert (PlanEventKind.PROJECT_RETURNED, second.id, "Budget à détailler") in kinds
    audit = db.session.scalars(
        sa.select(AuditLog).where(
            AuditLog.action == "project_decision", AuditLog.entity_id == second.id
        )
    ).one()
    assert audit.changes["decision"] == [None, "returned"]
    assert audit.changes["reason"] == [None, "Budget à détailler"]
    # The plan row is untouched: nobody's open form of the plan becomes stale.
    assert db.session.get(Plan, sent.id).version == sent.version


def test_returning_a_project_needs_a_reason(world, sent):
    project = sent.projects[0]
    with pytest.raises(Refusal) as refused:
        decisions.decide(sent, project, world.reviewer, "returned", "   ", 0)
    assert refused.value.status == 422
    with pytest.raises(Refusal):
        decisions.decide(sent, project, world.reviewer, "maybe", "", 0)
    db.session.rollback()
    assert _verdicts(sent.id) == {}


def test_only_a_reviewer_decides_and_only_on_a_sent_plan(world, sent):
    project = sent.projects[0]
    for user in (world.owner, world.viewer):
        with pytest.raises(Refusal) as refused:
            decisions.decide(sent, project, user, "accepted", "", 0)
        assert refused.value.status == 403
    other_project = world.other_plan.projects[0]
    with pytest.raises(Refusal):
        decisions.decide(sent, other_project, world.reviewer, "accepted", "", 0)
    for status in (PlanStatus.DRAFT, PlanStatus.RETURNED, PlanStatus.APPROVED):
        sent.status = status
        with pytest.raises(Refusal) as refused:
            decisions.decide(sent, project, world.reviewer, "accepted", "", 0)
        assert refused.value.status == 409
    db.session.rollback()


def test_a_decision_is_version_checked(world, sent):
    project = sent.projects[0]
    decisions.decide(sent, project, world.reviewer, "accepted", "", 0)
    db.session.commit()
    # Another reviewer saw "no decision yet" (version 0): nothing is overwritten.
    with pytest.raises(Conflict):
        decisions.decide(sent, project, world.reviewer2, "returned", "Non", 0)
    db.session.rollback()
    assert _verdicts(sent.id) == {project.id: ProjectVerdict.ACCEPTED}
    row = db.session.scalar(sa.select(ProjectReview).where(ProjectReview.project_id == project.id))
    decisions.decide(sent, project, world.reviewer2, "returned", "Non", row.version)
    db.session.commit()
    assert _verdicts(sent.id) == {project.id: ProjectVerdict.RETURNED}


def test_approving_needs_every_project_decided(world, sent):
    first, second = sent.projects
    decisions.decide(sent, first, world.reviewer, "accepted", "", 0)
    db.session.commit()
    with pytest.raises(Refusal) as refused:
        services.approve_plan(sent, world.reviewer, sent.version)
    assert refused.value.status == 422
    assert len(refused.value.details) == 1
    assert f'href="/plans/{sent.id}#decision-{second.id}"' in str(refused.value.details[0])
    assert second.reference in str(refused.value.details[0])
    db.session.rollback()
    decisions.decide(sent, second, world.reviewer, "accepted", "", 0)
    services.approve_plan(sent, world.reviewer, sent.version)
    db.session.commit()
    assert db.session.get(Plan, sent.id).status == PlanStatus.APPROVED


def test_resending_resets_the_decisions_on_changed_projects_only(world, sent):
    first, second = sent.projects
    decisions.decide(sent, first, world.reviewer, "accepted", "", 0)
    decisions.decide(sent, second, world.reviewer, "returned", "Dates", 0)
    services.return_plan(sent, world.reviewer, "Revoir le projet 2.", sent.version)
    db.session.commit()
    # The returned plan keeps its decisions.
    assert _verdicts(sent.id) == {first.id: "accepted", second.id: "returned"}
    project = db.session.get(Project, second.id)
    project.title_fr = "Application de paiement électronique, revue"
    db.session.commit()
    plan = db.session.get(Plan, sent.id)
    services.submit_plan(plan, world.owner, plan.version)
    db.session.commit()
    assert _verdicts(sent.id) == {first.id: "accepted", second.id: None}
    reset = db.session.scalars(
        sa.select(PlanEvent).where(PlanEvent.kind == PlanEventKind.DECISION_RESET)
    ).all()
    assert [(e.project_id, e.comment) for e in reset] == [(second.id, "Dates")]
    audit = db.session.scalars(
        sa.select(AuditLog).where(AuditLog.action == "project_decision_reset")
    ).one()
    assert audit.entity_id == second.id and audit.changes["decision"] == ["returned", None]


def test_an_accepted_project_changed_since_is_reset_too(world, sent):
    first, second = sent.projects
    decisions.decide(sent, first, world.reviewer, "accepted", "", 0)
    decisions.decide(sent, second, world.reviewer, "accepted", "", 0)
    services.return_plan(sent, world.reviewer, "Revoir.", sent.version)
    db.session.commit()
    db.session.get(Project, first.id).budget_dzd = 1
    db.session.commit()
    plan = db.session.get(Plan, sent.id)
    services.submit_plan(plan, world.owner, plan.version)
    db.session.commit()
    assert _verdicts(sent.id) == {first.id: None, second.id: "accepted"}


# --- routes ------------------------------------------------------------------------------------


def _decision_post(client, plan, project, verdict, reason="", version=0, **headers):
    return client.post(
        f"/projects/{project.id}/decision",
        data={"verdict": verdict, "reason": reason, "version": version},
        headers=headers,
    )


def test_the_panel_decides_with_and_without_htmx(app, world):
    plan = _sent(world)
    first, second = plan.projects
    reviewer = client_as(app, "reviewer", "fr")
    page = reviewer.get(f"/plans/{plan.id}").get_data(as_text=True)
    assert f'id="decision-{first.id}"' in page
    assert f'action="/projects/{first.id}/decision"' in page
    done = _decision_post(reviewer, plan, first, "accepted")
    assert done.status_code == 303
    assert done.headers["Location"].endswith(f"/plans/{plan.id}#decision-{first.id}")
    swapped = _decision_post(reviewer, plan, second, "returned", "", **{"HX-Request": "true"})
    assert swapped.status_code == 422
    text = swapped.get_data(as_text=True)
    assert "<html" not in text and "Indiquez la raison du renvoi de ce projet." in text
    swapped = _decision_post(
        reviewer, plan, second, "returned", "Dates à revoir", **{"HX-Request": "true"}
    )
    assert swapped.status_code == 200
    assert "renvoyé au département" in swapped.get_data(as_text=True)
    assert _verdicts(plan.id) == {first.id: "accepted", second.id: "returned"}
    stale = _decision_post(reviewer, plan, second, "accepted", "", version=0)
    assert stale.status_code == 409
    assert _verdicts(plan.id)[second.id] == ProjectVerdict.RETURNED


def test_the_officer_cannot_decide(app, world):
    plan = _sent(world)
    officer = client_as(app, "officer-da", "fr")
    assert _decision_post(officer, plan, plan.projects[0], "accepted").status_code == 403
    page = officer.get(f"/plans/{plan.id}").get_data(as_text=True)
    assert f"/projects/{plan.projects[0].id}/decision" not in page
    other = client_as(app, "officer-db", "fr")
    assert _decision_post(other, plan, plan.projects[0], "accepted").status_code == 404
    assert _verdicts(plan.id) == {}


def test_approving_lists_the_undecided_projects_as_links(app, world):
    plan = _sent(world)
    first, second = plan.projects
    reviewer = client_as(app, "reviewer", "fr")
    _decision_post(reviewer, plan, first, "accepted")
    refused = reviewer.post(
        f"/plans/{plan.id}/approve", data={"version": plan.version, "confirm": "yes"}
    )
    assert refused.status_code == 422
    text = refused.get_data(as_text=True)
    assert "Décidez de chaque projet avant d&#39;approuver le plan" in text
    assert re.search(rf'<a href="/plans/{plan.id}#decision-{second.id}">', text)
    assert f"#decision-{first.id}" not in text.split('id="review-error"')[1].split("</div>")[0]
    assert db.session.get(Plan, plan.id).status == PlanStatus.SUBMITTED


def test_the_returned_projects_head_the_officers_page(app, world):
    plan = _sent(world)
    first, second = plan.projects
    reviewer = client_as(app, "reviewer", "fr")
    _decision_post(reviewer, plan, first, "accepted")
    _decision_post(reviewer, plan, second, "returned", "Le calendrier est irréaliste")
    reviewer.post(
        f"/plans/{plan.id}/return",
        data={"version": plan.version, "comment": "Revoir le calendrier du projet 2."},
    )
    assert db.session.get(Plan, plan.id).status == PlanStatus.RETURNED
    for lang, returned_word in (("fr", "renvoyé au département"), ("ar", None)):
        officer = client_as(app, "officer-da", lang)
        page = officer.get(f"/plans/{plan.id}").get_data(as_text=True)
        head = page.index('id="returned-projects"')
        assert head < page.index('id="review-panel"') < page.index('id="projects"')
        box = page[head : page.index("</section>", head)]
        assert f'href="#project-{second.id}"' in box and "Le calendrier est irréaliste" in box
        assert f"#project-{first.id}" not in box
        # The card shows the decision too.
        card = page[page.index(f'id="project-{second.id}"') :]
        card = card[: card.index("</article>")]
        assert "Le calendrier est irréaliste" in card
        if returned_word:
            assert returned_word in card
