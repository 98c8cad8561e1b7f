"""One rule decides who may read a meeting (`services.readable_by`), and every door follows it:
the meeting list, the meeting page, the minutes PDF (served by the reports area) and the
links from the decisions."""

import pytest

from digiweb.auth.models import Role
from digiweb.extensions import db
from digiweb.meetings import attendance, services
from digiweb.meetings.models import Meeting
from digiweb.reports import minutes_report
from tests.factories import make_user

READERS = {"reviewer": True, "viewer": True, "admin": True, "officer-mf": True, "officer-mj": False}


def _fake_pdf(meeting, lang):
    return f"%PDF-1.7 {meeting.reference} {lang}".encode()


def _agrees(user, meeting: Meeting) -> bool:
    """The rule as every service applies it; asserts that they all say the same."""
    answer = services.can_read_meeting(user, meeting)
    listed = db.session.scalar(services.visible_meetings(user).where(Meeting.id == meeting.id))
    assert (listed is not None) is answer
    assert (meeting.id in services.visible_meeting_ids(user, [meeting.id])) is answer
    return answer


def test_who_may_read_a_meeting(world, req):
    meeting = db.session.get(Meeting, world.meeting.id)
    for username, expected in READERS.items():
        assert _agrees(world.users[username], meeting) is expected, username


def test_the_rule_reads_the_database_not_the_loaded_attendees(world, req):
    """An attendee's department counts once saved, whatever the session has loaded."""
    meeting = db.session.get(Meeting, world.meeting.id)
    outsider = world.users["officer-mj"]
    assert not _agrees(outsider, meeting)
    attendance.add_attendee(meeting, attendance.AttendeeValues(user_id=outsider.id))
    db.session.flush()
    assert _agrees(outsider, meeting)
    db.session.rollback()


def test_an_officer_without_a_department_reads_none(world, req):
    """Fails closed: the guest on the list has no department either, which is no match."""
    meeting = db.session.get(Meeting, world.meeting.id)
    assert any(a.department_id is None for a in meeting.attendees)
    stray = make_user("stray", Role.OFFICER, department=None)
    assert not _agrees(stray, meeting)
    db.session.rollback()


@pytest.mark.parametrize("username", sorted(READERS))
def test_page_and_minutes_pdf_follow_the_rule(world, client_for, monkeypatch, username):
    monkeypatch.setattr(minutes_report, "render_minutes_pdf", _fake_pdf)
    client = client_for(username, "fr")
    expected = 200 if READERS[username] else 404
    assert client.get(f"/meetings/{world.reference}").status_code == expected
    pdf = client.get(f"/meetings/{world.reference}/minutes.pdf?lang=fr")
    assert pdf.status_code == expected
    if expected == 200:
        assert pdf.data == _fake_pdf(world.meeting, "fr")
