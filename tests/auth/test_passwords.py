"""The password rules (ASVS 5.0 V6.2, digiweb/auth/passwords.py), the user's own change with
the current password, the change forced after an administrator chose the password, and the
other sessions that end. The demo accounts keep their documented password."""

import pytest
from flask_babel import force_locale

from digiweb.auth import passwords
from digiweb.auth.models import Role, User
from digiweb.extensions import db
from tests.conftest import DEMO_PASSWORD, login
from tests.factories import PASSWORD, client_as, make_department, make_user

GOOD = "sable minaret cobalt 74"


@pytest.mark.parametrize(
    ("password", "why"),
    [
        ("aaaaaaaaaa", "at least 12"),
        ("aaaaaaaaaaaa", "too easy"),
        ("qwerty123456", "common"),
        ("1qaz2wsx3edc", "common"),
        ("Amina.Benali.2026!", "must not contain"),
        ("MF-finances-budget", "must not contain"),
        ("Digiweb-Secure-2026", "must not contain"),
        ("Ministère-Sécurisé-99", "must not contain"),
        ("وزارة المالية 2026 جديد", "must not contain"),
        ("x" * 129, "at most 128"),
    ],
)
def test_weak_common_or_personal_passwords_are_refused(app, password, why):
    department = make_department("MF", name_fr="Ministère des Finances", name_ar="وزارة المالية")
    with app.test_request_context("/"), force_locale("en"):
        found = passwords.problems(
            password, username="amina", full_name="Amina Benali", department=department
        )
    assert found, password
    assert why in found[0].lower() or why in found[0], found


def test_a_long_unguessable_password_is_accepted(app):
    with app.test_request_context("/"):
        assert passwords.problems(GOOD, username="amina", full_name="Amina Benali") == []


def test_the_shipped_list_is_read_without_network():
    common = passwords.common_passwords()
    assert len(common) == 10_000 and "password" in common and "123456" in common


@pytest.fixture
def amina(app):
    user = make_user("amina", role=Role.REVIEWER, full_name="Amina Benali")
    db.session.commit()
    return user


def test_own_change_needs_the_current_password_and_ends_the_other_sessions(app, amina):
    here, elsewhere = client_as(app, "amina", "fr"), client_as(app, "amina", "fr")
    refused = here.post(
        "/account/password",
        data={"current_password": "not it", "password": GOOD, "confirm": GOOD},
    )
    assert refused.status_code == 422
    weak = here.post(
        "/account/password",
        data={
            "current_password": PASSWORD,
            "password": "amina-amina-1",
            "confirm": "amina-amina-1",
        },
    )
    assert weak.status_code == 422
    done = here.post(
        "/account/password",
        data={"current_password": PASSWORD, "password": GOOD, "confirm": GOOD},
    )
    assert done.status_code == 303
    assert here.get("/account").status_code == 200  # this session goes on
    assert elsewhere.get("/account").status_code == 302  # the other one ended
    user = db.session.get(User, amina.id)
    assert user.check_password(GOOD)
    entries = [
        e.action
        for e in db.session.scalars(
            db.select(__import__("digiweb.audit.models", fromlist=["AuditLog"]).AuditLog)
        )
    ]
    assert "password_changed" in entries


def test_a_password_set_by_an_administrator_must_be_changed_first(app, amina):
    make_user("root", role=Role.ADMIN)
    db.session.commit()
    admin = client_as(app, "root", "fr")
    response = admin.post(
        f"/admin/users/{amina.id}/password", data={"password": GOOD, "confirm": GOOD}
    )
    assert response.status_code == 302
    assert db.session.get(User, amina.id).must_change_password
    user = client_as(app, None)
    login(user, "amina", GOOD)
    sent = user.get("/plans")
    assert sent.status_code == 303
    assert sent.headers["Location"].startswith("/account/password")
    assert user.get("/account/password").status_code == 200
    new = "copper lantern orbit 58"
    changed = user.post(
        "/account/password", data={"current_password": GOOD, "password": new, "confirm": new}
    )
    assert changed.status_code == 303
    assert user.get("/plans").status_code == 200
    assert not db.session.get(User, amina.id).must_change_password


def test_the_administrator_cannot_set_a_weak_password(app, amina):
    make_user("root", role=Role.ADMIN)
    db.session.commit()
    admin = client_as(app, "root", "fr")
    weak = "amina-benali-1"
    response = admin.post(
        f"/admin/users/{amina.id}/password", data={"password": weak, "confirm": weak}
    )
    assert response.status_code == 422
    assert db.session.get(User, amina.id).check_password(PASSWORD)


def test_new_accounts_follow_the_rules_and_change_their_password_first(app):
    from digiweb.admin.services import create_account
    from digiweb.auth.models import Language
    from digiweb.errors import Refusal

    with app.test_request_context("/"):
        with pytest.raises(Refusal):
            create_account(
                username="nadia", password="nadia-12345678", full_name="Nadia", email="",
                role=Role.VIEWER, department=None, language=Language.FR,
            )  # fmt: skip
        user = create_account(
            username="nadia", password=GOOD, full_name="Nadia", email="",
            role=Role.VIEWER, department=None, language=Language.FR,
        )  # fmt: skip
    assert user.must_change_password


def test_the_demo_password_still_opens_the_demo_accounts(demo_client):
    assert login(demo_client, "officer-mf", DEMO_PASSWORD).status_code == 302
