"""Indicators of a project (issue 16): label in both languages, unit, baseline, target and the
value reached each year; the officer changes them while the plan is editable and records values
then and after approval; staff read; another department's officer gets a 404."""

import html

import pytest
import sqlalchemy as sa

from digiweb.audit.models import AuditLog
from digiweb.errors import Refusal
from digiweb.extensions import db
from digiweb.plans import indicators
from digiweb.plans.models import Indicator, IndicatorValue, Plan, PlanStatus, Project

HX = {"HX-Request": "true"}


def _plan(status: PlanStatus) -> Plan:
    return db.session.scalar(
        sa.select(Plan).where(Plan.status == status).join(Plan.projects).order_by(Plan.id).limit(1)
    )


def _officer(as_user, plan: Plan, lang="fr"):
    return as_user(f"officer-{plan.department.code.lower()}", lang=lang)


def _indicator_form(**values) -> dict:
    form = {"label_ar": "نسبة الطلبات عبر الإنترنت", "label_fr": "Part des demandes en ligne"}
    form.update({"unit": "%", "baseline": "0", "target": "60"})
    form.update(values)
    return form


@pytest.mark.parametrize(
    ("text", "number"),
    [("1 250", 1250.0), ("12,5", 12.5), ("12.5", 12.5), ("١٢٫٥", 12.5), ("60 %", 60.0), ("", None)],
)
def test_numbers_are_read_as_people_write_them(text, number):
    assert indicators.parse_number(text) == number


@pytest.mark.parametrize("text", ["abc", "1,2,3", "1e400", "12.5.1"])
def test_other_text_is_not_a_number(text):
    with pytest.raises(ValueError):
        indicators.parse_number(text)


def test_the_officer_adds_changes_and_deletes_an_indicator(demo_app, as_user):
    plan = _plan(PlanStatus.DRAFT)
    project = plan.projects[0]
    client = _officer(as_user, plan)
    page = client.get(f"/projects/{project.id}").get_data(as_text=True)
    assert 'id="indicators"' in page and "Ajouter un indicateur" in page
    response = client.post(f"/projects/{project.id}/indicators", data=_indicator_form(), headers=HX)
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "<html" not in body and "Part des demandes en ligne" in body
    indicator = db.session.scalars(
        sa.select(Indicator).where(
            Indicator.project_id == project.id, Indicator.label_fr == "Part des demandes en ligne"
        )
    ).one()
    assert (indicator.unit, indicator.baseline, indicator.target) == ("%", 0.0, 60.0)
    # changed with its version; an old version is refused
    data = _indicator_form(target="75,5", version=indicator.version)
    assert client.post(f"/indicators/{indicator.id}", data=data).status_code == 303
    assert db.session.get(Indicator, indicator.id).target == 75.5
    stale = client.post(f"/indicators/{indicator.id}", data=data, headers=HX)
    assert stale.status_code == 409
    # a value reached while the plan is editable
    version = db.session.get(Indicator, indicator.id).version
    response = client.post(
        f"/indicators/{indicator.id}/values",
        data={"year": "2021", "value": "12", "version": version},
        headers=HX,
    )
    assert response.status_code == 200
    assert db.session.get(Indicator, indicator.id).value_of(2021) == 12.0
    version = db.session.get(Indicator, indicator.id).version
    indicator_id = indicator.id
    response = client.post(f"/indicators/{indicator_id}/delete", data={"version": version})
    assert response.status_code == 303
    db.session.expire_all()
    assert db.session.get(Indicator, indicator_id) is None
    assert db.session.scalar(sa.select(sa.func.count()).select_from(IndicatorValue)) == sum(
        len(i.values) for i in db.session.scalars(sa.select(Indicator))
    )
    actions = set(
        db.session.scalars(
            sa.select(AuditLog.action).where(
                AuditLog.entity_type == "project", AuditLog.entity_id == project.id
            )
        )
    )
    assert {
        "indicator_added",
        "indicator_updated",
        "indicator_value",
        "indicator_deleted",
    } <= actions
    history = client.get(f"/projects/{project.id}").get_data(as_text=True)
    assert "Indicateur ajouté" in history


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"label_ar": "", "label_fr": ""}, "Nommez l'indicateur en arabe ou en français."),
        ({"target": "beaucoup"}, "Saisissez un nombre"),
        ({"unit": "x" * 41}, "41"),
    ],
)
def test_a_wrong_indicator_is_refused_and_nothing_is_saved(demo_app, as_user, values, message):
    plan = _plan(PlanStatus.DRAFT)
    project = plan.projects[0]
    count = sa.select(sa.func.count(Indicator.id)).where(Indicator.project_id == project.id)
    before = db.session.scalar(count)
    response = _officer(as_user, plan).post(
        f"/projects/{project.id}/indicators", data=_indicator_form(**values)
    )
    assert response.status_code == 422
    if message != "41":
        assert message in html.unescape(response.get_data(as_text=True))
    assert db.session.scalar(count) == before


def test_after_approval_the_officer_records_values_only(demo_app, as_user):
    indicator = db.session.scalar(
        sa.select(Indicator)
        .join(Project)
        .join(Plan)
        .where(Plan.status == PlanStatus.APPROVED)
        .order_by(Indicator.id)
    )
    assert indicator is not None  # the demo gives the approved plans' projects a few
    project = db.session.get(Project, indicator.project_id)
    plan = project.plan
    client = _officer(as_user, plan)
    page = client.get(f"/projects/{project.id}").get_data(as_text=True)
    assert "Enregistrer la valeur" in page and "Ajouter un indicateur" not in page
    response = client.post(f"/projects/{project.id}/indicators", data=_indicator_form())
    assert response.status_code == 403
    response = client.post(
        f"/indicators/{indicator.id}/values",
        data={"year": "2022", "value": "31,5", "version": indicator.version},
    )
    assert response.status_code == 303
    assert db.session.get(Indicator, indicator.id).value_of(2022) == 31.5
    response = client.post(
        f"/indicators/{indicator.id}/values",
        data={
            "year": "1999",
            "value": "3",
            "version": db.session.get(Indicator, indicator.id).version,
        },
    )
    assert response.status_code == 422


@pytest.mark.parametrize("username", ["reviewer", "viewer", "admin"])
def test_staff_read_the_indicators_and_change_nothing(demo_app, as_user, username):
    indicator = db.session.scalar(sa.select(Indicator).order_by(Indicator.id))
    client = as_user(username, lang="fr")
    page = client.get(f"/projects/{indicator.project_id}").get_data(as_text=True)
    assert indicator.label_fr in page and "Enregistrer la valeur" not in page
    for url, data in (
        (f"/indicators/{indicator.id}/values", {"year": "2021", "value": "1", "version": "1"}),
        (f"/indicators/{indicator.id}", _indicator_form(version="1")),
        (f"/indicators/{indicator.id}/delete", {"version": "1"}),
        (f"/projects/{indicator.project_id}/indicators", _indicator_form()),
    ):
        assert client.post(url, data=data).status_code == 403, url


def test_another_departments_officer_gets_a_404(demo_app, as_user):
    indicator = db.session.scalar(sa.select(Indicator).order_by(Indicator.id))
    project = db.session.get(Project, indicator.project_id)
    code = "MJ" if project.department.code != "MJ" else "MF"
    client = as_user(f"officer-{code.lower()}")
    assert client.get(f"/projects/{project.id}/indicators").status_code == 404
    data = {"year": "2021", "value": "1", "version": indicator.version}
    assert client.post(f"/indicators/{indicator.id}/values", data=data).status_code == 404


def test_the_services_refuse_what_the_routes_do(demo_app):
    from digiweb.auth.models import User

    indicator = db.session.scalar(sa.select(Indicator).order_by(Indicator.id))
    project = db.session.get(Project, indicator.project_id)
    reviewer = db.session.scalar(sa.select(User).where(User.username == "reviewer"))
    with demo_app.test_request_context("/"):
        with pytest.raises(Refusal) as refused:
            indicators.record_value(indicator, project, reviewer, 2021, 3, indicator.version)
        assert refused.value.status == 403
        with pytest.raises(Refusal) as refused:
            indicators.add_indicator(project, reviewer, _indicator_form())
        assert refused.value.status == 403


def test_the_demo_has_a_few_indicators_with_values(demo_app):
    rows = db.session.execute(
        sa.select(Indicator, Plan.status)
        .join(Project, Project.id == Indicator.project_id)
        .join(Plan, Plan.id == Project.plan_id)
        .order_by(Indicator.id)
    ).all()
    assert 3 <= len(rows) <= 20
    assert all(row.label_ar and row.label_fr for row, _status in rows)
    approved = [row for row, status in rows if status == PlanStatus.APPROVED]
    drafts = [row for row, status in rows if status == PlanStatus.DRAFT]
    assert approved and all(row.values for row in approved)
    assert drafts and not any(row.values for row in drafts)
