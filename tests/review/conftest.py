"""Fixtures of the review tests: a small world of two departments, their officers and the
ministry's staff, an open campaign and a complete plan; a local SMTP server."""

from datetime import date

import pytest

from digiweb.auth.models import Role
from digiweb.extensions import db
from digiweb.plans.models import FundingSource, Priority, ProjectKind, Target
from tests.factories import make_campaign, make_department, make_project, make_user, plan_of


def complete_project(plan, **fields):
    """A project with every field the plans area requires before sending."""
    values = {
        "summary_ar": "ملخص المشروع",
        "summary_fr": "Résumé du projet",
        "target": Target.CITIZENS,
        "kind": ProjectKind.PLATFORM,
        "start_date": date(2030, 2, 1),
        "end_date": date(2030, 12, 31),
        "budget_dzd": 12_500_000,
        "funding_source": FundingSource.STATE_BUDGET,
        "priority": Priority.HIGH,
    }
    values.update(fields)
    return make_project(plan, **values)


class World:
    """Records of a review scenario, re-read from the database on each access."""

    def __init__(self, ids):
        self.ids = ids

    def __getattr__(self, name):
        from digiweb.auth.models import User
        from digiweb.campaigns.models import Campaign
        from digiweb.departments.models import Department
        from digiweb.plans.models import Plan

        kind, ident = self.ids[name]
        model = {"user": User, "plan": Plan, "campaign": Campaign, "department": Department}[kind]
        return db.session.get(model, ident)


@pytest.fixture
def world(app):
    d1 = make_department("DA", name_ar="وزارة ألف", name_fr="Ministère Alpha")
    d2 = make_department("DB", name_ar="وزارة باء", name_fr="Ministère Bêta")
    owner = make_user("officer-da", department=d1, email="officer-da@example.dz", language="ar")
    other = make_user("officer-db", department=d2, email="officer-db@example.dz", language="fr")
    reviewer = make_user("reviewer", role=Role.REVIEWER, email="reviewer@example.dz", language="fr")
    reviewer2 = make_user("reviewer2", role=Role.REVIEWER, language="ar")
    admin = make_user("admin", role=Role.ADMIN)
    viewer = make_user("viewer", role=Role.VIEWER)
    campaign = make_campaign(2030, departments=[d1, d2])
    campaign.deadline = date(2030, 3, 15)
    plan = plan_of(campaign, d1)
    plan.contact_name = "Amina Benali"
    plan.contact_email = "amina@example.dz"
    other_plan = plan_of(campaign, d2)
    other_plan.contact_name = "Karim"
    other_plan.contact_phone = "021 00 00 00"
    db.session.flush()
    complete_project(
        plan, title_ar="منصة رقمية لطلب شهادة الميلاد", title_fr="Plateforme de l'acte de naissance"
    )
    complete_project(
        plan, title_ar="تطبيق الدفع الإلكتروني", title_fr="Application de paiement électronique"
    )
    complete_project(other_plan)
    from digiweb.plans.models import PlanStatus

    plan.status = PlanStatus.DRAFT
    other_plan.status = PlanStatus.DRAFT
    db.session.commit()
    return World(
        {
            "d1": ("department", d1.id),
            "d2": ("department", d2.id),
            "owner": ("user", owner.id),
            "other": ("user", other.id),
            "reviewer": ("user", reviewer.id),
            "reviewer2": ("user", reviewer2.id),
            "admin": ("user", admin.id),
            "viewer": ("user", viewer.id),
            "campaign": ("campaign", campaign.id),
            "plan": ("plan", plan.id),
            "other_plan": ("plan", other_plan.id),
        }
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
