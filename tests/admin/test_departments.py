"""Departments admin: list with a live filter, create, edit (version checked), activate and
deactivate, every change audited."""

import re

import pytest
from sqlalchemy import text

from digiweb.admin import services
from digiweb.audit.models import AuditLog
from digiweb.departments.models import Department
from digiweb.errors import Conflict, Refusal
from digiweb.extensions import db
from tests.factories import make_department, make_user


def _department(code: str) -> Department:
    db.session.expire_all()
    return db.session.scalar(db.select(Department).where(Department.code == code))


def _audit(action: str, entity_id: int | None = None) -> list[AuditLog]:
    query = db.select(AuditLog).where(AuditLog.action == action).order_by(AuditLog.id)
    if entity_id is not None:
        query = query.where(AuditLog.entity_id == entity_id)
    return list(db.session.scalars(query))


def _row_codes(body: str) -> list[str]:
    return re.findall(r'<tr id="department-\d+">\s*<td><bdi>(\w+)</bdi>', body)


@pytest.fixture
def admin(as_user):
    return as_user("admin", lang="fr")


# --- list and filter -----------------------------------------------------------------------


def test_list_shows_every_department_with_both_names_and_officers(admin):
    response = admin.get("/admin/departments")
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert len(_row_codes(body)) == 34
    assert "34 départements" in body
    row = body[body.index("<bdi>MF</bdi>") :]
    row = row[: row.index("</tr>")]
    assert "وزارة المالية" in row and "Ministère des Finances" in row
    assert '<td class="num">1</td>' in row  # officer-mf
    assert "Actif" in row


def test_same_url_serves_page_or_fragment(admin):
    page = admin.get("/admin/departments?q=finances").get_data(as_text=True)
    fragment = admin.get("/admin/departments?q=finances", headers={"HX-Request": "true"})
    body = fragment.get_data(as_text=True)
    assert "<html" in page and "<html" not in body
    assert 'id="departments-results"' in page and 'id="departments-results"' not in body
    assert _row_codes(body) == _row_codes(page) == ["MF"]
    assert "HX-Request" in fragment.headers["Vary"]


def test_filter_input_is_wired_for_htmx_and_works_without_it(admin):
    body = admin.get("/admin/departments").get_data(as_text=True)
    search = re.search(r'<input type="search"[^>]*>', body, re.S).group(0)
    assert 'name="q"' in search
    assert 'hx-get="/admin/departments"' in search
    assert 'hx-trigger="input changed delay:300ms, search"' in search
    assert 'hx-target="#departments-results"' in search
    assert 'hx-push-url="true"' in search
    form = body[body.index('<form class="filters"') :]
    form = form[: form.index("</form>")]
    assert 'method="get"' in form and 'type="submit"' in form


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("mf", ["MF", "MFEP"]),  # code, any case
        ("المالية", ["MF"]),
        ("الماليه", ["MF"]),  # ة typed as ه
        ("اشغال", ["MTP"]),  # الأشغال typed without hamza
        ("finances", ["MF"]),
        ("energie", ["MEM", "MTEER"]),  # É folded
        ("ÉNERGIE", ["MEM", "MTEER"]),
        ("zzz", []),
    ],
)
def test_filter_matches_code_and_folded_names(admin, query, expected):
    body = admin.get("/admin/departments", query_string={"q": query}).get_data(as_text=True)
    assert _row_codes(body) == expected


def test_count_uses_the_arabic_plural_forms(as_user):
    client = as_user("admin", lang="ar")
    body = client.get("/admin/departments?q=MFEP").get_data(as_text=True)
    assert "دائرة وزارية واحدة" in body
    body = client.get("/admin/departments?q=MF").get_data(as_text=True)
    assert "دائرتان وزاريتان" in body
    body = client.get("/admin/departments?q=zzz").get_data(as_text=True)
    assert "لا توجد أي دائرة وزارية" in body
    body = client.get("/admin/departments").get_data(as_text=True)
    assert "34 دائرةً وزاريةً" in body


def test_list_queries_do_not_grow_with_departments(app, count_queries):
    for _ in range(3):
        make_department()
    with count_queries() as few:
        services.department_rows()
    for _ in range(20):
        make_user(department=make_department())
    with count_queries() as many:
        rows = services.department_rows()
    assert len(rows) == 23
    assert many.count == few.count


def test_officer_count_ignores_inactive_officers_and_other_roles(app):
    department = make_department("DX")
    make_user(department=department)
    make_user(department=department, active=False)
    (row,) = services.department_rows("DX")
    assert row.officers == 1


# --- create --------------------------------------------------------------------------------


def test_create_department_is_audited(admin):
    response = admin.post(
        "/admin/departments/new",
        data={"code": "mpx", "name_ar": "وزارة تجريبية", "name_fr": "Ministère d'essai"},
    )
    assert response.status_code == 302
    department = _department("MPX")
    assert department.name_fr == "Ministère d'essai" and department.active
    (entry,) = _audit("department_created", department.id)
    assert entry.actor_name == "admin"
    assert entry.changes == {
        "code": [None, "MPX"],
        "name_ar": [None, "وزارة تجريبية"],
        "name_fr": [None, "Ministère d'essai"],
    }


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"code": "MF"}, "Un autre département a déjà ce code."),
        ({"code": "M-F"}, "Utilisez uniquement des lettres majuscules et des chiffres"),
        ({"code": ""}, "Saisissez le code."),
        ({"name_ar": ""}, "Saisissez le nom en arabe."),
        ({"name_fr": "  "}, "Saisissez le nom en français."),
    ],
)
def test_create_refuses_bad_input_and_keeps_it(admin, data, message):
    entries = db.session.scalar(db.select(db.func.count(AuditLog.id)))
    form = {"code": "NEW1", "name_ar": "وزارة جديدة", "name_fr": "Ministère nouveau", **data}
    response = admin.post("/admin/departments/new", data=form)
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert message in body
    assert "وزارة جديدة" in body or data.get("name_ar") == ""
    assert db.session.scalar(db.select(db.func.count(Department.id))) == 34
    assert db.session.scalar(db.select(db.func.count(AuditLog.id))) == entries


@pytest.fixture
def request_context(app):
    """Services speak the user's language: they run inside a request."""
    with app.test_request_context():
        yield


def test_service_refuses_a_duplicate_code(app, request_context):
    make_department("AA")
    with pytest.raises(Refusal) as error:
        services.create_department("AA", "أ", "A")
    assert error.value.field == "code"


# --- edit ----------------------------------------------------------------------------------


def test_edit_form_shows_current_values_and_version(admin):
    mf = _department("MF")
    body = admin.get(f"/admin/departments/{mf.id}/edit").get_data(as_text=True)
    assert 'value="MF"' in body and "Ministère des Finances" in body
    assert f'name="version" type="hidden" value="{mf.version}"' in body


def test_edit_is_audited_with_old_and_new_values(admin):
    mf = _department("MF")
    response = admin.post(
        f"/admin/departments/{mf.id}/edit",
        data={
            "code": "MF",
            "name_ar": "وزارة المالية",
            "name_fr": "Ministère des Finances publiques",
            "version": mf.version,
        },
    )
    assert response.status_code == 302
    assert _department("MF").name_fr == "Ministère des Finances publiques"
    (entry,) = _audit("department_updated")
    assert entry.entity_type == "department" and entry.entity_id == mf.id
    assert entry.changes == {
        "name_fr": ["Ministère des Finances", "Ministère des Finances publiques"]
    }


def test_saving_without_change_writes_nothing(admin):
    mf = _department("MF")
    data = {"code": "MF", "name_ar": mf.name_ar, "name_fr": mf.name_fr, "version": mf.version}
    assert admin.post(f"/admin/departments/{mf.id}/edit", data=data).status_code == 302
    assert _department("MF").version == mf.version
    assert _audit("department_updated") == []


def test_edit_to_another_departments_code_is_refused(admin):
    mf = _department("MF")
    data = {"code": "MJ", "name_ar": mf.name_ar, "name_fr": mf.name_fr, "version": mf.version}
    response = admin.post(f"/admin/departments/{mf.id}/edit", data=data)
    assert response.status_code == 422
    assert "Un autre département a déjà ce code." in response.get_data(as_text=True)
    assert _department("MF") is not None


def test_stale_version_is_refused_with_both_values_shown(admin):
    mf = _department("MF")
    seen = mf.version
    # someone else renames it first
    mf.name_fr = "Ministère des Finances (nouveau nom)"
    db.session.commit()
    response = admin.post(
        f"/admin/departments/{mf.id}/edit",
        data={
            "code": "MF",
            "name_ar": mf.name_ar,
            "name_fr": "Finances (ma saisie)",
            "version": seen,
        },
    )
    assert response.status_code == 409
    body = response.get_data(as_text=True)
    assert "Ministère des Finances (nouveau nom)" in body  # what is saved now
    assert "Finances (ma saisie)" in body  # what the user typed, kept
    assert f'value="{seen + 1}"' in body  # saving again is a deliberate choice
    assert _department("MF").name_fr == "Ministère des Finances (nouveau nom)"
    assert _audit("department_updated") == []


def test_concurrent_save_between_check_and_write_is_a_conflict(app, request_context):
    department = make_department("CC")
    db.session.commit()
    seen = department.version
    db.session.execute(text("UPDATE departments SET version = version + 1 WHERE code = 'CC'"))
    with pytest.raises(Conflict) as conflict:
        services.update_department(department, seen, code="CC", name_ar="ب", name_fr="B")
    assert conflict.value.status == 409
    db.session.rollback()
    assert db.session.get(type(department), department.id).name_fr != "B"


def test_missing_department_is_404(admin):
    assert admin.get("/admin/departments/9999/edit").status_code == 404
    assert admin.post("/admin/departments/9999/deactivate").status_code == 404


# --- activate / deactivate -----------------------------------------------------------------


def test_deactivate_and_activate_are_audited(admin):
    mf = _department("MF")
    response = admin.post(f"/admin/departments/{mf.id}/deactivate", data={"q": "fin"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/admin/departments?q=fin")
    assert _department("MF").active is False
    assert admin.post(f"/admin/departments/{mf.id}/activate").status_code == 302
    assert _department("MF").active is True
    assert [e.changes for e in _audit("department_deactivated")] == [{"active": [True, False]}]
    assert [e.changes for e in _audit("department_activated")] == [{"active": [False, True]}]


def test_deactivating_twice_records_once(app):
    department = make_department()
    assert services.set_department_active(department, False) is True
    assert services.set_department_active(department, False) is False
    assert len(_audit("department_deactivated")) == 1


def test_activation_is_post_only(admin):
    mf = _department("MF")
    assert admin.get(f"/admin/departments/{mf.id}/deactivate").status_code == 405
    assert _department("MF").active is True


def test_duplicate_code_seen_only_by_the_database_is_still_a_clear_refusal(
    app, request_context, monkeypatch
):
    """Two admins creating the same code at once: the unique constraint decides, and the loser
    gets the same message as when the check sees it (not a 500)."""
    make_department("DD")
    monkeypatch.setattr(services, "_code_taken", lambda code, except_id=None: False)
    with pytest.raises(Refusal) as error:
        services.create_department("DD", "د", "D")
    assert error.value.field == "code"
    assert db.session.scalar(db.select(db.func.count(Department.id))) == 1
