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


# --- the administrators' audit page and its export ------------------------------------------


PAGE_SIZE = 50


def _filtered(filters: dict):
    """The entries matching the page's filters (each optional): actor (a name, or part of it),
    action, entity type, entity id, address, and a date range (`since`, `until`, dates)."""
    from datetime import UTC, datetime, time, timedelta

    query = db.select(AuditLog)
    if filters.get("actor"):
        query = query.where(AuditLog.actor_name.contains(filters["actor"], autoescape=True))
    if filters.get("action"):
        query = query.where(AuditLog.action == filters["action"])
    if filters.get("entity_type"):
        query = query.where(AuditLog.entity_type == filters["entity_type"])
    if filters.get("entity_id") is not None:
        query = query.where(AuditLog.entity_id == filters["entity_id"])
    if filters.get("ip"):
        query = query.where(AuditLog.ip == filters["ip"])
    if filters.get("since"):
        query = query.where(AuditLog.created_at >= datetime.combine(filters["since"], time(), UTC))
    if filters.get("until") and filters["until"] < date.max:
        end = datetime.combine(filters["until"] + timedelta(days=1), time(), UTC)
        query = query.where(AuditLog.created_at < end)
    return query


def entries_page(filters: dict, page: int = 1) -> tuple[list[AuditLog], int]:
    """One page of the entries, newest first, and how many match (two queries)."""
    query = _filtered(filters)
    total = db.session.scalar(db.select(db.func.count()).select_from(query.subquery()))
    rows = db.session.scalars(
        query.order_by(AuditLog.id.desc()).limit(PAGE_SIZE).offset((max(page, 1) - 1) * PAGE_SIZE)
    )
    return list(rows), total


def filter_choices() -> dict:
    """The actions and entity types present in the log, for the filters' lists."""
    actions = db.session.scalars(db.select(AuditLog.action).distinct().order_by(AuditLog.action))
    types = db.session.scalars(
        db.select(AuditLog.entity_type).distinct().order_by(AuditLog.entity_type)
    )
    return {"actions": list(actions), "entity_types": list(types)}


def export_lines(filters: dict):
    """The matching entries in chain order as JSON lines, each with every hashed field and its
    `entry_hash`: `digiweb.audit.chain.digest` of the other fields gives it back, and each
    `prev_hash` is the previous line's `entry_hash` (for an unfiltered export)."""
    import json

    from digiweb.audit.chain import HASHED, _plain

    query = _filtered(filters).order_by(AuditLog.seq.is_(None), AuditLog.seq, AuditLog.id)
    for entry in db.session.scalars(query.execution_options(yield_per=1000)):
        line = {name: _plain(name, getattr(entry, name)) for name in HASHED}
        line["entry_hash"] = entry.entry_hash
        yield json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n"
