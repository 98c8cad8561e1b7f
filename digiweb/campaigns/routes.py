"""Campaigns: the yearly questionnaires (reviewers and admins manage, viewers read)."""

from flask import abort, flash, make_response, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from digiweb.auth.models import REVIEW_ROLES, STAFF_ROLES
from digiweb.campaigns import bp
from digiweb.campaigns.forms import CampaignForm
from digiweb.campaigns.models import Campaign, CampaignStatus
from digiweb.campaigns.services import (
    active_departments,
    campaign_plan_rows,
    campaign_summaries,
    close_campaign,
    create_campaign,
    departments_with_plans,
    locked_campaign,
    open_campaign,
    update_campaign,
)
from digiweb.departments.models import Department
from digiweb.errors import Conflict, Refusal, attach
from digiweb.extensions import db
from digiweb.htmx import is_htmx, render
from digiweb.security import roles_required
from digiweb.transaction import discard


@bp.route("/campaigns")
@roles_required(*STAFF_ROLES)
def index():
    return render("campaigns/index.html", "campaigns/_list.html", summaries=campaign_summaries())


def _department_choices(campaign: Campaign | None) -> list[Department]:
    """Active departments, plus any inactive one the campaign already invites."""
    departments = {d.id: d for d in active_departments()}
    if campaign is not None:
        departments.update({d.id: d for d in campaign.invited_departments})
    return sorted(departments.values(), key=lambda d: d.code)


def _prepare(form: CampaignForm, campaign: Campaign | None) -> list[Department]:
    if campaign is not None and campaign.status != CampaignStatus.DRAFT:
        form.year.render_kw = {**(form.year.render_kw or {}), "readonly": True}
    departments = _department_choices(campaign)
    form.departments.choices = [SelectChoice(d.id, f"{d.code} · {d.name}") for d in departments]
    return departments


def _render_form(form, campaign, status=200, locked=frozenset(), current=None):
    return render(
        "campaigns/form.html",
        "campaigns/_form.html",
        status=status,
        form=form,
        campaign=campaign,
        locked_departments=locked,
        current=current,
    )


def _chosen(form: CampaignForm, departments: list[Department]) -> list[Department]:
    wanted = set(form.departments.data or ())
    return [d for d in departments if d.id in wanted]


@bp.route("/campaigns/new", methods=["GET", "POST"])
@roles_required(*REVIEW_ROLES)
def new():
    form = CampaignForm()
    departments = _prepare(form, None)
    if request.method == "GET":
        form.departments.data = [d.id for d in departments if d.active]
        return _render_form(form, None)
    if form.validate():
        try:
            campaign = create_campaign(
                **form.campaign_data(), departments=_chosen(form, departments), actor=current_user
            )
        except Refusal as error:
            discard()
            return _render_form(form, None, status=attach(form, error))
        else:
            flash(_("The campaign %(year)s has been created.", year=campaign.year), "success")
            return redirect(url_for("campaigns.view", campaign_id=campaign.id))
    return _render_form(form, None, status=422)


def _campaign_or_404(campaign_id: int) -> Campaign:
    campaign = db.session.get(Campaign, campaign_id)
    if campaign is None:
        abort(404)
    return campaign


@bp.route("/campaigns/<int:campaign_id>")
@roles_required(*STAFF_ROLES)
def view(campaign_id: int):
    campaign = _campaign_or_404(campaign_id)
    return render(
        "campaigns/view.html",
        "campaigns/_detail.html",
        campaign=campaign,
        rows=campaign_plan_rows(campaign),
    )


@bp.route("/campaigns/<int:campaign_id>/edit", methods=["GET", "POST"])
@roles_required(*REVIEW_ROLES)
def edit(campaign_id: int):
    campaign = _campaign_or_404(campaign_id)
    locked = frozenset(departments_with_plans(campaign))
    if request.method == "GET":
        form = CampaignForm(obj=campaign)
        _prepare(form, campaign)
        form.departments.data = [d.id for d in campaign.invited_departments]
        return _render_form(form, campaign, locked=locked)
    form = CampaignForm()
    departments = _prepare(form, campaign)
    if not form.validate():
        return _render_form(form, campaign, status=422, locked=locked)
    campaign = locked_campaign(campaign_id)
    try:
        update_campaign(
            campaign,
            form.campaign_data(),
            _chosen(form, departments),
            current_user,
            form.version.data,
        )
    except Conflict as error:
        discard()
        campaign = _campaign_or_404(campaign_id)
        attach(form, error)
        form.version.data = campaign.version
        return _render_form(form, campaign, status=409, locked=locked, current=campaign)
    except Refusal as error:
        discard()
        status = attach(form, error)
        return _render_form(form, _campaign_or_404(campaign_id), status=status, locked=locked)
    flash(_("The campaign has been saved."), "success")
    return redirect(url_for("campaigns.view", campaign_id=campaign_id))


def _redirect(url: str):
    """After an action: a redirect, or for htmx (the confirmation step) a client redirect."""
    if is_htmx():
        response = make_response("", 204)
        response.headers["HX-Redirect"] = url
        return response
    return redirect(url)


@bp.route("/campaigns/<int:campaign_id>/open", methods=["POST"])
@roles_required(*REVIEW_ROLES)
def open_(campaign_id: int):
    campaign = locked_campaign(campaign_id)
    if campaign is None:
        abort(404)
    created = open_campaign(campaign, actor=current_user)
    flash(_("The campaign %(year)s is open.", year=campaign.year), "success")
    if created:
        flash(
            ngettext(
                "%(num)d plan has been created.", "%(num)d plans have been created.", len(created)
            ),
            "success",
        )
    return _redirect(url_for("campaigns.view", campaign_id=campaign_id))


@bp.route("/campaigns/<int:campaign_id>/close", methods=["POST"])
@roles_required(*REVIEW_ROLES)
def close(campaign_id: int):
    campaign = locked_campaign(campaign_id)
    if campaign is None:
        abort(404)
    close_campaign(campaign, actor=current_user)
    flash(
        _(
            "The campaign %(year)s is closed: officers can no longer change their plans.",
            year=campaign.year,
        ),
        "success",
    )
    return _redirect(url_for("campaigns.view", campaign_id=campaign_id))
