"""A small world for the meetings tests, built with the factories (independent of the demo):
two departments (MF attended the meeting, MJ did not), one account per role, the 2021
campaign with a project of each department, and a meeting with attendees, agenda and
decisions."""

from datetime import date, time
from types import SimpleNamespace

import pytest

from digiweb.auth.models import Role
from digiweb.extensions import db
from digiweb.meetings import services
from digiweb.meetings.models import Meeting, MeetingStatus
from tests.conftest import CSRFClient
from tests.factories import (
    PASSWORD,
    make_campaign,
    make_department,
    make_project,
    make_user,
    plan_of,
)


@pytest.fixture
def req(app):
    """A request context (the services translate their messages for the user's language)."""
    with app.test_request_context("/"):
        yield


def meeting_values(**changes) -> dict:
    values = {
        "title_ar": "جلسة عمل",
        "title_fr": "Séance de travail",
        "kind": "working_session",
        "starts_at": services.local_to_utc(date(2021, 3, 25), time(9, 30)),
        "place_ar": "الجزائر",
        "place_fr": "Alger",
        "chair_ar": "الوزير",
        "chair_fr": "Le ministre",
        "campaign_id": None,
        "status": "held",
    }
    values.update(changes)
    return values


@pytest.fixture
def world(app):
    with app.test_request_context("/"):
        mf = make_department("MF", name_fr="Ministère des Finances", name_ar="وزارة المالية")
        mj = make_department("MJ", name_fr="Ministère de la Justice", name_ar="وزارة العدل")
        users = {
            "reviewer": make_user("reviewer", Role.REVIEWER, full_name="Samia Haddad"),
            "viewer": make_user("viewer", Role.VIEWER),
            "admin": make_user("admin", Role.ADMIN),
            "officer-mf": make_user("officer-mf", department=mf, full_name="Karim Benali"),
            "officer-mj": make_user("officer-mj", department=mj, full_name="Nadia Saidi"),
        }
        campaign = make_campaign(2021, departments=[mf, mj])
        project_mf = make_project(plan_of(campaign, mf))
        project_mj = make_project(plan_of(campaign, mj))
        meeting = services.create_meeting(meeting_values(campaign_id=campaign.id))
        officer = services.add_attendee(
            meeting, services.AttendeeValues(user_id=users["officer-mf"].id)
        )
        guest = services.add_attendee(
            meeting,
            services.AttendeeValues(
                name="Yacine Amrani",
                function_ar="مدير",
                function_fr="Directeur",
                attendance="excused",
            ),
        )
        first = services.add_agenda_item(meeting, "افتتاح", "Ouverture")
        second = services.add_agenda_item(meeting, "نتائج الاستبيان", "Résultats du questionnaire")
        decision_mf = services.add_decision(
            meeting,
            services.DecisionValues(
                text_ar="ترسل وزارة المالية مخططها",
                text_fr="Le ministère des Finances transmet son plan",
                owner_department_id=mf.id,
                due_date=date(2021, 4, 15),
                projects=project_mf.reference,
            ),
        )
        decision_mj = services.add_decision(
            meeting,
            services.DecisionValues(
                text_ar="تقدم وزارة العدل حصيلة",
                text_fr="Le ministère de la Justice présente un bilan",
                owner_department_id=mj.id,
                due_date=date(2099, 6, 30),
            ),
        )
        db.session.commit()
        return SimpleNamespace(
            mf=mf,
            mj=mj,
            users=users,
            campaign=campaign,
            project_mf=project_mf,
            project_mj=project_mj,
            meeting=meeting,
            reference=meeting.reference,
            officer_attendee=officer,
            guest_attendee=guest,
            agenda=[first, second],
            decision_mf=decision_mf,
            decision_mj=decision_mj,
        )


@pytest.fixture
def client_for(app, world):
    """client_for("reviewer", lang="fr") -> a client logged in as that account of the world
    (None: anonymous)."""

    def factory(username: str | None, lang: str | None = None):
        app.test_client_class = CSRFClient
        c = app.test_client()
        if username is not None:
            url = "/login" + (f"?lang={lang}" if lang else "")
            response = c.post(url, data={"username": username, "password": PASSWORD})
            assert response.status_code == 302, response.status_code
        elif lang:
            c.get(f"/login?lang={lang}")
        return c

    return factory


def lock(meeting_id: int) -> None:
    """Mark a meeting's minutes approved directly in the database (what the approval does,
    without rendering the PDFs), to test the lock on its own."""
    meeting = db.session.get(Meeting, meeting_id)
    meeting.status = MeetingStatus.MINUTES_APPROVED
    db.session.commit()
