"""The decisions' follow-up through the pages (the list, overdue first and filtered; an officer's
update audited and limited to the follow-up; a stale update), and the meeting pages' query count
(tests/meetings/test_meeting_routes.py has the meeting page's own sections)."""

from datetime import date

import pytest

from digiweb.audit.models import AuditLog
from digiweb.extensions import db
from digiweb.meetings.models import (
    AgendaItem,
    Attendee,
    Decision,
    DecisionStatus,
    Meeting,
)
from tests.meetings.test_meeting_routes import (
    HTMX,
    ids_in_order,
    text,
)

# --- decisions follow-up ---------------------------------------------------------------------


def test_decisions_list_overdue_first_and_filters(world, client_for):
    meeting = db.session.get(Meeting, world.meeting.id)
    soon = Decision(
        meeting=meeting,
        position=3,
        text_ar="ق",
        text_fr="Bientôt",
        due_date=date(2090, 1, 1),
        owner_department_id=world.mf.id,
    )
    done_late = Decision(
        meeting=meeting,
        position=4,
        text_ar="ق",
        text_fr="Fait",
        due_date=date(2020, 1, 1),
        status=DecisionStatus.DONE,
        owner_department_id=world.mf.id,
    )
    db.session.add_all([soon, done_late])
    db.session.commit()
    client = client_for("viewer", "fr")
    page = client.get("/decisions")
    assert page.status_code == 200
    order = ids_in_order(text(page), "decision")
    # The open decision due in 2021 is overdue: first. Then by due date.
    assert order == [world.decision_mf.id, done_late.id, soon.id, world.decision_mj.id]
    assert text(page).count("En retard") == 1
    fragment = client.get(f"/decisions?status=done&department={world.mf.id}", headers=HTMX)
    assert "<html" not in text(fragment)
    assert ids_in_order(text(fragment), "decision") == [done_late.id]
    by_department = client.get(f"/decisions?department={world.mj.id}")
    assert ids_in_order(text(by_department), "decision") == [world.decision_mj.id]
    by_meeting = client.get(f"/decisions?meeting={world.meeting.id}&status=open")
    assert ids_in_order(text(by_meeting), "decision") == [
        world.decision_mf.id,
        soon.id,
        world.decision_mj.id,
    ]
    garbage = client.get("/decisions?status=bogus&department=abc&meeting=-3")
    assert garbage.status_code == 200


def test_officer_follow_up_update_is_audited(world, client_for):
    client = client_for("officer-mf", "fr")
    decision = db.session.get(Decision, world.decision_mf.id)
    page = text(client.get("/decisions"))
    assert f'action="/decisions/{decision.id}/follow-up"' in page
    response = client.post(
        f"/decisions/{decision.id}/follow-up",
        data={
            "status": "in_progress",
            "note": "Plan en cours de validation interne",
            "version": decision.version,
            "next": "/decisions",
        },
        headers=HTMX,
    )
    assert response.status_code == 200
    body = text(response)
    assert "<html" not in body and f'id="decision-{decision.id}"' in body
    assert "Plan en cours de validation interne" in body
    assert "Suivi de la décision enregistré." in body  # flash, out of band
    decision = db.session.get(Decision, decision.id)
    assert decision.status == DecisionStatus.IN_PROGRESS
    entry = db.session.scalar(
        db.select(AuditLog)
        .where(AuditLog.action == "decision_follow_up")
        .order_by(AuditLog.id.desc())
    )
    assert entry.actor_name == "officer-mf"
    assert entry.entity_id == decision.id
    assert entry.changes == {
        "status": ["open", "in_progress"],
        "follow_up_note": ["", "Plan en cours de validation interne"],
    }


def test_officer_cannot_edit_anything_else_of_a_decision(world, client_for):
    client = client_for("officer-mf")
    decision = world.decision_mf.id
    before = db.session.get(Decision, decision).text_fr
    response = client.post(
        f"/meetings/{world.reference}/decisions/{decision}",
        data={"text_ar": "x", "text_fr": "Hacked", "version": "1"},
    )
    assert response.status_code == 403
    assert db.session.get(Decision, decision).text_fr == before


def test_stale_follow_up_shows_both_values(world, client_for):
    officer, reviewer = client_for("officer-mf", "fr"), client_for("reviewer", "fr")
    decision = db.session.get(Decision, world.decision_mf.id)
    seen = decision.version
    url = f"/decisions/{decision.id}/follow-up"
    first = reviewer.post(url, data={"status": "cancelled", "note": "Sans objet", "version": seen})
    assert first.status_code == 302
    refused = officer.post(
        url, data={"status": "done", "note": "Transmis le 14/04", "version": seen}, headers=HTMX
    )
    assert refused.status_code == 409
    body = text(refused)
    assert "Sans objet" in body and "Annulé" in body  # current
    assert "Transmis le 14/04" in body  # the officer's own input, kept
    assert 'selected value="done"' in body
    assert db.session.get(Decision, decision.id).status == DecisionStatus.CANCELLED
    plain = officer.post(url, data={"status": "done", "note": "x", "version": seen})
    assert plain.status_code == 409 and "<html" in text(plain)


def test_follow_up_validation_is_422(world, client_for):
    client = client_for("officer-mf", "ar")
    decision = db.session.get(Decision, world.decision_mf.id)
    response = client.post(
        f"/decisions/{decision.id}/follow-up",
        data={"status": "finished", "note": "ملاحظة", "version": decision.version},
    )
    assert response.status_code == 422
    assert "اختر قيمة من القائمة." in text(response)
    assert "ملاحظة" in text(response)


# --- queries do not grow with the rows -------------------------------------------------------


def _grow(world, extra: int):
    meeting = db.session.get(Meeting, world.meeting.id)
    for n in range(extra):
        meeting.decisions.append(
            Decision(
                position=10 + n,
                text_ar="ق",
                text_fr=f"D{n}",
                owner_department_id=world.mf.id,
                due_date=date(2021, 4, 1 + n % 20),
            )
        )
        meeting.agenda_items.append(AgendaItem(position=10 + n, title_ar="ب", title_fr=f"A{n}"))
        meeting.attendees.append(Attendee(position=10 + n, name=f"P{n}", department_id=world.mj.id))
    db.session.commit()


@pytest.mark.parametrize("path", ["/decisions", "/meetings", "/meetings/{ref}"])
def test_query_count_does_not_grow_with_rows(world, client_for, count_queries, path):
    client = client_for("reviewer")
    url = path.format(ref=world.reference)
    client.get(url)
    with count_queries() as small:
        assert client.get(url).status_code == 200
    _grow(world, 15)
    with count_queries() as large:
        assert client.get(url).status_code == 200
    assert large.count <= small.count, (small.statements, large.statements)
