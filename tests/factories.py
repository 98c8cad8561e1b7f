"""Small builders for tests that need records without the whole demo."""

from itertools import count

from werkzeug.security import generate_password_hash

from digiweb.auth.models import Role, User
from digiweb.campaigns.services import create_campaign, open_campaign
from digiweb.departments.models import Department
from digiweb.extensions import db
from digiweb.plans.models import Plan, Project, ProjectKind, Target

PASSWORD = "correct horse battery"
_PASSWORD_HASH = generate_password_hash(PASSWORD)
_seq = count(1)


def make_department(code: str | None = None, **fields) -> Department:
    code = code or f"D{next(_seq)}"
    department = Department(
        code=code,
        name_ar=fields.pop("name_ar", f"وزارة {code}"),
        name_fr=fields.pop("name_fr", f"Ministère {code}"),
        **fields,
    )
    db.session.add(department)
    db.session.flush()
    return department


def make_user(username: str | None = None, role: Role = Role.OFFICER, **fields) -> User:
    username = username or f"user{next(_seq)}"
    if role == Role.OFFICER and "department" not in fields:
        fields["department"] = make_department()
    user = User(username=username, role=role, password_hash=_PASSWORD_HASH, **fields)
    db.session.add(user)
    db.session.flush()
    return user


def make_campaign(year: int = 2030, departments=None, open_it: bool = True):
    campaign = create_campaign(
        year=year,
        title_ar=f"استبيان {year}",
        title_fr=f"Questionnaire {year}",
        departments=departments,
    )
    if open_it:
        open_campaign(campaign)
    db.session.flush()
    return campaign


def plan_of(campaign, department) -> Plan:
    return db.session.scalar(
        db.select(Plan).where(Plan.campaign_id == campaign.id, Plan.department_id == department.id)
    )


def make_project(plan: Plan, **fields) -> Project:
    sequence = fields.pop("sequence", None) or (len(plan.projects) + 1)
    project = Project(
        plan=plan,
        department_id=plan.department_id,
        year=plan.campaign.year,
        sequence=sequence,
        reference=f"{plan.campaign.year}-{plan.department.code}-{sequence:03d}",
        title_ar=fields.pop("title_ar", "منصة رقمية"),
        title_fr=fields.pop("title_fr", "Plateforme numérique"),
        target=fields.pop("target", Target.CITIZENS),
        kind=fields.pop("kind", ProjectKind.PLATFORM),
        **fields,
    )
    db.session.add(project)
    db.session.flush()
    return project
