import pytest

from digiweb.audit.models import AuditLog
from digiweb.auth.models import Role, User
from digiweb.extensions import db
from tests.conftest import login
from tests.factories import PASSWORD, make_user


@pytest.fixture
def amina(app):
    user = make_user("amina", role=Role.REVIEWER)
    db.session.commit()
    return user


def _actions(user_id=None):
    query = db.select(AuditLog.action).order_by(AuditLog.id)
    if user_id is not None:
        query = query.where(AuditLog.entity_id == user_id)
    return list(db.session.scalars(query))


def test_login_success_is_audited_and_renews_session(client, amina):
    client.get("/login")
    with client.session_transaction() as session:
        session["planted"] = "fixation"
    response = client.post("/login", data={"username": "amina", "password": PASSWORD})
    assert response.status_code == 302
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session["_user_id"].startswith(f"{amina.id}:")
    assert _actions(amina.id)[-1] == "login"


def test_login_failure_keeps_username_and_is_audited(client, amina):
    response = client.post("/login?lang=fr", data={"username": "amina", "password": "nope"})
    assert response.status_code == 401
    body = response.get_data(as_text=True)
    assert "Identifiant ou mot de passe incorrect." in body
    assert 'value="amina"' in body
    assert _actions(amina.id) == ["login_failed"]


def test_unknown_user_failure_is_audited(client, app):
    response = client.post("/login", data={"username": "ghost", "password": "x"})
    assert response.status_code == 401
    entry = db.session.scalar(db.select(AuditLog).where(AuditLog.action == "login_failed"))
    assert entry.entity_label == "ghost"


def test_empty_fields_get_messages_in_the_users_language(client):
    response = client.post("/login?lang=ar", data={"username": "", "password": ""})
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert "أدخل اسم المستخدم." in body and "أدخل كلمة المرور." in body


# Throttling (per account and address, with back-off; never a lock anyone could put on an
# account) is tested in tests/auth/test_login_throttle.py.


@pytest.mark.parametrize(
    ("next_url", "expected"),
    [
        ("/admin/users", "/admin/users"),
        ("https://evil.example/", "/"),
        ("//evil.example/", "/"),
        ("/\\evil.example", "/"),
        ("javascript:alert(1)", "/"),
    ],
)
def test_next_only_to_local_paths(client, amina, next_url, expected):
    response = client.post(
        "/login", query_string={"next": next_url}, data={"username": "amina", "password": PASSWORD}
    )
    assert response.headers["Location"] == expected


def test_logout_ends_every_session(app, amina):
    from tests.conftest import CSRFClient

    app.test_client_class = CSRFClient
    first, second = app.test_client(), app.test_client()
    login(first, "amina", PASSWORD)
    login(second, "amina", PASSWORD)
    assert second.get("/").status_code == 200
    assert first.post("/logout").status_code == 302
    assert first.get("/").status_code == 302
    assert second.get("/").status_code == 302  # the other browser is logged out too
    assert "logout" in _actions(amina.id)


def test_deactivation_ends_sessions(client, amina):
    login(client, "amina", PASSWORD)
    assert client.get("/").status_code == 200
    user = db.session.get(User, amina.id)
    user.active = False
    user.end_all_sessions()
    db.session.commit()
    assert client.get("/").status_code == 302
    assert (
        client.post("/login", data={"username": "amina", "password": PASSWORD}).status_code == 401
    )


def test_logout_needs_csrf(raw_client, amina):
    response = raw_client.post("/logout")
    assert response.status_code == 400


def test_login_form_needs_csrf(raw_client, amina):
    response = raw_client.post("/login", data={"username": "amina", "password": PASSWORD})
    assert response.status_code == 400


def test_users_create_cli(runner, app):
    from tests.factories import make_department

    make_department("MF")
    db.session.commit()
    result = runner.invoke(
        args=["users", "create", "nadia", "--role", "officer", "--department", "mf"],
        input="sable minaret cobalt 74\n",
    )
    assert result.exit_code == 0, result.output
    user = db.session.scalar(db.select(User).where(User.username == "nadia"))
    assert user.role == Role.OFFICER and user.department.code == "MF"
    assert user.check_password("sable minaret cobalt 74")
    assert not user.must_change_password  # the person typed it: nothing to change
    result = runner.invoke(args=["users", "create", "x", "--role", "officer"], input="pw\n")
    assert result.exit_code != 0 and "--department" in result.output
    result = runner.invoke(args=["users", "create", "y", "--role", "viewer"], input="short\n")
    assert result.exit_code != 0
    result = runner.invoke(
        args=["users", "create", "z", "--role", "viewer"], input="digiweb-password-2026\n"
    )
    assert result.exit_code != 0  # built on the application's name


@pytest.mark.parametrize(("key", "age"), [("seen", 31 * 60), ("login_at", 12 * 3600 + 1)])
def test_idle_and_absolute_session_timeouts(client, amina, key, age):
    login(client, "amina", PASSWORD)
    assert client.get("/").status_code == 200
    with client.session_transaction() as session:
        session[key] -= age
    response = client.get("/")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    page = client.get("/login?lang=fr").get_data(as_text=True)
    assert "Votre session a expiré" in page


def test_activity_keeps_the_session_alive(client, amina):
    login(client, "amina", PASSWORD)
    with client.session_transaction() as session:
        session["seen"] -= 29 * 60
    assert client.get("/").status_code == 200
    with client.session_transaction() as session:
        session["seen"] -= 29 * 60
    assert client.get("/").status_code == 200
