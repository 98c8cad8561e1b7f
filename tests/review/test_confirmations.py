"""Sending and approving a plan cannot be undone: the form carries a required check box and
the route refuses the action without it (422, nothing written), with or without JavaScript;
the POST addresses stay /submit and /approve (digiweb/confirm.py)."""

import re

from digiweb.extensions import db
from digiweb.plans.models import Plan, PlanStatus
from tests.factories import client_as
from tests.review.decision_helpers import accept_all


def _form(page: str, action: str) -> str:
    return re.search(rf'<form[^>]*action="{re.escape(action)}".*?</form>', page, re.S).group(0)


def test_sending_needs_the_box_ticked(app, world):
    officer = client_as(app, "officer-da", "fr")
    page = officer.get(f"/plans/{world.plan.id}").get_data(as_text=True)
    form = _form(page, f"/plans/{world.plan.id}/submit")
    assert re.search(r'<input type="checkbox"[^>]*name="confirm"[^>]*required', form)
    version = db.session.get(Plan, world.plan.id).version
    for headers in ({}, {"HX-Request": "true"}):
        refused = officer.post(
            f"/plans/{world.plan.id}/submit", data={"version": version}, headers=headers
        )
        assert refused.status_code == 422
        assert "Cochez la case pour confirmer" in refused.get_data(as_text=True)
        assert db.session.get(Plan, world.plan.id).status == PlanStatus.DRAFT
    sent = officer.post(
        f"/plans/{world.plan.id}/submit", data={"version": version, "confirm": "yes"}
    )
    assert sent.status_code == 303
    assert db.session.get(Plan, world.plan.id).status == PlanStatus.SUBMITTED


def test_approving_needs_the_box_ticked(app, world):
    world.plan.status = PlanStatus.SUBMITTED
    accept_all(world.plan)  # approving needs every project decided
    db.session.commit()
    reviewer = client_as(app, "reviewer", "fr")
    page = reviewer.get(f"/plans/{world.plan.id}").get_data(as_text=True)
    form = _form(page, f"/plans/{world.plan.id}/approve")
    assert re.search(r'<input type="checkbox"[^>]*name="confirm"[^>]*required', form)
    version = db.session.get(Plan, world.plan.id).version
    refused = reviewer.post(f"/plans/{world.plan.id}/approve", data={"version": version})
    assert refused.status_code == 422
    assert "Cochez la case pour confirmer" in refused.get_data(as_text=True)
    assert db.session.get(Plan, world.plan.id).status == PlanStatus.SUBMITTED
    done = reviewer.post(
        f"/plans/{world.plan.id}/approve", data={"version": version, "confirm": "yes"}
    )
    assert done.status_code == 303
    assert db.session.get(Plan, world.plan.id).status == PlanStatus.APPROVED
