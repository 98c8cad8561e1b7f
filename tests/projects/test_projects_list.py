"""The consolidated project list /projects: who sees what, filters, search, pages, fragments."""

import re

import pytest
from flask_babel import force_locale, ngettext

from digiweb.departments.models import Department
from digiweb.extensions import db
from digiweb.plans.models import (
    SENT_STATUSES,
    Plan,
    PlanStatus,
    Project,
    ProjectStatus,
    Target,
    Technology,
)
from tests.factories import add_projects, log_in, make_department, make_plan
from tests.projects.listing import YEAR, listed_count, listed_ids

HTML = re.compile(r"<html[\s>]")


def _ids_of(stmt) -> set[int]:
    return set(db.session.scalars(stmt))


# --- access -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/projects", "/projects?year=2021&q=x", "/projects.csv"])
def test_anonymous_is_sent_to_login(demo_client, path):
    response = demo_client.get(path)
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


@pytest.mark.parametrize("username", ["reviewer", "viewer", "admin", "officer-mf"])
def test_every_role_opens_the_list(as_user, username):
    response = as_user(username).get("/projects")
    assert response.status_code == 200
    assert 'id="project-results"' in response.get_data(as_text=True)


# --- full page and fragment -----------------------------------------------------------------


def test_same_url_gives_full_page_or_fragment(as_user):
    client = as_user("reviewer", lang="fr")
    page = client.get("/projects?year=2021&target=citizens")
    fragment = client.get("/projects?year=2021&target=citizens", headers={"HX-Request": "true"})
    assert page.status_code == fragment.status_code == 200
    page_body, fragment_body = page.get_data(as_text=True), fragment.get_data(as_text=True)
    assert HTML.search(page_body) and 'id="project-filters"' in page_body
    assert not HTML.search(fragment_body) and 'id="project-filters"' not in fragment_body
    assert listed_count(page_body) == listed_count(fragment_body) == 31
    for response in (page, fragment):
        assert "HX-Request" in response.headers["Vary"]
    # The fragment updates the screen-reader status outside the swapped region.
    assert 'id="project-results-status" hx-swap-oob="innerHTML"' in fragment_body


def test_history_restore_request_gets_the_full_page(as_user):
    client = as_user("reviewer")
    headers = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    body = client.get("/projects?year=2021", headers=headers).get_data(as_text=True)
    assert HTML.search(body)


def test_search_box_and_filters_are_wired_for_htmx_and_work_without_it(as_user):
    body = as_user("reviewer").get("/projects").get_data(as_text=True)
    search = re.search(r'<input type="search" id="filter-q"[^>]*>', body).group(0)
    assert 'name="q"' in search
    assert 'hx-trigger="input changed delay:300ms, search"' in search
    form = re.search(r'<form id="project-filters"[^>]*>', body).group(0)
    assert 'method="get"' in form and 'action="/projects"' in form
    assert 'hx-target="#project-results"' in form and 'hx-push-url="true"' in form
    assert '<button type="submit"' in body
    # Project data stays out of the browser's localStorage history cache.
    assert 'hx-history="false"' in body


# --- the demo's figures ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("year=2021", 222),
        ("year=2021&target=citizens", 31),
        ("year=2021&target=economic_operators", 22),
    ],
)
def test_demo_figures(as_user, query, expected):
    client = as_user("reviewer", lang="fr")
    assert listed_count(client.get(f"/projects?{query}").get_data(as_text=True)) == expected
    ids = listed_ids(client, query)
    assert len(ids) == len(set(ids)) == expected


def test_default_year_is_the_latest_campaign(as_user):
    client = as_user("viewer")
    assert listed_ids(client, "") == listed_ids(client, "year=2021")


def test_staff_never_see_a_draft(as_user):
    unsent = _ids_of(db.select(Project.id).join(Plan).where(Plan.status.not_in(SENT_STATUSES)))
    assert len(unsent) >= 2  # the demo has drafts holding projects
    listed = set(listed_ids(as_user("reviewer"), "year=all"))
    assert len(listed) == 222
    assert not listed & unsent


def test_officer_sees_only_its_department_drafts_included(as_user):
    mf = db.session.scalar(db.select(Department).where(Department.code == "MF"))
    own = _ids_of(db.select(Project.id).where(Project.department_id == mf.id))
    client = as_user("officer-mf", lang="fr")
    assert set(listed_ids(client, "year=all")) == own
    body = client.get("/projects?year=2021").get_data(as_text=True)
    assert "2021-MJ-" not in body and 'id="filter-department"' not in body


def test_officer_guessing_another_department_gets_nothing(as_user):
    client = as_user("officer-mf")
    response = client.get("/projects?year=2021&department=MJ")
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert listed_count(body) == 0 and "2021-MJ-" not in body


def test_officer_of_a_draft_plan_sees_its_projects(app, client, world):
    drafts = add_projects(world.draft_plan, 2)
    sent = add_projects(world.sent_plan, 3)
    log_in(client, world.officer_draft, "fr")
    assert listed_ids(client, f"year={YEAR}") == [p.id for p in drafts]
    reviewer = log_in(app.test_client(), world.reviewer, "fr")
    assert listed_ids(reviewer, f"year={YEAR}") == [p.id for p in sent]


def test_officer_without_a_department_sees_nothing(world):
    from digiweb.projects.filters import ProjectFilters
    from digiweb.projects.services import filtered_projects

    add_projects(world.sent_plan, 2)
    world.officer_sent.department_id = None  # an account left half-configured
    stmt = filtered_projects(ProjectFilters(year=None), world.officer_sent)
    assert db.session.scalars(stmt).all() == []


# --- filters ------------------------------------------------------------------------------


def test_each_filter_narrows_the_list(reviewer, world):
    add_projects(world.sent_plan, 2, target=Target.CITIZENS, status=ProjectStatus.COMPLETED)
    [tech] = add_projects(world.sent_plan, 1, target=Target.ECONOMIC_OPERATORS)
    tech.technologies = [Technology.AI, Technology.CLOUD]
    other_department = add_projects(build_extra_sent_plan(world), 1, target=Target.ADMINISTRATION)[
        0
    ]
    db.session.commit()
    base = f"year={YEAR}"
    assert len(listed_ids(reviewer, base)) == 4
    assert len(listed_ids(reviewer, f"{base}&target=citizens")) == 2
    assert len(listed_ids(reviewer, f"{base}&status=completed")) == 2
    assert listed_ids(reviewer, f"{base}&technology=ai") == [tech.id]
    assert listed_ids(reviewer, f"{base}&kind=mobile_app") == []
    assert listed_ids(reviewer, f"{base}&department=XTR") == [other_department.id]
    assert listed_ids(reviewer, f"{base}&department=xtr") == [other_department.id]
    assert listed_ids(reviewer, f"{base}&department=NOPE") == []
    assert listed_ids(reviewer, "year=2029") == []
    assert len(listed_ids(reviewer, "year=all")) == 4


def build_extra_sent_plan(world):
    """A third department whose YEAR plan was approved."""
    return make_plan(world.campaign, make_department("XTR"), PlanStatus.APPROVED)


@pytest.mark.parametrize(
    "query",
    [
        "page=-1",
        "page=0",
        "page=abc",
        "page=99999999999999999999999",
        "year=abc",
        "year=20211",
        "target=zz",
        "kind=zz",
        "technology=zz",
        "status=zz",
        "sort=evil",
        "sort=-evil",
        "sort=reference;drop",
        "department=../MF",
        "per_page=abc",
        "per_page=0",
        "q=" + "x" * 201,
        "page=%D9%A2",
    ],
)
def test_invalid_parameters_get_a_clear_400(reviewer, query):
    for headers in ({}, {"HX-Request": "true"}):
        response = reviewer.get(f"/projects?{query}", headers=headers)
        assert response.status_code == 400
        body = response.get_data(as_text=True)
        assert 'id="project-filter-error"' in body
        assert "Réinitialiser les filtres" in body
        assert bool(HTML.search(body)) is not bool(headers)


def test_invalid_parameter_message_names_the_field(reviewer):
    body = reviewer.get("/projects?target=zz").get_data(as_text=True)
    assert "La valeur « zz » n&#39;est pas valable pour « Cible »." in body


@pytest.mark.parametrize("query", ["lang=fr", "unknown=1", "q=", "department=", "target="])
def test_empty_or_unknown_parameters_are_ignored(reviewer, query):
    assert reviewer.get(f"/projects?{query}").status_code == 200


# --- search -------------------------------------------------------------------------------

TITLE_AR = "إنشاء المنصّة الرقمية لأتمتة مستشفى الإدارة"
TITLE_FR = "Système numérique de gestion hospitalière, élève"


@pytest.fixture
def searchable(world):
    [found] = add_projects(world.sent_plan, 1, title_ar=TITLE_AR, title_fr=TITLE_FR)
    add_projects(
        world.sent_plan, 1, title_ar="بوابة التوظيف", title_fr="Portail de l'emploi 50%_off"
    )
    return found


@pytest.mark.parametrize(
    "query",
    [
        "انشاء",  # إ written as plain alef
        "أنشاء",  # … or as hamza above
        "آنشاء",  # … or as madda
        "المنصه",  # ة typed as ه
        "المنصة",
        "المِنَصَّة",  # with tashkeel
        "الرقـــمية",  # with tatweel
        "مستشفي",  # ى typed as ي
        "اتمته",  # أ and ة both varied
        "الادارة",
        "٢٠٣٠-SNT-٠٠١",  # the reference in Arabic-Indic digits
        "۲۰۳۰-snt-۰۰۱",  # Eastern Arabic-Indic digits and a lower-case code
        "numerique",  # French accents
        "NUMÉRIQUE",
        "systeme hospitaliere",  # every word must match (AND), in any order
        "hospitaliere systeme",
        "eleve",
    ],
)
def test_search_folds_spelling_variants(reviewer, searchable, query):
    ids = listed_ids(reviewer, f"year={YEAR}&q={query}")
    assert ids == [searchable.id]


@pytest.mark.parametrize("query", ["منصة التوظيف", "numerique emploi", "zzz", "%", "_", "\\"])
def test_search_needs_every_word_and_escapes_like_wildcards(reviewer, searchable, query):
    assert searchable.id not in listed_ids(reviewer, f"year={YEAR}&q={query}")


def test_like_wildcards_match_themselves(reviewer, searchable):
    [other] = listed_ids(reviewer, f"year={YEAR}&q=50%25_off")
    assert other != searchable.id


def test_search_across_years_and_in_the_fragment(reviewer, searchable):
    response = reviewer.get("/projects?year=all&q=المنصه", headers={"HX-Request": "true"})
    body = response.get_data(as_text=True)
    assert listed_count(body) == 1 and f'id="project-{searchable.id}"' in body


def test_demo_reference_found_with_arabic_indic_digits(as_user):
    client = as_user("reviewer")
    ids = listed_ids(client, "year=2021&q=٢٠٢١-MF-٠٠١")
    reference = db.session.get(Project, ids[0]).reference
    assert len(ids) == 1 and reference == "2021-MF-001"


# --- sorting and pages ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sort", "key"),
    [
        ("reference", lambda p: p.reference),
        ("-reference", lambda p: p.reference),
        ("budget", lambda p: p.budget_dzd),
        ("-budget", lambda p: p.budget_dzd),
        ("progress", lambda p: p.progress),
        ("-progress", lambda p: p.progress),
        ("title", lambda p: p.title_fr),
        ("-title", lambda p: p.title_fr),
    ],
)
def test_sorting(reviewer, world, sort, key):
    for index, budget in enumerate([5, None, 1, 3, None, 9]):
        add_projects(
            world.sent_plan,
            1,
            budget_dzd=budget,
            progress=(index * 37) % 100,
            title_fr=f"Titre {chr(ord('a') + (index * 5) % 6)}",
        )
    ids = listed_ids(reviewer, f"year={YEAR}&sort={sort}")
    projects = [db.session.get(Project, i) for i in ids]
    values = [key(p) for p in projects]
    present = [v for v in values if v is not None]
    assert present == sorted(present, reverse=sort.startswith("-"))
    # Empty values come last, whichever the direction.
    assert values[len(present) :] == [None] * (len(values) - len(present))


def test_target_and_status_sort_follow_their_meaning(reviewer, world):
    for target in (Target.OTHER_ADMINISTRATIONS, Target.CITIZENS, Target.ADMINISTRATION):
        add_projects(world.sent_plan, 1, target=target)
    ids = listed_ids(reviewer, f"year={YEAR}&sort=target")
    targets = [db.session.get(Project, i).target for i in ids]
    assert targets == [Target.CITIZENS, Target.ADMINISTRATION, Target.OTHER_ADMINISTRATIONS]


def test_pages_cover_the_list_once_and_keep_the_filters(reviewer, world):
    add_projects(world.sent_plan, 120, target=Target.CITIZENS)
    add_projects(world.sent_plan, 5, target=Target.ADMINISTRATION)
    query = f"year={YEAR}&target=citizens&sort=-reference"
    first = reviewer.get(f"/projects?{query}").get_data(as_text=True)
    assert listed_count(first) == 120
    assert first.count('<tr id="project-') == 50
    # The next page carries a keyset cursor (the last reference shown), the others a number.
    last_shown = re.findall(r'<tr id="project-(\d+)"', first)[-1]
    last_reference = db.session.get(Project, int(last_shown)).reference
    assert (
        'href="/projects?year=2030&amp;target=citizens&amp;sort=-reference&amp;page=2'
        f'&amp;after={last_reference}"'
    ) in first
    assert (
        'hx-get="/projects?year=2030&amp;target=citizens&amp;sort=-reference&amp;page=3"' in first
    )
    ids = listed_ids(reviewer, query)
    assert len(ids) == len(set(ids)) == 120
    expected = db.session.scalars(
        db.select(Project.id)
        .where(Project.target == Target.CITIZENS)
        .order_by(Project.reference.desc())
    )
    assert ids == list(expected)


def test_page_past_the_end_says_so(reviewer, world):
    add_projects(world.sent_plan, 3)
    body = reviewer.get(f"/projects?year={YEAR}&page=7").get_data(as_text=True)
    assert listed_count(body) == 3
    assert "Cette page est au-delà de la fin de la liste." in body
    assert f'href="/projects?year={YEAR}"' in body


def test_empty_state_offers_to_reset_the_filters(reviewer, world):
    add_projects(world.sent_plan, 1)
    body = reviewer.get(f"/projects?year={YEAR}&q=introuvable&target=citizens").get_data(
        as_text=True
    )
    assert "Aucun projet ne correspond à ces filtres." in body
    assert f'<a href="/projects?year={YEAR}">Réinitialiser les filtres</a>' in body
    assert "CSV" not in body  # nothing to download


# --- what a row shows ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "department", "title", "count_text"),
    [
        ("fr", "Ministère des Finances", "Plateforme numérique", "1 projet"),
        ("ar", "وزارة المالية", "منصة رقمية", "مشروع واحد"),
    ],
)
def test_row_in_the_users_language(client, world, lang, department, title, count_text):
    [project] = add_projects(world.sent_plan, 1, budget_dzd=1250000, progress=40)
    project.technologies = [Technology.E_PAYMENT]
    db.session.commit()
    log_in(client, world.reviewer, lang=lang)
    body = client.get(f"/projects?year={YEAR}").get_data(as_text=True)
    row = body[body.index(f'<tr id="project-{project.id}"') :]
    row = row[: row.index("</tr>")]
    assert department in row and title in row
    assert f"<bdi>{project.reference}</bdi>" in row
    assert f'href="/projects/{project.id}"' in row
    assert "1\u202f250\u202f000" in row  # famount: narrow no-break spaces, in a <bdi>
    assert 'class="badge status-planned"' in row and 'class="badge target-citizens"' in row
    assert count_text in body
    assert f'href="/projects.csv?year={YEAR}"' in body
    assert f'href="/projects.xlsx?year={YEAR}"' in body


def test_download_links_carry_the_filters(reviewer, world):
    add_projects(world.sent_plan, 1)
    body = reviewer.get(f"/projects?year={YEAR}&q=plateforme&target=citizens&page=1").get_data(
        as_text=True
    )
    assert f'href="/projects.csv?year={YEAR}&amp;q=plateforme&amp;target=citizens"' in body
    assert f'href="/projects.xlsx?year={YEAR}&amp;q=plateforme&amp;target=citizens"' in body


def test_arabic_plural_forms_of_the_count(app):
    with app.test_request_context(), force_locale("ar_DZ"):
        forms = [ngettext("%(num)d project", "%(num)d projects", n) for n in (0, 1, 2, 3, 11, 100)]
    assert len({re.sub(r"\d+", "N", text) for text in forms}) == 6
    assert forms[1] == "مشروع واحد" and forms[4] == "11 مشروعًا"


# --- no N+1 -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        f"year={YEAR}",
        f"year={YEAR}&q=plateforme",
        "year=all&q=plateforme",
        "year=all&q=pl",  # too short for the trigram index: scanned
        "year=all&sort=-department",
        "year=all&per_page=4&page=3",  # read from the end with 10 rows, from the start with 100
    ],
)
@pytest.mark.parametrize("headers", [{}, {"HX-Request": "true"}])
@pytest.mark.parametrize("cache", [True, False])
def test_query_count_does_not_grow_with_rows(
    app, reviewer, world, count_queries, query, headers, cache
):
    app.config["CACHE_ENABLED"] = cache

    def statements(n):
        add_projects(world.sent_plan, n, technologies=[Technology.CLOUD, Technology.AI])
        reviewer.get(f"/projects?{query}", headers=headers)  # warm-up
        with count_queries() as counter:
            response = reviewer.get(f"/projects?{query}", headers=headers)
        assert response.status_code == 200
        return counter.count, listed_count(response.get_data(as_text=True))

    small, small_total = statements(10)
    large, large_total = statements(90)
    assert (small_total, large_total) == (10, 100)
    assert small == large
    assert small <= (5 if cache else 10)
