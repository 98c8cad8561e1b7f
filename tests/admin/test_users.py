"""Users admin: list and filters, create, edit, deactivate/reactivate, new password, unlock.
Every change audited (never a password); an admin cannot lock themself out."""

import re
from datetime import timedelta

import pytest

from digiweb.admin import services
from digiweb.audit.models import AuditLog
from digiweb.auth.models import Language, Role, User
from digiweb.db_types import utcnow
from digiweb.departments.models import Department
from digiweb.errors import Conflict, Refusal
from digiweb.extensions import db
from tests.conftest import DEMO_PASSWORD, login
from tests.factories import make_user

NEW_PASSWORD = "a-new-long-password"


def _user(username: str) -> User:
    db.session.expire_all()
    return db.session.scalar(db.select(User).where(User.username == username))


def _department(code: str) -> Department:
    return db.session.scalar(db.select(Department).where(Department.code == code))


def _audit(action: str, user: User) -> list[AuditLog]:
    return list(
        db.session.scalars(
            db.select(AuditLog)
            .where(AuditLog.action == action, AuditLog.entity_id == user.id)
            .order_by(AuditLog.id)
        )
    )


def _logged_in(client) -> bool:
    response = client.get("/")
    return "/login" not in response.headers.get("Location", "")


def _usernames(body: str) -> list[str]:
    return re.findall(r'<tr id="user-\d+">\s*<td[^>]*><bdi>([\w.-]+)</bdi>', body)


@pytest.fixture
def admin(as_user):
    return as_user("admin", lang="fr")


@pytest.fixture
def request_context(app):
    with app.test_request_context():
        yield


def _edit_data(user: User, **changes) -> dict:
    data = {
        "full_name": user.full_name,
        "email": user.email,
        "role": user.role.value,
        "department": str(user.department_id or ""),
        "language": user.language.value,
        "version": user.version,
    }
    data.update(changes)
    return data


# --- list ----------------------------------------------------------------------------------


def test_list_shows_every_account(admin):
    body = admin.get("/admin/users").get_data(as_text=True)
    names = _usernames(body)
    assert len(names) == 37 and names == sorted(names)
    assert "37 utilisateurs" in body
    row = body[body.index("<bdi>officer-mf</bdi>") :]
    row = row[: row.index("</tr>")]
    assert "Responsable de la numérisation" in row  # role label
    assert "Ministère des Finances" in row and "Français" in row and "Actif" in row


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"role": "reviewer"}, ["reviewer"]),
        ({"role": "officer", "q": "-mf"}, ["officer-mf", "officer-mfep"]),
        ({"q": "cabinet"}, ["viewer"]),  # full name, any case
        ({"q": "ADMIN"}, ["admin"]),
        ({"role": "nonsense", "q": "reviewer"}, ["reviewer"]),  # unknown role ignored
    ],
)
def test_filters(admin, query, expected):
    body = admin.get("/admin/users", query_string=query).get_data(as_text=True)
    assert _usernames(body) == expected


def test_filter_by_department(admin):
    mj = _department("MJ")
    body = admin.get(f"/admin/users?department={mj.id}").get_data(as_text=True)
    assert _usernames(body) == ["officer-mj"]


def test_list_is_a_fragment_for_htmx(admin):
    response = admin.get("/admin/users?role=viewer", headers={"HX-Request": "true"})
    body = response.get_data(as_text=True)
    assert "<html" not in body and _usernames(body) == ["viewer"]
    assert "1 utilisateur" in body


def test_list_queries_do_not_grow_with_accounts(app, count_queries):
    make_user()
    with count_queries() as few:
        services.user_rows()
    for _ in range(15):
        make_user()
    with count_queries() as many:
        assert len(services.user_rows()) == 16
    assert many.count == few.count == 1


def test_locked_accounts_are_flagged(admin):
    user = _user("officer-mj")
    user.locked_until = utcnow() + timedelta(minutes=10)
    db.session.commit()
    body = admin.get("/admin/users?q=officer-mj").get_data(as_text=True)
    assert "Bloqué" in body


# --- create --------------------------------------------------------------------------------


def _new_account(**changes) -> dict:
    data = {
        "username": "karim.b",
        "full_name": "Karim Benali",
        "email": "k.benali@mns.gov.dz",
        "role": "officer",
        "department": "",
        "language": "fr",
        "password": "long-enough-pw",
    }
    data.update(changes)
    return data


def test_create_officer_who_can_then_log_in(admin, demo_app):
    mf = _department("MF")
    response = admin.post("/admin/users/new", data=_new_account(department=str(mf.id)))
    assert response.status_code == 302
    user = _user("karim.b")
    assert user.role == Role.OFFICER and user.department_id == mf.id
    assert user.language == Language.FR and user.email == "k.benali@mns.gov.dz"
    (entry,) = _audit("user_created", user)
    assert entry.actor_name == "admin"
    assert entry.changes["role"] == [None, "officer"] and entry.changes["department"] == [
        None,
        "MF",
    ]
    assert "long-enough-pw" not in str(entry.changes) and user.password_hash not in str(
        entry.changes
    )
    demo_app.test_client_class = type(admin)
    login(demo_app.test_client(), "karim.b", "long-enough-pw")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"username": "admin"}, "username", "Cet identifiant est déjà pris."),
        ({"username": "Karim"}, "username", "Utilisez uniquement des lettres minuscules"),
        ({"username": "karim b"}, "username", "Utilisez uniquement des lettres minuscules"),
        ({"email": "k.benali@"}, "email", "Saisissez une adresse électronique"),
        ({"email": "k benali@mns.dz"}, "email", "Saisissez une adresse électronique"),
        ({"password": "short"}, "password", "au moins 12 caractères"),
        ({"full_name": ""}, "full_name", "Saisissez le nom complet."),
        ({"role": "superuser"}, "role", None),
        ({"department": ""}, "department", "doit être rattaché à un département"),
        ({"role": "viewer", "department": "MF"}, "department", "Seuls les responsables"),
    ],
)
def test_create_refuses_bad_input_next_to_the_field(admin, changes, field, message):
    if changes.get("department") == "MF" or "department" not in changes:
        changes["department"] = str(_department("MF").id)
    users_before = db.session.scalar(db.select(db.func.count(User.id)))
    response = admin.post("/admin/users/new", data=_new_account(**changes))
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert f'id="field-{field}"' in body
    field_html = body[body.index(f'id="field-{field}"') :]
    field_html = field_html[: field_html.index('<div class="field')]
    assert 'class="field-error"' in field_html
    if message:
        assert message in field_html
    assert "Karim Benali" in body or changes.get("full_name") == ""  # input kept
    assert db.session.scalar(db.select(db.func.count(User.id))) == users_before


# --- edit ----------------------------------------------------------------------------------


def test_edit_changes_are_audited_old_and_new(admin):
    user = _user("officer-mj")
    old_email = user.email
    mf = _department("MF")
    response = admin.post(
        f"/admin/users/{user.id}/edit",
        data=_edit_data(user, department=str(mf.id), language="fr", email="mj@justice.dz"),
    )
    assert response.status_code == 302
    user = _user("officer-mj")
    assert user.department_id == mf.id and user.language == Language.FR
    (entry,) = _audit("user_updated", user)
    assert entry.changes == {
        "department": ["MJ", "MF"],
        "language": ["ar", "fr"],
        "email": [old_email, "mj@justice.dz"],
    }
    page = admin.get(f"/admin/users/{user.id}/edit").get_data(as_text=True)
    assert "Département : <bdi>MJ</bdi> → <bdi>MF</bdi>" in page  # the account's history


def test_role_change_to_reviewer_needs_the_department_emptied(admin):
    user = _user("officer-mj")
    response = admin.post(f"/admin/users/{user.id}/edit", data=_edit_data(user, role="reviewer"))
    assert response.status_code == 422
    assert "Seuls les responsables" in response.get_data(as_text=True)
    data = _edit_data(user, role="reviewer", department="")
    assert admin.post(f"/admin/users/{user.id}/edit", data=data).status_code == 302
    user = _user("officer-mj")
    assert user.role == Role.REVIEWER and user.department is None
    (entry,) = _audit("user_updated", user)
    assert entry.changes == {"role": ["officer", "reviewer"], "department": ["MJ", None]}


def test_admin_cannot_demote_themself(admin):
    me = _user("admin")
    response = admin.post(f"/admin/users/{me.id}/edit", data=_edit_data(me, role="reviewer"))
    assert response.status_code == 422
    assert "Vous ne pouvez pas retirer votre propre rôle" in response.get_data(as_text=True)
    assert _user("admin").role == Role.ADMIN


def test_admin_may_demote_another_admin(app, request_context):
    me, other = make_user("me", role=Role.ADMIN), make_user("other", role=Role.ADMIN)
    values = {"full_name": "O", "email": "", "language": Language.AR, "department": None}
    services.update_account(me, other, other.version, role=Role.VIEWER, **values)
    assert other.role == Role.VIEWER
    with pytest.raises(Refusal) as error:
        services.update_account(me, me, me.version, role=Role.VIEWER, **values)
    assert error.value.field == "role"


def test_stale_edit_is_refused_with_both_values(admin):
    user = _user("officer-mj")
    seen = user.version
    user.full_name = "Nom changé entre-temps"
    db.session.commit()
    response = admin.post(
        f"/admin/users/{user.id}/edit", data=_edit_data(user, full_name="Ma saisie", version=seen)
    )
    assert response.status_code == 409
    body = response.get_data(as_text=True)
    assert "Nom changé entre-temps" in body and "Ma saisie" in body
    assert _user("officer-mj").full_name == "Nom changé entre-temps"
    assert _audit("user_updated", user) == []


# --- deactivate, reactivate ----------------------------------------------------------------


def test_deactivation_ends_the_users_sessions(admin, as_user):
    officer_client = as_user("officer-mj")
    assert _logged_in(officer_client)
    user = _user("officer-mj")
    assert admin.post(f"/admin/users/{user.id}/deactivate").status_code == 302
    assert not _logged_in(officer_client)
    user = _user("officer-mj")
    assert user.active is False
    assert [e.changes for e in _audit("user_deactivated", user)] == [{"active": [True, False]}]
    assert admin.post(f"/admin/users/{user.id}/activate").status_code == 302
    assert _user("officer-mj").active is True
    assert len(_audit("user_reactivated", user)) == 1


def test_admin_cannot_deactivate_themself(admin):
    me = _user("admin")
    response = admin.post(f"/admin/users/{me.id}/deactivate")
    assert response.status_code == 422
    assert "Vous ne pouvez pas désactiver votre propre compte." in response.get_data(as_text=True)
    assert _user("admin").active is True
    assert admin.get("/admin/users").status_code == 200  # still logged in


def test_session_token_changes_only_on_deactivation(app, request_context):
    actor, user = make_user("boss", role=Role.ADMIN), make_user()
    token = user.session_token
    assert services.set_account_active(actor, user, True) is False
    assert user.session_token == token
    services.set_account_active(actor, user, False)
    assert user.session_token != token


# --- new password, unlock ------------------------------------------------------------------


def test_password_reset(admin, as_user, demo_app):
    officer_client = as_user("officer-mj")
    assert _logged_in(officer_client)
    user = _user("officer-mj")
    user.locked_until = utcnow() + timedelta(minutes=10)
    user.failed_logins = 5
    db.session.commit()
    response = admin.post(
        f"/admin/users/{user.id}/password",
        data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert not _logged_in(officer_client)  # its sessions ended
    user = _user("officer-mj")
    assert user.check_password(NEW_PASSWORD) and not user.check_password(DEMO_PASSWORD)
    assert user.locked_until is None and user.failed_logins == 0
    (entry,) = _audit("user_password_reset", user)
    assert entry.changes == {"locked": [True, False]}
    flat = str(entry.changes) + entry.entity_label
    assert NEW_PASSWORD not in flat and user.password_hash not in flat
    demo_app.test_client_class = type(admin)
    login(demo_app.test_client(), "officer-mj", NEW_PASSWORD)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"password": "short", "confirm": "short"}, "au moins 12 caractères"),
        ({"password": NEW_PASSWORD, "confirm": "something-else"}, "différents"),
    ],
)
def test_password_reset_refuses_bad_input(admin, data, message):
    user = _user("officer-mj")
    response = admin.post(f"/admin/users/{user.id}/password", data=data)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert _user("officer-mj").check_password(DEMO_PASSWORD)
    assert _audit("user_password_reset", user) == []


def test_admin_resetting_own_password_stays_logged_in(admin):
    me = _user("admin")
    data = {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
    assert admin.post(f"/admin/users/{me.id}/password", data=data).status_code == 302
    assert admin.get("/admin/users").status_code == 200


def test_unlock(admin):
    user = _user("officer-mj")
    user.locked_until = utcnow() + timedelta(minutes=10)
    db.session.commit()
    assert admin.post(f"/admin/users/{user.id}/unlock").status_code == 302
    assert _user("officer-mj").locked_until is None
    assert [e.changes for e in _audit("user_unlocked", user)] == [{"locked": [True, False]}]
    # unlocking an account that is not locked records nothing more
    assert admin.post(f"/admin/users/{user.id}/unlock").status_code == 302
    assert len(_audit("user_unlocked", user)) == 1


def test_expired_lock_is_not_a_lock(app):
    user = make_user(locked_until=utcnow() - timedelta(seconds=1))
    assert services.is_locked(user) is False


def test_edit_page_offers_the_actions(admin):
    user = _user("officer-mj")
    body = admin.get(f"/admin/users/{user.id}/edit").get_data(as_text=True)
    assert f"/admin/users/{user.id}/deactivate" in body
    assert f"/admin/users/{user.id}/password" in body
    me = _user("admin")
    body = admin.get(f"/admin/users/{me.id}/edit").get_data(as_text=True)
    assert f"/admin/users/{me.id}/deactivate" not in body  # never offered to oneself


def test_missing_user_is_404(admin):
    assert admin.get("/admin/users/9999/edit").status_code == 404
    assert admin.post("/admin/users/9999/unlock").status_code == 404


def test_concurrent_account_save_is_a_conflict(app, request_context):
    from sqlalchemy import text

    actor, user = make_user("boss", role=Role.ADMIN), make_user("target", role=Role.VIEWER)
    db.session.commit()
    seen = user.version
    db.session.execute(text("UPDATE users SET version = version + 1 WHERE username = 'target'"))
    values = {"full_name": "T", "email": "", "language": Language.FR, "department": None}
    with pytest.raises(Conflict) as conflict:
        services.update_account(actor, user, seen, role=Role.VIEWER, **values)
    assert conflict.value.status == 409
    db.session.rollback()
    assert db.session.get(type(user), user.id).full_name != "T"


def test_department_filter_offers_inactive_departments_too(admin):
    mj = _department("MJ")
    mj.active = False
    db.session.commit()
    body = admin.get("/admin/users").get_data(as_text=True)
    assert f'<option value="{mj.id}"' in body
    body = admin.get(f"/admin/users?department={mj.id}").get_data(as_text=True)
    assert _usernames(body) == ["officer-mj"]
