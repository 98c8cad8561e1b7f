"""The review queue's routes (issue 17): taking a plan, assigning it (administrators), giving
it up; and the Jinja globals that show the assignment and the receipts in the plan's panel.
Rules live in queue.py and receipts.py."""

from flask import request
from flask_babel import gettext as _
from flask_login import current_user
from wtforms import StringField
from wtforms.validators import Length, Optional

from digiweb.auth.models import User
from digiweb.errors import Refusal
from digiweb.extensions import db
from digiweb.forms import BaseForm
from digiweb.numbers import whole_number
from digiweb.review import bp, queue, receipts
from digiweb.review.forms import _version_field
from digiweb.review.routes import _done, _invalid, _plan_for, _refused


class AssignForm(BaseForm):
    """`action`: take (the plan goes to the user), assign (to `reviewer`, administrators) or
    release (to nobody)."""

    version = _version_field()
    reviewer = StringField(validators=[Optional(), Length(max=12)])


@bp.app_context_processor
def queue_globals():
    return {
        "plan_queue_state": lambda plan: queue.queue_state(plan.status, plan.reviewer_id),
        "plan_receipts": receipts.plan_receipts,
        "reviewer_choices": queue.reviewer_choices,
        "queue_days": lambda plan: queue.days_in_queue(plan.submitted_at) or 0,
        "review_awaiting": queue.awaiting,
        "queue_state_choices": lambda: list(queue.QueueState),
        "queue_arguments": queue.filter_arguments,
    }


def _chosen_reviewer(action: str, form: AssignForm) -> User | None:
    if action == "take":
        return current_user._get_current_object()
    if action == "release":
        return None
    value = (form.reviewer.data or "").strip()
    number = whole_number(value, minimum=1)
    user = db.session.get(User, number) if number is not None else None
    if user is None:
        raise Refusal(_("Choose an active reviewer."), 422, field="reviewer")
    return user


@bp.post("/plans/<int:plan_id>/assign")
def assign(plan_id: int):
    plan = _plan_for("assign", plan_id)
    form = AssignForm()
    action = request.form.get("action", "")
    if action not in ("take", "assign", "release"):
        action = "assign"
    if not form.validate():
        return _invalid(plan, form, "assign")
    try:
        reviewer = _chosen_reviewer(action, form)
        queue.assign_plan(plan, current_user, reviewer, form.version.data)
    except Refusal as error:
        return _refused(plan, error, "assign")
    if reviewer is None:
        message = _("The plan is no longer assigned to anyone.")
    elif reviewer.id == current_user.id:
        message = _("You have taken this plan: it is in your queue.")
    else:
        message = _("The plan has been assigned to %(name)s.", name=queue.person(reviewer))
    return _done(plan, message)
