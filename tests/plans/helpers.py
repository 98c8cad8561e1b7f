"""Shared by the plan and campaign tests: a small world (two departments with their officers,
the staff roles, an open campaign (2030) with one plan per department and one project in each
plan), clients logged in as its users, and project form data as the browser posts it."""

from dataclasses import dataclass

import pytest

from digiweb.auth.models import Role
from digiweb.extensions import db
from digiweb.plans.models import Plan, Project
from tests.conftest import CSRFClient, login
from tests.factories import (
    PASSWORD,
    make_campaign,
    make_department,
    make_project,
    make_user,
    plan_of,
)


@dataclass
class World:
    mf: object
    mj: object
    campaign: object
    plan_mf: Plan
    plan_mj: Plan
    project_mf: Project
    project_mj: Project


@pytest.fixture
def world(app):
    """The world, inside a request context (as services run in production: gettext needs it)."""
    with app.test_request_context():
        yield _build_world()


def _build_world() -> World:
    mf = make_department("MF", name_ar="وزارة المالية", name_fr="Ministère des Finances")
    mj = make_department("MJ", name_ar="وزارة العدل", name_fr="Ministère de la Justice")
    make_user("officer-mf", department=mf)
    make_user("officer-mj", department=mj)
    make_user("reviewer", role=Role.REVIEWER)
    make_user("viewer", role=Role.VIEWER)
    make_user("admin", role=Role.ADMIN)
    campaign = make_campaign(2030, departments=[mf, mj])
    plan_mf, plan_mj = plan_of(campaign, mf), plan_of(campaign, mj)
    project_mf = make_project(
        plan_mf, title_ar="منصة الدفع الإلكتروني", title_fr="Plateforme de paiement"
    )
    project_mj = make_project(
        plan_mj, title_ar="السوار الإلكتروني", title_fr="Bracelet électronique"
    )
    db.session.commit()
    return World(mf, mj, campaign, plan_mf, plan_mj, project_mf, project_mj)


@pytest.fixture
def client_for(app):
    """client_for("officer-mf", lang="fr") -> a client logged in as that user of the world."""

    def factory(username: str | None, lang: str = "fr"):
        app.test_client_class = CSRFClient
        client = app.test_client()
        if username is None:
            client.get(f"/login?lang={lang}")
            return client
        login(client, username, password=PASSWORD, lang=lang)
        return client

    return factory


HX = {"HX-Request": "true"}


def project_form(prefix: str, **values) -> dict:
    """Form data of a project as the browser posts it (field names carry the form's prefix)."""
    data = {
        "title_ar": "",
        "title_fr": "",
        "summary_ar": "",
        "summary_fr": "",
        "target": "",
        "kind": "",
        "status": "planned",
        "progress": "0",
        "priority": "",
        "start_date": "",
        "end_date": "",
        "budget_dzd": "",
        "funding_source": "",
        "procedure_ar": "",
        "procedure_fr": "",
        "beneficiaries_ar": "",
        "beneficiaries_fr": "",
        "partners": "",
    }
    technologies = values.pop("technologies", [])
    data.update(values)
    form = {f"{prefix}-{k}": v for k, v in data.items()}
    if technologies:
        form[f"{prefix}-technologies"] = technologies
    return form


def complete_values(**overrides) -> dict:
    values = {
        "title_ar": "منصة رقمية لطلب شهادة الميلاد عن بعد",
        "title_fr": "Plateforme de demande à distance de l'acte de naissance",
        "summary_ar": "تمكين المواطن من طلب الوثيقة عن بعد.",
        "summary_fr": "Permettre au citoyen de demander le document à distance.",
        "target": "citizens",
        "kind": "platform",
        "status": "in_progress",
        "progress": "40",
        "priority": "high",
        "start_date": "2030-01-15",
        "end_date": "2030-12-31",
        "budget_dzd": "1 250 000",
        "funding_source": "state_budget",
        "procedure_ar": "استخراج شهادة الميلاد",
        "procedure_fr": "Délivrance de l'acte de naissance",
        "beneficiaries_ar": "المواطنون",
        "beneficiaries_fr": "Les citoyens",
        "partners": "Ministère de l'Intérieur",
        "technologies": ["cloud", "e_signature"],
    }
    values.update(overrides)
    return values
