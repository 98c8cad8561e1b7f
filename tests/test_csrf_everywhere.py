"""CSRF is enforced on every state-changing route, those of future areas included: the test
walks `app.url_map` for every rule accepting POST, PUT, PATCH or DELETE and sends, as a logged-in
administrator, a request without the token. Each must get 400 and change nothing."""

import re

from digiweb.extensions import db
from tests.conftest import DEMO_PASSWORD, CSRFClient, IsolatedClient

STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}


def database_snapshot() -> dict:
    """Every row of every table, to tell whether a request changed anything."""
    db.session.commit()  # end the test's transaction: a new one sees what requests wrote
    snapshot = {}
    for table in db.metadata.sorted_tables:
        order = list(table.primary_key.columns) or list(table.columns)
        snapshot[table.name] = [
            tuple(row) for row in db.session.execute(table.select().order_by(*order))
        ]
    return snapshot


def _existing_id(parameter: str) -> int:
    """The smallest id in the table a parameter such as `plan_id` names, else 1."""
    table = db.metadata.tables.get(parameter.removesuffix("_id") + "s")
    if table is not None and "id" in table.c:
        found = db.session.scalar(db.select(db.func.min(table.c.id)))
        if found is not None:
            return found
    return 1


def url_with_ids(app, rule) -> str:
    """The URL of `rule` with each parameter filled with the id of an existing record (or 1)."""
    values = {name: _existing_id(name) for name in rule.arguments}
    _domain, path = rule.build(values)
    return path


def _state_changing_rules(app):
    return sorted(
        (rule for rule in app.url_map.iter_rules() if rule.methods & STATE_CHANGING),
        key=lambda rule: rule.rule,
    )


def _login_with_the_form(client, username: str) -> None:
    """Log in as a browser does: the token comes from the login page itself."""
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    response = client.post(
        "/login", data={"username": username, "password": DEMO_PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302


def test_every_state_changing_route_requires_the_csrf_token(demo_app):
    demo_app.test_client_class = IsolatedClient
    client = demo_app.test_client()
    _login_with_the_form(client, "admin")
    before = database_snapshot()
    walked, wrong = [], []
    for rule in _state_changing_rules(demo_app):
        url = url_with_ids(demo_app, rule)
        for method in sorted(rule.methods & STATE_CHANGING):
            walked.append(f"{method} {url}")
            for headers in ({}, {"HX-Request": "true"}):
                response = client.open(url, method=method, data={"x": "1"}, headers=headers)
                if response.status_code != 400:
                    wrong.append(f"{method} {url} {headers}: {response.status_code}")
    # the walk is not empty: the routes that exist today are in it
    assert {"POST /logout", "POST /login", "POST /admin/departments/new"} <= set(walked)
    assert wrong == [], "accepted without a CSRF token: " + ", ".join(wrong)
    assert database_snapshot() == before
    # still logged in: even /logout was refused
    assert client.get("/admin/users").status_code == 200


def test_htmx_request_without_token_asks_for_a_reload(demo_app):
    demo_app.test_client_class = IsolatedClient
    client = demo_app.test_client()
    _login_with_the_form(client, "admin")
    response = client.post("/admin/departments/1/deactivate", headers={"HX-Request": "true"})
    assert response.status_code == 400
    assert response.headers["HX-Refresh"] == "true"


def test_the_same_request_with_the_token_goes_through(demo_app):
    """The control: the 400s above come from the missing token, not from the routes."""
    demo_app.test_client_class = CSRFClient
    client = demo_app.test_client()
    _login_with_the_form(client, "admin")
    before = database_snapshot()
    response = client.post("/admin/departments/1/deactivate")
    assert response.status_code == 302
    assert database_snapshot() != before
