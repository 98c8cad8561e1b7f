"""What each role must see, and be able to use, on the main screens, read from the HTML the
server sends (no browser): the forms (method, action, hidden fields) and the links inside
<main>, and the entries of the main navigation.

These tests fail when a feature disappears from a screen: a template no longer included (the
review panel on the plan page), an endpoint gone, a button moved behind a condition that is
never true. The access walks (tests/test_access_walk.py) say who may open a URL; this module
says which screen offers it. Every action found must also lead to a route of the app: a form's
action to a route accepting its method, a link to a GET route.

The demo data of the seed: MAE's plan is sent, MF's approved, MME's a draft (two projects, one
incomplete), the meeting MNS-2021-001 has draft minutes.
"""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from werkzeug.exceptions import MethodNotAllowed, NotFound

from digiweb.departments.models import Department
from digiweb.extensions import db
from digiweb.plans.models import Plan, PlanStatus, Project
from digiweb.plans.services import plan_completeness
from digiweb.projects.exports import CSV_MIMETYPE, XLSX_MIMETYPE
from digiweb.reports import minutes_report

MEETING = "/meetings/MNS-2021-001"
STAFF = ("reviewer", "viewer", "admin")
REVIEWERS = ("reviewer", "admin")
# Last URL segments of pages that exist only to change something.
WRITE_SEGMENTS = {"edit", "new", "delete", "add-slot", "carry-over", "spreadsheet"}


def _required_box(attrs: dict) -> bool:
    return attrs.get("type") == "checkbox" and "required" in attrs


class Screen(HTMLParser):
    """The actions of a page: forms and links inside <main>, links of the main navigation."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []  # {"method", "action", "fields": {hidden name: value}}
        self.links: list[str] = []
        self.nav: list[str] = []
        self._main = 0
        self._nav = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self._main += 1
        elif tag == "nav" and "main-nav" in (attrs.get("class") or ""):
            self._nav += 1
        elif tag == "a" and attrs.get("href"):
            if self._nav:
                self.nav.append(attrs["href"])
            elif self._main:
                self.links.append(attrs["href"])
        elif tag == "form" and self._main:
            method = (attrs.get("method") or "get").lower()
            self.forms.append({"method": method, "action": attrs.get("action"), "fields": {}})
        elif tag == "input" and self._main and self.forms and attrs.get("type") == "hidden":
            self.forms[-1]["fields"][attrs.get("name")] = attrs.get("value") or ""
        elif tag == "input" and self._main and self.forms and _required_box(attrs):
            # a box the user must tick (the confirmation of what cannot be undone)
            self.forms[-1]["fields"][attrs.get("name")] = attrs.get("value") or "on"

    def handle_endtag(self, tag):
        if tag == "main":
            self._main -= 1
        elif tag == "nav" and self._nav:
            self._nav -= 1

    @property
    def posts(self) -> set[str]:
        return {f["action"] for f in self.forms if f["method"] == "post"}

    @property
    def gets(self) -> set[str]:
        return {f["action"] for f in self.forms if f["method"] == "get"}

    def form(self, action: str) -> dict:
        return next(f for f in self.forms if f["method"] == "post" and f["action"] == action)


def open_screen(client, url: str) -> Screen:
    response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    screen = Screen(response.get_data(as_text=True))
    _assert_actions_lead_to_routes(client.application, screen, url)
    return screen


def _route(app, url: str, method: str):
    """(endpoint, rule) the app serves `url` with, or fails the test."""
    path = urlsplit(url).path
    adapter = app.url_map.bind("localhost")
    try:
        rule, _args = adapter.match(path, method=method, return_rule=True)
    except (NotFound, MethodNotAllowed) as error:
        pytest.fail(f"{method} {url} leads to no route ({error.code})")
    return rule.endpoint, rule


def _assert_actions_lead_to_routes(app, screen: Screen, page: str) -> None:
    for form in screen.forms:
        _route(app, form["action"] or page, form["method"].upper())
    for href in screen.links + screen.nav:
        if href.startswith("/"):
            _route(app, href, "GET")


def is_form_page(app, href: str) -> bool:
    """A link to a page that may change something: its route also accepts POST, or its path
    ends like an editing page's."""
    if not href.startswith("/"):
        return False
    _endpoint, rule = _route(app, href, "GET")
    last = urlsplit(href).path.rstrip("/").rsplit("/", 1)[-1]
    return "POST" in rule.methods or last in WRITE_SEGMENTS


def plan_of(code: str) -> Plan:
    return db.session.scalar(db.select(Plan).join(Department).where(Department.code == code))


def complete_the_draft(plan: Plan) -> None:
    """Fill the blanks of the draft's incomplete projects from one of its complete projects."""
    projects = list(db.session.scalars(db.select(Project).where(Project.plan_id == plan.id)))
    missing = plan_completeness(plan, projects)
    model = next(p for p in projects if not missing[p.id])
    for project in projects:
        for column in Project.__table__.columns:
            value = getattr(project, column.key)
            if value is None or (isinstance(value, str) and not value.strip()):
                setattr(project, column.key, getattr(model, column.key))
    assert not any(plan_completeness(plan, projects).values())
    db.session.commit()


def post_form(client, screen: Screen, action: str, **data):
    return client.post(action, data={**screen.form(action)["fields"], **data})


# --- the plan page ---------------------------------------------------------------------------


def test_the_officer_sends_a_complete_draft(demo_app, as_user):
    plan = plan_of("MME")
    assert plan.status == PlanStatus.DRAFT
    complete_the_draft(plan)
    client = as_user("officer-mme", "fr")
    response = client.get("/my-plan")
    assert response.status_code == 302 and response.headers["Location"] == f"/plans/{plan.id}"
    screen = open_screen(client, f"/plans/{plan.id}")
    submit = f"/plans/{plan.id}/submit"
    assert submit in screen.posts
    assert f"/plans/{plan.id}/details" in screen.posts
    assert f"/plans/{plan.id}/projects/new" in screen.links
    assert not {f"/plans/{plan.id}/approve", f"/plans/{plan.id}/return"} & screen.posts
    for project in plan.projects:
        assert {f"/projects/{project.id}/edit", f"/projects/{project.id}/delete"} <= set(
            screen.links
        )
    assert post_form(client, screen, submit).status_code in (302, 303)
    assert db.session.get(Plan, plan.id).status == PlanStatus.SUBMITTED


@pytest.mark.parametrize("username", REVIEWERS)
def test_a_reviewer_returns_or_approves_a_sent_plan(demo_app, as_user, username):
    plan = plan_of("MAE")
    assert plan.status == PlanStatus.SUBMITTED
    client = as_user(username, "fr")
    screen = open_screen(client, f"/plans/{plan.id}")
    base = f"/plans/{plan.id}"
    assert {f"{base}/return", f"{base}/approve", f"{base}/remarks"} <= screen.posts
    assert f"{base}/submit" not in screen.posts
    assert f"{base}/details" not in screen.posts  # a sent plan is not edited
    if username == "reviewer":
        for project in plan.projects:  # approving needs every project decided
            decide = f"/projects/{project.id}/decision"
            assert decide in screen.posts
            assert post_form(client, screen, decide, verdict="accepted").status_code == 303
            screen = open_screen(client, base)
        response = post_form(client, screen, f"{base}/approve")
        assert response.status_code in (302, 303)
        assert db.session.get(Plan, plan.id).status == PlanStatus.APPROVED
    else:
        response = post_form(client, screen, f"{base}/return", comment="Budget à détailler.")
        assert response.status_code in (302, 303)
        assert db.session.get(Plan, plan.id).status == PlanStatus.RETURNED


def test_the_reviewer_may_reopen_an_approved_plan(demo_app, as_user):
    plan = plan_of("MF")
    screen = open_screen(as_user("reviewer", "fr"), f"/plans/{plan.id}")
    assert f"/plans/{plan.id}/reopen" in screen.posts
    assert not {f"/plans/{plan.id}/approve", f"/plans/{plan.id}/return"} & screen.posts


def test_the_officer_follows_up_the_approved_plan(demo_app, as_user):
    plan = plan_of("MF")
    client = as_user("officer-mf", "fr")
    assert client.get("/my-plan").headers["Location"] == f"/plans/{plan.id}"
    screen = open_screen(client, f"/plans/{plan.id}")
    progress = {f"/projects/{project.id}/progress" for project in plan.projects}
    assert progress and progress <= screen.posts
    assert not {f"/plans/{plan.id}/submit", f"/plans/{plan.id}/details"} & screen.posts
    assert "/projects?year=2021&department=MF" in screen.links


def test_the_project_page_links_back_to_its_plan_and_the_list(demo_app, as_user):
    plan = plan_of("MF")
    project = plan.projects[0]
    screen = open_screen(as_user("officer-mf", "fr"), f"/projects/{project.id}")
    assert f"/plans/{plan.id}#project-{project.id}" in screen.links
    assert "/projects" in screen.links


# --- the meeting page ------------------------------------------------------------------------


def test_the_reviewer_approves_the_minutes_and_prints_them(demo_app, as_user, monkeypatch):
    client = as_user("reviewer", "fr")
    screen = open_screen(client, MEETING)
    assert f"{MEETING}/approve-minutes" in screen.posts
    assert "version" in screen.form(f"{MEETING}/approve-minutes")["fields"]
    assert {f"{MEETING}/attendees", f"{MEETING}/agenda", f"{MEETING}/minutes"} <= screen.posts
    assert f"{MEETING}/decisions" in screen.posts
    assert f"{MEETING}/edit" in screen.links
    pdfs = {f"{MEETING}/minutes.pdf?lang={lang}" for lang in ("ar", "fr")}
    assert pdfs <= set(screen.links)
    monkeypatch.setattr(minutes_report, "render_minutes_pdf", lambda m, lang: b"%PDF-1.7 ")
    for url in pdfs:
        response = client.get(url)
        assert response.status_code == 200
        assert response.headers["Content-Type"] == "application/pdf"


@pytest.mark.parametrize("username", ["viewer", "officer-mf"])
def test_readers_of_the_meeting_print_it_and_change_nothing(demo_app, as_user, username):
    screen = open_screen(as_user(username, "fr"), MEETING)
    assert {f"{MEETING}/minutes.pdf?lang={lang}" for lang in ("ar", "fr")} <= set(screen.links)
    assert not {action for action in screen.posts if action.startswith("/meetings/")}
    assert f"{MEETING}/edit" not in screen.links


# --- lists -----------------------------------------------------------------------------------


@pytest.mark.parametrize("username", STAFF)
def test_the_dashboard_filters_and_leads_to_the_lists(demo_app, as_user, username):
    screen = open_screen(as_user(username, "fr"), "/dashboard")
    assert "/dashboard" in screen.gets
    assert "/projects?year=2021" in screen.links
    assert "/projects?year=2021&target=citizens" in screen.links
    assert "/plans?year=2021" in screen.links
    assert not screen.posts


def test_an_officer_has_no_dashboard(demo_app, as_user):
    client = as_user("officer-mf", "fr")
    assert client.get("/dashboard").status_code == 403
    assert "/dashboard" not in open_screen(client, "/projects").nav


@pytest.mark.parametrize("username", [*STAFF, "officer-mf"])
def test_the_project_list_filters_and_exports(demo_app, as_user, username):
    client = as_user(username, "fr")
    screen = open_screen(client, "/projects")
    assert "/projects" in screen.gets
    exports = {"/projects.csv?year=2021": CSV_MIMETYPE, "/projects.xlsx?year=2021": XLSX_MIMETYPE}
    assert set(exports) <= set(screen.links)
    for url, mimetype in exports.items():
        response = client.get(url)
        content = response.get_data()  # streamed: read it all, then close
        response.close()
        assert response.status_code == 200
        assert response.mimetype == mimetype.split(";")[0]
        assert content
    assert not screen.posts


@pytest.mark.parametrize("username", STAFF)
def test_the_review_board(demo_app, as_user, username):
    screen = open_screen(as_user(username, "fr"), "/plans")
    assert "/plans" in screen.gets
    for code in ("MAE", "MF", "MME"):
        assert f"/plans/{plan_of(code).id}" in screen.links
    if username in REVIEWERS:
        assert screen.posts == {"/plans/reminders"}
    else:
        assert not screen.posts


# --- navigation and the viewer ---------------------------------------------------------------

NAV = {
    "officer-mf": {"/my-plan", "/projects", "/meetings", "/decisions"},
    "reviewer": {"/", "/plans", "/projects", "/dashboard", "/campaigns", "/meetings", "/decisions"},
    "viewer": {"/", "/plans", "/projects", "/dashboard", "/meetings", "/decisions"},
    "admin": {"/plans", "/dashboard", "/campaigns", "/admin/departments", "/admin/users"},
}


@pytest.mark.parametrize("username", sorted(NAV))
def test_the_navigation_of_each_role(demo_app, as_user, username):
    screen = open_screen(as_user(username, "fr"), "/projects")
    assert NAV[username] <= set(screen.nav)
    if username != "admin":
        assert not any(href.startswith("/admin/") for href in screen.nav)
    if username in ("officer-mf", "viewer"):
        assert "/campaigns" not in screen.nav


def test_the_viewer_sees_no_write_action(demo_app, as_user):
    client = as_user("viewer", "fr")
    plans = [plan_of(code) for code in ("MAE", "MF", "MME", "MTEER")]
    project = plans[0].projects[0]
    screens = [
        "/",
        "/plans",
        *(f"/plans/{plan.id}" for plan in plans),
        f"/projects/{project.id}",
        "/projects",
        "/dashboard",
        "/meetings",
        MEETING,
        "/decisions",
    ]
    # The viewer's own settings (a personal calendar address) are not a change to the records.
    personal = {"/calendar/address"}
    for url in screens:
        screen = open_screen(client, url)
        assert not screen.posts - personal, f"{url} offers the viewer {screen.posts}"
        for href in {href for href in screen.links if is_form_page(demo_app, href)}:
            # Such a page may be shown to the viewer (the plan's spreadsheet, to download)
            # only if it is read-only for them: no link to a page the viewer cannot use.
            target = client.get(href)
            assert target.status_code == 200, f"{url} links the viewer to {href}"
            offered = Screen(target.get_data(as_text=True)).posts
            assert not offered, f"{url} links the viewer to {href}, which offers {offered}"
