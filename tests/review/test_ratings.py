"""The two ratings of a project (issue 16): the department's self-rating at each progress update,
the ministry's by a reviewer, each dated and flagged stale after RATING_STALE_DAYS; the API's
keys; the board where the two disagree; who may see and give what."""

import re
from datetime import timedelta

import pytest
import sqlalchemy as sa

from digiweb.audit.models import AuditLog
from digiweb.auth.models import User
from digiweb.db_types import utcnow
from digiweb.demo import data as demo_data
from digiweb.errors import Refusal
from digiweb.extensions import db
from digiweb.plans.models import (
    Plan,
    PlanStatus,
    ProgressUpdate,
    Project,
    ProjectRating,
    Rating,
    RatingSource,
)
from digiweb.review import progress as review_progress
from digiweb.review import ratings
from digiweb.review import services as review_services
from tests.factories import client_as
from tests.review.decision_helpers import accept_all

HX = {"HX-Request": "true"}
USERNAMES = {
    "owner": "officer-da",
    "other": "officer-db",
    "reviewer": "reviewer",
    "viewer": "viewer",
}
REFERENCE = re.compile(r'id="rated-(2021-[A-Z]+-\d{3})"')


@pytest.fixture
def as_role(app, world):
    def factory(role: str, lang: str | None = None):
        return client_as(app, USERNAMES[role], lang)

    return factory


def approved(world) -> Plan:
    review_services.submit_plan(world.plan, world.owner, world.plan.version)
    accept_all(world.plan)
    review_services.approve_plan(world.plan, world.reviewer, world.plan.version)
    return world.plan


def _progress(project, actor, **changes):
    values = {
        "status": "in_progress",
        "progress": 30,
        "note": "Marché notifié",
        "expected_version": project.version,
        "rating": "amber",
        "rating_reason": "Retard du prestataire",
    }
    values.update(changes)
    return review_progress.record_progress(project, actor, **values)


# --- the department's self-rating, at each progress update ------------------------------------


def test_each_progress_update_carries_the_departments_rating(world, rctx):
    project = approved(world).projects[0]
    update = _progress(project, world.owner)
    row = db.session.scalars(sa.select(ProjectRating)).one()
    assert (row.source, row.rating, row.reason) == (
        RatingSource.SELF,
        Rating.AMBER,
        "Retard du prestataire",
    )
    assert row.progress_update_id == update.id and row.actor_id == world.owner.id
    assert row.created_at is not None
    current = ratings.current_ratings([project.id])[project.id]
    assert current[RatingSource.SELF].rating == Rating.AMBER
    assert RatingSource.MINISTRY not in current
    audit = db.session.scalars(sa.select(AuditLog).where(AuditLog.action == "project_rated")).one()
    assert audit.changes["self_rating"] == [None, "amber"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"rating": None}, "rating"),
        ({"rating": "purple"}, "rating"),
        ({"rating": "red", "rating_reason": "  "}, "rating_reason"),
    ],
)
def test_a_progress_update_without_a_valid_rating_is_refused(world, rctx, changes, field):
    project = approved(world).projects[0]
    with pytest.raises(Refusal) as refused:
        _progress(project, world.owner, **changes)
    assert (refused.value.status, refused.value.field) == (422, field)
    db.session.rollback()
    assert db.session.scalar(sa.select(sa.func.count(ProgressUpdate.id))) == 0


def test_green_needs_no_reason_and_the_latest_rating_is_the_current_one(world, rctx):
    project = approved(world).projects[0]
    _progress(project, world.owner)
    project = db.session.get(Project, project.id)
    _progress(project, world.owner, rating="green", rating_reason="", progress=40)
    current = ratings.current_ratings([project.id])[project.id][RatingSource.SELF]
    assert current.rating == Rating.GREEN and current.reason == ""
    assert len(ratings.rating_history(project)) == 2


def test_the_progress_form_asks_for_the_rating(world, as_role):
    project = approved(world).projects[0]
    officer = as_role("owner", lang="fr")
    page = officer.get(f"/projects/{project.id}/progress").get_data(as_text=True)
    assert f'id="progress-{project.id}-rating"' in page and "Comment avance le projet" in page
    data = {"version": project.version, "status": "in_progress", "progress": "35", "note": "x"}
    response = officer.post(f"/projects/{project.id}/progress", data=data, headers=HX)
    assert response.status_code == 422
    assert "Évaluez le projet : vert, orange ou rouge." in response.get_data(as_text=True)
    data.update(rating="red", rating_reason="")
    response = officer.post(f"/projects/{project.id}/progress", data=data, headers=HX)
    assert response.status_code == 422
    assert "Dites pourquoi le projet est évalué orange ou rouge." in response.get_data(as_text=True)
    data.update(rating_reason="Crédits non notifiés")
    response = officer.post(f"/projects/{project.id}/progress", data=data, headers=HX)
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "Rouge : en difficulté" in body
    row = db.session.scalars(sa.select(ProjectRating)).one()
    assert (row.rating, row.reason) == (Rating.RED, "Crédits non notifiés")


# --- the ministry's rating, by a reviewer --------------------------------------------------------


def test_a_reviewer_rates_a_project_of_a_sent_plan(world, rctx):
    review_services.submit_plan(world.plan, world.owner, world.plan.version)
    project = world.plan.projects[0]
    row = ratings.rate_as_ministry(project, world.reviewer, "red", "Aucun marché passé")
    assert (row.source, row.rating, row.actor_id) == (
        RatingSource.MINISTRY,
        Rating.RED,
        world.reviewer.id,
    )
    audit = db.session.scalars(sa.select(AuditLog).where(AuditLog.action == "project_rated")).one()
    assert audit.changes["ministry_rating"] == [None, "red"]


@pytest.mark.parametrize("who", ["owner", "other", "viewer"])
def test_only_reviewers_give_the_ministrys_rating(world, rctx, who):
    review_services.submit_plan(world.plan, world.owner, world.plan.version)
    with pytest.raises(Refusal) as refused:
        ratings.rate_as_ministry(world.plan.projects[0], getattr(world, who), "green", "")
    assert refused.value.status == 403


def test_the_ministry_rates_only_what_it_received(world, rctx):
    with pytest.raises(Refusal) as refused:
        ratings.rate_as_ministry(world.plan.projects[0], world.reviewer, "green", "")
    assert refused.value.status == 409


def test_the_review_panel_has_a_rating_form_for_reviewers_only(world, as_role):
    review_services.submit_plan(world.plan, world.owner, world.plan.version)
    db.session.commit()
    project = world.plan.projects[0]
    reviewer = as_role("reviewer", lang="fr")
    page = reviewer.get(f"/plans/{world.plan.id}/review").get_data(as_text=True)
    assert 'id="ratings-panel"' in page and f"/projects/{project.id}/rating" in page
    officer_page = as_role("owner", lang="fr").get(f"/plans/{world.plan.id}/review")
    body = officer_page.get_data(as_text=True)
    assert 'id="ratings-panel"' in body and 'class="rating-form"' not in body
    # Refused input: 422 with the message, nothing written.
    response = reviewer.post(f"/projects/{project.id}/rating", data={"rating": "amber"}, headers=HX)
    assert response.status_code == 422
    assert db.session.scalar(sa.select(sa.func.count(ProjectRating.id))) == 0
    response = reviewer.post(
        f"/projects/{project.id}/rating",
        data={"rating": "amber", "rating_reason": "Calendrier irréaliste"},
        headers=HX,
    )
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "<html" not in body and "Orange : à risque" in body and "Calendrier irréaliste" in body
    # Without JavaScript: a redirect to the plan's review panel.
    response = reviewer.post(f"/projects/{project.id}/rating", data={"rating": "green"})
    assert response.status_code == 303 and "#ratings-panel" in response.headers["Location"]
    for role in ("owner", "viewer"):
        response = as_role(role).post(f"/projects/{project.id}/rating", data={"rating": "green"})
        assert response.status_code == 403
    assert as_role("other").get(f"/projects/{project.id}/rating").status_code == 404
    assert db.session.scalar(sa.select(sa.func.count(ProjectRating.id))) == 2


# --- stale ratings ---------------------------------------------------------------------------


def test_a_rating_older_than_the_configured_days_is_stale(world, app, rctx):
    review_services.submit_plan(world.plan, world.owner, world.plan.version)
    project = world.plan.projects[0]
    row = ratings.rate_as_ministry(project, world.reviewer, "green", "")
    row.created_at = utcnow() - timedelta(days=40)
    db.session.flush()
    current = ratings.current_ratings([project.id])[project.id][RatingSource.MINISTRY]
    assert ratings.stale_days() == 90 and not current.is_stale()
    app.config["RATING_STALE_DAYS"] = 30
    assert current.is_stale()
    app.config["RATING_STALE_DAYS"] = 90


def test_the_api_items_carry_both_ratings_and_the_stale_flag(demo_app, as_user):
    follow_up = demo_data.demo_follow_up()
    own = {r["reference"]: r["rating"] for r in follow_up["self_ratings"]}
    ministry = {r["reference"]: r["rating"] for r in follow_up["ministry_ratings"]}
    client = as_user("reviewer")
    items, page = [], 1
    while True:
        data = client.get(f"/api/v1/projects?year=2021&page={page}").get_json()
        if not data["items"]:
            break
        items += data["items"]
        page += 1
    assert len(items) == 222
    for item in items:
        assert item["self_rating"] == own.get(item["reference"])
        assert item["ministry_rating"] == ministry.get(item["reference"])
        assert item["self_rating"] in (None, "green", "amber", "red")
        rated = item["self_rating"] or item["ministry_rating"]
        # The demo's ratings date from March 2021: long stale today.
        assert item["rating_stale"] is bool(rated)
        if item["ministry_rating"]:
            assert item["ministry_rating_on"].startswith("2021-03-")
    demo_app.config["RATING_STALE_DAYS"] = 100_000
    data = client.get("/api/v1/projects?year=2021").get_json()
    assert not any(item["rating_stale"] for item in data["items"])


# --- the board ---------------------------------------------------------------------------------


def _disagreements() -> dict[str, tuple[str, str]]:
    follow_up = demo_data.demo_follow_up()
    own = {r["reference"]: r["rating"] for r in follow_up["self_ratings"]}
    ministry = {r["reference"]: r["rating"] for r in follow_up["ministry_ratings"]}
    return {
        ref: (own[ref], ministry[ref])
        for ref in own
        if ref in ministry and own[ref] != ministry[ref]
    }


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_the_board_shows_where_the_two_ratings_disagree(as_user, lang):
    disagreements = _disagreements()
    assert disagreements  # the demo has some
    response = as_user("viewer", lang=lang).get("/projects/ratings?year=2021")
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    shown = set(re.findall(REFERENCE, body))
    assert shown == set(disagreements)
    heading = "تقييمات المشاريع" if lang == "ar" else "Évaluations des projets"
    assert heading in body
    stricter = sum(
        1
        for a, b in disagreements.values()
        if demo_data.RATINGS.index(b) > demo_data.RATINGS.index(a)
    )
    viewer = db.session.scalar(sa.select(User).where(User.username == "viewer"))
    board = ratings.rating_board(viewer, 2021)
    assert board.counts["disagree"] == len(disagreements)
    assert board.counts["stricter"] == stricter
    assert [row.gap for row in board.rows] == sorted(
        (row.gap for row in board.rows), key=lambda gap: -abs(gap)
    )


def test_the_board_shows_every_rated_or_every_stale_project(as_user):
    follow_up = demo_data.demo_follow_up()
    rated = {r["reference"] for r in follow_up["self_ratings"]} | {
        r["reference"] for r in follow_up["ministry_ratings"]
    }
    client = as_user("reviewer", lang="fr")
    for show in ("all", "stale"):
        body = client.get(f"/projects/ratings?year=2021&show={show}").get_data(as_text=True)
        assert set(re.findall(REFERENCE, body)) == rated
    assert client.get("/projects/ratings?show=nonsense").status_code == 400
    assert client.get("/projects/ratings?year=1999").status_code == 404
    fragment = client.get("/projects/ratings?year=2021&show=all", headers=HX)
    assert "<html" not in fragment.get_data(as_text=True)


def test_an_officer_sees_only_its_own_departments_ratings(as_user):
    disagreements = _disagreements()
    code = next(iter(disagreements)).split("-")[1]
    own = as_user(f"officer-{code.lower()}", lang="fr").get("/projects/ratings?year=2021&show=all")
    refs = set(re.findall(REFERENCE, own.get_data(as_text=True)))
    assert refs and all(ref.split("-")[1] == code for ref in refs)
    other = "MNS" if code != "MNS" else "MF"
    body = as_user(f"officer-{other.lower()}").get(
        f"/projects/ratings?year=2021&show=all&department={code}"
    )
    assert not any(
        f"-{code}-" in ref for ref in re.findall(r'id="rated-([^"]+)"', body.get_data(as_text=True))
    )


def test_the_board_needs_a_login(demo_app):
    from tests.conftest import IsolatedClient

    demo_app.test_client_class = IsolatedClient
    response = demo_app.test_client().get("/projects/ratings")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")


def test_the_demo_has_ratings_of_both_kinds_some_disagreeing(demo_app):
    counts = dict(
        db.session.execute(
            sa.select(ProjectRating.source, sa.func.count()).group_by(ProjectRating.source)
        ).all()
    )
    assert counts[RatingSource.SELF] >= 20 and counts[RatingSource.MINISTRY] >= 20
    # Each self-rating was given with a progress update of an approved plan.
    rows = db.session.execute(
        sa.select(ProjectRating, Plan.status)
        .join(Project, Project.id == ProjectRating.project_id)
        .join(Plan, Plan.id == Project.plan_id)
        .where(ProjectRating.source == RatingSource.SELF)
    ).all()
    assert all(row.progress_update_id and status == PlanStatus.APPROVED for row, status in rows)
    assert len(_disagreements()) >= 3
