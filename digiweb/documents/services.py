"""Attached documents: checked on upload, read back with the parent's access rule.

- Size: at most DOCUMENT_MAX_BYTES (config; the request itself is capped by MAX_CONTENT_LENGTH).
- Type: decided by the content, never by the name or the browser's word: PDF (%PDF-), office
  documents (a zip holding [Content_Types].xml: .docx, .xlsx, .pptx), PNG and JPEG images.
- Name: reduced to its last part, without control characters, separators or leading dots, and
  given the extension of the type found.
- Virus scanner hook: DOCUMENT_SCAN_COMMAND, either a command line (the file is given on its
  standard input; a non-zero exit refuses the file, as `clamdscan --no-summary -` does) or a
  Python callable taking the bytes and returning True when the file is clean.
- Access: a meeting's documents are read by whoever may read the meeting (readable_by) and
  added by the reviewers while it is not locked; a plan's and a remark's by the ministry and
  the plan's department, added by the reviewers and the department's officers.
"""

from __future__ import annotations

import hashlib
import io
import re
import shlex
import subprocess
import unicodedata
import zipfile

from flask import abort, current_app
from flask_babel import gettext as _

from digiweb.audit.services import record
from digiweb.auth.models import REVIEW_ROLES, Role
from digiweb.documents.models import Document
from digiweb.errors import Refusal
from digiweb.extensions import db
from digiweb.security import can_see_department

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
SCAN_TIMEOUT = 60  # seconds
OFFICE_TYPES = {
    "word/": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "xl/": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "ppt/": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
}


def sniff(data: bytes) -> tuple[str, str] | None:
    """(content type, extension) read from the content, or None for any other kind of file."""
    if data.startswith(b"%PDF-"):
        return "application/pdf", "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png", "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg", "jpg"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = archive.namelist()
        except Exception:  # whatever a hostile directory makes zipfile raise
            return None  # (NotImplementedError for a version it does not read was a 500)
        if "[Content_Types].xml" not in names:
            return None
        for prefix, kind in OFFICE_TYPES.items():
            if any(name.startswith(prefix) for name in names):
                return kind
    return None


def safe_filename(name: str | None, extension: str) -> str:
    """The name kept: its last part, letters of any script, digits, spaces, - _ . only."""
    name = unicodedata.normalize("NFC", name or "")
    name = re.split(r"[\\/]", name)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name else name
    stem = "".join(c if (c.isalnum() or c in " -_.") else "_" for c in stem)
    stem = re.sub(r"[ _]{2,}", "_", stem).strip(" ._-")[:150] or "document"
    return f"{stem}.{extension}"


def scan(data: bytes) -> None:
    """The configured virus scanner (DOCUMENT_SCAN_COMMAND), if any, must accept the file."""
    scanner = current_app.config.get("DOCUMENT_SCAN_COMMAND")
    if not scanner:
        return
    refused = Refusal(_("The virus scanner refused this file."), 422, field="file")
    if callable(scanner):
        if not scanner(data):
            raise refused
        return
    command = shlex.split(scanner) if isinstance(scanner, str) else list(scanner)
    try:
        result = subprocess.run(  # noqa: S603 - the administrator's configured command
            command, input=data, capture_output=True, timeout=SCAN_TIMEOUT, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        current_app.logger.exception("virus scanner %s failed", command[:1])
        raise Refusal(
            _("The virus scanner could not check this file. Try again later."), 503
        ) from None
    if result.returncode != 0:
        raise refused


def check(data: bytes, filename: str | None) -> tuple[str, str]:
    """(content type, safe name) of an acceptable file, else a Refusal."""
    limit = int(current_app.config.get("DOCUMENT_MAX_BYTES") or DEFAULT_MAX_BYTES)
    if not data:
        raise Refusal(_("Choose a file to attach."), 422, field="file")
    if len(data) > limit:
        raise Refusal(
            _("The file is too large (at most %(size)s MB).", size=f"{limit / 1048576:.0f}"),
            413,
            field="file",
        )
    kind = sniff(data)
    if kind is None:
        raise Refusal(
            _(
                "Only PDF files, office documents (Word, Excel, PowerPoint) and PNG or JPEG "
                "images can be attached."
            ),
            415,
            field="file",
        )
    scan(data)
    content_type, extension = kind
    return content_type, safe_filename(filename, extension)


# --- parents and access ----------------------------------------------------------------------


def _plan_readable(user, plan) -> bool:
    return plan is not None and can_see_department(user, plan.department_id)


def _plan_writable(user, plan) -> bool:
    return _plan_readable(user, plan) and (
        user.role in REVIEW_ROLES
        or (user.role == Role.OFFICER and user.department_id == plan.department_id)
    )


def can_read(user, document: Document) -> bool:
    from digiweb.meetings.services import can_read_meeting
    from digiweb.plans.models import Plan, PlanEvent

    if document.meeting_id is not None:
        from digiweb.meetings.models import Meeting

        return can_read_meeting(user, db.session.get(Meeting, document.meeting_id))
    if document.plan_id is not None:
        return _plan_readable(user, db.session.get(Plan, document.plan_id))
    event = db.session.get(PlanEvent, document.plan_event_id)
    return event is not None and _plan_readable(user, event.plan)


def document_for(user, document_id: int) -> Document:
    """The document if the user may read its parent, else 404 (its existence stays hidden)."""
    document = db.session.get(Document, document_id)
    if document is None or not can_read(user, document):
        abort(404)
    return document


def documents_of(**parent) -> list[Document]:
    ((name, value),) = parent.items()
    column = getattr(Document, name)
    return list(
        db.session.scalars(db.select(Document).where(column == value).order_by(Document.id))
    )


def _add(
    data: bytes, filename: str | None, actor, entity: str, entity_id: int, label: str, **parent
):
    content_type, name = check(data, filename)
    document = Document(
        filename=name,
        content_type=content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        data=data,
        uploaded_by_id=actor.id if actor is not None else None,
        **parent,
    )
    db.session.add(document)
    db.session.flush()
    record(
        "document_attached",
        entity,
        entity_id,
        label=f"{label} · {name}",
        actor=actor,
        changes={"document": [None, {"id": document.id, "sha256": document.sha256}]},
    )
    return document


def attach_to_meeting(meeting, data: bytes, filename: str | None, actor) -> Document:
    from digiweb.meetings.services import can_manage, ensure_editable

    if not can_manage(actor):
        raise Refusal(_("Only the ministry's reviewers can do this."), 403)
    ensure_editable(meeting)
    return _add(
        data, filename, actor, "meeting", meeting.id, meeting.reference, meeting_id=meeting.id
    )


def attach_to_plan(plan, data: bytes, filename: str | None, actor) -> Document:
    if not _plan_writable(actor, plan):
        abort(404) if not _plan_readable(actor, plan) else None
        raise Refusal(_("You cannot attach a document to this plan."), 403)
    label = f"{plan.campaign.year}-{plan.department.code}"
    return _add(data, filename, actor, "plan", plan.id, label, plan_id=plan.id)


def attach_to_remark(event, data: bytes, filename: str | None, actor) -> Document:
    from digiweb.plans.models import PlanEventKind

    plan = event.plan
    if event.kind not in (PlanEventKind.REMARK, PlanEventKind.ANSWER):
        abort(404)
    if not _plan_writable(actor, plan):
        abort(404) if not _plan_readable(actor, plan) else None
        raise Refusal(_("You cannot attach a document to this plan."), 403)
    label = f"{plan.campaign.year}-{plan.department.code}"
    return _add(data, filename, actor, "plan", plan.id, label, plan_event_id=event.id)
