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


def test_deletions_ask_first_with_and_without_javascript(world, client_for):
    """The delete buttons of attendees, agenda items and decisions ask (hx-confirm, which then
    sends confirm=yes); a plain post without it gets the page that asks, and deletes nothing."""
    from digiweb.meetings.models import AgendaItem

    client = client_for("reviewer", "fr")
    page = client.get(f"/meetings/{world.reference}").get_data(as_text=True)
    deletes = re.findall(r'<form[^>]*action="[^"]*/delete"[^>]*>', page)
    assert deletes and all("hx-confirm=" in f and "hx-vals=" in f for f in deletes)
    item = world.agenda[0]
    url = f"/meetings/{world.reference}/agenda/{item.id}/delete"
    count = db.session.scalar(db.select(db.func.count(AgendaItem.id)))
    asked = client.post(url)
    assert asked.status_code == 200
    assert 'name="confirm" value="yes"' in asked.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(AgendaItem.id))) == count
    assert client.post(url, data={"confirm": "yes"}).status_code == 302
    assert db.session.scalar(db.select(db.func.count(AgendaItem.id))) == count - 1
