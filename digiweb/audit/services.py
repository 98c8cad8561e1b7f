"""Writing the audit log. Callers add the entry to the session of the change it describes, so
that the change and its record are committed (or rolled back) together."""

from datetime import date, datetime
from enum import Enum

from flask import has_request_context, request
from flask_login import current_user

from digiweb.audit.models import AuditLog
from digiweb.extensions import db


def _plain(value):
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple, set)):
        return [_plain(v) for v in value]
    return value


def diff(before: dict, after: dict) -> dict:
    """{field: [old, new]} for the fields whose value changed."""
    changes = {}
    for key in after:
        old, new = _plain(before.get(key)), _plain(after[key])
        if old != new:
            changes[key] = [old, new]
    return changes


def snapshot(obj, fields) -> dict:
    return {name: _plain(getattr(obj, name)) for name in fields}


def record(
    action: str,
    entity_type: str,
    entity_id: int | None = None,
    *,
    label: str = "",
    changes: dict | None = None,
    actor=None,
    actor_name: str | None = None,
) -> AuditLog:
    if actor is None and has_request_context() and current_user.is_authenticated:
        actor = current_user
    entry = AuditLog(
        action=action,
        entity_type=entity_type,
        entity_id=entity_id,
        entity_label=label[:200],
        changes={k: _plain(v) for k, v in (changes or {}).items()},
        actor_id=actor.id if actor is not None else None,
        actor_name=actor_name if actor_name is not None else (actor.username if actor else ""),
        ip=(request.remote_addr or "") if has_request_context() else "",
    )
    db.session.add(entry)
    return entry


def history(entity_type: str, entity_id: int) -> list[AuditLog]:
    return list(
        db.session.scalars(
            db.select(AuditLog)
            .where(AuditLog.entity_type == entity_type, AuditLog.entity_id == entity_id)
            .order_by(AuditLog.created_at.desc(), AuditLog.id.desc())
        )
    )
