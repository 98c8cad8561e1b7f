"""Rules of the documents on small records (no demo): marks, figures, scoping."""

from datetime import UTC, datetime

from digiweb.auth.models import Role
from digiweb.extensions import db
from digiweb.meetings.models import MeetingStatus
from digiweb.meetings.services import can_read_meeting
from digiweb.reports import campaign_report, minutes_report, plan_sheet, rendering
from tests.factories import make_user


def test_a_plan_not_sent_is_marked_as_such(small_meeting):
    unsent = plan_sheet.find_plan(2030, "SIL")
    html = plan_sheet.plan_html(unsent, "fr")
    assert '<p class="draft-mark">Plan non encore transmis au ministère</p>' in html
    sent = plan_sheet.plan_html(plan_sheet.find_plan(2030, "SNT"), "fr")
    assert '<p class="draft-mark">' not in sent


def test_drafts_never_count_in_the_figures(small_meeting):
    html = minutes_report.minutes_html(small_meeting, "fr")
    # 2 invited, 1 sent holding 2 projects (1 citizens, 1 economic operators); the draft's
    # project does not count.
    values = html.split('<table class="figures">')[1].split("</table>")[0]
    assert [v.split("</span>")[0] for v in values.split('<span class="value">')[1:]] == [
        "2",
        "1",
        "2",
        "1",
        "1",
    ]
    report = campaign_report.campaign_html(2030, "fr")
    assert "Projet en préparation" not in report
    row = report.split('<tr id="department-SNT">')[1].split("</tr>")[0]
    assert '<td class="num">2</td>' in row


def test_minutes_without_campaign_have_no_figures(small_meeting):
    small_meeting.campaign = None
    html = minutes_report.minutes_html(small_meeting, "ar")
    assert '<table class="figures">' not in html


def test_approved_minutes_carry_the_approval_not_the_draft_mark(small_meeting):
    html = minutes_report.minutes_html(small_meeting, "fr")
    assert "Projet de procès-verbal — non approuvé" in html
    assert 'content: "PROJET — non approuvé";' in html  # on every page
    assert 'class="approval"' not in html and 'class="signature"' not in html
    small_meeting.status = MeetingStatus.MINUTES_APPROVED
    small_meeting.minutes_approved_at = datetime(2030, 4, 2, 9, 0, tzinfo=UTC)
    html = minutes_report.minutes_html(small_meeting, "fr", "0123456789abcdef0123456789abcdef")
    assert '<p class="draft-mark">' not in html and "PROJET" not in html
    assert 'class="signature"' in html
    assert "Procès-verbal approuvé le <bdi>2 avril 2030</bdi> par" in html
    assert "/verify/0123456789abcdef0123456789abcdef</bdi>" in html
    assert "<svg" in html.split('class="qr"')[1]


def test_who_reads_the_minutes(small_meeting):
    """The meetings area's one reading rule (tests/meetings/test_reading_rule.py)."""
    attending = plan_sheet.find_plan(2030, "SNT").department
    other = plan_sheet.find_plan(2030, "SIL").department  # owns a decision, not on the list
    assert can_read_meeting(make_user(department=attending), small_meeting)
    assert not can_read_meeting(make_user(department=other), small_meeting)
    for role in (Role.REVIEWER, Role.VIEWER, Role.ADMIN):
        assert can_read_meeting(make_user(role=role), small_meeting)
    db.session.rollback()


def test_paragraphs():
    assert rendering.paragraphs("a\nb\n\n\n c \r\n\r\nd") == ["a\nb", "c", "d"]
    assert rendering.paragraphs("") == []
