"""The plan's questionnaire as a spreadsheet: the generated template (lists as drop-downs,
instructions in both languages, RTL in Arabic), the import (all rows or nothing, a report naming
row, column and problem in the user's language), the limits on uploads and who may do what.

On the demo: MPPH, MTATF and MME are drafts (editable by officer-mpph …), MTEER is returned,
MAE submitted, MF approved.
"""

import html
import io
import re
from datetime import date

import pytest
from flask_babel import force_locale
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from digiweb.audit.models import AuditLog
from digiweb.departments.models import Department
from digiweb.extensions import db
from digiweb.plans.models import (
    FundingSource,
    Plan,
    PlanEvent,
    PlanEventKind,
    Priority,
    Project,
    ProjectKind,
    ProjectStatus,
    Target,
    Technology,
)
from digiweb.plans.services import update_project
from digiweb.plans.spreadsheet import (
    COLUMNS,
    MAX_PROJECT_ROWS,
)
from tests.test_csrf_everywhere import database_snapshot

FIELDS = [column.field for column in COLUMNS]
ENUM_COLUMNS = ("target", "kind", "status", "priority", "funding_source")


def col(name: str) -> int:
    """The (1-based) column of a field in the template."""
    return FIELDS.index(name) + 1


def plan_of(code: str) -> Plan:
    return db.session.scalar(
        db.select(Plan)
        .join(Department)
        .where(Department.code == code, Plan.campaign.has(year=2021))
    )


def projects_of(plan: Plan) -> list[Project]:
    return list(
        db.session.scalars(
            db.select(Project).where(Project.plan_id == plan.id).order_by(Project.sequence)
        )
    )


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def download(client, plan: Plan):
    response = client.get(f"/plans/{plan.id}/spreadsheet.xlsx")
    assert response.status_code == 200, response.status_code
    return load_workbook(io.BytesIO(response.data))


def to_bytes(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(client, plan: Plan, data: bytes, name: str = "plan.xlsx", **kw):
    """The file posted as the browser does. The body is encoded here, in memory: the test
    client would otherwise spool a large one to a temporary file that nobody closes."""
    upload_file = FileStorage(
        io.BytesIO(data), filename=name, content_type="application/octet-stream"
    )
    boundary, body = encode_multipart({"file": upload_file})
    return client.post(
        f"/plans/{plan.id}/spreadsheet",
        data=body,
        content_type=f"multipart/form-data; boundary={boundary}",
        **kw,
    )


def report_rows(response) -> list[tuple[str, str, str]]:
    """(row, column, problem) of the import report's table."""
    body = text(response)
    table = re.search(r'<table[^>]*id="import-problems".*?</table>', body, re.S)
    assert table, "no report table"
    rows = []
    for tr in re.findall(r"<tr>(.*?)</tr>", table.group(0), re.S):
        cells = [
            " ".join(re.sub(r"<[^>]+>", "", cell).split())
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)
        ]
        if cells:
            rows.append(tuple(cells))
    return rows


def row_of(sheet, reference: str) -> int:
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row=row, column=col("reference")).value == reference:
            return row
    raise AssertionError(reference)


def state() -> dict:
    """Every row of every table (the database as a whole), to prove nothing was written."""
    return database_snapshot()


# --- the template ------------------------------------------------------------------------------


def test_template_in_arabic_is_prefilled_rtl_with_drop_downs(demo_app, as_user):
    plan = plan_of("MPPH")
    client = as_user("officer-mpph", lang="ar")
    response = client.get(f"/plans/{plan.id}/spreadsheet.xlsx")
    assert response.status_code == 200
    assert response.mimetype == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert 'filename="digiweb-plan-2021-MPPH.xlsx"' in response.headers["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.data))
    assert workbook.sheetnames == ["المشاريع", "التعليمات", "القوائم"]
    sheet, instructions, lists = workbook.worksheets
    assert lists.sheet_state == "hidden"
    assert all(ws.sheet_view.rightToLeft for ws in workbook.worksheets)
    assert sheet.freeze_panes == "B2"
    assert sheet.cell(row=1, column=col("title_ar")).value == "العنوان بالعربية *"
    assert sheet.cell(row=1, column=col("title_ar")).font.bold
    assert sheet.column_dimensions["B"].width > 20
    assert sheet.column_dimensions[_letter("version")].hidden

    # one row per project, with its reference and version, values as real cells
    projects = projects_of(plan)
    assert len(projects) >= 3
    assert sheet.max_row == len(projects) + 1
    with demo_app.test_request_context(), force_locale("ar_DZ"):
        for number, project in enumerate(projects, start=2):
            _check_row(sheet, number, project)

    # drop-down lists on every enumerated column, pointing at the hidden sheet's labels
    validations = {}
    for validation in sheet.data_validations.dataValidation:
        for cell_range in validation.sqref.ranges:
            validations[cell_range.min_col] = validation
    for name, enum_cls in (
        ("target", Target),
        ("kind", ProjectKind),
        ("status", ProjectStatus),
        ("priority", Priority),
        ("funding_source", FundingSource),
    ):
        validation = validations[col(name)]
        assert validation.type == "list"
        assert str(validation.sqref) == f"{_letter(name)}2:{_letter(name)}{MAX_PROJECT_ROWS + 1}"
        sheet_name, cells = validation.formula1.split("!")
        assert sheet_name.strip("'") == "القوائم"
        labels = [cell.value for row in lists[cells.replace("$", "")] for cell in row]
        with demo_app.test_request_context(), force_locale("ar_DZ"):
            assert labels == [member.label for member in enum_cls]
    assert validations[col("progress")].type == "whole"
    assert validations[col("start_date")].type == "date"

    # instructions in both languages, side by side
    arabic = " ".join(str(c.value or "") for c in instructions["A"])
    french = " ".join(str(c.value or "") for c in instructions["B"])
    assert "المرجع" in arabic
    assert "Référence" in french and "laissez-la vide" in french
    assert "Titre en arabe * : Le titre du projet en arabe" in french
    assert "اتركه فارغا" in arabic
    assert "المشاريع" in french  # the French text names the sheet as it is called


def _check_row(sheet, number: int, project: Project) -> None:
    assert sheet.cell(row=number, column=col("reference")).value == project.reference
    assert sheet.cell(row=number, column=col("version")).value == project.version
    assert sheet.cell(row=number, column=col("title_fr")).value == (project.title_fr or None)
    target = sheet.cell(row=number, column=col("target")).value
    assert target == (project.target.label if project.target else None)
    start = sheet.cell(row=number, column=col("start_date"))
    if project.start_date:
        assert start.value.date() == project.start_date and start.is_date
        assert start.number_format == "DD/MM/YYYY"
    budget = sheet.cell(row=number, column=col("budget_dzd"))
    if project.budget_dzd is not None:
        assert budget.value == project.budget_dzd and budget.data_type == "n"


def _letter(name: str) -> str:
    return get_column_letter(col(name))


def test_template_in_french_is_left_to_right(demo_app, as_user):
    plan = plan_of("MPPH")
    workbook = download(as_user("officer-mpph", lang="fr"), plan)
    assert workbook.sheetnames == ["Projets", "Instructions", "Listes"]
    assert not any(ws.sheet_view.rightToLeft for ws in workbook.worksheets)
    sheet = workbook.worksheets[0]
    assert sheet.cell(row=1, column=col("title_fr")).value == "Titre en français *"
    first = projects_of(plan)[0]
    assert sheet.cell(row=2, column=col("status")).value == "Prévu"
    assert first.status == ProjectStatus.PLANNED


def test_template_holds_every_project_field():
    """Every field a user writes on the web form has its column (and nothing else)."""
    from digiweb.plans.services import PROJECT_FIELDS

    assert set(FIELDS) - {"reference", "version"} == set(PROJECT_FIELDS)


def test_staff_download_any_plan_officers_only_their_own(demo_app, as_user):
    mf = plan_of("MF")
    for username in ("reviewer", "admin", "viewer"):
        assert as_user(username).get(f"/plans/{mf.id}/spreadsheet.xlsx").status_code == 200
    assert as_user("officer-mf").get(f"/plans/{mf.id}/spreadsheet.xlsx").status_code == 200
    other = as_user("officer-mpph").get(f"/plans/{mf.id}/spreadsheet.xlsx")
    assert other.status_code == 404


def test_download_queries_do_not_grow_with_projects(demo_app, as_user, count_queries):
    small, large = plan_of("MME"), plan_of("MF")
    assert len(projects_of(large)) > 2 * len(projects_of(small))
    client = as_user("reviewer")
    counts = []
    for plan in (small, large):
        with count_queries() as counter:
            assert client.get(f"/plans/{plan.id}/spreadsheet.xlsx").status_code == 200
        counts.append(counter.count)
    assert counts[0] == counts[1]


# --- a good file -------------------------------------------------------------------------------


def test_round_trip_updates_adds_and_audits_exactly(demo_app, as_user):
    plan = plan_of("MPPH")
    client = as_user("officer-mpph", lang="ar")
    before = {p.reference: _fields(p) for p in projects_of(plan)}
    events_before = db.session.scalar(
        db.select(db.func.count(PlanEvent.id)).where(PlanEvent.plan_id == plan.id)
    )
    workbook = download(client, plan)
    sheet = workbook.worksheets[0]
    first, second = list(before)[:2]

    # edit a title; change a drop-down value with its French label (the sheet is in Arabic)
    sheet.cell(row=row_of(sheet, first), column=col("title_fr")).value = "Titre corrigé"
    sheet.cell(row=row_of(sheet, second), column=col("target")).value = "Opérateurs économiques"
    # a new row, without reference, with values in both languages and as codes
    new = sheet.max_row + 1
    values = {
        "title_ar": "منصة رقمية للتصريح بالمصطادات",
        "title_fr": "Plateforme de déclaration des captures",
        "target": "المتعاملون الاقتصاديون",
        "kind": "Application mobile",
        "technologies": "الحوسبة السحابية؛ Paiement électronique",
        "status": "in_progress",
        "progress": 25,
        "priority": "عالية",
        "start_date": date(2021, 3, 1),
        "end_date": "31/12/2022",
        "budget_dzd": "1 250 000",
        "funding_source": "Budget de l'État",
        "partners": "=Chambre de la pêche",  # a text, never a formula
    }
    for name, value in values.items():
        sheet.cell(row=new, column=col(name)).value = value
    sheet.cell(row=new, column=col("partners")).data_type = "s"

    response = upload(client, plan, to_bytes(workbook), name="خطة.xlsx")
    assert response.status_code == 302, report_rows(response) if response.status_code == 422 else ""
    assert response.headers["Location"].endswith(f"/plans/{plan.id}#projects")

    after = {p.reference: _fields(p) for p in projects_of(plan)}
    created = sorted(set(after) - set(before))
    assert len(created) == 1
    expected = dict(before)
    expected[first] = {
        **before[first],
        "title_fr": "Titre corrigé",
        "version": before[first]["version"] + 1,
    }
    expected[second] = {
        **before[second],
        "target": "economic_operators",
        "version": before[second]["version"] + 1,
    }
    assert {ref: after[ref] for ref in before} == expected
    added = db.session.scalar(db.select(Project).where(Project.reference == created[0]))
    assert created[0] == f"2021-MPPH-{max(p.sequence for p in projects_of(plan)):03d}"
    assert (added.title_ar, added.title_fr) == (values["title_ar"], values["title_fr"])
    assert added.target == Target.ECONOMIC_OPERATORS
    assert added.kind == ProjectKind.MOBILE_APP
    assert added.technologies == [Technology.CLOUD, Technology.E_PAYMENT]
    assert added.status == ProjectStatus.IN_PROGRESS and added.progress == 25
    assert added.priority.value == "high"
    assert (added.start_date, added.end_date) == (date(2021, 3, 1), date(2022, 12, 31))
    assert added.budget_dzd == 1_250_000
    assert added.funding_source == FundingSource.STATE_BUDGET
    assert added.partners == "=Chambre de la pêche"

    # audited like web edits, plus the import itself on the plan's timeline
    audits = db.session.execute(
        db.select(AuditLog.action, AuditLog.entity_label, AuditLog.changes).where(
            AuditLog.action.in_(("project_created", "project_updated", "plan_imported"))
        )
    ).all()
    by_label = {(action, label): changes for action, label, changes in audits}
    assert by_label[("project_updated", first)] == {
        "title_fr": [before[first]["title_fr"], "Titre corrigé"]
    }
    assert by_label[("project_updated", second)] == {
        "target": [before[second]["target"], "economic_operators"]
    }
    assert ("project_created", created[0]) in by_label
    imported = by_label[("plan_imported", "2021-MPPH")]
    assert imported["created"] == [None, created] and imported["updated"] == [None, [first, second]]
    events = db.session.scalars(
        db.select(PlanEvent).where(
            PlanEvent.plan_id == plan.id, PlanEvent.kind == PlanEventKind.IMPORTED
        )
    ).all()
    assert len(events) == 1 and events[0].comment == "خطة.xlsx"
    assert events[0].actor.username == "officer-mpph"
    assert (
        db.session.scalar(
            db.select(db.func.count(PlanEvent.id)).where(PlanEvent.plan_id == plan.id)
        )
        == events_before + 1
    )

    # the flash names what was done, in the user's language
    page = text(client.get(f"/plans/{plan.id}"))
    assert "مشروع" in page and "خطة.xlsx" in page


def _fields(project: Project) -> dict:
    from digiweb.audit.services import snapshot
    from digiweb.plans.services import PROJECT_FIELDS

    return {**snapshot(project, PROJECT_FIELDS), "version": project.version}


def test_unchanged_file_writes_nothing(demo_app, as_user):
    plan = plan_of("MTATF")
    client = as_user("officer-mtatf", lang="fr")
    data = to_bytes(download(client, plan))
    before = state()
    response = upload(client, plan, data)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/plans/{plan.id}/spreadsheet")
    assert state() == before
    assert "ne contient aucune modification" in text(client.get(response.headers["Location"]))


def test_columns_may_be_left_out_and_are_then_untouched(demo_app, as_user):
    """A file with only the reference, the French title and the version changes the titles
    and nothing else."""
    plan = plan_of("MME")
    client = as_user("officer-mme", lang="fr")
    projects = projects_of(plan)
    before = {p.reference: _fields(p) for p in projects}
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Référence", "Titre en français", "Version (ne pas modifier)"])
    for project in projects:
        sheet.append([project.reference, f"{project.title_fr} (v2)", project.version])
    response = upload(client, plan, to_bytes(workbook))
    assert response.status_code == 302
    for project in projects_of(plan):
        expected = {
            **before[project.reference],
            "title_fr": f"{before[project.reference]['title_fr']} (v2)",
        }
        assert {k: v for k, v in _fields(project).items() if k != "version"} == {
            k: v for k, v in expected.items() if k != "version"
        }


def test_returned_plan_accepts_an_import(demo_app, as_user):
    plan = plan_of("MTEER")
    client = as_user("officer-mteer", lang="fr")
    workbook = download(client, plan)
    sheet = workbook.worksheets[0]
    sheet.cell(row=2, column=col("summary_fr")).value = "Résumé revu après le renvoi."
    assert upload(client, plan, to_bytes(workbook)).status_code == 302
    assert projects_of(plan)[0].summary_fr == "Résumé revu après le renvoi."


# --- a file with errors ------------------------------------------------------------------------


MESSAGES = {
    "fr": {
        "list": "« N'importe quoi » ne fait pas partie des valeurs de la liste.",
        "end": "La date de fin ne peut pas précéder la date de début.",
        "negative": "Le budget est un montant entier en dinars, égal ou supérieur à zéro.",
        "budget": "Saisissez le budget en montant entier de dinars, par exemple 1 250 000.",
        "progress": "L'avancement est un nombre entier de 0 à 100.",
        "title": "Indiquez le titre en arabe ou en français (les deux avant la transmission).",
        "date": "Saisissez une date valide (jour/mois/année).",
    },
    "ar": {
        "list": "«N'importe quoi» ليست من قيم القائمة.",
        "end": "لا يمكن أن يسبق تاريخ الانتهاء تاريخ الانطلاق.",
        "progress": "نسبة التقدم عدد صحيح من 0 إلى 100.",
    },
}


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_errors_in_several_rows_save_nothing_and_are_all_reported(demo_app, as_user, lang):
    plan = plan_of("MPPH")
    client = as_user("officer-mpph", lang=lang)
    workbook = download(client, plan)
    sheet = workbook.worksheets[0]
    refs = [p.reference for p in projects_of(plan)]
    r1, r2, r3 = (row_of(sheet, ref) for ref in refs[:3])
    # a valid change that must not be saved either
    sheet.cell(row=r1, column=col("title_fr")).value = "Changement valable"
    sheet.cell(row=r1, column=col("start_date")).value = date(2022, 6, 1)
    sheet.cell(row=r1, column=col("end_date")).value = date(2022, 1, 1)
    sheet.cell(row=r2, column=col("target")).value = "N'importe quoi"
    sheet.cell(row=r2, column=col("budget_dzd")).value = -5
    sheet.cell(row=r3, column=col("progress")).value = 150
    sheet.cell(row=r3, column=col("technologies")).value = "Informatique en nuage, Blockchain"
    base = sheet.max_row
    bad_rows = {
        base + 1: {"title_fr": "Projet A", "budget_dzd": "beaucoup", "start_date": "32/13/2021"},
        base + 2: {"summary_fr": "Sans titre"},  # a title missing in both languages
        base + 3: {"reference": "2021-MF-001", "title_fr": "Projet des Finances"},
        base + 4: {"reference": refs[0], "title_fr": "Deux fois"},
        base + 5: {"reference": "2021-MPPH-999", "title_fr": "Inconnu"},
        base + 6: {"reference": "2020-XX-001", "title_fr": "Inconnu aussi"},
    }
    for row, values in bad_rows.items():
        for name, value in values.items():
            sheet.cell(row=row, column=col(name)).value = value
    before = state()

    response = upload(client, plan, to_bytes(workbook))

    assert response.status_code == 422
    assert state() == before  # every table as it was: no project, audit entry or event
    found = report_rows(response)
    cells = {(int(row), column.split(" · ")[0]) for row, column, _msg in found}
    L = _letter
    expected = {
        (r1, L("end_date")),
        (r2, L("target")),
        (r2, L("budget_dzd")),
        (r3, L("progress")),
        (r3, L("technologies")),
        (base + 1, L("budget_dzd")),
        (base + 1, L("start_date")),
        (base + 2, L("title_ar")),
        (base + 3, L("reference")),
        (base + 4, L("reference")),
        (base + 5, L("reference")),
        (base + 6, L("reference")),
    }
    assert cells == expected, found
    assert len(found) == len(expected)
    messages = [message for _row, _column, message in found]
    for key, message in MESSAGES[lang].items():
        assert message in messages, (key, message, messages)
    body = text(response)
    if lang == "ar":
        assert "لم يُحفظ أي شيء" in body and "Nothing was saved" not in body
    else:
        assert "Rien n'a été enregistré" in body
        assert any("Blockchain" in m for m in messages)
        assert any(f"ligne {r1}" in m for m in messages)  # the duplicate names the first row
        assert any("2020" not in m and "autre département" in m for m in messages)


def test_report_column_names_follow_the_users_language(demo_app, as_user):
    plan = plan_of("MPPH")
    workbook = download(as_user("officer-mpph", lang="ar"), plan)
    sheet = workbook.worksheets[0]
    sheet.cell(row=2, column=col("priority")).value = "Urgente"
    response = upload(as_user("officer-mpph", lang="fr"), plan, to_bytes(workbook))
    assert response.status_code == 422
    assert report_rows(response) == [
        (
            "2",
            f"{_letter('priority')} · Priorité *",
            "« Urgente » ne fait pas partie des valeurs de la liste.",
        )
    ]


def test_project_changed_since_the_download_is_refused(demo_app, as_user):
    plan = plan_of("MPPH")
    client = as_user("officer-mpph", lang="fr")
    workbook = download(client, plan)
    first, second = projects_of(plan)[:2]
    with demo_app.test_request_context():
        update_project(
            first, {"title_fr": "Changé sur le web"}, _officer("officer-mpph"), first.version
        )
    db.session.commit()
    sheet = workbook.worksheets[0]
    sheet.cell(
        row=row_of(sheet, first.reference), column=col("title_fr")
    ).value = "Changé hors ligne"
    sheet.cell(row=row_of(sheet, second.reference), column=col("title_fr")).value = "Autre"
    before = state()
    response = upload(client, plan, to_bytes(workbook))
    assert response.status_code == 422
    assert state() == before
    [(row, _column, message)] = report_rows(response)
    assert int(row) == row_of(sheet, first.reference)
    assert "modifié sur digiweb après le téléchargement" in message
    assert db.session.get(Project, first.id).title_fr == "Changé sur le web"

    # the same stale row left as it was downloaded goes through: nothing of the web edit is lost
    sheet.cell(
        row=row_of(sheet, first.reference), column=col("title_fr")
    ).value = "Changé sur le web"
    assert upload(client, plan, to_bytes(workbook)).status_code == 302
    assert db.session.get(Project, first.id).title_fr == "Changé sur le web"
    assert db.session.get(Project, second.id).title_fr == "Autre"


def _officer(username: str):
    from digiweb.auth.models import User

    return db.session.scalar(db.select(User).where(User.username == username))


def test_missing_version_of_a_changed_row_is_refused(demo_app, as_user):
    plan = plan_of("MPPH")
    client = as_user("officer-mpph", lang="fr")
    workbook = download(client, plan)
    sheet = workbook.worksheets[0]
    sheet.cell(row=2, column=col("title_fr")).value = "Nouveau titre"
    sheet.cell(row=2, column=col("version")).value = None
    response = upload(client, plan, to_bytes(workbook))
    assert response.status_code == 422
    [(row, column, _message)] = report_rows(response)
    assert (row, column.split(" · ")[0]) == ("2", _letter("version"))


def test_formula_without_a_computed_value_is_refused(demo_app, as_user):
    plan = plan_of("MPPH")
    client = as_user("officer-mpph", lang="fr")
    workbook = download(client, plan)
    sheet = workbook.worksheets[0]
    new = sheet.max_row + 1
    sheet.cell(row=new, column=col("title_fr")).value = "Projet calculé"
    sheet.cell(row=new, column=col("budget_dzd")).value = "=1000*12"  # openpyxl caches no value
    response = upload(client, plan, to_bytes(workbook))
    assert response.status_code == 422
    [(row, column, message)] = report_rows(response)
    assert (int(row), column.split(" · ")[0]) == (new, _letter("budget_dzd"))
    assert "formule" in message


def test_unknown_and_duplicated_columns_are_refused(demo_app, as_user):
    plan = plan_of("MPPH")
    client = as_user("officer-mpph", lang="fr")
    workbook = download(client, plan)
    sheet = workbook.worksheets[0]
    sheet.cell(row=1, column=len(FIELDS) + 1).value = "Remarques"
    sheet.cell(row=2, column=len(FIELDS) + 1).value = "à ne pas perdre"
    sheet.cell(row=1, column=len(FIELDS) + 2).value = "Titre en arabe"
    response = upload(client, plan, to_bytes(workbook))
    assert response.status_code == 422
    problems = report_rows(response)
    assert [(row, column.split(" · ")[0]) for row, column, _m in problems] == [
        ("1", get_column_letter(len(FIELDS) + 1)),
        ("1", get_column_letter(len(FIELDS) + 2)),
    ]
    assert "Remarques" in problems[0][2] and "deux fois" in problems[1][2]
