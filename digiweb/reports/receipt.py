"""The acknowledgement of receipt of a sent plan (issue 17): one bilingual PDF, the document's
language first (?lang=, else the pages' language) and the other one after it, both from the same
receipt (`digiweb.review.receipts`): its number, the date, the sender, the number of projects and
the SHA-256 fingerprint of the plan as sent. Downloadable by the department's officers and the
ministry's staff (the plan's own reading rule)."""

from flask import abort
from flask_babel import gettext as _
from markupsafe import Markup

from digiweb import clock
from digiweb.extensions import limiter
from digiweb.i18n import LANGUAGES
from digiweb.plans.models import Plan
from digiweb.reports import bp, pdf
from digiweb.reports.rendering import DocumentFrame, render_document, rendering_language
from digiweb.reports.routes import PDF_RATE_LIMIT, document_language, pdf_response
from digiweb.review.receipts import Receipt, find_receipt
from digiweb.security import visible_or_404


def _body(receipt: Receipt, lang: str, first: bool) -> Markup:
    """One language's part, rendered in that language by Jinja (autoescaped)."""
    with rendering_language(lang):
        html = render_document(
            "reports/_receipt_body.html",
            receipt=receipt,
            plan=receipt.plan,
            lang=lang,
            first=first,
        )
    return Markup(html)  # noqa: S704 - rendered by Jinja with autoescaping


def receipt_html(receipt: Receipt, lang: str) -> str:
    """The whole document: `lang`'s part first, then the other language's."""
    other = next(code for code in LANGUAGES if code != lang)
    parts = [(lang, _body(receipt, lang, True)), (other, _body(receipt, other, False))]
    with rendering_language(lang):
        frame = DocumentFrame(
            kind="receipt",
            title=_("Acknowledgement of receipt"),
            reference=receipt.number,
            date=clock.local_date(receipt.sent_at),
            lang=lang,
            subject=receipt.plan.department.name,
        )
        return render_document("reports/receipt.html", doc=frame, parts=parts)


def render_receipt_pdf(receipt: Receipt, lang: str) -> bytes:
    return pdf.html_to_pdf(receipt_html(receipt, lang))


def receipt_filename(receipt: Receipt) -> str:
    return f"receipt-{receipt.number}.pdf"


@bp.get("/plans/<int:plan_id>/receipts/<number>.pdf")
@limiter.limit(PDF_RATE_LIMIT)
def receipt(plan_id: int, number: str):
    plan = visible_or_404(Plan, plan_id)
    found = find_receipt(plan.id, number)
    if found is None:
        abort(404)
    return pdf_response(render_receipt_pdf(found, document_language()), receipt_filename(found))
