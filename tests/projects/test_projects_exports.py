"""/projects.csv and /projects.xlsx: exactly the rows of the list, every page, streamed."""

import csv
import gc
import io
import tracemalloc
from datetime import date

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from digiweb.extensions import db
from digiweb.plans.models import Project, Technology
from digiweb.projects import exports
from tests.factories import add_projects, bulk_projects, log_in
from tests.projects.listing import YEAR

# The last column of the exports: the list's 18, then the 7 of the digital maturity (issue 16).
LAST_COLUMN = get_column_letter(len(exports.COLUMNS))

DEMO_QUERIES = [
    ("year=2021", 222),
    ("year=2021&target=citizens", 31),
    ("year=2021&target=economic_operators", 22),
    ("year=2021&department=MF", None),
    ("year=2021&q=منصه&sort=-budget", None),
    ("year=2021&status=in_progress&kind=platform", None),
    ("year=all&technology=ai", None),
]


def csv_rows(response) -> list[list[str]]:
    text = response.get_data().decode("utf-8")
    response.close()
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def xlsx_sheet(response):
    data = response.get_data()
    response.close()
    return load_workbook(io.BytesIO(data)).active


def list_references(client, query: str) -> list[str]:
    """The references the list shows for `query`, every page, in order (through the API,
    which pages exactly like the list)."""
    references, page = [], 1
    while True:
        data = client.get(f"/api/v1/projects?{query}&page={page}").get_json()
        if not data["items"]:
            return references
        references += [item["reference"] for item in data["items"]]
        page += 1


# --- the demo: exports equal the list -------------------------------------------------------


@pytest.mark.parametrize(("query", "expected"), DEMO_QUERIES)
def test_exports_hold_exactly_the_list(as_user, query, expected):
    client = as_user("reviewer", lang="fr")
    references = list_references(client, query)
    if expected is not None:
        assert len(references) == expected
    assert references  # every case lists something

    response = client.get(f"/projects.csv?{query}")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    rows = csv_rows(response)
    assert [row[0] for row in rows[1:]] == references

    response = client.get(f"/projects.xlsx?{query}")
    assert response.status_code == 200
    sheet = xlsx_sheet(response)
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == references


def test_list_count_equals_export_rows_for_the_html_list(as_user):
    from tests.projects.listing import listed_count

    client = as_user("viewer", lang="fr")
    for query, expected in DEMO_QUERIES[:3]:
        body = client.get(f"/projects?{query}").get_data(as_text=True)
        assert listed_count(body) == expected
        assert len(csv_rows(client.get(f"/projects.csv?{query}"))) == expected + 1
        assert xlsx_sheet(client.get(f"/projects.xlsx?{query}")).max_row == expected + 1


def test_exports_ignore_the_page(as_user):
    client = as_user("reviewer")
    assert len(csv_rows(client.get("/projects.csv?year=2021&page=3"))) == 223


def test_officer_exports_only_its_department(as_user):
    client = as_user("officer-mf", lang="fr")
    rows = csv_rows(client.get("/projects.csv?year=2021"))[1:]
    assert rows and {row[2] for row in rows} == {"MF"}
    assert csv_rows(client.get("/projects.csv?year=2021&department=MJ")) == [
        csv_rows(client.get("/projects.csv?year=2021"))[0]
    ]
    sheet = xlsx_sheet(client.get("/projects.xlsx?year=all"))
    assert {row[2] for row in sheet.iter_rows(min_row=2, values_only=True)} == {"MF"}
    assert xlsx_sheet(client.get("/projects.xlsx?year=2021&department=MJ")).max_row == 1


@pytest.mark.parametrize("path", ["/projects.csv", "/projects.xlsx"])
@pytest.mark.parametrize("query", ["page=abc", "year=abc", "target=zz", "sort=evil", "page=-1"])
def test_export_with_bad_parameters_is_a_400(as_user, path, query):
    response = as_user("reviewer").get(f"{path}?{query}")
    assert response.status_code == 400
    assert 'id="project-filter-error"' in response.get_data(as_text=True)


def test_anonymous_cannot_export(demo_client):
    for path in ("/projects.csv", "/projects.xlsx"):
        response = demo_client.get(f"{path}?year=2021")
        assert response.status_code == 302 and "/login" in response.headers["Location"]


# --- formats ------------------------------------------------------------------------------


@pytest.fixture
def sample(world):
    [project] = add_projects(
        world.sent_plan,
        1,
        title_ar='=HYPERLINK("http://x")',
        title_fr="+Plateforme, « numérique »\nsur deux lignes",
        budget_dzd=1250000,
        progress=35,
        start_date=date(2030, 3, 25),
        end_date=date(2030, 12, 31),
    )
    project.technologies = [Technology.CLOUD, Technology.AI]
    db.session.commit()
    return project


@pytest.mark.parametrize(
    ("lang", "header", "technologies", "filename"),
    [
        (
            "fr",
            "Référence",
            "Informatique en nuage, Intelligence artificielle",
            "digiweb-projets-2030",
        ),
        ("ar", "المرجع", "الحوسبة السحابية، الذكاء الاصطناعي", "digiweb-projets-2030"),
    ],
)
def test_csv_format(client, world, sample, lang, header, technologies, filename):
    log_in(client, world.reviewer, lang=lang)
    response = client.get(f"/projects.csv?year={YEAR}")
    assert response.headers["Content-Disposition"] == f'attachment; filename="{filename}.csv"'
    head, row = csv_rows(response)
    assert head[0] == header and len(head) == len(row) == len(exports.COLUMNS) == 25
    assert row[:5] == [sample.reference, "2030", "SNT", "وزارة المالية", "Ministère des Finances"]
    # Text that a spreadsheet would run as a formula is neutralised; the rest is kept as is.
    assert row[5] == '\'=HYPERLINK("http://x")'
    assert row[6] == "'+Plateforme, « numérique »\nsur deux lignes"
    assert row[9] == technologies
    assert row[11] == "35" and row[13:16] == ["2030-03-25", "2030-12-31", "1250000"]


@pytest.mark.parametrize(("lang", "rtl"), [("ar", True), ("fr", False)])
def test_xlsx_format(client, world, sample, lang, rtl):
    log_in(client, world.reviewer, lang=lang)
    response = client.get(f"/projects.xlsx?year={YEAR}&department=SNT")
    assert response.mimetype.endswith("spreadsheetml.sheet")
    assert "digiweb-projets-2030-SNT.xlsx" in response.headers["Content-Disposition"]
    sheet = xlsx_sheet(response)
    assert bool(sheet.sheet_view.rightToLeft) is rtl
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{LAST_COLUMN}2"
    header = sheet[1]
    assert all(cell.font.b for cell in header)
    assert header[0].fill.fgColor.rgb.endswith("0B6B3A")
    row = sheet[2]
    assert row[0].value == sample.reference
    assert row[5].value == '=HYPERLINK("http://x")' and row[5].data_type == "s"
    assert row[6].value == "+Plateforme, « numérique »\nsur deux lignes"
    assert row[11].value == 35
    assert row[13].is_date and row[13].value.date() == date(2030, 3, 25)
    assert row[13].number_format == "DD/MM/YYYY"
    assert row[15].value == 1250000 and row[15].number_format == "#,##0"


def test_xlsx_empty_cells_for_missing_values(client, world):
    add_projects(world.sent_plan, 1, target=None, kind=None)
    log_in(client, world.reviewer, "fr")
    sheet = xlsx_sheet(client.get(f"/projects.xlsx?year={YEAR}"))
    values = next(sheet.iter_rows(min_row=2, values_only=True))
    assert values[7] is None and values[13] is None and values[15] is None
    assert sheet.auto_filter.ref == f"A1:{LAST_COLUMN}2"


def test_all_years_filename(client, world, sample):
    log_in(client, world.reviewer, "fr")
    response = client.get("/projects.csv?year=all")
    assert "digiweb-projets-toutes-annees.csv" in response.headers["Content-Disposition"]


def test_exports_read_in_chunks_with_few_queries(client, world, count_queries, monkeypatch):
    """Rows come in chunks (yield_per) with one technology query per chunk: no N+1."""
    from digiweb.projects import exports

    monkeypatch.setattr(exports, "CHUNK_SIZE", 10)
    add_projects(world.sent_plan, 35, technologies=[Technology.MOBILE])
    log_in(client, world.reviewer, "fr")
    with count_queries() as counter:
        rows = csv_rows(client.get(f"/projects.csv?year={YEAR}"))
    assert len(rows) == 36 and all(row[9] == "Mobile" for row in rows[1:])
    technology_queries = [s for s in counter.statements if "project_technologies" in s]
    assert len(technology_queries) == 4


# --- memory: streamed, not loaded ------------------------------------------------------------


def _peak_while_consuming(client, url: str) -> tuple[int, int]:
    """Peak traced memory while the response is produced and read chunk by chunk."""
    gc.collect()
    tracemalloc.start()
    try:
        response = client.get(url, buffered=False)
        assert response.status_code == 200
        size = 0
        for chunk in response.response:
            size += len(chunk)
        response.close()
        return tracemalloc.get_traced_memory()[1], size
    finally:
        tracemalloc.stop()


@pytest.mark.slow
def test_export_memory_stays_flat(client, world):
    """The files grow tenfold, the peak memory of producing and reading them does not (it would
    if the rows were loaded or the workbook kept in memory). CSV: 10,000 then 100,000 rows;
    XLSX (ten times slower to write, and tracemalloc slows it further): 2,000 then 20,000."""
    log_in(client, world.reviewer, "fr")
    csv_url, xlsx_url = (f"/projects.{extension}?year={YEAR}" for extension in ("csv", "xlsx"))
    bulk_projects(world.sent_plan, 1_000)
    for url in (csv_url, xlsx_url):
        _peak_while_consuming(client, url)  # warm-up: imports, templates, caches
    bulk_projects(world.sent_plan, 1_000, start=1_001)
    xlsx_small = _peak_while_consuming(client, xlsx_url)
    bulk_projects(world.sent_plan, 8_000, start=2_001)
    csv_small = _peak_while_consuming(client, csv_url)
    bulk_projects(world.sent_plan, 10_000, start=10_001)
    xlsx_large = _peak_while_consuming(client, xlsx_url)
    bulk_projects(world.sent_plan, 80_000, start=20_001)
    csv_large = _peak_while_consuming(client, csv_url)
    assert db.session.scalar(db.select(db.func.count()).select_from(Project)) == 100_000
    for url, (peak_small, size_small), (peak_large, size_large) in (
        (csv_url, csv_small, csv_large),
        (xlsx_url, xlsx_small, xlsx_large),
    ):
        print(f"{url}: {size_small} B, peak {peak_small} B; tenfold {size_large} B, {peak_large} B")
        assert size_large > 8 * size_small, url  # the file did grow with the rows …
        assert peak_large < 2 * peak_small, (url, peak_small, peak_large)  # … the memory did not
