"""The review queue (issue 17): states derived from the plan's status and its reviewer, taking
and assigning plans (version-checked, audited, in the timeline), the reviewer's "awaiting me"
home and the board's queue filters."""

import html
from datetime import timedelta

import pytest
import sqlalchemy as sa

from digiweb.audit.models import AuditLog
from digiweb.db_types import utcnow
from digiweb.extensions import db
from digiweb.plans.models import Plan, PlanEvent, PlanEventKind, PlanStatus
from digiweb.review.queue import QueueState, queue_state
from tests.factories import client_as


def set_plan(plan_id: int, status: PlanStatus, reviewer=None, days_ago: int = 0) -> Plan:
    plan = db.session.get(Plan, plan_id)
    plan.status = status
    plan.reviewer_id = reviewer.id if reviewer else None
    plan.submitted_at = utcnow() - timedelta(days=days_ago)
    db.session.commit()
    return plan


def post(app, username: str, plan_id: int, lang=None, **data):
    db.session.expire_all()
    plan = db.session.get(Plan, plan_id)
    data.setdefault("version", plan.version)
    return client_as(app, username, lang).post(f"/plans/{plan_id}/assign", data=data)


def reviewer_of(plan_id: int):
    db.session.expire_all()
    return db.session.get(Plan, plan_id).reviewer_id


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


@pytest.mark.parametrize(
    ("status", "assigned", "expected"),
    [
        (PlanStatus.NOT_STARTED, False, None),
        (PlanStatus.DRAFT, True, None),
        (PlanStatus.SUBMITTED, False, QueueState.TO_REVIEW),
        (PlanStatus.SUBMITTED, True, QueueState.IN_REVIEW),
        (PlanStatus.RETURNED, False, QueueState.WAITING),
        (PlanStatus.RETURNED, True, QueueState.WAITING),
        (PlanStatus.APPROVED, True, QueueState.DONE),
    ],
)
def test_the_state_follows_from_the_status_and_the_reviewer(status, assigned, expected):
    assert queue_state(status, 7 if assigned else None) == expected


def test_a_reviewer_takes_a_plan_audited_and_in_the_timeline(app, world):
    plan = set_plan(world.plan.id, PlanStatus.SUBMITTED)
    version = plan.version
    response = post(app, "reviewer", plan.id, action="take")
    assert response.status_code == 303
    plan = db.session.get(Plan, plan.id)
    assert plan.reviewer_id == world.reviewer.id and plan.version == version + 1
    event = db.session.scalar(sa.select(PlanEvent).where(PlanEvent.kind == PlanEventKind.ASSIGNED))
    assert event.actor_id == world.reviewer.id
    assert event.snapshot["reviewer_id"] == world.reviewer.id
    audit = db.session.scalar(sa.select(AuditLog).where(AuditLog.action == "plan_assigned"))
    assert audit.entity_id == plan.id and audit.changes["reviewer"][0] is None
    page = text(client_as(app, "reviewer", "fr").get(f"/plans/{plan.id}"))
    assert "Examinateur désigné" in page  # the timeline's event
    assert 'id="queue-state">En cours d&#39;examen' in page or "En cours d'examen" in page
    assert 'id="release-plan"' in page and 'id="take-plan"' not in page


@pytest.mark.parametrize("stale", [True, False])
def test_two_reviewers_taking_the_same_plan_the_second_is_refused(app, world, stale):
    plan = set_plan(world.plan.id, PlanStatus.SUBMITTED)
    seen = plan.version
    assert post(app, "reviewer", plan.id, action="take").status_code == 303
    version = seen if stale else db.session.get(Plan, plan.id).version
    response = post(app, "reviewer2", plan.id, "fr", action="take", version=version)
    assert response.status_code == 409
    assert "a déjà pris ce plan" in text(response)
    assert reviewer_of(plan.id) == world.reviewer.id
    events = db.session.scalar(
        sa.select(sa.func.count(PlanEvent.id)).where(PlanEvent.kind == PlanEventKind.ASSIGNED)
    )
    assert events == 1


def test_a_stale_version_is_refused_without_overwriting(app, world):
    plan = set_plan(world.plan.id, PlanStatus.SUBMITTED)
    response = post(
        app,
        "admin",
        plan.id,
        action="assign",
        reviewer=world.reviewer2.id,
        version=plan.version - 1,
    )
    assert response.status_code == 409
    assert reviewer_of(plan.id) is None


def test_an_administrator_reassigns_to_any_reviewer(app, world):
    plan = set_plan(world.plan.id, PlanStatus.SUBMITTED, reviewer=world.reviewer)
    response = post(app, "admin", plan.id, action="assign", reviewer=world.reviewer2.id)
    assert response.status_code == 303
    assert reviewer_of(plan.id) == world.reviewer2.id
    audit = db.session.scalar(sa.select(AuditLog).where(AuditLog.action == "plan_assigned"))
    assert audit.changes["reviewer"] == ["reviewer", "reviewer2"]
    # not to an officer, nor to an unknown account
    for target in (world.owner.id, 999999, "x"):
        response = post(app, "admin", plan.id, "fr", action="assign", reviewer=target)
        assert response.status_code == 422
        assert "Choisissez un examinateur actif." in text(response)
    assert reviewer_of(plan.id) == world.reviewer2.id


def test_the_reviewer_given_a_plan_is_notified_not_the_one_who_takes_it(app, world):
    from digiweb.notifications.models import Notification, NotificationKind

    plan = set_plan(world.plan.id, PlanStatus.SUBMITTED)
    assert post(app, "reviewer", plan.id, action="take").status_code == 303
    assert (
        post(app, "admin", plan.id, action="assign", reviewer=world.reviewer2.id).status_code == 303
    )
    notes = list(db.session.scalars(sa.select(Notification)))
    assert [(n.user_id, n.kind, n.link) for n in notes] == [
        (world.reviewer2.id, NotificationKind.PLAN_ASSIGNED, f"/plans/{plan.id}")
    ]
    page = text(client_as(app, "reviewer2", "fr").get("/notifications"))
    assert "Plan qui vous est attribué pour examen" in page and "Ministère Alpha" in page


def test_a_reviewer_cannot_give_a_plan_to_another_nor_take_it_from_him(app, world):
    plan = set_plan(world.plan.id, PlanStatus.SUBMITTED, reviewer=world.reviewer2)
    assert (
        post(app, "reviewer", plan.id, action="assign", reviewer=world.admin.id).status_code == 403
    )
    assert post(app, "reviewer", plan.id, action="release").status_code == 403
    assert post(app, "reviewer", plan.id, action="take").status_code == 409
    assert reviewer_of(plan.id) == world.reviewer2.id
    # the reviewer in charge gives it up; then anyone may take it
    assert post(app, "reviewer2", plan.id, action="release").status_code == 303
    assert reviewer_of(plan.id) is None
    assert post(app, "reviewer", plan.id, action="take").status_code == 303
    assert reviewer_of(plan.id) == world.reviewer.id


def test_a_reviewer_cannot_give_a_free_plan_to_another(app, world):
    plan = set_plan(world.plan.id, PlanStatus.SUBMITTED)
    response = post(app, "reviewer", plan.id, "fr", action="assign", reviewer=world.reviewer2.id)
    assert response.status_code == 403
    assert "Seul un administrateur peut attribuer" in text(response)
    assert reviewer_of(plan.id) is None


@pytest.mark.parametrize(
    ("username", "expected"),
    [("officer-da", 403), ("officer-db", 404), ("viewer", 403), ("reviewer", 303), ("admin", 303)],
)
def test_who_may_take_a_plan(app, world, username, expected):
    plan = set_plan(world.plan.id, PlanStatus.SUBMITTED)
    assert post(app, username, plan.id, action="take").status_code == expected


@pytest.mark.parametrize("status", [PlanStatus.DRAFT, PlanStatus.APPROVED])
def test_unsent_and_approved_plans_are_not_assigned(app, world, status):
    plan = set_plan(world.plan.id, status)
    assert post(app, "reviewer", plan.id, action="take").status_code == 409
    assert reviewer_of(plan.id) is None


def test_a_returned_plan_keeps_its_reviewer_and_comes_back_in_review(app, world):
    plan = set_plan(world.plan.id, PlanStatus.SUBMITTED, reviewer=world.reviewer)
    client = client_as(app, "reviewer")
    response = client.post(
        f"/plans/{plan.id}/return", data={"version": plan.version, "comment": "Les dates."}
    )
    assert response.status_code == 303
    db.session.expire_all()
    plan = db.session.get(Plan, plan.id)
    assert queue_state(plan.status, plan.reviewer_id) == QueueState.WAITING
    response = client_as(app, "officer-da").post(
        f"/plans/{plan.id}/submit", data={"version": plan.version, "confirm": "yes"}
    )
    assert response.status_code == 303
    db.session.expire_all()
    plan = db.session.get(Plan, plan.id)
    assert queue_state(plan.status, plan.reviewer_id) == QueueState.IN_REVIEW


def test_the_missing_version_is_refused(app, world):
    plan = set_plan(world.plan.id, PlanStatus.SUBMITTED)
    client = client_as(app, "reviewer")
    response = client.post(f"/plans/{plan.id}/assign", data={"action": "take"})
    assert response.status_code == 422
    assert reviewer_of(plan.id) is None


# --- the reviewer's home and the board --------------------------------------------------------


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_the_reviewer_home_opens_on_awaiting_me(app, world, lang):
    set_plan(world.plan.id, PlanStatus.SUBMITTED, days_ago=9)  # nobody's: to review
    set_plan(world.other_plan.id, PlanStatus.SUBMITTED, reviewer=world.reviewer2, days_ago=3)
    page = text(client_as(app, "reviewer", lang).get("/"))
    assert 'id="review-queue"' in page
    assert f'id="queue-plan-{world.plan.id}"' in page
    assert f'id="queue-plan-{world.other_plan.id}"' not in page  # reviewer2's
    assert '<td class="num">9</td>' in page
    mine = text(client_as(app, "reviewer2", lang).get("/"))
    assert f'id="queue-plan-{world.other_plan.id}"' in mine and '<td class="num">3</td>' in mine
    labels = {"fr": ("En attente de moi", "À examiner"), "ar": ("في انتظاري", "للمراجعة")}
    for label in labels[lang]:
        assert label in page


def test_the_home_counts_each_state(app, world, rctx):
    from digiweb.review.queue import awaiting

    set_plan(world.plan.id, PlanStatus.SUBMITTED, reviewer=world.reviewer)
    set_plan(world.other_plan.id, PlanStatus.RETURNED, reviewer=world.reviewer)
    queue = awaiting(db.session.get(type(world.reviewer), world.reviewer.id))
    assert {k: v for k, v in queue["counts"].items() if k != "by_reviewer"} == {
        "to_review": 0,
        "in_review": 1,
        "waiting": 1,
        "done": 0,
    }
    assert queue["mine"] == 1
    assert [row.plan.id for row in queue["rows"]] == [world.plan.id]


def test_officers_and_viewers_have_no_queue_on_their_home(app, world):
    set_plan(world.plan.id, PlanStatus.SUBMITTED)
    for username in ("viewer",):
        assert 'id="review-queue"' not in text(client_as(app, username).get("/"))


def test_the_board_filters_and_sorts_by_queue_state_reviewer_and_time(app, world):
    set_plan(world.plan.id, PlanStatus.SUBMITTED, days_ago=2)
    set_plan(world.other_plan.id, PlanStatus.SUBMITTED, reviewer=world.reviewer, days_ago=5)
    client = client_as(app, "reviewer", "fr")

    def rows(query):
        page = text(client.get(f"/plans?year=2030&{query}"))
        return [code for code in ("DA", "DB") if f'data-code="{code}"' in page], page

    assert rows("queue=to_review")[0] == ["DA"]
    assert rows("queue=in_review")[0] == ["DB"]
    assert rows("queue=done")[0] == []
    assert rows("reviewer=me")[0] == ["DB"]
    assert rows(f"reviewer={world.reviewer2.id}")[0] == []
    assert rows("reviewer=none")[0] == ["DA"]
    assert rows("queue=nonsense&reviewer=%00")[0] == ["DA", "DB"]  # unknown values ignored
    _, page = rows("sort=time")
    assert page.index('data-code="DB"') < page.index('data-code="DA"')  # 5 days before 2
    _, page = rows("sort=state")
    assert page.index('data-code="DA"') < page.index('data-code="DB"')  # to review first
    _, page = rows("sort=reviewer")
    assert page.index('data-code="DB"') < page.index('data-code="DA"')  # nobody's last
    _, page = rows("")
    assert page.index('data-code="DA"') < page.index('data-code="DB"')
    # the status links keep the queue filters
    _, page = rows("queue=in_review&sort=time")
    assert "/plans?year=2030&status=sent&queue=in_review&sort=time" in page
    assert "En cours d'examen" in page and "Jours dans la file" in page


def test_the_home_queue_costs_the_same_queries_whatever_the_plans(app, world, count_queries):
    client = client_as(app, "reviewer")
    set_plan(world.plan.id, PlanStatus.SUBMITTED)
    with count_queries() as one:
        assert client.get("/").status_code == 200
    set_plan(world.other_plan.id, PlanStatus.SUBMITTED, reviewer=world.reviewer)
    with count_queries() as two:
        assert client.get("/").status_code == 200
    assert two.count == one.count
