"""`demo scale --projects N`: synthetic history for the benchmarks (issue 7)."""

import re
from collections import Counter

import pytest
import sqlalchemy as sa

from digiweb.campaigns.models import Campaign, CampaignStatus
from digiweb.demo.scale import SCALE_YEARS, WILAYAS, scale_projects
from digiweb.departments.models import Department
from digiweb.extensions import db
from digiweb.i18n import normalize_search
from digiweb.plans.models import (
    SENT_STATUSES,
    Plan,
    PlanStatus,
    Project,
    ProjectStatus,
    ProjectTechnology,
    Target,
    Technology,
)

REFERENCE = re.compile(r"^(\d{4})-([A-Z0-9_]+)-(\d{3,})$")


def figures_2021() -> dict:
    """The seed's figures, counted straight from the tables."""
    sent = (
        sa.select(Plan.id)
        .join(Plan.campaign)
        .where(Campaign.year == 2021, Plan.status.in_(SENT_STATUSES))
    )
    projects = sa.select(Project.target, sa.func.count()).where(Project.plan_id.in_(sent))
    by_target = dict(db.session.execute(projects.group_by(Project.target)).all())
    campaign = db.session.scalar(sa.select(Campaign).where(Campaign.year == 2021))
    return {
        "invited": len(campaign.invited_departments),
        "sent": db.session.scalar(sa.select(sa.func.count()).select_from(sent.subquery())),
        "projects": sum(by_target.values()),
        "citizens": by_target.get(Target.CITIZENS, 0),
        "economic_operators": by_target.get(Target.ECONOMIC_OPERATORS, 0),
        "all_2021_rows": db.session.scalar(
            sa.select(sa.func.count()).select_from(Project).where(Project.year == 2021)
        ),
    }


def scaled_projects() -> list[Project]:
    return list(
        db.session.scalars(sa.select(Project).where(Project.year < 2021).order_by(Project.id))
    )


def test_adds_n_projects_over_earlier_years_in_every_department(demo_app):
    before = figures_2021()
    summary = scale_projects(600, seed=1, chunk_size=250)

    assert summary.projects == 600
    assert summary.campaigns_created == len(SCALE_YEARS) == 6
    assert summary.plans_created == 6 * 34
    projects = scaled_projects()
    assert len(projects) == 600
    assert {p.year for p in projects} == set(SCALE_YEARS)
    assert all(p.year < 2021 for p in projects)
    # Spread over (almost) every department: 600 projects over 34 departments.
    assert len({p.department_id for p in projects}) >= 30
    assert (
        figures_2021()
        == before
        == {
            "invited": 34,
            "sent": 28,
            "projects": 222,
            "citizens": 31,
            "economic_operators": 22,
            "all_2021_rows": before["all_2021_rows"],
        }
    )


def test_the_batch_and_its_campaigns_are_in_the_audit_log(demo_app):
    from digiweb.audit.models import AuditLog

    scale_projects(80, seed=10)
    actions = Counter(db.session.scalars(sa.select(AuditLog.action)))
    assert actions["projects_generated"] == 1
    entry = db.session.scalar(sa.select(AuditLog).where(AuditLog.action == "projects_generated"))
    assert entry.changes["projects"] == [0, 80]
    created = db.session.scalars(
        sa.select(AuditLog.entity_label).where(AuditLog.action == "campaign_created")
    )
    assert {str(y) for y in SCALE_YEARS} <= set(created)


def test_campaigns_are_closed_with_one_plan_per_department_mostly_approved(demo_app):
    scale_projects(300, seed=2)
    departments = db.session.scalar(sa.select(sa.func.count(Department.id)))
    for year in SCALE_YEARS:
        campaign = db.session.scalar(sa.select(Campaign).where(Campaign.year == year))
        assert campaign.status == CampaignStatus.CLOSED
        assert len(campaign.invited_departments) == departments
        plans = list(db.session.scalars(sa.select(Plan).where(Plan.campaign_id == campaign.id)))
        assert len(plans) == departments
    statuses = Counter(
        db.session.scalars(sa.select(Plan.status).join(Plan.campaign).where(Campaign.year < 2021))
    )
    assert statuses[PlanStatus.APPROVED] > sum(statuses.values()) / 2
    # Projects only in plans the ministry received, their department and year copied right.
    for project in scaled_projects():
        assert project.plan.status in SENT_STATUSES
        assert project.department_id == project.plan.department_id
        assert project.year == project.plan.campaign.year


def test_references_are_unique_and_continue_after_each_plan(demo_app):
    scale_projects(400, seed=3, chunk_size=150)
    scale_projects(400, seed=3, chunk_size=150)  # the same seed again: still new references

    projects = scaled_projects()
    assert len(projects) == 800
    references = [p.reference for p in projects]
    assert len(set(references)) == len(references)
    per_plan: dict[int, list[int]] = {}
    for project in projects:
        match = REFERENCE.match(project.reference)
        assert match, project.reference
        year, code, number = match.groups()
        assert int(year) == project.year
        assert code == project.department.code
        assert int(number) == project.sequence
        per_plan.setdefault(project.plan_id, []).append(project.sequence)
    for sequences in per_plan.values():
        assert sorted(sequences) == list(range(1, len(sequences) + 1))
    # The second run reused the campaigns and plans of the first.
    assert db.session.scalar(
        sa.select(sa.func.count(Campaign.id)).where(Campaign.year < 2021)
    ) == len(SCALE_YEARS)


def test_search_text_is_what_the_orm_would_compute(demo_app):
    scale_projects(300, seed=4)
    projects = scaled_projects()
    stored = {p.id: p.search_text for p in projects}
    for project in projects:
        project.refresh_search_text()
        assert project.search_text == stored[project.id], project.reference
    db.session.rollback()


def test_values_are_valid_and_consistent(demo_app):
    scale_projects(500, seed=5)
    projects = scaled_projects()  # loading them validates every enum value
    assert {p.status for p in projects} >= {ProjectStatus.COMPLETED, ProjectStatus.IN_PROGRESS}
    for p in projects:
        assert p.title_ar and p.title_fr and p.summary_ar and p.summary_fr
        assert p.target is not None and p.kind is not None and p.priority is not None
        assert p.funding_source is not None
        assert 0 <= p.progress <= 100
        assert (p.progress == 100) == (p.status == ProjectStatus.COMPLETED)
        assert p.start_date.year == p.year
        assert p.start_date < p.end_date
        assert p.budget_dzd > 0
        assert p.version == 1
        assert p.created_at.tzinfo is not None and p.created_at.year == p.year
    links = db.session.scalar(
        sa.select(sa.func.count())
        .select_from(ProjectTechnology)
        .join(Project, Project.id == ProjectTechnology.project_id)
        .where(Project.year < 2021)
    )
    assert links >= len(projects) // 2


def test_titles_are_bilingual_and_name_wilayas(demo_app):
    scale_projects(400, seed=6)
    projects = scaled_projects()
    wilaya_titles = [p for p in projects if "ولاية" in p.title_ar]
    assert len(wilaya_titles) > len(projects) / 2
    for project in wilaya_titles:
        assert "wilaya " in project.title_fr
        name_ar = project.title_ar.rsplit("ولاية ", 1)[1]
        french = {ar: fr for ar, _, fr in WILAYAS}[name_ar]
        assert project.title_fr.endswith(f"wilaya {french}")
    assert len({p.title_ar for p in projects}) > len(projects) * 0.9
    # An Arabic search written with other letter forms finds some projects, not all of them.
    word = normalize_search("الوطنية")
    hits = sum(word in p.search_text for p in projects)
    assert 0 < hits < len(projects)


def test_works_on_an_empty_database(app):
    summary = scale_projects(50, seed=7)
    assert summary.projects == 50
    assert db.session.scalar(sa.select(sa.func.count(Department.id))) == 34
    assert len(scaled_projects()) == 50


def test_refuses_the_demo_year_and_negative_counts(app):
    with pytest.raises(ValueError):
        scale_projects(10, years=(2020, 2021))
    with pytest.raises(ValueError):
        scale_projects(-1)


def test_cli_reports_progress_and_keeps_2021(demo_app):
    before = figures_2021()
    result = demo_app.test_cli_runner().invoke(args=["demo", "scale", "--projects", "120"])
    assert result.exit_code == 0, result.output
    assert "120/120 projects" in result.output
    assert "projects added: 120" in result.output
    assert len(scaled_projects()) == 120
    assert figures_2021() == before

    result = demo_app.test_cli_runner().invoke(args=["demo", "scale", "--projects", "-5"])
    assert result.exit_code != 0


def test_both_insert_paths_give_the_same_kind_of_rows(demo_app):
    """PostgreSQL takes COPY by default; the plain bulk INSERTs must stay right too."""
    scale_projects(150, seed=8, chunk_size=60)
    scale_projects(150, seed=9, chunk_size=60, force_core=True)
    projects = scaled_projects()
    assert len({p.reference for p in projects}) == 300
    stored = {p.id: p.search_text for p in projects}
    for project in projects:
        assert project.technologies == sorted(set(project.technologies), key=list(Technology).index)
        project.refresh_search_text()
        assert project.search_text == stored[project.id]
    db.session.rollback()
