"""The audit log for administrators: every entry of every area (who, what, when, from which
address, old and new values), filtered and paginated, the chain's head, and the export with the
hashes (JSON lines) to check the chain elsewhere. Reading only: the log is append-only."""

from flask import Response, request, stream_with_context

from digiweb.admin import bp
from digiweb.audit import chain
from digiweb.audit.services import PAGE_SIZE, entries_page, export_lines, filter_choices
from digiweb.htmx import render
from digiweb.i18n import parse_date, query_text
from digiweb.numbers import whole_number


def _date(name: str):
    raw = request.args.get(name, "").strip()
    if not raw:
        return None
    try:
        return parse_date(raw)
    except ValueError:
        return None


def _filters() -> dict:
    args = request.args
    return {
        "actor": query_text(args.get("actor")).strip()[:64],
        "action": query_text(args.get("action")).strip()[:64],
        "entity_type": query_text(args.get("entity_type")).strip()[:32],
        "entity_id": whole_number(args.get("entity_id")),
        "ip": query_text(args.get("ip")).strip()[:64],
        "since": _date("since"),
        "until": _date("until"),
    }


@bp.get("/audit")
def audit():
    filters = _filters()
    page = whole_number(request.args.get("page"), minimum=1) or 1
    entries, total = entries_page(filters, page)
    seq, head = chain.head()
    return render(
        "admin/audit.html",
        "admin/_audit_results.html",
        entries=entries,
        total=total,
        page_number=page,
        pages=max(1, -(-total // PAGE_SIZE)),
        filters=filters,
        choices=filter_choices(),
        head=head,
        head_seq=seq,
    )


@bp.get("/audit.jsonl")
def audit_export():
    lines = export_lines(_filters())
    response = Response(stream_with_context(lines), mimetype="application/x-ndjson")
    response.headers["Content-Disposition"] = 'attachment; filename="audit-log.jsonl"'
    return response
