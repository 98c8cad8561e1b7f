"""What the approval of the minutes needs: recorded attendance (someone present), an agenda, and
the version the approver saw (a request without one is a 400 that says so)."""

import pytest

from digiweb.errors import MissingVersion, Refusal
from digiweb.extensions import db
from digiweb.meetings import agenda, attendance, services
from digiweb.meetings.models import Attendance, Meeting, MeetingDocument, MeetingStatus


def _fake_pdf(meeting, lang, verification_code):
    return f"%PDF-1.7 {meeting.reference} {lang}".encode()


@pytest.fixture
def ready(world, req, monkeypatch):
    """The world's meeting with its minutes written (approvable as it stands)."""
    monkeypatch.setattr(services, "_minutes_renderer", lambda: _fake_pdf)
    meeting = db.session.get(Meeting, world.meeting.id)
    services.update_minutes(meeting, "محضر", "Procès-verbal", meeting.version)
    return meeting


def test_approval_needs_an_attendee_marked_present(world, ready):
    for attendee in ready.attendees:
        attendee.attendance = Attendance.EXCUSED
    with pytest.raises(Refusal) as refused:
        services.approve_minutes(ready, ready.version, world.reviewer)
    assert refused.value.status == 409
    assert "الحضور" in refused.value.message
    ready.attendees[0].attendance = Attendance.PRESENT
    services.approve_minutes(ready, ready.version, world.reviewer)
    assert ready.status == MeetingStatus.MINUTES_APPROVED


def test_approval_needs_an_attendance_list_at_all(world, ready):
    for attendee in list(ready.attendees):
        attendance.delete_attendee(ready, attendee)
    with pytest.raises(Refusal) as refused:
        services.approve_minutes(ready, ready.version, world.reviewer)
    assert refused.value.status == 409


def test_approval_needs_an_agenda_item(world, ready):
    for item in list(ready.agenda_items):
        agenda.delete_agenda_item(ready, item)
    with pytest.raises(Refusal) as refused:
        services.approve_minutes(ready, ready.version, world.reviewer)
    assert refused.value.status == 409
    assert "جدول الأعمال" in refused.value.message
    assert db.session.scalar(db.select(db.func.count(MeetingDocument.id))) == 0


def test_approval_without_a_version_is_a_400_saying_so(world, ready):
    with pytest.raises(MissingVersion):
        services.approve_minutes(ready, None, world.reviewer)


def test_approval_request_without_a_version_answers_400_with_the_right_message(
    world, client_for, req
):
    meeting = db.session.get(Meeting, world.meeting.id)
    meeting.minutes_ar, meeting.minutes_fr = "محضر", "Procès-verbal"
    db.session.commit()
    client = client_for("reviewer", "fr")
    response = client.post(f"/meetings/{world.reference}/approve-minutes", data={})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "ne précise pas quelle version de la fiche elle modifie" in page
    assert "Quelqu&#39;un d&#39;autre" not in page and "Quelqu'un d'autre" not in page
    assert db.session.get(Meeting, world.meeting.id).status == MeetingStatus.HELD
