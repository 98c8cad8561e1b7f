"""Fixtures of the review tests: a small world of two departments, their officers and the
ministry's staff, an open campaign and a complete plan (tests/factories.py's make_world); a
local SMTP server."""

from datetime import date

import pytest

from digiweb.auth.models import Role
from digiweb.extensions import db
from digiweb.plans.models import PlanStatus
from tests.factories import make_complete_project, make_plan, make_user, make_world

DA = ("DA", "وزارة ألف", "Ministère Alpha")
DB = ("DB", "وزارة باء", "Ministère Bêta")


@pytest.fixture
def world(app):
    """DA's plan (world.plan, its officer world.owner) holds two complete projects, DB's
    (world.other_plan, world.other) one; both are drafts of the 2030 campaign, due 15 March.
    The officers and the reviewer have e-mail addresses; reviewer2 is a second reviewer."""
    world = make_world(
        2030,
        departments=(DA, DB),
        users={
            "officer-da": {"email": "officer-da@example.dz", "language": "ar"},
            "officer-db": {"email": "officer-db@example.dz", "language": "fr"},
            "reviewer": {"email": "reviewer@example.dz", "language": "fr"},
        },
    )
    world.add(reviewer2=make_user("reviewer2", role=Role.REVIEWER, language="ar"))
    world.campaign.deadline = date(2030, 3, 15)
    plan = make_plan(
        world.campaign, world.da, contact_name="Amina Benali", contact_email="amina@example.dz"
    )
    other_plan = make_plan(
        world.campaign, world.db, contact_name="Karim", contact_phone="021 00 00 00"
    )
    make_complete_project(
        plan, title_ar="منصة رقمية لطلب شهادة الميلاد", title_fr="Plateforme de l'acte de naissance"
    )
    make_complete_project(
        plan, title_ar="تطبيق الدفع الإلكتروني", title_fr="Application de paiement électronique"
    )
    make_complete_project(other_plan)
    plan.status = PlanStatus.DRAFT
    other_plan.status = PlanStatus.DRAFT
    db.session.commit()
    return world.add(
        d1=world.da,
        d2=world.db,
        owner=world.officer_da,
        other=world.officer_db,
        plan=plan,
        other_plan=other_plan,
    )


@pytest.fixture
def rctx(app):
    """A request context (Arabic), as the services run inside requests."""
    with app.test_request_context("/"):
        yield


@pytest.fixture
def smtp_server(app):
    """A local SMTP server (aiosmtpd) on a free port; the app is configured to use it."""
    import socket

    from aiosmtpd.controller import Controller

    class Collector:
        def __init__(self):
            self.messages = []

        async def handle_DATA(self, server, session, envelope):
            self.messages.append(envelope)
            return "250 OK"

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = Collector()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_FROM="digiweb@mns.gov.dz")
    try:
        yield handler
    finally:
        controller.stop()
        app.config["MAIL_SERVER"] = ""
