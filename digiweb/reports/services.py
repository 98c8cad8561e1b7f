"""The official PDF documents: minutes of a meeting, campaign report, plan sheet of a department.

Each document is a Jinja template rendered in a given language (whatever the language of the
request: `flask_babel.force_locale`), then handed to WeasyPrint (`digiweb.reports.pdf`).
`*_html()` give the HTML exactly as WeasyPrint receives it, for tests and checks.

A document with an approval step (minutes, plan sheet) carries on every page, until approved,
the mark « مسودة — غير مصادق عليها » / « PROJET — non approuvé » (a page margin box: text, not
a picture), no signature block, a file name ending in `-draft.pdf` and another PDF title.
Approved minutes are rendered once, as tagged PDF/A-3u, sealed with the ministry's certificate
(`digiweb.reports.signing`) and archived; their verification line leads to `/verify/<code>`.
"""

import re
import secrets
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime

import segno
import sqlalchemy as sa
from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import gettext as _
from markupsafe import Markup
from sqlalchemy.orm import selectinload

from digiweb import clock
from digiweb.auth.models import User
from digiweb.campaigns.models import Campaign, campaign_departments
from digiweb.dashboard.charts import bar_chart, donut_chart, fmt_percent
from digiweb.dashboard.maturity import maturity_figures
from digiweb.dashboard.services import NONE_KEY, consolidated_stats
from digiweb.dashboard.summary import summary_text
from digiweb.departments.models import Department
from digiweb.extensions import db
from digiweb.i18n import LANGUAGES, fmt_amount, fmt_date_long, language, text_direction
from digiweb.meetings.models import Attendance, Attendee, Decision, Meeting, MeetingDocument
from digiweb.plans.models import (
    SENT_STATUSES,
    Plan,
    PlanEvent,
    PlanEventKind,
    PlanStatus,
    Project,
    ProjectKind,
    ProjectStatus,
    Target,
    Technology,
)
from digiweb.projects.schema import MATURITY_LEVELS, level_label
from digiweb.reports import pdf, signing
from digiweb.review.ratings import ratings_matrix


class UnknownLanguage(ValueError):
    """A document was asked for in a language we do not print."""


@contextmanager
def rendering_language(lang: str):
    """Everything inside is translated and formatted in `lang` ('ar' or 'fr')."""
    if lang not in LANGUAGES:
        raise UnknownLanguage(lang)
    with force_locale(LANGUAGES[lang]):
        yield


# --- the frame shared by every document ------------------------------------------------------


@dataclass
class DocumentFrame:
    """What the letterhead, the page margins and the PDF metadata show."""

    kind: str
    title: str
    reference: str
    date: date
    lang: str
    subject: str = ""
    draft_mark: str = ""
    # A document with an approval step not (yet) approved: the mark on every page.
    draft: bool = False
    direction: str = field(init=False)

    def __post_init__(self):
        self.direction = text_direction(self.lang)

    @property
    def every_page_mark(self) -> str:
        return draft_mark_text() if self.draft else ""

    @property
    def pdf_title(self) -> str:
        """The PDF's title: a draft's names it a draft (file lists and viewers show it)."""
        title = f"{self.title} — {self.reference}"
        return f"{draft_mark_text()} — {title}" if self.draft else title

    @property
    def page_counter_css(self) -> str:
        return page_counter_css()


def draft_mark_text() -> str:
    return _("DRAFT — not approved")


def css_string(text: str) -> str:
    """A CSS string literal holding `text`."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + re.sub(r"[\r\n]+", " ", escaped) + '"'


def page_counter_css() -> str:
    """The translated « Page X of Y » as the value of a CSS `content` property, e.g.
    `"صفحة " counter(page) " من " counter(pages)`."""
    template = _("Page %(page)s of %(pages)s")
    parts = []
    for piece in re.split(r"(%\(pages?\)s)", template):
        if piece == "%(page)s":
            parts.append("counter(page)")
        elif piece == "%(pages)s":
            parts.append("counter(pages)")
        elif piece:
            parts.append(css_string(piece))
    return " ".join(parts)


def bilingual(obj, name: str) -> str:
    """The field `name` of `obj` in the document's language, else in the other one."""
    ar, fr = getattr(obj, f"{name}_ar") or "", getattr(obj, f"{name}_fr") or ""
    return (fr or ar) if language() == "fr" else (ar or fr)


def ltr(value) -> Markup:
    """A Latin island (reference, code, e-mail) laid out left to right in either language.

    WeasyPrint 70 ignores `unicode-bidi` (so a bare <bdi> isolates nothing), but it lays each
    inline box out in its own `direction`: `dir="ltr"` keeps `2021-MF-007` from being shown as
    `MF-007-2021` inside Arabic text. Browsers read the same markup as an isolate.
    """
    return Markup('<bdi dir="ltr">{}</bdi>').format(value if value is not None else "")


def render_document(template: str, **context) -> str:
    """The HTML of a document (inside `rendering_language`)."""
    return render_template(
        template,
        css_string=css_string,
        fpercent=lambda value: fmt_percent(value, 100),
        bilingual=bilingual,
        ltr=ltr,
        fdate_long=fmt_date_long,
        **context,
    )


def paragraphs(text: str) -> list[str]:
    """Plain text split into paragraphs at blank lines (single line breaks are kept by CSS)."""
    return [
        p.strip() for p in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n")) if p.strip()
    ]


# --- consolidated figures and charts (the statistics of the dashboard) ------------------------


def campaign_stats(campaign: Campaign) -> dict:
    """The consolidated figures of the dashboard: sent plans (submitted, returned, approved)
    and their projects, never drafts."""
    return consolidated_stats(campaign.year)


def first_sent_at():
    """Each plan's first sending to the ministry: its first « sent » event, else its
    `submitted_at` (a later sending after a return does not move it)."""
    first_event = (
        sa.select(sa.func.min(PlanEvent.created_at))
        .where(PlanEvent.plan_id == Plan.id, PlanEvent.kind == PlanEventKind.SUBMITTED)
        .correlate(Plan)
        .scalar_subquery()
    )
    return sa.func.coalesce(first_event, Plan.submitted_at)


def figures_as_of(campaign: Campaign, moment: datetime) -> dict:
    """The consolidated figures of the campaign as they stood at `moment` (a meeting's start):
    the plans first sent on or before it and still sent now, with their projects. A plan sent
    afterwards never changes them. Keys: those of `reports/_figures.html` and `as_of`."""
    invited = db.session.scalar(
        sa.select(sa.func.count()).where(campaign_departments.c.campaign_id == campaign.id)
    )
    sent = (
        sa.select(Plan.id)
        .where(
            Plan.campaign_id == campaign.id,
            Plan.status.in_(SENT_STATUSES),
            # A sent plan without any date (never through the workflow) counts as sent before.
            sa.or_(first_sent_at().is_(None), first_sent_at() <= moment),
        )
        .subquery()
    )
    plans = db.session.scalar(sa.select(sa.func.count()).select_from(sent))
    by_target = dict(
        db.session.execute(
            sa.select(Project.target, sa.func.count())
            .where(Project.plan_id.in_(sa.select(sent.c.id)))
            .group_by(Project.target)
        ).all()
    )
    return {
        "year": campaign.year,
        "as_of": moment,
        "departments_invited": invited,
        "departments_submitted": plans,
        "projects": sum(by_target.values()),
        "by_target": {
            "citizens": by_target.get(Target.CITIZENS, 0),
            "economic_operators": by_target.get(Target.ECONOMIC_OPERATORS, 0),
        },
    }


def _items(enum, counts: dict) -> list[tuple[str, int]]:
    items = [(member.label, counts.get(member.value, 0)) for member in enum]
    if counts.get(NONE_KEY):
        items.append((_("Not specified"), counts[NONE_KEY]))
    return items


def campaign_charts(stats: dict) -> dict:
    """The dashboard's charts (inline SVG shapes, labels and figures as HTML text)."""
    return {
        "target": donut_chart(
            _items(Target, stats["by_target_detail"]),
            title=_("Projects by target"),
            chart_id="pdf-target",
            size=150,
        ),
        "target_budget": bar_chart(
            _items(Target, stats["budget_by_target"]),
            title=_("Budget by target"),
            label_header=_("Target"),
            value_header=_("Budget"),
            value_format=fmt_amount,
            chart_id="pdf-budget",
            width=150,
        ),
        "technology": bar_chart(
            _items(Technology, stats["by_technology"]),
            title=_("Projects by technology"),
            label_header=_("Technology"),
            total=stats["projects"],
            chart_id="pdf-technology",
            width=150,
        ),
        "status": bar_chart(
            _items(ProjectStatus, stats["by_status"]),
            title=_("Projects by status"),
            label_header=_("Status"),
            chart_id="pdf-status",
            width=150,
        ),
        "kind": bar_chart(
            _items(ProjectKind, stats["by_kind"]),
            title=_("Projects by kind"),
            label_header=_("Kind"),
            chart_id="pdf-kind",
            width=150,
        ),
    }


@dataclass
class DepartmentRow:
    code: str
    name: str
    status: PlanStatus | None
    sent: bool
    projects: int
    budget: int
    citizens: int = 0
    economic_operators: int = 0
    administration: int = 0

    @property
    def other(self) -> int:
        return self.projects - self.citizens - self.economic_operators - self.administration


def department_rows(stats: dict, targets: dict[int, Counter] | None = None) -> list[DepartmentRow]:
    """Every invited department, by code, with its plan's status and, once sent, its figures
    (and, given `targets`, its projects by target)."""
    targets = targets or {}
    rows = []
    for row in sorted(stats["by_department"], key=lambda row: row["code"]):
        counts = targets.get(row["id"], Counter()) if row["sent"] else Counter()
        rows.append(
            DepartmentRow(
                code=row["code"],
                name=row["name_fr"] if language() == "fr" else row["name_ar"],
                status=row["status"],
                sent=row["sent"],
                projects=row["projects"],
                budget=row["budget"],
                citizens=counts[Target.CITIZENS.value],
                economic_operators=counts[Target.ECONOMIC_OPERATORS.value],
                administration=counts[Target.ADMINISTRATION.value],
            )
        )
    return rows


# --- minutes ---------------------------------------------------------------------------------


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


# --- campaign report -------------------------------------------------------------------------


def find_campaign(year: int) -> Campaign | None:
    return db.session.scalar(db.select(Campaign).where(Campaign.year == year))


class NotFound(LookupError):
    """The record a document is about does not exist."""


def department_targets(campaign: Campaign) -> dict[int, Counter]:
    """{department id: Counter(target value -> projects)} over the campaign's sent plans: one
    GROUP BY, whatever the number of projects (the report's summary by department)."""
    rows = db.session.execute(
        db.select(Project.department_id, Project.target, sa.func.count())
        .join(Plan, Project.plan_id == Plan.id)
        .where(Plan.campaign_id == campaign.id, Plan.status.in_(SENT_STATUSES))
        .group_by(Project.department_id, Project.target)
    )
    result: dict[int, Counter] = {}
    for department_id, target, count in rows:
        result.setdefault(department_id, Counter())[target.value if target else NONE_KEY] += count
    return result


def campaign_context(campaign: Campaign, on: date | None = None) -> dict:
    stats = campaign_stats(campaign)
    frame = DocumentFrame(
        kind="campaign",
        title=_("Report on the %(year)s campaign", year=campaign.year),
        reference=f"RPT-{campaign.year}",
        date=on or clock.today(),
        lang=language(),
        subject=campaign.title,
    )
    targets = department_targets(campaign)
    return {
        "doc": frame,
        "campaign": campaign,
        "figures": stats,
        "summary": summary_text(stats),
        "charts": campaign_charts(stats),
        "departments": department_rows(stats, targets),
        # Digital maturity of the procedures and the two ratings (issue 16).
        "maturity": maturity_figures(campaign.year),
        "ratings": ratings_matrix(campaign.year),
        "level_labels": [level_label(level) for level in range(len(MATURITY_LEVELS))],
    }


def campaign_html(year: int, lang: str, on: date | None = None) -> str:
    campaign = find_campaign(year)
    if campaign is None:
        raise NotFound(year)
    with rendering_language(lang):
        return render_document("reports/campaign.html", **campaign_context(campaign, on))


def render_campaign_pdf(year: int, lang: str) -> bytes:
    return pdf.html_to_pdf(campaign_html(year, lang))


# --- plan sheet ------------------------------------------------------------------------------


def find_plan(year: int, department_code: str) -> Plan | None:
    return db.session.scalar(
        db.select(Plan)
        .join(Campaign, Campaign.id == Plan.campaign_id)
        .join(Department, Department.id == Plan.department_id)
        .where(Campaign.year == year, Department.code == department_code.upper())
    )


def plan_context(plan: Plan, on: date | None = None) -> dict:
    projects = db.session.scalars(
        db.select(Project).where(Project.plan_id == plan.id).order_by(Project.sequence)
    ).all()
    events = db.session.scalars(
        db.select(PlanEvent)
        .where(PlanEvent.plan_id == plan.id)
        .options(selectinload(PlanEvent.actor), selectinload(PlanEvent.project))
        .order_by(PlanEvent.created_at, PlanEvent.id)
    ).all()
    frame = DocumentFrame(
        kind="plan",
        title=_("Sectoral digitization action plan"),
        reference=f"PLAN-{plan.campaign.year}-{plan.department.code}",
        date=on or clock.today(),
        lang=language(),
        subject=plan.department.name,
        draft_mark="" if plan.is_sent else _("Plan not sent to the ministry"),
        draft=plan.status != PlanStatus.APPROVED,
    )
    actors = {
        u.id: u
        for u in db.session.scalars(
            db.select(User).where(
                User.id.in_([i for i in (plan.submitted_by_id, plan.approved_by_id) if i])
            )
        )
    }
    return {
        "doc": frame,
        "plan": plan,
        "projects": projects,
        "events": events,
        "budget": sum(p.budget_dzd or 0 for p in projects),
        "submitted_by": actors.get(plan.submitted_by_id),
        "approved_by": actors.get(plan.approved_by_id),
        "PlanStatus": PlanStatus,
    }


def plan_html(plan: Plan, lang: str, on: date | None = None) -> str:
    with rendering_language(lang):
        return render_document("reports/plan.html", **plan_context(plan, on))


def render_plan_pdf(plan: Plan, lang: str) -> bytes:
    return pdf.html_to_pdf(plan_html(plan, lang))


def plan_filename(plan: Plan, lang: str) -> str:
    suffix = "" if plan.status == PlanStatus.APPROVED else "-draft"
    return f"plan-{plan.campaign.year}-{plan.department.code}-{lang}{suffix}.pdf"


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
