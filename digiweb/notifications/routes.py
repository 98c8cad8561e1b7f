"""The user's notifications: the unread badge in the header, the list, marking as read."""

from flask import abort, redirect, request, url_for
from flask_login import current_user

from digiweb.htmx import is_htmx, render
from digiweb.notifications import bp, services
from digiweb.security import safe_next_url


@bp.app_context_processor
def notification_globals():
    return {
        "unread_notifications": lambda: (
            services.unread_count(current_user) if current_user.is_authenticated else 0
        ),
        "notification_text": services.render_text,
    }


def _list_response(status: int = 200):
    page = min(max(1, request.args.get("page", 1, type=int)), 10**6)  # ?page=10**30: no 500
    items, total = services.notifications_page(current_user, page)
    return render(
        "notifications/index.html",
        "notifications/_list.html",
        status=status,
        items=items,
        total=total,
        page_number=page,
        per_page=services.PER_PAGE,
    )


@bp.get("/notifications")
def index():
    return _list_response()


@bp.route("/notifications/<int:notification_id>/open", methods=["GET", "POST"])
def open_(notification_id: int):
    """Go where the notification points; the list's button (a POST) also marks it read, while
    the same address followed as a link (a GET) only leads there."""
    if request.method == "POST":
        notification = services.mark_read(current_user, notification_id)
    else:
        notification = services.own_notification(current_user, notification_id)
    if notification is None:
        abort(404)
    return redirect(safe_next_url(notification.link, "notifications.index"), 303)


@bp.post("/notifications/<int:notification_id>/read")
def mark_read(notification_id: int):
    if services.mark_read(current_user, notification_id) is None:
        abort(404)
    if is_htmx():
        return _list_response()
    return redirect(url_for("notifications.index"), 303)


@bp.post("/notifications/read-all")
def mark_all_read():
    services.mark_all_read(current_user)
    if is_htmx():
        return _list_response()
    return redirect(url_for("notifications.index"), 303)
