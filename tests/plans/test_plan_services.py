"""The rules of digiweb.plans.services, called directly."""

from datetime import date

import pytest
from flask_babel import force_locale

from digiweb.audit.models import AuditLog
from digiweb.auth.models import User
from digiweb.campaigns.models import CampaignStatus
from digiweb.errors import Conflict, MissingVersion, Refusal
from digiweb.extensions import db
from digiweb.plans import services
from digiweb.plans.models import PlanStatus, Project, Technology
from digiweb.plans.services import (
    create_project,
    delete_project,
    editable_by,
    missing_fields,
    parse_whole_number,
    plan_completeness,
    plan_problems,
    update_plan,
    update_project,
)
from tests.factories import make_campaign, make_plan


def user(name: str) -> User:
    return db.session.scalar(db.select(User).where(User.username == name))


def audit(action: str, entity_id: int) -> list[AuditLog]:
    return list(
        db.session.scalars(
            db.select(AuditLog).where(AuditLog.action == action, AuditLog.entity_id == entity_id)
        )
    )


COMPLETE = {
    "title_ar": "منصة رقمية",
    "title_fr": "Plateforme numérique",
    "summary_ar": "ملخص",
    "summary_fr": "Résumé",
    "target": "citizens",
    "kind": "platform",
    "priority": "high",
    "start_date": date(2030, 1, 1),
    "end_date": date(2030, 12, 31),
    "budget_dzd": 1_250_000,
    "funding_source": "state_budget",
}


# --- who may edit ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("username", "plan_status", "campaign_status", "expected"),
    [
        ("officer-mf", PlanStatus.NOT_STARTED, CampaignStatus.OPEN, True),
        ("officer-mf", PlanStatus.DRAFT, CampaignStatus.OPEN, True),
        ("officer-mf", PlanStatus.RETURNED, CampaignStatus.OPEN, True),
        ("officer-mf", PlanStatus.SUBMITTED, CampaignStatus.OPEN, False),
        ("officer-mf", PlanStatus.APPROVED, CampaignStatus.OPEN, False),
        ("officer-mf", PlanStatus.DRAFT, CampaignStatus.CLOSED, False),
        ("officer-mf", PlanStatus.DRAFT, CampaignStatus.DRAFT, False),
        ("officer-mj", PlanStatus.DRAFT, CampaignStatus.OPEN, False),
        ("reviewer", PlanStatus.DRAFT, CampaignStatus.OPEN, False),
        ("viewer", PlanStatus.DRAFT, CampaignStatus.OPEN, False),
        ("admin", PlanStatus.DRAFT, CampaignStatus.OPEN, False),
    ],
)
def test_editable_by(world, username, plan_status, campaign_status, expected):
    world.plan_mf.status = plan_status
    world.campaign.status = campaign_status
    assert editable_by(world.plan_mf, user(username)) is expected


@pytest.mark.parametrize("plan_status", [PlanStatus.SUBMITTED, PlanStatus.APPROVED])
def test_sent_plan_refuses_every_change(world, plan_status):
    world.plan_mf.status = plan_status
    db.session.commit()
    officer = user("officer-mf")
    project = world.project_mf
    with pytest.raises(Refusal):
        create_project(world.plan_mf, {"title_fr": "X"}, officer)
    with pytest.raises(Refusal):
        update_project(project, {"title_fr": "X"}, officer, project.version)
    with pytest.raises(Refusal):
        delete_project(project, officer, project.version)
    with pytest.raises(Refusal):
        update_plan(world.plan_mf, {"contact_name": "X"}, officer, world.plan_mf.version)


def test_closed_campaign_refuses_officer_changes(world):
    world.campaign.status = CampaignStatus.CLOSED
    db.session.commit()
    with pytest.raises(Refusal, match="الحملة غير مفتوحة"):
        create_project(world.plan_mf, {"title_fr": "X"}, user("officer-mf"))


def test_officer_cannot_write_in_another_departments_plan(world):
    with pytest.raises(Refusal):
        create_project(world.plan_mj, {"title_fr": "Intrus"}, user("officer-mf"))
    with pytest.raises(Refusal):
        update_project(
            world.project_mj, {"title_fr": "Intrus"}, user("officer-mf"), world.project_mj.version
        )


# --- completeness ------------------------------------------------------------------------------


def test_complete_project_misses_nothing(world):
    project = create_project(world.plan_mf, COMPLETE, user("officer-mf"))
    assert missing_fields(project) == []


@pytest.mark.parametrize(
    ("field", "label_fr", "label_ar"),
    [
        ("title_ar", "Titre en arabe", "العنوان بالعربية"),
        ("title_fr", "Titre en français", "العنوان بالفرنسية"),
        ("summary_ar", "Résumé en arabe", "الملخص بالعربية"),
        ("summary_fr", "Résumé en français", "الملخص بالفرنسية"),
        ("target", "Cible", "الفئة المستهدفة"),
        ("kind", "Type de projet", "نوع المشروع"),
        ("start_date", "Date de début", "تاريخ الانطلاق"),
        ("end_date", "Date de fin", "تاريخ الانتهاء"),
        ("budget_dzd", "Budget (DA)", "الميزانية (دج)"),
        ("funding_source", "Source de financement", "مصدر التمويل"),
        ("priority", "Priorité", "الأولوية"),
    ],
)
def test_missing_fields_name_each_gap_in_the_users_language(world, field, label_fr, label_ar):
    blank = None if field not in ("title_ar", "title_fr", "summary_ar", "summary_fr") else ""
    project = create_project(world.plan_mf, {**COMPLETE, field: blank}, user("officer-mf"))
    with force_locale("fr_DZ"):
        assert missing_fields(project) == [label_fr]
    with force_locale("ar_DZ"):
        assert missing_fields(project) == [label_ar]


def test_plan_completeness_and_problems(world):
    officer = user("officer-mf")
    complete = create_project(world.plan_mf, COMPLETE, officer)
    completeness = plan_completeness(world.plan_mf)
    assert completeness[complete.id] == []
    assert completeness[world.project_mf.id]  # the factory's project has no summary, dates...
    assert plan_problems(world.plan_mf) == []
    empty_campaign = make_campaign(2031, departments=[world.mf])
    empty_plan = make_plan(empty_campaign, world.mf)
    assert plan_completeness(empty_plan) == {}
    with force_locale("fr_DZ"):
        assert plan_problems(empty_plan) == ["Le plan ne contient encore aucun projet."]


# --- numbers as people type them --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1250000", 1_250_000),
        ("1 250 000", 1_250_000),
        ("1\u00a0250\u00a0000", 1_250_000),
        ("1\u202f250\u202f000", 1_250_000),
        ("  1 250 000  ", 1_250_000),
        ("١٬٢٥٠٬٠٠٠", 1_250_000),
        ("١٢٥٠٠٠٠", 1_250_000),
        ("۱۲۵۰۰۰۰", 1_250_000),
        ("1.250.000", 1_250_000),
        ("1,250,000", 1_250_000),
        ("1 250 000 DA", 1_250_000),
        ("1 250 000 دج", 1_250_000),
        ("0", 0),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_parse_whole_number_accepts_what_people_type(text, value):
    assert parse_whole_number(text) == value


@pytest.mark.parametrize("text", ["-5", "12a", "1.5", "1,25", "abc", "1 25O 000", "٥.٥"])
def test_parse_whole_number_refuses_the_rest(text):
    with pytest.raises(ValueError):
        parse_whole_number(text)


# --- creating, numbering ---------------------------------------------------------------------


def test_create_project_numbers_and_starts_the_plan(world):
    campaign = make_campaign(2031, departments=[world.mf])
    plan = make_plan(campaign, world.mf)
    assert plan.status == PlanStatus.NOT_STARTED
    first = create_project(plan, {"title_fr": "Premier"}, user("officer-mf"))
    second = create_project(plan, {"title_ar": "الثاني"}, user("officer-mf"))
    db.session.commit()
    assert (first.reference, second.reference) == ("2031-MF-001", "2031-MF-002")
    assert (first.year, first.department_id) == (2031, world.mf.id)
    db.session.refresh(plan)
    assert plan.status == PlanStatus.DRAFT
    assert audit("plan_started", plan.id)[0].changes == {"plan_status": ["not_started", "draft"]}


def test_create_project_does_not_bump_the_plan_version(world):
    """Adding projects must not make the officer's open form on the plan's fields stale."""
    version = world.plan_mf.version
    create_project(world.plan_mf, {"title_fr": "Nouveau"}, user("officer-mf"))
    db.session.commit()
    db.session.refresh(world.plan_mf)
    assert world.plan_mf.version == version


def test_a_deleted_number_is_never_reused(world):
    officer = user("officer-mf")
    last = create_project(world.plan_mf, {"title_fr": "Deuxième"}, officer)
    assert last.reference == "2030-MF-002"
    delete_project(last, officer, last.version)
    db.session.commit()
    again = create_project(world.plan_mf, {"title_fr": "Troisième"}, officer)
    assert again.reference == "2030-MF-003"


def test_a_number_taken_concurrently_is_retried_not_an_error(world, monkeypatch):
    """Two adds computing the same number: the unique constraint refuses the second insert, the
    service takes the next number instead of failing."""
    real = services._next_sequence
    calls = []

    def stale_sequence(plan):
        calls.append(1)
        return 1 if len(calls) == 1 else real(plan)  # 1 is already 2030-MF-001

    monkeypatch.setattr(services, "_next_sequence", stale_sequence)
    project = create_project(world.plan_mf, {"title_fr": "Concurrent"}, user("officer-mf"))
    db.session.commit()
    assert project.reference == "2030-MF-002"
    assert db.session.scalar(db.select(db.func.count(Project.id))) == 3


def test_create_project_requires_a_title_and_is_audited(world):
    officer = user("officer-mf")
    with pytest.raises(Refusal) as refused:
        create_project(world.plan_mf, {"summary_fr": "Sans titre"}, officer)
    assert refused.value.status == 422
    project = create_project(world.plan_mf, {**COMPLETE, "technologies": ["cloud", "ai"]}, officer)
    db.session.commit()
    entry = audit("project_created", project.id)[0]
    assert entry.entity_label == project.reference
    assert entry.actor_name == "officer-mf"
    assert entry.changes["title_fr"] == [None, "Plateforme numérique"]
    assert entry.changes["budget_dzd"] == [None, 1_250_000]
    assert entry.changes["technologies"] == [None, ["cloud", "ai"]]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"title_fr": "x" * 301}, "title_fr"),
        ({"title_fr": "X", "progress": 101}, "progress"),
        ({"title_fr": "X", "progress": -1}, "progress"),
        ({"title_fr": "X", "budget_dzd": -1}, "budget_dzd"),
        ({"title_fr": "X", "target": "martians"}, "target"),
        ({"title_fr": "X", "technologies": ["telepathy"]}, "technologies"),
        (
            {"title_fr": "X", "start_date": date(2030, 5, 1), "end_date": date(2030, 4, 30)},
            "end_date",
        ),
    ],
)
def test_service_refuses_invalid_data(world, data, field):
    assert field in services.validate_project_data(data)
    with pytest.raises(Refusal):
        create_project(world.plan_mf, data, user("officer-mf"))


# --- updating: audit and optimistic locking ---------------------------------------------------


def test_update_project_records_old_and_new_values(world):
    project = world.project_mf
    version = project.version
    changes = update_project(
        project,
        {
            "title_fr": "Plateforme de paiement en ligne",
            "budget_dzd": 900_000,
            "technologies": ["e_payment"],
        },
        user("officer-mf"),
        version,
    )
    db.session.commit()
    assert changes == {
        "title_fr": ["Plateforme de paiement", "Plateforme de paiement en ligne"],
        "budget_dzd": [None, 900_000],
        "technologies": [[], ["e_payment"]],
    }
    assert project.version == version + 1
    assert project.technologies == [Technology.E_PAYMENT]
    assert audit("project_updated", project.id)[0].changes == changes


def test_update_without_change_writes_nothing(world):
    project = world.project_mf
    version = project.version
    assert (
        update_project(project, {"title_fr": project.title_fr}, user("officer-mf"), version) == {}
    )
    db.session.commit()
    assert project.version == version
    assert audit("project_updated", project.id) == []


def test_stale_version_is_refused_and_nothing_is_written(world):
    project = world.project_mf
    officer = user("officer-mf")
    update_project(project, {"title_fr": "Version de Amina"}, officer, project.version)
    db.session.commit()
    with pytest.raises(Conflict):
        update_project(project, {"title_fr": "Version de Karim"}, officer, project.version - 1)
    db.session.rollback()
    db.session.refresh(project)
    assert project.title_fr == "Version de Amina"
    with pytest.raises(Conflict):
        delete_project(project, officer, project.version - 1)
    db.session.rollback()
    assert db.session.get(Project, project.id) is not None


@pytest.mark.parametrize("bad_version", [None, "", "abc"])
def test_a_change_without_its_version_is_a_bad_request(world, bad_version):
    with pytest.raises(MissingVersion):
        update_project(world.project_mf, {"title_fr": "X"}, user("officer-mf"), bad_version)


def test_race_caught_by_the_database_is_a_conflict(world, monkeypatch):
    """Two saves passing the version check at the same moment: the version column makes the
    second UPDATE match no row (StaleDataError), which becomes a Conflict."""
    project = world.project_mf
    seen = project.version
    monkeypatch.setattr(services, "_reload", lambda project: None)
    monkeypatch.setattr(services, "lock_plan", lambda plan: plan)
    db.session.execute(
        db.update(Project)
        .where(Project.id == project.id)
        .values(version=seen + 1, title_fr="Autre"),
        execution_options={"synchronize_session": False},
    )
    with pytest.raises(Conflict):
        update_project(project, {"title_fr": "Mienne"}, user("officer-mf"), seen)
    db.session.rollback()  # what the request does with a refusal
    project = db.session.get(Project, world.project_mf.id)
    assert project.title_fr == "Plateforme de paiement"  # nothing of mine written
    assert audit("project_updated", project.id) == []


def test_delete_project_is_audited_with_old_values(world):
    project = world.project_mf
    project_id, reference = project.id, project.reference
    delete_project(project, user("officer-mf"), project.version)
    db.session.commit()
    assert db.session.get(Project, project_id) is None
    entry = audit("project_deleted", project_id)[0]
    assert entry.entity_label == reference
    assert entry.changes["title_fr"] == ["Plateforme de paiement", None]
    assert entry.changes["target"] == ["citizens", None]


def test_update_plan_contact_is_audited_and_locked(world):
    plan = world.plan_mf
    officer = user("officer-mf")
    changes = update_plan(
        plan, {"contact_name": "Amina B.", "contact_email": "a.b@mf.gov.dz"}, officer, plan.version
    )
    db.session.commit()
    assert changes == {"contact_name": ["", "Amina B."], "contact_email": ["", "a.b@mf.gov.dz"]}
    assert audit("plan_updated", plan.id)[0].changes == changes
    with pytest.raises(Conflict):
        update_plan(plan, {"contact_name": "Karim"}, officer, plan.version - 1)
    db.session.rollback()
    db.session.refresh(plan)
    assert plan.contact_name == "Amina B."


def test_partial_update_is_checked_against_the_projects_other_values(world):
    """A change of a few fields (e.g. the follow-up's status and progress) keeps the others and
    is validated together with them."""
    project = world.project_mf
    officer = user("officer-mf")
    changes = update_project(project, {"progress": 55}, officer, project.version)
    assert changes == {"progress": [0, 55]}
    assert project.title_fr == "Plateforme de paiement"
    update_project(project, {"start_date": date(2030, 6, 1)}, officer, project.version)
    with pytest.raises(Refusal) as refused:
        update_project(project, {"end_date": date(2030, 1, 1)}, officer, project.version)
    assert refused.value.status == 422
    with pytest.raises(Refusal):
        update_project(project, {"title_ar": "", "title_fr": ""}, officer, project.version)
