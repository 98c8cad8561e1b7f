"""Login: the same answer for an unknown name and a wrong password, and throttling that slows an
attacker without locking the account's owner out (digiweb/auth/throttle.py): per account and
address with growing limits, per address; an administrator's unlock forgets the counts."""

import re

import pytest

from digiweb.auth.models import Role, User
from digiweb.extensions import db
from tests.conftest import CSRFClient, _make_app
from tests.factories import PASSWORD, make_user

ATTACKER, OWNER = "10.6.6.6", "10.1.1.1"


@pytest.fixture
def throttled_app(request):
    """An empty app with the limiter on (the test configuration turns it off) and small limits:
    3 failures a minute then 4 an hour per account and address, 8 an hour per address."""
    app = _app_for(request)
    app.test_client_class = CSRFClient
    with app.app_context():
        make_user("amina", role=Role.REVIEWER)
        make_user("karim", role=Role.REVIEWER)
        db.session.commit()
        yield app


def _app_for(request):
    import contextlib

    from tests.conftest import ON_POSTGRES

    if ON_POSTGRES:
        for name in ("postgres_database",):
            with contextlib.suppress(pytest.FixtureLookupError):
                request.getfixturevalue(name)
    return _make_app(
        request,
        "empty",
        {
            "RATELIMIT_ENABLED": True,
            "RATELIMIT_LOGIN": "1000 per minute",
            "LOGIN_THROTTLE_ACCOUNT": "3 per minute; 4 per hour",
            "LOGIN_THROTTLE_ADDRESS": "8 per hour",
        },
    )


def _login(app, username, password, address, lang="fr"):
    return app.test_client().post(
        f"/login?lang={lang}",
        data={"username": username, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


def _message(response) -> str:
    found = re.search(r'<div class="error-summary".*?</div>', response.get_data(as_text=True), re.S)
    return found.group(0) if found else ""


def test_unknown_name_and_wrong_password_get_the_same_answer(throttled_app):
    unknown = _login(throttled_app, "nobody", "x" * 12, ATTACKER)
    wrong = _login(throttled_app, "amina", "x" * 12, ATTACKER)
    assert unknown.status_code == wrong.status_code == 401
    assert _message(unknown) == _message(wrong)
    assert "Identifiant ou mot de passe incorrect." in _message(wrong)


def test_an_unknown_name_checks_a_password_hash_too(throttled_app, monkeypatch):
    """The time of a login is the hash's: an unknown name checks one as well (the dummy)."""
    from digiweb.auth import models as auth_models

    checked = []
    real = auth_models.check_password_hash
    monkeypatch.setattr(
        auth_models, "check_password_hash", lambda h, p: checked.append(h) or real(h, p)
    )
    _login(throttled_app, "nobody", "x" * 12, ATTACKER)
    _login(throttled_app, "amina", "x" * 12, ATTACKER)
    assert len(checked) == 2 and all(h.startswith("scrypt:") for h in checked)


def test_failures_slow_the_attacker_down_not_the_owner(throttled_app):
    for _ in range(3):
        assert _login(throttled_app, "amina", "wrong-guess", ATTACKER).status_code == 401
    slowed = _login(throttled_app, "amina", "wrong-guess", ATTACKER)
    assert slowed.status_code == 429
    assert "Trop de tentatives échouées" in _message(slowed)
    assert int(slowed.headers["Retry-After"]) > 0
    # even the right password waits from that address (it cannot be used to test guesses)...
    assert _login(throttled_app, "amina", PASSWORD, ATTACKER).status_code == 429
    # ...while the owner, from their own address, logs in as usual
    assert _login(throttled_app, "amina", PASSWORD, OWNER).status_code == 302
    # and an unknown name is slowed down exactly the same way
    for _ in range(3):
        assert _login(throttled_app, "ghost", "wrong-guess", ATTACKER).status_code == 401
    assert _message(_login(throttled_app, "ghost", "x", ATTACKER)) == _message(slowed)


def test_one_address_guessing_many_accounts_is_slowed_down(throttled_app):
    for number in range(8):
        assert _login(throttled_app, f"user{number}", "wrong-guess", ATTACKER).status_code == 401
    assert _login(throttled_app, "karim", PASSWORD, ATTACKER).status_code == 429
    assert _login(throttled_app, "karim", PASSWORD, OWNER).status_code == 302


def test_an_administrator_unlock_forgets_the_accounts_counts(throttled_app):
    from digiweb.admin.services import is_locked, unlock_account

    for _ in range(3):
        _login(throttled_app, "amina", "wrong-guess", ATTACKER)
    assert _login(throttled_app, "amina", PASSWORD, ATTACKER).status_code == 429
    user = db.session.scalar(db.select(User).where(User.username == "amina"))
    assert is_locked(user)  # shown to the administrator
    assert unlock_account(user)
    db.session.commit()
    assert _login(throttled_app, "amina", PASSWORD, ATTACKER).status_code == 302


def test_without_the_limiter_nothing_is_counted(app, client):
    """The test configuration (RATELIMIT_ENABLED off): failures never slow anybody down."""
    make_user("amina", role=Role.REVIEWER)
    db.session.commit()
    for _ in range(8):
        assert (
            client.post("/login", data={"username": "amina", "password": "no"}).status_code == 401
        )
    assert (
        client.post("/login", data={"username": "amina", "password": PASSWORD}).status_code == 302
    )
