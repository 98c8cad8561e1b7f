"""The administrators' audit page: every entry of every area, filtered, paginated, in both
languages, the chain's head shown, and the export with the hashes that checks elsewhere."""

import json

import sqlalchemy as sa

from digiweb.audit import chain
from digiweb.audit.models import AuditLog
from digiweb.audit.services import PAGE_SIZE, record
from digiweb.extensions import db


def test_the_page_lists_filters_and_shows_the_head(demo_app, as_user):
    with demo_app.test_request_context("/", environ_base={"REMOTE_ADDR": "10.20.30.40"}):
        changes = {"email": ["a@x.dz", "b@x.dz"]}
        record("user_updated", "user", 7, label="officer-mj", changes=changes)
    db.session.commit()
    admin = as_user("admin", lang="fr")
    page = admin.get("/admin/audit").get_data(as_text=True)
    assert "Journal d’audit" in page or "Journal d'audit" in page
    _seq, head = chain.head()
    assert head in page
    filtered = admin.get("/admin/audit?action=user_updated&ip=10.20.30.40").get_data(as_text=True)
    assert "officer-mj" in filtered and "b@x.dz" in filtered and "10.20.30.40" in filtered
    arabic = as_user("admin", lang="ar").get("/admin/audit?actor=nobody-at-all")
    assert arabic.status_code == 200 and 'dir="rtl"' in arabic.get_data(as_text=True)
    fragment = admin.get("/admin/audit?page=2", headers={"HX-Request": "true"})
    assert fragment.status_code == 200 and "<html" not in fragment.get_data(as_text=True)


def test_the_page_is_paginated(app, client):
    from digiweb.auth.models import Role
    from tests.factories import log_in, make_user

    make_user("root", role=Role.ADMIN)
    for number in range(PAGE_SIZE + 5):
        record("test_event", "plan", number)
    db.session.commit()
    log_in(client, "root")
    first = client.get("/admin/audit?action=test_event").get_data(as_text=True)
    second = client.get("/admin/audit?action=test_event&page=2").get_data(as_text=True)
    assert first.count('id="audit-entry-') == PAGE_SIZE
    assert second.count('id="audit-entry-') == 5


def test_only_administrators_read_it(as_user):
    for username in ("reviewer", "viewer", "officer-mf"):
        assert as_user(username).get("/admin/audit").status_code == 403
        assert as_user(username).get("/admin/audit.jsonl").status_code == 403


def test_the_export_carries_the_chain_that_checks_elsewhere(demo_app, as_user):
    """Recomputed from the exported lines alone (sha256 of the canonical JSON of the fields),
    the hashes and the links between them hold."""
    import hashlib

    response = as_user("admin").get("/admin/audit.jsonl")
    assert response.status_code == 200
    assert response.mimetype == "application/x-ndjson"
    lines = [json.loads(line) for line in response.get_data(as_text=True).splitlines()]
    assert len(lines) == db.session.scalar(sa.select(sa.func.count(AuditLog.id))) > 0
    previous = chain.GENESIS
    for line in lines:
        content = {k: v for k, v in line.items() if k != "entry_hash"}
        canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        assert hashlib.sha256(canonical.encode()).hexdigest() == line["entry_hash"]
        assert line["prev_hash"] == previous
        previous = line["entry_hash"]
