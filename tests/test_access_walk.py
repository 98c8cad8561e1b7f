"""Who may open what.

1. A table of routes × the six kinds of visitor (anonymous, the officer of department A, the
   officer of department B, reviewer, viewer, admin) with the expected answer; a refused request
   changes nothing in the database.
2. Walks over `app.url_map`, so that routes added later are covered without being listed:
   every GET page without URL parameters sends anonymous visitors to the login page (except the
   public ones), and every /admin/... route answers 403 to an officer and to a viewer.
"""

import pytest
from flask import url_for

from digiweb.auth.models import User
from digiweb.departments.models import Department
from digiweb.extensions import db
from tests.test_csrf_everywhere import database_snapshot, url_with_ids

VISITORS = ("anonymous", "officer_a", "officer_b", "reviewer", "viewer", "admin")
ACCOUNTS = {
    "officer_a": "officer-mf",
    "officer_b": "officer-mj",
    "reviewer": "reviewer",
    "viewer": "viewer",
    "admin": "admin",
}
PUBLIC_PATHS = {"/login", "/healthz"}

LOGIN = "login"  # expected: a redirect to the login page
ADMIN_ONLY = {
    "anonymous": LOGIN,
    "officer_a": 403,
    "officer_b": 403,
    "reviewer": 403,
    "viewer": 403,
    "admin": 200,
}
ADMIN_ACTION = {**ADMIN_ONLY, "admin": 302}

# (method, path, expected by visitor). {MF}/{MJ} are department ids, {user:NAME} a user's id.
ROUTES = [
    (
        "GET",
        "/",
        {**dict.fromkeys(VISITORS, 200), "anonymous": LOGIN},
    ),
    ("GET", "/admin/departments", ADMIN_ONLY),
    ("GET", "/admin/departments?q=MF", ADMIN_ONLY),
    ("GET", "/admin/departments/new", ADMIN_ONLY),
    ("GET", "/admin/departments/{MF}/edit", ADMIN_ONLY),
    ("POST", "/admin/departments/{MJ}/deactivate", ADMIN_ACTION),
    ("POST", "/admin/departments/{MJ}/activate", ADMIN_ACTION),
    ("GET", "/admin/users", ADMIN_ONLY),
    ("GET", "/admin/users/new", ADMIN_ONLY),
    ("GET", "/admin/users/{user:officer-mj}/edit", ADMIN_ONLY),
    ("GET", "/admin/users/{user:officer-mj}/password", ADMIN_ONLY),
    ("POST", "/admin/users/{user:officer-mj}/deactivate", ADMIN_ACTION),
    ("POST", "/admin/users/{user:officer-mj}/activate", ADMIN_ACTION),
    ("POST", "/admin/users/{user:officer-mj}/unlock", ADMIN_ACTION),
    # one's own account: every logged-in visitor
    ("GET", "/account", {**dict.fromkeys(VISITORS, 200), "anonymous": LOGIN}),
    ("GET", "/account/password", {**dict.fromkeys(VISITORS, 200), "anonymous": LOGIN}),
]


def _resolve(path: str) -> str:
    for department in db.session.scalars(db.select(Department)):
        path = path.replace(f"{{{department.code}}}", str(department.id))
    for user in db.session.scalars(db.select(User)):
        path = path.replace(f"{{user:{user.username}}}", str(user.id))
    assert "{" not in path, f"unresolved placeholder in {path}"
    return path


def _client(demo_app, as_user, visitor: str):
    if visitor == "anonymous":
        from tests.conftest import CSRFClient

        demo_app.test_client_class = CSRFClient
        return demo_app.test_client()
    return as_user(ACCOUNTS[visitor])


def _is_login_redirect(response) -> bool:
    return response.status_code == 302 and response.headers["Location"].startswith("/login")


def _outcome(demo_app, response, want) -> bool:
    if want == LOGIN:
        return _is_login_redirect(response)
    return response.status_code == want


@pytest.mark.parametrize("visitor", VISITORS)
def test_access_table(demo_app, as_user, visitor):
    """Each route of the table as one visitor (one login, one database per visitor); every
    refused request leaves the database as it was."""
    client = _client(demo_app, as_user, visitor)
    wrong = []
    for method, path, expected in ROUTES:
        url, want = _resolve(path), expected[visitor]
        before = database_snapshot()
        response = client.open(url, method=method)
        if not _outcome(demo_app, response, want):
            wrong.append(f"{method} {url}: {response.status_code}, expected {want}")
        if (response.status_code >= 400 or want == LOGIN) and database_snapshot() != before:
            wrong.append(f"{method} {url}: refused, but the database changed")
    assert wrong == []


def _rules(app, methods=("GET",)):
    return sorted(
        (rule for rule in app.url_map.iter_rules() if rule.methods & set(methods)),
        key=lambda rule: rule.rule,
    )


def _is_json_401(response) -> bool:
    return (
        response.status_code == 401
        and response.mimetype == "application/json"
        and response.get_json()["status"] == 401
        and "Location" not in response.headers
    )


def test_every_page_needs_a_login(demo_app):
    """Every GET route without parameters (those of future areas too) sends an anonymous
    visitor to the login page, except the public ones. The JSON API (/api/v1/...) and the
    session warning's endpoints (/session/...) answer a JSON 401 instead: their clients are
    scripts, for which a redirect to an HTML page is an error that looks like a success."""
    from digiweb.security import JSON_PATHS
    from tests.conftest import IsolatedClient

    demo_app.test_client_class = IsolatedClient
    client = demo_app.test_client()
    walked, wrong = [], []
    for rule in _rules(demo_app):
        if rule.arguments or rule.endpoint == "static" or rule.rule in PUBLIC_PATHS:
            continue
        walked.append(rule.rule)
        response = client.get(rule.rule)
        json_client = rule.rule.startswith(JSON_PATHS)
        if not (_is_json_401(response) if json_client else _is_login_redirect(response)):
            wrong.append(f"{rule.rule}: {response.status_code}")
    assert {"/", "/admin/departments", "/admin/users", "/api/v1/stats"} <= set(walked)
    assert wrong == [], "reachable without logging in: " + ", ".join(wrong)


def test_every_api_route_answers_anonymous_visitors_with_a_json_401(demo_app):
    """Every /api/v1/... rule, parameters filled and with every method it accepts, also as an
    htmx request: a JSON 401, never a redirect to the login page."""
    from tests.conftest import CSRFClient

    demo_app.test_client_class = CSRFClient
    client = demo_app.test_client()
    walked, wrong = [], []
    for rule in _rules(demo_app, ("GET", "POST", "PUT", "PATCH", "DELETE")):
        if not rule.rule.startswith("/api/"):
            continue
        url = url_with_ids(demo_app, rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            for headers in ({}, {"HX-Request": "true"}):
                walked.append(f"{method} {url}")
                response = client.open(url, method=method, headers=headers)
                if not _is_json_401(response):
                    wrong.append(f"{method} {url} {headers}: {response.status_code}")
    assert {"GET /api/v1/stats", "GET /api/v1/plans", "GET /api/v1/projects"} <= set(walked)
    assert wrong == []


def test_public_paths_really_are_public(demo_app):
    from tests.conftest import IsolatedClient

    demo_app.test_client_class = IsolatedClient
    client = demo_app.test_client()
    assert client.get("/login").status_code == 200
    assert client.get("/healthz").status_code == 200
    with client.get("/static/css/app.css") as response:
        assert response.status_code == 200


@pytest.mark.parametrize("visitor", ["officer_a", "viewer"])
def test_every_admin_route_is_forbidden_to_non_admins(demo_app, as_user, visitor):
    """Every /admin/... route, with every method it accepts and its URL parameters filled with
    the id of an existing record, answers 403 and changes nothing."""
    client = as_user(ACCOUNTS[visitor])
    before = database_snapshot()
    walked, wrong = [], []
    for rule in _rules(demo_app, ("GET", "POST", "PUT", "PATCH", "DELETE")):
        if not rule.rule.startswith("/admin"):
            continue
        url = url_with_ids(demo_app, rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            walked.append(f"{method} {url}")
            status = client.open(url, method=method).status_code
            if status != 403:
                wrong.append(f"{method} {url}: {status}")
    assert len(walked) >= 12
    assert wrong == []
    assert database_snapshot() == before


def test_url_with_ids_builds_real_urls(demo_app):
    with demo_app.test_request_context():
        rule = next(r for r in demo_app.url_map.iter_rules() if r.endpoint == "admin.user_edit")
        assert url_with_ids(demo_app, rule) == url_for("admin.user_edit", user_id=1)
