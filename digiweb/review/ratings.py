"""Two ratings of how a project is going (issue 16), after the UK Government Major Projects
Portfolio: the department's self-rating, given by its officer at each progress update of an
approved plan (`digiweb.review.progress.record_progress`), and the ministry's, given by a
reviewer on the review panel of a sent plan. Green, amber or red, with a reason (required for
amber and red), each dated; never changed, the latest of each source is the current one.

A rating older than RATING_STALE_DAYS (configuration, default 90) is stale. The board
(`rating_board`) shows where the two ratings disagree; `ratings_matrix` counts them for the
dashboard and the campaign report. Services flush, the request commits.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import sqlalchemy as sa
from flask import current_app, has_app_context
from flask_babel import gettext as _
from sqlalchemy.orm import joinedload, load_only

from digiweb.audit.services import record
from digiweb.auth.models import User
from digiweb.cache import cached
from digiweb.clock import local_date, today
from digiweb.errors import Refusal
from digiweb.extensions import db
from digiweb.plans.models import (
    SENT_STATUSES,
    Plan,
    PlanStatus,
    ProgressUpdate,
    Project,
    ProjectRating,
    Rating,
    RatingSource,
)
from digiweb.review.services import MAX_COMMENT, _is_plan_officer, _is_reviewer

DEFAULT_STALE_DAYS = 90
BOARD_LIMIT = 500  # rows of the board at most (the disagreements come first)
BOARD_SHOWS = ("disagree", "stale", "all")


def stale_days() -> int:
    if has_app_context():
        return int(current_app.config.get("RATING_STALE_DAYS", DEFAULT_STALE_DAYS))
    return DEFAULT_STALE_DAYS


@dataclass(frozen=True)
class CurrentRating:
    """The latest rating of a project from one source."""

    project_id: int
    source: RatingSource
    rating: Rating
    reason: str
    at: datetime
    actor_name: str

    @property
    def on(self) -> date:
        """The day it was given (Algiers)."""
        return local_date(self.at)

    def is_stale(self, on: date | None = None) -> bool:
        return ((on or today()) - self.on) > timedelta(days=stale_days())

    @classmethod
    def of(cls, row: ProjectRating) -> CurrentRating:
        actor = row.actor
        return cls(
            project_id=row.project_id,
            source=row.source,
            rating=row.rating,
            reason=row.reason,
            at=row.created_at,
            actor_name=(actor.full_name or actor.username) if actor else "",
        )


def _latest_ids(projects) -> sa.Select:
    """The id of the latest rating of each (project, source), for projects matching the
    `projects` condition (ids: ids never go back, see digiweb.models._ids_never_reused)."""
    return (
        sa.select(sa.func.max(ProjectRating.id))
        .where(ProjectRating.project_id.in_(projects))
        .group_by(ProjectRating.project_id, ProjectRating.source)
    )


def current_ratings(projects) -> dict[int, dict[RatingSource, CurrentRating]]:
    """{project id: {source: CurrentRating}} for `projects` (a list of ids or a subquery of
    ids): one query whatever their number."""
    if isinstance(projects, list | tuple | set) and not projects:
        return {}
    if isinstance(projects, list | tuple | set):
        projects = list(projects)
    rows = db.session.scalars(
        sa.select(ProjectRating)
        .where(ProjectRating.id.in_(_latest_ids(projects)))
        .options(joinedload(ProjectRating.actor).load_only(User.full_name, User.username))
    )
    found: dict[int, dict[RatingSource, CurrentRating]] = {}
    for row in rows:
        found.setdefault(row.project_id, {})[row.source] = CurrentRating.of(row)
    return found


def rating_history(project: Project) -> list[ProjectRating]:
    """Every rating of the project, newest first."""
    return list(
        db.session.scalars(
            sa.select(ProjectRating)
            .where(ProjectRating.project_id == project.id)
            .options(joinedload(ProjectRating.actor))
            .order_by(ProjectRating.id.desc())
        )
    )


# --- giving a rating ------------------------------------------------------------------------------


def clean_rating(rating, reason: str | None) -> tuple[Rating, str]:
    """The rating as a member and its reason stripped; Refusal when it cannot be recorded."""
    member = Rating.coerce(rating) if isinstance(rating, str) else rating
    if not isinstance(member, Rating):
        raise Refusal(_("Choose green, amber or red."), 422, field="rating")
    reason = (reason or "").strip()
    if member != Rating.GREEN and not reason:
        raise Refusal(_("Say why the project is rated amber or red."), 422, field="rating_reason")
    if len(reason) > MAX_COMMENT:
        raise Refusal(
            _("The text is too long (at most %(max)d characters).", max=MAX_COMMENT),
            422,
            field="rating_reason",
        )
    return member, reason


def _add(project, source, rating, reason, actor, progress_update=None) -> ProjectRating:
    before = current_ratings([project.id]).get(project.id, {}).get(source)
    row = ProjectRating(
        project_id=project.id,
        source=source,
        rating=rating,
        reason=reason,
        actor_id=actor.id,
        progress_update_id=progress_update.id if progress_update is not None else None,
    )
    db.session.add(row)
    db.session.flush()
    record(
        "project_rated",
        "project",
        project.id,
        label=project.reference,
        actor=actor,
        changes={
            f"{source.value}_rating": [before.rating.value if before else None, rating.value],
            "rating_reason": [None, reason],
        },
    )
    return row


def can_rate_as_ministry(user, project: Project) -> bool:
    return _is_reviewer(user) and project.plan.status in SENT_STATUSES


def rate_as_ministry(project: Project, actor: User, rating, reason: str) -> ProjectRating:
    """A reviewer's rating of a project of a plan the ministry received."""
    if not _is_reviewer(actor):
        raise Refusal(_("Only the ministry's reviewers can do this."), 403)
    if project.plan.status not in SENT_STATUSES:
        raise Refusal(_("The ministry rates the projects of the plans it has received."), 409)
    rating, reason = clean_rating(rating, reason)
    return _add(project, RatingSource.MINISTRY, rating, reason, actor)


def rate_as_department(
    project: Project, actor: User, rating, reason: str, progress_update: ProgressUpdate
) -> ProjectRating:
    """The department's own rating, given with a progress update of an approved plan."""
    if not _is_plan_officer(actor, project.plan):
        raise Refusal(_("Only the digitization officer of this department can do this."), 403)
    if project.plan.status != PlanStatus.APPROVED:
        raise Refusal(_("Progress is followed once the plan has been approved."), 409)
    rating, reason = clean_rating(rating, reason)
    return _add(project, RatingSource.SELF, rating, reason, actor, progress_update)


# --- the board where the two disagree ----------------------------------------------------------


@dataclass
class BoardRow:
    project: Project
    own: CurrentRating | None  # the department's
    ministry: CurrentRating | None

    @property
    def gap(self) -> int | None:
        """How many steps the ministry's rating is worse (> 0) or better (< 0) than the
        department's; None unless both are given."""
        if self.own is None or self.ministry is None:
            return None
        return self.ministry.rating.rank - self.own.rating.rank

    @property
    def disagree(self) -> bool:
        return bool(self.gap)

    def stale(self, on: date) -> bool:
        return any(r is not None and r.is_stale(on) for r in (self.own, self.ministry))


@dataclass
class Board:
    year: int | None
    show: str
    rows: list[BoardRow]
    counts: dict  # rated, both, disagree, stricter, lenient, stale
    truncated: bool
    on: date


def _scope(user, year: int | None) -> list:
    """Which projects `user` may see on the board: staff the projects of the sent plans, an
    officer those of its own department."""
    conditions = []
    if year is not None:
        conditions.append(Project.year == year)
    if user.sees_all_departments:
        sent = sa.select(Plan.id).where(Plan.status.in_(SENT_STATUSES))
        conditions.append(Project.plan_id.in_(sent))
    else:
        conditions.append(Project.department_id == user.department_id)
    return conditions


def rating_board(user, year: int | None, show: str = "disagree", department: str = "") -> Board:
    """The rated projects `user` may see (of `year`; of one department by code): the
    disagreements first, the largest gap first; `show` keeps the disagreements, the stale
    ratings or every rated project."""
    on = today()
    conditions = _scope(user, year)
    if department:
        from digiweb.departments.models import Department

        conditions.append(
            Project.department_id
            == sa.select(Department.id).where(Department.code == department).scalar_subquery()
        )
    in_scope = sa.select(Project.id).where(*conditions)
    ratings = current_ratings(in_scope)
    counts = Counter()
    keep = []
    for project_id, by_source in ratings.items():
        row = BoardRow(None, by_source.get(RatingSource.SELF), by_source.get(RatingSource.MINISTRY))
        counts["rated"] += 1
        if row.gap is not None:
            counts["both"] += 1
            counts["disagree"] += row.disagree
            counts["stricter"] += row.gap > 0
            counts["lenient"] += row.gap < 0
        counts["stale"] += row.stale(on)
        if (
            show == "all"
            or (show == "stale" and row.stale(on))
            or (show == "disagree" and row.disagree)
        ):
            keep.append((project_id, row))
    truncated = len(keep) > BOARD_LIMIT
    projects = _board_projects([pid for pid, _row in keep])
    rows = []
    for project_id, row in keep:
        if project_id in projects:
            row.project = projects[project_id]
            rows.append(row)
    rows.sort(key=lambda r: (-(abs(r.gap) if r.gap else 0), r.project.reference))
    return Board(year, show, rows[:BOARD_LIMIT], dict(counts), truncated, on)


def _board_projects(ids: list[int]) -> dict[int, Project]:
    if not ids:
        return {}
    stmt = (
        sa.select(Project)
        .where(Project.id.in_(ids))
        .options(
            load_only(
                Project.reference,
                Project.title_ar,
                Project.title_fr,
                Project.year,
                Project.department_id,
                Project.status,
                Project.progress,
            ),
            joinedload(Project.department),
        )
    )
    return {project.id: project for project in db.session.scalars(stmt)}


# --- the matrix of the dashboard and of the campaign report --------------------------------------

NOT_RATED = "none"
MATRIX_KEYS = (*(r.value for r in Rating), NOT_RATED)


def _campaign_ratings(year: int) -> tuple:
    """(plan id, target, self rating, ministry rating) of each rated project of the year's
    sent plans: one query, cached per data version."""

    def compute():
        sent = sa.select(Plan.id).where(Plan.status.in_(SENT_STATUSES))
        projects = sa.select(Project.id).where(Project.year == year, Project.plan_id.in_(sent))
        latest = db.session.execute(
            sa.select(
                ProjectRating.project_id,
                Project.plan_id,
                Project.target,
                ProjectRating.source,
                ProjectRating.rating,
            )
            .join(Project, Project.id == ProjectRating.project_id)
            .where(ProjectRating.id.in_(_latest_ids(projects)))
        )
        found: dict[int, dict] = {}
        for project_id, plan_id, target, source, rating in latest:
            row = found.setdefault(project_id, {"plan": plan_id, "target": target})
            row[source] = rating.value
        return tuple(
            (
                row["plan"],
                row["target"].value if row["target"] else None,
                row.get(RatingSource.SELF, NOT_RATED),
                row.get(RatingSource.MINISTRY, NOT_RATED),
            )
            for row in found.values()
        )

    return cached("ratings.campaign", year, compute)


def ratings_matrix(year: int, plan_ids=None, target=None) -> dict:
    """{"cells": {(self, ministry): projects}, "rated", "both", "agree", "stricter",
    "lenient"} over the rated projects of the year's sent plans (of `plan_ids` and of one
    `target` only, if given). `stricter`: the ministry rates worse than the department (the
    GAO's finding that self-ratings understate risk)."""
    cells = Counter()
    wanted = getattr(target, "value", target)
    for plan_id, p_target, own, ministry in _campaign_ratings(year):
        if (plan_ids is None or plan_id in plan_ids) and (not wanted or p_target == wanted):
            cells[(own, ministry)] += 1
    order = {value: rank for rank, value in enumerate(r.value for r in Rating)}
    both = {k: n for k, n in cells.items() if NOT_RATED not in k}
    return {
        "cells": {(a, b): cells.get((a, b), 0) for a in MATRIX_KEYS for b in MATRIX_KEYS},
        "rated": sum(cells.values()),
        "both": sum(both.values()),
        "agree": sum(n for (a, b), n in both.items() if a == b),
        "stricter": sum(n for (a, b), n in both.items() if order[b] > order[a]),
        "lenient": sum(n for (a, b), n in both.items() if order[b] < order[a]),
    }
