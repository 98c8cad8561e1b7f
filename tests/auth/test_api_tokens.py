"""Personal API tokens: made on /account/tokens (shown once) or by `flask tokens create`, stored
hashed, read-only, expiring, revocable; `Authorization: Bearer` on /api/v1 gets exactly what the
owner's session gets; a bad token is a 401 JSON; use is rate-limited per token and never
written to the database."""

import re
from datetime import timedelta

import pytest

from digiweb.audit.models import AuditLog
from digiweb.auth.models import User
from digiweb.auth.tokens import MAX_ACTIVE, ApiToken, create_token, hash_token
from digiweb.db_types import utcnow
from digiweb.extensions import db
from tests.conftest import IsolatedClient
from tests.security.test_rate_limits import _app_with_limits
from tests.test_csrf_everywhere import database_snapshot

API_PATHS = ("/api/v1/stats?year=2021", "/api/v1/plans?year=2021", "/api/v1/projects?year=2021")


def _user(username: str) -> User:
    return db.session.scalar(db.select(User).where(User.username == username))


def _cli_token(app, username: str, *args: str) -> str:
    result = app.test_cli_runner().invoke(args=["tokens", "create", username, *args])
    assert result.exit_code == 0, result.output
    return result.output.strip().splitlines()[-1]


def _script(app):
    """A client without cookies of its own, like a script."""
    app.test_client_class = IsolatedClient
    return app.test_client(use_cookies=False)


def _bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


# --- the command -----------------------------------------------------------------------------


def test_the_command_prints_the_token_last_and_stores_only_its_hash(demo_app):
    result = demo_app.test_cli_runner().invoke(args=["tokens", "create", "viewer", "--days", "7"])
    assert result.exit_code == 0, result.output
    token = result.output.strip().splitlines()[-1]
    assert re.fullmatch(r"dgw_[A-Za-z0-9_-]{40,}", token)
    stored = db.session.scalar(db.select(ApiToken).where(ApiToken.user_id == _user("viewer").id))
    assert stored.token_hash == hash_token(token) and token not in stored.token_hash
    assert timedelta(days=6, hours=23) < stored.expires_at - utcnow() <= timedelta(days=7)
    assert not any(token in str(row) for row in database_snapshot().values())
    entry = db.session.scalars(db.select(AuditLog).order_by(AuditLog.id.desc())).first()
    assert entry.action == "api_token_created" and entry.entity_id == _user("viewer").id


@pytest.mark.parametrize(
    "args", [["nobody"], ["viewer", "--days", "0"], ["viewer", "--days", "9999"]]
)
def test_the_command_refuses_bad_input(demo_app, args):
    result = demo_app.test_cli_runner().invoke(args=["tokens", "create", *args])
    assert result.exit_code != 0
    assert db.session.scalar(db.select(db.func.count(ApiToken.id))) == 0


# --- what a token gets -----------------------------------------------------------------------


@pytest.mark.parametrize("username", ["viewer", "reviewer", "admin", "officer-mf", "officer-mj"])
def test_a_token_gets_exactly_what_the_session_gets(demo_app, as_user, username):
    token = _cli_token(demo_app, username)
    session = as_user(username)
    script = _script(demo_app)
    for path in API_PATHS:
        by_session = session.get(path)
        by_token = script.get(path, headers=_bearer(token))
        assert by_token.status_code == by_session.status_code == 200, path
        assert by_token.get_json() == by_session.get_json(), path


def test_a_token_request_leaves_no_session_and_writes_nothing(demo_app):
    token = _cli_token(demo_app, "reviewer")
    before = database_snapshot()
    response = _script(demo_app).get("/api/v1/stats?year=2021", headers=_bearer(token))
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    assert response.headers["Cache-Control"] == "no-store"
    assert database_snapshot() == before


def test_a_token_opens_only_the_api(demo_app):
    token = _cli_token(demo_app, "admin")
    response = _script(demo_app).get("/admin/users", headers=_bearer(token))
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def _refused(response, words: str):
    assert response.status_code == 401
    assert response.is_json and words in response.get_json()["error"]
    assert response.headers["WWW-Authenticate"] == 'Bearer error="invalid_token"'


def test_wrong_expired_revoked_and_deactivated_tokens_get_401_json(demo_app):
    script = _script(demo_app)
    path = API_PATHS[0]
    _refused(script.get(path + "&lang=fr", headers=_bearer("dgw_wrong")), "pas valide")
    _refused(script.get(path, headers={"Authorization": "Bearer"}), "")

    expired = _cli_token(demo_app, "viewer")
    row = db.session.scalar(db.select(ApiToken).where(ApiToken.token_hash == hash_token(expired)))
    row.expires_at = utcnow() - timedelta(seconds=1)
    _refused(script.get(path + "&lang=fr", headers=_bearer(expired)), "expiré")

    revoked = _cli_token(demo_app, "viewer")
    row = db.session.scalar(db.select(ApiToken).where(ApiToken.token_hash == hash_token(revoked)))
    row.revoked_at = utcnow()
    _refused(script.get(path + "&lang=fr", headers=_bearer(revoked)), "révoqué")

    owner_gone = _cli_token(demo_app, "reviewer")
    assert script.get(path, headers=_bearer(owner_gone)).status_code == 200
    _user("reviewer").active = False
    _refused(script.get(path + "&lang=fr", headers=_bearer(owner_gone)), "désactivé")


def test_without_a_token_the_api_still_asks_for_a_login(demo_app):
    response = _script(demo_app).get(API_PATHS[0])
    assert response.status_code == 401 and response.is_json
    assert "WWW-Authenticate" not in response.headers


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_tokens_are_read_only(demo_app, method):
    token = _cli_token(demo_app, "admin")
    script = _script(demo_app)
    before = database_snapshot()
    # refused as a write (not as a missing CSRF token), whatever the path under /api/
    for path in ("/api/v1/stats?year=2021&lang=fr", "/api/v1/nothing-here?lang=fr"):
        response = script.open(path, method=method, headers=_bearer(token))
        assert response.status_code == 403, path
        assert "lecture seule" in response.get_json()["error"]
    response = script.open(API_PATHS[0], method=method, headers=_bearer("dgw_wrong"))
    assert response.status_code == 401
    assert database_snapshot() == before


# --- the account page ------------------------------------------------------------------------


def _create(client, name="Power BI", days="90"):
    page = client.get("/account/tokens").get_data(as_text=True)
    once = re.search(r'name="_submission" value="([^"]+)"', page).group(1)
    return client.post("/account/tokens", data={"name": name, "days": days, "_submission": once})


def _shown_token(response) -> str:
    return re.search(r'id="new-token-value" value="(dgw_[^"]+)"', response.get_data(as_text=True))[
        1
    ]


def test_the_page_creates_shows_once_lists_and_revokes(demo_app, as_user):
    client = as_user("officer-mf", lang="fr")
    assert client.get("/account/tokens").status_code == 200
    response = _create(client, name="Tableur du bureau")
    assert response.status_code == 200
    token = _shown_token(response)
    assert "ne sera plus affiché" in response.get_data(as_text=True)
    # shown once: the list gives its first characters only
    page = client.get("/account/tokens").get_data(as_text=True)
    assert token not in page and token[:10] in page and "Tableur du bureau" in page
    # it reads the API as the officer
    script = _script(demo_app)
    items = script.get("/api/v1/plans?year=2021", headers=_bearer(token)).get_json()["items"]
    assert [item["department"] for item in items] == ["MF"]
    stored = db.session.scalar(db.select(ApiToken).where(ApiToken.token_hash == hash_token(token)))
    response = client.post(f"/account/tokens/{stored.id}/revoke")
    assert response.status_code == 302
    assert script.get(API_PATHS[0], headers=_bearer(token)).status_code == 401
    assert client.post(f"/account/tokens/{stored.id}/revoke").status_code == 409
    officer = _user("officer-mf")
    actions = db.session.scalars(
        db.select(AuditLog.action)
        .where(AuditLog.entity_type == "user", AuditLog.entity_id == officer.id)
        .where(AuditLog.action.like("api_token_%"))
        .order_by(AuditLog.id)
    ).all()
    assert actions == ["api_token_created", "api_token_revoked"]


def test_nobody_revokes_or_sees_another_accounts_token(demo_app, as_user):
    _cli_token(demo_app, "officer-mj")
    theirs = db.session.scalar(db.select(ApiToken))
    client = as_user("admin")
    assert client.post(f"/account/tokens/{theirs.id}/revoke").status_code == 404
    assert theirs.hint not in client.get("/account/tokens").get_data(as_text=True)
    db.session.refresh(theirs)
    assert theirs.revoked_at is None


def test_the_page_needs_a_login(demo_app):
    response = _script(demo_app).get("/account/tokens")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize(
    ("name", "days"), [("", "90"), ("x" * 101, "90"), ("ok", "7"), ("ok", "x")]
)
def test_the_form_refuses_bad_input(as_user, name, days):
    response = _create(as_user("viewer"), name=name, days=days)
    assert response.status_code == 422
    assert db.session.scalar(db.select(db.func.count(ApiToken.id))) == 0


def test_an_account_has_at_most_so_many_active_tokens(demo_app, as_user):
    viewer = _user("viewer")
    for number in range(MAX_ACTIVE):
        create_token(viewer, f"t{number}")
    db.session.commit()
    response = _create(as_user("viewer", lang="fr"))
    assert response.status_code == 409
    assert db.session.scalar(db.select(db.func.count(ApiToken.id))) == MAX_ACTIVE


def test_the_account_page_links_to_the_page_and_the_menu_to_the_account(as_user):
    client = as_user("viewer")
    assert 'href="/account"' in client.get("/").get_data(as_text=True)
    assert 'href="/account/tokens"' in client.get("/account").get_data(as_text=True)


# --- rate limit ------------------------------------------------------------------------------


@pytest.fixture
def limited_app(request):
    app = _app_with_limits(
        request, {"RATELIMIT_ENABLED": True, "RATELIMIT_API_TOKEN": "3 per hour;5 per day"}
    )
    with app.app_context():
        yield app


def test_each_token_has_its_own_budget_counted_in_the_limiter(limited_app):
    first, second = (_cli_token(limited_app, "viewer") for _ in range(2))
    script = _script(limited_app)
    codes = [script.get(API_PATHS[0], headers=_bearer(first)).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    assert script.get(API_PATHS[0], headers=_bearer(second)).status_code == 200
    # the owner's page reads the day's count from the limiter's store
    from tests.conftest import CSRFClient, login

    limited_app.test_client_class = CSRFClient
    owner = limited_app.test_client()
    login(owner, "viewer")
    page = owner.get("/account/tokens").get_data(as_text=True)
    counts = re.findall(r'<td class="num">(\d+)</td>', page)
    assert sorted(counts) == ["1", "3"]
