"""Records for the project-list tests, built with tests/factories.py (no demo data needed)."""

import re
from dataclasses import dataclass

from sqlalchemy import insert

from digiweb.auth.models import Role, User
from digiweb.departments.models import Department
from digiweb.extensions import db
from digiweb.i18n import normalize_search
from digiweb.plans.models import Plan, PlanStatus, Project, ProjectKind, Target
from tests.conftest import login
from tests.factories import (
    PASSWORD,
    make_campaign,
    make_department,
    make_project,
    make_user,
    plan_of,
)

YEAR = 2030
COUNT = re.compile(r'id="project-count" data-total="(\d+)"')
ROW_ID = re.compile(r'<tr id="project-(\d+)"')


@dataclass
class World:
    """Two departments in the YEAR campaign: SENT's plan was submitted, DRAFT's is a draft."""

    sent: Department
    draft: Department
    sent_plan: Plan
    draft_plan: Plan
    reviewer: User
    officer_sent: User
    officer_draft: User


def build_world() -> World:
    sent = make_department("SNT", name_ar="وزارة المالية", name_fr="Ministère des Finances")
    draft = make_department("DRF", name_ar="وزارة العدل", name_fr="Ministère de la Justice")
    campaign = make_campaign(YEAR, departments=[sent, draft])
    sent_plan, draft_plan = plan_of(campaign, sent), plan_of(campaign, draft)
    sent_plan.status = PlanStatus.SUBMITTED
    draft_plan.status = PlanStatus.DRAFT
    world = World(
        sent=sent,
        draft=draft,
        sent_plan=sent_plan,
        draft_plan=draft_plan,
        reviewer=make_user("rev", role=Role.REVIEWER),
        officer_sent=make_user("off-snt", role=Role.OFFICER, department=sent),
        officer_draft=make_user("off-drf", role=Role.OFFICER, department=draft),
    )
    db.session.commit()
    return world


def logged_in(client, user: User, lang: str = "fr"):
    login(client, user.username, PASSWORD, lang=lang)
    return client


def add_projects(plan: Plan, count: int, **fields) -> list[Project]:
    projects = [make_project(plan, **fields) for _ in range(count)]
    db.session.commit()
    return projects


def bulk_projects(plan: Plan, count: int, start: int = 1) -> None:
    """`count` projects in one INSERT (mapper events do not run: search_text is given)."""
    code, year = plan.department.code, plan.campaign.year
    rows = []
    for sequence in range(start, start + count):
        reference = f"{year}-{code}-{sequence:05d}"
        title_ar = f"منصة رقمية لتسيير الملفات رقم {sequence}"
        title_fr = f"Plateforme numérique de gestion des dossiers n° {sequence}"
        rows.append(
            {
                "plan_id": plan.id,
                "department_id": plan.department_id,
                "year": year,
                "sequence": sequence,
                "reference": reference,
                "title_ar": title_ar,
                "title_fr": title_fr,
                "summary_ar": "رقمنة الإجراءات الإدارية وتقريب الإدارة من المواطن",
                "summary_fr": "Numérisation des procédures administratives",
                "target": list(Target)[sequence % 4],
                "kind": list(ProjectKind)[sequence % 5],
                "progress": sequence % 101,
                "budget_dzd": 1_000_000 + sequence,
                "search_text": normalize_search(f"{reference} {title_ar} {title_fr}"),
            }
        )
    for offset in range(0, len(rows), 5000):
        db.session.execute(insert(Project), rows[offset : offset + 5000])
    db.session.commit()


def listed_count(body: str) -> int:
    return int(COUNT.search(body).group(1))


def listed_ids(client, query: str) -> list[int]:
    """Every project id the list shows for `query`, walking all its pages (fragments)."""
    ids, page = [], 1
    while True:
        response = client.get(f"/projects?{query}&page={page}", headers={"HX-Request": "true"})
        assert response.status_code == 200, response.status_code
        body = response.get_data(as_text=True)
        found = [int(i) for i in ROW_ID.findall(body)]
        if not found:
            return ids
        ids += found
        page += 1
