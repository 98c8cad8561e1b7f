"""Approving the minutes seals them for good: the form carries a required check box and the
route refuses the approval without it (422, nothing written); /approve-minutes stays the
address (digiweb/confirm.py)."""

import re

from digiweb.extensions import db
from digiweb.meetings import services
from digiweb.meetings.models import Meeting, MeetingStatus


def test_approving_the_minutes_needs_the_box_ticked(world, client_for, monkeypatch):
    monkeypatch.setattr(
        services, "_minutes_renderer", lambda: lambda meeting, lang, code: b"%PDF-1.7 test"
    )
    meeting = db.session.get(Meeting, world.meeting.id)
    meeting.minutes_ar, meeting.minutes_fr = "محضر", "Procès-verbal"
    db.session.commit()
    client = client_for("reviewer", "fr")
    page = client.get(f"/meetings/{world.reference}").get_data(as_text=True)
    form = re.search(
        rf'<form[^>]*action="/meetings/{re.escape(world.reference)}/approve-minutes".*?</form>',
        page,
        re.S,
    ).group(0)
    assert re.search(r'<input type="checkbox"[^>]*name="confirm"[^>]*required', form)
    version = db.session.get(Meeting, world.meeting.id).version
    url = f"/meetings/{world.reference}/approve-minutes"
    refused = client.post(url, data={"version": version})
    assert refused.status_code == 422
    assert db.session.get(Meeting, world.meeting.id).status != MeetingStatus.MINUTES_APPROVED
    done = client.post(url, data={"version": version, "confirm": "yes"})
    assert done.status_code == 302
    assert db.session.get(Meeting, world.meeting.id).status == MeetingStatus.MINUTES_APPROVED
