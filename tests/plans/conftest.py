"""The plan and campaign tests' world (tests/factories.py's make_world, with one project in
each plan) and clients logged in as its accounts."""

import pytest

from digiweb.extensions import db
from tests.factories import client_as, make_project, make_world


@pytest.fixture
def world(app):
    """Departments MF and MJ with their officers, the staff, the open 2030 campaign with one
    project in each plan; built inside a request context (as services run in production:
    gettext needs it)."""
    with app.test_request_context():
        world = make_world(2030)
        world.add(
            project_mf=make_project(
                world.plan_mf, title_ar="منصة الدفع الإلكتروني", title_fr="Plateforme de paiement"
            ),
            project_mj=make_project(
                world.plan_mj, title_ar="السوار الإلكتروني", title_fr="Bracelet électronique"
            ),
        )
        db.session.commit()
        yield world


@pytest.fixture
def client_for(app):
    """client_for("officer-mf", lang="fr") -> a client logged in as that account of the world
    (None: anonymous); French unless `lang` says otherwise."""

    def factory(username: str | None, lang: str = "fr"):
        return client_as(app, username, lang)

    return factory
