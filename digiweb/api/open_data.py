"""GET /api/v1/open-data/<year>.json and .csv: a year's consolidated figures in a flat,
documented form, ready to publish (a national open-data portal, a statistics office).

The same figures as /api/v1/stats (one function: `consolidated_stats`, sent plans only) and the
same scope: staff get every department, an officer its own department only. The JSON holds the
totals (the object of /api/v1/stats) and one row per department; the CSV holds the rows only,
one per department, with the columns of the JSON rows in the same order (UTF-8 with a BOM so
that Excel reads the Arabic names right). The description of both is in openapi.py.
"""

import csv
import io
import json

from flask import current_app, jsonify
from flask_babel import gettext as _
from flask_login import current_user

from digiweb.api import bp
from digiweb.dashboard.services import UnknownYearError, consolidated_stats, stats_json
from digiweb.security import department_scope

NO_DEPARTMENT = 0  # an officer without a department: no department's figures
# The columns of a department's row, in order (the CSV's header, the JSON rows' keys).
COLUMNS = (
    "year",
    "department",
    "department_name_ar",
    "department_name_fr",
    "plan_status",
    "plan_sent",
    "projects",
    "budget_dzd",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _figures(year: int):
    scope = department_scope(current_user)
    if scope is None and not current_user.sees_all_departments:
        scope = NO_DEPARTMENT
    return consolidated_stats(year, department_id=scope)


def _rows(figures: dict) -> list[dict]:
    return [
        {
            "year": figures["year"],
            "department": department["code"],
            "department_name_ar": department["name_ar"],
            "department_name_fr": department["name_fr"],
            "plan_status": department["status"].value if department["status"] else None,
            "plan_sent": department["sent"],
            "projects": department["projects"],
            "budget_dzd": department["budget"],
        }
        for department in figures["by_department"]
    ]


def _unknown_year(year: int):
    message = _("No campaign for the year %(year)s.", year=year)
    return jsonify(error=message, field="year", status=404), 404


def _filename(year: int, extension: str) -> str:
    scope = department_scope(current_user)
    suffix = f"-{current_user.department.code}" if scope and current_user.department else ""
    return f"digiweb-open-data-{year}{suffix}.{extension}"


@bp.get("/open-data/<int:year>.json")
def open_data_json(year: int):
    try:
        figures = _figures(year)
    except UnknownYearError:
        return _unknown_year(year)
    body = {"year": figures["year"], "totals": stats_json(figures), "departments": _rows(figures)}
    response = current_app.response_class(
        json.dumps(body, ensure_ascii=False), mimetype="application/json"
    )
    response.headers["Content-Disposition"] = f'inline; filename="{_filename(year, "json")}"'
    return response


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value  # a spreadsheet shows it as text, never runs it as a formula
    return value


@bp.get("/open-data/<int:year>.csv")
def open_data_csv(year: int):
    try:
        figures = _figures(year)
    except UnknownYearError:
        return _unknown_year(year)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows([_cell(row[column]) for column in COLUMNS] for row in _rows(figures))
    response = current_app.response_class(
        ("\ufeff" + buffer.getvalue()).encode("utf-8"), mimetype="text/csv"
    )
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="{_filename(year, "csv")}"'
    return response
