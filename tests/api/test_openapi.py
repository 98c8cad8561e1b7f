"""The OpenAPI 3.1 description at /api/v1/openapi.json: a valid document (openapi-spec-validator),
every /api/v1 rule of the app described and nothing else, and real answers of every endpoint
(each documented status but 429) valid against the JSON Schemas it gives; the open-data export
(JSON and CSV) agrees with /api/v1/stats."""

import csv
import io
import re

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from digiweb.api.openapi import spec
from tests.conftest import IsolatedClient

PREFIX = "/api/v1"
DOCUMENT = "urn:digiweb:openapi"

# (path of the description, URL asked, account, expected status): every endpoint, every
# documented answer but 429 (rate limits: tests/auth/test_api_tokens.py).
CALLS = [
    ("/plans", "/plans?year=2021", "viewer", 200),
    ("/plans", "/plans", "officer-mf", 200),
    ("/plans", "/plans?year=abc", "viewer", 400),
    ("/plans", "/plans?year=1999", "viewer", 404),
    ("/plans", "/plans?year=2021", None, 401),
    ("/projects", "/projects?year=2021", "viewer", 200),
    ("/projects", "/projects?year=all&sort=-budget&page=2&per_page=20", "reviewer", 200),
    ("/projects", "/projects?year=2021&q=numérique&target=citizens", "officer-mj", 200),
    ("/projects", "/projects?year=2021&after=2021-MF-001", "admin", 200),
    ("/projects", "/projects?sort=nonsense", "viewer", 400),
    ("/projects", "/projects", None, 401),
    ("/stats", "/stats?year=2021", "viewer", 200),
    ("/stats", "/stats?year=2021", "officer-mf", 200),
    ("/stats", "/stats", "viewer", 400),
    ("/stats", "/stats?year=1999", "viewer", 404),
    ("/stats", "/stats?year=2021", None, 401),
    ("/open-data/{year}.json", "/open-data/2021.json", "viewer", 200),
    ("/open-data/{year}.json", "/open-data/2021.json", "officer-mf", 200),
    ("/open-data/{year}.json", "/open-data/1999.json", "viewer", 404),
    ("/open-data/{year}.json", "/open-data/2021.json", None, 401),
    ("/open-data/{year}.csv", "/open-data/2021.csv", "reviewer", 200),
    ("/open-data/{year}.csv", "/open-data/1999.csv", "viewer", 404),
    ("/open-data/{year}.csv", "/open-data/2021.csv", None, 401),
    ("/openapi.json", "/openapi.json", "officer-mj", 200),
    ("/openapi.json", "/openapi.json", None, 401),
]


@pytest.fixture(scope="module")
def document():
    return spec()


def _validator(document, schema: dict) -> Draft202012Validator:
    registry = Registry().with_resource(
        DOCUMENT, Resource(contents=document, specification=DRAFT202012)
    )
    schema = {"$ref": DOCUMENT + schema["$ref"]} if "$ref" in schema else schema
    return Draft202012Validator(
        schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def test_the_document_is_valid_openapi_3_1(document):
    validate(document)
    assert document["openapi"].startswith("3.1")


def test_it_is_served_as_built(as_user):
    response = as_user("viewer").get(f"{PREFIX}/openapi.json")
    assert response.status_code == 200 and response.is_json
    validate(response.get_json())
    assert response.get_json() == spec()


def _described(rule: str) -> str:
    """/api/v1/open-data/<int:year>.json -> /open-data/{year}.json"""
    return re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.removeprefix(PREFIX))


def test_every_api_rule_is_described_and_nothing_else(demo_app, document):
    rules = {}
    for rule in demo_app.url_map.iter_rules():
        if rule.rule.startswith(PREFIX + "/"):
            rules[_described(rule.rule)] = rule.methods - {"HEAD", "OPTIONS"}
    assert set(rules) == set(document["paths"])
    for path, methods in rules.items():
        assert {m.lower() for m in methods} == set(document["paths"][path]) - {"parameters"}


def test_every_documented_answer_is_tried_here(document):
    documented = {
        (path, status)
        for path, item in document["paths"].items()
        for status in item["get"]["responses"]
        if status != "429"
    }
    assert documented == {(path, str(status)) for path, _url, _user, status in CALLS}


def _client(demo_app, as_user, username):
    if username is None:
        demo_app.test_client_class = IsolatedClient
        return demo_app.test_client()
    return as_user(username)


@pytest.mark.parametrize(("path", "url", "username", "status"), CALLS)
def test_real_answers_match_their_schema(demo_app, as_user, document, path, url, username, status):
    response = _client(demo_app, as_user, username).get(PREFIX + url)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    described = document["paths"][path]["get"]["responses"][str(status)]
    (media_type, content), *_others = described["content"].items()
    assert response.mimetype == media_type
    if media_type == "text/csv":
        rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
        assert rows[0] == content["x-columns"]
        assert len(rows) > 1 and all(len(row) == len(rows[0]) for row in rows)
        return
    errors = sorted(
        _validator(document, content["schema"]).iter_errors(response.get_json()), key=str
    )
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


@pytest.mark.parametrize("name", ["target", "kind", "technology", "status", "sort"])
def test_every_documented_value_of_a_project_filter_is_accepted(as_user, document, name):
    client = as_user("viewer")
    (parameter,) = [
        p for p in document["paths"]["/projects"]["get"]["parameters"] if p["name"] == name
    ]
    for value in parameter["schema"]["enum"]:
        response = client.get(f"{PREFIX}/projects?year=2021&{name}={value}")
        assert response.status_code == 200, (name, value)
    assert client.get(f"{PREFIX}/projects?{name}=undocumented").status_code == 400


def test_per_page_is_lowered_to_the_documented_maximum(as_user, document):
    schema = document["components"]["schemas"]["ProjectPage"]["properties"]["per_page"]
    data = as_user("viewer").get(f"{PREFIX}/projects?year=2021&per_page=100000").get_json()
    assert data["per_page"] == schema["maximum"]


@pytest.mark.parametrize("username", ["viewer", "officer-mf"])
def test_open_data_agrees_with_the_stats(as_user, username):
    client = as_user(username)
    stats = client.get(f"{PREFIX}/stats?year=2021").get_json()
    data = client.get(f"{PREFIX}/open-data/2021.json").get_json()
    assert data["totals"] == stats
    sent = [row for row in data["departments"] if row["plan_sent"]]
    assert len(sent) == stats["departments_submitted"]
    assert sum(row["projects"] for row in data["departments"]) == stats["projects"]
    assert {row["department"]: row["projects"] for row in sent} == stats["by_department"]
    assert len(data["departments"]) == stats["departments_invited"]
    text = client.get(f"{PREFIX}/open-data/2021.csv").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert [row["department"] for row in rows] == [row["department"] for row in data["departments"]]
    assert [int(row["projects"]) for row in rows] == [
        row["projects"] for row in data["departments"]
    ]
    assert {row["plan_sent"] for row in rows} <= {"true", "false"}


def test_open_data_of_the_seed(as_user):
    data = as_user("reviewer").get(f"{PREFIX}/open-data/2021.json").get_json()
    assert len(data["departments"]) == 34
    assert sum(row["plan_sent"] for row in data["departments"]) == 28
    assert sum(row["projects"] for row in data["departments"]) == 222
    response = as_user("reviewer").get(f"{PREFIX}/open-data/2021.csv")
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.get_data().startswith(b"\xef\xbb\xbf")
    assert 'filename="digiweb-open-data-2021.csv"' in response.headers["Content-Disposition"]
    mine = as_user("officer-mf").get(f"{PREFIX}/open-data/2021.csv")
    assert 'filename="digiweb-open-data-2021-MF.csv"' in mine.headers["Content-Disposition"]
