"""Loading the demo data of the seed: departments, accounts, the 2021 campaign with its plans
and projects, and the working session of 25 March 2021. Idempotent."""

from datetime import date, datetime, time, timedelta

from werkzeug.security import generate_password_hash

from digiweb.audit.services import snapshot
from digiweb.auth.models import Role, User
from digiweb.campaigns.models import Campaign
from digiweb.campaigns.services import campaign_for_year, create_campaign, open_campaign
from digiweb.clock import local_to_utc
from digiweb.departments.services import departments_by_code, load_departments
from digiweb.extensions import db
from digiweb.meetings.models import (
    AgendaItem,
    Attendance,
    Attendee,
    Decision,
    DecisionStatus,
    Meeting,
    MeetingKind,
    MeetingStatus,
)
from digiweb.plans.models import (
    FundingSource,
    Indicator,
    IndicatorValue,
    Plan,
    PlanEvent,
    PlanEventKind,
    PlanStatus,
    Priority,
    ProgressUpdate,
    Project,
    ProjectKind,
    ProjectRating,
    ProjectStatus,
    Rating,
    RatingSource,
    Target,
)
from digiweb.projects.schema import MATURITY_FIELDS
from digiweb.review.models import ProjectReview, ProjectVerdict
from digiweb.review.services import PROJECT_FIELDS

DEMO_PASSWORD = "digiweb-demo"  # noqa: S105 - the documented password of the demo accounts

# (username, role, full name, full name in Arabic script)
STAFF_ACCOUNTS = (
    ("admin", Role.ADMIN, "Administrateur digiweb", "مدير منصة الرقمنة"),
    ("reviewer", Role.REVIEWER, "Samia Haddad", "سامية حداد"),
    ("viewer", Role.VIEWER, "Cabinet du ministre", "ديوان الوزير"),
)


def _local(year, month, day, hour=10, minute=0) -> datetime:
    return local_to_utc(date(year, month, day), time(hour, minute))


def reset_database() -> None:
    """Delete every row of every table (the demo's --reset). The audit log's triggers refuse
    that: they are lifted for this transaction (on PostgreSQL only the tables' owner may)."""
    from digiweb.audit import schema

    with schema.suspended(db.session):
        for table in reversed(db.metadata.sorted_tables):
            db.session.execute(table.delete())
    db.session.commit()


def _officer_names() -> dict[str, tuple[str, str]]:
    """The digitization officers named in the demo meeting, by department code: (name in
    French, name in Arabic script)."""
    from digiweb.demo import data

    names = {
        a["department"]: (a["name_fr"], a["name_ar"])
        for a in data.demo_meeting()["attendees"]
        if a["department"]
    }
    # Departments that did not attend the meeting (their plans were not sent).
    others = iter(
        (
            ("Amel Bouzid", "أمال بوزيد"),
            ("Rachid Mebarki", "رشيد مباركي"),
            ("Lynda Ait Ali", "ليندة آيت علي"),
            ("Farid Zerrouki", "فريد زروقي"),
            ("Houria Saidi", "حورية سعيدي"),
            ("Walid Bensalem", "وليد بن سالم"),
            ("Meriem Cherif", "مريم شريف"),
            ("Nassim Ouali", "نسيم والي"),
        )
    )
    for code in departments_by_code():
        if code not in names:
            names[code] = next(others, (f"Officer {code}", ""))
    return names


def ensure_accounts() -> int:
    """The staff accounts and one officer per department, all with the demo password."""
    existing = set(db.session.scalars(db.select(User.username)))
    # One hash for all: the same password, and 38 key derivations would take seconds.
    password_hash = generate_password_hash(DEMO_PASSWORD)
    officer_names = _officer_names()
    created = 0
    for username, role, full_name, full_name_ar in STAFF_ACCOUNTS:
        if username not in existing:
            db.session.add(
                User(
                    username=username,
                    role=role,
                    full_name=full_name,
                    full_name_ar=full_name_ar,
                    password_hash=password_hash,
                )
            )
            created += 1
    for code, department in departments_by_code().items():
        username = f"officer-{code.lower()}"
        full_name, full_name_ar = officer_names.get(code, (f"Officer {code}", ""))
        if username not in existing:
            db.session.add(
                User(
                    username=username,
                    role=Role.OFFICER,
                    department=department,
                    full_name=full_name,
                    full_name_ar=full_name_ar,
                    email=f"numerisation.{code.lower()}@intranet.gov.dz",
                    password_hash=password_hash,
                    language="fr" if code in ("MF", "MNS") else "ar",
                )
            )
            created += 1
    db.session.flush()
    return created


def _project_from_spec(plan: Plan, spec: dict) -> Project:
    code = plan.department.code
    project = Project(
        plan=plan,
        department_id=plan.department_id,
        year=plan.campaign.year,
        sequence=spec["sequence"],
        reference=f"{plan.campaign.year}-{code}-{spec['sequence']:03d}",
        title_ar=spec["title_ar"] or "",
        title_fr=spec["title_fr"] or "",
        summary_ar=spec["summary_ar"] or "",
        summary_fr=spec["summary_fr"] or "",
        target=Target(spec["target"]) if spec.get("target") else None,
        kind=ProjectKind(spec["kind"]) if spec.get("kind") else None,
        status=ProjectStatus(spec.get("status") or "planned"),
        progress=spec.get("progress") or 0,
        priority=Priority(spec["priority"]) if spec.get("priority") else None,
        start_date=spec.get("start_date"),
        end_date=spec.get("end_date"),
        budget_dzd=spec.get("budget_dzd"),
        funding_source=FundingSource(spec["funding_source"])
        if spec.get("funding_source")
        else None,
        procedure_ar=spec.get("procedure_ar") or "",
        procedure_fr=spec.get("procedure_fr") or "",
        beneficiaries_ar=spec.get("beneficiaries_ar") or "",
        beneficiaries_fr=spec.get("beneficiaries_fr") or "",
        partners=spec.get("partners") or "",
        **{name: spec.get(name) for name in MATURITY_FIELDS},
    )
    project.technologies = spec.get("technologies") or []
    return project


def _play_workflow(plan: Plan, status: str, officer: User | None, reviewer: User, index: int):
    """Give a demo plan the timeline that leads to its status."""
    day = 1 + index % 12
    sent = _local(2021, 3, day, 9 + index % 6)
    plan.status = PlanStatus(status)
    events = []
    if status in ("draft",):
        plan.last_activity_at = _local(2021, 3, 10 + index % 10)
        return
    if status == "not_started":
        return
    plan.submitted_at = sent
    plan.submitted_by_id = officer.id if officer else None
    if officer is not None:
        plan.contact_name, plan.contact_email = officer.full_name, officer.email
    events.append((sent, PlanEventKind.SUBMITTED, officer, "", "draft", "submitted"))
    if status == "returned":
        when = sent + timedelta(days=4)
        plan.returned_at = when
        events.append(
            (
                when,
                PlanEventKind.RETURNED,
                reviewer,
                "Merci de préciser les dates et le budget de chaque projet.",
                "submitted",
                "returned",
            )
        )
    if status == "approved":
        when = sent + timedelta(days=6)
        plan.approved_at = when
        plan.approved_by_id = reviewer.id
        events.append((when, PlanEventKind.APPROVED, reviewer, "", "submitted", "approved"))
    plan.last_activity_at = events[-1][0]
    for created_at, kind, actor, comment, before, after in events:
        db.session.add(
            PlanEvent(
                plan=plan,
                kind=kind,
                actor_id=actor.id if actor else None,
                comment=comment,
                status_from=before,
                status_to=after,
                created_at=created_at,
            )
        )


def ensure_campaign_2021() -> Campaign | None:
    from digiweb.demo import data

    if campaign_for_year(data.DEMO_YEAR) is not None:
        return None
    reviewer = db.session.scalar(db.select(User).where(User.username == "reviewer"))
    officers = {
        u.department.code: u
        for u in db.session.scalars(db.select(User).where(User.role == Role.OFFICER))
    }
    seed = data.demo_campaign()
    created = seed["created_on"]
    campaign = create_campaign(
        year=seed["year"],
        title_ar=seed["title_ar"],
        title_fr=seed["title_fr"],
        opens_on=seed["opens_on"],
        deadline=seed["deadline"],
        instructions_ar=seed["instructions_ar"],
        instructions_fr=seed["instructions_fr"],
    )
    campaign.created_at = _local(created.year, created.month, created.day)
    open_campaign(campaign)
    plans = {p.department.code: p for p in campaign_plans(campaign)}
    # Each plan was created when the campaign opened (not when the demo was loaded): its
    # timeline starts before its sending and approval.
    opened = seed["opens_on"]
    for plan in plans.values():
        plan.created_at = _local(opened.year, opened.month, opened.day)
        for event in plan.events:
            if event.kind == PlanEventKind.CREATED:
                event.created_at = plan.created_at
    statuses = {**data.SENT_PLAN_STATUS, **data.UNSENT_PLAN_STATUS}
    for spec in data.demo_projects():
        plan = plans[spec["department"]]
        db.session.add(_project_from_spec(plan, spec))
    for index, (code, status) in enumerate(sorted(statuses.items())):
        _play_workflow(plans[code], status, officers.get(code), reviewer, index)
    db.session.flush()
    _accept_approved_projects(plans.values(), reviewer)
    _add_follow_up(campaign, officers, reviewer)
    return campaign


def _accept_approved_projects(plans, reviewer: User) -> None:
    """An approved plan has every project decided (digiweb.review.decisions): the demo's
    approved plans have theirs accepted by the reviewer, an hour before the approval, so that
    the accepted projects add up to the approved plans' projects."""
    for plan in sorted(plans, key=lambda p: p.department.code):
        if plan.status != PlanStatus.APPROVED:
            continue
        for project in plan.projects:
            db.session.add(
                ProjectReview(
                    plan_id=plan.id,
                    project_id=project.id,
                    verdict=ProjectVerdict.ACCEPTED,
                    actor_id=reviewer.id,
                    decided_at=plan.approved_at - timedelta(hours=1),
                    snapshot=snapshot(project, PROJECT_FIELDS),
                )
            )


def _add_follow_up(campaign: Campaign, officers: dict, reviewer: User) -> None:
    """The ratings and indicators of demo_follow_up(): each self-rating with the progress
    update it was given at, in the officer's language; the reviewer's in French."""
    from digiweb.demo import data

    follow_up = data.demo_follow_up()
    projects = {
        p.reference: p
        for p in db.session.scalars(db.select(Project).where(Project.year == campaign.year))
    }
    for item in follow_up["self_ratings"]:
        project = projects[item["reference"]]
        officer = officers.get(project.department.code)
        language = getattr(officer.language, "value", officer.language) if officer else "ar"
        reason = item["reason"][1] if language == "fr" else item["reason"][0]
        when = _local(item["on"].year, item["on"].month, item["on"].day, 11)
        update = ProgressUpdate(
            project_id=project.id,
            actor_id=officer.id if officer else None,
            status=project.status,
            progress=project.progress,
            note=reason,
            created_at=when,
        )
        db.session.add(update)
        db.session.flush()
        db.session.add(
            ProjectRating(
                project_id=project.id,
                source=RatingSource.SELF,
                rating=Rating(item["rating"]),
                reason=reason,
                actor_id=officer.id if officer else None,
                progress_update_id=update.id,
                created_at=when,
            )
        )
    for item in follow_up["ministry_ratings"]:
        on = item["on"]
        db.session.add(
            ProjectRating(
                project_id=projects[item["reference"]].id,
                source=RatingSource.MINISTRY,
                rating=Rating(item["rating"]),
                reason=item["reason"][1],
                actor_id=reviewer.id,
                created_at=_local(on.year, on.month, on.day, 15),
            )
        )
    for item in follow_up["indicators"]:
        indicator = Indicator(
            project_id=projects[item["reference"]].id,
            label_ar=item["label_ar"],
            label_fr=item["label_fr"],
            unit=item["unit"],
            baseline=item["baseline"],
            target=item["target"],
        )
        indicator.values = [
            IndicatorValue(year=year, value=value) for year, value in item["values"].items()
        ]
        db.session.add(indicator)


def campaign_plans(campaign: Campaign) -> list[Plan]:
    return list(db.session.scalars(db.select(Plan).where(Plan.campaign_id == campaign.id)))


def ensure_meeting_2021() -> Meeting | None:
    from digiweb.demo import data

    spec = data.demo_meeting()
    if db.session.scalar(db.select(Meeting).where(Meeting.reference == spec["reference"])):
        return None
    departments = departments_by_code()
    starts_local = spec["starts_at_local"]
    starts = local_to_utc(starts_local.date(), starts_local.time())
    meeting = Meeting(
        reference=spec["reference"],
        year=starts.year,
        number=int(spec["reference"].rsplit("-", 1)[1]),
        title_ar=spec["title_ar"],
        title_fr=spec["title_fr"],
        kind=MeetingKind(spec["kind"]),
        starts_at=starts,
        place_ar=spec["place_ar"],
        place_fr=spec["place_fr"],
        chair_ar=spec["chair_ar"],
        chair_fr=spec["chair_fr"],
        campaign=campaign_for_year(starts.year),
        status=MeetingStatus(spec["status"]),
        minutes_ar=spec["minutes_ar"],
        minutes_fr=spec["minutes_fr"],
    )
    officers = {
        u.department_id: u
        for u in db.session.scalars(db.select(User).where(User.role == Role.OFFICER))
    }
    for position, item in enumerate(spec["attendees"], start=1):
        department = departments.get(item["department"]) if item["department"] else None
        meeting.attendees.append(
            Attendee(
                position=position,
                name_fr=item["name_fr"],
                name_ar=item["name_ar"],
                function_ar=item["function_ar"],
                function_fr=item["function_fr"],
                department=department,
                user=officers.get(department.id) if department else None,
                attendance=Attendance(item["attendance"]),
            )
        )
    for position, item in enumerate(spec["agenda"], start=1):
        meeting.agenda_items.append(
            AgendaItem(position=position, title_ar=item["title_ar"], title_fr=item["title_fr"])
        )
    for position, item in enumerate(spec["decisions"], start=1):
        meeting.decisions.append(
            Decision(
                position=position,
                text_ar=item["text_ar"],
                text_fr=item["text_fr"],
                owner_department=departments.get(item["owner_department"]),
                due_date=item["due_date"],
                status=DecisionStatus(item["status"]),
            )
        )
    db.session.add(meeting)
    return meeting


def load_demo(reset: bool = False) -> list[str]:
    if reset:
        reset_database()
    lines = [f"departments created: {load_departments()}"]
    lines.append(f"accounts created: {ensure_accounts()}")
    campaign = ensure_campaign_2021()
    lines.append("campaign 2021 created" if campaign else "campaign 2021 already present")
    meeting = ensure_meeting_2021()
    lines.append(f"meeting {meeting.reference} created" if meeting else "meeting already present")
    db.session.commit()
    return lines
