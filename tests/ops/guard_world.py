"""The query-count guards' campaign (tests/<area>/test_*query_guards.py), built with
tests/factories.py: campaigns of any size, with sent plans, projects (with technologies),
timelines, remarks and follow-ups, so that a page can be measured on a small and on a large
campaign; and the measure itself."""

from dataclasses import dataclass, field
from datetime import UTC, datetime

from digiweb.audit.services import record
from digiweb.extensions import db
from digiweb.plans.models import (
    PlanEvent,
    PlanEventKind,
    PlanStatus,
    ProgressUpdate,
    ProjectStatus,
    ProjectTechnology,
    Technology,
)
from tests.factories import make_campaign, make_department, make_plan, make_project, make_user


@dataclass
class GuardCampaign:
    year: int
    campaign_id: int
    plan_ids: list[int] = field(default_factory=list)
    project_ids: list[int] = field(default_factory=list)
    officers: list[str] = field(default_factory=list)


def build_campaign(
    year: int,
    departments: int,
    projects_per_plan: int,
    status: PlanStatus = PlanStatus.APPROVED,
    history: int = 1,
) -> GuardCampaign:
    """A campaign of `departments` departments (each with its officer), every plan in
    `status` with `projects_per_plan` projects, and `history` timeline events, remarks and
    follow-ups per plan/project."""
    now = datetime(year, 3, 1, 9, 0, tzinfo=UTC)
    depts = [make_department(f"G{year % 100:02d}{i:02d}") for i in range(departments)]
    officers = [make_user(f"officer-{d.code.lower()}", department=d).username for d in depts]
    campaign = make_campaign(year, departments=depts)
    result = GuardCampaign(year, campaign.id, officers=officers)
    for department in depts:
        plan = make_plan(
            campaign,
            department,
            status,
            submitted_at=now,
            contact_name="Contact",
            approved_at=now if status == PlanStatus.APPROVED else None,
        )
        result.plan_ids.append(plan.id)
        for _ in range(projects_per_plan):
            project = make_project(plan, status=ProjectStatus.IN_PROGRESS, progress=10)
            result.project_ids.append(project.id)
            db.session.add(ProjectTechnology(project_id=project.id, technology=Technology.CLOUD))
            for n in range(history):
                record(
                    "update",
                    "project",
                    project.id,
                    label=project.reference,
                    changes={"progress": [n, n + 1]},
                    actor_name="officer",
                )
                db.session.add(
                    ProgressUpdate(
                        project_id=project.id,
                        status=ProjectStatus.IN_PROGRESS,
                        progress=10 + n,
                        note=f"Suivi {n}",
                    )
                )
                db.session.add(
                    PlanEvent(
                        plan_id=plan.id,
                        project_id=project.id,
                        kind=PlanEventKind.REMARK,
                        comment=f"Remarque {n}",
                    )
                )
        for n in range(history):
            db.session.add(
                PlanEvent(
                    plan_id=plan.id,
                    kind=PlanEventKind.SUBMITTED,
                    status_from="draft",
                    status_to="submitted",
                    comment=f"Envoi {n}",
                )
            )
    db.session.commit()
    return result


def measure(client, count_queries, url: str, htmx: bool = False):
    """(counter, body) of the second of two identical requests (the first warms the session
    and any cache); the page must answer 200."""
    headers = {"HX-Request": "true"} if htmx else {}
    first = client.get(url, headers=headers)
    assert first.status_code == 200, (url, first.status_code)
    with count_queries() as counter:
        response = client.get(url, headers=headers)
    assert response.status_code == 200, (url, response.status_code)
    return counter, response.get_data(as_text=True)
