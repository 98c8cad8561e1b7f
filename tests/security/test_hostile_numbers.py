"""Out-of-range and non-ASCII numbers in paths and query strings: 404 or 4xx, never a 5xx.

The review found 500s on both databases: ids >= 2^63 overflowed SQLite, >= 2^31 PostgreSQL's
integer, and "²" (str.isdigit() is true, int() fails) in two query strings. Every `<int:…>` of
every route is now the bounded converter of digiweb/numbers.py, and query numbers go through
`whole_number()`; the walk below covers every GET and POST rule with an int parameter, those
added later included, on the database the suite runs on."""

import pytest

from digiweb.numbers import DB_INT_MAX, IdConverter, whole_number

HUGE_IDS = [str(DB_INT_MAX + 1), str(2**63), str(2**64), "9" * 40, "0", "²", "١٢", "-1"]

NAMED_ROUTES = [
    "/plans/{n}",
    "/projects/{n}",
    "/plans/{n}/sheet.pdf",
    "/reports/campaign/{n}.pdf",
    "/decisions/{n}/follow-up",
    "/notifications/{n}/open",
    "/campaigns/{n}",
]


@pytest.mark.parametrize("route", NAMED_ROUTES)
@pytest.mark.parametrize("value", [str(DB_INT_MAX + 1), str(2**63), "9" * 40])
def test_the_reported_routes_answer_404_to_huge_ids(as_user, route, value):
    response = as_user("reviewer").get(route.format(n=value))
    assert response.status_code == 404


def test_the_largest_id_a_column_holds_is_still_looked_up(as_user):
    """The bound is the column's: 2^31 - 1 reaches the database and is simply not found."""
    assert as_user("reviewer").get(f"/plans/{DB_INT_MAX}").status_code == 404
    assert as_user("reviewer").get("/plans/1").status_code == 200


@pytest.mark.parametrize("value", ["²", "١٢", "9" * 40, str(DB_INT_MAX + 1), "1e3", "-1"])
def test_api_plans_year_that_is_not_a_plain_number_is_a_400(as_user, value):
    response = as_user("viewer").get(f"/api/v1/plans?year={value}")
    assert response.status_code == 400
    assert response.get_json()["status"] == 400


@pytest.mark.parametrize("value", ["²", "١٢", "9" * 40, str(2**63)])
def test_admin_users_department_filter_ignores_what_is_not_an_id(as_user, value):
    response = as_user("admin").get(f"/admin/users?department={value}")
    assert response.status_code == 200


def _int_rules(app):
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        ints = [name for name, conv in rule._converters.items() if isinstance(conv, IdConverter)]
        if ints:
            yield rule, ints


@pytest.mark.slow
def test_every_int_parameter_of_every_route_refuses_hostile_values(demo_app, as_user):
    """GET and POST (with a valid CSRF token) on every rule, each int parameter set in turn to
    a hostile value, the others to existing records: 404 (or 405 when another rule serves the
    same path with other methods), never a 5xx, never a match."""
    from tests.test_csrf_everywhere import _existing_id

    client = as_user("admin")
    walked, wrong = 0, []
    for rule, ints in _int_rules(demo_app):
        base = {name: _existing_id(name) for name in rule.arguments}
        if "reference" in base:
            base["reference"] = "MNS-2021-001"
        for name in ints:
            for value in HUGE_IDS:
                path = rule.build({**base, name: 1})[1]
                # put the hostile value where the 1 of this parameter is
                segments = rule.rule.split("/")
                built = path.split("/")
                index = next(i for i, s in enumerate(segments) if f":{name}>" in s)
                prefix, _, suffix = segments[index].partition("<")
                suffix = suffix.partition(">")[2]
                built[index] = f"{prefix}{value}{suffix}"
                url = "/".join(built)
                for method in sorted(rule.methods & {"GET", "POST"}):
                    walked += 1
                    response = client.open(url, method=method, data={"version": "1"})
                    # 404, or 405 where another rule has the same path for other methods
                    if response.status_code not in (404, 405):
                        wrong.append(f"{method} {url}: {response.status_code}")
    assert walked > 200
    assert wrong == []


def test_the_converter_matches_ascii_digits_within_the_column_only(app):
    adapter = app.url_map.bind("localhost")
    assert adapter.match("/plans/7")[1] == {"plan_id": 7}
    assert adapter.match(f"/plans/{DB_INT_MAX}")[1] == {"plan_id": DB_INT_MAX}
    for value in ("0", str(DB_INT_MAX + 1), "٣", "²", "9" * 400):
        with pytest.raises(Exception) as caught:
            adapter.match(f"/plans/{value}")
        assert getattr(caught.value, "code", None) == 404


def test_whole_number_reads_plain_ascii_numbers_within_bounds():
    assert whole_number("2021") == 2021
    assert whole_number(" 12 ") == 12
    assert whole_number("0") == 0
    for raw in (None, "", "²", "١٢", "1e3", "-1", "12abc", "9" * 40, str(DB_INT_MAX + 1)):
        assert whole_number(raw) is None
    assert whole_number("5", minimum=6) is None
    assert whole_number("5", maximum=4) is None
