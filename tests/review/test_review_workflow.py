"""The plan workflow rules, called directly (services.py): every transition for every role and
status, what each transition writes, completeness, campaign, locking, what changed since the
return, remarks and answers."""

from datetime import date

import pytest
import sqlalchemy as sa
from flask_babel import force_locale
from sqlalchemy.orm.exc import StaleDataError

from digiweb.audit.models import AuditLog
from digiweb.campaigns.models import CampaignStatus
from digiweb.errors import Conflict, Refusal
from digiweb.extensions import db
from digiweb.notifications.models import Notification, NotificationKind
from digiweb.plans.models import Plan, PlanEvent, PlanEventKind, PlanStatus, Project
from digiweb.review import board as review_board
from digiweb.review import history as review_history
from digiweb.review import progress as review_progress
from digiweb.review import remarks as review_remarks
from digiweb.review import services
from tests.factories import make_complete_project
from tests.review.decision_helpers import accept_all

pytestmark = pytest.mark.usefixtures("rctx", "committing_services")

ROLES = ("owner", "other", "reviewer", "admin", "viewer")
ACTIONS = ("submit", "return", "approve", "reopen")
STATUSES = tuple(PlanStatus)
ACTION_KIND = {
    "submit": (PlanEventKind.SUBMITTED, PlanStatus.SUBMITTED),
    "return": (PlanEventKind.RETURNED, PlanStatus.RETURNED),
    "approve": (PlanEventKind.APPROVED, PlanStatus.APPROVED),
    "reopen": (PlanEventKind.REOPENED, PlanStatus.RETURNED),
}


def expected_outcome(action: str, role: str, status: PlanStatus):
    """The rule table: "ok", or the HTTP status of the refusal."""
    if action == "submit":
        if role != "owner":
            return 403
        return "ok" if status in services.SUBMITTABLE else 409
    if role not in ("reviewer", "admin"):
        return 403
    legal_from = {"return": PlanStatus.SUBMITTED, "approve": PlanStatus.SUBMITTED}
    legal_from["reopen"] = PlanStatus.APPROVED
    return "ok" if status == legal_from[action] else 409


def act(action: str, plan: Plan, user, version=None):
    version = plan.version if version is None else version
    if action == "submit":
        return services.submit_plan(plan, user, version)
    if action == "return":
        return services.return_plan(plan, user, "Précisez le budget.", version)
    if action == "approve":
        accept_all(plan)  # approving needs every project decided
        return services.approve_plan(plan, user, version)
    return services.reopen_plan(plan, user, "Erreur dans le budget", version)


def set_status(plan: Plan, status: PlanStatus) -> None:
    plan.status = status
    db.session.commit()


def counts(plan_id: int) -> tuple[int, int]:
    events = db.session.scalar(
        sa.select(sa.func.count(PlanEvent.id)).where(PlanEvent.plan_id == plan_id)
    )
    audits = db.session.scalar(
        sa.select(sa.func.count(AuditLog.id)).where(
            AuditLog.entity_type == "plan", AuditLog.entity_id == plan_id
        )
    )
    return events, audits


@pytest.mark.parametrize("status", STATUSES, ids=lambda s: s.value)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ACTIONS)
def test_transition_table(world, action, role, status):
    plan = world.plan
    set_status(plan, status)
    user = getattr(world, role)
    before_version = plan.version
    before_counts = counts(plan.id)
    outcome = expected_outcome(action, role, status)
    if outcome == "ok":
        event = act(action, plan, user)
        plan = db.session.get(Plan, plan.id)
        kind, new_status = ACTION_KIND[action]
        assert plan.status == new_status
        assert plan.version == before_version + 1
        assert event.kind == kind and event.actor_id == user.id
        assert (event.status_from, event.status_to) == (status.value, new_status.value)
        audit = db.session.scalars(
            sa.select(AuditLog)
            .where(AuditLog.entity_type == "plan", AuditLog.entity_id == plan.id)
            .order_by(AuditLog.id.desc())
        ).first()
        assert audit.action == f"plan_{kind.value}" and audit.actor_id == user.id
        assert audit.changes["status"] == [status.value, new_status.value]
        events, audits = counts(plan.id)
        assert events > before_counts[0] and audits == before_counts[1] + 1
    else:
        with pytest.raises(Refusal) as refused:
            act(action, plan, user)
        assert refused.value.status == outcome
        assert refused.value.message
        db.session.rollback()
        plan = db.session.get(Plan, plan.id)
        assert plan.status == status and plan.version == before_version
        assert counts(plan.id) == before_counts


def test_submit_sets_dates_and_actor_and_notifies_every_reviewer(world):
    event = services.submit_plan(world.plan, world.owner, world.plan.version)
    plan = world.plan
    assert plan.submitted_at is not None and plan.submitted_by_id == world.owner.id
    assert plan.last_activity_at == event.created_at
    notified = set(
        db.session.scalars(
            sa.select(Notification.user_id).where(Notification.kind == NotificationKind.SUBMITTED)
        )
    )
    assert notified == {world.reviewer.id, world.reviewer2.id}


def test_return_writes_snapshot_remarks_and_notifies_the_department(world):
    services.submit_plan(world.plan, world.owner, world.plan.version)
    plan = world.plan
    first, second = plan.projects
    event = services.return_plan(
        plan,
        world.reviewer,
        "Merci de revoir le calendrier.",
        plan.version,
        project_remarks={first.id: "Date de fin irréaliste", second.id: "  "},
    )
    plan = world.plan
    assert plan.status == PlanStatus.RETURNED and plan.returned_at == event.created_at
    assert event.comment == "Merci de revoir le calendrier."
    assert set(event.snapshot["projects"]) == {str(first.id), str(second.id)}
    assert event.snapshot["projects"][str(first.id)]["end_date"] == "2030-12-31"
    remarks = db.session.scalars(
        sa.select(PlanEvent).where(PlanEvent.kind == PlanEventKind.REMARK)
    ).all()
    assert [(r.project_id, r.comment) for r in remarks] == [(first.id, "Date de fin irréaliste")]
    notified = db.session.scalars(
        sa.select(Notification).where(Notification.kind == NotificationKind.RETURNED)
    ).all()
    assert [n.user_id for n in notified] == [world.owner.id]
    assert notified[0].params["comment"] == "Merci de revoir le calendrier."
    assert notified[0].link == f"/plans/{plan.id}"


def test_approve_sets_date_and_actor(world):
    services.submit_plan(world.plan, world.owner, world.plan.version)
    accept_all(world.plan)
    services.approve_plan(world.plan, world.admin, world.plan.version, "Bon plan")
    plan = world.plan
    assert plan.status == PlanStatus.APPROVED
    assert plan.approved_at is not None and plan.approved_by_id == world.admin.id


def test_reopen_needs_a_reason_and_clears_the_approval(world):
    services.submit_plan(world.plan, world.owner, world.plan.version)
    accept_all(world.plan)
    services.approve_plan(world.plan, world.reviewer, world.plan.version)
    with pytest.raises(Refusal) as refused:
        services.reopen_plan(world.plan, world.reviewer, "   ", world.plan.version)
    assert refused.value.status == 422
    db.session.rollback()
    event = services.reopen_plan(world.plan, world.reviewer, "Budget erroné", world.plan.version)
    plan = world.plan
    assert plan.status == PlanStatus.RETURNED
    assert plan.approved_at is None and plan.approved_by_id is None
    assert event.kind == PlanEventKind.REOPENED and event.comment == "Budget erroné"
    assert event.snapshot["projects"]
    kinds = db.session.scalars(
        sa.select(Notification.kind).where(Notification.user_id == world.owner.id)
    )
    assert NotificationKind.REOPENED in set(kinds)


def test_return_needs_a_comment(world):
    services.submit_plan(world.plan, world.owner, world.plan.version)
    with pytest.raises(Refusal) as refused:
        services.return_plan(world.plan, world.reviewer, "  ", world.plan.version)
    assert refused.value.status == 422


def test_return_refuses_a_remark_on_a_project_of_another_plan(world):
    services.submit_plan(world.plan, world.owner, world.plan.version)
    foreign = world.other_plan.projects[0]
    with pytest.raises(Refusal) as refused:
        services.return_plan(
            world.plan, world.reviewer, "x", world.plan.version, project_remarks={foreign.id: "y"}
        )
    assert refused.value.status == 422
    db.session.rollback()
    assert world.plan.status == PlanStatus.SUBMITTED


def test_an_incomplete_plan_cannot_be_sent_and_the_message_lists_each_project(world, app):
    plan = world.plan
    first, second = plan.projects
    first.start_date = None
    second.summary_fr = ""
    db.session.commit()
    with app.test_request_context("/?lang=fr"), pytest.raises(Refusal) as refused:
        services.submit_plan(plan, world.owner, plan.version)
    error = refused.value
    assert error.status == 422
    assert "ne peut pas encore être envoyé" in error.message
    assert len(error.details) == 2
    assert first.reference in error.details[0] and second.reference in error.details[1]
    assert "Plateforme de l'acte de naissance" in error.details[0]  # French title in French
    db.session.rollback()
    assert db.session.get(Plan, plan.id).status == PlanStatus.DRAFT


def test_the_completeness_message_is_in_the_users_language(world, app):
    world.plan.projects[0].start_date = None
    db.session.commit()
    with app.test_request_context("/?lang=ar"), pytest.raises(Refusal) as refused:
        services.submit_plan(world.plan, world.owner, world.plan.version)
    assert "لا يمكن إرسال المخطط" in refused.value.message
    assert "منصة رقمية لطلب شهادة الميلاد" in refused.value.details[0]


def test_a_plan_without_project_cannot_be_sent(world):
    plan = world.plan
    for project in list(plan.projects):
        db.session.delete(project)
    db.session.commit()
    with pytest.raises(Refusal) as refused:
        services.submit_plan(plan, world.owner, plan.version)
    assert refused.value.status == 422 and refused.value.details


def test_officers_cannot_send_once_the_campaign_is_closed_reviewers_still_act(world):
    plan = world.plan
    services.submit_plan(plan, world.owner, plan.version)
    services.return_plan(plan, world.reviewer, "À revoir", plan.version)
    world.campaign.status = CampaignStatus.CLOSED
    db.session.commit()
    with pytest.raises(Refusal) as refused:
        services.submit_plan(plan, world.owner, plan.version)
    assert refused.value.status == 409
    db.session.rollback()
    set_status(plan, PlanStatus.SUBMITTED)
    accept_all(plan)
    services.approve_plan(plan, world.reviewer, plan.version)
    assert world.plan.status == PlanStatus.APPROVED


def test_a_stale_version_is_refused_and_nothing_changes(world):
    plan = world.plan
    services.submit_plan(plan, world.owner, plan.version)
    seen = world.plan.version
    accept_all(world.plan)
    services.approve_plan(world.plan, world.reviewer, seen)
    with pytest.raises(Refusal) as refused:
        services.return_plan(world.plan, world.reviewer2, "Trop tard", seen)
    assert refused.value.status == 409
    assert "meantime" in refused.value.message or "أثناء" in refused.value.message
    db.session.rollback()
    assert world.plan.status == PlanStatus.APPROVED
    assert (
        db.session.scalar(
            sa.select(sa.func.count(PlanEvent.id)).where(PlanEvent.kind == PlanEventKind.RETURNED)
        )
        == 0
    )


@pytest.mark.parametrize(("version", "status"), [(None, 400), ("", 400), ("abc", 400), ("-1", 409)])
def test_a_missing_or_bad_version_is_refused(world, version, status):
    with pytest.raises(Refusal) as refused:
        services.submit_plan(world.plan, world.owner, version)
    assert refused.value.status == status


def test_a_concurrent_write_between_check_and_commit_is_a_409(world):
    """Two reviewers at the same moment: both pass the version check, the database keeps one
    (the UPDATE carries the version: the second one matches no row)."""
    from sqlalchemy.orm.attributes import set_committed_value

    services.submit_plan(world.plan, world.owner, world.plan.version)
    plan_id, seen = world.plan.id, world.plan.version
    db.session.commit()
    # The other reviewer's approval is committed after this reviewer's checks passed...
    with db.engine.begin() as conn:
        conn.execute(
            sa.update(Plan)
            .where(Plan.id == plan_id)
            .values(status=PlanStatus.APPROVED.value, version=seen + 1)
        )
    plan = world.plan
    # ...which this session's in-memory plan does not know yet.
    set_committed_value(plan, "version", seen)
    set_committed_value(plan, "status", PlanStatus.SUBMITTED)
    # Found at a flush inside the service (StaleDataError, which the request answers with a
    # 409: tests/core/test_kernel.py) or at its final flush (Conflict).
    with pytest.raises((Conflict, StaleDataError)):
        services.return_plan(plan, world.reviewer2, "Je renvoie", seen)
    db.session.rollback()
    db.session.expire_all()
    plan = world.plan
    assert plan.status == PlanStatus.APPROVED and plan.version == seen + 1
    assert not db.session.scalars(
        sa.select(PlanEvent).where(PlanEvent.kind == PlanEventKind.RETURNED)
    ).all()
    assert not db.session.scalars(
        sa.select(AuditLog).where(AuditLog.action == "plan_returned")
    ).all()


def test_changes_since_the_return_field_by_field_and_project_by_project(world):
    plan = world.plan
    services.submit_plan(plan, world.owner, plan.version)
    services.return_plan(world.plan, world.reviewer, "À corriger", world.plan.version)
    plan = world.plan
    first, second = plan.projects
    first.title_fr = "Plateforme de demande à distance de l'acte de naissance"
    first.budget_dzd = 15_000_000
    first.technologies = ["cloud", "e_payment"]
    removed_reference = second.reference
    db.session.delete(second)
    added = make_complete_project(plan, title_fr="Nouveau projet", sequence=3)
    plan.contact_phone = "021 11 22 33"
    db.session.commit()
    changes = review_history.changes_since_return(world.plan)
    assert [p.reference for p in changes.added] == [added.reference]
    assert [p.reference for p in changes.removed] == [removed_reference]
    assert len(changes.changed) == 1
    fields = {f.name: (f.old, f.new) for f in changes.changed[0].fields}
    assert fields == {
        "title_fr": (
            "Plateforme de l'acte de naissance",
            "Plateforme de demande à distance de l'acte de naissance",
        ),
        "budget_dzd": (12_500_000, 15_000_000),
        "technologies": ([], ["cloud", "e_payment"]),
    }
    assert [(f.name, f.new) for f in changes.plan_fields] == [("contact_phone", "021 11 22 33")]
    services.submit_plan(world.plan, world.owner, world.plan.version)
    assert not review_history.changes_since_return(world.plan).empty  # still shown after resending


def test_a_plan_never_returned_has_no_changes(world):
    assert review_history.changes_since_return(world.plan) is None


# --- remarks and answers ------------------------------------------------------------------------


def test_reviewers_add_remarks_on_the_plan_and_on_projects(world):
    plan = world.plan
    services.submit_plan(plan, world.owner, plan.version)
    version = world.plan.version
    project = world.plan.projects[1]
    remark = review_remarks.add_remark(world.plan, world.reviewer, "Besoin de précisions", project)
    plan_remark = review_remarks.add_remark(world.plan, world.admin, "Plan globalement clair")
    assert remark.project_id == project.id and plan_remark.project_id is None
    assert world.plan.version == version  # remarks never make open forms stale
    audited = db.session.scalars(
        sa.select(AuditLog.entity_type).where(AuditLog.action == "remark_added")
    ).all()
    assert sorted(audited) == ["plan", "project"]


@pytest.mark.parametrize("role", ["owner", "other", "viewer"])
def test_only_reviewers_add_remarks(world, role):
    services.submit_plan(world.plan, world.owner, world.plan.version)
    with pytest.raises(Refusal) as refused:
        review_remarks.add_remark(world.plan, getattr(world, role), "Remarque")
    assert refused.value.status == 403


@pytest.mark.parametrize("status", [PlanStatus.DRAFT, PlanStatus.APPROVED, PlanStatus.NOT_STARTED])
def test_no_remark_outside_the_review(world, status):
    set_status(world.plan, status)
    with pytest.raises(Refusal) as refused:
        review_remarks.add_remark(world.plan, world.reviewer, "Remarque")
    assert refused.value.status == 409


def test_a_remark_on_a_project_of_another_plan_is_refused(world):
    services.submit_plan(world.plan, world.owner, world.plan.version)
    with pytest.raises(Refusal) as refused:
        review_remarks.add_remark(world.plan, world.reviewer, "x", world.other_plan.projects[0])
    assert refused.value.status == 422


def test_the_officer_answers_a_remark_which_becomes_resolved(world):
    services.submit_plan(world.plan, world.owner, world.plan.version)
    remark = review_remarks.add_remark(world.plan, world.reviewer, "Précisez la cible")
    services.return_plan(world.plan, world.reviewer, "À revoir", world.plan.version)
    remark = db.session.get(PlanEvent, remark.id)
    answer = review_remarks.answer_remark(remark, world.owner, "Cible précisée")
    remark = db.session.get(PlanEvent, remark.id)
    assert remark.resolved
    assert answer.kind == PlanEventKind.ANSWER and answer.snapshot == {"remark_id": remark.id}
    assert (
        db.session.scalar(
            sa.select(sa.func.count(AuditLog.id)).where(AuditLog.action == "remark_answered")
        )
        == 1
    )


@pytest.mark.parametrize("role", ["other", "reviewer", "viewer"])
def test_only_the_departments_officer_answers(world, role):
    services.submit_plan(world.plan, world.owner, world.plan.version)
    remark = review_remarks.add_remark(world.plan, world.reviewer, "Précisez")
    with pytest.raises(Refusal) as refused:
        review_remarks.answer_remark(remark, getattr(world, role), "Réponse")
    assert refused.value.status == 403
    db.session.rollback()
    assert not db.session.get(PlanEvent, remark.id).resolved


def test_an_empty_answer_is_refused(world):
    services.submit_plan(world.plan, world.owner, world.plan.version)
    remark = review_remarks.add_remark(world.plan, world.reviewer, "Précisez")
    with pytest.raises(Refusal) as refused:
        review_remarks.answer_remark(remark, world.owner, "   ")
    assert refused.value.status == 422


def test_only_remarks_can_be_answered(world):
    event = services.submit_plan(world.plan, world.owner, world.plan.version)
    with pytest.raises(Refusal) as refused:
        review_remarks.answer_remark(event, world.owner, "?")
    assert refused.value.status == 422


# --- yearly follow-up ----------------------------------------------------------------------------


def approved(world) -> Plan:
    services.submit_plan(world.plan, world.owner, world.plan.version)
    accept_all(world.plan)
    services.approve_plan(world.plan, world.reviewer, world.plan.version)
    return world.plan


def test_progress_is_recorded_on_an_approved_plan(world):
    from digiweb.plans.models import ProgressUpdate, ProjectStatus

    project = approved(world).projects[0]
    update = review_progress.record_progress(
        project,
        world.owner,
        status="in_progress",
        progress=40,
        note="Cahier des charges validé",
        expected_version=project.version,
        rating="green",
    )
    project = db.session.get(Project, project.id)
    assert (project.status, project.progress) == (ProjectStatus.IN_PROGRESS, 40)
    assert update.note == "Cahier des charges validé" and update.created_at is not None
    assert db.session.scalar(sa.select(sa.func.count(ProgressUpdate.id))) == 1
    audit = db.session.scalars(
        sa.select(AuditLog).where(AuditLog.action == "project_progress")
    ).one()
    assert audit.changes["progress"] == [0, 40]


def test_progress_before_approval_is_refused(world):
    project = world.plan.projects[0]
    with pytest.raises(Refusal) as refused:
        review_progress.record_progress(
            project,
            world.owner,
            status="in_progress",
            progress=10,
            note="x",
            expected_version=project.version,
        )
    assert refused.value.status == 409


@pytest.mark.parametrize("role", ["other", "reviewer", "admin", "viewer"])
def test_only_the_departments_officer_records_progress(world, role):
    project = approved(world).projects[0]
    with pytest.raises(Refusal) as refused:
        review_progress.record_progress(
            project,
            getattr(world, role),
            status="in_progress",
            progress=10,
            note="x",
            expected_version=project.version,
        )
    assert refused.value.status == 403


@pytest.mark.parametrize(
    ("status", "progress", "note", "code"),
    [
        ("in_progress", 101, "x", 422),
        ("in_progress", -1, "x", 422),
        ("completed", 90, "x", 422),
        ("bogus", 10, "x", 422),
        ("in_progress", 10, "  ", 422),
    ],
)
def test_progress_validation(world, status, progress, note, code):
    project = approved(world).projects[0]
    with pytest.raises(Refusal) as refused:
        review_progress.record_progress(
            project,
            world.owner,
            status=status,
            progress=progress,
            note=note,
            expected_version=project.version,
        )
    assert refused.value.status == code


def test_progress_on_a_stale_project_version_is_refused(world):
    project = approved(world).projects[0]
    with pytest.raises(Refusal) as refused:
        review_progress.record_progress(
            project,
            world.owner,
            status="in_progress",
            progress=10,
            note="x",
            expected_version=project.version - 1,
        )
    assert refused.value.status == 409


def test_messages_are_translated(world, app):
    set_status(world.plan, PlanStatus.APPROVED)
    for locale, fragment in (("fr_DZ", "déjà été envoyé"), ("ar_DZ", "تم إرسال")):
        with force_locale(locale), pytest.raises(Refusal) as refused:
            services.submit_plan(world.plan, world.owner, world.plan.version)
        assert fragment in refused.value.message


def test_the_days_late_count_from_the_deadline(world):
    today = date(2030, 3, 20)
    assert review_board._days_late(date(2030, 3, 15), None, today) == 5
    assert review_board._days_late(date(2030, 3, 15), None, date(2030, 3, 10)) == 0
    assert review_board._days_late(None, None, today) == 0
