"""Meetings as calendars: the .ics of one meeting and the personal feed, read back with the
icalendar library."""

import re
from datetime import UTC, datetime

from icalendar import Calendar

from digiweb.extensions import db
from digiweb.meetings.models import CalendarFeed
from tests.factories import make_meeting


def read(response) -> Calendar:
    assert response.status_code == 200, response.status_code
    assert response.mimetype == "text/calendar"
    return Calendar.from_ical(response.data)


def events(cal: Calendar) -> list:
    return list(cal.walk("VEVENT"))


def test_meeting_ics_in_the_readers_language(world, client_for):
    cal = read(client_for("reviewer", "fr").get(f"/meetings/{world.reference}.ics"))
    assert str(cal["METHOD"]) == "PUBLISH"
    (event,) = events(cal)
    assert str(event["SUMMARY"]) == "Séance de travail"
    assert str(event["LOCATION"]) == "Alger"
    assert event.decoded("DTSTART") == datetime(2021, 3, 25, 8, 30, tzinfo=UTC)
    assert "Ouverture" in str(event["DESCRIPTION"])
    uid = str(event["UID"])

    arabic = events(read(client_for("officer-mf", "ar").get(f"/meetings/{world.reference}.ics")))
    assert str(arabic[0]["SUMMARY"]) == "جلسة عمل"
    assert str(arabic[0]["LOCATION"]) == "الجزائر"
    assert str(arabic[0]["UID"]) == uid  # one UID per meeting, whoever downloads it


def test_meeting_ics_follows_the_reading_rule(world, client_for):
    assert client_for("officer-mj").get(f"/meetings/{world.reference}.ics").status_code == 404
    assert client_for("viewer").get(f"/meetings/{world.reference}.ics").status_code == 200
    anonymous = client_for(None).get(f"/meetings/{world.reference}.ics")
    assert anonymous.status_code == 302 and "/login" in anonymous.headers["Location"]
    assert client_for("reviewer").get("/meetings/MNS-1999-001.ics").status_code == 404


def test_the_uid_stays_and_the_sequence_grows_when_the_meeting_changes(world, client_for):
    client = client_for("reviewer", "fr")
    before = events(read(client.get(f"/meetings/{world.reference}.ics")))[0]
    world.meeting.place_fr = "Oran"
    db.session.commit()
    after = events(read(client.get(f"/meetings/{world.reference}.ics")))[0]
    assert str(after["UID"]) == str(before["UID"])
    assert str(after["LOCATION"]) == "Oran"
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])


def _feed_url(client) -> str:
    page = client.get("/meetings").get_data(as_text=True)
    match = re.search(r'value="(https?://[^"]+/calendar/[^"]+\.ics)"', page)
    return match.group(1) if match else ""


def test_personal_feed_created_shown_read_without_login_replaced_and_revoked(
    app, world, client_for
):
    officer = client_for("officer-mf", "fr")
    assert _feed_url(officer) == ""
    assert officer.post("/calendar/address").status_code == 302
    url = _feed_url(officer)
    assert url
    path = url.split("localhost", 1)[1]

    anonymous = client_for(None)
    cal = read(anonymous.get(path))
    assert [str(e["SUMMARY"]) for e in events(cal)] == ["Séance de travail"]  # his language

    # a meeting MF did not attend is not in his feed, one it attended is
    with app.test_request_context("/"):
        make_meeting(title_fr="Autre séance", title_ar="جلسة أخرى")
        db.session.commit()
    assert len(events(read(anonymous.get(path)))) == 1
    reviewer = client_for("reviewer")
    reviewer.post("/calendar/address")
    reviewer_path = _feed_url(reviewer).split("localhost", 1)[1]
    assert len(events(read(anonymous.get(reviewer_path)))) == 2

    # replaced: the old address stops working, the new one works
    officer.post("/calendar/address")
    new_path = _feed_url(officer).split("localhost", 1)[1]
    assert new_path != path
    assert anonymous.get(path).status_code == 404
    assert anonymous.get(new_path).status_code == 200

    # revoked: nothing answers any more
    officer.post("/calendar/address/delete")
    assert _feed_url(officer) == ""
    assert anonymous.get(new_path).status_code == 404
    assert db.session.scalar(db.select(db.func.count(CalendarFeed.id))) == 1  # the reviewer's


def test_feed_refuses_forged_tokens_and_inactive_users(world, client_for):
    officer = client_for("officer-mf")
    officer.post("/calendar/address")
    path = _feed_url(officer).split("localhost", 1)[1]
    anonymous = client_for(None)
    user_id, mac = path.removeprefix("/calendar/").removesuffix(".ics").split("-")
    forged = f"/calendar/{world.reviewer.id}-{mac}.ics"
    assert anonymous.get(forged).status_code == 404
    assert anonymous.get(f"/calendar/{user_id}-{'0' * 40}.ics").status_code == 404
    assert anonymous.get("/calendar/nonsense.ics").status_code == 404
    world.officer_mf.active = False
    db.session.commit()
    assert anonymous.get(path).status_code == 404
