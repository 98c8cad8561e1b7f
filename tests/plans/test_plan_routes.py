"""The plan page, project editing in place (htmx and plain posts), the project page, carry-over:
through HTTP, as the browser and htmx send it."""

import html
import re

import pytest

from digiweb.audit.models import AuditLog
from digiweb.campaigns.models import CampaignStatus
from digiweb.campaigns.services import close_campaign
from digiweb.extensions import db
from digiweb.plans.models import Plan, PlanStatus, Project
from tests.factories import make_campaign, make_project
from tests.plans.helpers import HX, complete_values, project_form


def text(response) -> str:
    """The body with HTML entities decoded (apostrophes come escaped as &#39;)."""
    return html.unescape(response.get_data(as_text=True))


def project_count() -> int:
    return db.session.scalar(db.select(db.func.count(Project.id)))


def fingerprint() -> tuple:
    """Everything officers can change, to prove that a refused request changed nothing."""
    projects = db.session.execute(
        db.select(Project.id, Project.title_fr, Project.version).order_by(Project.id)
    ).all()
    plans = db.session.execute(
        db.select(Plan.id, Plan.status, Plan.contact_name, Plan.version).order_by(Plan.id)
    ).all()
    audits = db.session.scalar(
        db.select(db.func.count(AuditLog.id)).where(AuditLog.action.notlike("login%"))
    )
    db.session.expire_all()
    return tuple(projects), tuple(plans), audits


# --- routes walked by every kind of user -------------------------------------------------------


def routes(world, target="mj"):
    plan = world.plan_mj if target == "mj" else world.plan_mf
    project = world.project_mj if target == "mj" else world.project_mf
    prefix = f"p{project.id}"
    return [
        ("GET", f"/plans/{plan.id}", None),
        ("POST", f"/plans/{plan.id}/details", {"contact_name": "Intrus", "version": "1"}),
        ("GET", f"/plans/{plan.id}/projects/new", None),
        ("POST", f"/plans/{plan.id}/projects", project_form("new", title_fr="Intrus")),
        ("GET", f"/plans/{plan.id}/add-slot", None),
        ("GET", f"/plans/{plan.id}/carry-over", None),
        ("POST", f"/plans/{plan.id}/carry-over", {"project": str(project.id)}),
        ("GET", f"/projects/{project.id}", None),
        ("GET", f"/projects/{project.id}/card", None),
        ("GET", f"/projects/{project.id}/edit", None),
        (
            "POST",
            f"/projects/{project.id}/edit",
            project_form(prefix, title_fr="Intrus", version="1"),
        ),
        ("GET", f"/projects/{project.id}/delete", None),
        ("POST", f"/projects/{project.id}/delete", {"version": "1"}),
    ]


ROUTE_INDEXES = range(13)


@pytest.mark.parametrize("index", ROUTE_INDEXES)
@pytest.mark.parametrize("headers", [{}, HX], ids=["page", "htmx"])
def test_anonymous_is_sent_to_login(world, client_for, index, headers):
    method, url, data = routes(world)[index]
    before = fingerprint()
    client = client_for(None)
    response = client.open(url, method=method, data=data, headers=headers)
    if headers:
        assert response.status_code == 401 and "/login" in response.headers["HX-Redirect"]
    else:
        assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert fingerprint() == before


@pytest.mark.parametrize("index", ROUTE_INDEXES)
@pytest.mark.parametrize("headers", [{}, HX], ids=["page", "htmx"])
def test_officer_of_another_department_gets_404_and_changes_nothing(
    world, client_for, index, headers
):
    method, url, data = routes(world, target="mj")[index]
    before = fingerprint()
    response = client_for("officer-mf").open(url, method=method, data=data, headers=headers)
    assert response.status_code == 404
    assert "Bracelet" not in text(response) and "السوار" not in text(response)
    assert fingerprint() == before


@pytest.mark.parametrize("username", ["reviewer", "viewer", "admin"])
@pytest.mark.parametrize("index", ROUTE_INDEXES)
def test_staff_read_but_never_write(world, client_for, username, index):
    method, url, data = routes(world, target="mf")[index]
    before = fingerprint()
    response = client_for(username).open(url, method=method, data=data)
    if url.endswith(("/card", "/add-slot")) and method == "GET":
        assert response.status_code == 302  # the card alone is an htmx fragment
    elif method == "GET" and re.fullmatch(r"/(plans|projects)/\d+", url):
        assert response.status_code == 200
    else:
        assert response.status_code == 403
    assert fingerprint() == before


def test_guessed_ids_that_do_not_exist_are_404(world, client_for):
    client = client_for("officer-mf")
    for url in ("/plans/9999", "/projects/9999", "/projects/9999/edit", "/plans/9999/carry-over"):
        assert client.get(url).status_code == 404
    assert client.post("/projects/9999/delete", data={"version": "1"}).status_code == 404


# --- my plan -----------------------------------------------------------------------------------


def test_my_plan_leads_the_officer_to_the_current_plan(world, client_for):
    response = client_for("officer-mf").get("/my-plan")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/plans/{world.plan_mf.id}")


def test_home_lists_the_officers_open_plan(world, client_for):
    response = client_for("officer-mf").get("/")
    assert response.status_code == 200
    assert f"/plans/{world.plan_mf.id}" in text(response)


@pytest.mark.parametrize("username", ["reviewer", "viewer", "admin"])
def test_my_plan_is_for_officers_only(world, client_for, username):
    assert client_for(username).get("/my-plan").status_code == 403


def test_my_plan_without_plan_explains(world, client_for):
    close_campaign(world.campaign)  # an open plan of an older year would be shown instead
    make_campaign(2031, departments=[world.mj])  # the newest campaign does not invite MF
    db.session.commit()
    response = client_for("officer-mf").get("/my-plan")
    assert response.status_code == 200
    assert "2031" in text(response)


# --- the plan page -----------------------------------------------------------------------------


def test_plan_page_for_the_officer_is_editable(world, client_for):
    response = client_for("officer-mf", lang="fr").get(f"/plans/{world.plan_mf.id}")
    body = text(response)
    assert response.status_code == 200
    assert '<html lang="fr" dir="ltr">' in body
    assert 'id="plan-status"' in body and "Non commencé" in body
    assert f'id="project-{world.project_mf.id}"' in body
    assert 'id="add-project"' in body and 'name="contact_name"' in body
    assert f'hx-get="/projects/{world.project_mf.id}/edit"' in body
    assert "Manque avant la transmission" in body  # the factory project is incomplete


def test_plan_page_for_a_reviewer_is_read_only(world, client_for):
    body = text(client_for("reviewer").get(f"/plans/{world.plan_mf.id}"))
    assert "Plateforme de paiement" in body
    assert 'id="add-project"' not in body and 'name="contact_name"' not in body
    assert "/edit" not in body


@pytest.mark.parametrize("status", [PlanStatus.SUBMITTED, PlanStatus.APPROVED])
def test_sent_plan_is_read_only_for_its_officer(world, client_for, status):
    world.plan_mf.status = status
    db.session.commit()
    client = client_for("officer-mf")
    body = text(client.get(f"/plans/{world.plan_mf.id}"))
    assert 'id="add-project"' not in body
    before = fingerprint()
    response = client.post(
        f"/plans/{world.plan_mf.id}/projects", data=project_form("new", title_fr="Trop tard")
    )
    assert response.status_code == 403
    assert fingerprint() == before


def test_closed_campaign_blocks_the_officers_edits(world, client_for):
    world.campaign.status = CampaignStatus.CLOSED
    db.session.commit()
    client = client_for("officer-mf", lang="fr")
    before = fingerprint()
    project = world.project_mf
    for url, data in [
        (f"/plans/{world.plan_mf.id}/projects", project_form("new", title_fr="Trop tard")),
        (
            f"/projects/{project.id}/edit",
            project_form(f"p{project.id}", title_fr="Trop tard", version=str(project.version)),
        ),
        (f"/projects/{project.id}/delete", {"version": str(project.version)}),
        (f"/plans/{world.plan_mf.id}/details", {"contact_name": "X", "version": "1"}),
    ]:
        response = client.post(url, data=data)
        assert response.status_code == 403
        assert "La campagne n'est pas ouverte" in text(response)
        htmx = client.post(url, data=data, headers=HX)
        assert htmx.status_code == 403 and htmx.headers["HX-Refresh"] == "true"
    assert fingerprint() == before
    body = text(client.get(f"/plans/{world.plan_mf.id}"))
    assert "La campagne n'est pas ouverte" in body and 'id="add-project"' not in body


def test_same_plan_url_with_and_without_htmx(world, client_for):
    client = client_for("officer-mf")
    page = client.get(f"/plans/{world.plan_mf.id}")
    fragment = client.get(f"/plans/{world.plan_mf.id}", headers=HX)
    assert "<html" in text(page) and "<html" not in text(fragment)
    assert f'id="plan-{world.plan_mf.id}"' in text(fragment)
    for response in (page, fragment):
        assert "HX-Request" in response.headers["Vary"]


def test_plan_page_query_count_does_not_grow_with_projects(world, client_for, count_queries):
    client = client_for("officer-mf")
    url = f"/plans/{world.plan_mf.id}"
    client.get(url)
    with count_queries() as few:
        client.get(url)
    for n in range(15):
        make_project(world.plan_mf, title_fr=f"Projet {n}", technologies=["cloud", "ai"])
    db.session.commit()
    with count_queries() as many:
        response = client.get(url)
    assert "Projet 14" in text(response)
    assert many.count == few.count


# --- adding a project --------------------------------------------------------------------------


def test_add_project_through_htmx_returns_the_new_card_out_of_band(world, client_for):
    client = client_for("officer-mf", lang="fr")
    response = client.post(
        f"/plans/{world.plan_mf.id}/projects",
        data=project_form("new", **complete_values()),
        headers=HX,
    )
    body = text(response)
    assert response.status_code == 200
    assert "<html" not in body
    project = db.session.scalar(db.select(Project).order_by(Project.id.desc()))
    assert project.reference == "2030-MF-002"
    assert 'hx-swap-oob="beforeend:#project-list"' in body
    assert f'id="project-{project.id}"' in body and 'id="add-project"' in body
    assert 'id="plan-summary"' in body and 'id="plan-status"' in body
    assert "Brouillon" in body  # not started -> draft
    assert response.headers["HX-Trigger"] == "planChanged"
    assert "Le projet 2030-MF-002 a été ajouté." in body  # the flash, out of band
    assert project.budget_dzd == 1_250_000
    assert [t.value for t in project.technologies] == ["cloud", "e_signature"]
    assert project.start_date.isoformat() == "2030-01-15"


def test_add_project_without_javascript_redirects_to_the_plan(world, client_for):
    client = client_for("officer-mf")
    response = client.post(
        f"/plans/{world.plan_mf.id}/projects", data=project_form("new", title_ar="مشروع جديد")
    )
    project = db.session.scalar(db.select(Project).order_by(Project.id.desc()))
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/plans/{world.plan_mf.id}#project-{project.id}")
    assert project.title_ar == "مشروع جديد" and project.title_fr == ""


def test_new_project_form_same_url_page_and_fragment(world, client_for):
    client = client_for("officer-mf")
    url = f"/plans/{world.plan_mf.id}/projects/new"
    page, fragment = client.get(url), client.get(url, headers=HX)
    assert "<html" in text(page) and "<html" not in text(fragment)
    assert 'id="project-new"' in text(fragment)
    assert "hx-post" not in text(page)  # the standalone page posts plainly
    assert 'hx-post="/plans/' in text(fragment)
    for field, direction in [("title_ar", "rtl"), ("title_fr", "ltr"), ("summary_ar", "rtl")]:
        tag = re.search(rf'<[^>]+id="new-{field}"[^>]*>', text(fragment)).group(0)
        assert f'dir="{direction}"' in tag


# --- validation --------------------------------------------------------------------------------

INVALID = [
    # (field, typed value, message in French, message in Arabic)
    ("title_fr", "", "Indiquez le titre en arabe ou en français", None),
    ("title_fr", "x" * 301, "300 caractères au maximum", "300 حرفا على الأكثر"),
    ("title_ar", "ب" * 301, "300 caractères au maximum", "300 حرفا على الأكثر"),
    ("progress", "150", "nombre entier de 0 à 100", "عدد صحيح من 0 إلى 100"),
    ("progress", "-3", "nombre entier de 0 à 100", None),
    ("progress", "beaucoup", "nombre entier de 0 à 100", None),
    ("budget_dzd", "-500", "montant entier de dinars", "مبلغا صحيحا بالدينار"),
    ("budget_dzd", "1,5 million", "montant entier de dinars", None),
    ("budget_dzd", "12.5", "montant entier de dinars", None),
    ("start_date", "31/02/2030", "date valide", "تاريخا صحيحا"),
    ("end_date", "demain", "date valide", None),
    (
        "end_date",
        "2030-01-01",
        "La date de fin ne peut pas précéder",
        "لا يمكن أن يسبق تاريخ الانتهاء",
    ),
    ("target", "martians", "pas un choix valide", None),
    ("kind", "rocket", "pas un choix valide", None),
    ("status", "finished", "pas un choix valide", None),
    ("priority", "urgent", "pas un choix valide", None),
    ("funding_source", "lottery", "pas un choix valide", None),
    ("technologies", ["cloud", "telepathy"], "pas un choix valide", None),
]


@pytest.mark.parametrize(("field", "value", "message_fr", "message_ar"), INVALID)
@pytest.mark.parametrize("headers", [{}, HX], ids=["page", "htmx"])
def test_invalid_field_gets_a_message_next_to_it_and_keeps_the_input(
    world, client_for, field, value, message_fr, message_ar, headers
):
    values = complete_values(start_date="2030-06-01", end_date="2030-12-31")
    values[field] = value
    if field == "title_fr":
        values["title_ar"] = ""
    before = fingerprint()
    for lang, message in (("fr", message_fr), ("ar", message_ar)):
        if message is None:
            continue
        client = client_for("officer-mf", lang=lang)
        response = client.post(
            f"/plans/{world.plan_mf.id}/projects",
            data=project_form("new", **values),
            headers=headers,
        )
        body = text(response)
        assert response.status_code == 422
        assert ("<html" in body) is (not headers)
        assert 'class="error-summary"' in body
        field_block = re.search(
            rf'<div class="field[^"]*has-error" id="field-new-{field}">(.*?)</div>', body, re.S
        )
        target_block = field_block.group(1) if field_block else body
        if field == "title_fr" and lang == "ar":
            target_block = body
        assert message in target_block, (field, lang)
        kept = "Plateforme de demande à distance de l'acte de naissance"
        if field != "title_fr":
            assert kept in body
        if (
            isinstance(value, str)
            and value
            and field not in ("target", "kind", "status", "priority", "funding_source")
        ):
            assert f'value="{value}"' in body or f">{value}</textarea>" in body or value in body
    assert fingerprint() == before


def test_error_message_is_attached_to_the_field_and_the_summary_links_it(world, client_for):
    response = client_for("officer-mf", lang="fr").post(
        f"/plans/{world.plan_mf.id}/projects",
        data=project_form("new", title_fr="Titre", progress="300"),
    )
    body = text(response)
    assert 'href="#new-progress"' in body
    assert 'aria-invalid="true"' in re.search(r'<input[^>]+id="new-progress"[^>]*>', body).group(0)
    assert 'id="new-progress-error"' in body


def test_budget_is_accepted_as_people_type_it(world, client_for):
    client = client_for("officer-mf")
    for typed in ("2 500 000", "2\u00a0500\u00a0000", "٢٥٠٠٠٠٠", "2500000"):
        response = client.post(
            f"/plans/{world.plan_mf.id}/projects",
            data=project_form("new", title_fr=f"Budget {typed}", budget_dzd=typed),
        )
        assert response.status_code == 302, typed
    budgets = set(
        db.session.scalars(db.select(Project.budget_dzd).where(Project.title_fr.like("Budget%")))
    )
    assert budgets == {2_500_000}


def test_budget_is_shown_formatted_and_bidi_safe(world, client_for):
    world.project_mf.budget_dzd = 1_250_000
    db.session.commit()
    body = text(client_for("officer-mf", lang="ar").get(f"/plans/{world.plan_mf.id}"))
    assert "<bdi>1\u202f250\u202f000\u202fدج</bdi>" in body


# --- editing in place --------------------------------------------------------------------------


def test_edit_form_replaces_the_card_and_saving_returns_the_card(world, client_for):
    client = client_for("officer-mf", lang="fr")
    project = world.project_mf
    form = client.get(f"/projects/{project.id}/edit", headers=HX)
    assert form.status_code == 200 and "<html" not in text(form)
    assert f'<form id="project-{project.id}"' in text(form)
    assert 'hx-target="this" hx-swap="outerHTML"' in text(form)
    response = client.post(
        f"/projects/{project.id}/edit",
        data=project_form(
            f"p{project.id}", **complete_values(title_fr="Paiement en ligne", version="1")
        ),
        headers=HX,
    )
    body = text(response)
    assert response.status_code == 200
    assert body.lstrip().startswith(f'<article id="project-{project.id}"')
    assert "Paiement en ligne" in body and "Complet" in body
    assert 'id="plan-summary" class="panel plan-summary"' in body
    db.session.refresh(project)
    assert project.title_fr == "Paiement en ligne" and project.version == 2


def test_cancel_puts_the_card_back(world, client_for):
    client = client_for("officer-mf")
    project = world.project_mf
    card = client.get(f"/projects/{project.id}/card", headers=HX)
    assert text(card).lstrip().startswith(f'<article id="project-{project.id}"')
    assert client.get(f"/projects/{project.id}/card").status_code == 302
    slot = client.get(f"/plans/{world.plan_mf.id}/add-slot", headers=HX)
    assert 'id="add-project"' in text(slot)


@pytest.mark.parametrize("headers", [{}, HX], ids=["page", "htmx"])
def test_stale_save_is_refused_and_shows_both_values(world, client_for, headers):
    project = world.project_mf
    prefix = f"p{project.id}"
    amina = client_for("officer-mf", lang="fr")
    karim = client_for("officer-mf", lang="fr")
    first = amina.post(
        f"/projects/{project.id}/edit",
        data=project_form(prefix, title_fr="Titre d'Amina", budget_dzd="100", version="1"),
    )
    assert first.status_code == 302
    second = karim.post(
        f"/projects/{project.id}/edit",
        data=project_form(prefix, title_fr="Titre de Karim", budget_dzd="200", version="1"),
        headers=headers,
    )
    body = text(second)
    assert second.status_code == 409
    assert ("<html" in body) is (not headers)
    assert "Quelqu'un d'autre a enregistré cette fiche" in body
    assert "Titre d'Amina" in body  # the current value
    assert 'value="Titre de Karim"' in body  # the user's own input, kept in the form
    assert f'name="{prefix}-version" type="hidden" value="2"' in body  # ready to save again
    db.session.expire_all()
    project = db.session.get(Project, project.id)
    assert (project.title_fr, project.budget_dzd, project.version) == ("Titre d'Amina", 100, 2)
    again = karim.post(
        f"/projects/{project.id}/edit",
        data=project_form(prefix, title_fr="Titre de Karim", budget_dzd="200", version="2"),
    )
    assert again.status_code == 302
    db.session.expire_all()
    assert db.session.get(Project, project.id).title_fr == "Titre de Karim"


def test_stale_contact_save_is_refused(world, client_for):
    plan = world.plan_mf
    client = client_for("officer-mf", lang="fr")
    ok = client.post(
        f"/plans/{plan.id}/details",
        data={"contact_name": "Amina", "contact_email": "amina@mf.gov.dz", "version": "1"},
        headers=HX,
    )
    assert ok.status_code == 200 and "Amina" in text(ok) and "<html" not in text(ok)
    stale = client.post(
        f"/plans/{plan.id}/details",
        data={"contact_name": "Karim", "contact_email": "", "version": "1"},
        headers=HX,
    )
    assert stale.status_code == 409
    assert 'value="Karim"' in text(stale) and "Amina" in text(stale)
    db.session.expire_all()
    assert db.session.get(Plan, plan.id).contact_name == "Amina"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("contact_email", "pas-une-adresse", "adresse électronique"),
        ("contact_phone", "appelez-moi", "numéro de téléphone"),
        ("contact_name", "x" * 201, "200 caractères au maximum"),
    ],
)
def test_contact_validation(world, client_for, field, value, message):
    data = {"contact_name": "Amina", "contact_email": "", "contact_phone": "", "version": "1"}
    data[field] = value
    client = client_for("officer-mf", lang="fr")
    for headers in ({}, HX):
        response = client.post(f"/plans/{world.plan_mf.id}/details", data=data, headers=headers)
        assert response.status_code == 422
        assert message in text(response)
        assert ("<html" in text(response)) is (not headers)
    assert db.session.get(Plan, world.plan_mf.id).contact_name == ""


def test_contact_phone_in_arabic_indic_digits_is_accepted(world, client_for):
    client = client_for("officer-mf")
    response = client.post(
        f"/plans/{world.plan_mf.id}/details",
        data={"contact_name": "أمينة", "contact_phone": "٠٢١ ٤٥ ٦٧ ٨٩", "version": "1"},
    )
    assert response.status_code == 302
    assert db.session.get(Plan, world.plan_mf.id).contact_phone == "021 45 67 89"


# --- deleting ----------------------------------------------------------------------------------


def test_delete_through_htmx_removes_the_card(world, client_for):
    project_id = world.project_mf.id
    client = client_for("officer-mf", lang="fr")
    page = text(client.get(f"/plans/{world.plan_mf.id}"))
    assert f'hx-post="/projects/{project_id}/delete"' in page and "hx-confirm=" in page
    response = client.post(f"/projects/{project_id}/delete", data={"version": "1"}, headers=HX)
    assert response.status_code == 200
    assert "<article" not in text(response)  # the card's place is emptied
    assert 'hx-swap-oob="true"' in text(response) and "0 projet" in text(response)
    assert db.session.get(Project, project_id) is None


def test_delete_without_javascript_has_a_confirmation_step(world, client_for):
    project_id = world.project_mf.id
    client = client_for("officer-mf", lang="fr")
    confirm = client.get(f"/projects/{project_id}/delete")
    assert confirm.status_code == 200
    assert "Supprimer le projet 2030-MF-001" in text(confirm)
    assert 'name="version" value="1"' in text(confirm)
    assert db.session.get(Project, project_id) is not None
    response = client.post(f"/projects/{project_id}/delete", data={"version": "1"})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Project, project_id) is None


@pytest.mark.parametrize("headers", [{}, HX], ids=["page", "htmx"])
def test_stale_delete_is_refused(world, client_for, headers):
    project = world.project_mf
    client = client_for("officer-mf", lang="fr")
    client.post(
        f"/projects/{project.id}/edit",
        data=project_form(f"p{project.id}", title_fr="Changé entre-temps", version="1"),
    )
    response = client.post(f"/projects/{project.id}/delete", data={"version": "1"}, headers=headers)
    assert response.status_code == 409
    assert "Changé entre-temps" in text(response)
    db.session.expire_all()
    assert db.session.get(Project, project.id) is not None
