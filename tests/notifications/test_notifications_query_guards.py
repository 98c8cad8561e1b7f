"""Query-count guard of the notifications list: the same number of queries for a user with 2
notifications as for one with a full page of them and more (read and unread, every kind)."""

from digiweb.auth.models import User
from digiweb.extensions import db
from digiweb.notifications.models import Notification, NotificationKind
from tests.factories import client_as, make_user
from tests.ops.guard_world import measure


def _notify(user_id: int, how_many: int) -> None:
    kinds = list(NotificationKind)
    for n in range(how_many):
        db.session.add(
            Notification(
                user_id=user_id,
                kind=kinds[n % len(kinds)],
                params={
                    "year": 2030,
                    "department_code": f"D{n}",
                    "department_ar": f"وزارة {n}",
                    "department_fr": f"Ministère {n}",
                },
                link="/plans",
            )
        )
    db.session.commit()


def test_the_list_costs_the_same_queries_whatever_the_number_of_notifications(app, count_queries):
    make_user("officer-a")
    make_user("officer-b")
    db.session.commit()
    ids = {u.username: u.id for u in db.session.scalars(db.select(User))}
    _notify(ids["officer-a"], 2)
    _notify(ids["officer-b"], 60)
    small, large = client_as(app, "officer-a", "fr"), client_as(app, "officer-b", "fr")
    for htmx in (False, True):
        few, _ = measure(small, count_queries, "/notifications", htmx)
        many, body = measure(large, count_queries, "/notifications", htmx)
        assert "Ministère 59" in body  # newest first
        assert many.count <= few.count, (htmx, few.statements, many.statements)
        second, _ = measure(large, count_queries, "/notifications?page=2", htmx)
        assert second.count <= few.count, (htmx, few.statements, second.statements)
