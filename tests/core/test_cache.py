"""digiweb.cache: results keyed on the data version never outlive a change of data, however the
data was written, and results cached for one user are never served to another kind of user."""

import re

import pytest
import sqlalchemy as sa
from flask_login import login_user
from jinja2 import ChoiceLoader, DictLoader, UndefinedError

from digiweb import cache
from digiweb.audit.models import AuditLog
from digiweb.auth.models import Role
from digiweb.departments.models import Department
from digiweb.extensions import db
from digiweb.plans.models import SENT_STATUSES, Plan, Project, Target
from tests.factories import make_department, make_user


def _version() -> int:
    db.session.expire_all()
    return db.session.execute(sa.text("SELECT value FROM data_version WHERE id = 1")).scalar() or 0


def test_every_commit_that_changes_data_gives_a_new_version(app):
    before = _version()
    make_department("CACHE1")
    db.session.commit()
    first = _version()
    assert first != before

    department = db.session.scalar(db.select(Department).filter_by(code="CACHE1"))
    department.name_fr = "Ministère renommé"
    db.session.commit()
    assert _version() not in (before, first)


def test_a_commit_without_changes_or_with_only_audit_entries_keeps_the_version(app):
    make_department("CACHE2")
    db.session.commit()
    version = _version()
    db.session.commit()
    assert _version() == version
    db.session.add(AuditLog(action="login_failed", entity_type="user", entity_id=None))
    db.session.commit()
    assert _version() == version


def test_a_rolled_back_change_keeps_the_version(app):
    make_department("CACHE3")
    db.session.commit()
    version = _version()
    make_department("CACHE4")
    db.session.flush()
    db.session.rollback()
    assert _version() == version
    # The flag of the rolled-back flush does not leak into the next, empty, commit.
    db.session.commit()
    assert _version() == version


def test_core_writes_bump_by_hand(app):
    version = _version()
    cache.bump_data_version(db.session.connection())
    db.session.commit()
    assert _version() != version


def test_cached_computes_once_per_version_and_key(app):
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    with app.test_request_context():
        assert cache.cached("test", ("a",), compute) == 1
        assert cache.cached("test", ("a",), compute) == 1
        assert cache.cached("test", ("b",), compute) == 2
    make_department("CACHE5")
    db.session.commit()
    with app.test_request_context():
        # A new version: the old entry can no longer be reached.
        assert cache.cached("test", ("a",), compute) == 3
    assert len(calls) == 3


def test_the_cache_can_be_turned_off(app):
    app.config["CACHE_ENABLED"] = False
    calls = []
    for _ in range(2):
        cache.cached("test", "k", lambda: calls.append(1))
    assert len(calls) == 2


def test_the_store_keeps_at_most_its_size(app):
    app.config["CACHE_MAX_ENTRIES"] = 3
    app.extensions.pop("digiweb_cache", None)
    for i in range(10):
        cache.cached("test", i, lambda i=i: i)
    assert cache.cache_stats()["entries"] == 3
    cache.clear_cache()
    assert cache.cache_stats()["entries"] == 0


def test_a_session_with_uncommitted_changes_neither_reads_nor_fills_the_cache(app):
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    with app.test_request_context():
        assert cache.cached("test", "pending", compute) == 1
        make_department("CACHE6")  # flushed, not committed: no version names this state yet
        assert cache.cached("test", "pending", compute) == 2
        assert cache.cached("test", "pending", compute) == 3
        db.session.rollback()
        assert cache.cached("test", "pending", compute) == 1  # the entry from before


# --- any write moves the version: Core statements too ---------------------------------------


def _rename(code):
    return sa.update(Department).where(Department.code == code).values(name_fr="Renommé")


CORE_WRITES = {
    "orm-enabled update": lambda: db.session.execute(_rename("CORE")),
    "update on the table": lambda: db.session.execute(
        sa.update(Department.__table__)
        .where(Department.__table__.c.code == "CORE")
        .values(name_ar="جديد")
    ),
    "delete": lambda: db.session.execute(sa.delete(Department).where(Department.code == "CORE")),
    "insert": lambda: db.session.execute(
        sa.insert(Department).values(code="CORE2", name_ar="وزارة", name_fr="Ministère")
    ),
    "on the session's connection": lambda: db.session.connection().execute(_rename("CORE")),
    "textual": lambda: db.session.execute(
        sa.text("UPDATE departments SET name_fr = 'Renommé' WHERE code = 'CORE'")
    ),
}


@pytest.mark.parametrize("write", CORE_WRITES.values(), ids=CORE_WRITES.keys())
def test_core_statements_give_a_new_version_at_the_commit(app, write):
    make_department("CORE")
    db.session.commit()
    version = _version()
    write()
    db.session.commit()
    assert _version() != version


def test_a_core_write_to_an_ignored_table_keeps_the_version(app):
    make_department("CORE")
    db.session.commit()
    version = _version()
    db.session.execute(sa.insert(AuditLog).values(action="login_failed", entity_type="user"))
    db.session.commit()
    assert _version() == version


def test_the_version_moves_at_the_real_commit_not_at_a_savepoint(app):
    make_department("CORE")
    db.session.commit()
    version = _version()
    with db.session.begin_nested():
        db.session.execute(_rename("CORE"))
    assert _version() == version  # the savepoint is released: no new version yet
    # A later savepoint rolled back does not make the transaction forget the earlier write.
    savepoint = db.session.begin_nested()
    db.session.execute(sa.update(Department).values(name_ar="مؤقت"))
    savepoint.rollback()
    db.session.commit()
    assert _version() != version


def test_a_session_after_a_core_write_neither_reads_nor_fills_the_cache(app):
    make_department("CORE")
    db.session.commit()
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    with app.test_request_context():
        assert cache.cached("test", "core", compute) == 1
        db.session.execute(_rename("CORE"))  # no ORM object changed: only the statement
        assert cache.cached("test", "core", compute) == 2
        db.session.rollback()
        assert cache.cached("test", "core", compute) == 1


def _kpi(body: str, name: str) -> str:
    return re.search(rf'id="kpi-{name}" href="[^"]*">([^<]*)<', body).group(1)


def _list_total(client, query: str) -> int:
    body = client.get(f"/projects?{query}", headers={"HX-Request": "true"}).get_data(as_text=True)
    return int(re.search(r'id="project-count" data-total="(\d+)"', body).group(1))


def test_a_bare_update_shows_on_the_next_list_dashboard_and_api_read(as_user):
    client = as_user("viewer", lang="fr")
    dashboard = "/dashboard?year=2021"
    api = "/api/v1/projects?year=2021&target=citizens"
    for _ in range(2):  # the second reads are served from the cache
        assert _kpi(client.get(dashboard).get_data(as_text=True), "citizens") == "31"
        assert _list_total(client, "year=2021&target=citizens") == 31
        assert client.get(api).get_json()["total"] == 31
    assert cache.cache_stats()["hits"] > 0
    sent = sa.select(Plan.id).where(Plan.status.in_(SENT_STATUSES))
    project_id = db.session.scalar(
        sa.select(Project.id)
        .where(
            Project.year == 2021,
            Project.target == Target.ECONOMIC_OPERATORS,
            Project.plan_id.in_(sent),
        )
        .order_by(Project.id)
    )
    # No ORM object changes: only the statement tells that the data changed.
    db.session.execute(
        sa.update(Project).where(Project.id == project_id).values(target=Target.CITIZENS)
    )
    db.session.commit()
    assert _kpi(client.get(dashboard).get_data(as_text=True), "citizens") == "32"
    assert _list_total(client, "year=2021&target=citizens") == 32
    assert client.get(api).get_json()["total"] == 32


# --- what is cached for one viewer is never served to another -------------------------------


def _departments_listed(body: str) -> set[str]:
    return set(re.findall(r"<bdi>2021-([A-Z]+)-\d+</bdi>", body))


def test_a_list_cached_for_a_reviewer_is_not_served_to_an_officer(as_user):
    # Logged in first: a login writes the user's row, which gives the data a new version.
    reviewer, officer, other_officer = (
        as_user(name, lang="fr") for name in ("reviewer", "officer-mf", "officer-mj")
    )
    query, api = "/projects?year=2021", "/api/v1/projects?year=2021"
    for _ in range(2):  # computed, then from the cache
        body = reviewer.get(query).get_data(as_text=True)
        assert 'id="filter-department"' in body and len(_departments_listed(body)) > 2
        body = officer.get(query).get_data(as_text=True)
        assert 'id="filter-department"' not in body and _departments_listed(body) == {"MF"}
        body = other_officer.get(query).get_data(as_text=True)
        assert _departments_listed(body) == {"MJ"}
        listed = {
            client: {item["department"] for item in client.get(api).get_json()["items"]}
            for client in (reviewer, officer, other_officer)
        }
        assert len(listed[reviewer]) > 2
        assert (listed[officer], listed[other_officer]) == ({"MF"}, {"MJ"})
    assert cache.cache_stats()["hits"] > 0


def test_arabic_is_not_served_to_french(as_user):
    arabic, french = as_user("viewer", lang="ar"), as_user("viewer", lang="fr")
    fragment = {"HX-Request": "true"}
    for _ in range(2):  # computed, then from the cache
        for path in ("/projects?year=2021&sort=title", "/dashboard?year=2021"):
            assert "Ministère" not in arabic.get(path, headers=fragment).get_data(as_text=True)
            assert "Ministère" in french.get(path, headers=fragment).get_data(as_text=True)
    assert cache.cache_stats()["hits"] > 0


TEMPLATES = {
    "test/who.html": (
        "{% if current_user.can_review %}<button>review</button>{% endif %}"
        "|{{ current_user.department_id }}|{{ current_lang }}|{{ _('Projects') }}"
    ),
    "test/username.html": "{{ current_user.username }}",
    "test/user_id.html": "{{ current_user.id }}",
    "test/request.html": "{{ request.args }}",
    "test/session.html": "{% if session %}x{% endif %}",
    "test/csrf.html": "{{ csrf_token() }}",
    "test/nav.html": "{{ nav_items() }}",
    "test/notifications.html": "{{ unread_notifications() }}",
    "test/external.html": "{{ url_for('projects.index', _external=True) }}",
    "test/undefined.html": "{{ anything_not_given }}",
}


@pytest.fixture
def templates(app, monkeypatch):
    loader = ChoiceLoader([DictLoader(TEMPLATES), app.jinja_loader])
    monkeypatch.setattr(app, "jinja_loader", loader)


def _render_as(app, user, lang: str, template: str = "test/who.html") -> str:
    # A request of its own, as in production (the language is memoised on the app context).
    with app.app_context(), app.test_request_context(f"/?lang={lang}"):
        login_user(user)
        return str(cache.cached_html("test.who", template, None, lambda viewer: {}))


def test_a_fragment_is_cached_per_role_department_and_language(app, templates):
    reviewer = make_user(role=Role.REVIEWER)
    viewer = make_user(role=Role.VIEWER)
    officers = [make_user(role=Role.OFFICER), make_user(role=Role.OFFICER)]
    db.session.commit()
    for _ in range(2):  # rendered, then served from the cache
        assert "<button>review</button>" in _render_as(app, reviewer, "fr")
        assert "<button>review</button>" not in _render_as(app, viewer, "fr")
        first, second = (_render_as(app, officer, "fr") for officer in officers)
        assert f"|{officers[0].department_id}|" in first
        assert f"|{officers[1].department_id}|" in second
        assert "|fr|Projets" in _render_as(app, viewer, "fr")
        assert "|ar|" in _render_as(app, viewer, "ar")
    # Five viewers, five entries; every other render came from the cache.
    assert cache.cache_stats() == {"hits": 7, "misses": 5, "entries": 5}


@pytest.mark.parametrize("template", [name for name in TEMPLATES if name != "test/who.html"])
def test_a_cached_template_cannot_read_what_its_key_does_not_hold(app, templates, template):
    user = make_user(role=Role.REVIEWER)
    db.session.commit()
    with pytest.raises((cache.CachedContentError, UndefinedError)):
        _render_as(app, user, "fr", template)
