"""The suite's one set of builders, for tests that need records without the whole demo.

Records: make_department, make_user, make_staff, make_campaign, make_plan, make_project,
make_complete_project, add_projects, bulk_projects, make_meeting. Each flushes (ids are set)
and leaves the commit to the caller, except add_projects and bulk_projects, which commit (as
a page or a report sees the projects).

Scenario: make_world(), the departments-officers-staff-campaign setup that most areas start
from, returned as a World whose records are read by name.

Clients: log_in(client, user) and client_as(app, user) for accounts made here (PASSWORD).
"""

from collections.abc import Mapping
from datetime import date, time
from itertools import count

from sqlalchemy import insert
from sqlalchemy import inspect as sa_inspect
from werkzeug.security import generate_password_hash

from digiweb.auth.models import Role, User
from digiweb.campaigns.models import Campaign, CampaignStatus
from digiweb.campaigns.services import close_campaign, create_campaign, open_campaign
from digiweb.clock import local_to_utc
from digiweb.departments.models import Department
from digiweb.extensions import db
from digiweb.i18n import normalize_search
from digiweb.meetings.models import Meeting
from digiweb.plans.models import (
    FundingSource,
    Plan,
    PlanStatus,
    Priority,
    Project,
    ProjectKind,
    Target,
)
from tests.conftest import CSRFClient, login

PASSWORD = "correct horse battery"
_PASSWORD_HASH = generate_password_hash(PASSWORD)
_seq = count(1)

STAFF = {"reviewer": Role.REVIEWER, "viewer": Role.VIEWER, "admin": Role.ADMIN}
MF = ("MF", "وزارة المالية", "Ministère des Finances")
MJ = ("MJ", "وزارة العدل", "Ministère de la Justice")

_OWN_DEPARTMENT = object()  # make_user's default: an officer gets a department of their own


# --- records ---------------------------------------------------------------------------------


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


def make_user(
    username: str | None = None,
    role: Role = Role.OFFICER,
    department: Department | None = _OWN_DEPARTMENT,
    **fields,
) -> User:
    """An account whose password is PASSWORD. An officer gets a new department unless one is
    given (department=None: an officer without a department)."""
    username = username or f"user{next(_seq)}"
    if department is _OWN_DEPARTMENT:
        department = make_department() if role == Role.OFFICER else None
    user = User(
        username=username,
        role=role,
        department=department,
        password_hash=_PASSWORD_HASH,
        **fields,
    )
    db.session.add(user)
    db.session.flush()
    return user


def make_staff(fields: dict[str, dict] | None = None) -> dict[str, User]:
    """The ministry's staff accounts: reviewer, viewer, admin (`fields` by username)."""
    fields = fields or {}
    return {
        username: make_user(username, role=role, **fields.get(username, {}))
        for username, role in STAFF.items()
    }


def make_campaign(
    year: int = 2030,
    status: CampaignStatus = CampaignStatus.OPEN,
    departments: list[Department] | None = None,
    **fields,
) -> Campaign:
    """The `year` campaign, made through the campaign services: inviting `departments` (by
    default every active one), then opened (one plan per department, not started) and closed
    as `status` asks. `fields`: create_campaign's other arguments (deadline...)."""
    campaign = create_campaign(
        year=year,
        title_ar=f"استبيان {year}",
        title_fr=f"Questionnaire {year}",
        departments=departments,
        **fields,
    )
    if status != CampaignStatus.DRAFT:
        open_campaign(campaign)
    if status == CampaignStatus.CLOSED:
        close_campaign(campaign)
    db.session.flush()
    return campaign


def make_plan(
    campaign: Campaign, department: Department, status: PlanStatus | None = None, **fields
) -> Plan:
    """The plan of `department` in `campaign` (made when the campaign opened; made here for a
    department the campaign did not invite), put in `status` with `fields` if given."""
    plan = db.session.scalar(
        db.select(Plan).where(Plan.campaign_id == campaign.id, Plan.department_id == department.id)
    )
    if plan is None:
        plan = Plan(campaign=campaign, department=department, status=PlanStatus.NOT_STARTED)
        db.session.add(plan)
    if status is not None:
        plan.status = status
    for name, value in fields.items():
        setattr(plan, name, value)
    db.session.flush()
    return plan


def make_project(plan: Plan, **fields) -> Project:
    """A project numbered after the plan's last one (reference YEAR-CODE-NNN)."""
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


def make_complete_project(plan: Plan, **fields) -> Project:
    """A project with every field the plans area requires before a plan is sent."""
    values = {
        "summary_ar": "ملخص المشروع",
        "summary_fr": "Résumé du projet",
        "target": Target.CITIZENS,
        "kind": ProjectKind.PLATFORM,
        "start_date": date(2030, 2, 1),
        "end_date": date(2030, 12, 31),
        "budget_dzd": 12_500_000,
        "funding_source": FundingSource.STATE_BUDGET,
        "priority": Priority.HIGH,
    }
    values.update(fields)
    return make_project(plan, **values)


def add_projects(plan: Plan, how_many: int, **fields) -> list[Project]:
    """`how_many` projects with the same `fields`, committed (as a page or a report sees
    them)."""
    projects = [make_project(plan, **fields) for _ in range(how_many)]
    db.session.commit()
    return projects


def bulk_projects(plan: Plan, how_many: int, start: int = 1) -> None:
    """`how_many` projects in one INSERT per 5,000 (mapper events do not run: search_text is
    given), committed."""
    code, year = plan.department.code, plan.campaign.year
    rows = []
    for sequence in range(start, start + how_many):
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


def meeting_values(**changes) -> dict:
    """A meeting's values as the meetings services take them (a working session held on
    25 March 2021 at 09:30, Algiers time)."""
    values = {
        "title_ar": "جلسة عمل",
        "title_fr": "Séance de travail",
        "kind": "working_session",
        "starts_at": local_to_utc(date(2021, 3, 25), time(9, 30)),
        "place_ar": "الجزائر",
        "place_fr": "Alger",
        "chair_ar": "الوزير",
        "chair_fr": "Le ministre",
        "campaign_id": None,
        "status": "held",
    }
    values.update(changes)
    return values


def make_meeting(
    campaign: Campaign | None = None, *, attendees=(), agenda=(), decisions=(), **values
) -> Meeting:
    """A meeting made through the meetings services (numbered MNS-YEAR-NNN in the year of its
    date, audited), about `campaign`, with its attendees (attendance.AttendeeValues), agenda
    items ((title_ar, title_fr)) and decisions (decisions.DecisionValues) added in that order.
    `values` change meeting_values()."""
    from digiweb.meetings import services
    from digiweb.meetings.agenda import add_agenda_item
    from digiweb.meetings.attendance import add_attendee
    from digiweb.meetings.decisions import add_decision

    if campaign is not None:
        values["campaign_id"] = campaign.id
    meeting = services.create_meeting(meeting_values(**values))
    for attendee in attendees:
        add_attendee(meeting, attendee)
    for title_ar, title_fr in agenda:
        add_agenda_item(meeting, title_ar, title_fr)
    for decision in decisions:
        add_decision(meeting, decision)
    return meeting


# --- the shared scenario ---------------------------------------------------------------------


class World:
    """A scenario's records by name: `world.plan_mf`, `world.users["reviewer"]`... Each record
    is read from the current session when asked for (no query while the session holds it
    unexpired), so a test can keep using the world across requests, commits and rollbacks.
    Lists and dicts of records are read the same way; other values are returned as they are."""

    def __init__(self, **entries):
        object.__setattr__(self, "_entries", {})
        self.add(**entries)

    def add(self, **entries) -> "World":
        for name, value in entries.items():
            self._entries[name] = _keep(value)
        return self

    def __getattr__(self, name):
        try:
            entry = self._entries[name]
        except KeyError:
            raise AttributeError(name) from None
        return _read(entry)

    def __setattr__(self, name, value):
        raise AttributeError("add records with world.add(name=record)")


class _Record:
    """A record of the world: its class and primary key, and the object itself so that the
    session's identity map keeps it (as a test holding it would)."""

    def __init__(self, obj):
        self.obj = obj
        self.model = type(obj)
        self.identity = sa_inspect(obj).identity


def _keep(value):
    if isinstance(value, db.Model):
        return _Record(value)
    if isinstance(value, list | tuple):
        return [_keep(v) for v in value]
    if isinstance(value, dict):
        return {k: _keep(v) for k, v in value.items()}
    return value


class _Records(Mapping):
    """A dict of the world's records, each read when looked up."""

    def __init__(self, entries: dict):
        self._entries = entries

    def __getitem__(self, key):
        return _read(self._entries[key])

    def __iter__(self):
        return iter(self._entries)

    def __len__(self):
        return len(self._entries)


def _read(entry):
    if isinstance(entry, _Record):
        return db.session.get(entry.model, entry.identity)
    if isinstance(entry, list):
        return [_read(e) for e in entry]
    if isinstance(entry, dict):
        return _Records(entry)
    return entry


def make_world(
    year: int = 2030,
    departments: tuple[tuple[str, str, str], ...] = (MF, MJ),
    users: dict[str, dict] | None = None,
) -> World:
    """Departments given as (code, name_ar, name_fr), each with its officer `officer-<code>`;
    the staff (reviewer, viewer, admin); the `year` campaign, open, inviting every one of the
    departments, each with its (not started) plan. `users`: extra fields by username
    (full_name, email, language...). Flushed, not committed: the area adds its own records.

    world.<code> is a department, world.plan_<code> its plan, world.officer_<code> its officer
    (codes in lower case); world.campaign; world.reviewer, world.viewer, world.admin;
    world.users[username] for every account."""
    users = users or {}
    world = World()
    made = [make_department(code, name_ar=ar, name_fr=fr) for code, ar, fr in departments]
    accounts = {}
    for department in made:
        username = f"officer-{department.code.lower()}"
        accounts[username] = make_user(username, department=department, **users.get(username, {}))
    staff = make_staff(users)
    accounts.update(staff)
    campaign = make_campaign(year, departments=made)
    for department in made:
        key = department.code.lower()
        world.add(
            **{
                key: department,
                f"plan_{key}": make_plan(campaign, department),
                f"officer_{key}": accounts[f"officer-{key}"],
            }
        )
    world.add(campaign=campaign, users=accounts, **staff)
    return world


# --- clients ---------------------------------------------------------------------------------


def log_in(client, user: User | str, lang: str | None = None):
    """`client` logged in as an account made here (lang None: in the account's language);
    returns the client."""
    login(client, getattr(user, "username", user), PASSWORD, lang=lang)
    return client


def client_as(app, user: User | str | None, lang: str | None = None):
    """A new client that sends CSRF tokens, logged in as `user`; None: anonymous (having
    opened the login page in `lang`, if given)."""
    app.test_client_class = CSRFClient
    client = app.test_client()
    if user is not None:
        return log_in(client, user, lang)
    if lang:
        client.get(f"/login?lang={lang}")
    return client
