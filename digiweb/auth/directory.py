"""Directory login: the ministry's Active Directory or OpenLDAP checks the password (ldap3).

Configured by the environment (LDAP_URL and the other LDAP_* settings, config.py and
docs/deployment.md); without LDAP_URL only local accounts exist.

- A local account (a password hash of its own: the break-glass administrator, accounts made
  before the directory) always logs in locally, without asking the directory: a directory that
  is down never stops it.
- Any other name is looked up in the directory with the service account (LDAP_BIND_DN), then
  the password is checked by binding as the entry found. The first login creates the account
  (its password hash is DIRECTORY_PASSWORD, which no password matches); each login updates its
  name, e-mail, role and department from the directory (audited as `user_updated`).
- Role: the first group of LDAP_GROUP_ROLES the user is in, highest role first (admin, reviewer,
  viewer, officer), else LDAP_DEFAULT_ROLE; department: the attribute LDAP_DEPARTMENT_ATTRIBUTE
  (a department code), else the first group of LDAP_GROUP_DEPARTMENTS. Groups are read from the
  entry's LDAP_GROUP_ATTRIBUTE (`memberOf`) or searched under LDAP_GROUP_BASE_DN.
- A directory that cannot be reached (or refuses the service account) is a 503 with a message
  that says local accounts still work; no password is ever checked locally for a directory
  account. An empty password is never sent (an LDAP bind without one is anonymous).
- No database transaction is open while the directory answers (`release()`).
"""

from __future__ import annotations

import contextlib
import logging
import ssl
from dataclasses import dataclass

import ldap3
from flask import current_app
from flask_babel import gettext as _
from ldap3.core.exceptions import LDAPException
from ldap3.utils.conv import escape_filter_chars

from digiweb.audit.services import record
from digiweb.auth.models import Role, User, locked_user
from digiweb.db_types import utcnow
from digiweb.departments.models import Department
from digiweb.errors import Refusal
from digiweb.extensions import db
from digiweb.transaction import release

log = logging.getLogger(__name__)

DIRECTORY_PASSWORD = "!directory"  # noqa: S105 - the hash of a directory account: matches nothing
ROLE_ORDER = (Role.ADMIN, Role.REVIEWER, Role.VIEWER, Role.OFFICER)  # the highest role wins
USERNAME_MAX = 64


class DirectoryUnavailable(Refusal):
    status = 503

    def __init__(self):
        super().__init__(
            _(
                "The ministry's directory cannot be reached right now, so directory accounts "
                "cannot log in. Try again in a few minutes; local accounts can still log in."
            )
        )


@dataclass(frozen=True)
class Settings:
    url: str
    start_tls: bool
    ca_file: str
    bind_dn: str
    bind_password: str
    base_dn: str
    user_filter: str
    username_attribute: str
    name_attribute: str
    email_attribute: str
    group_attribute: str
    group_base_dn: str
    group_filter: str
    group_roles: dict
    group_departments: dict
    department_attribute: str
    default_role: Role | None
    timeout: int


def _dn(value: str) -> str:
    """A DN compared as the directory does (case and spaces around separators ignored)."""
    return ",".join(
        "=".join(p.strip() for p in rdn.split("=", 1)) for rdn in value.split(",")
    ).lower()


def _mapping(text: str) -> dict[str, str]:
    """ "cn=reviewers,ou=groups,dc=x=reviewer;cn=…=admin" -> {group DN: value}"""
    pairs = {}
    for item in (text or "").split(";"):
        if "=" not in item.strip():
            continue
        group, _sep, value = item.strip().rpartition("=")
        pairs[_dn(group)] = value.strip()
    return pairs


def settings(config) -> Settings | None:
    """The directory's settings, None when no directory is configured."""
    if not config.get("LDAP_URL"):
        return None
    roles = {
        group: Role(value.lower()) for group, value in _mapping(config["LDAP_GROUP_ROLES"]).items()
    }
    default_role = config.get("LDAP_DEFAULT_ROLE") or ""
    return Settings(
        url=config["LDAP_URL"],
        start_tls=bool(config.get("LDAP_START_TLS")),
        ca_file=config.get("LDAP_CA_FILE") or "",
        bind_dn=config.get("LDAP_BIND_DN") or "",
        bind_password=config.get("LDAP_BIND_PASSWORD") or "",
        base_dn=config["LDAP_BASE_DN"],
        user_filter=config.get("LDAP_USER_FILTER") or "(uid={username})",
        username_attribute=config.get("LDAP_USERNAME_ATTRIBUTE") or "uid",
        name_attribute=config.get("LDAP_NAME_ATTRIBUTE") or "cn",
        email_attribute=config.get("LDAP_EMAIL_ATTRIBUTE") or "mail",
        group_attribute=config.get("LDAP_GROUP_ATTRIBUTE") or "",
        group_base_dn=config.get("LDAP_GROUP_BASE_DN") or "",
        group_filter=config.get("LDAP_GROUP_FILTER") or "(member={dn})",
        group_roles=roles,
        group_departments={
            g: v.upper() for g, v in _mapping(config["LDAP_GROUP_DEPARTMENTS"]).items()
        },
        department_attribute=config.get("LDAP_DEPARTMENT_ATTRIBUTE") or "",
        default_role=Role(default_role.lower()) if default_role else None,
        timeout=int(config.get("LDAP_TIMEOUT") or 5),
    )


@dataclass(frozen=True)
class DirectoryEntry:
    username: str
    full_name: str
    email: str
    groups: frozenset[str]
    department_code: str


def _server(config: Settings) -> ldap3.Server:
    tls = None
    if config.start_tls or config.url.lower().startswith("ldaps://"):
        tls = ldap3.Tls(
            validate=ssl.CERT_REQUIRED,
            version=ssl.PROTOCOL_TLS_CLIENT,
            ca_certs_file=config.ca_file or None,
        )
    return ldap3.Server(config.url, connect_timeout=config.timeout, tls=tls, get_info=ldap3.NONE)


def _first(entry, attribute: str) -> str:
    if not attribute or attribute not in entry.entry_attributes:
        return ""
    values = entry[attribute].values
    return str(values[0]).strip() if values else ""


def lookup(config: Settings, username: str, password: str) -> DirectoryEntry | None:
    """The directory's entry of `username` if `password` is theirs; None for an unknown name
    or a wrong password. DirectoryUnavailable when the directory cannot answer."""
    server = _server(config)
    opened = []

    def connect(user, secret):
        connection = ldap3.Connection(
            server,
            user=user,
            password=secret,
            receive_timeout=config.timeout,
            read_only=True,
            raise_exceptions=False,
            auto_bind=ldap3.AUTO_BIND_NONE,
        )
        opened.append(connection)
        connection.open()
        if config.start_tls:
            connection.start_tls()
        return connection

    try:
        service = connect(config.bind_dn or None, config.bind_password or None)
        if not service.bind():
            log.error("the directory refused the service account: %s", service.result)
            raise DirectoryUnavailable()
        attributes = [config.username_attribute, config.name_attribute, config.email_attribute]
        attributes += [a for a in (config.group_attribute, config.department_attribute) if a]
        query = config.user_filter.format(username=escape_filter_chars(username))
        service.search(config.base_dn, query, ldap3.SUBTREE, attributes=attributes, size_limit=2)
        entries = list(service.entries)
        if len(entries) != 1:
            return None  # unknown, or a name that is not unique in the directory
        entry = entries[0]
        groups = set()
        if config.group_attribute and config.group_attribute in entry.entry_attributes:
            groups |= {_dn(str(v)) for v in entry[config.group_attribute].values}
        if config.group_base_dn:
            group_query = config.group_filter.format(
                dn=escape_filter_chars(entry.entry_dn), username=escape_filter_chars(username)
            )
            service.search(config.group_base_dn, group_query, ldap3.SUBTREE, attributes=[])
            groups |= {_dn(group.entry_dn) for group in service.entries}
        accepted = connect(entry.entry_dn, password).bind()
    except LDAPException as error:
        log.error("the directory at %s cannot be reached: %s", config.url, error)
        raise DirectoryUnavailable() from None
    finally:
        for connection in opened:
            _close(connection)
    if not accepted:
        return None
    return DirectoryEntry(
        username=(_first(entry, config.username_attribute) or username).lower()[:USERNAME_MAX],
        full_name=_first(entry, config.name_attribute)[:200],
        email=_first(entry, config.email_attribute)[:254],
        groups=frozenset(groups),
        department_code=_first(entry, config.department_attribute).upper(),
    )


def _close(connection) -> None:
    with contextlib.suppress(LDAPException):
        connection.unbind()
    if connection.socket is not None:
        connection.socket.close()


def _role(config: Settings, entry: DirectoryEntry) -> Role | None:
    roles = {role for group, role in config.group_roles.items() if group in entry.groups}
    return next((role for role in ROLE_ORDER if role in roles), config.default_role)


def _department(config: Settings, entry: DirectoryEntry) -> Department | None:
    code = entry.department_code or next(
        (code for group, code in config.group_departments.items() if group in entry.groups), ""
    )
    if not code:
        return None
    return db.session.scalar(db.select(Department).where(Department.code == code))


def _account(config: Settings, entry: DirectoryEntry) -> User:
    """The account of `entry`, created or brought up to date (its row locked)."""
    role = _role(config, entry)
    if role is None:
        raise Refusal(
            _("Your directory account has no role in digiweb. Ask the administrator."), 403
        )
    department = _department(config, entry) if role == Role.OFFICER else None
    if role == Role.OFFICER and department is None:
        raise Refusal(
            _("Your directory account has no department known to digiweb. Ask the administrator."),
            403,
        )
    user = locked_user(User.username == entry.username)
    values = {
        "full_name": entry.full_name,
        "email": entry.email,
        "role": role,
        "department": department,
    }
    if user is None:
        from digiweb.auth.services import add_account  # it imports this module

        user = User(username=entry.username, password_hash=DIRECTORY_PASSWORD, **values)
        return add_account(user, actor_name="directory")
    changes = {}
    for name, value in values.items():
        old = getattr(user, name)
        if old != value:
            changes[name] = [_code(old), _code(value)] if name == "department" else [old, value]
            setattr(user, name, value)
    if changes:
        record(
            "user_updated",
            "user",
            user.id,
            label=user.username,
            actor_name="directory",
            changes=changes,
        )
    return user


def _code(department: Department | None) -> str | None:
    return department.code if department is not None else None


def authenticate(username: str, password: str):
    """A LoginResult for a directory account, None when the local check decides (no directory
    configured, a local account, an unknown name or a wrong password: the local check then
    fails it and counts the failure as for any account)."""
    from digiweb.auth.services import LoginResult, find_user

    config = settings(current_app.config)
    username = (username or "").strip()
    if config is None or not username or not password or len(username) > USERNAME_MAX:
        return None
    local = find_user(username)
    if local is not None and local.password_hash != DIRECTORY_PASSWORD:
        return None  # a local account: the directory is not asked
    release()  # no transaction (nor lock) held while the directory answers
    entry = lookup(config, username, password)
    if entry is None:
        return None
    existing = find_user(entry.username)
    if existing is not None and existing.password_hash != DIRECTORY_PASSWORD:
        log.warning("directory login of %s refused: a local account has that name", entry.username)
        return None
    user = _account(config, entry)
    if not user.active:
        record("login_failed", "user", user.id, label=user.username, actor_name=username[:64])
        return LoginResult()
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = utcnow()
    record(
        "login",
        "user",
        user.id,
        label=user.username,
        actor=user,
        changes={"via": [None, "directory"]},
    )
    db.session.flush()
    return LoginResult(user=user)
