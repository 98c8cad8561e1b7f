"""The yearly follow-up of approved projects: once a plan is approved, its department's officer
records each project's status and progress with a dated note. Checked and recorded like the
workflow's actions (`digiweb.review.services`); the request commits.
"""

from flask_babel import gettext as _

from digiweb.audit.services import diff, record, snapshot
from digiweb.auth.models import User
from digiweb.errors import Refusal
from digiweb.extensions import db
from digiweb.plans.models import PlanStatus, ProgressUpdate, Project, ProjectStatus
from digiweb.review import ratings
from digiweb.review.services import _clean_text, _is_plan_officer, _require_officer
from digiweb.transaction import check_version, flush_or_conflict


def can_record_progress(user, project: Project) -> bool:
    plan = project.plan
    return _is_plan_officer(user, plan) and plan.status == PlanStatus.APPROVED


def record_progress(
    project: Project,
    actor: User,
    *,
    status: ProjectStatus | str,
    progress: int,
    note: str,
    expected_version,
    rating=None,
    rating_reason: str = "",
) -> ProgressUpdate:
    """Once the plan is approved its content is frozen, except each project's follow-up: status
    and progress %, with a dated note and the department's self-rating (green, amber or red,
    with a reason for amber and red: digiweb.review.ratings). Allowed after the campaign closes
    (follow-up lasts the whole year)."""
    plan = project.plan
    _require_officer(actor, plan)
    if plan.status != PlanStatus.APPROVED:
        raise Refusal(_("Progress is followed once the plan has been approved."), 409)
    check_version(
        project,
        expected_version,
        _(
            "Someone else changed this project in the meantime. Nothing was saved: "
            "please look at the current values and try again."
        ),
    )
    status = ProjectStatus.coerce(status)
    if status is None:
        raise Refusal(_("Choose a status from the list."), 422)
    if not isinstance(progress, int) or not 0 <= progress <= 100:
        raise Refusal(_("Progress is a whole number between 0 and 100."), 422)
    if status == ProjectStatus.COMPLETED and progress != 100:
        raise Refusal(_("A completed project is at 100%."), 422)
    note = _clean_text(note, required_message=_("Write a short note on the progress."))
    if rating is None:
        raise Refusal(_("Rate the project: green, amber or red."), 422, field="rating")
    rating, rating_reason = ratings.clean_rating(rating, rating_reason)
    before = snapshot(project, ("status", "progress"))
    project.status = status
    project.progress = progress
    update = ProgressUpdate(
        project_id=project.id, actor_id=actor.id, status=status, progress=progress, note=note
    )
    db.session.add(update)
    changes = diff(before, snapshot(project, ("status", "progress")))
    changes["note"] = [None, note]
    record(
        "project_progress",
        "project",
        project.id,
        label=project.reference,
        changes=changes,
        actor=actor,
    )
    flush_or_conflict()
    ratings.rate_as_department(project, actor, rating, rating_reason, update)
    return update
