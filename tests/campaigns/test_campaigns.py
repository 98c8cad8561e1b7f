"""Campaigns: the services' rules and the screens (reviewers and admins manage, viewers read)."""

import html
from datetime import date

import pytest

from digiweb.audit.models import AuditLog
from digiweb.auth.models import User
from digiweb.campaigns.models import Campaign, CampaignStatus
from digiweb.campaigns.services import (
    create_campaign,
    open_campaign,
    update_campaign,
)
from digiweb.departments.models import Department
from digiweb.errors import Conflict, Refusal
from digiweb.extensions import db
from digiweb.plans.models import Plan, PlanStatus
from tests.factories import make_department
from tests.plans.helpers import HX, project_form


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def user(name: str) -> User:
    return db.session.scalar(db.select(User).where(User.username == name))


def campaign_form(**overrides) -> dict:
    departments = overrides.pop("departments", None)
    data = {
        "year": "2032",
        "title_ar": "استبيان المخططات العملية القطاعية للرقمنة لسنة 2032",
        "title_fr": "Questionnaire des plans d'action sectoriels de numérisation 2032",
        "opens_on": "2032-01-10",
        "deadline": "2032-03-15",
        "instructions_ar": "يرجى إدراج المشاريع.",
        "instructions_fr": "Veuillez renseigner les projets.",
    }
    data.update(overrides)
    if departments is None:
        departments = [str(d) for d in db.session.scalars(db.select(Department.id))]
    data["departments"] = departments
    return data


def audit_actions(entity_id: int) -> list[str]:
    return list(
        db.session.scalars(
            db.select(AuditLog.action)
            .where(AuditLog.entity_type == "campaign", AuditLog.entity_id == entity_id)
            .order_by(AuditLog.id)
        )
    )


# --- services ----------------------------------------------------------------------------------


def test_opening_creates_one_plan_per_invited_department(world):
    extra = make_department("MNS")
    make_department("OLD", active=False)
    campaign = create_campaign(
        year=2032, title_ar="استبيان", title_fr="Questionnaire", departments=[world.mf, extra]
    )
    created = open_campaign(campaign, actor=user("reviewer"))
    db.session.commit()
    assert len(created) == 2
    plans = db.session.scalars(db.select(Plan).where(Plan.campaign_id == campaign.id)).all()
    assert sorted(p.department.code for p in plans) == ["MF", "MNS"]
    assert all(p.status == PlanStatus.NOT_STARTED for p in plans)
    assert campaign.status == CampaignStatus.OPEN
    assert audit_actions(campaign.id) == ["campaign_created", "campaign_opened"]


def test_by_default_every_active_department_is_invited(world):
    make_department("OLD", active=False)
    campaign = create_campaign(year=2032, title_ar="استبيان", title_fr="Questionnaire")
    assert [d.code for d in campaign.invited_departments] == ["MF", "MJ"]


def test_year_is_unique_and_deadline_follows_opening(world):
    with pytest.raises(Refusal) as duplicate:
        create_campaign(year=2030, title_ar="x", title_fr="x")
    assert duplicate.value.field == "year"
    with pytest.raises(Refusal) as dates:
        create_campaign(
            year=2033,
            title_ar="x",
            title_fr="x",
            opens_on=date(2033, 3, 1),
            deadline=date(2033, 2, 1),
        )
    assert dates.value.field == "deadline"


def test_update_campaign_rules(world):
    campaign = world.campaign  # open, MF and MJ have their plans
    reviewer = user("reviewer")
    data = {"title_fr": "Questionnaire 2030 (révisé)"}
    with pytest.raises(Conflict):
        update_campaign(campaign, data, [world.mf, world.mj], reviewer, campaign.version - 1)
    with pytest.raises(Refusal) as year:
        update_campaign(campaign, {"year": 2040}, [world.mf, world.mj], reviewer, campaign.version)
    assert year.value.field == "year"
    with pytest.raises(Refusal) as uninvite:
        update_campaign(campaign, data, [world.mf], reviewer, campaign.version)
    assert uninvite.value.field == "departments" and "MJ" in uninvite.value.message
    db.session.rollback()
    newcomer = make_department("MNS")
    changes = update_campaign(
        campaign, data, [world.mf, world.mj, newcomer], reviewer, campaign.version
    )
    db.session.commit()
    assert changes["invited"] == [["MF", "MJ"], ["MF", "MJ", "MNS"]]
    assert changes["title_fr"][1] == "Questionnaire 2030 (révisé)"
    assert db.session.scalar(
        db.select(Plan).where(Plan.campaign_id == campaign.id, Plan.department_id == newcomer.id)
    )
    assert "campaign_updated" in audit_actions(campaign.id)


# --- screens -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("GET", "/campaigns"),
        ("GET", "/campaigns/new"),
        ("POST", "/campaigns/new"),
        ("GET", "/campaigns/{id}"),
        ("GET", "/campaigns/{id}/edit"),
        ("POST", "/campaigns/{id}/edit"),
        ("POST", "/campaigns/{id}/open"),
        ("POST", "/campaigns/{id}/close"),
    ],
)
@pytest.mark.parametrize(
    ("username", "reads", "writes"),
    [
        (None, 302, 302),
        ("officer-mf", 403, 403),
        ("viewer", 200, 403),
        ("reviewer", 200, None),
        ("admin", 200, None),
    ],
)
def test_access(world, client_for, method, url, username, reads, writes):
    url = url.format(id=world.campaign.id)
    writing = method == "POST" or url.endswith(("/new", "/edit"))
    expected = writes if writing else reads
    if expected is None:
        return  # allowed: covered by the tests below
    client = client_for(username)
    response = client.open(url, method=method, data=campaign_form())
    assert response.status_code == expected
    if expected == 302:
        assert "/login" in response.headers["Location"]
    assert db.session.scalar(db.select(db.func.count(Campaign.id))) == 1
    db.session.refresh(world.campaign)
    assert world.campaign.status == CampaignStatus.OPEN


def test_list_and_detail(world, client_for):
    client = client_for("viewer", lang="fr")
    listing = client.get("/campaigns")
    assert "Questionnaire 2030" in text(listing) and "Ouverte" in text(listing)
    assert "Nouvelle campagne" not in text(listing)  # viewers read only
    assert "<html" not in text(client.get("/campaigns", headers=HX))
    detail = text(client.get(f"/campaigns/{world.campaign.id}"))
    assert "Ministère des Finances" in detail and "Ministère de la Justice" in detail
    assert f"/plans/{world.plan_mf.id}" in detail
    assert "Clore la campagne" not in detail


def test_list_query_count_does_not_grow_with_campaigns(world, client_for, count_queries):
    client = client_for("reviewer")
    client.get("/campaigns")
    with count_queries() as few:
        client.get("/campaigns")
    for year in range(2040, 2046):
        create_campaign(year=year, title_ar=f"استبيان {year}", title_fr=f"Questionnaire {year}")
    db.session.commit()
    with count_queries() as many:
        assert "2045" in text(client.get("/campaigns"))
    assert many.count == few.count


def test_new_campaign_form_invites_every_active_department_by_default(world, client_for):
    make_department("OLD", active=False)
    db.session.commit()
    body = text(client_for("reviewer", lang="fr").get("/campaigns/new"))
    assert body.count('name="departments"') == 2  # MF and MJ, not the inactive one
    assert body.count("checked") == 2
    assert 'dir="rtl"' in body and 'name="title_ar"' in body


def test_create_open_and_close_through_the_screens(world, client_for):
    reviewer = client_for("reviewer", lang="fr")
    response = reviewer.post("/campaigns/new", data=campaign_form(departments=[str(world.mf.id)]))
    assert response.status_code == 302
    campaign = db.session.scalar(db.select(Campaign).where(Campaign.year == 2032))
    assert [d.code for d in campaign.invited_departments] == ["MF"]
    assert campaign.status == CampaignStatus.DRAFT
    assert "Pas encore de plan" in text(reviewer.get(f"/campaigns/{campaign.id}"))
    opened = reviewer.post(f"/campaigns/{campaign.id}/open")
    assert opened.status_code == 302
    assert db.session.scalars(db.select(Plan).where(Plan.campaign_id == campaign.id)).all()
    again = reviewer.post(f"/campaigns/{campaign.id}/open")
    assert again.status_code == 409 and "déjà ouverte" in text(again)

    # the officer edits while the campaign is open, not after it closed
    officer = client_for("officer-mf")
    plan = db.session.scalar(db.select(Plan).where(Plan.campaign_id == campaign.id))
    # 2030 is still open too: "My plan" leads to the list of both open plans
    assert officer.get("/my-plan").headers["Location"] == "/"
    assert f"/plans/{plan.id}" in text(officer.get("/"))
    added = officer.post(f"/plans/{plan.id}/projects", data=project_form("new", title_fr="A"))
    assert added.status_code == 302
    closed = reviewer.post(f"/campaigns/{campaign.id}/close", headers=HX)
    assert closed.status_code == 204 and closed.headers["HX-Redirect"].endswith(
        f"/campaigns/{campaign.id}"
    )
    refused = officer.post(f"/plans/{plan.id}/projects", data=project_form("new", title_fr="B"))
    assert refused.status_code == 403
    db.session.expire_all()
    assert len(db.session.get(Plan, plan.id).projects) == 1
    assert audit_actions(campaign.id) == ["campaign_created", "campaign_opened", "campaign_closed"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("year", "", "Saisissez l'année de la campagne."),
        ("year", "deux mille", "Saisissez une année entre 2000 et 2100."),
        ("year", "1999", "Saisissez une année entre 2000 et 2100."),
        ("year", "2030", "Une campagne existe déjà pour 2030."),
        ("title_ar", "", "Saisissez le titre en arabe."),
        ("title_fr", "", "Saisissez le titre en français."),
        ("title_fr", "x" * 301, "300 caractères au maximum"),
        ("opens_on", "32/01/2032", "Saisissez une date valide"),
        ("deadline", "2032-01-01", "La date limite ne peut pas précéder la date d'ouverture."),
        ("departments", [], "Invitez au moins un département."),
        ("departments", ["9999"], "pas un choix valide"),
    ],
)
def test_campaign_validation(world, client_for, field, value, message):
    client = client_for("reviewer", lang="fr")
    data = campaign_form(**{field: value})
    response = client.post("/campaigns/new", data=data)
    body = text(response)
    assert response.status_code == 422
    assert message in body
    assert 'class="error-summary"' in body
    if field != "title_ar":
        assert 'value="استبيان المخططات العملية القطاعية للرقمنة لسنة 2032"' in body  # kept
    assert db.session.scalar(db.select(db.func.count(Campaign.id))) == 1


def test_campaign_validation_in_arabic(world, client_for):
    response = client_for("reviewer", lang="ar").post(
        "/campaigns/new", data=campaign_form(deadline="2031-01-01")
    )
    assert response.status_code == 422
    assert "لا يمكن أن يسبق آخر أجل تاريخ الفتح." in text(response)


def test_edit_keeps_departments_with_a_plan_and_refuses_stale_saves(world, client_for):
    campaign = world.campaign
    client = client_for("reviewer", lang="fr")
    form = text(client.get(f"/campaigns/{campaign.id}/edit"))
    assert "restent invités" in form and "disabled" in form
    stale = campaign_form(year="2030", version=str(campaign.version - 1))
    response = client.post(f"/campaigns/{campaign.id}/edit", data=stale)
    assert response.status_code == 409
    assert "Valeurs actuelles" in text(response) and "Questionnaire 2030" in text(response)
    assert 'value="Questionnaire des plans d\'action sectoriels de numérisation 2032"' in text(
        response
    )
    fresh = campaign_form(year="2030", title_fr="Questionnaire 2030 bis", version="1")
    fresh["version"] = str(campaign.version)
    assert client.post(f"/campaigns/{campaign.id}/edit", data=fresh).status_code == 302
    db.session.expire_all()
    assert db.session.get(Campaign, campaign.id).title_fr == "Questionnaire 2030 bis"
    uninvite = campaign_form(year="2030", departments=[str(world.mf.id)])
    uninvite["version"] = str(db.session.get(Campaign, campaign.id).version)
    refused = client.post(f"/campaigns/{campaign.id}/edit", data=uninvite)
    assert refused.status_code == 422 and "MJ" in text(refused)


def test_year_of_an_opened_campaign_is_shown_plainly_and_read_only(world, client_for):
    body = text(client_for("reviewer").get(f"/campaigns/{world.campaign.id}/edit"))
    year = body[body.index('id="year"') - 200 : body.index('id="year"') + 200]
    assert 'value="2030"' in year and "readonly" in year
