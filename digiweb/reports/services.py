"""The official PDF documents: minutes of a meeting, campaign report, plan sheet of a department.

Each document is a Jinja template rendered in a given language (whatever the language of the
request: `flask_babel.force_locale`), then handed to WeasyPrint (`digiweb.reports.pdf`).
`*_html()` give the HTML exactly as WeasyPrint receives it, for tests and checks.
"""

import hashlib
import re
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from flask import render_template
from flask_babel import force_locale
from flask_babel import gettext as _
from markupsafe import Markup
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from digiweb import clock
from digiweb.auth.models import User
from digiweb.campaigns.models import Campaign
from digiweb.dashboard.charts import bar_chart, donut_chart, fmt_percent
from digiweb.dashboard.services import NONE_KEY, consolidated_stats
from digiweb.dashboard.summary import summary_text
from digiweb.departments.models import Department
from digiweb.extensions import db
from digiweb.i18n import LANGUAGES, fmt_amount, language, text_direction
from digiweb.meetings.models import Attendance, Attendee, Decision, Meeting, MeetingDocument
from digiweb.plans.models import (
    SENT_STATUSES,
    Plan,
    PlanEvent,
    PlanStatus,
    Project,
    ProjectKind,
    ProjectStatus,
    Target,
    Technology,
)
from digiweb.reports import pdf


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
    direction: str = field(init=False)

    def __post_init__(self):
        self.direction = text_direction(self.lang)

    @property
    def page_counter_css(self) -> str:
        return page_counter_css()


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


def department_rows(stats: dict) -> list[DepartmentRow]:
    """Every invited department, by code, with its plan's status and, once sent, its figures."""
    return [
        DepartmentRow(
            code=row["code"],
            name=row["name_fr"] if language() == "fr" else row["name_ar"],
            status=row["status"],
            sent=row["sent"],
            projects=row["projects"],
            budget=row["budget"],
        )
        for row in sorted(stats["by_department"], key=lambda row: row["code"])
    ]


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


def minutes_context(meeting: Meeting) -> dict:
    starts = clock.utc_to_local(meeting.starts_at)
    frame = DocumentFrame(
        kind="minutes",
        title=_("Minutes of the meeting"),
        reference=meeting.reference,
        date=starts.date(),
        lang=language(),
        subject=meeting.title,
        draft_mark="" if meeting.is_locked else _("Draft minutes — not approved"),
    )
    figures = campaign_stats(meeting.campaign) if meeting.campaign else None
    return {
        "doc": frame,
        "meeting": meeting,
        "starts": starts,
        "groups": attendance_groups(meeting),
        "attendance_counts": attendance_counts(meeting),
        "minutes_paragraphs": paragraphs(meeting.minutes),
        "figures": figures,
    }


def minutes_html(meeting: Meeting, lang: str) -> str:
    with rendering_language(lang):
        return render_document("reports/minutes.html", **minutes_context(meeting))


def render_minutes_pdf(meeting: Meeting, lang: str) -> bytes:
    """The minutes as PDF; once approved, as PDF/A-3b (the archived form)."""
    return pdf.html_to_pdf(minutes_html(meeting, lang), archive=meeting.is_locked)


def minutes_filename(meeting: Meeting, lang: str) -> str:
    return f"minutes-{meeting.reference}-{lang}.pdf"


def stored_minutes(meeting: Meeting, lang: str) -> MeetingDocument | None:
    return db.session.scalar(
        db.select(MeetingDocument).where(
            MeetingDocument.meeting_id == meeting.id, MeetingDocument.language == lang
        )
    )


def store_minutes_document(meeting: Meeting, lang: str) -> MeetingDocument:
    """Render approved minutes and keep them, with their SHA-256 (the caller commits)."""
    content = render_minutes_pdf(meeting, lang)
    document = MeetingDocument(
        meeting_id=meeting.id,
        language=lang,
        sha256=hashlib.sha256(content).hexdigest(),
        pdf=content,
    )
    db.session.add(document)
    return document


def minutes_pdf(meeting: Meeting, lang: str) -> bytes:
    """The minutes to hand out: approved minutes always as first archived (identical bytes
    every time, the recorded SHA-256 stays true); draft minutes freshly rendered."""
    if not meeting.is_locked:
        return render_minutes_pdf(meeting, lang)
    document = stored_minutes(meeting, lang)
    if document is not None:
        return document.pdf
    document = store_minutes_document(meeting, lang)
    try:
        db.session.commit()
    except IntegrityError:
        # Someone archived the same minutes at the same moment: theirs is the one kept.
        db.session.rollback()
        document = stored_minutes(meeting, lang)
    return document.pdf


# --- campaign report -------------------------------------------------------------------------


def find_campaign(year: int) -> Campaign | None:
    return db.session.scalar(db.select(Campaign).where(Campaign.year == year))


class NotFound(LookupError):
    """The record a document is about does not exist."""


def campaign_annex(campaign: Campaign) -> list[tuple[Department, list[Project]]]:
    """Each sent plan's projects, by department code then project sequence."""
    projects = db.session.scalars(
        db.select(Project)
        .join(Plan, Project.plan_id == Plan.id)
        .join(Department, Department.id == Project.department_id)
        .where(Plan.campaign_id == campaign.id, Plan.status.in_(SENT_STATUSES))
        .order_by(Department.code, Project.sequence)
    ).all()
    annex: dict[int, tuple[Department, list[Project]]] = {}
    for project in projects:
        annex.setdefault(project.department_id, (project.department, []))[1].append(project)
    return list(annex.values())


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
    return {
        "doc": frame,
        "campaign": campaign,
        "figures": stats,
        "summary": summary_text(stats),
        "charts": campaign_charts(stats),
        "departments": department_rows(stats),
        "annex": campaign_annex(campaign),
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
    return f"plan-{plan.campaign.year}-{plan.department.code}-{lang}.pdf"
