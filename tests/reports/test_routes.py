"""Downloads: who may print what, headers, languages, and the archived approved minutes."""

import hashlib
from datetime import UTC, datetime

import pytest

from digiweb.auth.models import User
from digiweb.departments.models import Department
from digiweb.extensions import db
from digiweb.meetings.models import Meeting, MeetingDocument, MeetingStatus
from digiweb.reports import minutes_report, plan_sheet
from tests.reports.conftest import pdf_metadata, pdf_text

MINUTES = "/meetings/MNS-2021-001/minutes.pdf"
CAMPAIGN = "/reports/campaign/2021.pdf"


def plan_url(code: str) -> str:
    return f"/plans/{plan_sheet.find_plan(2021, code).id}/sheet.pdf"


def absent_department_code() -> str:
    """A department that is not on the attendance list of MNS-2021-001."""
    meeting = minutes_report.find_meeting("MNS-2021-001")
    listed = {a.department_id for a in meeting.attendees if a.department_id is not None}
    return db.session.scalar(
        db.select(Department.code).where(Department.id.not_in(listed)).order_by(Department.code)
    )


def plan_status(code: str) -> str:
    return plan_sheet.find_plan(2021, code).status.value


def approve_for_real(reference: str = "MNS-2021-001") -> Meeting:
    """The approval of the meetings area: rendered, sealed and archived in both languages."""
    from digiweb.meetings.services import approve_minutes

    meeting = minutes_report.find_meeting(reference)
    reviewer = db.session.scalar(db.select(User).where(User.username == "reviewer"))
    approve_minutes(meeting, meeting.version, reviewer)
    db.session.commit()
    return meeting


def approve(reference: str = "MNS-2021-001") -> Meeting:
    meeting = minutes_report.find_meeting(reference)
    meeting.status = MeetingStatus.MINUTES_APPROVED
    meeting.minutes_approved_at = datetime(2021, 3, 30, 10, 0, tzinfo=UTC)
    db.session.commit()
    return meeting


def test_anonymous_visitors_are_sent_to_login(demo_app):
    from tests.conftest import CSRFClient

    demo_app.test_client_class = CSRFClient
    client = demo_app.test_client()
    for url in (MINUTES, CAMPAIGN, plan_url("MF")):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/login" in response.headers["Location"]


@pytest.mark.parametrize("username", ["reviewer", "viewer", "admin"])
def test_staff_prints_the_minutes(as_user, username):
    response = as_user(username).get(MINUTES + "?lang=fr")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="minutes-MNS-2021-001-fr-draft.pdf"'
    )
    assert response.data.startswith(b"%PDF-")
    assert "Procès-verbaldelaréunion" in pdf_text(response.data)


def test_officer_of_an_attending_department_prints_the_minutes(as_user):
    response = as_user("officer-mf").get(MINUTES + "?lang=ar")
    assert response.status_code == 200
    assert "محضرالاجتماع" in pdf_text(response.data)


def test_officer_of_another_department_gets_404(demo_app, as_user):
    code = absent_department_code()
    assert code is not None
    response = as_user(f"officer-{code.lower()}").get(MINUTES)
    assert response.status_code == 404
    assert response.headers["Content-Type"].startswith("text/html")


def test_unknown_meeting_is_404(as_user):
    assert as_user("reviewer").get("/meetings/MNS-1999-001/minutes.pdf").status_code == 404


def test_the_language_of_the_document_is_the_one_asked_for(as_user):
    client = as_user("reviewer", lang="fr")
    response = client.get(MINUTES + "?lang=ar")
    assert response.headers["Content-Disposition"].endswith('-ar-draft.pdf"')
    assert "محضرالاجتماع" in pdf_text(response.data)
    # Without ?lang= (or with a language we do not print): the language of the pages.
    client = as_user("reviewer", lang="fr")
    response = client.get(MINUTES + "?lang=en")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].endswith('-fr-draft.pdf"')


@pytest.mark.parametrize(
    ("username", "status"),
    [("reviewer", 200), ("viewer", 200), ("admin", 200), ("officer-mf", 403)],
)
def test_campaign_report_access(as_user, username, status):
    response = as_user(username).get(CAMPAIGN + "?lang=fr")
    assert response.status_code == status
    if status == 200:
        assert response.headers["Content-Type"] == "application/pdf"
        assert response.headers["Content-Disposition"] == (
            'attachment; filename="campaign-2021-fr.pdf"'
        )


def test_unknown_campaign_is_404(as_user):
    assert as_user("viewer").get("/reports/campaign/1999.pdf").status_code == 404


def test_plan_sheet_is_scoped_to_the_officers_department(as_user):
    officer = as_user("officer-mf")
    response = officer.get(plan_url("MF") + "?lang=fr")
    assert response.status_code == 200
    expected = (
        "plan-2021-MF-fr.pdf" if plan_status("MF") == "approved" else "plan-2021-MF-fr-draft.pdf"
    )
    assert response.headers["Content-Disposition"] == f'attachment; filename="{expected}"'
    assert officer.get(plan_url("MJ")).status_code == 404
    assert as_user("officer-mj").get(plan_url("MF")).status_code == 404
    assert as_user("viewer").get(plan_url("MJ")).status_code == 200
    assert officer.get("/plans/999999/sheet.pdf").status_code == 404


def test_approved_minutes_are_archived_and_served_identically(demo_app, as_user):
    meeting = approve_for_real()
    client = as_user("reviewer")
    first = client.get(MINUTES + "?lang=ar")
    second = client.get(MINUTES + "?lang=ar")
    assert first.status_code == second.status_code == 200
    assert first.data == second.data
    stored = db.session.scalar(
        db.select(MeetingDocument).where(
            MeetingDocument.meeting_id == meeting.id, MeetingDocument.language == "ar"
        )
    )
    assert stored.pdf == first.data
    assert stored.sha256 == hashlib.sha256(first.data).hexdigest()
    # The archived form: PDF/A-3u with its metadata, and the approval printed in it.
    info, xmp = pdf_metadata(first.data)
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="U"' in xmp
    assert info["/Lang"] == "ar"
    assert info["/Author"] == "وزارة الرقمنة والإحصائيات"
    assert info["/Title"] == "محضر الاجتماع — MNS-2021-001"
    text = pdf_text(first.data)
    assert "صودقعلىالمحضربتاريخ" in text
    assert "مسودة" not in text and "مشروعمحضر" not in text  # no draft mark any more
    assert f"/verify/{stored.verification_code}" in text
    response = client.get(MINUTES + "?lang=fr")
    assert response.headers["Content-Disposition"].endswith('-fr.pdf"')


def test_stored_minutes_are_served_as_stored(demo_app, as_user):
    """Once archived (by the approval), the minutes are never rendered again."""
    meeting = approve()
    archived = b"%PDF-1.7 archived minutes"
    db.session.add(
        MeetingDocument(
            meeting_id=meeting.id,
            language="fr",
            sha256=hashlib.sha256(archived).hexdigest(),
            pdf=archived,
        )
    )
    db.session.commit()
    response = as_user("viewer").get(MINUTES + "?lang=fr")
    assert response.data == archived


def test_draft_minutes_are_not_archived(demo_app, as_user):
    assert as_user("reviewer").get(MINUTES).status_code == 200
    assert db.session.scalar(db.select(MeetingDocument)) is None


def test_a_hostile_project_title_neither_leaks_nor_breaks_the_pdf(demo_app, as_user, fetchers):
    plan = plan_sheet.find_plan(2021, "MF")
    hostile = '<img src="file:///etc/passwd"> <link rel=stylesheet href="http://example.com/x.css">'
    project = plan.projects[0]
    project.title_fr = hostile
    db.session.commit()
    html = plan_sheet.plan_html(plan, "fr")
    assert (
        "&lt;img src=&#34;file:///etc/passwd&#34;&gt; "
        "&lt;link rel=stylesheet href=&#34;http://example.com/x.css&#34;&gt;"
    ) in html
    response = as_user("officer-mf").get(plan_url("MF") + "?lang=fr")
    assert response.status_code == 200
    text = pdf_text(response.data)
    assert '<imgsrc="file:///etc/passwd">' in text
    assert "example.com/x.css" in text  # shown as text...
    assert "root:x:" not in text  # ...never fetched
    asked = [url for fetcher in fetchers for url in fetcher.served + fetcher.refused]
    assert asked and all(url.startswith("https://digiweb.invalid/static/fonts/") for url in asked)


def test_printing_in_the_other_language_leaves_the_pages_language(as_user):
    client = as_user("reviewer", lang="ar")
    assert client.get(MINUTES + "?lang=fr").status_code == 200
    page = client.get("/")
    assert '<html lang="ar" dir="rtl">' in page.get_data(as_text=True)
    reviewer = db.session.scalar(db.select(User).where(User.username == "reviewer"))
    assert reviewer.language == "ar"
