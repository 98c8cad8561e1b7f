"""Admin screens: departments and user accounts (administrators only)."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user

from digiweb.admin import bp, display, services
from digiweb.admin.forms import (
    DepartmentForm,
    PasswordResetForm,
    UserCreateForm,
    UserEditForm,
    department_choices,
)
from digiweb.audit.services import history
from digiweb.auth.models import Language, Role, User
from digiweb.departments.models import Department
from digiweb.errors import Conflict, Refusal, attach
from digiweb.extensions import db
from digiweb.htmx import render
from digiweb.numbers import whole_number
from digiweb.security import roles_required
from digiweb.transaction import discard

bp.context_processor(display.template_helpers)


@bp.before_request
@roles_required(Role.ADMIN)
def admins_only():
    """Every screen of the area is for administrators (403 for the other roles)."""
    return None


# --- departments ---------------------------------------------------------------------------


@bp.route("/departments")
def departments():
    q = request.args.get("q", "").strip()
    rows = services.department_rows(q)
    return render("admin/departments.html", "admin/_departments_results.html", rows=rows, q=q)


def _department_form_page(form, department=None, status=200, conflict=None):
    return (
        render_template(
            "admin/department_form.html",
            form=form,
            department=department,
            conflict=conflict[0] if conflict else None,
            mine=conflict[1] if conflict else {},
            entries=history("department", department.id) if department else [],
        ),
        status,
    )


@bp.route("/departments/new", methods=["GET", "POST"])
def department_new():
    form = DepartmentForm()
    if not form.validate_on_submit():
        return _department_form_page(form, status=422 if form.is_submitted() else 200)
    try:
        department = services.create_department(
            form.code.data, form.name_ar.data, form.name_fr.data
        )
    except Refusal as error:
        discard()
        return _department_form_page(form, status=attach(form, error))
    flash(_("Department %(code)s created.", code=department.code), "success")
    return redirect(url_for("admin.departments"))


@bp.route("/departments/<int:department_id>/edit", methods=["GET", "POST"])
def department_edit(department_id: int):
    department = db.get_or_404(Department, department_id)
    form = DepartmentForm(obj=department)
    if not form.validate_on_submit():
        return _department_form_page(form, department, 422 if form.is_submitted() else 200)
    values = {"code": form.code.data, "name_ar": form.name_ar.data, "name_fr": form.name_fr.data}
    try:
        changes = services.update_department(department, form.seen_version(), **values)
    except Conflict:
        discard()
        department = db.get_or_404(Department, department_id)
        form.version.data = str(department.version)
        conflict = (services.department_values(department), services.department_input(values))
        return _department_form_page(form, department, 409, conflict)
    except Refusal as error:
        discard()
        return _department_form_page(form, department, attach(form, error))
    if changes:
        flash(_("Department %(code)s saved.", code=department.code), "success")
    return redirect(url_for("admin.departments"))


@bp.route("/departments/<int:department_id>/activate", methods=["POST"])
def department_activate(department_id: int):
    return _set_department_active(department_id, True)


@bp.route("/departments/<int:department_id>/deactivate", methods=["POST"])
def department_deactivate(department_id: int):
    return _set_department_active(department_id, False)


def _set_department_active(department_id: int, active: bool):
    department = db.get_or_404(Department, department_id)
    if services.set_department_active(department, active):
        message = (
            _("Department %(code)s activated.", code=department.code)
            if active
            else _("Department %(code)s deactivated.", code=department.code)
        )
        flash(message, "success")
    q = request.form.get("q", "").strip()
    return redirect(url_for("admin.departments", q=q or None))


# --- users ---------------------------------------------------------------------------------


def _user_filters() -> dict:
    role = Role.coerce(request.args.get("role", ""))
    department = request.args.get("department", "")
    return {
        "role": role,
        "department_id": whole_number(department),
        "query": request.args.get("q", "").strip(),
    }


@bp.route("/users")
def users():
    filters = _user_filters()
    rows = services.user_rows(**filters)
    return render(
        "admin/users.html",
        "admin/_users_results.html",
        rows=rows,
        filters=filters,
        roles=Role.choices(),
        departments=services.all_departments(),
        is_locked=services.is_locked,
    )


def _department_from(form) -> Department | None:
    return db.session.get(Department, int(form.department.data)) if form.department.data else None


def _user_edit_form(user: User, **kwargs) -> UserEditForm:
    """The edit form filled from the account (the posted data takes precedence)."""
    form = UserEditForm(
        data={
            "full_name": user.full_name,
            "full_name_ar": user.full_name_ar,
            "email": user.email,
            "role": user.role.value,
            "department": str(user.department_id or ""),
            "language": user.language.value if user.language else "",
            "version": user.version,
        },
        **kwargs,
    )
    form.department.choices = department_choices(services.active_departments(user.department))
    return form


def _user_edit_page_refusing(user: User, error: Refusal):
    """The account's page again, with the reason an action on it was refused (422)."""
    form = _user_edit_form(user, formdata=None)
    form.form_errors.append(error.message)
    return _user_form_page("admin/user_edit.html", form, user, 422)


def _user_form_page(template: str, form, user=None, status=200, conflict=None):
    return (
        render_template(
            template,
            form=form,
            user=user,
            conflict=conflict[0] if conflict else None,
            mine=conflict[1] if conflict else {},
            is_locked=services.is_locked,
            entries=history("user", user.id) if user else [],
        ),
        status,
    )


@bp.route("/users/new", methods=["GET", "POST"])
def user_new():
    form = UserCreateForm()
    form.department.choices = department_choices(services.active_departments())
    if not form.validate_on_submit():
        status = 422 if form.is_submitted() else 200
        return _user_form_page("admin/user_new.html", form, status=status)
    try:
        user = services.create_account(
            username=form.username.data,
            password=form.password.data,
            full_name=form.full_name.data,
            full_name_ar=form.full_name_ar.data or "",
            email=form.email.data,
            role=Role(form.role.data),
            department=_department_from(form),
            language=Language(form.language.data),
        )
    except Refusal as error:
        discard()
        return _user_form_page("admin/user_new.html", form, status=attach(form, error))
    flash(_("Account %(username)s created.", username=user.username), "success")
    return redirect(url_for("admin.user_edit", user_id=user.id))


@bp.route("/users/<int:user_id>/edit", methods=["GET", "POST"])
def user_edit(user_id: int):
    user = db.get_or_404(User, user_id)
    form = _user_edit_form(user)
    if not form.validate_on_submit():
        status = 422 if form.is_submitted() else 200
        return _user_form_page("admin/user_edit.html", form, user, status)
    values = {
        "full_name": form.full_name.data,
        "full_name_ar": form.full_name_ar.data or "",
        "email": form.email.data,
        "role": Role(form.role.data),
        "department": _department_from(form),
        "language": Language(form.language.data),
    }
    try:
        changes = services.update_account(current_user, user, form.seen_version(), **values)
    except Conflict:
        discard()
        user = db.get_or_404(User, user_id)
        form.version.data = str(user.version)
        conflict = (services.user_values(user), services.account_input(values))
        return _user_form_page("admin/user_edit.html", form, user, 409, conflict)
    except Refusal as error:
        discard()
        return _user_form_page("admin/user_edit.html", form, user, attach(form, error))
    if changes:
        flash(_("Account %(username)s saved.", username=user.username), "success")
    return redirect(url_for("admin.users"))


@bp.route("/users/<int:user_id>/deactivate", methods=["POST"])
def user_deactivate(user_id: int):
    return _set_user_active(user_id, False)


@bp.route("/users/<int:user_id>/activate", methods=["POST"])
def user_activate(user_id: int):
    return _set_user_active(user_id, True)


def _set_user_active(user_id: int, active: bool):
    user = db.get_or_404(User, user_id)
    try:
        changed = services.set_account_active(current_user, user, active)
    except Refusal as error:
        return _user_edit_page_refusing(user, error)
    if changed:
        message = (
            _("Account %(username)s reactivated.", username=user.username)
            if active
            else _(
                "Account %(username)s deactivated; its sessions have ended.", username=user.username
            )
        )
        flash(message, "success")
    return redirect(url_for("admin.user_edit", user_id=user.id))


@bp.route("/users/<int:user_id>/unlock", methods=["POST"])
def user_unlock(user_id: int):
    user = db.get_or_404(User, user_id)
    if services.unlock_account(user):
        flash(_("Account %(username)s unlocked.", username=user.username), "success")
    return redirect(url_for("admin.user_edit", user_id=user.id))


@bp.route("/users/<int:user_id>/password", methods=["GET", "POST"])
def user_password(user_id: int):
    user = db.get_or_404(User, user_id)
    form = PasswordResetForm()
    if not form.validate_on_submit():
        status = 422 if form.is_submitted() else 200
        return render_template("admin/user_password.html", form=form, user=user), status
    try:
        services.reset_password(user, form.password.data)
    except Refusal as error:  # the password rules (digiweb/auth/passwords.py)
        discard()
        status = attach(form, error)
        return render_template("admin/user_password.html", form=form, user=user), status
    if user.id == current_user.id:
        login_user(user)  # the admin's own other sessions end; this one goes on
    flash(
        _("New password set for %(username)s; their sessions have ended.", username=user.username),
        "success",
    )
    return redirect(url_for("admin.user_edit", user_id=user.id))
