"""The project page and its history: every field shown, in Arabic, the same URL with and without
htmx, every change audited with old and new values, errors shown at once, and ids that a deleted
project never gives to a new one (tests/plans/test_plan_routes.py has the plan page)."""

from digiweb.audit.models import AuditLog
from digiweb.extensions import db
from digiweb.plans.models import Project
from tests.plans.helpers import HX, complete_values, project_form
from tests.plans.test_plan_routes import (
    text,
)

# --- the project page and its history ----------------------------------------------------------


def test_project_page_shows_every_field_and_the_history(world, client_for):
    project = world.project_mf
    client = client_for("officer-mf", lang="fr")
    client.post(
        f"/projects/{project.id}/edit",
        data=project_form(f"p{project.id}", **complete_values(version="1")),
    )
    response = client.get(f"/projects/{project.id}")
    body = text(response)
    assert response.status_code == 200
    for expected in (
        "2030-MF-001",
        "منصة رقمية لطلب شهادة الميلاد عن بعد",
        "Plateforme de demande à distance de l'acte de naissance",
        "Permettre au citoyen de demander le document à distance.",
        "تمكين المواطن من طلب الوثيقة عن بعد.",
        "Rapprocher",  # target label, in French
        "Plateforme / portail",
        "Informatique en nuage",
        "En cours",
        "40\u202f%",
        "Haute",
        "15/01/2030",
        "31/12/2030",
        "<bdi>1\u202f250\u202f000\u202fDA</bdi>",
        "Budget de l'État",
        "Délivrance de l'acte de naissance",
        "استخراج شهادة الميلاد",
        "Les citoyens",
        "Ministère de l'Intérieur",
    ):
        assert expected in body, expected
    # history: who, what, old -> new, field names translated
    history = body[body.index('class="history"') :]
    assert "Projet modifié" in history and "officer-mf" in history
    assert "Titre en français" in history
    assert "Plateforme de paiement" in history  # old value
    assert "Budget (DA)" in history and "—" in history


def test_project_page_in_arabic(world, client_for):
    body = text(client_for("reviewer", lang="ar").get(f"/projects/{world.project_mf.id}"))
    assert '<html lang="ar" dir="rtl">' in body
    assert "السجل" in body and "الخصائص" in body


def test_project_page_same_url_with_and_without_htmx(world, client_for):
    client = client_for("viewer")
    url = f"/projects/{world.project_mf.id}"
    assert "<html" in text(client.get(url))
    assert "<html" not in text(client.get(url, headers=HX))


def test_every_change_is_audited_with_old_and_new_values(world, client_for):
    client = client_for("officer-mf")
    plan = world.plan_mf
    client.post(f"/plans/{plan.id}/projects", data=project_form("new", title_fr="A"))
    created = db.session.scalar(db.select(Project).order_by(Project.id.desc()))
    client.post(
        f"/projects/{created.id}/edit",
        data=project_form(f"p{created.id}", title_fr="B", progress="10", version="1"),
    )
    client.post(f"/projects/{created.id}/delete", data={"version": "2"})
    client.post(f"/plans/{plan.id}/details", data={"contact_name": "Amina", "version": "1"})
    entries = {
        e.action: e
        for e in db.session.scalars(
            db.select(AuditLog).where(AuditLog.entity_type.in_(("project", "plan")))
        )
    }
    assert entries["project_created"].changes["title_fr"] == [None, "A"]
    assert entries["project_updated"].changes == {"title_fr": ["A", "B"], "progress": [0, 10]}
    assert entries["project_deleted"].changes["title_fr"] == ["B", None]
    assert entries["plan_updated"].changes == {"contact_name": ["", "Amina"]}
    assert entries["plan_started"].changes == {"plan_status": ["not_started", "draft"]}
    assert all(e.actor_name == "officer-mf" for e in entries.values())


def test_every_error_shows_at_once(world, client_for):
    """A field-level error (progress) does not hide the cross-field checks (dates, title)."""
    response = client_for("officer-mf", lang="fr").post(
        f"/plans/{world.plan_mf.id}/projects",
        data=project_form("new", progress="250", start_date="2030-06-01", end_date="2030-01-01"),
    )
    body = text(response)
    assert response.status_code == 422
    assert "L'avancement est un nombre entier de 0 à 100." in body
    assert "La date de fin ne peut pas précéder la date de début." in body
    assert "Indiquez le titre en arabe ou en français" in body


def test_history_never_mixes_a_deleted_project_with_a_new_one(world, client_for):
    """SQLite reuses the id of the last deleted row: the new project must not inherit the
    deleted one's history."""
    client = client_for("officer-mf", lang="fr")
    plan = world.plan_mf
    client.post(f"/plans/{plan.id}/projects", data=project_form("new", title_fr="Ancien"))
    old = db.session.scalar(db.select(Project).order_by(Project.id.desc()))
    old_id = old.id
    client.post(f"/projects/{old_id}/delete", data={"version": "1"})
    client.post(f"/plans/{plan.id}/projects", data=project_form("new", title_fr="Nouveau"))
    new = db.session.scalar(db.select(Project).order_by(Project.id.desc()))
    assert new.reference == "2030-MF-003"
    body = text(client.get(f"/projects/{new.id}"))
    history = body[body.index('class="history"') :]
    assert "Nouveau" in history
    assert "Ancien" not in history and "Projet supprimé" not in history
