"""The plan's spreadsheet page: download the pre-filled questionnaire (.xlsx), import it filled
in, and the import report. Registered on the plans blueprint (imported at the end of
`digiweb/plans/routes.py`); the rules live in `digiweb.plans.spreadsheet`.

Anyone who may see the plan may download it (read-only for staff); only the department's
officer may import, while the plan is editable. The upload is a plain multipart form (an
htmx request gets the fragment of the same page).
"""

from flask import Response, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf.file import FileField

from digiweb.campaigns.models import CampaignStatus
from digiweb.forms import BaseForm
from digiweb.htmx import render
from digiweb.plans import bp
from digiweb.plans.models import Plan
from digiweb.plans.services import editable_by, plan_projects
from digiweb.plans.spreadsheet import (
    COLUMNS,
    MAX_PROJECT_ROWS,
    MAX_UPLOAD_BYTES,
    XLSX_MIMETYPE,
    ImportRefused,
    build_template,
    column_description,
    column_header,
    file_size_label,
    import_workbook,
    instruction_lines,
    result_message,
    template_filename,
)
from digiweb.security import can_edit_department_plan, visible_or_404
from digiweb.transaction import discard


class ImportForm(BaseForm):
    file = FileField(
        _l("Filled-in questionnaire (.xlsx)"),
        render_kw={"accept": f".xlsx,{XLSX_MIMETYPE}"},
    )


def import_refusal(plan: Plan) -> str | None:
    """Why the current user may not import into the plan (None: allowed)."""
    if editable_by(plan, current_user):
        return None
    if not can_edit_department_plan(current_user, plan.department_id):
        return _("Only the department's digitization officer can change this plan.")
    if plan.campaign.status != CampaignStatus.OPEN:
        return _("The campaign is not open: the plan can no longer be changed.")
    return _("This plan can no longer be changed (status: %(status)s).", status=plan.status.label)


def _page(plan: Plan, form: ImportForm, status: int = 200, **extra):
    columns = [(column_header(c), column_description(c)) for c in COLUMNS]
    return render(
        "plans/spreadsheet.html",
        "plans/_spreadsheet.html",
        status=status,
        plan=plan,
        form=form,
        project_count=len(plan.projects),
        refusal=import_refusal(plan),
        instructions=instruction_lines(),
        columns=columns,
        max_size=file_size_label(),
        max_rows=MAX_PROJECT_ROWS,
        **extra,
    )


@bp.route("/plans/<int:plan_id>/spreadsheet", methods=["GET", "POST"])
def spreadsheet(plan_id: int):
    """GET: the page; POST: import the uploaded file (all of it, or nothing and a report)."""
    plan = visible_or_404(Plan, plan_id)
    form = ImportForm()
    if request.method == "GET":
        return _page(plan, form)
    if import_refusal(plan):
        return _page(plan, form, status=403, refused_upload=True)
    upload = form.file.data
    if upload is None or not getattr(upload, "filename", ""):
        form.file.errors = [_("Choose the .xlsx file to import.")]
        return _page(plan, form, status=422)
    data = upload.stream.read(MAX_UPLOAD_BYTES + 1)
    try:
        result = import_workbook(plan, data, upload.filename, current_user)
    except ImportRefused as refused:
        discard()
        return _page(
            visible_or_404(Plan, plan_id),
            form,
            status=refused.status,
            report=refused,
            filename=upload.filename,
        )
    flash(result_message(result, upload.filename), "success" if result.changed else "warning")
    if result.changed:
        return redirect(url_for("plans.view", plan_id=plan_id) + "#projects")
    return redirect(url_for("plans.spreadsheet", plan_id=plan_id))


@bp.route("/plans/<int:plan_id>/spreadsheet.xlsx")
def spreadsheet_download(plan_id: int):
    """The plan's projects in the questionnaire template, in the user's language."""
    plan = visible_or_404(Plan, plan_id)
    response = Response(build_template(plan, plan_projects(plan)), mimetype=XLSX_MIMETYPE)
    response.headers["Content-Disposition"] = f'attachment; filename="{template_filename(plan)}"'
    return response
