"""Every consumer of a project's fields covers the fields the schema declares: a field added to
digiweb.projects.schema and forgotten somewhere fails here."""

from datetime import date

import pytest
from markupsafe import Markup

from digiweb.demo import data as demo_data
from digiweb.plans import services as plan_services
from digiweb.plans import spreadsheet
from digiweb.plans.forms import ProjectForm
from digiweb.plans.presenters import EMPTY, display_value
from digiweb.projects import exports
from digiweb.projects import services as project_services
from digiweb.projects.schema import BY_NAME, EXPORTED, NAMES, PROJECT_SCHEMA
from digiweb.review import services as review_services

SAMPLES = {
    "text": "Plateforme",
    "longtext": "Une description",
    "technologies": ["cloud"],
    "progress": 40,
    "date": date(2021, 3, 25),
    "amount": 1250000,
    "level": 3,
    "boolean": False,
    "count": 12500,
    "percent": 40,
}


def sample(spec):
    if spec.kind == "enum":
        return next(iter(spec.enum)).value
    return SAMPLES[spec.kind]


def test_the_form_has_every_field_and_nothing_else(app):
    with app.test_request_context("/"):
        form = ProjectForm(formdata=None)
        fields = {name for name in form._fields if name not in ("version", "csrf_token")}
    assert fields == set(NAMES)


def test_the_form_limits_every_text_field_as_declared(app):
    with app.test_request_context("/", method="POST", data={}):
        for spec in PROJECT_SCHEMA:
            if not spec.is_text:
                continue
            form = ProjectForm(
                formdata=None, data={"title_fr": "T", spec.name: "x" * (spec.max_length + 1)}
            )
            form.validate()
            assert form[spec.name].errors, spec.name
            assert spec.max_length < 32767  # a spreadsheet cell holds at most 32,767


def test_the_spreadsheet_has_a_column_per_field_in_the_schemas_order():
    fields = [column.field for column in spreadsheet.COLUMNS]
    assert fields == ["reference", *NAMES, "version"]
    assert set(NAMES) <= set(spreadsheet.DESCRIPTIONS)


def test_the_plan_rules_read_the_schema():
    assert plan_services.PROJECT_FIELDS == NAMES
    assert set(plan_services.REQUIRED_FOR_SENDING) <= set(NAMES)
    assert set(plan_services.ENUM_FIELDS) == {s.name for s in PROJECT_SCHEMA if s.kind == "enum"}
    assert {s.name for s in PROJECT_SCHEMA if s.is_text} == set(plan_services.TEXT_LIMITS)
    for name in NAMES:
        assert plan_services.FIELD_LABELS[name] is BY_NAME[name].label


def test_the_review_diff_compares_every_field():
    assert set(NAMES) <= set(review_services.PROJECT_FIELDS)


def test_the_exports_have_a_column_per_exported_field(app):
    with app.test_request_context("/?lang=fr"):
        headers = exports.headers()
    assert len(EXPORTED) == len(exports.EXPORTED_FIELDS)
    assert set(exports.EXPORTED_FIELDS) == set(EXPORTED)
    query = {column.key for column in exports._QUERY_COLUMNS}
    assert set(EXPORTED) - {"technologies"} <= query  # technologies come from their own table
    assert len(headers) == len(exports.COLUMNS)


def test_the_list_loads_every_field_it_shows():
    loaded = {column.key for column in project_services.LIST_COLUMNS}
    shown = set(EXPORTED) - {"technologies", "budget_dzd", "funding_source"}
    assert shown <= loaded


@pytest.mark.parametrize("spec", PROJECT_SCHEMA, ids=lambda s: s.name)
def test_every_field_reads_as_users_read_it(app, spec):
    with app.test_request_context("/?lang=fr"):
        shown = display_value(spec.name, sample(spec))
    assert shown not in (EMPTY, "")
    if spec.kind == "enum":
        assert shown == str(spec.enum(sample(spec)).label)
    if spec.kind == "date":
        assert shown == "25/03/2021"
    if spec.kind == "level":
        assert shown == "3 · Soumission en ligne"
    if spec.kind == "boolean":
        assert shown == "Non"
    assert isinstance(shown, str | Markup)


def test_every_kind_has_a_cell_reader_and_a_number_its_maximum():
    for spec in PROJECT_SCHEMA:
        column = spreadsheet.COLUMN_BY_FIELD[spec.name]
        assert hasattr(spreadsheet._CellReader, f"_{column.kind}"), spec.name
        if spec.kind in ("level", "count", "percent"):
            assert spec.maximum is not None, spec.name
        if spec.kind == "level":
            assert spec.levels, spec.name


def test_the_demo_data_gives_every_field():
    project = demo_data.demo_projects()[0]
    assert set(NAMES) <= set(project)
