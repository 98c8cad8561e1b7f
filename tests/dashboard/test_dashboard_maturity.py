"""The dashboard's digital maturity and ratings (issue 16): the levels today and targeted, by
department and by target, year over year; the matrix of the department's rating against the
ministry's; their figures on the page in both languages."""

from collections import Counter

import pytest

from digiweb.dashboard.maturity import maturity_figures, maturity_over_the_years
from digiweb.demo import data as demo_data
from digiweb.departments.models import Department
from digiweb.extensions import db
from digiweb.plans.models import PlanStatus, Target
from digiweb.review.ratings import ratings_matrix
from tests.factories import make_campaign, make_department, make_plan, make_project


def _sent_demo_projects() -> list[dict]:
    return [p for p in demo_data.demo_projects() if p["department"] in demo_data.SENT_PLAN_STATUS]


def test_the_maturity_of_the_seed(demo_app):
    projects = _sent_demo_projects()
    given = [p for p in projects if p["maturity_level"] is not None]
    figures = maturity_figures(2021)
    assert (figures["projects"], figures["given"]) == (222, len(given))
    assert figures["given"] >= 0.9 * 222
    now = Counter(p["maturity_level"] for p in given)
    aimed = Counter(p["maturity_target"] for p in given)
    for level in range(5):
        assert figures["levels"][level].get("now", 0) == now[level]
        assert figures["levels"][level].get("target", 0) == aimed[level]
    assert figures["average_now"] == pytest.approx(
        sum(p["maturity_level"] for p in given) / len(given)
    )
    assert figures["average_target"] > figures["average_now"]
    online = sum(1 for p in given if p["maturity_level"] >= 3)
    assert figures["online_now"] == online
    assert sum(row["given"] for row in figures["by_department"]) == len(given)
    assert {row["code"] for row in figures["by_department"]} <= set(demo_data.SENT_PLAN_STATUS)
    citizens = [p for p in given if p["target"] == "citizens"]
    assert figures["by_target"]["citizens"]["given"] == len(citizens)


def test_the_maturity_of_one_department_and_one_target(demo_app):
    mf = db.session.scalar(db.select(Department).where(Department.code == "MF"))
    figures = maturity_figures(2021, department_id=mf.id)
    expected = [p for p in _sent_demo_projects() if p["department"] == "MF"]
    assert figures["projects"] == len(expected)
    assert [row["code"] for row in figures["by_department"]] == ["MF"]
    citizens = maturity_figures(2021, target=Target.CITIZENS)
    assert citizens["projects"] == 31 and set(citizens["by_target"]) == {"citizens"}


def test_drafts_never_count_in_the_maturity(demo_app):
    drafts = {code for code, status in demo_data.UNSENT_PLAN_STATUS.items()}
    figures = maturity_figures(2021)
    assert not {row["code"] for row in figures["by_department"]} & drafts


def test_the_ratings_matrix_of_the_seed(demo_app):
    follow_up = demo_data.demo_follow_up()
    own = {r["reference"]: r["rating"] for r in follow_up["self_ratings"]}
    ministry = {r["reference"]: r["rating"] for r in follow_up["ministry_ratings"]}
    matrix = ratings_matrix(2021)
    both = [ref for ref in own if ref in ministry]
    assert matrix["rated"] == len(set(own) | set(ministry))
    assert matrix["both"] == len(both)
    assert matrix["agree"] == sum(1 for ref in both if own[ref] == ministry[ref])
    order = demo_data.RATINGS
    stricter = sum(1 for ref in both if order.index(ministry[ref]) > order.index(own[ref]))
    assert matrix["stricter"] == stricter and stricter > 0
    assert matrix["cells"][("none", "red")] == sum(
        1 for ref, rating in ministry.items() if ref not in own and rating == "red"
    )
    assert sum(matrix["cells"].values()) == matrix["rated"]


def test_the_maturity_year_over_year(app):
    department = make_department()
    for year, levels in ((2029, (0, 1, 1)), (2030, (2, 3, 4))):
        campaign = make_campaign(year, departments=[department])
        plan = make_plan(campaign, department, PlanStatus.SUBMITTED)
        for level in levels:
            make_project(plan, maturity_level=level, maturity_target=4)
        make_project(plan)  # without a level: counted, not averaged
    draft = make_plan(make_campaign(2031, departments=[department]), department, PlanStatus.DRAFT)
    make_project(draft, maturity_level=4, maturity_target=4)
    db.session.commit()
    rows = maturity_over_the_years()
    assert [row["year"] for row in rows] == [2029, 2030]
    assert [row["average_now"] for row in rows] == [pytest.approx(2 / 3), pytest.approx(3.0)]
    assert [(row["projects"], row["given"], row["online_now"]) for row in rows] == [
        (4, 3, 0),
        (4, 3, 2),
    ]


@pytest.mark.parametrize(
    ("lang", "heading", "matrix"),
    [
        (
            "fr",
            "Maturité numérique des démarches",
            "L'évaluation du département face à celle du ministère",
        ),
        ("ar", "مستوى رقمنة الإجراءات", "تقييم الدائرة الوزارية مقارنة بتقييم الوزارة"),
    ],
)
def test_the_dashboard_shows_the_maturity_and_the_ratings(as_user, lang, heading, matrix):
    body = as_user("viewer", lang=lang).get("/dashboard?year=2021").get_data(as_text=True)
    figures = maturity_figures(2021)
    assert 'id="maturity"' in body and 'id="ratings-matrix"' in body
    assert heading in body and matrix in body.replace("&#39;", "'")
    given = body.split('id="kpi-maturity-given">', 1)[1].split("<", 1)[0]
    assert given.replace("\u202f", "") == str(figures["given"])
    assert 'id="maturity-department-mf"' in body
    assert "/projects?year=2021&amp;maturity=3" in body
    assert "/projects/ratings?year=2021" in body
