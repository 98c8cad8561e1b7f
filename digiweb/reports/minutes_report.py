"""The minutes of a meeting as an official document, and the verification of an archived copy.

Approved minutes are rendered once, as tagged PDF/A-3u, sealed with the ministry's certificate
(`digiweb.reports.signing`) and archived; their verification line leads to `/verify/<code>`.
"""

import re
import secrets
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

import segno
import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from markupsafe import Markup
from sqlalchemy.orm import selectinload

from digiweb import clock
from digiweb.auth.models import User
from digiweb.departments.models import Department
from digiweb.extensions import db
from digiweb.i18n import language
from digiweb.meetings.models import Attendance, Attendee, Decision, Meeting, MeetingDocument
from digiweb.reports import pdf, signing
from digiweb.reports.campaign_report import figures_as_of
from digiweb.reports.rendering import (
    DocumentFrame,
    NotFound,
    paragraphs,
    render_document,
    rendering_language,
)


def find_meeting(reference: str) -> Meeting | None:
    return db.session.scalar(
        db.select(Meeting)
        .where(Meeting.reference == reference)
        .options(
            selectinload(Meeting.attendees).selectinload(Attendee.department),
            selectinload(Meeting.agenda_items),
            selectinload(Meeting.decisions).selectinload(Decision.owner_department),
            selectinload(Meeting.campaign),
            selectinload(Meeting.minutes_approved_by),
        )
    )


@dataclass
class AttendanceGroup:
    department: Department | None
    attendees: list[Attendee]


def attendance_groups(meeting: Meeting) -> list[AttendanceGroup]:
    """Attendees grouped by department, in the order of the list; people without a department
    (officials, guests) first."""
    groups: dict[int | None, AttendanceGroup] = {None: AttendanceGroup(None, [])}
    for attendee in meeting.attendees:
        key = attendee.department_id
        if key not in groups:
            groups[key] = AttendanceGroup(attendee.department, [])
        groups[key].attendees.append(attendee)
    return [g for g in groups.values() if g.attendees]


def attendance_counts(meeting: Meeting) -> list[tuple[str, int]]:
    counts = Counter(a.attendance for a in meeting.attendees)
    return [(status.label, counts[status]) for status in Attendance if counts[status]]


def person_name(user: User | None, lang: str | None = None) -> str:
    """The name of `user` as a document in `lang` (by default the language in force) prints it:
    the Arabic one in Arabic when it is set (User.name_in)."""
    return user.name_in(lang or language()) if user is not None else ""


def approver_of(meeting: Meeting) -> User | None:
    """Who approved the minutes (read by id: during the approval the relationship loaded
    before it still says nobody)."""
    approver = meeting.minutes_approved_by
    if meeting.minutes_approved_by_id and getattr(approver, "id", None) != (
        meeting.minutes_approved_by_id
    ):
        approver = db.session.get(User, meeting.minutes_approved_by_id)
    return approver


def verification_url(code: str) -> str:
    """The address printed on an approved document: the configured BASE_URL (never the Host
    header of a request, which a client chooses) and /verify/<code>."""
    base = (current_app.config.get("BASE_URL") or "").rstrip("/")
    return f"{base}/verify/{code}"


def qr_code(url: str) -> Markup:
    """A QR code of `url` as inline SVG (1 mm modules at most: about 3 cm for our addresses)."""
    svg = segno.make(url, error="m").svg_inline(scale=0.8, unit="mm", border=2)
    return Markup(svg)  # noqa: S704 - segno's drawing (a path), no text of the URL in it


def new_verification_code() -> str:
    """The random code of one archived document, printed in it (32 hexadecimal digits)."""
    return secrets.token_hex(16)


def minutes_context(meeting: Meeting, verification_code: str | None = None) -> dict:
    starts = clock.utc_to_local(meeting.starts_at)
    approved = meeting.is_locked
    frame = DocumentFrame(
        kind="minutes",
        title=_("Minutes of the meeting"),
        reference=meeting.reference,
        date=starts.date(),
        lang=language(),
        subject=meeting.title,
        draft_mark="" if approved else _("Draft minutes — not approved"),
        draft=not approved,
    )
    figures = figures_as_of(meeting.campaign, meeting.starts_at) if meeting.campaign else None
    approval = None
    if approved:
        approval = {
            "on": clock.utc_to_local(meeting.minutes_approved_at)
            if meeting.minutes_approved_at
            else None,
            "by": person_name(approver_of(meeting)),
            "url": verification_url(verification_code) if verification_code else "",
            "qr": qr_code(verification_url(verification_code)) if verification_code else "",
        }
    return {
        "doc": frame,
        "meeting": meeting,
        "starts": starts,
        "groups": attendance_groups(meeting),
        "attendance_counts": attendance_counts(meeting),
        "minutes_paragraphs": paragraphs(meeting.minutes),
        "figures": figures,
        "approval": approval,
    }


def minutes_html(meeting: Meeting, lang: str, verification_code: str | None = None) -> str:
    with rendering_language(lang):
        return render_document(
            "reports/minutes.html", **minutes_context(meeting, verification_code)
        )


def render_minutes_pdf(meeting: Meeting, lang: str, verification_code: str | None = None) -> bytes:
    """The minutes as PDF (tagged PDF/UA-1); once approved, as tagged PDF/A-3u (the archived
    form), unsigned: `seal_minutes_pdf` signs it."""
    return pdf.html_to_pdf(
        minutes_html(meeting, lang, verification_code), archive=meeting.is_locked
    )


def seal_minutes_pdf(meeting: Meeting, lang: str, verification_code: str) -> bytes:
    """The approved minutes as archived: rendered once (PDF/A-3u, with the approver, the
    approval date and the verification line of `verification_code`), then signed with the
    ministry's certificate (PAdES). Called by `meetings.services.approve_minutes`."""
    content = render_minutes_pdf(meeting, lang, verification_code)
    with rendering_language(lang):
        reason = _("Approval of the minutes %(reference)s", reference=meeting.reference)
        location = _("Algiers")
    return signing.sign(content, reason=reason, location=location)


def minutes_filename(meeting: Meeting, lang: str) -> str:
    suffix = "" if meeting.is_locked else "-draft"
    return f"minutes-{meeting.reference}-{lang}{suffix}.pdf"


def stored_minutes(meeting: Meeting, lang: str) -> MeetingDocument | None:
    return db.session.scalar(
        db.select(MeetingDocument).where(
            MeetingDocument.meeting_id == meeting.id, MeetingDocument.language == lang
        )
    )


def minutes_pdf(meeting: Meeting, lang: str) -> bytes:
    """The minutes to hand out: approved minutes as archived at their approval (identical
    bytes every time, the recorded SHA-256 stays true); draft minutes freshly rendered."""
    if not meeting.is_locked:
        return render_minutes_pdf(meeting, lang)
    document = stored_minutes(meeting, lang)
    if document is None:
        raise NotFound(meeting.reference)
    return document.pdf


# --- verification of an archived document ----------------------------------------------------


@dataclass
class ArchivedFacts:
    """What the first page of an archived document shows, and nothing more."""

    kind: str
    reference: str
    language: str
    approved_on: datetime | None
    approved_by: str
    sha256: str


FINGERPRINT = re.compile(r"^(?:[0-9a-f]{32}|[0-9a-f]{64})$")


def archived_document(fingerprint: str) -> MeetingDocument | None:
    """The archived document whose file has this SHA-256 (64 hex digits) or whose printed
    verification code this is (32); None for anything else. The PDF bytes are not loaded."""
    fingerprint = (fingerprint or "").strip().lower()
    if not FINGERPRINT.match(fingerprint):
        return None
    column = MeetingDocument.sha256 if len(fingerprint) == 64 else MeetingDocument.verification_code
    return db.session.scalar(
        db.select(MeetingDocument)
        .where(column == fingerprint)
        .options(
            sa.orm.defer(MeetingDocument.pdf),
            selectinload(MeetingDocument.meeting).selectinload(Meeting.minutes_approved_by),
        )
    )


def archived_of_same_size(content: bytes) -> tuple[MeetingDocument, int] | None:
    """The archived document `content` is a changed copy of (same size, some bytes differ),
    with the number of differing bytes; None when no archived file has its size."""
    candidates = db.session.scalars(
        db.select(MeetingDocument).where(sa.func.length(MeetingDocument.pdf) == len(content))
    )
    for document in candidates:
        differences = sum(a != b for a, b in zip(document.pdf, content, strict=True))
        if differences:
            return document, differences
    return None


def archived_facts(document: MeetingDocument) -> ArchivedFacts:
    """The facts in the language in force (labels translated by the caller's locale)."""
    meeting = document.meeting
    names = {"ar": _("Arabic"), "fr": _("French")}
    return ArchivedFacts(
        kind=_("Minutes of the meeting"),
        reference=meeting.reference,
        language=names.get(document.language, document.language),
        approved_on=clock.utc_to_local(meeting.minutes_approved_at)
        if meeting.minutes_approved_at
        else None,
        # The name as the archived document prints it, in the document's language.
        approved_by=person_name(meeting.minutes_approved_by, document.language),
        sha256=document.sha256,
    )
