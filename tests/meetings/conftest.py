"""A small world for the meetings tests, built with tests/factories.py (independent of the
demo): two departments (MF attended the meeting, MJ did not), one account per role, the 2021
campaign with a project of each department, and a meeting with attendees, agenda and
decisions."""

from datetime import date

import pytest

from digiweb.extensions import db
from digiweb.meetings import attendance, decisions
from digiweb.meetings.models import Meeting, MeetingStatus
from tests.factories import client_as, make_meeting, make_project, make_world


@pytest.fixture
def req(app):
    """A request context (the services translate their messages for the user's language)."""
    with app.test_request_context("/"):
        yield


@pytest.fixture
def world(app):
    with app.test_request_context("/"):
        world = make_world(
            2021,
            users={
                "reviewer": {"full_name": "Samia Haddad"},
                "officer-mf": {"full_name": "Karim Benali"},
                "officer-mj": {"full_name": "Nadia Saidi"},
            },
        )
        project_mf = make_project(world.plan_mf)
        project_mj = make_project(world.plan_mj)
        meeting = make_meeting(
            world.campaign,
            attendees=[
                attendance.AttendeeValues(user_id=world.officer_mf.id),
                attendance.AttendeeValues(
                    name="Yacine Amrani",
                    function_ar="مدير",
                    function_fr="Directeur",
                    attendance="excused",
                ),
            ],
            agenda=[("افتتاح", "Ouverture"), ("نتائج الاستبيان", "Résultats du questionnaire")],
            decisions=[
                decisions.DecisionValues(
                    text_ar="ترسل وزارة المالية مخططها",
                    text_fr="Le ministère des Finances transmet son plan",
                    owner_department_id=world.mf.id,
                    due_date=date(2021, 4, 15),
                    projects=project_mf.reference,
                ),
                decisions.DecisionValues(
                    text_ar="تقدم وزارة العدل حصيلة",
                    text_fr="Le ministère de la Justice présente un bilan",
                    owner_department_id=world.mj.id,
                    due_date=date(2099, 6, 30),
                ),
            ],
        )
        officer, guest = meeting.attendees
        decision_mf, decision_mj = meeting.decisions
        db.session.commit()
        return world.add(
            project_mf=project_mf,
            project_mj=project_mj,
            meeting=meeting,
            reference=meeting.reference,
            officer_attendee=officer,
            guest_attendee=guest,
            agenda=list(meeting.agenda_items),
            decision_mf=decision_mf,
            decision_mj=decision_mj,
        )


@pytest.fixture
def client_for(app, world):
    """client_for("reviewer", lang="fr") -> a client logged in as that account of the world
    (None: anonymous); in the account's language unless `lang` is given."""

    def factory(username: str | None, lang: str | None = None):
        return client_as(app, username, lang)

    return factory


def lock(meeting_id: int) -> None:
    """Mark a meeting's minutes approved directly in the database (what the approval does,
    without rendering the PDFs), to test the lock on its own."""
    meeting = db.session.get(Meeting, meeting_id)
    meeting.status = MeetingStatus.MINUTES_APPROVED
    db.session.commit()
