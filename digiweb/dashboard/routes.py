"""/dashboard: the consolidated figures of a campaign, its charts and the generated summary.

Reviewers, viewers and administrators see every department (officers get 403: their own
figures are on their plan's page and in the API). Filters go through the query string, so a
filtered dashboard is a link; htmx replaces only the figures (`dashboard/_body.html`).
"""

from flask import request, url_for
from flask_babel import gettext as _
from markupsafe import Markup

from digiweb.auth.models import STAFF_ROLES
from digiweb.cache import cached, cached_html
from digiweb.campaigns.services import current_campaign
from digiweb.dashboard import bp
from digiweb.dashboard.charts import bar_chart, bar_svg, donut_chart, fmt_percent
from digiweb.dashboard.forms import DashboardFilterForm
from digiweb.dashboard.maturity import LEVELS, maturity_figures, maturity_over_the_years
from digiweb.dashboard.services import consolidated_stats, structure, year_over_year
from digiweb.dashboard.summary import summary_text
from digiweb.htmx import is_htmx, render
from digiweb.i18n import fmt_amount, language, text_direction
from digiweb.plans.models import (
    SENT_STATUSES,
    PlanStatus,
    ProjectKind,
    ProjectStatus,
    Rating,
    Target,
    Technology,
)
from digiweb.projects.schema import level_label
from digiweb.review.ratings import ratings_matrix
from digiweb.security import roles_required


@bp.app_template_filter("fpercent")
def percent_filter(part, whole):
    return fmt_percent(part, whole)


def projects_url(**params) -> str:
    """The project list filtered to what a figure counts (empty parameters dropped)."""
    params = {k: v for k, v in params.items() if v not in (None, "")}
    return url_for("projects.index", **params)


def plans_url(**params) -> str:
    """The plans board filtered by plan status (empty parameters dropped)."""
    params = {k: v for k, v in params.items() if v not in (None, "")}
    return url_for("review.board", **params)


def _filter_form(years: list[int], departments: list):
    args = request.args.copy()
    for name in ("year", "department", "target"):
        if not (args.get(name) or "").strip():
            args.pop(name, None)
    default = None if "year" in args else _current_year(years)
    return DashboardFilterForm(
        args,
        years=years,
        departments=departments,
        year=str(default) if default else None,
    )


def _status_for(form) -> int:
    """404 for a well-formed year without a campaign (and nothing else wrong), else 400."""
    return 404 if form.unknown_year and len(form.errors) == 1 else 400


def _item(label, value, href=None):
    return {"label": label, "value": value, "href": href}


def _charts(stats: dict, link: dict) -> dict:
    """The dashboard's charts; every value links to the projects it counts."""
    targets = stats["by_target_detail"]
    target_items = [
        _item(t.label, targets[t.value], projects_url(**{**link, "target": t.value}))
        for t in Target
    ]
    if targets.get("none"):
        target_items.append(_item(_("Not specified"), targets["none"]))
    budgets = stats["budget_by_target"]
    budget_items = [
        _item(t.label, budgets.get(t.value, 0), projects_url(**{**link, "target": t.value}))
        for t in Target
    ]
    if budgets.get("none"):
        budget_items.append(_item(_("Not specified"), budgets["none"]))

    def by(enum, counts, param):
        items = [
            _item(m.label, counts.get(m.value, 0), projects_url(**{**link, param: m.value}))
            for m in enum
        ]
        if counts.get("none"):
            items.append(_item(_("Not specified"), counts["none"]))
        return items

    return {
        "target_donut": donut_chart(
            target_items, title=_("Projects by target"), chart_id="chart-target"
        ),
        "target_budget": bar_chart(
            budget_items,
            title=_("Budget by target"),
            label_header=_("Target"),
            value_header=_("Budget"),
            value_format=fmt_amount,
            chart_id="chart-budget",
        ),
        "kind": bar_chart(
            by(ProjectKind, stats["by_kind"], "kind"),
            title=_("Projects by kind"),
            label_header=_("Kind"),
            chart_id="chart-kind",
        ),
        "technology": bar_chart(
            by(Technology, stats["by_technology"], "technology"),
            title=_("Projects by technology"),
            label_header=_("Technology"),
            total=stats["projects"],
            chart_id="chart-technology",
        ),
        "plans": bar_chart(
            [
                _item(
                    s.label,
                    stats["plans_by_status"][s.value],
                    plans_url(year=stats["year"], status=s.value),
                )
                for s in PlanStatus
            ],
            title=_("Plans by status"),
            label_header=_("Status"),
            value_header=_("Departments"),
            total=stats["departments_invited"],
            chart_id="chart-plans",
        ),
        "status": bar_chart(
            by(ProjectStatus, stats["by_status"], "status"),
            title=_("Projects by status"),
            label_header=_("Status"),
            chart_id="chart-status",
        ),
    }


def _department_rows(stats: dict, link: dict) -> list[dict]:
    """Departments with the most projects first, those that have not sent their plan last."""
    rows = sorted(stats["by_department"], key=lambda d: (not d["sent"], -d["projects"], d["code"]))
    maximum = max((d["projects"] for d in rows), default=0)
    direction = text_direction()
    french = language() == "fr"
    return [
        {
            **row,
            "name": row["name_fr"] if french else row["name_ar"],
            "href": projects_url(**{**link, "department": row["code"]}),
            "bar": bar_svg(row["projects"], maximum, direction=direction, width=160),
        }
        for row in rows
    ]


def _sent_plan_ids(year: int, department_id: int | None) -> set[int] | None:
    """The ids of the year's sent plans of one department (None: every department)."""
    if department_id is None:
        return None
    info = structure()
    sent = {status.value for status in SENT_STATUSES}
    return {
        p.id
        for p in info.plans
        if p.campaign_id == info.years.get(year)
        and p.department_id == department_id
        and p.status in sent
    }


def _current_year(years: list[int]) -> int | None:
    """The year shown without a `year` parameter: the open campaign, else the latest (cached)."""

    def compute():
        campaign = current_campaign()
        return campaign.year if campaign else None

    return cached("dashboard.current_year", None, compute) if years else None


def _figures_html(year: int, department, target: str | None) -> Markup:
    """The rendered figures (`dashboard/_figures.html`) for a year and filters: rendered once
    per worker for a state of the data and a Viewer (role, department, language: see
    digiweb.cache.cached_html), from the cached aggregates."""
    department_id = department.id if department else None

    def context(viewer) -> dict:
        stats = consolidated_stats(year, department_id=department_id, target=target)
        # The summary tells the campaign (or the department's) story: the target filter does
        # not apply to it, or it would read "31 projects, of which 31 ... and 0 ...".
        overall = (
            consolidated_stats(year, department_id=department_id) if target is not None else stats
        )
        link = {"year": year, "department": department.code if department else None}
        link["target"] = target
        other_lang = "fr" if viewer.language == "ar" else "ar"
        history = year_over_year(department_id=department_id, target=target)
        maturity_history = maturity_over_the_years(department_id=department_id, target=target)
        return {
            "stats": stats,
            "department": department,
            "target": Target(target) if target else None,
            "link": link,
            "summary": summary_text(overall),
            "summary_other": summary_text(overall, other_lang),
            "summary_other_lang": other_lang,
            "charts": _charts(stats, link),
            "departments": _department_rows(stats, link),
            "history": history if len(history) > 1 else [],
            "projects_url": projects_url,
            "plans_url": plans_url,
            # Digital maturity and the two ratings (issue 16).
            "maturity": maturity_figures(year, department_id=department_id, target=target),
            "maturity_history": maturity_history if len(maturity_history) > 1 else [],
            "ratings": ratings_matrix(year, _sent_plan_ids(year, department_id), target),
            "level_labels": [level_label(level) for level in LEVELS],
            "rating_labels": {r.value: r.label for r in Rating},
            "target_labels": {**{t.value: t.label for t in Target}, "none": _("Not specified")},
        }

    key = (year, department_id, target)
    return cached_html("dashboard.figures", "dashboard/_figures.html", key, context)


@bp.get("/dashboard")
@roles_required(*STAFF_ROLES)
def index():
    info = structure()
    years = sorted(info.years, reverse=True)
    departments = list(info.departments)
    form = _filter_form(years, departments)
    context = {"form": form, "figures": None, "years": years}
    if not years:
        return render("dashboard/index.html", "dashboard/_body.html", **context)
    if not form.validate():
        return render(
            "dashboard/index.html", "dashboard/_body.html", status=_status_for(form), **context
        )
    year = int(form.year.data)
    department = next((d for d in departments if d.code == form.department.data), None)
    target = form.target.data or None
    context["figures"] = _figures_html(year, department, target)
    if not is_htmx():
        # Valid values: the form is the same for every request of these values (cached like
        # the figures).
        key = (year, form.department.data, target)
        context["filters"] = cached_html(
            "dashboard.filters",
            "dashboard/_filters.html",
            key,
            lambda _viewer: {"form": form, "years": years},
        )
    return render("dashboard/index.html", "dashboard/_body.html", **context)
