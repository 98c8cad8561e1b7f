"""Text hygiene at the boundary (issue 13): what users write is cleaned once (NFC, bidi controls
removed) and refused with a clear message when it holds a control character (NUL, C0 but tab
and line feed where a field is multi-line, DEL, C1), on every form (digiweb.forms.BaseForm),
in the spreadsheet import and in the services that take text from elsewhere; every text field
has one limit, below a spreadsheet cell's 32,767 characters; searches never send a NUL to the
database; exports never fail on a control character stored before (legacy data)."""

import html
import io
import re

import pytest
import sqlalchemy as sa
from flask_wtf import FlaskForm
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from wtforms import HiddenField, PasswordField, StringField
from wtforms.fields.core import UnboundField
from wtforms.validators import Length

from digiweb.errors import Refusal
from digiweb.extensions import db
from digiweb.forms import BaseForm
from digiweb.i18n import (
    CONTROL_CHARACTERS,
    clean_text,
    control_character_problem,
    normalize_search,
    spreadsheet_text,
)
from digiweb.plans.forms import WholeNumberField
from digiweb.plans.models import PlanStatus, Project
from tests.factories import client_as, make_project, make_world
from tests.plans.helpers import complete_values, project_form

SPREADSHEET_CELL = 32_767
CONTROLS = ["\x00", "\x01", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85", "\x9b", "\uffff"]


def page(response) -> str:
    return html.unescape(response.get_data(as_text=True))


# --- the cleaning itself ------------------------------------------------------------------------


def test_clean_text_normalises_removes_bidi_and_keeps_control_characters_for_the_check():
    assert clean_text("e\u0301\u202e1202\u202c") == "é1202"
    assert clean_text("a\tb\r\nc") == "a b c"
    assert clean_text("a\tb\r\nc\rd", multiline=True) == "a\tb\nc\nd"
    assert clean_text("a\x00b") == "a\x00b"  # refused by the check, never silently dropped


@pytest.mark.parametrize("character", CONTROLS)
def test_every_control_character_is_named_with_its_place(app, character):
    with app.test_request_context("/?lang=fr"):
        problem = control_character_problem(f"abc{character}d")
    assert f"U+{ord(character):04X}" in problem and "caractère 4" in problem


def test_tab_and_line_feed_pass_where_a_field_keeps_them(app):
    with app.test_request_context():
        assert control_character_problem("ligne 1\n\tligne 2") is None
        assert control_character_problem("مشروع «رقمي» 2021 — é ñ 😀") is None
        assert control_character_problem(None) is None


def test_what_a_spreadsheet_refuses_is_removed_from_exports():
    refused = [chr(c) for c in range(0x10000) if ILLEGAL_CHARACTERS_RE.match(chr(c))]
    assert refused and all(CONTROL_CHARACTERS.match(c) for c in refused)
    assert spreadsheet_text("a\x0bb\x00c\x7f") == "abc"
    assert spreadsheet_text("ligne\n\tsuite") == "ligne\n\tsuite"
    assert spreadsheet_text(12) == 12


def test_search_folding_never_keeps_a_control_character():
    assert normalize_search("\x00منصة\x0bرقمية\x00") == "منصه رقميه"
    assert not CONTROL_CHARACTERS.search(normalize_search("".join(CONTROLS)))


# --- every form ---------------------------------------------------------------------------------


def _form_classes(app) -> list[type]:
    classes, stack = [], list(FlaskForm.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if cls.__module__.startswith("digiweb"):
            classes.append(cls)
    return sorted(set(classes), key=lambda cls: f"{cls.__module__}.{cls.__name__}")


def test_every_form_of_the_app_is_a_base_form(app):
    forms = _form_classes(app)
    assert len(forms) > 25
    assert [f"{c.__module__}.{c.__name__}" for c in forms if not issubclass(c, BaseForm)] == []


def _text_fields(cls):
    for name in dir(cls):
        unbound = getattr(cls, name, None)
        if not isinstance(unbound, UnboundField):
            continue
        field_class = unbound.field_class
        if not issubclass(field_class, StringField) or issubclass(
            field_class, PasswordField | HiddenField | WholeNumberField
        ):
            continue
        validators = unbound.kwargs.get("validators")
        if validators is None and len(unbound.args) > 1:
            validators = unbound.args[1]
        yield name, list(validators or ())


def test_every_text_field_has_one_limit_below_a_spreadsheet_cell(app):
    unbounded, walked = [], 0
    for cls in _form_classes(app):
        for name, validators in _text_fields(cls):
            walked += 1
            limits = [v.max for v in validators if isinstance(v, Length) and v.max >= 0]
            if len(limits) != 1 or not 0 < limits[0] < SPREADSHEET_CELL:
                unbounded.append(f"{cls.__name__}.{name}: {limits}")
    assert walked > 40
    assert unbounded == []


def test_a_form_checks_and_cleans_every_text_field(app):
    """Bound, each text field has the check first and the cleaning first; hidden fields the
    check only; passwords neither."""
    from digiweb.auth.forms import ChangePasswordForm, LoginForm
    from digiweb.forms import no_control_characters
    from digiweb.meetings.forms import FollowUpForm

    with app.test_request_context(method="POST", data={"username": "a\u202eb"}):
        login = LoginForm(meta={"csrf": False})
        assert login.username.data == "ab"
        assert login.username.validators[0] is no_control_characters
        assert no_control_characters not in login.password.validators
        assert no_control_characters not in ChangePasswordForm().password.validators
        follow_up = FollowUpForm(meta={"csrf": False})
        assert follow_up.next.validators[0] is no_control_characters
        assert follow_up.note.filters[0].__name__ == "clean_multiline"


# --- through the pages ----------------------------------------------------------------------


@pytest.fixture
def world(app):
    with app.test_request_context():
        world = make_world(2030)
        world.add(project=make_project(world.plan_mf, title_fr="Plateforme de paiement"))
        db.session.commit()
        yield world


def _fingerprint() -> list:
    return list(db.session.execute(sa.select(Project.id, Project.version, Project.title_fr)))


@pytest.mark.parametrize(
    ("field", "value", "lang", "message"),
    [
        (
            "title_fr",
            "Plate\x0bforme",
            "fr",
            "caractère de contrôle invisible (U+000B, caractère 6)",
        ),
        ("title_ar", "منصة\x00رقمية", "ar", "(U+0000،"),
        ("summary_fr", "Résumé\x1b[31m", "fr", "(U+001B, caractère 7)"),
        ("partners", "Ministère\x7f", "fr", "(U+007F, caractère 10)"),
        ("procedure_fr", "Ac\x85te", "fr", "(U+0085, caractère 3)"),
    ],
)
def test_a_control_character_is_refused_next_to_its_field_and_the_input_kept(
    app, world, field, value, lang, message
):
    client = client_as(app, "officer-mf", lang)
    before = _fingerprint()
    response = client.post(
        f"/plans/{world.plan_mf.id}/projects", data=project_form("new", **{field: value})
    )
    assert response.status_code == 422
    body = page(response)
    block = re.search(rf'id="field-new-{field}">(.*?)</div>', body, re.S)
    assert block and message in block.group(1), body[-3000:]
    assert value.replace("\x00", "\ufffd") in body or value in body  # kept as typed
    assert _fingerprint() == before


def test_text_is_saved_in_nfc_without_bidi_controls_tabs_kept_where_multiline(app, world):
    client = client_as(app, "officer-mf", "fr")
    values = complete_values(
        title_fr="Cafe\u0301 \u202enumérique\u202c\tpour tous",
        summary_fr="Ligne 1\r\n\tLigne 2",
    )
    response = client.post(
        f"/plans/{world.plan_mf.id}/projects", data=project_form("new", **values)
    )
    assert response.status_code in (200, 201, 302, 303), page(response)[-2000:]
    project = db.session.scalar(sa.select(Project).where(Project.title_fr.like("Café%")))
    assert project.title_fr == "Café numérique pour tous"
    assert project.summary_fr == "Ligne 1\n\tLigne 2"


def test_a_nul_in_the_login_name_is_a_422_not_a_server_error(app):
    with app.test_request_context():
        make_world(2030)
        db.session.commit()
    client = client_as(app, None, "fr")
    response = client.post("/login", data={"username": "officer-mf\x00", "password": "x" * 12})
    assert response.status_code == 422  # the form's check, before any query
    assert "U+0000" in page(response)


@pytest.mark.parametrize(
    "url",
    [
        "/projects?q=%00",
        "/projects?q=%00%0b%1b&year=all",
        "/projects?q=a%00b&sort=title",
        "/admin/departments?q=%00",
        "/admin/users?q=%00",
        "/api/v1/projects?q=%00",
        "/admin/audit?actor=%00&action=%00&entity_type=%00&ip=%00",
        "/admin/audit.jsonl?actor=a%00b&ip=%1b",
    ],
)
def test_a_search_with_control_characters_answers(app, world, url):
    """A NUL in a search or a filter never reaches the database (PostgreSQL refuses it: the
    audit page's filters answered 500): the search folding and `query_text` drop it."""
    response = client_as(app, "admin", "fr").get(url)
    response.get_data()  # a streamed export fails while it is read
    assert response.status_code in (200, 422), (url, response.status_code)


def test_remarks_posted_beside_the_form_are_checked_by_the_service(app):
    from digiweb.review.services import _clean_text

    with app.test_request_context("/?lang=fr"):
        assert _clean_text(" Remarque\u202e\r\n\tsuite ") == "Remarque\n\tsuite"
        with pytest.raises(Refusal) as refused:
            _clean_text("Remarque\x00")
        assert "U+0000" in refused.value.message and refused.value.status == 422


# --- exports never break on what is stored ----------------------------------------------------


def _store_raw(project_id: int, **values) -> None:
    """Values written past the application, as legacy data may hold them."""
    db.session.execute(sa.update(Project).where(Project.id == project_id).values(**values))
    db.session.commit()


def test_exports_answer_with_a_control_character_stored_in_a_title(app, world):
    """A title holding \\x0b (accepted before this check existed) made /projects.xlsx answer
    500 for every reviewer and viewer: the exports now write it without the character."""
    with app.test_request_context():
        project = make_project(world.plan_mj, title_fr="Bracelet")
        world.plan_mj.status = PlanStatus.SUBMITTED  # sent: in the consolidated list
        db.session.commit()
        project_id = project.id
    _store_raw(project_id, title_fr="Brace\x0blet\x01 électronique", partners="A\x0cB")
    client = client_as(app, "reviewer", "fr")
    response = client.get("/projects.xlsx?year=2030")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.get_data())).active
    values = [value for row in sheet.iter_rows(values_only=True) for value in row]
    assert "Bracelet électronique" in values

    response = client.get("/projects.csv?year=2030")
    assert response.status_code == 200
    assert "Bracelet électronique" in response.get_data(as_text=True)

    response = client.get(f"/plans/{world.plan_mj.id}/spreadsheet.xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.get_data()))
    values = [value for row in workbook.worksheets[0].iter_rows(values_only=True) for value in row]
    assert "Bracelet électronique" in values and "AB" in values
