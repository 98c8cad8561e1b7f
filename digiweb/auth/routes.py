import time

from flask import flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from digiweb.auth import bp
from digiweb.auth.forms import LoginForm
from digiweb.auth.services import authenticate, logout_everywhere
from digiweb.extensions import limiter
from digiweb.security import client_address_key, configured_limit, public, safe_next_url
from digiweb.transaction import keep_on_refusal


@bp.route("/login", methods=["GET", "POST"])
@public
@limiter.limit(configured_limit("RATELIMIT_LOGIN"), methods=["POST"], key_func=client_address_key)
def login():
    if current_user.is_authenticated:
        return redirect(safe_next_url(request.args.get("next")))
    form = LoginForm()
    status = 200
    if request.method == "GET" and session.pop("expired", False):
        flash(
            _("Your session has expired (inactivity or maximum duration). Please log in again."),
            "warning",
        )
    if request.method == "POST":
        if form.validate_on_submit():
            result = authenticate(form.username.data, form.password.data)
            if result.ok:
                lang = session.get("lang")
                session.clear()  # a new session at login (no fixation)
                if lang:
                    session["lang"] = lang
                    result.user.language = lang  # the language chosen becomes the preference
                login_user(result.user)
                session.permanent = True
                session["login_at"] = session["seen"] = int(time.time())
                return redirect(safe_next_url(request.args.get("next")))
            keep_on_refusal()  # the failure counts against the account
            if result.locked:
                status = 429
                form.form_errors.append(
                    _("Too many failed attempts: this account is locked for 15 minutes.")
                )
            else:
                status = 401
                form.form_errors.append(_("Wrong username or password."))
        else:
            status = 422
    return render_template("auth/login.html", form=form), status


@bp.route("/logout", methods=["POST"])
def logout():
    logout_everywhere(current_user)
    lang = session.get("lang")
    logout_user()
    session.clear()
    if lang:
        session["lang"] = lang
    flash(_("You are logged out."), "info")
    return redirect(url_for("auth.login"))


from digiweb.auth import session_routes  # noqa: E402, F401 - the session warning's endpoints
