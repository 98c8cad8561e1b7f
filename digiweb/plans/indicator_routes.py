"""The indicators of a project (issue 16), on its page: add, change, delete, record the value
reached in a year. Each POST answers the indicators' section to htmx, or redirects to the
project page; a refused form is shown again (the section, or its own page without JavaScript).
Rules in digiweb.plans.indicators."""

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from digiweb.errors import Refusal
from digiweb.extensions import db
from digiweb.htmx import is_htmx, render
from digiweb.i18n import fmt_number
from digiweb.plans import bp, indicators
from digiweb.plans.forms import IndicatorForm, IndicatorValueForm
from digiweb.plans.models import Indicator, Project
from digiweb.projects.schema import MATURITY_FIELDS
from digiweb.security import visible_or_404
from digiweb.transaction import discard


@bp.app_context_processor
def indicator_globals():
    """The project page's indicators and maturity fields (issue 16)."""
    return {
        "maturity_fields": MATURITY_FIELDS,
        "indicator_panel": lambda project: indicators.indicator_panel(project, current_user),
        "indicator_form": _indicator_form,
        "indicator_value_form": _value_form,
        "fnumber_decimal": _decimal,
    }


def _decimal(value) -> str:
    """An indicator's number as the pages write numbers (1 250, 12,5); "—" when not given."""
    return "—" if value is None else fmt_number(value)


def _indicator_form(indicator: Indicator | None = None) -> IndicatorForm:
    if indicator is None:
        return IndicatorForm(formdata=None)
    return IndicatorForm(
        formdata=None,
        data={
            "label_ar": indicator.label_ar,
            "label_fr": indicator.label_fr,
            "unit": indicator.unit,
            "baseline": _plain(indicator.baseline),
            "target": _plain(indicator.target),
            "version": indicator.version,
        },
    )


def _plain(value) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def _value_form(indicator: Indicator, project: Project, formdata=None) -> IndicatorValueForm:
    form = IndicatorValueForm(formdata=formdata)
    form.year.choices = [
        SelectChoice(str(year), str(year)) for year in indicators.value_years(project)
    ]
    if formdata is None:
        year = indicators.default_year(project)
        form.year.data = str(year)
        form.value.data = _plain(indicator.value_of(year))
        form.version.data = indicator.version
    return form


def _indicator(indicator_id: int) -> tuple[Indicator, Project]:
    indicator = db.session.get(Indicator, indicator_id)
    if indicator is None:
        abort(404)
    return indicator, visible_or_404(Project, indicator.project_id)


def _section(project: Project, status: int = 200, **extra):
    return render(
        "plans/indicators.html",
        "plans/_indicators.html",
        status=status,
        project=project,
        indicators_view=indicators.indicator_panel(project, current_user),
        **extra,
    )


def _done(project: Project, notice: str):
    if is_htmx():
        return _section(project, indicator_notice=notice)
    flash(notice, "info")
    return redirect(url_for("plans.project", project_id=project.id) + "#indicators", 303)


def _refused(project_id: int, error: Refusal, form, form_for):
    discard()
    project = db.session.get(Project, project_id)
    return _section(project, error.status, iform=form, iform_for=form_for, indicator_error=error)


@bp.get("/projects/<int:project_id>/indicators")
def project_indicators(project_id: int):
    return _section(visible_or_404(Project, project_id))


@bp.post("/projects/<int:project_id>/indicators")
def add_indicator(project_id: int):
    project = visible_or_404(Project, project_id)
    if not indicators.can_edit_indicators(current_user, project):
        abort(403)
    form = IndicatorForm()
    if not form.validate():
        return _section(project, 422, iform=form, iform_for="new")
    try:
        indicators.add_indicator(project, current_user, form.indicator_data())
    except Refusal as error:
        return _refused(project_id, error, form, "new")
    return _done(project, _("The indicator has been added."))


@bp.post("/indicators/<int:indicator_id>")
def update_indicator(indicator_id: int):
    indicator, project = _indicator(indicator_id)
    if not indicators.can_edit_indicators(current_user, project):
        abort(403)
    form = IndicatorForm()
    if not form.validate():
        return _section(project, 422, iform=form, iform_for=indicator.id)
    try:
        indicators.update_indicator(
            indicator, project, current_user, form.indicator_data(), form.version.data
        )
    except Refusal as error:
        return _refused(project.id, error, form, indicator_id)
    return _done(project, _("The indicator has been saved."))


@bp.post("/indicators/<int:indicator_id>/delete")
def delete_indicator(indicator_id: int):
    indicator, project = _indicator(indicator_id)
    if not indicators.can_edit_indicators(current_user, project):
        abort(403)
    form = IndicatorForm()
    try:
        indicators.delete_indicator(indicator, project, current_user, form.version.data)
    except Refusal as error:
        return _refused(project.id, error, None, None)
    return _done(project, _("The indicator has been deleted."))


@bp.post("/indicators/<int:indicator_id>/values")
def record_indicator_value(indicator_id: int):
    indicator, project = _indicator(indicator_id)
    if not indicators.can_record_values(current_user, project):
        abort(403)
    form = _value_form(indicator, project, formdata=request.form)
    try:
        indicators.record_value(
            indicator, project, current_user, form.year.data, form.value.data, form.version.data
        )
    except Refusal as error:
        return _refused(project.id, error, form, f"value-{indicator_id}")
    return _done(project, _("The value reached has been recorded."))
