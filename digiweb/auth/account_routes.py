"""The user's own account: what it is, and changing one's password (the current one first).

A password an administrator chose (`must_change_password`) sends every page to the change form
until the user has chosen their own (`require_own_password`, a before_request hook of the app).
"""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user

from digiweb.auth import bp
from digiweb.auth.forms import ChangePasswordForm
from digiweb.auth.passwords import MIN_LENGTH
from digiweb.auth.services import change_own_password
from digiweb.errors import Refusal, attach
from digiweb.security import safe_next_url
from digiweb.transaction import discard

# What a user who must change their password may still reach.
ALLOWED_BEFORE_CHANGE = frozenset(
    {"auth.change_password", "auth.logout", "auth.login", "static", "core.healthz"}
    | {"auth.session_status", "auth.session_extend"}
)


@bp.get("/account")
def account():
    return render_template("auth/account.html", user=current_user)


@bp.route("/account/password", methods=["GET", "POST"])
def change_password():
    form = ChangePasswordForm()
    status = 200
    user = current_user._get_current_object()  # the User itself (login_user keeps it in g)
    if form.validate_on_submit():
        try:
            change_own_password(user, form.current_password.data, form.password.data)
        except Refusal as error:
            discard()
            status = attach(form, error)
        else:
            login_user(user)  # this session goes on with the new token; the others end
            flash(_("Your password has been changed; your other sessions have ended."), "success")
            return redirect(safe_next_url(request.args.get("next"), "auth.account"), 303)
    elif form.is_submitted():
        status = 422
    return (
        render_template("auth/change_password.html", form=form, user=user, min_length=MIN_LENGTH),
        status,
    )


def require_own_password():
    """before_request: a user whose password an administrator chose changes it first."""
    if not (current_user and getattr(current_user, "is_authenticated", False)):
        return None
    if not getattr(current_user, "must_change_password", False):
        return None
    if request.endpoint in ALLOWED_BEFORE_CHANGE or request.path.startswith("/api/"):
        return None
    from digiweb.htmx import is_htmx

    back = request.full_path if request.method == "GET" else None
    target = url_for("auth.change_password", next=back)
    if is_htmx():
        from flask import current_app

        response = current_app.response_class("", 200)
        response.headers["HX-Redirect"] = target
        return response
    return redirect(target, 303)
