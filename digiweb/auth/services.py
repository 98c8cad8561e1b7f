"""Authentication rules: password check, per-account throttling, session ending."""

from dataclasses import dataclass
from datetime import timedelta

from flask import current_app

from digiweb.audit.models import AuditLog
from digiweb.audit.services import record
from digiweb.auth import models as auth_models
from digiweb.auth.models import Role, User
from digiweb.db_types import utcnow
from digiweb.extensions import db
from digiweb.transaction import release


@dataclass
class LoginResult:
    user: User | None = None
    locked: bool = False

    @property
    def ok(self) -> bool:
        return self.user is not None and not self.locked


def find_user(username: str) -> User | None:
    return db.session.scalar(db.select(User).where(User.username == username.strip()))


def _recent_failures(user: User) -> int:
    window_start = utcnow() - timedelta(seconds=current_app.config["LOGIN_FAILURE_WINDOW"])
    if user.last_login_at and user.last_login_at > window_start:
        window_start = user.last_login_at
    return db.session.scalar(
        db.select(db.func.count(AuditLog.id)).where(
            AuditLog.action == "login_failed",
            AuditLog.entity_type == "user",
            AuditLog.entity_id == user.id,
            AuditLog.created_at >= window_start,
        )
    )


def authenticate(username: str, password: str) -> LoginResult:
    """Check the credentials; after too many failures the account is locked for a while.

    Every success and failure is written to the audit log; the login route keeps a failure's
    entries even though it answers with a refusal (`transaction.keep_on_refusal`)."""
    user = find_user(username)
    # The password hash is slow by design: check it outside any transaction, so that a login
    # never holds the database's write lock (a POST's transaction starts with BEGIN IMMEDIATE
    # on SQLite: 50 logins at once waited past busy_timeout) nor the account's row lock.
    password_hash = user.password_hash if user is not None else None
    release()
    # (the models' hash function, looked up at call time: the test suite memoises it)
    password_ok = password_hash is not None and auth_models.check_password_hash(
        password_hash, password
    )
    if user is not None:
        # Logins of one account at the same moment (tabs, devices) each update its row: take
        # the row's lock so that they follow one another instead of failing on its version.
        # FOR NO KEY UPDATE: rows referring to the user (audit entries) can still be inserted.
        user = db.session.scalars(
            db.select(User)
            .where(User.id == user.id)
            .with_for_update(of=User, key_share=True)
            .execution_options(populate_existing=True)
        ).one_or_none()
    now = utcnow()
    if user is None:
        record("login_failed", "user", None, label=username[:64], actor_name=username[:64])
        return LoginResult()
    if user.locked_until and user.locked_until > now:
        record("login_refused_locked", "user", user.id, label=user.username, actor_name="")
        return LoginResult(user=user, locked=True)
    if not user.active or not password_ok:
        record("login_failed", "user", user.id, label=user.username, actor_name=username[:64])
        db.session.flush()
        user.failed_logins += 1
        locked = _recent_failures(user) >= current_app.config["LOGIN_MAX_FAILURES"]
        if locked:
            user.locked_until = now + timedelta(seconds=current_app.config["LOGIN_FAILURE_WINDOW"])
            record("account_locked", "user", user.id, label=user.username, actor_name="")
        return LoginResult(user=None, locked=locked)
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    record("login", "user", user.id, label=user.username, actor=user)
    db.session.flush()
    return LoginResult(user=user)


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
    email: str = "",
    department=None,
    language: str = "ar",
    actor=None,
) -> User:
    user = User(
        username=username,
        full_name=full_name,
        email=email,
        role=role,
        department=department,
        language=language,
    )
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    record(
        "user_created",
        "user",
        user.id,
        label=username,
        actor=actor,
        changes={
            "role": [None, role.value],
            "department": [None, department.code if department else None],
        },
    )
    return user
