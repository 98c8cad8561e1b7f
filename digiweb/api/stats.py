"""GET /api/v1/stats?year=YEAR: the consolidated figures, the same JSON as
`flask --app wsgi stats --year YEAR --format json` (both call `stats_json(consolidated_stats())`).

Officers get their own department's figures only (`departments_invited` / `departments_submitted`
then say whether their department was invited and sent its plan); an officer without a
department gets zeros. The figures come from the dashboard's cached aggregates (services.py).
A missing or malformed year answers 400, a year without a campaign 404, with a message in the
user's language.
"""

import json

from flask import current_app, jsonify, request
from flask_babel import gettext as _
from flask_login import current_user

from digiweb.api import bp
from digiweb.dashboard.services import UnknownYearError, consolidated_stats, stats_json
from digiweb.security import department_scope

NO_DEPARTMENT = 0  # no department has this id: every figure is 0


@bp.get("/stats")
def stats():
    raw = request.args.get("year", "").strip()
    if not raw:
        return jsonify(error=_("The year is required."), field="year", status=400), 400
    if not (raw.isascii() and raw.isdigit() and len(raw) == 4):
        message = _("The year must be a number such as 2021.")
        return jsonify(error=message, field="year", status=400), 400
    scope = department_scope(current_user)
    if scope is None and not current_user.sees_all_departments:
        # An officer without a department sees no department's figures (not everyone's).
        scope = NO_DEPARTMENT
    try:
        figures = consolidated_stats(int(raw), department_id=scope)
    except UnknownYearError:
        message = _("No campaign for the year %(year)s.", year=raw)
        return jsonify(error=message, field="year", status=404), 404
    # Keys in the contract's order, exactly as the CLI prints them (jsonify would sort them).
    body = json.dumps(stats_json(figures), ensure_ascii=False)
    return current_app.response_class(body, mimetype="application/json")
