"""The list at scale (issue 7): the trigram search index, capped counts, pages read from the
end, keyset links and the cache keyed on the data version — each giving exactly the results of
the plain computation."""

import re

import pytest
import sqlalchemy as sa

from digiweb.extensions import db
from digiweb.plans.models import Project
from digiweb.projects import services
from digiweb.projects.filters import ProjectFilters
from digiweb.projects.search_index import FTS_TABLE, TRGM_INDEX
from digiweb.projects.services import project_page
from tests.conftest import ON_POSTGRES
from tests.factories import add_projects, bulk_projects, log_in
from tests.projects.listing import COUNT, ROW_ID, YEAR, listed_ids


def page_ids(client, query: str, headers=None) -> list[int]:
    body = client.get(f"/projects?{query}", headers=headers or {}).get_data(as_text=True)
    return [int(i) for i in ROW_ID.findall(body)]


# --- the trigram index -----------------------------------------------------------------------


def test_the_index_exists_on_this_database(app):
    if ON_POSTGRES:
        found = db.session.scalar(
            sa.text("SELECT count(*) FROM pg_indexes WHERE indexname = :n"), {"n": TRGM_INDEX}
        )
    else:
        found = db.session.scalar(
            sa.text("SELECT count(*) FROM sqlite_master WHERE name = :n"), {"n": FTS_TABLE}
        )
    assert found == 1


SEARCHED = [
    ("إنشاء المنصّة الرقمية لأتمتة مستشفى الإدارة", "Système numérique hospitalier, élève"),
    ("بوابة التوظيف الوطنية", "Portail national de l'emploi 50%_off"),
    ("السجل الوطني للمؤسسات", 'Registre "national" des entreprises'),
    ("تطبيق الهاتف للمواطن", "Application mobile du citoyen"),
]
QUERIES = [
    "الوطنيه",  # ة typed as ه
    "الوطنية",
    "ألوطنية",  # alef with hamza
    "المِنَصَّة",  # diacritics
    "الرقـــمية",  # tatweel
    "مستشفي",  # ى typed as ي
    "NUMÉRIQUE",
    "numerique hospitalier",  # every word
    "national",
    '"national"',  # quotes are literal characters of the text, not FTS syntax
    "l'emploi",
    "50%_off",  # LIKE wildcards match themselves
    "%",
    "_",
    "0%_",
    "na",  # short words: scanned
    "na emploi",  # a short word next to a long one
    "ab",
    "zzz",
    "OR national",  # FTS operators are plain words
    "national*",
    "2030-snt",  # references
]


@pytest.mark.parametrize("query", QUERIES)
def test_search_results_are_those_of_the_plain_scan(reviewer, world, monkeypatch, query):
    for title_ar, title_fr in SEARCHED:
        add_projects(world.sent_plan, 1, title_ar=title_ar, title_fr=title_fr)
    with_index = listed_ids(reviewer, f"year=all&q={query}")
    monkeypatch.setattr(services, "USE_TRIGRAM_INDEX", False)
    db.session.commit()
    assert listed_ids(reviewer, f"year=all&q={query}") == with_index
    # and the very same rows as a LIKE over the normalised text, written independently
    words = ProjectFilters(q=query).search_words
    expected = [
        project.id
        for project in db.session.scalars(sa.select(Project).order_by(Project.reference))
        if all(word in project.search_text for word in words)
    ]
    assert with_index == expected


def test_the_index_follows_every_change(reviewer, world):
    [project] = add_projects(world.sent_plan, 1, title_ar="منصة قديمة", title_fr="Ancien portail")
    assert listed_ids(reviewer, "year=all&q=ancien") == [project.id]
    project.title_fr = "Nouvelle plateforme"
    db.session.commit()
    assert listed_ids(reviewer, "year=all&q=ancien") == []
    assert listed_ids(reviewer, "year=all&q=nouvelle") == [project.id]
    db.session.delete(db.session.get(Project, project.id))
    db.session.commit()
    assert listed_ids(reviewer, "year=all&q=nouvelle") == []
    if not ON_POSTGRES:  # nothing left behind in the FTS table either
        rows = db.session.scalar(sa.text(f"SELECT count(*) FROM {FTS_TABLE}_docsize"))
        assert rows == 0


def test_bulk_inserted_projects_are_found(reviewer, world):
    bulk_projects(world.sent_plan, 30)
    assert len(listed_ids(reviewer, "year=all&q=dossiers n° 17")) == 1
    assert len(listed_ids(reviewer, "year=all&q=dossiers")) == 30


# --- capped counts ---------------------------------------------------------------------------


def test_a_common_word_says_more_than_and_still_pages(reviewer, world, monkeypatch):
    monkeypatch.setattr(services, "COUNT_CAP", 5)
    monkeypatch.setattr(services, "FTS_EXACT_LIMIT", 5)
    add_projects(world.sent_plan, 8, title_fr="Plateforme commune")
    add_projects(world.sent_plan, 2, title_fr="Autre chose")
    body = reviewer.get("/projects?year=all&q=commune&per_page=3").get_data(as_text=True)
    assert "plus de 5 projets" in body
    assert 'data-exact="false"' in body
    assert "1–3, page 1" in body and "page 1 sur" not in body
    assert 'rel="next"' in body
    # Every match once, in reference order, by following the pages
    ids = listed_ids(reviewer, "year=all&q=commune&per_page=3")
    expected = db.session.scalars(
        sa.select(Project.id)
        .where(Project.title_fr == "Plateforme commune")
        .order_by(Project.reference)
    )
    assert ids == list(expected)
    # At the cap or under it, the count is exact
    assert "2 projets" in reviewer.get("/projects?year=all&q=autre").get_data(as_text=True)


@pytest.mark.skipif(ON_POSTGRES, reason="the SQLite trigram table's candidate count")
def test_few_candidates_in_the_index_give_an_exact_count(reviewer, world, monkeypatch):
    monkeypatch.setattr(services, "COUNT_CAP", 5)
    monkeypatch.setattr(services, "FTS_EXACT_LIMIT", 50)
    add_projects(world.sent_plan, 8, title_fr="Plateforme commune")
    body = reviewer.get("/projects?year=all&q=commune&per_page=3").get_data(as_text=True)
    assert "8 projets" in body and 'data-exact="true"' in body and "page 1 sur 3" in body


def test_the_api_total_stays_exact(reviewer, world, monkeypatch):
    monkeypatch.setattr(services, "COUNT_CAP", 5)
    add_projects(world.sent_plan, 8, title_fr="Plateforme commune")
    data = reviewer.get("/api/v1/projects?year=all&q=commune").get_json()
    assert data["total"] == 8 and len(data["items"]) == 8


def test_capped_count_in_arabic(client, world, monkeypatch):
    monkeypatch.setattr(services, "COUNT_CAP", 5)
    monkeypatch.setattr(services, "FTS_EXACT_LIMIT", 5)
    add_projects(world.sent_plan, 8, title_ar="منصة مشتركة")
    log_in(client, world.reviewer, lang="ar")
    body = client.get("/projects?year=all&q=مشتركه").get_data(as_text=True)
    assert "أكثر من 5 مشاريع" in body


# --- deep pages and keyset links --------------------------------------------------------------


@pytest.mark.parametrize("sort", ["reference", "-reference", "budget", "-budget", "title"])
def test_pages_read_from_the_end_are_the_same_pages(reviewer, world, sort):
    for index, budget in enumerate([5, None, 1, 3, None, 9, 9, 2, None, 4, 7]):
        add_projects(world.sent_plan, 1, budget_dzd=budget, title_fr=f"T{index % 3}")
    everything = page_ids(reviewer, f"year=all&sort={sort}")
    assert len(everything) == 11
    pages = [page_ids(reviewer, f"year=all&sort={sort}&per_page=3&page={n}") for n in (1, 2, 3, 4)]
    # pages 3 and 4 (past the middle) are read backwards from the end, the last one is short
    assert [len(page) for page in pages] == [3, 3, 3, 2]
    assert [i for page in pages for i in page] == everything


def test_last_page_and_past_the_end(reviewer, world):
    add_projects(world.sent_plan, 7)
    last = reviewer.get("/projects?year=all&per_page=3&page=3").get_data(as_text=True)
    assert len(ROW_ID.findall(last)) == 1 and "7–7, page 3 sur 3" in last
    past = reviewer.get("/projects?year=all&per_page=3&page=4").get_data(as_text=True)
    assert "Cette page est au-delà de la fin de la liste." in past
    assert COUNT.search(past).group(1) == "7"


def test_next_and_previous_links_carry_a_cursor_and_cover_the_list(reviewer, world):
    add_projects(world.sent_plan, 11)
    everything = page_ids(reviewer, "year=all")
    url, seen, pages = "/projects?year=all&per_page=3", [], 0
    while url:
        body = reviewer.get(url.replace("&amp;", "&")).get_data(as_text=True)
        seen += [int(i) for i in ROW_ID.findall(body)]
        pages += 1
        found = re.search(r'<a href="([^"]+)"[^>]*rel="next"', body)
        url = found.group(1) if found else None
        if url:
            assert "after=" in url
    assert seen == everything and pages == 4
    # the previous link of page 3 leads back to page 2's rows
    third = reviewer.get("/projects?year=all&per_page=3&page=3").get_data(as_text=True)
    previous = re.search(r'<a href="([^"]+)"[^>]*rel="prev"', third).group(1)
    assert "before=" in previous and "page=2" in previous
    assert (
        page_ids(reviewer, previous.removeprefix("/projects?").replace("&amp;", "&"))
        == (everything[3:6])
    )


def test_cursor_descending_and_with_a_search(reviewer, world):
    add_projects(world.sent_plan, 6, title_fr="Plateforme")
    add_projects(world.sent_plan, 2, title_fr="Autre")
    everything = page_ids(reviewer, "year=all&q=plateforme&sort=-reference")
    filters = ProjectFilters.from_args({"year": "all", "q": "plateforme", "sort": "-reference"})
    reference = db.session.get(Project, everything[1]).reference
    after = page_ids(reviewer, f"year=all&q=plateforme&sort=-reference&after={reference}")
    assert after == everything[2:]
    before = page_ids(reviewer, f"year=all&q=plateforme&sort=-reference&before={reference}")
    assert before == everything[:1]
    assert filters.to_args(page=2) == {
        "year": "all",
        "q": "plateforme",
        "sort": "-reference",
        "page": "2",
    }


@pytest.mark.parametrize("query", ["after=%00x", f"after={'x' * 41}"])
def test_bad_cursor_gets_a_clear_400(reviewer, world, query):
    response = reviewer.get(f"/projects?year=all&{query}")
    assert response.status_code == 400


def test_cursor_ignored_outside_reference_order(reviewer, world):
    add_projects(world.sent_plan, 4)
    assert page_ids(reviewer, "year=all&sort=budget&after=2030-SNT-002") == page_ids(
        reviewer, "year=all&sort=budget"
    )


# --- the cache -------------------------------------------------------------------------------


def test_a_change_is_seen_at_once(reviewer, world):
    [project] = add_projects(world.sent_plan, 1, title_fr="Titre initial")
    for headers in ({}, {"HX-Request": "true"}):
        assert "Titre initial" in reviewer.get("/projects?year=all", headers=headers).get_data(
            as_text=True
        )
    assert reviewer.get("/api/v1/projects?year=all").get_json()["items"][0]["title_fr"] == (
        "Titre initial"
    )
    project = db.session.get(Project, project.id)
    project.title_fr = "Titre corrigé"
    db.session.commit()
    for headers in ({}, {"HX-Request": "true"}):
        body = reviewer.get("/projects?year=all", headers=headers).get_data(as_text=True)
        assert "Titre corrigé" in body and "Titre initial" not in body
    assert reviewer.get("/api/v1/projects?year=all").get_json()["items"][0]["title_fr"] == (
        "Titre corrigé"
    )
    add_projects(world.sent_plan, 1)
    assert COUNT.search(reviewer.get("/projects?year=all").get_data(as_text=True)).group(1) == "2"


def test_cached_pages_keep_each_scope_and_language(app, client, world):
    add_projects(world.sent_plan, 2, title_fr="Projet envoyé", title_ar="مشروع مرسل")
    add_projects(world.draft_plan, 1, title_fr="Projet brouillon")
    log_in(client, world.reviewer, "fr")
    assert len(page_ids(client, "year=all")) == 2
    officer = log_in(app.test_client(), world.officer_draft, "fr")
    body = officer.get("/projects?year=all").get_data(as_text=True)
    assert "Projet brouillon" in body and "Projet envoyé" not in body
    arabic = log_in(app.test_client(), world.officer_sent, lang="ar")
    body = arabic.get("/projects?year=all").get_data(as_text=True)
    assert "مشروع مرسل" in body and "Projet brouillon" not in body


def test_no_csrf_token_in_a_cached_fragment(reviewer, world):
    add_projects(world.sent_plan, 1)
    reviewer.get("/projects?year=all")
    cached = app_cache_values(reviewer.application)
    assert cached and not any("csrf" in str(value).lower() for value in cached)


def app_cache_values(app) -> list:
    store = app.extensions.get("digiweb_cache")
    return list(store._data.values()) if store else []


def test_service_gives_the_same_page_as_the_route(app, world):
    add_projects(world.sent_plan, 4)
    page = project_page(ProjectFilters(year=YEAR, per_page=3, page=2), world.reviewer)
    assert page.total == 4 and len(page.items) == 1 and page.total_exact


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_the_rows_amount_is_the_famount_filter(app, lang):
    from flask_babel import force_locale

    from digiweb.i18n import fmt_amount
    from digiweb.projects.routes import amount_formatter

    locale = {"ar": "ar_DZ", "fr": "fr_DZ"}[lang]
    with app.test_request_context(), force_locale(locale):
        amount = amount_formatter()
        for value in (None, 0, 7, 999, 1000, 1_250_000, 12_345_678_901, -4500):
            assert amount(value) == fmt_amount(value)
