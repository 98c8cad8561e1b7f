"""The demo meeting of the seed, MNS-2021-001, as the accounts of the demo see it."""

from datetime import UTC, datetime

from digiweb.extensions import db
from digiweb.meetings.models import Meeting

REFERENCE = "MNS-2021-001"


def test_demo_meeting_shows_the_seed(demo_app, as_user):
    meeting = db.session.scalar(db.select(Meeting).where(Meeting.reference == REFERENCE))
    # Thursday 25 March 2021, 09:30 in Algiers = 08:30 UTC.
    assert meeting.starts_at == datetime(2021, 3, 25, 8, 30, tzinfo=UTC)
    page = as_user("reviewer", lang="fr").get(f"/meetings/{REFERENCE}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "25/03/2021 09:30" in html
    assert "CERIST" in html
    for figure in ("28", "222", "31", "22"):
        assert f" {figure} " in html
    arabic = as_user("viewer", lang="ar").get(f"/meetings/{REFERENCE}").get_data(as_text=True)
    assert 'lang="ar" dir="rtl"' in arabic
    assert "مركز البحث في الإعلام العلمي" in arabic


def test_demo_officers_see_the_meeting_only_if_their_department_attended(demo_app, as_user):
    assert as_user("officer-mf").get(f"/meetings/{REFERENCE}").status_code == 200
    listing = as_user("officer-mf").get("/meetings").get_data(as_text=True)
    assert REFERENCE in listing
    # MPPH (fisheries) is not among the departments of the session.
    absent = as_user("officer-mpph")
    assert absent.get(f"/meetings/{REFERENCE}").status_code == 404
    assert REFERENCE not in absent.get("/meetings").get_data(as_text=True)


def test_demo_decisions_follow_up_for_the_owner_department(demo_app, as_user):
    client = as_user("officer-mns", lang="fr")
    page = client.get("/decisions").get_data(as_text=True)
    assert page.count('class="decision-card') >= 1
    assert 'action="/decisions/' in page
    other = as_user("officer-mf", lang="fr").get("/decisions").get_data(as_text=True)
    assert 'action="/decisions/' not in other  # MF owns none of the demo decisions
