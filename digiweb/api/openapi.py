"""The OpenAPI 3.1 description of /api/v1, kept next to the code it describes, served at
GET /api/v1/openapi.json.

Each route module of this package has its path here, with its parameters, its answers and the
JSON Schema (2020-12, the dialect of OpenAPI 3.1) of each answer's body. The enums come from the
models, so a new status or target is described without an edit here. tests/api/test_openapi.py
validates the document (openapi-spec-validator), checks that every /api/v1 rule of the app is
described, and validates real answers of every endpoint against these schemas: a field added to
an answer without its description here fails there (objects do not allow unknown properties).
"""

from __future__ import annotations

from flask import jsonify

from digiweb.api import bp
from digiweb.api.open_data import COLUMNS
from digiweb.plans.models import (
    PlanStatus,
    Priority,
    ProjectKind,
    ProjectStatus,
    Rating,
    Target,
    Technology,
)

VERSION = "1.2.0"  # of the API's description: minor for an addition, major for a change
SORT_KEYS = ("reference", "title", "department", "target", "status", "budget", "progress")
MAX_PER_PAGE = 50


def _values(enum) -> list[str]:
    return [member.value for member in enum]


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(schema: dict) -> dict:
    if "$ref" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    if "enum" in schema:
        return {
            **schema,
            "type": [schema.get("type", "string"), "null"],
            "enum": [*schema["enum"], None],
        }
    return {**schema, "type": [schema["type"], "null"]}


def _object(properties: dict, *, required=None, description: str = "") -> dict:
    schema = {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else list(required),
        "additionalProperties": False,
    }
    if description:
        schema["description"] = description
    return schema


COUNT = {"type": "integer", "minimum": 0}
DATETIME = {"type": "string", "format": "date-time"}
DATE = {"type": "string", "format": "date"}
LEVEL = {"type": "integer", "minimum": 0, "maximum": 4}
LEVELS = [str(level) for level in range(5)]


def _counts(description: str, keys=None) -> dict:
    schema = {"type": "object", "additionalProperties": COUNT, "description": description}
    if keys:
        schema["propertyNames"] = {"enum": list(keys)}
    return schema


def _schemas() -> dict:
    return {
        "Error": _object(
            {
                "error": {
                    "type": "string",
                    "description": "What went wrong, in the user's language.",
                },
                "status": {"type": "integer", "description": "The HTTP status, repeated."},
                "field": {"type": "string", "description": "The parameter at fault."},
                "message": {"type": "string"},
            },
            required=["error", "status"],
        ),
        "Stats": _object(
            {
                "year": {"type": "integer"},
                "departments_invited": COUNT,
                "departments_submitted": {
                    **COUNT,
                    "description": "Plans sent (submitted, returned or approved).",
                },
                "projects": {**COUNT, "description": "Projects of the sent plans."},
                "by_target": _object(
                    {
                        "citizens": COUNT,
                        "economic_operators": COUNT,
                        "administration": COUNT,
                        "other": {
                            **COUNT,
                            "description": "Other administrations and projects without a target.",
                        },
                    },
                    description="Projects by whom they serve.",
                ),
                "by_status": _counts("Projects by status.", _values(ProjectStatus)),
                "by_technology": _counts("Projects using each technology.", _values(Technology)),
                "by_department": _counts(
                    "Projects of each department whose plan was sent, by department code."
                ),
                "departments_approved": COUNT,
                "plans_by_status": _counts("Plans by status.", _values(PlanStatus)),
                "by_kind": _counts(
                    "Projects by kind (`none`: not given).", [*_values(ProjectKind), "none"]
                ),
                "budget_dzd": {**COUNT, "description": "Total budget of the projects, in dinars."},
                "accepted_projects": {
                    **COUNT,
                    "description": (
                        "Projects of the sent plans that a reviewer accepted (each project of a "
                        "sent plan is accepted or returned; an approved plan has every project "
                        "decided)."
                    ),
                },
                "accepted_budget_dzd": {
                    **COUNT,
                    "description": "Total budget of the accepted projects, in dinars.",
                },
                "accepted_by_department": _counts(
                    "Accepted projects of each department whose plan was sent, by department code."
                ),
            },
            description=(
                "The consolidated figures of a campaign: sent plans only. An officer gets its own "
                "department's figures."
            ),
        ),
        "PlanItem": _object(
            {
                "department": {"type": "string", "description": "Department code."},
                "department_name_ar": {"type": "string"},
                "department_name_fr": {"type": "string"},
                "plan_id": _nullable({"type": "integer"}),
                "status": {"type": "string", "enum": _values(PlanStatus)},
                "projects": COUNT,
                "submitted_at": _nullable(DATETIME),
                "first_submitted_at": _nullable(DATETIME),
                "returned_at": _nullable(DATETIME),
                "approved_at": _nullable(DATETIME),
                "last_activity_at": _nullable(DATETIME),
                "days_late": _nullable({"type": "integer"}),
                "reminders": COUNT,
                "last_reminder_at": _nullable(DATETIME),
            }
        ),
        "Plans": _object(
            {
                "year": {"type": "integer"},
                "deadline": _nullable(DATE),
                "items": {"type": "array", "items": _ref("PlanItem")},
            }
        ),
        "ProjectItem": _object(
            {
                "id": {"type": "integer"},
                "reference": {"type": "string", "examples": ["2021-MF-001"]},
                "year": {"type": "integer"},
                "title_ar": {"type": "string"},
                "title_fr": {"type": "string"},
                "department": {"type": "string", "description": "Department code."},
                "target": _nullable({"type": "string", "enum": _values(Target)}),
                "kind": _nullable({"type": "string", "enum": _values(ProjectKind)}),
                "technologies": {
                    "type": "array",
                    "items": {"type": "string", "enum": _values(Technology)},
                },
                "status": _nullable({"type": "string", "enum": _values(ProjectStatus)}),
                "progress": _nullable({"type": "integer", "minimum": 0, "maximum": 100}),
                "priority": _nullable({"type": "string", "enum": _values(Priority)}),
                "start_date": _nullable(DATE),
                "end_date": _nullable(DATE),
                "budget_dzd": _nullable({"type": "integer", "minimum": 0}),
                "maturity_level": _nullable(
                    {
                        **LEVEL,
                        "description": "How far the procedure the project serves is online "
                        "today: 0 paper only, 1 information online, 2 form to download, 3 online "
                        "submission, 4 fully online (tracking, e-payment or e-signature); null "
                        "when not given.",
                    }
                ),
                "maturity_target": _nullable(
                    {**LEVEL, "description": "The level the project brings it to (0-4)."}
                ),
                "self_rating": _nullable(
                    {
                        "type": "string",
                        "enum": _values(Rating),
                        "description": "The department's latest self-rating.",
                    }
                ),
                "self_rating_on": _nullable(DATE),
                "ministry_rating": _nullable(
                    {
                        "type": "string",
                        "enum": _values(Rating),
                        "description": "The ministry's latest rating.",
                    }
                ),
                "ministry_rating_on": _nullable(DATE),
                "rating_stale": {
                    "type": "boolean",
                    "description": "One of the two ratings is older than RATING_STALE_DAYS.",
                },
                "url": {
                    "type": "string",
                    "description": "The project's page (a path of this site).",
                },
            }
        ),
        "ProjectPage": _object(
            {
                "total": COUNT,
                "page": {"type": "integer", "minimum": 1},
                "per_page": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE},
                "pages": COUNT,
                "year": _nullable({"type": "integer", "description": "null: every year."}),
                "items": {"type": "array", "items": _ref("ProjectItem")},
            }
        ),
        "OpenDataDepartment": _object(
            {
                "year": {"type": "integer"},
                "department": {"type": "string", "description": "Department code."},
                "department_name_ar": {"type": "string"},
                "department_name_fr": {"type": "string"},
                "plan_status": _nullable({"type": "string", "enum": _values(PlanStatus)}),
                "plan_sent": {"type": "boolean", "description": "Submitted, returned or approved."},
                "projects": {**COUNT, "description": "Projects of the plan if sent, else 0."},
                "budget_dzd": {
                    **COUNT,
                    "description": "Their total budget in dinars if sent, else 0.",
                },
            },
            description=(
                "One department invited to the campaign (or holding a plan in it). The CSV has "
                "these columns in this order."
            ),
        ),
        "OpenData": _object(
            {
                "year": {"type": "integer"},
                "totals": _ref("Stats"),
                "departments": {"type": "array", "items": _ref("OpenDataDepartment")},
            }
        ),
    }


def _error(description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": _ref("Error")}},
    }


def _json(description: str, schema_name: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": _ref(schema_name)}},
    }


UNAUTHORIZED = (
    "No login: no session, or a wrong, expired or revoked token (`WWW-Authenticate: Bearer`)."
)
TOO_MANY = "Too many requests with this token (`Retry-After` says when to come back)."


def _query(name, schema, description, required=False) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": required,
        "schema": schema,
        "description": description,
    }


def _get(operation_id: str, description: str, parameters: list, responses: dict, tag: str) -> dict:
    return {
        "get": {
            "operationId": operation_id,
            "summary": description.split(". ")[0].rstrip(".") + ".",
            "description": description,
            "tags": [tag],
            "parameters": parameters,
            "responses": {
                **responses,
                "401": _error(UNAUTHORIZED),
                "429": _error(TOO_MANY),
            },
        }
    }


def _enum_query(name: str, enum, description: str) -> dict:
    return _query(name, {"type": "string", "enum": ["", *_values(enum)]}, description)


def _paths() -> dict:
    year_in_path = {
        "name": "year",
        "in": "path",
        "required": True,
        "schema": {"type": "integer", "minimum": 1, "examples": [2021]},
        "description": "The campaign's year.",
    }
    unknown_year = _error("No campaign for this year.")
    return {
        "/plans": _get(
            "listPlans",
            "Every invited department's plan of a campaign, with its status, dates and reminders. "
            "An officer gets its own department's plan only.",
            [
                _query(
                    "year",
                    {"type": "integer", "minimum": 1},
                    "The campaign's year; the current campaign without it.",
                )
            ],
            {
                "200": _json("The plans.", "Plans"),
                "400": _error("The year is not a number."),
                "404": _error("No campaign for this year."),
            },
            "plans",
        ),
        "/projects": _get(
            "listProjects",
            "The consolidated project list, with the filters of the list page. An officer gets "
            "its own department's projects only.",
            [
                _query(
                    "year",
                    {"type": "string", "pattern": "^([0-9]{4}|all)$", "examples": ["2021", "all"]},
                    "A campaign's year, or `all`; the latest campaign without it.",
                ),
                _query(
                    "q",
                    {"type": "string", "maxLength": 200},
                    "Words searched in references and titles (Arabic and French).",
                ),
                _query(
                    "department",
                    {"type": "string", "pattern": "^[A-Za-z0-9_-]{0,16}$"},
                    "A department code.",
                ),
                _enum_query("target", Target, "Whom the projects serve."),
                _enum_query("kind", ProjectKind, "The kind of project."),
                _enum_query("technology", Technology, "A technology the projects use."),
                _enum_query("status", ProjectStatus, "The projects' status."),
                _query(
                    "maturity",
                    {"type": "string", "enum": ["", *LEVELS]},
                    "The digital maturity of the procedure today (0-4).",
                ),
                _query(
                    "maturity_target",
                    {"type": "string", "enum": ["", *LEVELS]},
                    "The digital maturity targeted (0-4).",
                ),
                _query(
                    "sort",
                    {"type": "string", "enum": ["", *SORT_KEYS, *(f"-{key}" for key in SORT_KEYS)]},
                    "The order (`-` before the key: descending); `reference` by default.",
                ),
                _query("page", {"type": "integer", "minimum": 1}, "The page, from 1."),
                _query(
                    "per_page",
                    {"type": "integer", "minimum": 1},
                    f"Projects per page (at most {MAX_PER_PAGE}: more is lowered to it).",
                ),
                _query(
                    "after",
                    {"type": "string", "maxLength": 40},
                    "Reference order only: the page after this project reference.",
                ),
                _query(
                    "before",
                    {"type": "string", "maxLength": 40},
                    "Reference order only: the page before this project reference.",
                ),
            ],
            {
                "200": _json("One page of projects, with the exact total.", "ProjectPage"),
                "400": _error("A parameter cannot be used (`field` names it)."),
            },
            "projects",
        ),
        "/stats": _get(
            "getStats",
            "The consolidated figures of a campaign, the same JSON as `flask stats --format json`. "
            "An officer gets its own department's figures.",
            [
                _query(
                    "year",
                    {"type": "string", "pattern": "^[0-9]{4}$", "examples": ["2021"]},
                    "The campaign's year.",
                    required=True,
                )
            ],
            {
                "200": _json("The figures.", "Stats"),
                "400": _error("The year is missing or malformed."),
                "404": unknown_year,
            },
            "statistics",
        ),
        "/open-data/{year}.json": _get(
            "getOpenDataJson",
            "Open data: a year's consolidated figures, the totals and one row per department, to "
            "publish as they are. An officer gets its own department only.",
            [year_in_path],
            {"200": _json("The figures.", "OpenData"), "404": unknown_year},
            "open data",
        ),
        "/open-data/{year}.csv": _get(
            "getOpenDataCsv",
            "Open data: a year's consolidated figures as CSV, one row per department (UTF-8 with a "
            "byte order mark, comma-separated, a header line; `true`/`false`; an empty cell for "
            "nothing). An officer gets its own department only.",
            [year_in_path],
            {
                "200": {
                    "description": "The CSV. Its columns: " + ", ".join(COLUMNS) + ".",
                    "headers": {
                        "Content-Disposition": {
                            "schema": {"type": "string"},
                            "description": 'attachment; filename="digiweb-open-data-YEAR.csv"',
                        }
                    },
                    "content": {
                        "text/csv": {
                            "schema": {"type": "string"},
                            "x-columns": list(COLUMNS),
                        }
                    },
                },
                "404": unknown_year,
            },
            "open data",
        ),
        "/openapi.json": _get(
            "getOpenApi",
            "This description of the API (OpenAPI 3.1).",
            [],
            {
                "200": {
                    "description": "The OpenAPI document.",
                    "content": {"application/json": {"schema": {"type": "object"}}},
                }
            },
            "description",
        ),
    }


def spec() -> dict:
    """The OpenAPI document (a new dict at each call)."""
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "info": {
            "title": "digiweb API",
            "version": VERSION,
            "summary": "The digitization action plans of the ministerial departments, read-only.",
            "description": (
                "Read-only JSON (and CSV) API of digiweb. Every request needs a login: the "
                "browser's session, or a personal API token made on the page /account/tokens "
                "(or `flask --app wsgi tokens create USERNAME`) sent as `Authorization: Bearer "
                "<token>`. A token has exactly its owner's rights: an officer reads its own "
                "department, staff read every department. Tokens only read (GET) and each has "
                "a request budget. Error messages follow the language of `?lang=ar|fr`, else "
                "the account's."
            ),
        },
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearerToken": []}, {"sessionCookie": []}],
        "tags": [
            {"name": "plans"},
            {"name": "projects"},
            {"name": "statistics"},
            {"name": "open data", "description": "A year's consolidated figures, to publish."},
            {"name": "description"},
        ],
        "paths": _paths(),
        "components": {
            "schemas": _schemas(),
            "securitySchemes": {
                "bearerToken": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "A personal API token (`dgw_…`), read-only, with an expiry.",
                },
                "sessionCookie": {
                    "type": "apiKey",
                    "in": "cookie",
                    "name": "session",
                    "description": "The browser's login session.",
                },
            },
        },
    }


@bp.get("/openapi.json")
def openapi():
    return jsonify(spec())
