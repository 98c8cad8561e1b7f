"""Invitations to a meeting: mailed in each invitee's language with the .ics (METHOD:REQUEST,
the meeting's SEQUENCE), updates when the date or place change, the cancellation
(METHOD:CANCEL), the invitees' answers and the attendance they pre-fill."""

import email
from datetime import date, time
from email import policy

import pytest
from icalendar import Calendar

from digiweb.auth.models import Language
from digiweb.extensions import db
from digiweb.meetings import invitations, services
from digiweb.meetings.models import Attendance, Invitation, InvitationAnswer, Meeting
from digiweb.notifications.models import Notification, NotificationKind
from tests.factories import make_meeting, meeting_values
from tests.review.conftest import smtp_server  # noqa: F401 - the fixture


@pytest.fixture
def planned(app, world):
    """A planned meeting nobody is invited to yet; MF's officer reads French, MJ's Arabic."""
    with app.test_request_context("/"):
        world.officer_mf.email = "mf@example.dz"
        world.officer_mf.language = Language.FR
        world.officer_mj.email = "mj@example.dz"
        world.officer_mj.language = Language.AR
        meeting = make_meeting(world.campaign, status="planned")
        db.session.commit()
        return meeting.reference


def meeting_of(reference) -> Meeting:
    return db.session.scalar(db.select(Meeting).where(Meeting.reference == reference))


def mails(server) -> dict:
    """{recipient: (message, calendar)} of the messages received."""
    found = {}
    for envelope in server.messages:
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        (part,) = [p for p in message.iter_attachments() if p.get_content_type() == "text/calendar"]
        found[envelope.rcpt_tos[0]] = (message, Calendar.from_ical(part.get_content()))
    server.messages.clear()
    return found


def invite_and_send(client, world, reference):
    meeting = meeting_of(reference)
    response = client.post(
        f"/meetings/{reference}/invitations",
        data={"departments": [str(world.mj.id)], "users": [str(world.officer_mf.id)]},
    )
    assert response.status_code == 302
    version = meeting_of(reference).version
    response = client.post(f"/meetings/{reference}/invitations/send", data={"version": version})
    assert response.status_code == 302
    return meeting


def test_invitations_are_mailed_in_each_language_with_the_ics(
    world,
    planned,
    client_for,
    smtp_server,  # noqa: F811
):
    reviewer = client_for("reviewer", "fr")
    invite_and_send(reviewer, world, planned)
    meeting = meeting_of(planned)
    received = mails(smtp_server)
    assert set(received) == {"mf@example.dz", "mj@example.dz"}
    message, cal = received["mf@example.dz"]
    assert message["Subject"].startswith(f"[digiweb] Vous êtes invité à la réunion {planned}")
    assert str(cal["METHOD"]) == "REQUEST"
    (event,) = cal.walk("VEVENT")
    assert int(event["SEQUENCE"]) == meeting.version
    assert str(event["SUMMARY"]) == "Séance de travail"
    assert "/invitations/" in message.get_body(("plain",)).get_content()
    message, cal = received["mj@example.dz"]
    assert str(cal.walk("VEVENT")[0]["SUMMARY"]) == "جلسة عمل"  # Arabic reader
    kinds = db.session.scalars(
        db.select(Notification.user_id).where(
            Notification.kind == NotificationKind.MEETING_INVITATION
        )
    ).all()
    assert sorted(kinds) == sorted([world.officer_mf.id, world.officer_mj.id])
    # sending again: nobody left to invite
    again = reviewer.post(
        f"/meetings/{planned}/invitations/send", data={"version": meeting.version}
    )
    assert again.status_code == 409
    assert smtp_server.messages == []
    # the page lists the invitees
    page = reviewer.get(f"/meetings/{planned}").get_data(as_text=True)
    assert 'id="invitations"' in page and "Karim Benali" in page


def test_a_change_of_date_or_place_sends_an_update_a_cancellation_cancels(
    app,
    world,
    planned,
    client_for,
    smtp_server,  # noqa: F811
):
    reviewer = client_for("reviewer", "fr")
    invite_and_send(reviewer, world, planned)
    first = int(mails(smtp_server)["mf@example.dz"][1].walk("VEVENT")[0]["SEQUENCE"])
    with app.test_request_context("/"):
        meeting = meeting_of(planned)
        values = meeting_values(status="planned", campaign_id=world.campaign.id, chair_fr="X")
        services.update_meeting(meeting, values, meeting.version)
        db.session.commit()
    assert smtp_server.messages == []  # the chair is not sent
    with app.test_request_context("/"):
        meeting = meeting_of(planned)
        values = meeting_values(
            status="planned",
            campaign_id=world.campaign.id,
            chair_fr="X",
            starts_at=services.local_to_utc(date(2021, 3, 26), time(10, 0)),
        )
        services.update_meeting(meeting, values, meeting.version)
        db.session.commit()
    received = mails(smtp_server)
    assert set(received) == {"mf@example.dz", "mj@example.dz"}
    cal = received["mf@example.dz"][1]
    assert str(cal["METHOD"]) == "REQUEST"
    second = int(cal.walk("VEVENT")[0]["SEQUENCE"])
    assert second > first
    assert second == meeting_of(planned).version

    response = reviewer.post(
        f"/meetings/{planned}/cancel", data={"version": meeting_of(planned).version}
    )
    assert response.status_code == 302
    assert meeting_of(planned).cancelled_at is not None
    received = mails(smtp_server)
    cal = received["mj@example.dz"][1]
    assert str(cal["METHOD"]) == "CANCEL"
    (event,) = cal.walk("VEVENT")
    assert str(event["STATUS"]) == "CANCELLED"
    assert int(event["SEQUENCE"]) > second
    # a cancelled meeting is not answered any more
    invitation = db.session.scalar(
        db.select(Invitation).where(Invitation.user_id == world.officer_mj.id)
    )
    answer = client_for("officer-mj").post(
        f"/invitations/{invitation.id}", data={"answer": "accepted"}
    )
    assert answer.status_code == 409


def test_answers_are_recorded_and_pre_fill_attendance(app, world, planned, client_for):
    invite_and_send(client_for("reviewer"), world, planned)
    own = {i.user_id: i.id for i in db.session.scalars(db.select(Invitation)).all()}
    mf, mj = own[world.officer_mf.id], own[world.officer_mj.id]
    officer_mf = client_for("officer-mf", "fr")
    assert officer_mf.get(f"/invitations/{mf}").status_code == 200
    # another's invitation: not found, not answered
    assert officer_mf.get(f"/invitations/{mj}").status_code == 404
    assert officer_mf.post(f"/invitations/{mj}", data={"answer": "declined"}).status_code == 404
    reviewer = client_for("reviewer")
    assert reviewer.post(f"/invitations/{mj}", data={"answer": "declined"}).status_code == 404
    assert db.session.get(Invitation, mj).answer == InvitationAnswer.PENDING
    assert officer_mf.post(f"/invitations/{mf}", data={"answer": "accepted"}).status_code == 302
    officer_mj = client_for("officer-mj")
    refused = officer_mj.post(f"/invitations/{mj}", data={"answer": "delegated"})
    assert refused.status_code == 422
    response = officer_mj.post(
        f"/invitations/{mj}", data={"answer": "delegated", "delegate_name": "Omar Touati"}
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Invitation, mf).answer == InvitationAnswer.ACCEPTED
    assert db.session.get(Invitation, mj).delegate_name == "Omar Touati"

    with app.test_request_context("/"):
        meeting = meeting_of(planned)
        values = meeting_values(status="held", campaign_id=world.campaign.id)
        services.update_meeting(meeting, values, meeting.version)
        db.session.commit()
    attendance = {a.name: a.attendance for a in meeting_of(planned).attendees}
    assert attendance == {
        "Karim Benali": Attendance.PRESENT,
        "Nadia Saidi": Attendance.REPRESENTED,
        "Omar Touati": Attendance.PRESENT,
    }


def test_only_reviewers_invite(world, planned, client_for):
    officer = client_for("officer-mf")
    response = officer.post(
        f"/meetings/{planned}/invitations", data={"users": [str(world.officer_mf.id)]}
    )
    assert response.status_code in (403, 404)
    assert db.session.scalars(db.select(Invitation)).all() == []


def test_a_declined_invitation_marks_the_invitee_excused(app, world, planned):
    with app.test_request_context("/"):
        meeting = meeting_of(planned)
        (invitation,) = invitations.invite(meeting, [], [world.officer_mf.id])
        invitations.answer(invitation, "declined")
        assert invitations.prefill_attendance(meeting) == 1
        assert meeting.attendees[0].attendance == Attendance.EXCUSED
        db.session.rollback()
