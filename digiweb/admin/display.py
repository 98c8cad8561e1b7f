"""How the admin screens show field names, values and audit actions, in the user's language."""

from flask_babel import lazy_gettext as _l

from digiweb.auth.models import Language, Role

FIELD_LABELS = {
    "code": _l("Code"),
    "name_ar": _l("Name in Arabic"),
    "name_fr": _l("Name in French"),
    "active": _l("Active"),
    "full_name": _l("Full name"),
    "full_name_ar": _l("Full name in Arabic script"),
    "email": _l("E-mail"),
    "role": _l("Role"),
    "department": _l("Department"),
    "language": _l("Language"),
    "locked": _l("Locked"),
    "api_token": _l("API token"),
    "expires_at": _l("Expires"),
}

ACTION_LABELS = {
    "department_created": _l("Department created"),
    "department_updated": _l("Department changed"),
    "department_activated": _l("Department activated"),
    "department_deactivated": _l("Department deactivated"),
    "user_created": _l("Account created"),
    "user_updated": _l("Account changed"),
    "user_deactivated": _l("Account deactivated"),
    "user_reactivated": _l("Account reactivated"),
    "user_password_reset": _l("New password set by an administrator"),
    "user_unlocked": _l("Account unlocked"),
    "login": _l("Logged in"),
    "logout": _l("Logged out"),
    "login_failed": _l("Failed login"),
    "login_refused_locked": _l("Login refused: account locked"),
    "account_locked": _l("Account locked after failed logins"),
    "login_throttled": _l("Logins slowed down after failed attempts"),
    "password_changed": _l("Password changed by its owner"),
    "api_token_created": _l("API token created"),
    "api_token_revoked": _l("API token revoked"),
}

_ENUMS = {"role": Role, "language": Language}


def field_label(name: str) -> str:
    return str(FIELD_LABELS.get(name, name))


def action_label(action: str) -> str:
    return str(ACTION_LABELS.get(action, action))


def shown(name: str, value) -> str:
    """A stored value as a person reads it: enum labels, yes/no, a dash for nothing."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return str(_l("Yes") if value else _l("No"))
    enum = _ENUMS.get(name)
    member = enum.coerce(value) if enum else None
    return member.label if member else str(value)


def template_helpers() -> dict:
    return {"field_label": field_label, "action_label": action_label, "shown": shown}
