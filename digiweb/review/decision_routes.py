"""Routes of the per-project decisions (issue 17): a reviewer accepts or returns one project of a
sent plan from the review panel (htmx swaps the panel; without JavaScript the plan page comes
back at the project's decision). Rules live in digiweb.review.decisions; the Jinja globals here
feed the panel, the project cards and the head of the plan page."""

from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user
from wtforms import HiddenField, StringField
from wtforms.validators import Length

from digiweb import confirm
from digiweb.errors import Refusal
from digiweb.extensions import db
from digiweb.forms import BaseForm
from digiweb.htmx import is_htmx, render
from digiweb.plans.models import Plan, PlanEventKind, PlanStatus, Project
from digiweb.review import bp, decisions, services
from digiweb.review.models import ProjectVerdict
from digiweb.review.panel import build_panel
from digiweb.security import visible_or_404
from digiweb.transaction import discard


class DecisionForm(BaseForm):
    """The decision on one project: the clicked button gives `verdict`; the reason is
    required to return (checked by the service, which names the rule)."""

    version = HiddenField()
    verdict = HiddenField()
    reason = StringField(_l("Reason"), validators=[Length(max=services.MAX_COMMENT)])


@bp.app_context_processor
def decision_globals():
    return {
        "review_decisions": decisions.decisions_view,
        "review_card": decisions.card_review,
        "review_returned": decisions.returned,
        "review_unanswered": decisions.unanswered_remarks,
        "review_last_return": _last_return,
        "project_verdicts": ProjectVerdict,
    }


def _last_return(panel):
    """The last return (or reopening) of a plan back with the department or sent again."""
    if panel.plan.status not in (PlanStatus.RETURNED, PlanStatus.SUBMITTED):
        return None
    for event in reversed(panel.events):
        if event.kind in (PlanEventKind.RETURNED, PlanEventKind.REOPENED):
            return event
    return None


def _panel(plan: Plan, status: int = 200, **context):
    return render(
        "review/plan.html",
        "review/_plan_panel.html",
        status=status,
        plan=plan,
        panel=build_panel(plan, notice=context.pop("notice", "")),
        **context,
    )


@bp.post("/projects/<int:project_id>/decision")
def decide(project_id: int):
    """The decision on one project, posted from its plan's review panel."""
    project = visible_or_404(Project, project_id)
    plan = project.plan
    plan_id = plan.id
    try:
        services.check_actor("decide", plan, current_user)
    except Refusal as error:
        abort(error.status)
    form = DecisionForm()
    reason = form.reason.data or ""
    try:
        if not form.validate():
            message = next(iter(form.reason.errors), None) or _(
                "Some of the data entered is not valid."
            )
            raise Refusal(str(message), 422)
        decisions.decide(
            plan, project, current_user, form.verdict.data or "", reason, form.version.data
        )
    except Refusal as error:
        discard()
        plan = db.session.get(Plan, plan_id)
        failed = {"project_id": project_id, "message": error.message, "reason": reason}
        return _panel(plan, error.status, decision_error=failed)
    project = db.session.get(Project, project_id)
    row = decisions.reviews_of(plan).get(project_id)
    notice = _(
        "%(reference)s: %(decision)s.", reference=project.reference, decision=row.verdict.label
    )
    if is_htmx():
        return _panel(db.session.get(Plan, plan_id), notice=notice)
    flash(notice, "info")
    return redirect(decisions.decision_anchor(project), 303)


# --- unanswered remarks: asked before sending again and before approving --------------------

REMARKS_FIELD = "remarks_confirmed"


def unanswered_page(plan: Plan, action: str):
    """The page that asks to confirm `action` ("submit" or "approve") while remarks are
    unanswered, posting the same form again with remarks_confirmed=yes; None when none is
    open or the post confirmed it."""
    open_remarks = decisions.unanswered_remarks(plan)
    if not open_remarks:
        return None
    lines = [
        f"{remark.project.reference} · {remark.comment}" if remark.project else remark.comment
        for remark in open_remarks
    ]
    back = url_for("plans.view", plan_id=plan.id, _anchor="remarks")
    if action == "submit":
        question = ngettext(
            "%(num)d remark of the ministry is still unanswered. Send the plan anyway?",
            "%(num)d remarks of the ministry are still unanswered. Send the plan anyway?",
            len(open_remarks),
        )
        note = _("Answer them in the review panel, or send now: they stay open.")
        yes, no = _("Send without answering"), _("Answer the remarks first")
    else:
        question = ngettext(
            "%(num)d remark is still unanswered. Approve the plan anyway?",
            "%(num)d remarks are still unanswered. Approve the plan anyway?",
            len(open_remarks),
        )
        note = _("The department has not answered them; they stay in the plan's timeline.")
        yes, no = _("Approve anyway"), _("Back to the remarks")
    return confirm.page_unless_confirmed(
        question, back, field=REMARKS_FIELD, lines=lines, note=note, yes=yes, no=no
    )
