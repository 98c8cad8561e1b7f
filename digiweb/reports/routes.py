"""Downloads of the official PDF documents. Rendering runs in the request, so it is rate
limited; approved minutes are served as archived (no rendering)."""

from flask import abort, g, make_response, render_template, request
from flask_login import current_user
from werkzeug.datastructures import ImmutableMultiDict

from digiweb.auth.models import STAFF_ROLES
from digiweb.extensions import limiter
from digiweb.i18n import LANGUAGES, language
from digiweb.meetings.services import can_read_meeting
from digiweb.plans.models import Plan
from digiweb.reports import bp, campaign_report, minutes_report, plan_sheet
from digiweb.security import (
    client_address_key,
    configured_limit,
    public,
    roles_required,
    visible_or_404,
)

PDF_RATE_LIMIT = configured_limit("RATELIMIT_PDF")  # per user (10 per minute)
VERIFY_RATE_LIMIT = configured_limit("RATELIMIT_VERIFY")  # per address: no guessing codes


@bp.url_value_preprocessor
def take_document_language(endpoint, values):
    """Here ?lang= is the language of the document, not of the pages: it is taken out of the
    query before the app-wide hook that remembers ?lang= for the pages sees it (URL value
    preprocessors run before the before_request hooks), so that printing the French minutes
    from the Arabic pages leaves the pages in Arabic. The verification page is a page: its
    ?lang= is the pages' own."""
    if endpoint == "reports.verify":
        return
    g.document_language = request.args.get("lang", "")
    request.args = ImmutableMultiDict(
        [(key, value) for key, value in request.args.items(multi=True) if key != "lang"]
    )


def document_language() -> str:
    """?lang=ar|fr, else the language of the pages the user reads."""
    lang = g.get("document_language", "")
    return lang if lang in LANGUAGES else language()


def pdf_response(content: bytes, filename: str):
    response = make_response(content)
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Content-Length"] = str(len(content))
    return response


@bp.get("/meetings/<reference>/minutes.pdf")
@limiter.limit(PDF_RATE_LIMIT)
def minutes(reference):
    meeting = minutes_report.find_meeting(reference)
    if meeting is None or not can_read_meeting(current_user, meeting):
        abort(404)
    lang = document_language()
    return pdf_response(
        minutes_report.minutes_pdf(meeting, lang), minutes_report.minutes_filename(meeting, lang)
    )


@bp.get("/reports/campaign/<int:year>.pdf")
@roles_required(*STAFF_ROLES)
@limiter.limit(PDF_RATE_LIMIT)
def campaign(year):
    if campaign_report.find_campaign(year) is None:
        abort(404)
    lang = document_language()
    from flask import current_app

    from digiweb.jobs.kinds import campaign_projects  # (the jobs area imports this one)
    from digiweb.jobs.routes import large_document_page

    projects = campaign_projects(year)
    if projects > current_app.config["JOBS_PDF_THRESHOLD"]:
        return large_document_page(year, lang, projects)  # made in the background
    return pdf_response(
        campaign_report.render_campaign_pdf(year, lang), f"campaign-{year}-{lang}.pdf"
    )


@bp.get("/verify/<fingerprint>")
@public
@limiter.limit(VERIFY_RATE_LIMIT, key_func=client_address_key)
def verify(fingerprint):
    """Is this an archived approved document? Open to anyone on the intranet holding a printed
    copy (the QR code) or a file (its SHA-256): shows what the document's first page shows,
    nothing more. An unknown fingerprint is a 404 page saying so."""
    document = minutes_report.archived_document(fingerprint)
    if document is None:
        return render_template("reports/verify.html", facts=None), 404
    return render_template("reports/verify.html", facts=minutes_report.archived_facts(document))


@bp.get("/plans/<int:plan_id>/sheet.pdf")
@limiter.limit(PDF_RATE_LIMIT)
def plan(plan_id):
    plan = visible_or_404(Plan, plan_id)
    lang = document_language()
    return pdf_response(
        plan_sheet.render_plan_pdf(plan, lang), plan_sheet.plan_filename(plan, lang)
    )
