"""The completeness board and the reminders, on the demo data of the seed (34 departments
invited, 28 plans sent, 6 not sent)."""

import html
import re
from datetime import timedelta

import pytest
import sqlalchemy as sa

from digiweb import clock
from digiweb.audit.models import AuditLog
from digiweb.auth.models import User
from digiweb.campaigns.services import campaign_for_year
from digiweb.db_types import utcnow
from digiweb.extensions import db
from digiweb.notifications.models import Notification, NotificationKind, Reminder
from digiweb.plans.models import SENT_STATUSES, Plan, PlanEvent, PlanEventKind, PlanStatus
from digiweb.review import board as review_board

ROW = re.compile(r'<tr id="department-\d+" data-code="([A-Z]+)" data-status="(\w+)"')


def rows(response) -> dict[str, str]:
    return dict(ROW.findall(response.get_data(as_text=True)))


def count_of(body: str, status: str) -> int:
    match = re.search(rf'data-status="{status}">.*?<span class="count">(\d+)</span>', body, re.S)
    return int(match.group(1))


def test_board_shows_every_invited_department_with_the_seed_figures(as_user):
    response = as_user("reviewer", lang="fr").get("/plans?year=2021")
    assert response.status_code == 200
    found = rows(response)
    assert len(found) == 34
    assert sum(1 for s in found.values() if s in ("submitted", "returned", "approved")) == 28
    assert sum(1 for s in found.values() if s in ("not_started", "draft")) == 6
    assert found["MF"] in ("submitted", "returned", "approved")
    assert found["MJ"] in ("submitted", "returned", "approved")
    body = response.get_data(as_text=True)
    assert count_of(body, "all") == 34 and count_of(body, "sent") == 28
    assert count_of(body, "unsent") == 6
    assert "34 départements" in html.unescape(body)


def test_board_rows_carry_projects_dates_and_days_late(demo_app):
    campaign = campaign_for_year(2021)
    board = {row.department.code: row for row in review_board.board_rows(campaign)}
    assert sum(row.projects for row in board.values() if row.status in SENT_STATUSES) == 222
    for row in board.values():
        if row.is_sent:
            assert row.first_sent_at is not None
            assert row.days_late == max(
                0, (clock.local_date(row.first_sent_at) - campaign.deadline).days
            )
        else:
            assert row.first_sent_at is None
            assert row.days_late == (clock.today() - campaign.deadline).days
        if row.status == PlanStatus.APPROVED:
            assert row.approved_at is not None


@pytest.mark.parametrize(
    ("status", "expected"),
    [("sent", 28), ("unsent", 6), ("", 34), ("bogus", 34)],
)
def test_status_filter(as_user, status, expected):
    response = as_user("reviewer").get(f"/plans?year=2021&status={status}")
    assert len(rows(response)) == expected


def test_each_status_filter_matches_its_count(as_user):
    client = as_user("viewer")
    body = client.get("/plans?year=2021").get_data(as_text=True)
    total = 0
    for status in PlanStatus:
        shown = rows(client.get(f"/plans?year=2021&status={status.value}"))
        assert set(shown.values()) <= {status.value}
        assert len(shown) == count_of(body, status.value)
        total += len(shown)
    assert total == 34


def test_the_same_url_gives_the_fragment_to_htmx(as_user):
    client = as_user("reviewer")
    page = client.get("/plans?year=2021&status=unsent")
    fragment = client.get("/plans?year=2021&status=unsent", headers={"HX-Request": "true"})
    assert "<html" in page.get_data(as_text=True)
    body = fragment.get_data(as_text=True)
    assert "<html" not in body and body.lstrip().startswith('<div id="board"')
    assert rows(fragment) == rows(page)
    assert "HX-Request" in fragment.headers["Vary"]
    assert 'hx-push-url="true"' in body


def test_the_board_costs_the_same_queries_whatever_the_number_of_rows(as_user, count_queries):
    client = as_user("reviewer")
    client.get("/plans?year=2021")  # warm up (session, caches)
    with count_queries() as before:
        client.get("/plans?year=2021")
    # Many more projects, events and reminders.
    campaign = campaign_for_year(2021)
    reviewer = db.session.scalar(sa.select(User).where(User.username == "reviewer"))
    for plan in db.session.scalars(sa.select(Plan).where(Plan.campaign_id == campaign.id)):
        db.session.add(PlanEvent(plan_id=plan.id, kind=PlanEventKind.REMARK, comment="x"))
        db.session.add(
            Reminder(
                campaign_id=campaign.id, department_id=plan.department_id, sent_by_id=reviewer.id
            )
        )
    db.session.commit()
    with count_queries() as after:
        response = client.get("/plans?year=2021")
    assert len(rows(response)) == 34
    assert after.count == before.count
    assert after.count <= 8, after.statements


def test_board_access(as_user):
    assert as_user("officer-mf").get("/plans").status_code == 403
    viewer = as_user("viewer").get("/plans?year=2021").get_data(as_text=True)
    assert 'id="reminder-form"' not in viewer and 'name="departments"' not in viewer
    reviewer = as_user("reviewer").get("/plans?year=2021").get_data(as_text=True)
    assert 'id="reminder-form"' in reviewer
    assert reviewer.count('name="departments"') == 6  # one checkbox per department not sent


def test_unknown_year_shows_an_empty_board(as_user):
    response = as_user("reviewer").get("/plans?year=1999")
    assert response.status_code == 200
    assert "<tr id=" not in response.get_data(as_text=True)


# --- reminders ---------------------------------------------------------------------------------


def unsent_ids() -> set[int]:
    campaign = campaign_for_year(2021)
    return set(
        db.session.scalars(
            sa.select(Plan.department_id).where(
                Plan.campaign_id == campaign.id,
                Plan.status.in_([PlanStatus.NOT_STARTED, PlanStatus.DRAFT]),
            )
        )
    )


def last_activity() -> dict:
    rows = review_board.board_rows(campaign_for_year(2021))
    return {row.department.code: row.last_activity_at for row in rows}


def test_remind_all_then_the_interval_protects_each_department(as_user):
    activity_before = last_activity()
    client = as_user("reviewer", lang="fr")
    response = client.post(
        "/plans/reminders",
        data={"year": 2021, "interval_days": 7, "message": "Merci d'envoyer", "scope": "all"},
    )
    assert response.status_code == 303
    assert db.session.scalar(sa.select(sa.func.count(Reminder.id))) == 6
    events = db.session.scalars(
        sa.select(PlanEvent).where(PlanEvent.kind == PlanEventKind.REMINDER)
    ).all()
    assert len(events) == 6 and {e.comment for e in events} == {"Merci d'envoyer"}
    notified = db.session.scalars(
        sa.select(User.department_id)
        .join(Notification, Notification.user_id == User.id)
        .where(Notification.kind == NotificationKind.REMINDER)
    ).all()
    assert set(notified) == unsent_ids()
    assert (
        db.session.scalar(
            sa.select(sa.func.count(AuditLog.id)).where(AuditLog.action == "plan_reminder")
        )
        == 6
    )
    board = client.get("/plans?year=2021&status=unsent").get_data(as_text=True)
    assert board.count("1 rappel") == 6  # the history: count and last date
    assert (
        last_activity() == activity_before
    )  # the ministry's reminders are not the plan's activity
    # Again at once: everyone is within the interval, skipped and reported.
    response = client.post(
        "/plans/reminders",
        data={"year": 2021, "interval_days": 7, "scope": "all"},
        headers={"HX-Request": "true"},
    )
    body = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 200 and "<html" not in body
    assert "Aucun rappel n'a été envoyé" in body
    assert body.count("a été ignoré : déjà relancé le") == 6
    assert db.session.scalar(sa.select(sa.func.count(Reminder.id))) == 6


def test_a_department_reminded_long_enough_ago_is_reminded_again(demo_app):
    campaign = campaign_for_year(2021)
    reviewer = db.session.scalar(sa.select(User).where(User.username == "reviewer"))
    target = sorted(unsent_ids())[0]
    with demo_app.test_request_context("/"):
        first = review_board.send_reminders(
            campaign, reviewer, department_ids=[target], interval_days=7
        )
        assert [d.id for d in first.sent] == [target]
        reminder = db.session.scalars(sa.select(Reminder)).one()
        reminder.sent_at = utcnow() - timedelta(days=8)
        db.session.commit()
        # 10 days asked: 8 days ago is too recent.
        result = review_board.send_reminders(
            campaign, reviewer, department_ids=[target], interval_days=10
        )
        assert not result.sent and [d.id for d, _ in result.skipped] == [target]
        result = review_board.send_reminders(
            campaign, reviewer, department_ids=[target], interval_days=7
        )
        assert [d.id for d in result.sent] == [target]
    assert db.session.scalar(sa.select(sa.func.count(Reminder.id))) == 2


def test_chosen_departments_only_and_senders_are_not_reminded(as_user):
    campaign = campaign_for_year(2021)
    chosen = sorted(unsent_ids())[:2]
    sent_plan = db.session.scalars(
        sa.select(Plan).where(Plan.campaign_id == campaign.id, Plan.status.in_(SENT_STATUSES))
    ).first()
    client = as_user("reviewer", lang="fr")
    response = client.post(
        "/plans/reminders",
        data={
            "year": 2021,
            "interval_days": 7,
            "scope": "selected",
            "departments": [*chosen, sent_plan.department_id],
        },
        headers={"HX-Request": "true"},
    )
    body = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 200
    assert "Plan déjà envoyé, pas de rappel" in body and sent_plan.department.code in body
    reminded = set(db.session.scalars(sa.select(Reminder.department_id)))
    assert reminded == set(chosen)


def test_choosing_nobody_or_a_bad_interval_is_422(as_user):
    client = as_user("reviewer", lang="fr")
    response = client.post(
        "/plans/reminders", data={"year": 2021, "interval_days": 7, "scope": "selected"}
    )
    assert response.status_code == 422
    assert "Choisissez au moins un département" in html.unescape(response.get_data(as_text=True))
    response = client.post(
        "/plans/reminders", data={"year": 2021, "interval_days": "0", "scope": "all"}
    )
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert "entre 1 et 365" in body and 'value="0"' in body
    assert db.session.scalar(sa.select(sa.func.count(Reminder.id))) == 0


@pytest.mark.parametrize("username", ["viewer", "officer-mf"])
def test_only_reviewers_send_reminders(as_user, username):
    response = as_user(username).post(
        "/plans/reminders", data={"year": 2021, "interval_days": 7, "scope": "all"}
    )
    assert response.status_code == 403
    assert db.session.scalar(sa.select(sa.func.count(Reminder.id))) == 0
