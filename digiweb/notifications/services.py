"""In-app notifications: who gets one, how its text reads in the reader's language, the unread
counter and marking as read.

A notification stores `kind` and language-neutral `params` (year, department code and both
names, actor, comment); its sentence is rendered when it is read, in the reader's language.
"""

from flask_babel import gettext as _

from digiweb.auth.models import Role, User
from digiweb.db_types import utcnow
from digiweb.departments.names import department_in_sentence
from digiweb.extensions import db
from digiweb.i18n import language
from digiweb.notifications.models import Notification, NotificationKind

PER_PAGE = 30


def reviewers() -> list[User]:
    """Every active reviewer account (they get one notification per submission)."""
    return list(
        db.session.scalars(
            db.select(User).where(User.role == Role.REVIEWER, User.active).order_by(User.id)
        )
    )


def officers_of(department_id: int | None) -> list[User]:
    """The active officers of a department (of every department when None)."""
    query = db.select(User).where(User.role == Role.OFFICER, User.active).order_by(User.id)
    if department_id is not None:
        query = query.where(User.department_id == department_id)
    return list(db.session.scalars(query))


def notify_users(users, kind: NotificationKind, params: dict, link: str = "") -> list:
    """One notification per user, added to the current transaction. Returns [(user,
    notification)] so that the caller can also e-mail them once the transaction is committed."""
    created = []
    for user in users:
        notification = Notification(user_id=user.id, kind=kind, params=dict(params), link=link)
        db.session.add(notification)
        created.append((user, notification))
    return created


def department_name(params: dict) -> str:
    """The department's name in the current language, from the stored params."""
    if language() == "fr":
        return params.get("department_fr") or params.get("department_code", "")
    return params.get("department_ar") or params.get("department_code", "")


def render_text(kind: NotificationKind, params: dict) -> str:
    """The notification's sentence in the language in force."""
    code = params.get("department_code", "")
    fr, ar = params.get("department_fr") or code, params.get("department_ar") or code
    values = {
        "department": department_name(params),
        "of_department": department_in_sentence(fr, ar, "of"),
        "year": params.get("year", ""),
    }
    to_department = department_in_sentence(fr, ar, "to")
    if kind == NotificationKind.REMINDER:
        return _("Reminder: the %(year)s plan %(of_department)s has not been sent yet.", **values)
    if kind == NotificationKind.SUBMITTED:
        return _("%(department)s sent its %(year)s plan for review.", **values)
    if kind == NotificationKind.RETURNED:
        return _("The %(year)s plan %(of_department)s was returned for revision.", **values)
    if kind == NotificationKind.APPROVED:
        return _("The %(year)s plan %(of_department)s was approved.", **values)
    if kind == NotificationKind.REOPENED:
        return _("The approval of the %(year)s plan %(of_department)s was reopened.", **values)
    if kind == NotificationKind.DECISION and params.get("reference"):
        return _(
            "A decision of meeting %(reference)s was assigned %(to_department)s.",
            reference=params["reference"],
            to_department=to_department,
        )
    if kind == NotificationKind.DECISION_OVERDUE and params.get("reference"):
        return _(
            "A decision of meeting %(reference)s assigned %(to_department)s is overdue "
            "(due %(due)s).",
            reference=params["reference"],
            to_department=to_department,
            due=params.get("due", ""),
        )
    meeting_texts = {
        NotificationKind.MEETING_INVITATION: _(
            "You are invited to meeting %(reference)s: %(title)s, on %(starts)s."
        ),
        NotificationKind.MEETING_UPDATED: _(
            "Meeting %(reference)s changed: %(title)s, now on %(starts)s."
        ),
        NotificationKind.MEETING_CANCELLED: _("Meeting %(reference)s (%(title)s) is cancelled."),
    }
    if kind in meeting_texts and params.get("reference"):
        title = params.get("title_fr") if language() == "fr" else params.get("title_ar")
        return meeting_texts[kind] % {
            "reference": params["reference"],
            "title": title or "",
            "starts": params.get("starts", ""),
        }
    if params.get("department_code"):
        return _("%(label)s: %(department)s", label=kind.label, department=values["department"])
    return kind.label


def unread_count(user) -> int:
    """One COUNT query (indexed on user and read_at)."""
    return db.session.scalar(
        db.select(db.func.count(Notification.id)).where(
            Notification.user_id == user.id, Notification.read_at.is_(None)
        )
    )


def notifications_page(user, page: int = 1) -> tuple[list[Notification], int]:
    """(the page's notifications, newest first; total count)."""
    page = max(1, page)
    total = db.session.scalar(
        db.select(db.func.count(Notification.id)).where(Notification.user_id == user.id)
    )
    items = list(
        db.session.scalars(
            db.select(Notification)
            .where(Notification.user_id == user.id)
            .order_by(Notification.created_at.desc(), Notification.id.desc())
            .limit(PER_PAGE)
            .offset((page - 1) * PER_PAGE)
        )
    )
    return items, total


def own_notification(user, notification_id: int) -> Notification | None:
    """One of the user's notifications; None when it is not theirs (or absent)."""
    if not 0 < notification_id < 2**31:
        return None
    notification = db.session.get(Notification, notification_id)
    if notification is None or notification.user_id != user.id:
        return None
    return notification


def mark_read(user, notification_id: int) -> Notification | None:
    """Mark one of the user's notifications read; None when it is not theirs (or absent)."""
    notification = own_notification(user, notification_id)
    if notification is not None and notification.read_at is None:
        notification.read_at = utcnow()
        db.session.flush()
    return notification


def mark_all_read(user) -> int:
    result = db.session.execute(
        db.update(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
    return result.rowcount
