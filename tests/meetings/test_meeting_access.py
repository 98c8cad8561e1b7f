"""Who may open and change what, route by route: one table walked by one test.

Roles: anonymous, the officer of a department that attended the meeting (MF), the officer of
a department that did not (MJ), reviewer, viewer, admin. A refused change leaves the database
as it was (no audit entry, nothing changed).
"""

import pytest

from digiweb.audit.models import AuditLog
from digiweb.extensions import db
from digiweb.meetings.models import AgendaItem, Attendee, Decision, Meeting

ROLES = ("anonymous", "officer-mf", "officer-mj", "reviewer", "viewer", "admin")
LOGIN = "login"  # a redirect to /login


def expect(anonymous=LOGIN, mf=403, mj=403, reviewer=200, viewer=403, admin=200):
    return dict(zip(ROLES, (anonymous, mf, mj, reviewer, viewer, admin), strict=True))


READ_ALL = expect(mf=200, mj=200, viewer=200)
MANAGE_GET = expect()
# A manager's post is answered by a redirect (done) or 422 (the empty form is refused).
MANAGE_POST = expect(reviewer=(302, 422), admin=(302, 422))

# (method, path, data, expected by role); {ref}, {attendee}, {item}, {dmf}, {dmj} are filled in.
# Each role walks the whole table on a fresh world, in this order: deletions come last.
ROUTES = [
    ("GET", "/meetings", None, READ_ALL),
    ("GET", "/meetings/{ref}", None, expect(mf=200, mj=404, viewer=200)),
    (
        "GET",
        "/meetings/MNS-2021-999",
        None,
        expect(mf=404, mj=404, reviewer=404, viewer=404, admin=404),
    ),
    ("GET", "/meetings/new", None, MANAGE_GET),
    ("POST", "/meetings/new", {}, expect(reviewer=422, admin=422)),
    ("GET", "/meetings/{ref}/edit", None, MANAGE_GET),
    ("POST", "/meetings/{ref}/edit", {}, expect(reviewer=422, admin=422)),
    (
        "POST",
        "/meetings/{ref}/minutes",
        {"minutes_ar": "x", "minutes_fr": "y", "version": "0"},
        expect(reviewer=409, admin=409),
    ),
    (
        "POST",
        "/meetings/{ref}/approve-minutes",
        {"version": "0", "confirm": "yes"},
        expect(reviewer=409, admin=409),
    ),
    ("POST", "/meetings/{ref}/attendees", {}, expect(reviewer=422, admin=422)),
    ("GET", "/meetings/{ref}/attendees/{attendee}/edit", None, MANAGE_GET),
    ("POST", "/meetings/{ref}/attendees/{attendee}", {}, expect(reviewer=422, admin=422)),
    ("POST", "/meetings/{ref}/agenda", {}, expect(reviewer=422, admin=422)),
    ("GET", "/meetings/{ref}/agenda/{item}/edit", None, MANAGE_GET),
    ("POST", "/meetings/{ref}/agenda/{item}", {}, expect(reviewer=422, admin=422)),
    ("POST", "/meetings/{ref}/agenda/{item}/move", {"direction": "down"}, MANAGE_POST),
    ("POST", "/meetings/{ref}/decisions", {}, expect(reviewer=422, admin=422)),
    ("GET", "/meetings/{ref}/decisions/{dmf}/edit", None, MANAGE_GET),
    ("POST", "/meetings/{ref}/decisions/{dmf}", {}, expect(reviewer=422, admin=422)),
    ("GET", "/decisions", None, READ_ALL),
    ("GET", "/decisions/{dmf}/follow-up", None, expect(mf=200, mj=404, viewer=200)),
    ("GET", "/decisions/{dmj}/follow-up", None, expect(mf=404, mj=200, viewer=200)),
    (
        "POST",
        "/decisions/{dmf}/follow-up",
        {"status": "done", "note": "ok", "version": "0"},
        expect(mf=409, mj=404, reviewer=409, admin=409),
    ),
    (
        "POST",
        "/meetings/{ref}/attendees/{attendee}/delete",
        {"confirm": "yes"},
        expect(reviewer=302, admin=302),
    ),
    ("POST", "/meetings/{ref}/agenda/{item}/delete", {"confirm": "yes"}, MANAGE_POST),
    ("POST", "/meetings/{ref}/decisions/{dmf}/delete", {"confirm": "yes"}, MANAGE_POST),
]


def _ids(world) -> dict:
    return {
        "ref": world.reference,
        "attendee": world.guest_attendee.id,
        "item": world.agenda[0].id,
        "dmf": world.decision_mf.id,
        "dmj": world.decision_mj.id,
    }


def _fill(path: str, world) -> str:
    return path.format(**_ids(world))


def _state():
    """What a refused request must leave untouched."""
    return (
        db.session.scalar(
            db.select(db.func.count(AuditLog.id)).where(
                AuditLog.entity_type.in_(("meeting", "decision"))
            )
        ),
        tuple(db.session.scalars(db.select(Meeting.version).order_by(Meeting.id))),
        tuple(db.session.scalars(db.select(Decision.version).order_by(Decision.id))),
        tuple(
            db.session.execute(db.select(AgendaItem.id, AgendaItem.position, AgendaItem.title_fr))
        ),
        tuple(db.session.execute(db.select(Attendee.id, Attendee.name, Attendee.attendance))),
    )


@pytest.mark.parametrize("role", ROLES)
def test_access_table(world, client_for, role):
    client = client_for(None if role == "anonymous" else role)
    ids = _ids(world)
    for method, path, data, expected in ROUTES:
        url = path.format(**ids)
        db.session.expire_all()
        before = _state()
        response = client.open(url, method=method, data=data)
        wanted = expected[role]
        where = f"{role} {method} {url}: {response.status_code}"
        if wanted == LOGIN:
            assert response.status_code == 302, where
            assert "/login" in response.headers["Location"], where
        elif isinstance(wanted, tuple):
            assert response.status_code in wanted, where
        else:
            assert response.status_code == wanted, where
        if response.status_code >= 400 or wanted == LOGIN:
            db.session.expire_all()
            assert _state() == before, f"{where} changed the database"


@pytest.mark.parametrize("role", ROLES)
def test_same_url_fragment_with_htmx(world, client_for, role):
    """An htmx request gets a fragment (no <html>), the same URL without it the page."""
    client = client_for(None if role == "anonymous" else role)
    for path in READ_PATHS:
        _check_fragment(client, role, _fill(path, world))


READ_PATHS = (
    "/meetings",
    "/decisions",
    "/meetings/{ref}",
    "/meetings/new",
    "/meetings/{ref}/edit",
    "/decisions/{dmf}/follow-up",
    "/meetings/{ref}/agenda/{item}/edit",
)


def _check_fragment(client, role, url):
    page = client.get(url)
    fragment = client.get(url, headers={"HX-Request": "true"})
    if role == "anonymous":
        assert page.status_code == 302
        assert fragment.status_code == 401
        assert fragment.headers["HX-Redirect"].startswith("/login")
        return
    assert page.status_code == fragment.status_code, url
    if page.status_code != 200:
        return
    assert "<html" in page.get_data(as_text=True)
    assert "<html" not in fragment.get_data(as_text=True)
    assert "HX-Request" in fragment.headers["Vary"]


def test_officer_of_absent_department_sees_neither_meeting_nor_decisions(world, client_for):
    client = client_for("officer-mj")
    listing = client.get("/meetings").get_data(as_text=True)
    assert world.reference not in listing
    assert client.get(f"/meetings/{world.reference}").status_code == 404
    decisions = client.get("/decisions").get_data(as_text=True)
    # MJ's own decision is listed (without a link to a meeting MJ did not attend), MF's is not.
    assert f'id="decision-{world.decision_mj.id}"' in decisions
    assert f'id="decision-{world.decision_mf.id}"' not in decisions
    assert f'href="/meetings/{world.reference}' not in decisions


def test_officer_of_attending_department_reads_but_cannot_edit(world, client_for):
    client = client_for("officer-mf")
    page = client.get(f"/meetings/{world.reference}").get_data(as_text=True)
    assert "Karim Benali" in page
    assert "/agenda/" not in page  # no agenda action
    assert 'action="/meetings/' not in page  # no meeting form at all
    # ...but the follow-up of MF's decision is offered, not that of MJ's.
    assert f'action="/decisions/{world.decision_mf.id}/follow-up"' in page
    assert f'action="/decisions/{world.decision_mj.id}/follow-up"' not in page


def test_viewer_reads_without_any_form(world, client_for):
    client = client_for("viewer")
    # The page's own content only: the layout around <main> (logout, the session warning's
    # "Stay signed in") has forms for every user.
    page = client.get(f"/meetings/{world.reference}").get_data(as_text=True)
    assert 'method="post"' not in page.split("<main", 1)[1].split("</main>", 1)[0]
    decisions = client.get("/decisions").get_data(as_text=True)
    decisions = decisions.split("<main", 1)[1].split("</main>", 1)[0]
    assert 'method="post"' not in decisions
    assert "/follow-up" not in decisions
