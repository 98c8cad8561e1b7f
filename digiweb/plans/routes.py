"""The plan page, its projects edited in place (htmx, with plain-form fallbacks), the project
page and the carry-over of last year's unfinished projects."""

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from digiweb.campaigns.services import current_campaign
from digiweb.errors import Conflict, Refusal, attach
from digiweb.extensions import db
from digiweb.htmx import is_htmx, render
from digiweb.plans import bp
from digiweb.plans.carry_over import carry_over_candidates
from digiweb.plans.forms import PlanForm, ProjectForm
from digiweb.plans.models import Plan, Project
from digiweb.plans.open_plans import open_plans
from digiweb.plans.outcomes import outcome_of
from digiweb.plans.presenters import conflict_rows, display_value, history_rows
from digiweb.plans.services import (
    create_project,
    delete_project,
    editable_by,
    ensure_editable,
    field_label,
    missing_fields,
    officer_plan,
    plan_completeness,
    plan_problems,
    plan_projects,
    project_history,
    update_plan,
    update_project,
)
from digiweb.security import visible_or_404
from digiweb.transaction import discard

PLAN_CHANGED = "planChanged"  # htmx event sent after each change (HX-Trigger)


@bp.context_processor
def plan_helpers():
    return {
        "display_value": display_value,
        "field_label": field_label,
    }


# --- helpers ---------------------------------------------------------------------------------


def _existing_project(project_id: int) -> Project:
    """The project as stored after a refused change; gone when someone deleted it meanwhile."""
    current = db.session.get(Project, project_id)
    if current is None:
        raise Refusal(_("This project no longer exists: it has been deleted."), 404)
    return current


def _plan_url(plan_id: int, project_id: int | None = None) -> str:
    url = url_for("plans.view", plan_id=plan_id)
    return f"{url}#project-{project_id}" if project_id else url


def _plan_context(plan: Plan, **extra) -> dict:
    projects = plan_projects(plan)
    editable = editable_by(plan, current_user)
    context = {
        "plan": plan,
        "projects": projects,
        "completeness": plan_completeness(plan, projects),
        "problems": plan_problems(plan, projects),
        "editable": editable,
        "plan_form": PlanForm(formdata=None, obj=plan) if editable else None,
        "previous_year_projects": bool(editable and carry_over_candidates(plan)),
    }
    context.update(extra)
    return context


def _changed(response):
    response.headers["HX-Trigger"] = PLAN_CHANGED
    return response


# --- the officer's entry point and the plan page ----------------------------------------------


@bp.route("/my-plan")
def my_plan():
    """The officer's plan in the open campaign; the list of them when several years are open
    (an unsent older plan stays in sight), the latest campaign's plan when none is."""
    if not current_user.is_officer:
        abort(403)
    open_rows = [row for row in open_plans(current_user) if row.plan is not None]
    if len(open_rows) > 1:
        return redirect(url_for("core.home"))
    if open_rows:
        return redirect(url_for("plans.view", plan_id=open_rows[0].plan.id))
    campaign = current_campaign()
    plan = officer_plan(current_user, campaign)
    if plan is None:
        return render("plans/no_plan.html", "plans/_no_plan.html", campaign=campaign)
    return redirect(url_for("plans.view", plan_id=plan.id))


@bp.route("/plans/<int:plan_id>")
def view(plan_id: int):
    plan = visible_or_404(Plan, plan_id)
    return render("plans/view.html", "plans/_plan.html", **_plan_context(plan))


@bp.route("/plans/<int:plan_id>/details", methods=["POST"])
def update_details(plan_id: int):
    """The plan's own fields (person in charge, contact)."""
    plan = visible_or_404(Plan, plan_id)
    ensure_editable(plan, current_user)
    form = PlanForm()
    if not form.validate():
        return render(
            "plans/view.html",
            "plans/_plan_details.html",
            status=422,
            **_plan_context(plan, plan_form=form),
        )
    try:
        update_plan(plan, form.plan_data(), current_user, form.version.data)
    except Conflict as error:
        discard()
        plan = visible_or_404(Plan, plan_id)
        form.version.data = plan.version
        return render(
            "plans/view.html",
            "plans/_plan_details.html",
            status=409,
            **_plan_context(plan, plan_form=form, details_conflict=error.message),
        )
    flash(_("The plan's contact details have been saved."), "success")
    if not is_htmx():
        return redirect(_plan_url(plan_id))
    plan = visible_or_404(Plan, plan_id)
    return _changed(
        render(
            "plans/view.html",
            "plans/_details_saved.html",
            **_plan_context(plan, oob=True),
        )
    )


# --- projects ----------------------------------------------------------------------------------


def _form_response(plan, form, project, status=200, **extra):
    return render(
        "plans/project_form.html",
        "plans/_project_form.html",
        status=status,
        plan=plan,
        form=form,
        project=project,
        **extra,
    )


@bp.route("/plans/<int:plan_id>/projects/new")
def new_project(plan_id: int):
    plan = visible_or_404(Plan, plan_id)
    ensure_editable(plan, current_user)
    return _form_response(plan, ProjectForm(formdata=None, prefix="new"), None)


@bp.route("/plans/<int:plan_id>/add-slot")
def add_slot(plan_id: int):
    """The 'add a project' button, put back when the officer cancels the new-project form."""
    plan = visible_or_404(Plan, plan_id)
    if not is_htmx():
        return redirect(_plan_url(plan_id))
    return render(
        "plans/view.html",
        "plans/_add_slot.html",
        plan=plan,
        editable=editable_by(plan, current_user),
    )


@bp.route("/plans/<int:plan_id>/projects", methods=["POST"])
def add_project(plan_id: int):
    plan = visible_or_404(Plan, plan_id)
    ensure_editable(plan, current_user)
    form = ProjectForm(prefix="new")
    if not form.validate():
        return _form_response(plan, form, None, status=422)
    try:
        project = create_project(plan, form.project_data(), current_user)
    except Refusal as error:
        if error.status != 422:
            raise
        discard()
        return _form_response(plan, form, None, status=attach(form, error))
    flash(_("The project %(reference)s has been added.", reference=project.reference), "success")
    if not is_htmx():
        return redirect(_plan_url(plan_id, project.id))
    plan = visible_or_404(Plan, plan_id)
    project = db.session.get(Project, project.id)
    return _changed(
        render(
            "plans/view.html",
            "plans/_project_added.html",
            **_plan_context(plan, project=project, missing=missing_fields(project), oob=True),
        )
    )


@bp.route("/projects/<int:project_id>/card")
def project_card(project_id: int):
    """One project as it shows in the plan's list (htmx: after 'cancel' on its inline form)."""
    project = visible_or_404(Project, project_id)
    if not is_htmx():
        return redirect(_plan_url(project.plan_id, project.id))
    return render(
        "plans/view.html",
        "plans/_project_card.html",
        plan=project.plan,
        project=project,
        missing=missing_fields(project),
        editable=editable_by(project.plan, current_user),
    )


@bp.route("/projects/<int:project_id>/edit", methods=["GET", "POST"])
def edit_project(project_id: int):
    project = visible_or_404(Project, project_id)
    plan = project.plan
    ensure_editable(plan, current_user)
    prefix = f"p{project.id}"
    if request.method == "GET":
        return _form_response(plan, ProjectForm(formdata=None, obj=project, prefix=prefix), project)
    form = ProjectForm(prefix=prefix)
    if not form.validate():
        return _form_response(plan, form, project, status=422)
    try:
        update_project(project, form.project_data(), current_user, form.version.data)
    except Conflict as error:
        discard()
        current = _existing_project(project_id)
        form.version.data = current.version
        return _form_response(
            plan,
            form,
            current,
            status=409,
            conflict=error.message,
            differences=conflict_rows(current, form.project_data()),
        )
    except Refusal as error:
        if error.status != 422:
            raise
        discard()
        return _form_response(plan, form, project, status=attach(form, error))
    project = db.session.get(Project, project_id)
    flash(_("The project %(reference)s has been saved.", reference=project.reference), "success")
    if not is_htmx():
        return redirect(_plan_url(plan.id, project.id))
    plan = visible_or_404(Plan, plan.id)
    return _changed(
        render(
            "plans/view.html",
            "plans/_project_saved.html",
            **_plan_context(plan, project=project, missing=missing_fields(project), oob=True),
        )
    )


@bp.route("/projects/<int:project_id>/delete", methods=["GET", "POST"])
def remove_project(project_id: int):
    """GET: the confirmation page (without JavaScript); POST: delete (htmx asks first)."""
    project = visible_or_404(Project, project_id)
    plan = project.plan
    ensure_editable(plan, current_user)
    if request.method == "GET":
        return render(
            "plans/project_delete.html", "plans/_project_delete.html", plan=plan, project=project
        )
    reference = project.reference
    try:
        delete_project(project, current_user, request.form.get("version"))
    except Conflict as error:
        discard()
        current = _existing_project(project_id)
        if is_htmx():
            return render(
                "plans/view.html",
                "plans/_project_card.html",
                status=409,
                plan=plan,
                project=current,
                missing=missing_fields(current),
                editable=True,
                card_conflict=error.message,
            )
        return render(
            "plans/project_delete.html",
            "plans/_project_delete.html",
            status=409,
            plan=plan,
            project=current,
            conflict=error.message,
        )
    flash(_("The project %(reference)s has been deleted.", reference=reference), "success")
    if not is_htmx():
        return redirect(_plan_url(plan.id))
    plan = visible_or_404(Plan, plan.id)
    return _changed(
        render("plans/view.html", "plans/_project_deleted.html", **_plan_context(plan, oob=True))
    )


@bp.route("/projects/<int:project_id>")
def project(project_id: int):
    """Every field of the project, in both languages, and its history."""
    project = visible_or_404(Project, project_id)
    continued_by = list(
        db.session.scalars(
            db.select(Project).where(Project.carried_from_id == project.id).order_by(Project.year)
        )
    )
    return render(
        "plans/project.html",
        "plans/_project_detail.html",
        plan=project.plan,
        project=project,
        missing=missing_fields(project),
        editable=editable_by(project.plan, current_user),
        continued_by=continued_by,
        outcome=outcome_of(project),
        origin_outcome=outcome_of(project.carried_from),
        history=history_rows(project_history(project)),
    )


from digiweb.plans import (  # noqa: E402, F401
    carry_over_routes,
    indicator_routes,
    spreadsheet_routes,
)
