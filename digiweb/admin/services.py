"""The rules of the admin screens: departments and user accounts.

Every change is written to the audit log (old and new values, never a password or its hash) in
the same transaction as the change; the request commits. A change based on a version of the
record older than the current one is refused with `Conflict`, before anything is written.
"""

from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from digiweb.audit.services import diff, record, snapshot
from digiweb.auth.models import Language, Role, User
from digiweb.auth.services import create_user, set_password_by_admin, unlock
from digiweb.db_types import utcnow
from digiweb.departments.models import Department
from digiweb.errors import Conflict, Refusal
from digiweb.extensions import db
from digiweb.i18n import normalize_search
from digiweb.transaction import check_version

DEPARTMENT_FIELDS = ("code", "name_ar", "name_fr")


@contextmanager
def _saved_or_refused(duplicate: Callable[[], Refusal] | None = None):
    """Flush the change made in the block, in a savepoint. A duplicate that slipped past the
    check in between, or a concurrent save of the record, becomes the same refusal as when it
    is seen beforehand."""
    try:
        with db.session.begin_nested():
            yield
            db.session.flush()
    except StaleDataError:
        raise Conflict() from None
    except IntegrityError:
        if duplicate is None:
            raise
        raise duplicate() from None


# --- departments ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DepartmentRow:
    department: Department
    officers: int


def department_rows(query: str = "") -> list[DepartmentRow]:
    """Departments by code with their number of active officers, filtered by `query` on the
    code and both names (Arabic letter variants and French accents folded). Two queries, however
    many departments."""
    officers = dict(
        db.session.execute(
            db.select(User.department_id, db.func.count(User.id))
            .where(User.role == Role.OFFICER, User.active.is_(True))
            .group_by(User.department_id)
        ).all()
    )
    departments = db.session.scalars(db.select(Department).order_by(Department.code))
    needle = normalize_search(query)
    return [
        DepartmentRow(d, officers.get(d.id, 0))
        for d in departments
        if not needle
        or any(needle in normalize_search(text) for text in (d.code, d.name_ar, d.name_fr))
    ]


def _code_taken(code: str, except_id: int | None = None) -> bool:
    query = db.select(Department.id).where(Department.code == code)
    if except_id is not None:
        query = query.where(Department.id != except_id)
    return db.session.scalar(query) is not None


def _code_refusal() -> Refusal:
    return Refusal(_("Another department already has this code."), field="code")


def department_values(department: Department) -> dict:
    return snapshot(department, DEPARTMENT_FIELDS)


def create_department(code: str, name_ar: str, name_fr: str) -> Department:
    if _code_taken(code):
        raise _code_refusal()
    department = Department(code=code, name_ar=name_ar, name_fr=name_fr)
    with _saved_or_refused(duplicate=_code_refusal):
        db.session.add(department)
    record(
        "department_created",
        "department",
        department.id,
        label=code,
        changes=diff({}, department_values(department)),
    )
    return department


def department_input(values: dict) -> dict:
    """The department's fields as the user entered them, comparable with department_values."""
    return {name: values[name] for name in DEPARTMENT_FIELDS}


def update_department(department: Department, seen_version: int | None, **values) -> dict:
    """Change the code and the names; returns the {field: [old, new]} that were recorded."""
    mine = department_input(values)
    before = department_values(department)
    check_version(department, seen_version)
    if _code_taken(values["code"], except_id=department.id):
        raise _code_refusal()
    changes = diff(before, mine)
    if not changes:
        return changes

    with _saved_or_refused(duplicate=_code_refusal):
        for name in changes:
            setattr(department, name, values[name])
    record(
        "department_updated", "department", department.id, label=department.code, changes=changes
    )
    return changes


def set_department_active(department: Department, active: bool) -> bool:
    """Activate or deactivate; returns False when it already was in that state."""
    if department.active == active:
        return False
    department.active = active
    action = "department_activated" if active else "department_deactivated"
    record(
        action,
        "department",
        department.id,
        label=department.code,
        changes={"active": [not active, active]},
    )
    return True


def all_departments() -> list[Department]:
    return list(db.session.scalars(db.select(Department).order_by(Department.code)))


def active_departments(including: Department | None = None) -> list[Department]:
    """The departments an account can be attached to (plus its current one, even inactive)."""
    condition = Department.active.is_(True)
    if including is not None:
        condition = condition | (Department.id == including.id)
    return list(
        db.session.scalars(db.select(Department).where(condition).order_by(Department.code))
    )


# --- users ---------------------------------------------------------------------------------


def user_rows(
    role: Role | None = None, department_id: int | None = None, query: str = ""
) -> list[User]:
    """Accounts by username, filtered by role, department and text (username, full name,
    e-mail; folded like every search). One query (the department is joined)."""
    select = db.select(User).order_by(User.username)
    if role is not None:
        select = select.where(User.role == role)
    if department_id is not None:
        select = select.where(User.department_id == department_id)
    users = db.session.scalars(select).unique()
    needle = normalize_search(query)
    return [
        u
        for u in users
        if not needle
        or any(needle in normalize_search(text) for text in (u.username, u.full_name, u.email))
    ]


def is_locked(user: User) -> bool:
    return user.locked_until is not None and user.locked_until > utcnow()


def user_values(user: User) -> dict:
    """The values of an account that the admin edits (the department by its code)."""
    values = snapshot(user, ("full_name", "full_name_ar", "email", "role", "language"))
    values["department"] = user.department.code if user.department else None
    return values


def _check_department_for_role(role: Role, department: Department | None) -> None:
    if role == Role.OFFICER and department is None:
        raise Refusal(_("A digitization officer must belong to a department."), field="department")
    if role != Role.OFFICER and department is not None:
        raise Refusal(_("Only digitization officers belong to a department."), field="department")


def _username_refusal() -> Refusal:
    return Refusal(_("This username is already taken."), field="username")


def create_account(
    *,
    username: str,
    password: str,
    full_name: str,
    email: str,
    role: Role,
    department: Department | None,
    language: Language,
    full_name_ar: str = "",
) -> User:
    if db.session.scalar(db.select(User.id).where(User.username == username)) is not None:
        raise _username_refusal()
    _check_department_for_role(role, department)
    with _saved_or_refused(duplicate=_username_refusal):
        user = create_user(
            username,
            password,
            role,
            full_name=full_name,
            full_name_ar=full_name_ar,
            email=email,
            department=department,
            language=language,
        )
    return user


def account_input(values: dict) -> dict:
    """The account's fields as the user entered them, comparable with user_values."""
    department = values["department"]
    return {
        "full_name": values["full_name"],
        "full_name_ar": values.get("full_name_ar", ""),
        "email": values["email"],
        "role": values["role"].value,
        "department": department.code if department else None,
        "language": values["language"].value,
    }


def update_account(actor: User, user: User, seen_version: int | None, **values) -> dict:
    """Change full name, e-mail, role, department (a Department or None) and language;
    returns the {field: [old, new]} that were recorded.

    An admin cannot take the administrator role away from themself."""
    role, department = values["role"], values["department"]
    values.setdefault("full_name_ar", user.full_name_ar)  # unchanged when not given
    mine = account_input(values)
    before = user_values(user)
    check_version(user, seen_version)
    if user.id == actor.id and role != Role.ADMIN:
        raise Refusal(_("You cannot remove your own administrator role."), field="role")
    _check_department_for_role(role, department)
    changes = diff(before, mine)
    if not changes:
        return changes

    with _saved_or_refused():
        user.full_name = values["full_name"]
        user.full_name_ar = values["full_name_ar"]
        user.email = values["email"]
        user.role = role
        user.language = values["language"]
        user.department = department
    record("user_updated", "user", user.id, label=user.username, changes=changes)
    return changes


def set_account_active(actor: User, user: User, active: bool) -> bool:
    """Deactivate (which ends every session of the account at once) or reactivate."""
    if user.id == actor.id and not active:
        raise Refusal(_("You cannot deactivate your own account."))
    if user.active == active:
        return False
    user.active = active
    if not active:
        user.end_all_sessions()
    action = "user_reactivated" if active else "user_deactivated"
    record(action, "user", user.id, label=user.username, changes={"active": [not active, active]})
    return True


def reset_password(user: User, password: str) -> None:
    """Set the password the admin typed, end the account's sessions and lift a lock. The audit
    entry says that it happened, never what the password is."""
    was_locked = is_locked(user)
    set_password_by_admin(user, password)  # the rules; changed at the next login; sessions end
    unlock(user)
    changes = {"locked": [True, False]} if was_locked else {}
    record("user_password_reset", "user", user.id, label=user.username, changes=changes)


def unlock_account(user: User) -> bool:
    """Lift the lock that login throttling put on the account; False when it was not locked."""
    if not is_locked(user):
        return False
    unlock(user)  # forgets the login throttle's counts on the account
    record("user_unlocked", "user", user.id, label=user.username, changes={"locked": [True, False]})
    return True
