"""Property-based fuzzing (Hypothesis) of every form of the app: never a 5xx, never an
unhandled exception (ASVS 1.2.x/2.2.x input handling, 16.5.x errors fail safely).

The routes come from `app.url_map` (every rule accepting POST, those added later included), so a
new form is fuzzed without being listed here. For each one:
- the account that may use it is found by probing (an officer of a department whose plan is a
  draft, then reviewer, then admin, then viewer; anonymous for the public login form): the first
  that is neither refused (401/403/404) nor sent to the login page;
- the field names are those of the forms on the page that shows the form (the route's own URL,
  else its parent pages), plus every field name of every FlaskForm class of the app (so fields
  unexpected for that form are sent too); the choices of its selects and check boxes and its
  hidden values (the record's version) are known values the generator mixes in;
- each example posts generated values (Arabic text, RTL and bidi marks, NULs and other control
  characters, huge strings and strings one character beyond each text limit, numbers as text,
  malformed dates, several values for one field, missing fields, unexpected fields, a file for
  upload forms) with a valid CSRF token, as a plain post or as htmx, and with URL parameters
  that are the right record, another existing one or a missing one;
- after each route, no text stored anywhere holds a control character.

A fresh demo database per route (cheap: a copied file on SQLite, 0.3 s on PostgreSQL), so a
route that closes a campaign or deletes a record does not starve the others of examples.

Profiles (HYPOTHESIS_PROFILE): `ci` (derandomized, the default when CI=true), `dev` (random
seeds, the default elsewhere), `thorough` (ten times the examples, for a long local run).
"""

import io
import logging
import os
import re
from html.parser import HTMLParser

import pytest
from flask_wtf import FlaskForm
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import FileStorage, MultiDict

from digiweb import create_app
from digiweb.extensions import db
from tests.conftest import DEMO_PASSWORD, CSRFClient

EXAMPLES = 45
COMMON = {
    "deadline": None,
    "database": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    "max_examples": EXAMPLES,
}
settings.register_profile("ci", derandomize=True, print_blob=True, **COMMON)
settings.register_profile("dev", **COMMON)
settings.register_profile("thorough", **{**COMMON, "max_examples": EXAMPLES * 10})
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") == "true" else "dev")
)

STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}
REFUSED = {401, 403, 404}
NEVER_FUZZED = {"csrf_token"}  # a wrong token is a 400 before any code of ours runs


def _post_rules():
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    rules = [r for r in app.url_map.iter_rules() if r.methods & STATE_CHANGING]
    return sorted(rules, key=lambda r: r.rule)


RULES = _post_rules()


# --- what the forms look like ------------------------------------------------------------------


def _form_field_names() -> set[str]:
    """Every field name of every FlaskForm class of the app (imported by create_app)."""
    from wtforms.fields.core import UnboundField

    names, stack = set(), list(FlaskForm.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if not cls.__module__.startswith("digiweb"):
            continue
        for name in dir(cls):
            if isinstance(getattr(cls, name, None), UnboundField):
                names.add(name)
    return names - NEVER_FUZZED


FIELD_NAMES = sorted(_form_field_names())


class _FormParser(HTMLParser):
    """The names, hidden values and choices of the fields of the forms in a page; with
    `action`, only those of the forms posting to that path."""

    def __init__(self, action: str | None = None):
        super().__init__()
        self.action = action
        self.names: set[str] = set()
        self.known: dict[str, set[str]] = {}
        self.files: set[str] = set()
        self._select: str | None = None
        self._inside = action is None

    def _keep(self, name, value):
        if name and value is not None:
            self.known.setdefault(name, set()).add(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and self.action is not None:
            self._inside = (attrs.get("action") or "").split("?")[0] == self.action
        if not self._inside:
            return
        name = attrs.get("name")
        if tag in ("input", "textarea", "select") and name and name not in NEVER_FUZZED:
            self.names.add(name)
            kind = attrs.get("type", "text")
            if kind == "file":
                self.files.add(name)
            elif kind in ("hidden", "checkbox", "radio") or attrs.get("value"):
                self._keep(name, attrs.get("value"))
        if tag == "select":
            self._select = name
        if tag == "option" and self._select:
            self._keep(self._select, attrs.get("value"))

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        if tag == "form" and self.action is not None:
            self._inside = False


def _html(client, path: str) -> str | None:
    response = client.get(path)
    if response.status_code == 200 and response.mimetype == "text/html":
        return response.get_data(as_text=True)
    return None


def _page_forms(client, url: str) -> _FormParser:
    """The form that posts to `url`: looked for on the URL itself, its parent pages and the
    pages of the main navigation; failing that, every field of the parent pages."""
    path = url.split("?")[0]
    parts = path.rstrip("/").split("/")
    parents = ["/".join(parts[:end]) or "/" for end in range(len(parts), 1, -1)]
    home = _html(client, "/") or ""
    navigation = re.findall(r'<nav class="main-nav".*?</nav>', home, re.S)
    links = re.findall(r'href="(/[^"#?]*)', navigation[0]) if navigation else []
    pages = {}
    for candidate in [*parents, *links]:
        if candidate in pages:
            continue
        pages[candidate] = _html(client, candidate)
        if pages[candidate]:
            parser = _FormParser(action=path)
            parser.feed(pages[candidate])
            if parser.names:
                return parser
    fallback = _FormParser()
    for candidate in parents:
        if pages.get(candidate):
            fallback.feed(pages[candidate])
    return fallback


# --- the records the URL parameters can name -------------------------------------------------


ALIASES = {
    "remark": "plan_events",
    "event": "plan_events",
    "item": "agenda_items",
    "attendee": "meeting_attendees",
}


def _table_for(parameter: str):
    base = parameter.removesuffix("_id")
    tables = db.metadata.tables
    if base in ALIASES and ALIASES[base] in tables:
        return tables[ALIASES[base]]
    if base + "s" in tables:
        return tables[base + "s"]
    matches = [t for name, t in tables.items() if name.endswith("_" + base + "s")]
    return matches[0] if matches else None


def _existing_values(parameter: str) -> list:
    if parameter == "year":  # a campaign's year (the campaign report)
        from digiweb.campaigns.models import Campaign

        return list(db.session.scalars(db.select(Campaign.year).order_by(Campaign.year)))
    if parameter == "reference":
        from digiweb.meetings.models import Meeting

        return list(db.session.scalars(db.select(Meeting.reference).order_by(Meeting.id)))
    table = _table_for(parameter)
    if table is None or "id" not in table.c:
        return [1]
    return list(db.session.scalars(db.select(table.c.id).order_by(table.c.id))) or [1]


def _officers() -> list[tuple[str, int]]:
    """One officer per state of a 2021 plan holding projects (draft first: officers write in
    drafts, record progress in approved plans, answer remarks in returned ones), with the plan."""
    from digiweb.campaigns.models import Campaign
    from digiweb.departments.models import Department
    from digiweb.plans.models import Plan, PlanStatus, Project

    found = []
    for status in (PlanStatus.DRAFT, PlanStatus.APPROVED, PlanStatus.RETURNED):
        row = db.session.execute(
            db.select(Department.code, Plan.id)
            .join(Plan, Plan.department_id == Department.id)
            .join(Campaign, Plan.campaign_id == Campaign.id)
            .where(Campaign.year == 2021, Plan.status == status)
            .where(Plan.projects.any(Project.id.is_not(None)))
            .order_by(Plan.id)
        ).first()
        if row is not None:
            found.append((f"officer-{row.code.lower()}", row.id))
    return found


def _own_values(parameter: str, username: str, plan_id: int | None) -> list:
    """The account's own records first: its notifications, the officer's plan and what the
    plan holds."""
    from digiweb.auth.models import User
    from digiweb.plans.models import Project

    table = _table_for(parameter)
    if table is not None and "user_id" in table.c:
        user_id = db.session.scalar(db.select(User.id).where(User.username == username))
        query = db.select(table.c.id).where(table.c.user_id == user_id).order_by(table.c.id)
        return list(db.session.scalars(query))
    if plan_id is None:
        return []
    if parameter == "plan_id":
        return [plan_id]
    if parameter == "project_id":
        return list(db.session.scalars(db.select(Project.id).where(Project.plan_id == plan_id)))
    if table is not None and "plan_id" in table.c:  # e.g. the remarks of the plan
        query = db.select(table.c.id).where(table.c.plan_id == plan_id).order_by(table.c.id.desc())
        return list(db.session.scalars(query))
    if table is not None and "project_id" in table.c:  # e.g. the indicators of its projects
        projects = db.select(Project.id).where(Project.plan_id == plan_id)
        query = db.select(table.c.id).where(table.c.project_id.in_(projects)).order_by(table.c.id)
        return list(db.session.scalars(query))
    return []


# --- generated values --------------------------------------------------------------------------

ARABIC = st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), max_size=40)
MARKS = st.sampled_from(
    ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2069",
     "\u061c", "\ufeff", "\u0640"]
)  # fmt: skip
NASTY = st.sampled_from(
    ["\0", "\x00\x00", "'; DROP TABLE projects; --", "<script>alert(1)</script>", "{{7*7}}",
     "%(name)s", "%s%s%n", "../../etc/passwd", "file:///etc/passwd", "\r\n\r\n", "\\", "\ud7ff",
     "𝕏😀", "ﷺ", "\u0300" * 50, " ", "", "true", "on", "null", "None", "[]", "{}"]
)  # fmt: skip
NUMBERS = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(
        ["1e309", "-0", "0x10", "1 250 000", "1\u202f250\u202f000", "1,5", "١٢٣", "12abc",
         "9" * 400, "2147483648", "-2147483649", "99999999999999999999.99", "NaN", "inf"]
    ),
)  # fmt: skip
DATES = st.one_of(
    st.sampled_from(
        ["2021-02-30", "2021-13-01", "0000-00-00", "9999-12-31", "10000-01-01", "31/12/2021",
         "2021/03/25", "25-03-2021", "2021-03-25T10:00", "2021-03-25 25:61", "١٢/٠٣/٢٠٢١",
         "0001-01-01", "1900-02-29", "2021-3-5", "T", "25:00", "00:60", "-1-01-01"]
    ),
    st.dates().map(str),
    st.datetimes().map(lambda d: d.isoformat()),
)  # fmt: skip
# Control characters (C0, DEL, C1, the non-characters U+FFFE/FFFF): each refused next to its
# field, never stored (checked after each route), never a 500 (PostgreSQL refuses NUL).
CONTROLS = st.sampled_from(
    ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85", "\x9b",
     "\ufffe", "\uffff", "\r", "\t", "\n"]
)  # fmt: skip
# One character beyond the limits of the text fields (titles, contacts, comments, summaries,
# decisions, instructions, minutes) and beyond a spreadsheet cell.
BEYOND_LIMITS = st.sampled_from(
    [41, 65, 201, 255, 301, 1001, 2001, 4001, 5001, 10_001, 30_001, 32_768]
)
TEXT = st.one_of(
    st.text(max_size=60),
    ARABIC,
    st.lists(st.one_of(ARABIC, MARKS, NASTY, CONTROLS, st.text(max_size=5)), max_size=8).map(
        "".join
    ),
    st.tuples(ARABIC, CONTROLS, ARABIC).map("".join),
    NASTY,
    NUMBERS,
    DATES,
    # huge: up to 100,000 Arabic letters (200 KB; beyond 1 MiB the body is refused with a 413
    # before any form code runs: tests/security/test_uploads.py)
    st.integers(min_value=1, max_value=5).map(lambda n: "ب" * (10**n)),
    BEYOND_LIMITS.map(lambda n: "ب" * n),
)


@st.composite
def _field_value(draw, known: set[str]):
    if known and draw(st.integers(0, 2)) == 0:
        return draw(st.sampled_from(sorted(known)))
    return draw(TEXT)


@st.composite
def _form_data(draw, page: _FormParser):
    """A form: some of the page's fields (each with one value or several), some unexpected
    ones, the others missing."""
    data = MultiDict()
    page_names = sorted(page.names - page.files)
    chosen = draw(st.lists(st.sampled_from(page_names), unique=True)) if page_names else []
    extra = draw(st.lists(st.sampled_from([*FIELD_NAMES, "zzz", "id", "__proto__"]), max_size=3))
    for name in chosen + extra:
        known = page.known.get(name, set())
        for value in draw(st.lists(_field_value(known), min_size=1, max_size=3)):
            data.add(name, value)
    for name in sorted(page.files):
        if draw(st.booleans()):
            content = draw(st.one_of(st.binary(max_size=2000), st.just(b"PK\x03\x04" * 10)))
            filename = draw(st.sampled_from(["plan.xlsx", "a.csv", "", "x" * 300, "خطة.xlsx"]))
            data.add(name, FileStorage(io.BytesIO(content), filename=filename))
    return data


# --- the test ----------------------------------------------------------------------------------


class _Errors(logging.Handler):
    """Collects what the app logs at ERROR: an unhandled exception is logged there."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.records: list[str] = []

    def emit(self, record):
        self.records.append(self.format(record))


def _login(client, username: str | None) -> bool:
    if username is None:
        return True
    response = client.post("/login", data={"username": username, "password": DEMO_PASSWORD})
    return response.status_code == 302


def _sent_to_login(response) -> bool:
    location = response.headers.get("Location", "") + response.headers.get("HX-Redirect", "")
    return response.status_code == 401 or (
        response.status_code in (302, 303) and location.startswith("/login")
    )


def _choose_account(app, rule):
    """The first account that may use the route (probed with an empty post), with the URL
    values of its own records."""
    if getattr(app.view_functions[rule.endpoint], "is_public", False):
        return None, {}, None
    staff = [(name, None) for name in ("reviewer", "admin")]
    first = None
    for username, plan_id in [*staff, *_officers(), ("viewer", None)]:
        values = {
            name: (_own_values(name, username, plan_id) or _existing_values(name))[0]
            for name in rule.arguments
        }
        if rule.endpoint == "meetings.follow_up_at_meeting":
            # a decision is followed up at a later meeting than the one that took it (the
            # other routes naming a meeting and a decision want the meeting that took it)
            values["reference"] = _existing_values("reference")[-1]
        first = first or (username, values)
        client = app.test_client()
        _login(client, username)
        status = client.post(rule.build(values)[1], data={}).status_code
        assert status < 500, f"POST {rule.build(values)[1]} (empty) as {username}: {status}"
        if status not in REFUSED:
            return username, values, status
    return (*first, None)


def _stored_control_characters() -> list[str]:
    """Every text stored with a control character in it (table.column #id): none is ever
    written, whatever was posted."""
    from digiweb.i18n import CONTROL_CHARACTERS

    db.session.rollback()  # read what the requests committed
    found = []
    for table in db.metadata.sorted_tables:
        columns = [c for c in table.c if isinstance(c.type, db.String) and c.name != "id"]
        if not columns or "id" not in table.c:
            continue
        for row in db.session.execute(db.select(table.c.id, *columns)):
            for column, value in zip(columns, row[1:], strict=True):
                if isinstance(value, str) and CONTROL_CHARACTERS.search(value):
                    found.append(f"{table.name}.{column.name} #{row[0]}")
    return found


def _give_everyone_notifications():
    """The demo data has no notifications: a few unread ones for every account, so that the
    routes that mark them read have something to work on."""
    from digiweb.auth.models import User
    from digiweb.notifications.models import NotificationKind
    from digiweb.notifications.services import notify_users

    users = list(db.session.scalars(db.select(User)))
    for kind in list(NotificationKind)[:3]:
        notify_users(users, kind, {"department": "MF", "year": 2021}, link="/")
    db.session.commit()


def _give_everyone_an_api_token():
    """The demo data has no API tokens: one for every account, so that revoking one has
    something to work on."""
    from digiweb.auth.models import User
    from digiweb.auth.tokens import create_token

    for user in db.session.scalars(db.select(User)):
        create_token(user, "fuzz")
    db.session.commit()


def _give_the_demo_a_later_meeting_and_remarks(app):
    """The demo data holds one meeting, already approved, and returned plans without remarks
    on projects: a later meeting (planned, every officer invited, the first meeting's open
    decisions on its agenda) and a remark on the first project of each returned plan, so that
    the routes answering invitations, following decisions up at a meeting and attaching a
    document to a remark reach their code."""
    from datetime import date, time

    from digiweb.auth.models import Role, User
    from digiweb.clock import local_to_utc
    from digiweb.meetings.agenda import add_follow_up_item
    from digiweb.meetings.invitations import invite
    from digiweb.plans.models import Plan, PlanEvent, PlanEventKind, PlanStatus
    from tests.factories import make_meeting

    with app.test_request_context("/"):
        later = make_meeting(
            title_fr="Séance de suivi",
            status="planned",
            starts_at=local_to_utc(date(2021, 6, 10), time(9, 30)),
        )
        add_follow_up_item(later)
        officers = db.session.scalars(
            db.select(User.id).where(User.role == Role.OFFICER, User.active.is_(True))
        )
        invite(later, [], list(officers))
        reviewer = db.session.scalar(db.select(User).where(User.username == "reviewer"))
        for plan in db.session.scalars(db.select(Plan).where(Plan.status == PlanStatus.RETURNED)):
            if plan.projects:
                db.session.add(
                    PlanEvent(
                        plan=plan,
                        kind=PlanEventKind.REMARK,
                        actor_id=reviewer.id,
                        comment="Préciser le calendrier.",
                        project_id=plan.projects[0].id,
                    )
                )
        db.session.commit()


@pytest.mark.slow
@pytest.mark.parametrize("rule", RULES, ids=[f"{r.endpoint}" for r in RULES])
def test_no_form_input_gives_a_server_error(demo_app, rule):
    demo_app.test_client_class = CSRFClient
    errors = _Errors()
    demo_app.logger.addHandler(errors)
    _give_everyone_notifications()
    _give_everyone_an_api_token()
    _give_the_demo_a_later_meeting_and_remarks(demo_app)
    username, right_values, probe_status = _choose_account(demo_app, rule)
    client = demo_app.test_client()
    assert _login(client, username)
    right_url = rule.build(right_values)[1]
    page = _page_forms(client, right_url)
    # missing records, and ids beyond PostgreSQL's integer and SQLite's 64 bits (404)
    others = {
        name: [*_existing_values(name)[:30], 0, 987654, 2**31, 2**63] for name in rule.arguments
    }
    if "reference" in others:
        others["reference"] = [*others["reference"][:-2], "MNS-0000-000", "x" * 300, "%00"]
    seen_statuses: dict[int, int] = {probe_status: 1} if probe_status else {}

    @given(
        data=_form_data(page),
        htmx=st.booleans(),
        url_choice=st.fixed_dictionaries(
            {name: st.one_of(st.none(), st.sampled_from(values)) for name, values in others.items()}
        ),
        query=st.one_of(
            st.just(""),
            st.sampled_from(["?lang=fr", "?lang=ar", "?lang=zz&x=\0", "?q=%00%0b&next=%1b"]),
        ),
    )
    def post(data, htmx, url_choice, query):
        values = {k: (right_values[k] if v is None else v) for k, v in url_choice.items()}
        url = (rule.build(values)[1] if values else right_url) + query
        headers = {"HX-Request": "true", "HX-Current-URL": url} if htmx else {}
        method = sorted(rule.methods & STATE_CHANGING)[0]
        response = client.open(url, method=method, data=data, headers=headers)
        seen_statuses[response.status_code] = seen_statuses.get(response.status_code, 0) + 1
        body = response.get_data(as_text=True)[:2000]
        assert response.status_code < 500, f"{method} {url} {dict(data.lists())!r}: {body}"
        assert errors.records == [], errors.records
        if _sent_to_login(response) and username is not None:
            _login(client, username)  # e.g. the admin deactivated itself: try to go on

    try:
        post()
    finally:
        demo_app.logger.removeHandler(errors)
    assert _stored_control_characters() == [], rule.rule
    # the route's code was reached (by the probe, e.g. the only unread notification, or by the
    # examples), not only its refusals
    assert set(seen_statuses) - REFUSED, f"{rule.rule} as {username}: only {seen_statuses}"


def test_every_post_route_is_fuzzed():
    """The walk is not empty: today's forms are in it, and new rules join automatically."""
    endpoints = {rule.endpoint for rule in RULES}
    assert {"auth.login", "plans.add_project", "plans.edit_project", "meetings.create"} <= endpoints
    assert len(endpoints) >= 40
    assert "version" in FIELD_NAMES and "title_ar" in FIELD_NAMES


def test_the_page_parser_finds_names_choices_and_files():
    parser = _FormParser()
    parser.feed(
        '<form><input name="csrf_token" type="hidden" value="t"><input name="version" '
        'type="hidden" value="3"><select name="target"><option value="citizens">x</option>'
        '</select><textarea name="summary_ar"></textarea><input type="file" name="file">'
        "</form>"
    )
    assert parser.names == {"version", "target", "summary_ar", "file"}
    assert parser.known == {"version": {"3"}, "target": {"citizens"}}
    assert parser.files == {"file"}
    scoped = _FormParser(action="/plans/reminders")
    scoped.feed(
        '<form action="/x"><input name="a"></form><form action="/plans/reminders?y=1">'
        '<input type="hidden" name="year" value="2021"></form>'
    )
    assert scoped.names == {"year"} and scoped.known == {"year": {"2021"}}
