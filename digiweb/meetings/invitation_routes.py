"""Invitations to a meeting: choosing the invitees, sending, cancelling (reviewers), and the
invitee's own answer page (an officer answers their own invitation only)."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from digiweb.auth.models import REVIEW_ROLES
from digiweb.errors import Refusal
from digiweb.meetings import bp, invitations, services
from digiweb.meetings.models import InvitationAnswer
from digiweb.security import roles_required
from digiweb.transaction import discard


def _back(reference: str):
    return redirect(url_for("meetings.view", reference=reference) + "#invitations")


def _ids(name: str) -> list[int]:
    return [int(v) for v in request.form.getlist(name) if v.isdigit() and len(v) < 12]


@bp.post("/meetings/<reference>/invitations")
@roles_required(*REVIEW_ROLES)
def invite(reference):
    meeting = services.meeting_for(current_user, reference)
    added = invitations.invite(meeting, _ids("departments"), _ids("users"), actor=current_user)
    flash(_("%(count)d people added to the invitees.", count=len(added)), "success")
    return _back(reference)


@bp.post("/meetings/<reference>/invitations/send")
@roles_required(*REVIEW_ROLES)
def send_invitations(reference):
    meeting = services.meeting_for(current_user, reference)
    count = invitations.send_invitations(meeting, request.form.get("version"), actor=current_user)
    flash(_("The invitation was sent to %(count)d people.", count=count), "success")
    return _back(reference)


@bp.post("/meetings/<reference>/cancel")
@roles_required(*REVIEW_ROLES)
def cancel(reference):
    meeting = services.meeting_for(current_user, reference)
    invitations.cancel_meeting(meeting, request.form.get("version"), actor=current_user)
    flash(_("Meeting %(reference)s is cancelled.", reference=reference), "success")
    return _back(reference)


@bp.route("/invitations/<int:invitation_id>", methods=["GET", "POST"])
def invitation(invitation_id):
    """The invitee's answer: accept, decline, or delegate to a named person."""
    item = invitations.invitation_for(current_user, invitation_id)
    status, error = 200, None
    if request.method == "POST":
        try:
            invitations.answer(
                item,
                request.form.get("answer", ""),
                request.form.get("delegate_name", ""),
                actor=current_user,
            )
        except Refusal as refusal:
            discard()
            item = invitations.invitation_for(current_user, invitation_id)
            status, error = refusal.status, refusal.message
        else:
            flash(_("Your answer was recorded."), "success")
            return redirect(url_for("meetings.invitation", invitation_id=invitation_id))
    page = render_template(
        "meetings/invitation.html",
        invitation=item,
        meeting=item.meeting,
        answers=[a for a in InvitationAnswer if a != InvitationAnswer.PENDING],
        error=error,
        local_time=services.utc_to_local,
    )
    return page, status
