"""Decisions followed across meetings: history of the follow-up, notifications to the owner
department's officers (assigned, overdue), the follow-up agenda item of a later meeting and the
status recorded there."""

from datetime import date

from digiweb.extensions import db
from digiweb.meetings import decisions
from digiweb.meetings.models import (
    Decision,
    DecisionStatus,
    DecisionUpdate,
    FollowedDecision,
    Meeting,
)
from digiweb.notifications.models import Notification, NotificationKind
from tests.factories import make_meeting


def notifications(user, kind) -> list[Notification]:
    return list(
        db.session.scalars(
            db.select(Notification).where(
                Notification.user_id == user.id, Notification.kind == kind
            )
        )
    )


def test_assigning_a_decision_notifies_the_owner_departments_officer(world, req):
    # the world's meeting assigned one decision to MF and one to MJ
    (mj,) = notifications(world.officer_mj, NotificationKind.DECISION)
    assert mj.link == f"/decisions/{world.decision_mj.id}/follow-up"
    assert world.reference in services_text(mj)
    assert len(notifications(world.officer_mf, NotificationKind.DECISION)) == 1
    decision = db.session.get(Decision, world.decision_mf.id)
    decisions.update_decision(
        decision,
        decisions.DecisionValues("ق", "D", world.mj.id, None),
        decision.version,
    )
    assert len(notifications(world.officer_mj, NotificationKind.DECISION)) == 2


def services_text(notification) -> str:
    from digiweb.notifications.services import render_text

    return render_text(notification.kind, notification.params)


def test_assignment_is_mailed_after_the_commit(world, req, app, monkeypatch):
    from digiweb.review import mail

    sent = []
    app.config["MAIL_SERVER"] = "smtp.example"
    monkeypatch.setattr(mail, "deliver", lambda mails: sent.extend(mails))
    world.officer_mj.email = "mj@example.dz"
    meeting = db.session.get(Meeting, world.meeting.id)
    decisions.add_decision(meeting, decisions.DecisionValues("ق", "D", world.mj.id, None))
    assert sent == []
    db.session.commit()
    assert [m.to for m in sent] == ["mj@example.dz"]


def test_follow_up_appends_to_the_history(world, req):
    decision = db.session.get(Decision, world.decision_mf.id)
    decisions.update_follow_up(decision, "in_progress", "started", decision.version, world.reviewer)
    decisions.update_follow_up(decision, "done", "finished", decision.version, world.officer_mf)
    steps = decisions.history_of([decision.id])[decision.id]
    assert [(s.status, s.note, s.actor_id) for s in steps] == [
        (DecisionStatus.IN_PROGRESS, "started", world.reviewer.id),
        (DecisionStatus.DONE, "finished", world.officer_mf.id),
    ]


def test_remind_overdue_once_a_day(world, req, runner):
    result = runner.invoke(args=["meetings", "remind-overdue"])
    assert result.exit_code == 0, result.output
    # decision_mf was due 15 April 2021: overdue; decision_mj is due in 2099
    assert len(notifications(world.officer_mf, NotificationKind.DECISION_OVERDUE)) == 1
    assert notifications(world.officer_mj, NotificationKind.DECISION_OVERDUE) == []
    runner.invoke(args=["meetings", "remind-overdue"])
    assert len(notifications(world.officer_mf, NotificationKind.DECISION_OVERDUE)) == 1


def _later_meeting_following_up(world, app, client) -> str:
    """A meeting in June after the world's, whose agenda follows up the open decisions (added
    by `client`'s POST, a reviewer's); its reference."""
    with app.test_request_context("/"):
        later = make_meeting(
            title_fr="Séance suivante", starts_at=world.meeting.starts_at.replace(month=6)
        )
        db.session.commit()
        later_ref = later.reference
    assert client.post(f"/meetings/{later_ref}/agenda/follow-up").status_code == 302
    return later_ref


def test_a_later_meeting_follows_up_the_open_decisions(world, app, client_for):
    client = client_for("reviewer", "fr")
    later_ref = _later_meeting_following_up(world, app, client)
    later = db.session.scalar(db.select(Meeting).where(Meeting.reference == later_ref))
    (item,) = later.agenda_items
    assert item.title_fr == "Suivi des décisions précédentes"
    assert {link.decision_id for link in item.followed} == {
        world.decision_mf.id,
        world.decision_mj.id,
    }
    # nothing left to add a second time
    assert client.post(f"/meetings/{later_ref}/agenda/follow-up").status_code == 409

    decision = db.session.get(Decision, world.decision_mf.id)
    response = client.post(
        f"/meetings/{later_ref}/follow-up/{decision.id}",
        data={"status": "done", "note": "Plan reçu", "version": decision.version},
    )
    assert response.status_code == 302
    step = db.session.scalar(db.select(DecisionUpdate).where(DecisionUpdate.meeting_id == later.id))
    assert (step.decision_id, step.status, step.note) == (
        decision.id,
        DecisionStatus.DONE,
        "Plan reçu",
    )
    page = client.get(f"/meetings/{later_ref}").get_data(as_text=True)
    assert "Statut donné lors de cette réunion" in page or "Terminée" in page
    assert f'id="followed-{item.id}-{decision.id}"' in page
    # a decision not listed under the meeting's follow-up cannot be recorded there
    other = db.session.scalar(db.select(FollowedDecision).limit(1))
    assert other is not None
    assert (
        client.post(
            f"/meetings/{world.reference}/follow-up/{decision.id}",
            data={"status": "done", "version": decision.version},
        ).status_code
        == 404
    )


def test_the_officers_home_lists_his_departments_open_decisions(world, client_for):
    page = client_for("officer-mj", "fr").get("/", follow_redirects=True).get_data(as_text=True)
    assert 'id="my-open-decisions"' in page
    assert "Le ministère de la Justice présente un bilan" in page
    assert "Le ministère des Finances transmet son plan" not in page
    assert date(2099, 6, 30).year == 2099


def test_a_follow_up_note_given_at_a_meeting_is_checked_as_on_the_decision_page(
    world, app, client_for
):
    """The meeting's follow-up form goes through FollowUpForm: a control character or a note
    beyond the limit is refused with a 422 in the user's language, the note typed kept, and
    nothing is stored."""
    client = client_for("reviewer", "fr")
    later_ref = _later_meeting_following_up(world, app, client)
    decision = db.session.get(Decision, world.decision_mf.id)
    before = (decision.status, decision.follow_up_note, decision.version)
    for note in ("Plan\x0breçu", "x" * 5001):
        response = client.post(
            f"/meetings/{later_ref}/follow-up/{decision.id}",
            data={"status": "done", "note": note, "version": decision.version},
        )
        assert response.status_code == 422
        page = response.get_data(as_text=True)
        assert "caractère" in page or "caractères" in page
        assert f'value="{note}"' in page  # the note typed, kept in its field
    db.session.expire_all()
    decision = db.session.get(Decision, world.decision_mf.id)
    assert (decision.status, decision.follow_up_note, decision.version) == before
    assert db.session.scalar(db.select(db.func.count(DecisionUpdate.id))) == 0
