"""Meetings: the list, a meeting's page, its creation and edition, its minutes, and the
calendars (a meeting's .ics, the personal feed).

Routes read the request, call one service, render (`digiweb.meetings.page`).
"""

from datetime import time

from flask import abort, flash, make_response, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from digiweb import confirm, htmx
from digiweb.auth.models import REVIEW_ROLES
from digiweb.errors import Conflict, Refusal, attach
from digiweb.extensions import limiter
from digiweb.i18n import language
from digiweb.meetings import bp, calendar, services
from digiweb.meetings.forms import (
    MeetingForm,
    MinutesForm,
    scoped,
)
from digiweb.meetings.page import (
    VIEW,
    VIEW_FRAGMENT,
    conflict_answer,
    conflict_of,
    done,
    filled_form,
    locked_answer,
    meeting_context,
    meeting_of,
    refusal_answer,
    reload_meeting,
    render_section,
    stored_minutes_form,
)
from digiweb.security import (
    client_address_key,
    configured_limit,
    public,
    roles_required,
)
from digiweb.transaction import discard, parse_version

FORM = "meetings/form.html"
FORM_FRAGMENT = "meetings/_meeting_form.html"
FEED_RATE_LIMIT = configured_limit("RATELIMIT_VERIFY")  # per address: no guessing tokens


# --- meetings --------------------------------------------------------------------------------


@bp.route("/meetings")
def index():
    year = request.args.get("year", type=int)
    if year is not None and not 1 <= year <= 9999:  # ?year=10**30 must not reach the database
        year = None
    rows = services.meetings_list(current_user, year)
    return htmx.render(
        "meetings/index.html",
        "meetings/_meeting_list.html",
        rows=rows,
        years=services.meeting_years(current_user),
        year=year,
        can_manage=services.can_manage(current_user),
        calendar_url=_calendar_url(),
    )


def _calendar_url() -> str | None:
    """The address of the user's personal calendar feed, if they created one."""
    feed = calendar.feed_of(current_user)
    if feed is None:
        return None
    return url_for("meetings.calendar_feed", token=calendar.token_of(feed), _external=True)


@bp.route("/meetings/new", methods=["GET", "POST"])
@roles_required(*REVIEW_ROLES)
def create():
    form = MeetingForm()
    if request.method == "GET":
        form.kind.data = "working_session"
        form.status.data = "planned"
        form.time.data = time(9, 0)
        campaigns = services.campaign_choices()
        form.campaign_id.data = campaigns[0][0] if campaigns else None  # the latest year
    status = 200
    if form.validate_on_submit():
        try:
            meeting = services.create_meeting(form.values(), actor=current_user)
        except Refusal as error:
            discard()
            attach(form, error)
            status = error.status
        else:
            flash(_("Meeting %(reference)s created.", reference=meeting.reference), "success")
            return redirect(url_for("meetings.view", reference=meeting.reference))
    elif request.method == "POST":
        status = 422
    return htmx.render(FORM, FORM_FRAGMENT, status=status, form=form, meeting=None, conflict=None)


@bp.route("/meetings/<reference>")
def view(reference):
    meeting = meeting_of(reference)
    return htmx.render(VIEW, VIEW_FRAGMENT, **meeting_context(meeting))


@bp.route("/meetings/<reference>/edit", methods=["GET", "POST"])
@roles_required(*REVIEW_ROLES)
def edit(reference):
    meeting = meeting_of(reference)
    if meeting.is_locked:
        flash(services.locked_meeting().message, "error")
        return htmx.render(VIEW, VIEW_FRAGMENT, status=409, **meeting_context(meeting))
    form = MeetingForm()
    if request.method == "GET":
        form.fill_from(meeting)
    status, conflict = 200, None
    if form.validate_on_submit():
        try:
            services.update_meeting(meeting, form.values(), form.version.data, actor=current_user)
        except Conflict as error:
            meeting = reload_meeting(reference)
            conflict = conflict_of("meeting", form, filled_form(MeetingForm, meeting))
            attach(form, error)
            status = 409
        except Refusal as error:
            meeting = reload_meeting(reference)
            attach(form, error)
            status = error.status
        else:
            flash(_("Meeting %(reference)s saved.", reference=meeting.reference), "success")
            return redirect(url_for("meetings.view", reference=meeting.reference))
    elif request.method == "POST":
        status = 422
    return htmx.render(
        FORM, FORM_FRAGMENT, status=status, form=form, meeting=meeting, conflict=conflict
    )


@bp.route("/meetings/<reference>/minutes", methods=["POST"])
@roles_required(*REVIEW_ROLES)
def save_minutes(reference):
    meeting = meeting_of(reference)
    if refused := locked_answer(meeting, "minutes"):
        return refused
    form = scoped(MinutesForm(), "minutes")
    if not form.validate():
        return render_section(meeting, "minutes", 422, minutes_form=form)
    try:
        services.update_minutes(
            meeting,
            form.minutes_ar.data or "",
            form.minutes_fr.data or "",
            form.version.data,
            actor=current_user,
        )
    except Conflict as error:
        return conflict_answer(
            reference, error, "minutes", form, "minutes", stored_minutes_form, minutes_form=form
        )
    except Refusal as error:
        return refusal_answer(reference, error, "minutes")
    return done(meeting, "minutes", _("Minutes saved."))


@bp.route("/meetings/<reference>/approve-minutes", methods=["POST"])
@roles_required(*REVIEW_ROLES)
def approve_minutes(reference):
    meeting = meeting_of(reference)
    try:
        parse_version(request.form.get("version"))  # no version: 400, as before
        confirm.require()  # approved minutes are sealed for good: the box was ticked
        services.approve_minutes(meeting, request.form.get("version"), actor=current_user)
    except Refusal as error:
        meeting = reload_meeting(reference)
        flash(error.message, "error")
        return htmx.render(VIEW, VIEW_FRAGMENT, status=error.status, **meeting_context(meeting))
    flash(
        _("The minutes of %(reference)s are approved and locked.", reference=reference),
        "success",
    )
    return redirect(url_for("meetings.view", reference=reference))


# --- calendars -------------------------------------------------------------------------------


def _ics(body: bytes, filename: str):
    response = make_response(body)
    response.headers["Content-Type"] = calendar.CONTENT_TYPE
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.get("/meetings/<reference>.ics")
def meeting_ics(reference):
    """The meeting as an iCalendar file, in the reader's language (any meeting they may read)."""
    meeting = services.meeting_for(current_user, reference)
    body = calendar.calendar([meeting], language())
    return _ics(body, f"{meeting.reference}.ics")


@bp.get("/calendar/<token>.ics")
@public
@limiter.limit(FEED_RATE_LIMIT, key_func=client_address_key)
def calendar_feed(token):
    """A user's personal feed (no login: the token in the address is the key)."""
    user = calendar.user_of_token(token)
    if user is None:
        abort(404)
    body = calendar.calendar(calendar.feed_meetings(user), str(user.language))
    return _ics(body, "digiweb.ics")


@bp.post("/calendar/address")
def renew_calendar():
    """Create or replace the user's personal calendar address."""
    calendar.renew_feed(current_user)
    flash(_("Your calendar address is ready. The previous address no longer works."), "success")
    return redirect(url_for("meetings.index") + "#calendar")


@bp.post("/calendar/address/delete")
def revoke_calendar():
    """Revoke the user's personal calendar address."""
    if calendar.revoke_feed(current_user):
        flash(_("Your calendar address was revoked."), "success")
    return redirect(url_for("meetings.index") + "#calendar")
