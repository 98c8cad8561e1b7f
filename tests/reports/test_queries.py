"""Documents are built with a fixed number of queries, whatever the number of rows."""

from digiweb.extensions import db
from digiweb.plans.models import Technology
from digiweb.reports import campaign_report, minutes_report, plan_sheet
from tests.factories import add_projects

TECHNOLOGIES = [Technology.CLOUD, Technology.AI]


def test_campaign_report_queries_do_not_grow_with_projects(small_meeting, count_queries):
    plan = plan_sheet.find_plan(2030, "SNT")
    db.session.expire_all()
    with count_queries() as before:
        campaign_report.campaign_html(2030, "fr")
    add_projects(plan, 6, technologies=TECHNOLOGIES)
    db.session.expire_all()
    with count_queries() as after:
        html = campaign_report.campaign_html(2030, "fr")
    assert html.count('<tr id="department-') == 2  # a row per department, none per project
    assert after.count == before.count


def test_plan_sheet_queries_do_not_grow_with_projects(small_meeting, count_queries):
    plan = plan_sheet.find_plan(2030, "SNT")
    db.session.expire_all()
    with count_queries() as before:
        plan_sheet.plan_html(db.session.get(type(plan), plan.id), "ar")
    add_projects(plan, 6, technologies=TECHNOLOGIES)
    db.session.expire_all()
    with count_queries() as after:
        html = plan_sheet.plan_html(db.session.get(type(plan), plan.id), "ar")
    assert html.count('<section class="project"') == 8
    assert after.count == before.count


def test_minutes_queries_do_not_grow_with_attendees(small_meeting, count_queries):
    from digiweb.meetings.models import Attendee, Decision
    from tests.factories import make_department

    def render():
        db.session.expire_all()
        with count_queries() as counter:
            minutes_report.minutes_html(minutes_report.find_meeting("MNS-2030-001"), "fr")
        return counter.count

    before = render()
    meeting = minutes_report.find_meeting("MNS-2030-001")
    for position in range(3, 9):
        department = make_department()
        meeting.attendees.append(Attendee(position=position, name="X", department=department))
        meeting.decisions.append(
            Decision(position=position, text_ar="ق", text_fr="D", owner_department=department)
        )
    db.session.commit()
    assert render() == before
