"""`demo scale --projects N`: synthetic history for benchmarks (issue 7).

Adds N projects to the closed campaigns of the years before the demo year (2015-2020), spread
over every department, so that the consolidated list, the search, the dashboard and the exports
can be measured on a realistic volume. The 2021 figures of the seed are never touched.

* Campaigns 2015-2020 that are missing are created closed, with one plan per department (mostly
  approved, a few returned or submitted, and a few not sent, which hold no project). Existing
  campaigns and plans are kept as they are; projects only go into plans that were sent.
* Titles, summaries, procedures… come from the hand-written demo vocabulary
  (`data.demo_projects()`), varied with a phase and one of the 48 wilayas (`data.phases()`,
  `data.wilayas()`), in Arabic and in French, so that an Arabic search has the selectivity it
  would have on real data.
* References continue after the highest sequence of each plan: running it twice adds N more.
* Rows go in through bulk INSERTs in chunks (a few seconds for 100,000); the ORM event that fills
  `search_text` does not run for those, so it is computed here exactly as
  `Project.refresh_search_text` does (the tests compare both).
"""

import math
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import Enum
from functools import cache, lru_cache

import sqlalchemy as sa

from digiweb.audit.services import record
from digiweb.auth.models import Role, User
from digiweb.cache import bump_data_version
from digiweb.campaigns.models import Campaign, CampaignStatus
from digiweb.demo import data
from digiweb.departments.models import Department
from digiweb.departments.services import load_departments
from digiweb.extensions import db
from digiweb.i18n import normalize_search
from digiweb.plans.models import (
    SENT_STATUSES,
    FundingSource,
    Plan,
    PlanEvent,
    PlanEventKind,
    PlanStatus,
    Priority,
    Project,
    ProjectKind,
    ProjectStatus,
    ProjectTechnology,
    Target,
    Technology,
)

SCALE_YEARS = tuple(range(2015, 2021))  # strictly before the demo year: 2021 stays exact
CHUNK_SIZE = 5000
PROGRESS_EVERY = 10_000
# The state of the history "today" in the demo (the session of 25 March 2021).
AS_OF = date(2021, 3, 25)

# More plans and more projects in recent years; the weights are relative.
YEAR_WEIGHTS = {2015: 10, 2016: 12, 2017: 15, 2018: 17, 2019: 20, 2020: 26}

# The 48 wilayas: (Arabic name, French name, French with its preposition), and the stages of a
# multi-year project: (Arabic, French title suffix, French sentence start). Both are data files
# of digiweb/demo/data (wilayas.csv, phases.csv).
WILAYAS = data.wilayas()
PHASES = data.phases()
NATIONWIDE_SHARE = 0.25  # projects for the whole country rather than one wilaya

_BUDGET_RANGES = {
    ProjectKind.INFRASTRUCTURE: (40_000_000, 350_000_000),
    ProjectKind.INFORMATION_SYSTEM: (12_000_000, 180_000_000),
    ProjectKind.PLATFORM: (6_000_000, 90_000_000),
    ProjectKind.MOBILE_APP: (2_500_000, 35_000_000),
    ProjectKind.REGISTRY: (4_000_000, 80_000_000),
}


@dataclass
class ScaleSummary:
    years: tuple[int, ...]
    campaigns_created: int = 0
    plans_created: int = 0
    projects: int = 0
    technologies: int = 0
    seconds: float = 0.0
    per_year: dict[int, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        rate = self.projects / self.seconds if self.seconds else 0
        years = ", ".join(f"{y}: {n}" for y, n in sorted(self.per_year.items()))
        return [
            f"campaigns created: {self.campaigns_created} (years {self.years[0]}-{self.years[-1]})",
            f"plans created: {self.plans_created}",
            f"projects added: {self.projects} ({years})",
            f"technology links added: {self.technologies}",
            f"done in {self.seconds:.1f} s ({rate:,.0f} projects/s)",
        ]


@dataclass(frozen=True)
class _Slot:
    """A sent plan that receives projects."""

    plan_id: int
    department_id: int
    code: str
    year: int
    submitted_at: datetime


# --- vocabulary ----------------------------------------------------------------------------------


_REQUIRED = ("title_ar", "title_fr", "summary_ar", "summary_fr", "target", "kind")


@lru_cache(maxsize=1)
def _specs_by_department() -> tuple[dict[str, list[dict]], list[dict]]:
    by_code: dict[str, list[dict]] = {}
    for spec in data.demo_projects():
        # Drafts in preparation may lack a summary or a target: only complete projects serve.
        if all(spec.get(key) for key in _REQUIRED):
            by_code.setdefault(spec["department"], []).append(spec)
    everything = [spec for specs in by_code.values() for spec in specs]
    return by_code, everything


@cache
def _norm(text: str) -> str:
    return normalize_search(text)


def _search_text(reference: str, pieces: tuple[str, ...]) -> str:
    """normalize_search(" ".join(pieces)), built from cached pieces.

    The normalisation works letter by letter and collapses whitespace, so normalising each
    piece and joining the non-empty results with one space gives the very same text (the tests
    compare it with `Project.refresh_search_text`); the pieces repeat a lot, the whole does not.
    """
    parts = (normalize_search(reference), *map(_norm, pieces))
    return " ".join(part for part in parts if part)


@cache
def _variation(phase: int, wilaya: int | None, year: int) -> tuple[str, str, str, str]:
    """(title suffix ar, title suffix fr, summary sentence ar, summary sentence fr)."""
    phase_ar, phase_fr, phase_sentence_fr = PHASES[phase]
    if wilaya is None:
        where_ar, where_fr, where_sentence_fr = (
            "على المستوى الوطني",
            "national",
            "à l'échelle nationale",
        )
    else:
        name_ar, _, with_preposition = WILAYAS[wilaya]
        where_ar = f"ولاية {name_ar}"
        where_fr = f"wilaya {with_preposition}"
        where_sentence_fr = f"dans la wilaya {with_preposition}"
    if wilaya is None:
        sentence_ar = f"{phase_ar} من المشروع على المستوى الوطني، بعنوان سنة {year}."
    else:
        sentence_ar = f"{phase_ar} من المشروع على مستوى {where_ar}، بعنوان سنة {year}."
    return (
        f"{phase_ar} – {where_ar}",
        f"{phase_fr} – {where_fr}",
        sentence_ar,
        f"{phase_sentence_fr} du projet {where_sentence_fr}, au titre de l'année {year}.",
    )


# --- drawn values --------------------------------------------------------------------------------


def _draw_status(rng: random.Random, year: int) -> ProjectStatus:
    """Older projects are mostly finished by March 2021; recent ones still under way."""
    age = AS_OF.year - year  # 1 (2020) … 6 (2015)
    completed = min(0.85, 0.2 + 0.12 * age)
    draw = rng.random()
    if draw < completed:
        return ProjectStatus.COMPLETED
    draw = (draw - completed) / (1 - completed)
    if draw < 0.55:
        return ProjectStatus.IN_PROGRESS
    if draw < 0.70:
        return ProjectStatus.PLANNED if age <= 2 else ProjectStatus.IN_PROGRESS
    if draw < 0.87:
        return ProjectStatus.SUSPENDED
    return ProjectStatus.CANCELLED


def _draw_progress(rng: random.Random, status: ProjectStatus) -> int:
    if status == ProjectStatus.COMPLETED:
        return 100
    if status == ProjectStatus.IN_PROGRESS:
        return rng.randrange(10, 95, 5)
    if status in (ProjectStatus.SUSPENDED, ProjectStatus.CANCELLED):
        return rng.randrange(0, 60, 5)
    return 0


def _draw_dates(rng: random.Random, year: int, status: ProjectStatus) -> tuple[date, date]:
    start = date(year, rng.randint(1, 12), rng.choice((1, 1, 15)))
    months = rng.choice((6, 9, 12, 12, 18, 24, 30, 36))
    end_month = start.month - 1 + months
    end = date(start.year + end_month // 12, end_month % 12 + 1, 1) - timedelta(days=1)
    if status == ProjectStatus.COMPLETED and end > AS_OF:
        end = AS_OF - timedelta(days=rng.randint(10, 90))
        end = max(end, start + timedelta(days=30))
    return start, end


def _draw_budget(rng: random.Random, kind: ProjectKind | None) -> int:
    low, high = _BUDGET_RANGES.get(kind, (2_000_000, 100_000_000))
    value = math.exp(rng.uniform(math.log(low), math.log(high)))
    step = 50_000 if value < 10_000_000 else 100_000 if value < 100_000_000 else 1_000_000
    return max(step, round(value / step) * step)


_PRIORITIES = (Priority.HIGH, Priority.MEDIUM, Priority.LOW)
_FUNDING = (
    FundingSource.STATE_BUDGET,
    FundingSource.OWN_FUNDS,
    FundingSource.INTERNATIONAL_COOPERATION,
    FundingSource.OTHER,
)
_TECHNOLOGIES = tuple(Technology)


# --- campaigns and plans -------------------------------------------------------------------------


def _utc(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def _draw_plan_status(rng: random.Random) -> PlanStatus:
    draw = rng.random()
    if draw < 0.82:
        return PlanStatus.APPROVED
    if draw < 0.89:
        return PlanStatus.RETURNED
    if draw < 0.95:
        return PlanStatus.SUBMITTED
    return PlanStatus.NOT_STARTED


def _ensure_campaigns(years, rng: random.Random, summary: ScaleSummary) -> None:
    """Closed campaigns for `years` with one plan per department, where missing."""
    departments = list(db.session.scalars(sa.select(Department).order_by(Department.code)))
    reviewer = db.session.scalar(sa.select(User).where(User.username == "reviewer"))
    officers = {
        u.department_id: u.id
        for u in db.session.scalars(sa.select(User).where(User.role == Role.OFFICER))
    }
    for year in years:
        campaign = db.session.scalar(sa.select(Campaign).where(Campaign.year == year))
        if campaign is None:
            campaign = Campaign(
                year=year,
                title_ar=f"استبيان المخططات العملية القطاعية للرقمنة لسنة {year}",
                title_fr=f"Questionnaire des plans d'action sectoriels de numérisation {year}",
                opens_on=date(year, 1, 15),
                deadline=date(year, 3, 15),
                status=CampaignStatus.CLOSED,
                created_at=_utc(date(year, 1, 10)),
                invited_departments=[d for d in departments if d.active],
            )
            db.session.add(campaign)
            db.session.flush()
            record(
                "campaign_created",
                "campaign",
                campaign.id,
                label=str(year),
                actor_name="demo scale",
                changes={"year": [None, year], "status": [None, "closed"]},
            )
            summary.campaigns_created += 1
        have = set(
            db.session.scalars(sa.select(Plan.department_id).where(Plan.campaign_id == campaign.id))
        )
        for department in departments:
            if department.id in have or not department.active:
                continue
            _add_closed_plan(campaign, department, rng, reviewer, officers.get(department.id))
            summary.plans_created += 1
    db.session.flush()


def _add_closed_plan(campaign, department, rng, reviewer, officer_id) -> Plan:
    year = campaign.year
    status = _draw_plan_status(rng)
    created = _utc(date(year, 1, 15), 8)
    plan = Plan(
        campaign=campaign,
        department=department,
        status=status,
        created_at=created,
        last_activity_at=created,
    )
    db.session.add(plan)
    events = [(created, PlanEventKind.CREATED, None, None, None)]
    if status in SENT_STATUSES:
        sent = _utc(date(year, 2, 1) + timedelta(days=rng.randint(0, 45)), 9 + rng.randint(0, 7))
        plan.submitted_at = sent
        plan.submitted_by_id = officer_id
        events.append((sent, PlanEventKind.SUBMITTED, officer_id, "draft", "submitted"))
        plan.last_activity_at = sent
        if status == PlanStatus.RETURNED:
            when = sent + timedelta(days=rng.randint(3, 12))
            plan.returned_at = when
            events.append((when, PlanEventKind.RETURNED, reviewer, "submitted", "returned"))
            plan.last_activity_at = when
        elif status == PlanStatus.APPROVED:
            when = sent + timedelta(days=rng.randint(5, 30))
            plan.approved_at = when
            plan.approved_by_id = reviewer.id if reviewer else None
            events.append((when, PlanEventKind.APPROVED, reviewer, "submitted", "approved"))
            plan.last_activity_at = when
    for created_at, kind, actor, before, after in events:
        actor_id = actor.id if isinstance(actor, User) else actor
        db.session.add(
            PlanEvent(
                plan=plan,
                kind=kind,
                actor_id=actor_id,
                status_from=before,
                status_to=after,
                created_at=created_at,
            )
        )
    return plan


def _slots(years) -> list[_Slot]:
    rows = db.session.execute(
        sa.select(Plan.id, Plan.department_id, Department.code, Campaign.year, Plan.submitted_at)
        .join(Plan.campaign)
        .join(Plan.department)
        .where(Campaign.year.in_(years), Plan.status.in_(SENT_STATUSES))
        .order_by(Campaign.year, Department.code)
    )
    return [
        _Slot(plan_id, department_id, code, year, submitted_at or _utc(date(year, 3, 1)))
        for plan_id, department_id, code, year, submitted_at in rows
    ]


def _next_sequences(plan_ids: list[int]) -> dict[int, int]:
    rows = db.session.execute(
        sa.select(Project.plan_id, sa.func.max(Project.sequence))
        .where(Project.plan_id.in_(plan_ids))
        .group_by(Project.plan_id)
    )
    return {plan_id: (highest or 0) for plan_id, highest in rows}


# --- projects ------------------------------------------------------------------------------------


def _project_rows(
    n: int, slots: list[_Slot], sequences: dict[int, int], rng: random.Random
) -> Iterator[tuple[dict, list[Technology]]]:
    by_code, everything = _specs_by_department()
    # Some departments carry many more projects than others, and recent years more than old.
    department_weight = {
        code: rng.lognormvariate(0, 0.6) for code in sorted({s.code for s in slots})
    }
    cumulative = []
    total = 0.0
    for slot in slots:
        total += YEAR_WEIGHTS.get(slot.year, 15) * department_weight[slot.code]
        cumulative.append(total)
    picks = rng.choices(range(len(slots)), cum_weights=cumulative, k=n)
    for index in picks:
        slot = slots[index]
        sequence = sequences.get(slot.plan_id, 0) + 1
        sequences[slot.plan_id] = sequence
        spec = rng.choice(by_code.get(slot.code) or everything)
        wilaya = None if rng.random() < NATIONWIDE_SHARE else rng.randrange(len(WILAYAS))
        title_ar_end, title_fr_end, sentence_ar, sentence_fr = _variation(
            rng.randrange(len(PHASES)), wilaya, slot.year
        )
        target = Target(spec["target"]) if spec.get("target") else None
        kind = ProjectKind(spec["kind"]) if spec.get("kind") else None
        status = _draw_status(rng, slot.year)
        start, end = _draw_dates(rng, slot.year, status)
        reference = f"{slot.year}-{slot.code}-{sequence:03d}"
        title_ar = f"{spec['title_ar']} – {title_ar_end}" if spec["title_ar"] else ""
        title_fr = f"{spec['title_fr']} – {title_fr_end}" if spec["title_fr"] else ""
        summary_ar = f"{spec['summary_ar']} {sentence_ar}" if spec["summary_ar"] else ""
        summary_fr = f"{spec['summary_fr']} {sentence_fr}" if spec["summary_fr"] else ""
        partners = spec.get("partners") or ""
        technologies = list(spec.get("technologies") or [])
        if rng.random() < 0.3:
            technologies.append(rng.choice(_TECHNOLOGIES).value)
        created = slot.submitted_at - timedelta(
            days=rng.randint(1, 20), minutes=rng.randint(0, 600)
        )
        row = {
            "plan_id": slot.plan_id,
            "department_id": slot.department_id,
            "year": slot.year,
            "sequence": sequence,
            "reference": reference,
            "title_ar": title_ar,
            "title_fr": title_fr,
            "summary_ar": summary_ar,
            "summary_fr": summary_fr,
            "target": target,
            "kind": kind,
            "status": status,
            "progress": _draw_progress(rng, status),
            "priority": rng.choices(_PRIORITIES, weights=(3, 5, 2))[0],
            "start_date": start,
            "end_date": end,
            "budget_dzd": _draw_budget(rng, kind),
            "funding_source": rng.choices(_FUNDING, weights=(72, 15, 8, 5))[0],
            "procedure_ar": spec.get("procedure_ar") or "",
            "procedure_fr": spec.get("procedure_fr") or "",
            "beneficiaries_ar": spec.get("beneficiaries_ar") or "",
            "beneficiaries_fr": spec.get("beneficiaries_fr") or "",
            "partners": partners,
            "carried_from_id": None,
            # The same text as Project.refresh_search_text, which Core inserts do not run.
            "search_text": _search_text(
                reference,
                (
                    spec["title_ar"] or "",
                    "–" if title_ar else "",
                    title_ar_end if title_ar else "",
                    spec["title_fr"] or "",
                    "–" if title_fr else "",
                    title_fr_end if title_fr else "",
                    spec["summary_ar"] or "",
                    sentence_ar if summary_ar else "",
                    spec["summary_fr"] or "",
                    sentence_fr if summary_fr else "",
                    partners,
                ),
            ),
            "created_at": created,
            "updated_at": created,
            "version": 1,
        }
        yield row, sorted({Technology(t) for t in technologies}, key=_TECHNOLOGIES.index)


def _plain(value):
    return value.value if isinstance(value, Enum) else value


def _copy_rows(table: sa.Table, rows: list[dict]) -> None:
    """PostgreSQL: COPY the rows in the session's transaction (many times faster than a
    multi-row INSERT, whose tens of thousands of parameters psycopg converts one by one)."""
    columns = list(rows[0])
    names = ", ".join(f'"{name}"' for name in columns)
    cursor = db.session.connection().connection.driver_connection.cursor()
    with cursor, cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row([_plain(row[name]) for name in columns])


def _copy_projects(rows: list[dict]) -> list[int]:
    """COPY projects with ids taken from their sequence first, so that the technologies can
    point at them; returns the ids in the order of `rows`."""
    sequence = sa.func.pg_get_serial_sequence("projects", "id")
    ids = list(
        db.session.scalars(
            sa.select(sa.func.nextval(sequence)).select_from(sa.func.generate_series(1, len(rows)))
        )
    )
    _copy_rows(Project.__table__, [{"id": i, **row} for i, row in zip(ids, rows, strict=True)])
    return ids


def scale_projects(
    n: int,
    *,
    years: tuple[int, ...] = SCALE_YEARS,
    seed: int | None = None,
    chunk_size: int = CHUNK_SIZE,
    progress: Callable[[int, int, float], None] | None = None,
    force_core: bool = False,
) -> ScaleSummary:
    """Add `n` synthetic projects to the campaigns of `years` (all before 2021).

    Rows go in through bulk INSERTs (SQLAlchemy Core), or COPY on PostgreSQL (`force_core`
    keeps the INSERTs there too). Commits after each chunk; `progress(done, n, seconds)` is
    called after each chunk.
    """
    if n < 0:
        raise ValueError("the number of projects cannot be negative")
    if not years or max(years) >= 2021:
        raise ValueError("synthetic projects go only into years before 2021")
    started = time.perf_counter()
    summary = ScaleSummary(years=tuple(sorted(years)))
    if db.session.scalar(sa.select(sa.func.count(Department.id))) == 0:
        load_departments()
        db.session.flush()
    if seed is None:
        # A different draw on each run, reproducible from the state of the database.
        seed = db.session.scalar(sa.select(sa.func.count(Project.id))) or 0
    rng = random.Random(f"digiweb-scale-{seed}-{n}")
    _ensure_campaigns(summary.years, rng, summary)
    db.session.commit()

    slots = _slots(summary.years)
    if not slots or n == 0:
        summary.seconds = time.perf_counter() - started
        return summary
    sequences = _next_sequences([s.plan_id for s in slots])
    insert_projects = sa.insert(Project).returning(Project.id, sort_by_parameter_order=True)
    insert_technologies = sa.insert(ProjectTechnology)

    chunk: list[dict] = []
    chunk_technologies: list[list[Technology]] = []

    copy = db.session.get_bind().dialect.name == "postgresql" and not force_core

    def flush_chunk() -> None:
        ids = _copy_projects(chunk) if copy else db.session.scalars(insert_projects, chunk).all()
        links = [
            {"project_id": project_id, "technology": technology}
            for project_id, technologies in zip(ids, chunk_technologies, strict=True)
            for technology in technologies
        ]
        if links and copy:
            _copy_rows(ProjectTechnology.__table__, links)
        elif links:
            db.session.execute(insert_technologies, links)
        db.session.commit()
        summary.technologies += len(links)
        for row in chunk:
            summary.per_year[row["year"]] = summary.per_year.get(row["year"], 0) + 1
        summary.projects += len(chunk)
        chunk.clear()
        chunk_technologies.clear()
        if progress:
            progress(summary.projects, n, time.perf_counter() - started)

    for row, technologies in _project_rows(n, slots, sequences, rng):
        chunk.append(row)
        chunk_technologies.append(technologies)
        if len(chunk) >= chunk_size:
            flush_chunk()
    if chunk:
        flush_chunk()
    # One audit entry for the whole batch: the log says where these rows came from. Core
    # inserts do not go through the ORM's flush: the data version is bumped by hand so that
    # every cache (digiweb.cache) sees that the data changed.
    bump_data_version(db.session.connection())
    record(
        "projects_generated",
        "project",
        None,
        label=f"demo scale: {summary.projects} projects",
        actor_name="demo scale",
        changes={"projects": [0, summary.projects], "per_year": [None, summary.per_year]},
    )
    db.session.commit()
    summary.seconds = time.perf_counter() - started
    return summary
