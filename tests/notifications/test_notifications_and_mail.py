"""In-app notifications (badge, list, read state, reader's language) and their e-mail copies
through a local SMTP server."""

import email
import html
import logging
import re
from email import policy

import pytest
import sqlalchemy as sa
from flask_babel import force_locale

from digiweb.extensions import db
from digiweb.notifications import services as notifications
from digiweb.notifications.models import Notification, NotificationKind
from digiweb.plans.models import Plan
from digiweb.review import board as review_board
from digiweb.review import services
from tests.factories import client_as
from tests.review.decision_helpers import accept_all

USERNAMES = {"owner": "officer-da", "other": "officer-db", "reviewer": "reviewer"}


pytestmark = pytest.mark.usefixtures("committing_services")


@pytest.fixture
def as_role(app, world):
    def factory(role: str, lang: str | None = None):
        return client_as(app, USERNAMES[role], lang)

    return factory


def submit_and_return(app, world):
    with app.test_request_context("/"):
        services.submit_plan(world.plan, world.owner, world.plan.version)
        services.return_plan(world.plan, world.reviewer, "Précisez les dates", world.plan.version)


def badge_count(body: str) -> int:
    match = re.search(
        r'id="notification-badge"[^>]*>.*?<span class="count"[^>]*>(\d+)</span>', body, re.S
    )
    return int(match.group(1)) if match else 0


def test_the_badge_shows_the_unread_count_and_the_list_reads_in_the_readers_language(
    app, world, as_role
):
    submit_and_return(app, world)
    reviewer = as_role("reviewer", lang="fr")
    body = reviewer.get("/plans").get_data(as_text=True)
    assert badge_count(body) == 1  # the submission
    officer = as_role("owner", lang="ar")
    page = html.unescape(officer.get("/notifications").get_data(as_text=True))
    assert badge_count(page) == 1
    assert "أُعيد مخطط وزارة ألف لسنة 2030 للمراجعة." in page
    assert "Précisez les dates" in page  # the reviewer's comment
    officer_fr = as_role("owner", lang="fr")
    page = html.unescape(officer_fr.get("/notifications").get_data(as_text=True))
    assert "Le plan 2030 du Ministère Alpha a été renvoyé pour révision." in page


def test_mark_read_and_mark_all_read(app, world, as_role):
    submit_and_return(app, world)
    with app.test_request_context("/"):
        services.submit_plan(world.plan, world.owner, world.plan.version)
        accept_all(world.plan)  # approving needs every project decided
        services.approve_plan(world.plan, world.reviewer, world.plan.version)
    officer = as_role("owner", lang="fr")
    mine = db.session.scalars(
        sa.select(Notification).where(Notification.user_id == world.owner.id)
    ).all()
    assert len(mine) == 2
    response = officer.post(f"/notifications/{mine[0].id}/read", headers={"HX-Request": "true"})
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in body
    assert 'hx-swap-oob="true"' in body and badge_count(body) == 1
    assert db.session.get(Notification, mine[0].id).read_at is not None
    response = officer.post("/notifications/read-all")
    assert response.status_code == 303
    assert notifications.unread_count(world.owner) == 0
    assert badge_count(officer.get("/notifications").get_data(as_text=True)) == 0


def test_opening_a_notification_marks_it_read_and_goes_to_the_plan(app, world, as_role):
    submit_and_return(app, world)
    note = db.session.scalars(
        sa.select(Notification).where(Notification.user_id == world.owner.id)
    ).one()
    owner = as_role("owner")
    followed = owner.get(f"/notifications/{note.id}/open")  # a link: leads there, writes nothing
    assert followed.status_code == 303
    assert followed.headers["Location"] == f"/plans/{world.plan.id}"
    assert db.session.get(Notification, note.id).read_at is None
    page = owner.get("/notifications").get_data(as_text=True)
    assert f'<form method="post" action="/notifications/{note.id}/open"' in page
    response = owner.post(f"/notifications/{note.id}/open")
    assert response.status_code == 303
    assert response.headers["Location"] == f"/plans/{world.plan.id}"
    db.session.expire_all()
    assert db.session.get(Notification, note.id).read_at is not None


def test_nobody_reads_or_marks_another_users_notifications(app, world, as_role):
    submit_and_return(app, world)
    note = db.session.scalars(
        sa.select(Notification).where(Notification.user_id == world.owner.id)
    ).one()
    other = as_role("other")
    assert other.post(f"/notifications/{note.id}/read").status_code == 404
    assert other.get(f"/notifications/{note.id}/open").status_code == 404
    assert "Précisez les dates" not in other.get("/notifications").get_data(as_text=True)
    other.post("/notifications/read-all")
    assert db.session.get(Notification, note.id).read_at is None


def test_officers_of_other_departments_get_nothing(app, world):
    submit_and_return(app, world)
    assert notifications.unread_count(world.other) == 0
    kinds = {
        n.kind
        for n in db.session.scalars(
            sa.select(Notification).where(Notification.user_id == world.owner.id)
        )
    }
    assert kinds == {NotificationKind.RETURNED}


def test_the_badge_is_one_count_query(app, world, count_queries):
    submit_and_return(app, world)
    owner = world.owner
    with app.test_request_context("/"), count_queries() as counter:
        assert notifications.unread_count(owner) == 1
    assert counter.count == 1, counter.statements
    assert "count(" in counter.statements[0].lower()


def test_the_list_and_fragment(app, world, as_role):
    officer = as_role("owner", lang="fr")
    page = html.unescape(officer.get("/notifications").get_data(as_text=True))
    assert "Vous n'avez aucune notification." in page and "<html" in page
    fragment = officer.get("/notifications", headers={"HX-Request": "true"})
    assert "<html" not in fragment.get_data(as_text=True)


@pytest.mark.parametrize("kind", list(NotificationKind))
def test_every_kind_renders_in_both_languages(app, kind):
    params = {
        "year": 2021,
        "department_code": "MF",
        "department_ar": "وزارة المالية",
        "department_fr": "Ministère des Finances",
    }
    for locale, name in (("fr_DZ", "Ministère des Finances"), ("ar_DZ", "وزارة المالية")):
        with app.test_request_context("/"), force_locale(locale):
            text = notifications.render_text(kind, params)
        assert name in text


# --- e-mail ---------------------------------------------------------------------------------------


def parsed(envelope):
    return email.message_from_bytes(envelope.content, policy=policy.default)


def test_emails_go_out_in_each_recipients_language(app, world, smtp_server):
    with app.test_request_context("/"):
        services.submit_plan(world.plan, world.owner, world.plan.version)
    # reviewer (French, with an address) gets one; reviewer2 has no address.
    assert [m.rcpt_tos for m in smtp_server.messages] == [["reviewer@example.dz"]]
    message = parsed(smtp_server.messages[0])
    assert message["Subject"] == "[digiweb] Ministère Alpha a envoyé son plan 2030 pour examen."
    assert message["From"] == "digiweb@mns.gov.dz"
    with app.test_request_context("/"):
        services.return_plan(world.plan, world.reviewer, "Revoir le budget", world.plan.version)
    message = parsed(smtp_server.messages[1])
    assert smtp_server.messages[1].rcpt_tos == ["officer-da@example.dz"]
    # the Arabic reader's subject
    assert message["Subject"] == "[digiweb] أُعيد مخطط وزارة ألف لسنة 2030 للمراجعة."
    body = message.get_content()
    assert "التعليق: Revoir le budget" in body and f"/plans/{world.plan.id}" in body


def test_reminder_emails(app, world, smtp_server):
    with app.test_request_context("/"):
        result = review_board.send_reminders(world.campaign, world.reviewer, interval_days=7)
    assert {d.code for d in result.sent} == {"DA", "DB"}
    by_recipient = {m.rcpt_tos[0]: parsed(m) for m in smtp_server.messages}
    assert set(by_recipient) == {"officer-da@example.dz", "officer-db@example.dz"}
    assert by_recipient["officer-db@example.dz"]["Subject"].startswith("[digiweb] Rappel")


def test_a_mail_failure_is_logged_and_never_breaks_the_action(app, world, caplog):
    import socket

    with socket.socket() as probe:  # a port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port)
    try:
        with app.test_request_context("/"), caplog.at_level(logging.ERROR):
            services.submit_plan(world.plan, world.owner, world.plan.version)
    finally:
        app.config["MAIL_SERVER"] = ""
    assert db.session.get(Plan, world.plan.id).status.value == "submitted"
    assert "mail server 127.0.0.1 unavailable" in caplog.text


def test_no_email_without_smtp_configuration(app, world, monkeypatch):
    import smtplib

    def refuse(*args, **kwargs):
        raise AssertionError("no SMTP connection expected")

    monkeypatch.setattr(smtplib, "SMTP", refuse)
    with app.test_request_context("/"):
        services.submit_plan(world.plan, world.owner, world.plan.version)
    assert db.session.get(Plan, world.plan.id).status.value == "submitted"
