"""The reviewers' queue (issue 17): who reviews which sent plan, and where each plan stands.

A plan is assigned to one reviewer (`Plan.reviewer_id`): a reviewer takes it himself, an
administrator assigns it to any reviewer (or takes it back). The queue state is derived from the
plan's status and that assignment, never stored twice:

- "to review": sent, nobody has taken it;
- "in review": sent, a reviewer has taken it;
- "waiting for the department": returned (the assignment stays, so the same reviewer sees
  the plan again when it is sent back);
- "done": approved.

A plan not sent is in nobody's queue. The time in the queue is counted from the latest send.
Assignments are checked like every review action (`digiweb.review.services`): who acts, the plan's
version (two reviewers taking the same plan: the second gets a 409), its status; each writes a
timeline event and an audit entry. The request commits.
"""

from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import joinedload

from digiweb import clock
from digiweb.audit.services import record
from digiweb.auth.models import REVIEW_ROLES, Role, User
from digiweb.db_types import LabelledEnum, utcnow
from digiweb.errors import Conflict, Refusal
from digiweb.extensions import db
from digiweb.notifications.models import NotificationKind
from digiweb.numbers import whole_number
from digiweb.plans.models import Plan, PlanEventKind, PlanStatus
from digiweb.review import mail
from digiweb.review.services import _event, _label, _notify, _require_reviewer, _require_version
from digiweb.transaction import after_commit, flush_or_conflict


class QueueState(LabelledEnum):
    TO_REVIEW = "to_review"
    IN_REVIEW = "in_review"
    WAITING = "waiting"
    DONE = "done"

    @staticmethod
    def _labels():
        return {
            "to_review": _l("To review"),
            "in_review": _l("In review"),
            "waiting": _l("Waiting for the department"),
            "done": _l("Review done"),
        }


# The statuses in which a plan can be assigned: sent and not yet approved.
ASSIGNABLE = (PlanStatus.SUBMITTED, PlanStatus.RETURNED)


def queue_state(status: PlanStatus | None, reviewer_id: int | None) -> QueueState | None:
    if status == PlanStatus.SUBMITTED:
        return QueueState.IN_REVIEW if reviewer_id else QueueState.TO_REVIEW
    if status == PlanStatus.RETURNED:
        return QueueState.WAITING
    if status == PlanStatus.APPROVED:
        return QueueState.DONE
    return None


def days_in_queue(sent_at: datetime | None, today=None) -> int | None:
    """Whole days since the latest send (0 the day it was sent)."""
    if sent_at is None:
        return None
    return max(0, ((today or clock.today()) - clock.local_date(sent_at)).days)


def person(user: User | None) -> str:
    return (user.full_name or user.username) if user else ""


# --- assignment ------------------------------------------------------------------------------


def reviewer_choices() -> list[User]:
    """The accounts a plan can be assigned to: active reviewers and administrators."""
    return list(
        db.session.scalars(
            db.select(User)
            .where(User.role.in_(REVIEW_ROLES), User.active.is_(True))
            .order_by(User.full_name, User.username)
        )
    )


def assign_plan(plan: Plan, actor: User, reviewer: User | None, expected_version) -> None:
    """Give the plan to `reviewer` (None: to nobody). A reviewer may take a plan nobody has
    taken, or give up his own; an administrator may give any plan to any reviewer."""
    _require_reviewer(actor)
    is_admin = actor.role == Role.ADMIN
    taking = reviewer is not None and reviewer.id == actor.id
    if reviewer is not None and not taking and not is_admin:
        raise Refusal(_("Only an administrator can assign a plan to another reviewer."), 403)
    if reviewer is None and plan.reviewer_id not in (None, actor.id) and not is_admin:
        raise Refusal(_("Only an administrator can take a plan away from its reviewer."), 403)
    current = plan.reviewer
    if taking and current is not None and current.id != actor.id and not is_admin:
        # Taking a plan that someone else took in the meantime: never a silent overwrite.
        raise Conflict(
            _("%(name)s has already taken this plan: nothing was changed.", name=person(current)),
            version=plan.version,
        )
    _require_version(plan, expected_version)
    if plan.status not in ASSIGNABLE:
        raise Refusal(
            _(
                "Only a plan that has been sent and is not approved can be assigned "
                "(status: %(status)s).",
                status=plan.status.label,
            ),
            409,
        )
    if reviewer is not None and (reviewer.role not in REVIEW_ROLES or not reviewer.active):
        raise Refusal(_("Choose an active reviewer."), 422, field="reviewer")
    new_id = reviewer.id if reviewer else None
    if plan.reviewer_id == new_id:
        raise Refusal(
            _("This plan is already assigned to %(name)s.", name=person(current))
            if current
            else _("This plan is not assigned to anyone."),
            409,
        )
    plan.reviewer_id = new_id
    plan.reviewer = reviewer
    _event(
        plan,
        PlanEventKind.ASSIGNED,
        actor,
        "",
        created_at=utcnow(),
        snapshot={
            "reviewer_id": new_id,
            "reviewer": person(reviewer),
            "previous": person(current),
        },
    )
    mails = []
    if reviewer is not None and not taking:
        # The reviewer an administrator gives the plan to learns it (in the app, by e-mail).
        mails = _notify([reviewer], NotificationKind.PLAN_ASSIGNED, plan, actor)
    record(
        "plan_assigned",
        "plan",
        plan.id,
        label=_label(plan),
        changes={"reviewer": [person(current) or None, person(reviewer) or None]},
        actor=actor,
    )
    flush_or_conflict()
    if mails:
        after_commit(lambda: mail.deliver(mails))


# --- reading the queue -----------------------------------------------------------------------


@dataclass
class QueueRow:
    plan: Plan
    state: QueueState
    days: int | None

    @property
    def reviewer(self) -> User | None:
        return self.plan.reviewer


def queue_rows(states=None, reviewer_id: int | None = None) -> list[QueueRow]:
    """The sent plans of every campaign in the given states, longest in the queue first, with
    their departments, campaigns and reviewers in one query."""
    query = (
        db.select(Plan)
        .where(Plan.status.in_((PlanStatus.SUBMITTED, PlanStatus.RETURNED, PlanStatus.APPROVED)))
        .options(joinedload(Plan.reviewer))
        .order_by(Plan.submitted_at, Plan.id)
    )
    if reviewer_id is not None:
        query = query.where(Plan.reviewer_id == reviewer_id)
    today = clock.today()
    rows = []
    for plan in db.session.scalars(query).unique():
        state = queue_state(plan.status, plan.reviewer_id)
        if states is None or state in states:
            rows.append(QueueRow(plan, state, days_in_queue(plan.submitted_at, today)))
    return rows


def state_counts() -> dict[str, int]:
    """How many plans are in each state (every campaign), and how many in review are whose."""
    query = (
        db.select(Plan.status, Plan.reviewer_id, db.func.count(Plan.id))
        .where(Plan.status.in_((PlanStatus.SUBMITTED, PlanStatus.RETURNED, PlanStatus.APPROVED)))
        .group_by(Plan.status, Plan.reviewer_id)
    )
    counts = {state.value: 0 for state in QueueState}
    counts["by_reviewer"] = {}
    for status, reviewer_id, n in db.session.execute(query):
        counts[queue_state(status, reviewer_id).value] += n
        if status == PlanStatus.SUBMITTED and reviewer_id:
            counts["by_reviewer"][reviewer_id] = counts["by_reviewer"].get(reviewer_id, 0) + n
    return counts


def awaiting(user: User) -> dict:
    """The reviewer's home: his plans in review and the plans nobody has taken, with the
    counts per state."""
    rows = [
        row
        for row in queue_rows((QueueState.IN_REVIEW, QueueState.TO_REVIEW))
        if row.state == QueueState.TO_REVIEW or row.plan.reviewer_id == user.id
    ]
    counts = state_counts()
    return {
        "rows": rows,
        "counts": counts,
        "mine": counts["by_reviewer"].get(user.id, 0),
        "states": list(QueueState),
    }


# --- the board's filters ---------------------------------------------------------------------

SORTS = ("department", "time", "state", "reviewer")
STATE_ORDER = {state: rank for rank, state in enumerate(QueueState)}


def board_filters(args, user) -> dict:
    """The queue filters of the board read from the query string (unknown values ignored):
    `queue` a state, `reviewer` an id, `me` or `none`, `sort` department, time, state or
    reviewer."""
    state = QueueState.coerce(args.get("queue", ""))
    reviewer = args.get("reviewer", "")
    if reviewer == "me":
        reviewer = str(user.id)
    if reviewer not in ("", "none") and whole_number(reviewer, minimum=1) is None:
        reviewer = ""
    sort = args.get("sort", "")
    return {
        "queue": state.value if state else "",
        "reviewer": reviewer,
        "sort": sort if sort in SORTS else "",
    }


def filter_board(rows: list, filters: dict) -> list:
    """The board's rows (digiweb.review.board.BoardRow) kept and ordered as `filters` say."""
    if filters["queue"]:
        rows = [r for r in rows if r.queue_state and r.queue_state.value == filters["queue"]]
    if filters["reviewer"] == "none":
        rows = [r for r in rows if r.is_sent and not r.reviewer_id]
    elif filters["reviewer"]:
        rows = [r for r in rows if r.reviewer_id == int(filters["reviewer"])]
    if filters["sort"] == "time":
        # Longest in the queue first; plans not sent at the end.
        rows = sorted(rows, key=lambda r: (r.days_in_queue is None, -(r.days_in_queue or 0)))
    elif filters["sort"] == "state":
        # To review first, done last, plans not sent after them; longest waiting first.
        rows = sorted(
            rows,
            key=lambda r: (
                STATE_ORDER.get(r.queue_state, len(STATE_ORDER)),
                -(r.days_in_queue or 0),
            ),
        )
    elif filters["sort"] == "reviewer":
        # By reviewer's name, plans nobody has taken after them.
        rows = sorted(rows, key=lambda r: (not r.reviewer_name, r.reviewer_name.casefold()))
    return rows


def filter_arguments(filters: dict) -> dict:
    """The filters as url_for arguments (empty ones left out), for links that keep them."""
    return {name: value for name, value in filters.items() if value}
