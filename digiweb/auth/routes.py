import time

from flask import flash, make_response, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_user, logout_user

from digiweb.auth import bp, throttle
from digiweb.auth.forms import LoginForm
from digiweb.auth.services import authenticate, logout_everywhere, note_throttled
from digiweb.extensions import limiter
from digiweb.security import client_address_key, configured_limit, public, safe_next_url
from digiweb.transaction import keep_on_refusal


@bp.route("/login", methods=["GET", "POST"])
@public
@limiter.limit(configured_limit("RATELIMIT_LOGIN"), methods=["POST"], key_func=client_address_key)
def login():
    """The same answer for an unknown name and a wrong password (401), in the same time (the
    service checks a dummy hash); failures are slowed down per account and address, and per
    address (digiweb/auth/throttle.py), never by a lock anyone could put on the account."""
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
        if not form.validate_on_submit():
            status = 422
        elif wait := throttle.wait_seconds(form.username.data):
            keep_on_refusal()  # the admin's list shows the account as slowed down
            note_throttled(form.username.data, wait)
            status = 429
            minutes = max(1, -(-wait // 60))
            form.form_errors.append(
                ngettext(
                    "Too many failed attempts: wait %(num)d minute before trying again.",
                    "Too many failed attempts: wait %(num)d minutes before trying again.",
                    minutes,
                )
            )
        else:
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
            keep_on_refusal()  # the failure is audited
            throttle.count_failure(form.username.data)
            status = 401
            form.form_errors.append(_("Wrong username or password."))
    response = make_response(render_template("auth/login.html", form=form), status)
    if status == 429:
        response.headers["Retry-After"] = str(wait)
    return response


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


from digiweb.auth import account_routes, session_routes  # noqa: E402, F401 - /account, /session
