"""Invitations to a meeting: who is invited (officers, picked one by one or through their
department), the invitations mailed with the meeting's .ics (METHOD:REQUEST), the updates when
its date or place change (a new SEQUENCE), the cancellation (METHOD:CANCEL), the invitees'
answers (accept, decline, delegate to a named person) and the attendance they pre-fill when the
meeting is held.

Each invitee gets an in-app notification now and an e-mail after the commit, in their own
language; the .ics attached is built in that language too. SEQUENCE is the meeting's version,
which grows with every saved change (digiweb.meetings.calendar).
"""

from __future__ import annotations

from flask import abort
from flask_babel import force_locale
from flask_babel import gettext as _

from digiweb.audit.services import record
from digiweb.auth.models import Role, User
from digiweb.db_types import utcnow
from digiweb.departments.models import Department
from digiweb.errors import Refusal
from digiweb.extensions import db
from digiweb.i18n import LANGUAGES
from digiweb.meetings import calendar
from digiweb.meetings.attendance import _officer_function
from digiweb.meetings.models import (
    Attendance,
    Attendee,
    Invitation,
    InvitationAnswer,
    Meeting,
    MeetingStatus,
)
from digiweb.meetings.services import ensure_editable, utc_to_local
from digiweb.notifications.models import NotificationKind
from digiweb.notifications.services import notify_users, officers_of, render_text
from digiweb.review import mail
from digiweb.transaction import after_commit, check_version, flush_or_conflict

# The meeting fields whose change is sent to the invitees (RFC 5546: date, time, place).
SENT_FIELDS = ("starts_at", "place_ar", "place_fr")
ANSWER_ATTENDANCE = {
    InvitationAnswer.ACCEPTED: Attendance.PRESENT,
    InvitationAnswer.DECLINED: Attendance.EXCUSED,
    InvitationAnswer.DELEGATED: Attendance.REPRESENTED,
}
MAX_DELEGATE = 200


def invitations_of(meeting: Meeting) -> list[Invitation]:
    return list(
        db.session.scalars(
            db.select(Invitation)
            .where(Invitation.meeting_id == meeting.id)
            .order_by(Invitation.department_id, Invitation.id)
        )
    )


def invitation_link(invitation: Invitation) -> str:
    return f"/invitations/{invitation.id}"


def _require_open(meeting: Meeting) -> None:
    ensure_editable(meeting)
    if meeting.cancelled_at is not None:
        raise Refusal(_("This meeting was cancelled."), 409)


# --- choosing the invitees -------------------------------------------------------------------


def invite(meeting: Meeting, department_ids, user_ids, actor=None) -> list[Invitation]:
    """Invite the active officers of these departments and these officers (each once)."""
    _require_open(meeting)
    users: dict[int, User] = {}
    for department_id in {int(d) for d in department_ids}:
        if db.session.get(Department, department_id) is None:
            raise Refusal(_("Choose a department of the list."), field="departments")
        users.update((u.id, u) for u in officers_of(department_id))
    for user_id in {int(u) for u in user_ids}:
        user = db.session.get(User, user_id)
        if user is None or user.role != Role.OFFICER or not user.active:
            raise Refusal(_("Choose an officer of the list."), field="users")
        users[user.id] = user
    if not users:
        raise Refusal(_("Choose at least one department or officer to invite."), field="users")
    already = {i.user_id for i in invitations_of(meeting)}
    added = []
    for user in users.values():
        if user.id in already:
            continue
        invitation = Invitation(meeting_id=meeting.id, user_id=user.id)
        invitation.department_id = user.department_id
        db.session.add(invitation)
        added.append(invitation)
    db.session.flush()
    if added:
        record(
            "meeting_invitees_added",
            "meeting",
            meeting.id,
            label=meeting.reference,
            actor=actor,
            changes={"invitees": [None, sorted(i.user_id for i in added)]},
        )
    return added


# --- sending ---------------------------------------------------------------------------------


def _lang(user: User) -> str:
    lang = str(user.language)
    return lang if lang in LANGUAGES else "ar"


def _params(meeting: Meeting) -> dict:
    return {
        "reference": meeting.reference,
        "title_ar": meeting.title_ar,
        "title_fr": meeting.title_fr,
        "starts": utc_to_local(meeting.starts_at).strftime("%Y-%m-%d %H:%M"),
    }


def _mails(meeting: Meeting, pairs, method: str) -> list[mail.Mail]:
    if not mail.enabled():
        return []
    mails = []
    for (user, notification), invitation in pairs:
        if not user.email:
            continue
        lang = _lang(user)
        ics = calendar.calendar([meeting], lang, method, cancelled=method == "CANCEL")
        with force_locale(LANGUAGES[lang]):
            text = render_text(notification.kind, notification.params)
            place = meeting.place_fr if lang == "fr" else meeting.place_ar
            lines = [text, ""]
            when = _params(meeting)["starts"]
            lines.append(_("Date and time: %(when)s (Algiers time)", when=when))
            if place:
                lines.append(_("Place: %(place)s", place=place))
            lines.append("")
            if method != "CANCEL":
                link = mail._absolute(invitation_link(invitation))
                lines += [_("Answer the invitation: %(link)s", link=link), ""]
            lines.append(_("This message was sent by digiweb; please do not reply to it."))
            subject = _("[digiweb] %(text)s", text=text)
        attachment = (
            f"{meeting.reference}.ics",
            f"text/calendar; charset=utf-8; method={method}",
            ics,
        )
        mails.append(
            mail.Mail(
                to=user.email,
                subject=subject,
                body="\n".join(lines),
                lang=lang,
                attachments=(attachment,),
            )
        )
    return mails


def _send(meeting: Meeting, invitations: list[Invitation], kind: NotificationKind) -> None:
    """Notify the invitees in-app now; mail them after the commit (with the .ics)."""
    method = "CANCEL" if kind == NotificationKind.MEETING_CANCELLED else "REQUEST"
    pairs = []
    for invitation in invitations:
        (pair,) = notify_users(
            [invitation.user], kind, _params(meeting), invitation_link(invitation)
        )
        pairs.append((pair, invitation))
        if method == "REQUEST":
            invitation.sent_sequence = meeting.version
            invitation.sent_at = utcnow()
    db.session.flush()
    mails = _mails(meeting, pairs, method)
    if mails:
        after_commit(lambda: mail.deliver(mails))


def send_invitations(meeting: Meeting, version, actor=None) -> int:
    """Send the invitation to every invitee who has not received it yet."""
    _require_open(meeting)
    check_version(meeting, version)
    unsent = [i for i in invitations_of(meeting) if i.sent_sequence is None]
    if not unsent:
        raise Refusal(_("Every invitee has already received the invitation."), 409)
    _send(meeting, unsent, NotificationKind.MEETING_INVITATION)
    record(
        "meeting_invitations_sent",
        "meeting",
        meeting.id,
        label=meeting.reference,
        actor=actor,
        changes={"invitees": [None, sorted(i.user_id for i in unsent)]},
    )
    return len(unsent)


def meeting_changed(meeting: Meeting, changes: dict) -> int:
    """After a saved change of the meeting: its date or place changed, the invitees who
    received the invitation get the update (REQUEST with the new SEQUENCE)."""
    if not any(name in changes for name in SENT_FIELDS) or meeting.cancelled_at is not None:
        return 0
    sent = [i for i in invitations_of(meeting) if i.sent_sequence is not None]
    if sent:
        db.session.expire(meeting, ["kind"])  # a form sets it as text: read it back as a kind
        _send(meeting, sent, NotificationKind.MEETING_UPDATED)
    return len(sent)


def cancel_meeting(meeting: Meeting, version, actor=None) -> int:
    """Cancel the meeting; the invitees who received the invitation get METHOD:CANCEL."""
    _require_open(meeting)
    check_version(meeting, version)
    if meeting.status != MeetingStatus.PLANNED:
        raise Refusal(_("Only a planned meeting can be cancelled."), 409)
    meeting.cancelled_at = utcnow()
    flush_or_conflict()  # the version grows: the CANCEL carries the new SEQUENCE
    record("meeting_cancelled", "meeting", meeting.id, label=meeting.reference, actor=actor)
    sent = [i for i in invitations_of(meeting) if i.sent_sequence is not None]
    if sent:
        _send(meeting, sent, NotificationKind.MEETING_CANCELLED)
    return len(sent)


# --- answers ---------------------------------------------------------------------------------


def invitation_for(user, invitation_id: int) -> Invitation:
    """The user's own invitation, else 404 (nobody answers, nor sees, another's)."""
    invitation = db.session.get(Invitation, invitation_id)
    if invitation is None or not user.is_authenticated or invitation.user_id != user.id:
        abort(404)
    return invitation


def answer(invitation: Invitation, value: str, delegate_name: str = "", actor=None) -> None:
    try:
        choice = InvitationAnswer(value)
    except ValueError:
        choice = None
    if choice is None or choice == InvitationAnswer.PENDING:
        raise Refusal(_("Choose an answer of the list."), field="answer")
    meeting = invitation.meeting
    if meeting.cancelled_at is not None:
        raise Refusal(_("This meeting was cancelled."), 409)
    if meeting.status != MeetingStatus.PLANNED:
        raise Refusal(_("This meeting has already been held."), 409)
    delegate_name = (delegate_name or "").strip()
    if choice == InvitationAnswer.DELEGATED and not delegate_name:
        raise Refusal(_("Enter the name of the person who will attend."), field="delegate_name")
    if len(delegate_name) > MAX_DELEGATE:
        raise Refusal(
            _("The text is too long (at most %(max)d characters).", max=MAX_DELEGATE),
            field="delegate_name",
        )
    before = [invitation.answer.value, invitation.delegate_name]
    invitation.answer = choice
    invitation.delegate_name = delegate_name if choice == InvitationAnswer.DELEGATED else ""
    invitation.answered_at = utcnow()
    db.session.flush()
    record(
        "meeting_invitation_answered",
        "meeting",
        meeting.id,
        label=meeting.reference,
        actor=actor,
        changes={"answer": [before, [choice.value, invitation.delegate_name]]},
    )


# --- attendance ------------------------------------------------------------------------------


def prefill_attendance(meeting: Meeting) -> int:
    """When the meeting is held: the answers fill the attendance list (accepted: present,
    declined: excused, delegated: represented, with the delegate added as present). Invitees
    already in the list are left as they are; unanswered invitations add nobody."""
    listed = {a.user_id for a in meeting.attendees if a.user_id}
    position = max((a.position for a in meeting.attendees), default=0)
    added = 0
    for invitation in invitations_of(meeting):
        if invitation.answer == InvitationAnswer.PENDING or invitation.user_id in listed:
            continue
        user = invitation.user
        position += 1
        meeting.attendees.append(
            Attendee(
                position=position,
                user_id=user.id,
                name=user.full_name or user.username,
                name_ar="",
                function_ar=_officer_function("ar"),
                function_fr=_officer_function("fr"),
                department_id=user.department_id,
                attendance=ANSWER_ATTENDANCE[invitation.answer],
            )
        )
        added += 1
        if invitation.answer == InvitationAnswer.DELEGATED:
            position += 1
            meeting.attendees.append(
                Attendee(
                    position=position,
                    name=invitation.delegate_name,
                    name_ar="",
                    function_ar="",
                    function_fr="",
                    department_id=user.department_id,
                    attendance=Attendance.PRESENT,
                )
            )
            added += 1
    if added:
        db.session.flush()
    return added
