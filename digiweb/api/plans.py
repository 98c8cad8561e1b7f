"""GET /api/v1/plans?year=YEAR: every invited department's plan, scoped like the pages (an
officer sees only its own department's plan)."""

from flask import jsonify, request
from flask_login import current_user

from digiweb.api import bp
from digiweb.campaigns.services import campaign_for_year, current_campaign
from digiweb.numbers import whole_number
from digiweb.review.board import board_rows
from digiweb.security import department_scope


def _iso(value):
    return value.isoformat() if value is not None else None


@bp.get("/plans")
def plans():
    raw_year = request.args.get("year")
    year = whole_number(raw_year)
    if raw_year is not None and year is None:  # "²", "١٢", huge: not a year any campaign can have
        return jsonify(error="Bad Request", message="year must be a number", status=400), 400
    campaign = campaign_for_year(year) if year is not None else current_campaign()
    if campaign is None:
        return jsonify(error="Not Found", message="no campaign for this year", status=404), 404
    scope = department_scope(current_user)
    if scope is None and not current_user.sees_all_departments:
        rows = []
    else:
        rows = board_rows(campaign, department_id=scope)
    items = [
        {
            "department": row.department.code,
            "department_name_ar": row.department.name_ar,
            "department_name_fr": row.department.name_fr,
            "plan_id": row.plan_id,
            "status": row.status.value,
            "projects": row.projects,
            "submitted_at": _iso(row.submitted_at),
            "first_submitted_at": _iso(row.first_sent_at),
            "returned_at": _iso(row.returned_at),
            "approved_at": _iso(row.approved_at),
            "last_activity_at": _iso(row.last_activity_at),
            "days_late": row.days_late,
            "reminders": row.reminders,
            "last_reminder_at": _iso(row.last_reminder_at),
        }
        for row in rows
    ]
    return jsonify(year=campaign.year, deadline=_iso(campaign.deadline), items=items)
