"""Authentication rules: the password check, login throttling, password changes, sessions.

- An unknown user name and a wrong password get the same answer in the same time: a password is
  always checked against a hash, the account's or a dummy one of the same cost.
- Throttling slows an attacker without locking the real user out (digiweb/auth/routes.py): the
  failed logins are counted by Flask-Limiter (Redis in production) per account *and address*,
  with limits that grow (back-off), and per address; a failure from one address never stops the
  account's owner logging in from theirs. An administrator's unlock moves the account's
  `login_epoch` on, which is part of the keys: every count on the account is forgotten.
- A password an administrator chose must be changed at the next login (`must_change_password`);
  changing one's own asks for the current one and ends the user's other sessions.
"""

from dataclasses import dataclass
from datetime import timedelta

from flask import has_request_context
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.security import generate_password_hash

from digiweb.audit.services import record
from digiweb.auth import directory, passwords
from digiweb.auth import models as auth_models
from digiweb.auth.models import Role, User, locked_user
from digiweb.db_types import utcnow
from digiweb.errors import Refusal
from digiweb.extensions import db
from digiweb.transaction import release

# Checked when the user name is unknown, so that the answer takes as long as for a real account
# (the same scrypt parameters as every stored hash: werkzeug's defaults).
_DUMMY_HASH = generate_password_hash("not a password: unknown user")


@dataclass
class LoginResult:
    user: User | None = None

    @property
    def ok(self) -> bool:
        return self.user is not None


def find_user(username: str) -> User | None:
    return db.session.scalar(db.select(User).where(User.username == username.strip()))


def login_epoch(username: str) -> int:
    """The throttle's generation of an account (0 for a name no account has)."""
    epoch = db.session.scalar(db.select(User.login_epoch).where(User.username == username.strip()))
    return epoch or 0


def authenticate(username: str, password: str) -> LoginResult:
    """Check the credentials. Every success and failure is written to the audit log; the login
    route keeps a failure's entries though it answers with a refusal (`keep_on_refusal`)."""
    if (answer := directory.authenticate(username, password)) is not None:
        return answer  # a directory account (digiweb/auth/directory.py)
    user = find_user(username)
    # The password hash is slow by design: check it outside any transaction, so that a login
    # never holds the database's write lock (a POST's transaction starts with BEGIN IMMEDIATE
    # on SQLite: 50 logins at once waited past busy_timeout) nor the account's row lock.
    password_hash = user.password_hash if user is not None else _DUMMY_HASH
    release()
    # (the models' hash function, looked up at call time: the test suite memoises it)
    password_ok = auth_models.check_password_hash(password_hash, password) and user is not None
    if user is not None:
        # Logins of one account at the same moment (tabs, devices) each update its row: take
        # the row's lock so that they follow one another instead of failing on its version.
        user = locked_user(User.id == user.id)
    if user is None or not user.active or not password_ok:
        entity_id = user.id if user is not None else None
        label = user.username if user is not None else username[:64]
        record("login_failed", "user", entity_id, label=label, actor_name=username[:64])
        if user is not None:
            user.failed_logins += 1
        return LoginResult()
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = utcnow()
    record("login", "user", user.id, label=user.username, actor=user)
    db.session.flush()
    return LoginResult(user=user)


def note_throttled(username: str, retry_after: int) -> None:
    """The throttle stopped attempts on an existing account (from some address): the admin's
    list shows it, with the unlock button. Nothing changes for a name without an account."""
    user = find_user(username)
    if user is None:
        return
    until = utcnow() + timedelta(seconds=max(retry_after, 1))
    if user.locked_until is None or user.locked_until < until:
        user.locked_until = until
        record("login_throttled", "user", user.id, label=user.username, actor_name="")


def _policy_context(user: User) -> dict:
    return {
        "username": user.username,
        "full_name": user.full_name,
        "email": user.email,
        "department": user.department,
    }


def change_own_password(user: User, current: str, new: str) -> None:
    """The user's own change: the current password first, then the rules; every other session
    of the user ends (the caller logs this one in again with the new token)."""
    if not auth_models.check_password_hash(user.password_hash, current or ""):
        raise Refusal(_("The current password is not right."), 422, field="current_password")
    if auth_models.check_password_hash(user.password_hash, new or ""):
        raise Refusal(_("Choose a password other than the current one."), 422, field="password")
    passwords.check(new, **_policy_context(user))
    user.set_password(new)
    user.must_change_password = False
    user.end_all_sessions()
    record("password_changed", "user", user.id, label=user.username, actor=user)


def set_password_by_admin(user: User, password: str) -> None:
    """An administrator chose the password: the rules apply, the user must change it at the
    next login (unless the administrator set their own), and every session of the account
    ends."""
    passwords.check(password, **_policy_context(user))
    user.set_password(password)
    own = has_request_context() and getattr(current_user, "id", None) == user.id
    user.must_change_password = not own
    user.end_all_sessions()


def unlock(user: User) -> None:
    """Forget every count of failed logins on the account (a new epoch in the throttle's keys)."""
    user.login_epoch += 1
    user.locked_until = None
    user.failed_logins = 0


def logout_everywhere(user: User) -> None:
    """End every session of the user (each login cookie carries the old token)."""
    user.end_all_sessions()
    record("logout", "user", user.id, label=user.username, actor=user)


def create_user(
    username: str,
    password: str,
    role: Role,
    *,
    full_name: str = "",
    full_name_ar: str = "",
    email: str = "",
    department=None,
    language: str = "ar",
    actor=None,
    must_change_password: bool = True,
) -> User:
    """A new account; its password follows the rules (digiweb/auth/passwords.py) and, chosen by
    someone else than the user, must be changed at the first login (the command line's
    `users create`, where the person types their own, says otherwise)."""
    user = User(
        username=username,
        full_name=full_name,
        full_name_ar=full_name_ar,
        email=email,
        role=role,
        department=department,
        language=language,
        must_change_password=must_change_password,
    )
    passwords.check(
        password, username=username, full_name=full_name, email=email, department=department
    )
    user.set_password(password)
    return add_account(user, actor=actor)


def add_account(user: User, actor=None, actor_name: str | None = None) -> User:
    """Insert a new account and record its creation (role and department) in the audit log,
    whoever made it: `actor=` a user, or `actor_name=` (the directory at a first login)."""
    db.session.add(user)
    db.session.flush()
    department = user.department
    record(
        "user_created",
        "user",
        user.id,
        label=user.username,
        changes={
            "role": [None, user.role.value],
            "department": [None, department.code if department else None],
        },
        actor=actor,
        actor_name=actor_name,
    )
    return user
