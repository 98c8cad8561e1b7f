"""A decision saved meanwhile by someone else: the 409 answer of the meeting page."""

from digiweb.extensions import db
from digiweb.meetings.models import Decision

HTMX = {"HX-Request": "true"}


def text(response) -> str:
    return response.get_data(as_text=True)


def test_a_stale_decision_edit_shows_the_stored_decision_with_its_projects(world, client_for):
    """The 409 of a decision saved meanwhile: the form keeps what was typed, the conflict box
    shows the stored text and linked projects next to it, and nothing is written."""
    client = client_for("reviewer", "fr")
    decision = db.session.get(Decision, world.decision_mf.id)
    stored_text, stale = decision.text_fr, decision.version - 1
    data = {
        "text_ar": "نص آخر",
        "text_fr": "Un autre texte",
        "owner_department_id": "",
        "projects": "",
        "version": stale,
    }
    response = client.post(
        f"/meetings/{world.reference}/decisions/{decision.id}", data=data, headers=HTMX
    )
    assert response.status_code == 409
    conflict = text(response).split(f'id="conflict-decision-{decision.id}"')[1]
    conflict = conflict.split("</table>")[0]
    assert stored_text in conflict and "Un autre texte" in conflict
    assert world.project_mf.reference in conflict
    db.session.expire_all()
    assert db.session.get(Decision, decision.id).text_fr == stored_text
